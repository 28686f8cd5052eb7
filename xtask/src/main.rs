//! Project tasks. Run `cargo xtask --help`.

fn main() {}
