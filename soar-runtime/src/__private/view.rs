//! The renderer that `#[action(render(view = ...))]` generates: the view called on the app runs
//! read as the action's data and summary types.

use serde::de::DeserializeOwned;

use crate::output::IntoActionResult;
use crate::view::{AppRun, Markup};

/// Renders `view`, a view of the action `action` that returns `R`, for the app runs of
/// `payload`.
pub fn render<R, P, F>(action: &str, view: F, payload: &str) -> String
where
    R: IntoActionResult,
    R::Data: DeserializeOwned,
    R::Summary: DeserializeOwned,
    P: DeserializeOwned,
    F: Fn(&[AppRun<R::Data, R::Summary, P>]) -> Markup,
{
    crate::view::render(action, view, payload)
}
