//! `cargo soar`: see the `cargo_soar` library for the commands.

fn main() -> std::process::ExitCode {
    cargo_soar::cli::main()
}
