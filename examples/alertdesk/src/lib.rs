//! The AlertDesk connector (work in progress).
