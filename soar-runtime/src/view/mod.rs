//! Custom views: how an action's results look in the platform's widget, written in Rust.
//!
//! A view is a plain function from the typed app runs of its action to [`Markup`], written
//! with maud's `html!` (the connector depends on `maud` at the runtime's version, 0.27, whose
//! `Markup` this module re-exports), and bound to its action in the action's attribute:
//!
//! ```
//! # use soar_runtime::prelude::*;
//! use maud::{Markup, html};
//! use soar_runtime::view::{AppRun, ViewResult, parts};
//! # /// Looks things up.
//! # #[connector(appid = "1b4c2f39-0a55-4c1e-9d57-5f3f1a7c9e21", name = "Lookup",
//! #     publisher = "Example Corp", app_type = "information", product_vendor = "Generic",
//! #     product_name = "Lookup", license = "Apache-2.0")]
//! # pub struct Lookup {}
//!
//! #[derive(serde::Serialize, serde::Deserialize, ActionOutput)]
//! struct Answer {
//!     name: String,
//! }
//!
//! /// Look a name up.
//! #[action(render(view = answer_card, title = "Answer", width = 6, height = 4))]
//! fn look_up(_lookup: &mut Lookup, name: String) -> Answer {
//!     Answer { name }
//! }
//!
//! /// The answers, one card each.
//! fn answer_card(runs: &[AppRun<Answer>]) -> Markup {
//!     html! {
//!         @for run in runs {
//!             @for result in &run.results {
//!                 @match result {
//!                     ViewResult::Fit(fit) => @for answer in &fit.data {
//!                         div.card { (answer.name) }
//!                     },
//!                     ViewResult::Unfit(raw) => (parts::unfit(raw)),
//!                 }
//!             }
//!         }
//!     }
//! }
//! # fn main() {}
//! ```
//!
//! The view's argument must be `&[AppRun<Data, Summary, Parameter>]` with the action's own data
//! and summary types (a compile error at the view's name otherwise; `Summary` is [`Nothing`]
//! for an action that writes none, and `Parameter`, [`Parameters`] unless given, is any type
//! the parameter dict deserializes into). Each result is [`ViewResult::Fit`] when its
//! parameter, data and summary deserialize into those types, and [`ViewResult::Unfit`] (the
//! stored JSON and the reason) when they do not, as after a change of the output type; failed
//! results and empty data fit like any other. A view that panics, or runs that are not a list
//! of runs, give an [`error card`](parts::error_card) instead of a broken widget.
//!
//! What a view writes is escaped: maud escapes every value it splices into text and attributes,
//! and templates are Rust code checked by the compiler against the types. The one way to put
//! raw HTML in a page is maud's `PreEscaped`, which this module does not re-export, so that
//! `grep -rn PreEscaped` finds every use. Links go through [`Link`], which refuses every
//! scheme but `http`, `https` and `mailto`.
//!
//! The metadata follows from the binding: the action's `render` becomes `type: custom` with the
//! `view` of the bundle's view module, the `title`, `width` and `height` given, and the app's
//! `min_phantom_version` is raised to 7.0.0 ([`VIEW_MIN_PHANTOM_VERSION`]), the first platform
//! that takes the pre-rendered HTML a view returns. Locally, `<connector> view <action> --result
//! <result.json>` and `<connector> action ... --view <file>` write the view in a page that
//! approximates the widget ([`preview_page`]).
//!
//! An action without a view of its own can show [`parts::default_table`] (`render(view =
//! soar_runtime::view::parts::default_table)`); the view stub that `cargo soar import` writes
//! for a custom render calls it.

mod link;
pub mod parts;
mod runs;

pub use link::Link;
use maud::html;
pub use maud::{Markup, Render};
pub use runs::{
    AppRun, Fit, Nothing, Parameters, Unfit, ViewResult, payload_of_run_results, read_runs,
};
use serde::de::DeserializeOwned;

pub use soar_vocab::VIEW_MIN_PHANTOM_VERSION;

/// The styles of the local preview page, which approximate the platform's widget frame.
const PREVIEW_STYLE: &str = include_str!("preview.css");

/// Renders `view` of `action` for the app runs of `payload` (JSON, see [`read_runs`]): the
/// widget's HTML, or an error card when the payload is not a list of runs or the view panics.
pub fn render<D, S, P, F>(action: &str, view: F, payload: &str) -> String
where
    D: DeserializeOwned,
    S: DeserializeOwned,
    P: DeserializeOwned,
    F: Fn(&[AppRun<D, S, P>]) -> Markup,
{
    let runs = match read_runs::<D, S, P>(payload) {
        Ok(runs) => runs,
        Err(problem) => return parts::error_card(action, &problem).into_string(),
    };
    match crate::caught::caught(|| view(&runs)) {
        Ok(body) => parts::widget(quote_apostrophes(body)).into_string(),
        Err(reason) => {
            parts::error_card(action, &format!("the view panicked: {reason}")).into_string()
        }
    }
}

