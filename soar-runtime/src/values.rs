//! typed values (being written)
