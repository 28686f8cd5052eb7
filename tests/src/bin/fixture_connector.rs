//! The fixture connector's binary: `fixture_connector run <action.json>`.

fn main() -> std::process::ExitCode {
    soar_runtime::cli::main::<soar_tests::fixture::Fixture>()
}
