//! contains validators (being written)