/// `body` with its apostrophes written `&#39;`, as Django's escaping writes them. maud escapes
/// `&`, `<`, `>` and `"`, which is enough for its double-quoted attributes, but leaves `'`:
/// a hostile `<img src=x onerror=alert('1')>` then shows as text that still holds
/// `onerror=alert('1')`, which Splunk's security test of views looks for. In text and in
/// double-quoted attributes `&#39;` reads as `'`, so nothing a view shows changes.
fn quote_apostrophes(body: Markup) -> Markup {
    // Already escaped by maud: the view's own markup with `'` escaped once more.
    maud::PreEscaped(body.into_string().replace('\'', "&#39;"))
}

/// The size of a widget as the app JSON's `render` gives it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WidgetSize {
    /// Width in the platform's grid columns (of 12).
    pub width: Option<u32>,
    /// Height in the platform's grid rows.
    pub height: Option<u32>,
}

/// A whole HTML page that shows `widget_html` (what [`render`] returned) in a frame that
/// approximates the platform's widget: its title bar, its width and height, its fonts.
pub fn preview_page(title: &str, size: WidgetSize, widget_html: &str) -> String {
    // The grid is 12 columns of a page about 1200 pixels wide; a row is about 60 pixels.
    let width = size.width.unwrap_or(12).clamp(1, 12) * 100;
    let height = size.height.unwrap_or(5).max(1) * 60;
    let frame = format!("width: {width}px;");
    let content = format!("min-height: {height}px;");
    html! {
        (maud::DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                title { (title) " (preview)" }
                style { (maud::PreEscaped(PREVIEW_STYLE)) }
            }
            body {
                section.widget style=(frame) {
                    header { (title) }
                    // What the view rendered: the page shows it as the widget would.
                    div.content style=(content) { (maud::PreEscaped(widget_html)) }
                }
                p.preview-note { "Local preview: the frame approximates the Splunk SOAR widget." }
            }
        }
    }
    .into_string()
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};
    use serde_json::json;

    use super::*;

    #[derive(Debug, Serialize, Deserialize)]
    struct Item {
        name: String,
        tags: Vec<String>,
    }

    fn payload(data: serde_json::Value) -> String {
        json!([{"summary": {}, "results": [
            {"parameter": {"q": "x"}, "data": data, "summary": {}, "status": "success", "message": "Found"},
        ]}])
        .to_string()
    }

    #[test]
    fn the_default_table_lists_every_data_path() {
        let html = render(
            "lookup",
            parts::default_table::<Item, Nothing>,
            &payload(json!([{"name": "a", "tags": ["p", "q"]}, {"name": "b", "tags": []}])),
        );
        for cell in [
            "<th>name</th>",
            "<th>tags.0</th>",
            "<th>tags.1</th>",
            "<td>a</td>",
            "<td>q</td>",
            "<td>b</td>",
        ] {
            assert!(html.contains(cell), "{cell}: {html}");
        }
        assert!(html.starts_with("<style>") && html.contains("<div class=\"soar-view\">"));
    }

    #[test]
    fn the_default_table_shows_the_results_of_an_action_that_writes_no_data() {
        let html = render(
            "set status",
            parts::default_table::<Nothing, Nothing>,
            &payload(json!([{"ignored": 1}])),
        );
        assert!(html.contains("Found"), "{html}");
        assert!(!html.contains("ignored"), "{html}");
    }

    #[test]
    fn a_panicking_view_and_unreadable_runs_give_an_error_card() {
        let panicking = |_: &[AppRun<Item>]| -> Markup { panic!("no <b>luck</b>") };
        let html = render("lookup", panicking, &payload(json!([])));
        assert!(
            html.contains("The view of lookup cannot be shown"),
            "{html}"
        );
        assert!(
            html.contains("the view panicked: no &lt;b&gt;luck&lt;/b&gt;"),
            "{html}"
        );
        let html = render(
            "lookup",
            parts::default_table::<Item, Nothing>,
            "{\"not\": \"runs\"}",
        );
        assert!(
            html.contains("the app runs are not a list of runs"),
            "{html}"
        );
    }

    #[test]
    fn apostrophes_are_escaped_like_quotes() {
        let html = render(
            "lookup",
            parts::default_table::<Item, Nothing>,
            &payload(json!([{"name": "<img src=x onerror=alert('1')>", "tags": []}])),
        );
        assert!(!html.contains("onerror=alert('1')"), "{html}");
        assert!(
            html.contains("&lt;img src=x onerror=alert(&#39;1&#39;)&gt;"),
            "{html}"
        );
    }

    #[test]
    fn the_preview_frames_the_widget_at_its_size() {
        let page = preview_page(
            "Registration <1>",
            WidgetSize {
                width: Some(6),
                height: Some(8),
            },
            "<p>x</p>",
        );
        assert!(page.starts_with("<!DOCTYPE html>"));
        assert!(page.contains("<title>Registration &lt;1&gt; (preview)</title>"));
        assert!(page.contains("style=\"width: 600px;\""));
        assert!(page.contains("style=\"min-height: 480px;\""));
        assert!(
            page.contains("<div class=\"content\" style=\"min-height: 480px;\"><p>x</p></div>")
        );
    }
}
