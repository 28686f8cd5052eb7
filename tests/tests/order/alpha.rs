//! Actions of the first file by name.

use soar_runtime::prelude::*;

/// On poll, declared before others but listed last.
#[on_poll]
fn poll(_connector: &mut super::Order, _params: PollParams) {}

/// First in this file.
#[action]
fn alpha_first(_connector: &mut super::Order) {}

/// Second in this file.
#[action]
fn alpha_second(_connector: &mut super::Order) {}
