//! app JSON model (being written)
