//! Procedural macros of the SOAR connector framework.
//!
//! Use them through `soar_runtime`, which re-exports them.
