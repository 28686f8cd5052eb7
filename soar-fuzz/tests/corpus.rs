//! Every committed corpus file replays through its fuzz target without libFuzzer: what the
//! fuzzer once found keeps being checked by `cargo test`.

use soar_fuzz::{TARGETS, corpus_dir, inputs, replay};

#[test]
fn every_corpus_file_replays() {
    for target in TARGETS {
        let dir = corpus_dir(target.name);
        let files = inputs(&dir)
            .unwrap_or_else(|error| panic!("the corpus {} is missing: {error}", dir.display()));
        assert!(
            files.len() >= 5,
            "the corpus {} holds {} files: seed it (docs/fuzzing.md)",
            dir.display(),
            files.len()
        );
        for file in &files {
            replay(target, file);
        }
    }
}
