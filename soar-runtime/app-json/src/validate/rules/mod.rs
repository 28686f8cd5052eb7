//! The platform contract's rules, checked on the typed model.

mod actions;
mod configuration;
mod defaults;
mod outputs;
mod parameters;
mod sequence;
mod top;
mod unknown_keys;

use super::finding::Finding;
use crate::AppJson;

/// Adds the findings of the contract's rules for `app` to `findings`.
pub(super) fn check(app: &AppJson, findings: &mut Vec<Finding>) {
    top::check(app, findings);
    unknown_keys::check(app, findings);
    configuration::check(app, findings);
    actions::check(app, findings);
}
