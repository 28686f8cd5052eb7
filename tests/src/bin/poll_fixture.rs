//! The slow feed's binary: `poll_fixture poll --asset asset.json --store <dir>`.

fn main() -> std::process::ExitCode {
    soar_runtime::cli::main::<soar_tests::poll_fixture::SlowFeed>()
}
