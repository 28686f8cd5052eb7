//! The state file reader and writer (`soar_runtime::state::{decode_file, encode_file}`, what
//! `FileState` loads and saves).

use soar_runtime::state::{decode_file, encode_file};

/// The input as a state file: when it holds a state, saving that state and loading it gives
/// it back, and saving it again writes the same text.
pub(crate) fn run(bytes: &[u8]) {
    let Ok(state) = decode_file(bytes) else {
        return;
    };
    let saved = encode_file(&state, Some("1.0.0")).expect("a loaded state always saves");
    let loaded = decode_file(saved.as_bytes()).expect("a saved state always loads");
    let mut expected = state;
    expected.insert("app_version".into(), "1.0.0".into());
    assert_eq!(
        loaded, expected,
        "the state changed through a save:\n{saved}"
    );
    let saved_again = encode_file(&loaded, Some("1.0.0")).expect("a loaded state always saves");
    assert_eq!(
        saved_again, saved,
        "saving the same state again changed the file"
    );
}
