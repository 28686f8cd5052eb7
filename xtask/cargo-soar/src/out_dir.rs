//! The `--out` directory of a bundle: checked before any build, so that an unwritable one is
//! refused at once, and written last, each file atomically, so that a failed bundle leaves
//! nothing behind.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::{Failure, Outcome};

/// A directory the bundle's files can be written into.
#[derive(Debug)]
pub struct OutDir {
    dir: PathBuf,
}

impl OutDir {
    /// Checks that `dir` can be written (creating nothing): it is a directory that takes a new
    /// file, or it does not exist and its nearest existing ancestor takes a new directory.
    pub fn check(dir: &Path) -> Outcome<Self> {
        let refuse = |why: String| {
            Failure::unusable(format!(
                "cannot write the bundle into {} (--out): {why}",
                dir.display()
            ))
        };
        let mut existing = dir;
        while !existing.exists() {
            existing = match existing.parent() {
                Some(parent) if !parent.as_os_str().is_empty() => parent,
                _ => Path::new("."),
            };
        }
        if !existing.is_dir() {
            return Err(refuse(format!("{} is not a directory", existing.display())));
        }
        tempfile::Builder::new()
            .prefix(".soar-probe")
            .tempfile_in(existing)
            .map_err(|error| refuse(error.to_string()))?;
        Ok(Self {
            dir: dir.to_path_buf(),
        })
    }

    /// Writes `bytes` as the file `name` of the directory, atomically, and returns its path.
    pub fn write(&self, name: &str, bytes: &[u8]) -> Outcome<PathBuf> {
        let path = self.dir.join(name);
        let failed = |error: std::io::Error| {
            Failure::new(format!("cannot write {}: {error}", path.display()))
        };
        std::fs::create_dir_all(&self.dir).map_err(failed)?;
        let mut file = tempfile::Builder::new()
            .prefix(".soar-out")
            .tempfile_in(&self.dir)
            .map_err(failed)?;
        file.write_all(bytes).map_err(failed)?;
        file.persist(&path).map_err(|error| failed(error.error))?;
        Ok(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_directory_is_checked_without_being_created() {
        let parent = tempfile::tempdir().unwrap();
        let dir = parent.path().join("a/b");
        let out = OutDir::check(&dir).unwrap();
        assert!(!dir.exists());
        assert_eq!(std::fs::read_dir(parent.path()).unwrap().count(), 0);
        let written = out.write("app.tgz", b"bytes").unwrap();
        assert_eq!(std::fs::read(written).unwrap(), b"bytes");
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
    }

    #[test]
    fn a_file_in_the_way_is_refused() {
        let parent = tempfile::tempdir().unwrap();
        let file = parent.path().join("file");
        std::fs::write(&file, "x").unwrap();
        let failure = OutDir::check(&file.join("out")).unwrap_err();
        assert_eq!(failure.code, crate::EXIT_UNUSABLE);
        assert!(failure.message.contains("is not a directory"), "{failure}");
    }
}
