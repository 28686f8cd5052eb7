//! The actions of every connector in the program, registered by `#[action]` with `inventory`
//! wherever they are declared, and found again by connector type.

use std::any::{Any, TypeId};

use crate::context::Ctx;
use crate::error::ActionError;
use crate::meta::{ActionMeta, OutputSpec, ViewFn};
use crate::result::ActionResult;

/// Runs one action on a connector (passed as `dyn Any`) for one parameter dict.
pub type Handler = fn(&mut dyn Any, &mut Ctx, &mut ActionResult) -> Result<(), ActionError>;

/// One `#[action]`, `#[test_connectivity]` or `#[on_poll]` function.
#[derive(Debug)]
pub struct ActionRegistration {
    /// The type of the connector the action belongs to.
    pub connector: fn() -> TypeId,
    /// The source file of the declaration (`file!()`).
    pub file: &'static str,
    /// The line of the declaration (`line!()`).
    pub line: u32,
    /// The column of the declaration (`column!()`).
    pub column: u32,
    /// What the app JSON says about the action.
    pub meta: ActionMeta,
    /// Adds the data and summary entries of the action's return type.
    pub outputs: fn(&mut Vec<OutputSpec>),
    /// Runs the action.
    pub handler: Handler,
}

inventory::collect!(ActionRegistration);

/// The actions of connector `C` in app JSON order: test connectivity first, on poll last, the
/// others in declaration order (file, then line), whatever the link order.
pub fn actions_of<C: 'static>() -> Vec<&'static ActionRegistration> {
    let connector = TypeId::of::<C>();
    let mut actions: Vec<_> = inventory::iter::<ActionRegistration>
        .into_iter()
        .filter(|action| (action.connector)() == connector)
        .collect();
    actions.sort_by_key(|action| (action.meta.rank, action.file, action.line, action.column));
    actions
}

/// The view of connector `C`'s action `identifier`, if it has one.
pub fn view_of<C: 'static>(identifier: &str) -> Option<ViewFn> {
    actions_of::<C>()
        .into_iter()
        .find(|action| action.meta.identifier == identifier)
        .and_then(|action| action.meta.render?.view)
}

/// Runs the action that the context names on `connector`.
pub fn dispatch<C: 'static>(
    connector: &mut C,
    ctx: &mut Ctx,
    result: &mut ActionResult,
) -> Result<(), ActionError> {
    let identifier = ctx.identifier();
    let connector_type = TypeId::of::<C>();
    let action = inventory::iter::<ActionRegistration>
        .into_iter()
        .find(|action| {
            action.meta.identifier == identifier && (action.connector)() == connector_type
        })
        .ok_or_else(|| ActionError::new(format!("No handler for action '{identifier}'")))?;
    (action.handler)(connector, ctx, result)
}

/// The connector a handler was given, as its own type.
pub fn connector<C: 'static>(connector: &mut dyn Any) -> Result<&mut C, ActionError> {
    connector.downcast_mut::<C>().ok_or_else(|| {
        ActionError::new(format!(
            "The action was dispatched to a connector that is not a {}",
            std::any::type_name::<C>()
        ))
    })
}
