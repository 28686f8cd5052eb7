//! The vault: files attached to containers, named by the SHA-1 of their content (the vault
//! id). [`crate::context::Ctx`] adds files through `stage`, which streams the content into
//! the platform's vault temporary directory while hashing it, so a large file is never held in
//! memory whole.

use std::fs::File;
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use md5::Md5;
use serde::Serialize;
use sha1::Sha1;
use sha2::{Digest, Sha256};

/// The size of the chunks content is copied in.
const CHUNK: usize = 64 * 1024;

/// A file in the vault (what the platform's `vault_info` returns for it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VaultEntry {
    /// The vault id: the SHA-1 of the content, lowercase hex.
    pub vault_id: String,
    /// The container the file is attached to.
    pub container_id: i64,
    /// The file's name in the vault.
    pub name: String,
    /// Where the content is.
    pub path: PathBuf,
    /// The size, in bytes.
    pub size: u64,
    /// The SHA-1 of the content (equal to the vault id).
    pub sha1: String,
    /// The SHA-256 of the content.
    pub sha256: String,
    /// The MD5 of the content.
    pub md5: String,
    /// The contains types of the file (`vault id`, and what the connector adds).
    pub contains: Vec<String>,
}

/// The three digests of a stream, computed in one pass.
#[derive(Default)]
struct Digests {
    sha1: Sha1,
    sha256: Sha256,
    md5: Md5,
    size: u64,
}

impl Digests {
    fn update(&mut self, chunk: &[u8]) {
        self.sha1.update(chunk);
        self.sha256.update(chunk);
        self.md5.update(chunk);
        self.size += chunk.len() as u64;
    }
}

/// Copies `content` into a new file in `dir`, hashing it on the way, and returns the entry
/// to hand to [`crate::platform::Platform::vault_add`]. The file is removed again when the copy
/// fails.
pub(crate) fn stage(
    dir: &Path,
    container_id: i64,
    name: &str,
    content: &mut dyn Read,
    contains: &[&str],
) -> io::Result<VaultEntry> {
    std::fs::create_dir_all(dir)?;
    let staged = tempfile::Builder::new()
        .prefix("soar-vault-")
        .tempfile_in(dir)?;
    let mut digests = Digests::default();
    {
        let mut out = BufWriter::new(staged.as_file());
        let mut buffer = vec![0; CHUNK];
        loop {
            let read = match content.read(&mut buffer) {
                Ok(0) => break,
                Ok(read) => read,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                Err(error) => return Err(error),
            };
            digests.update(&buffer[..read]);
            out.write_all(&buffer[..read])?;
        }
        out.flush()?;
    }
    staged.as_file().sync_all()?;
    let (_, path) = staged.keep().map_err(|error| error.error)?;
    let sha1 = hex(&digests.sha1.finalize());
    let mut all_contains = vec!["vault id".to_owned()];
    all_contains.extend(contains.iter().map(|c| (*c).to_owned()));
    Ok(VaultEntry {
        vault_id: sha1.clone(),
        container_id,
        name: name.to_owned(),
        path,
        size: digests.size,
        sha1,
        sha256: hex(&digests.sha256.finalize()),
        md5: hex(&digests.md5.finalize()),
        contains: all_contains,
    })
}

/// Opens a file to add to the vault, naming it in the error.
pub(crate) fn open(path: &Path) -> Result<File, String> {
    File::open(path).map_err(|error| format!("cannot read {}: {error}", path.display()))
}

/// Lowercase hex of a digest.
fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staging_hashes_while_copying() {
        let dir = tempfile::tempdir().unwrap();
        let entry = stage(dir.path(), 7, "a.txt", &mut &b"abc"[..], &["text"]).unwrap();
        assert_eq!(entry.vault_id, "a9993e364706816aba3e25717850c26c9cd0d89d");
        assert_eq!(
            entry.sha256,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(entry.md5, "900150983cd24fb0d6963f7d28e17f72");
        assert_eq!((entry.size, entry.container_id), (3, 7));
        assert_eq!(entry.contains, ["vault id", "text"]);
        assert_eq!(std::fs::read(&entry.path).unwrap(), b"abc");
    }

    #[test]
    fn a_failing_reader_leaves_no_file() {
        struct Broken;
        impl Read for Broken {
            fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
                Err(io::Error::other("disk on fire"))
            }
        }
        let dir = tempfile::tempdir().unwrap();
        let error = stage(dir.path(), 1, "x", &mut Broken, &[]).unwrap_err();
        assert_eq!(error.to_string(), "disk on fire");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
