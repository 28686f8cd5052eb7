//! Runs the 100,000-dict pipeline once and reports peak memory against the goal: peak resident
//! memory above the process baseline at most twice the input plus the output JSON. The output
//! streams into a byte counter, as `<connector> run` streams it to standard output.
//!
//! `cargo bench -p soar-runtime --bench peak_memory`, or run the built binary under
//! `/usr/bin/time -v`. It reads its own `VmHWM` from `/proc/self/status`; a process's peak is
//! only ever raised, so the baseline is read before the input is built.

mod common;

fn status_kib(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix(field))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn main() {
    if std::env::args().any(|arg| arg == "--list") {
        println!("peak_memory: bench");
        return;
    }
    let app = <common::NoOp as soar_runtime::connector::Connector>::app_json();
    let baseline = status_kib("VmHWM:");
    let input = common::action_json(100_000);
    let input_len = input.len();
    let output_len = common::pipeline(&app, &input);
    drop(input);
    let peak = status_kib("VmHWM:");
    let used = (peak - baseline) * 1024;
    let budget = 2 * (input_len + output_len) as u64;
    println!(
        "100000 dicts: input {:.1} MiB, output {:.1} MiB; peak RSS {:.1} MiB, baseline {:.1} MiB, above baseline {:.1} MiB; budget (2 x (input + output)) {:.1} MiB: {}",
        input_len as f64 / 1048576.0,
        output_len as f64 / 1048576.0,
        peak as f64 / 1024.0,
        baseline as f64 / 1024.0,
        used as f64 / 1048576.0,
        budget as f64 / 1048576.0,
        if used <= budget {
            "within the goal"
        } else {
            "OVER THE GOAL"
        }
    );
}
