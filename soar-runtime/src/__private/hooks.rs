//! The lifecycle hooks of a `#[connector]` struct written as plain methods.
//!
//! The generated `Connector` impl calls each hook as a method from a module that imports
//! only [`DefaultHooks`]: an inherent method of the connector with the hook's name wins (method
//! resolution prefers inherent methods), and [`DefaultHooks`] supplies the platform's default
//! otherwise. The inherent method must be visible from the connector's module.

use serde_json::{Map, Value};

use crate::app_json::Action;
use crate::context::Ctx;
use crate::error::ActionError;

/// The default of every lifecycle hook, for every type.
pub trait DefaultHooks {
    /// No-op `initialize`.
    fn initialize(&mut self, ctx: &mut Ctx) -> Result<(), ActionError> {
        let _ = ctx;
        Ok(())
    }

    /// The stock contains rule.
    fn validate_parameters(
        &mut self,
        ctx: &mut Ctx,
        action: &Action,
        params: &Map<String, Value>,
    ) -> Result<(), ActionError> {
        crate::params::validate_contains(ctx.validators(), action, params)
    }

    /// No-op `finalize`.
    fn finalize(&mut self, ctx: &mut Ctx) -> Result<(), ActionError> {
        let _ = ctx;
        Ok(())
    }

    /// No-op `handle_exception`.
    fn handle_exception(&mut self, ctx: &mut Ctx, message: &str) {
        let _ = (ctx, message);
    }

    /// No-op `handle_cancel`.
    fn handle_cancel(&mut self, ctx: &mut Ctx) {
        let _ = ctx;
    }
}

impl<T> DefaultHooks for T {}
