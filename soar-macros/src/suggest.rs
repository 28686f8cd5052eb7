//! "Did you mean" suggestions for misspelled names: the rule every part shares
//! (`soar_vocab::suggest`), so that the macros and the local runner suggest alike.

pub use soar_vocab::suggest::{closest, listing};
