//! The vault's files, by content: `vault/<first 2 hex digits>/<sha1>`. The same content added
//! twice is one file.

use std::io;
use std::path::{Path, PathBuf};

/// Moves the staged file `staged`, whose SHA-1 is `sha1`, to its place under `vault_dir` and
/// returns that place. When the content is there already, the staged file is removed. The
/// staging directory is on the same file system, so the move is a rename.
pub(crate) fn keep(vault_dir: &Path, staged: &Path, sha1: &str) -> io::Result<PathBuf> {
    let prefix = sha1
        .get(..2)
        .filter(|prefix| prefix.len() == 2)
        .ok_or_else(|| {
            io::Error::new(io::ErrorKind::InvalidInput, format!("not a SHA-1: {sha1}"))
        })?;
    let dir = vault_dir.join(prefix);
    let target = dir.join(sha1);
    if target.is_file() {
        std::fs::remove_file(staged)?;
    } else {
        std::fs::create_dir_all(&dir)?;
        std::fs::rename(staged, &target)?;
    }
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_content_is_kept_once() {
        let dir = tempfile::tempdir().unwrap();
        let sha1 = "a9993e364706816aba3e25717850c26c9cd0d89d";
        for _ in 0..2 {
            let staged = dir.path().join("staged");
            std::fs::write(&staged, b"abc").unwrap();
            let kept = keep(dir.path(), &staged, sha1).unwrap();
            assert_eq!(kept, dir.path().join("a9").join(sha1));
            assert!(!staged.exists());
        }
        assert_eq!(std::fs::read_dir(dir.path().join("a9")).unwrap().count(), 1);
        assert!(keep(dir.path(), &dir.path().join("x"), "a").is_err());
    }
}
