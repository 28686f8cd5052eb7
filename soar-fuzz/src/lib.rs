//! The fuzz targets: functions from arbitrary bytes to nothing, which panic when a property
//! breaks. The `soar-fuzz` binary hands them to libFuzzer (`cargo xtask fuzz`, built with
//! `--cfg fuzzing`); the `corpus` test replays every file of `corpus/<target>/` through them
//! without libFuzzer, so CI checks what the fuzzer once found.
//!
//! A target never panics on bad input: the code under test must give an error. What it does
//! assert are the properties the code promises: a typed value prints a form that parses back
//! to itself, the app JSON writes byte-stable JSON, a state saved again unchanged is the same
//! file, a run always ends in a result that is JSON.

#![forbid(unsafe_code)]

mod app_json;
mod pipeline;
mod state_file;
mod values;
mod whois_reply;

use std::path::{Path, PathBuf};

/// One fuzz target: its name (the directory of its corpus, the argument of
/// `cargo xtask fuzz`) and its function.
#[derive(Debug, Clone, Copy)]
pub struct Target {
    /// The target's name.
    pub name: &'static str,
    /// Runs one input.
    pub run: fn(&[u8]),
    /// The longest input libFuzzer makes (its `-max_len`): longer inputs repeat the same code.
    pub max_len: usize,
}

/// Every fuzz target.
pub const TARGETS: [Target; 5] = [
    Target {
        name: "pipeline",
        run: pipeline::run,
        max_len: 4096,
    },
    Target {
        name: "app_json",
        run: app_json::run,
        max_len: 8192,
    },
    Target {
        name: "values",
        run: values::run,
        max_len: 512,
    },
    Target {
        name: "whois",
        run: whois_reply::run,
        max_len: 512,
    },
    Target {
        name: "state_file",
        run: state_file::run,
        max_len: 4096,
    },
];

/// The target called `name`.
pub fn target(name: &str) -> Option<Target> {
    TARGETS.iter().copied().find(|target| target.name == name)
}

/// The names of the targets, comma-separated: what an error about an unknown target lists.
pub fn target_names() -> String {
    TARGETS.map(|target| target.name).join(", ")
}

/// What the fuzzing binary prints when `SOAR_FUZZ_TARGET` is [`LIST`]: one line per target,
/// its name and its `max_len`, which `cargo xtask fuzz` reads.
pub fn listing() -> String {
    TARGETS
        .iter()
        .map(|target| format!("{} {}\n", target.name, target.max_len))
        .collect()
}

/// The `SOAR_FUZZ_TARGET` that makes the fuzzing binary print [`listing`] and exit.
pub const LIST: &str = "--list";

/// The committed, minimised corpus of the target called `name`.
pub fn corpus_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(name)
}

/// The files of `path`: the file itself, or the files of the directory sorted by name.
pub fn inputs(path: &Path) -> std::io::Result<Vec<PathBuf>> {
    if !path.is_dir() {
        return Ok(vec![path.to_owned()]);
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(path)? {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            files.push(entry.path());
        }
    }
    files.sort();
    Ok(files)
}

/// Runs the file at `path` through `target`; panics naming the file when it cannot be read.
pub fn replay(target: Target, path: &Path) {
    let bytes = std::fs::read(path)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()));
    (target.run)(&bytes);
}
