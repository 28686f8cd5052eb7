//! The AlertDesk connector (work in progress).

pub mod api;
pub mod indicator;
pub mod ingest;
