//! The key of the local store (`state.key`): 32 random bytes, made on first use with mode
//! 0600, which encrypt the secrets of local state files ([`LocalCipher`]).

use std::io::Write;
use std::path::Path;

use crate::platform::{HostError, KEY_LEN, LocalCipher};

/// The cipher of the key file at `path`, making the key (and the file) when there is none.
pub(crate) fn load_or_create(path: &Path) -> Result<LocalCipher, HostError> {
    match std::fs::read(path) {
        Ok(bytes) => cipher_of(&bytes, path),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => create(path),
        Err(error) => Err(HostError::caused_by(
            format!("cannot read the key {}", path.display()),
            error,
        )),
    }
}

/// The cipher of the key bytes read from `path`.
fn cipher_of(bytes: &[u8], path: &Path) -> Result<LocalCipher, HostError> {
    let key: [u8; KEY_LEN] = bytes.try_into().map_err(|_| {
        HostError::new(format!(
            "the key {} is not {KEY_LEN} bytes long ({} bytes)",
            path.display(),
            bytes.len()
        ))
    })?;
    Ok(LocalCipher::new(&key))
}

/// Writes a fresh key: a temporary file (mode 0600), synced, then linked to `path` unless
/// another process made the key meanwhile, in which case that key is used.
fn create(path: &Path) -> Result<LocalCipher, HostError> {
    let failed = |error: std::io::Error| {
        HostError::caused_by(format!("cannot create the key {}", path.display()), error)
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(failed)?;
    let (cipher, key) = LocalCipher::generate();
    let mut temporary = tempfile::Builder::new()
        .prefix(".key-")
        .permissions(owner_only())
        .tempfile_in(dir)
        .map_err(failed)?;
    temporary.write_all(&key).map_err(failed)?;
    temporary.as_file().sync_all().map_err(failed)?;
    match temporary.persist_noclobber(path) {
        Ok(_) => Ok(cipher),
        Err(error) if error.error.kind() == std::io::ErrorKind::AlreadyExists => {
            let bytes = std::fs::read(path).map_err(failed)?;
            cipher_of(&bytes, path)
        }
        Err(error) => Err(failed(error.error)),
    }
}

/// Read and write for the owner only.
fn owner_only() -> std::fs::Permissions {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::Permissions::from_mode(0o600)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt as _;

    #[test]
    fn the_key_is_made_once_owner_only_and_then_reused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.key");
        let first = load_or_create(&path).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        assert_eq!(std::fs::read(&path).unwrap().len(), KEY_LEN);
        let sealed = first.encrypt("tok", "local").unwrap();
        let again = load_or_create(&path).unwrap();
        assert_eq!(again.decrypt(&sealed, "local").unwrap(), "tok");
        std::fs::write(&path, b"short").unwrap();
        let error = load_or_create(&path).unwrap_err().to_string();
        assert!(error.ends_with("is not 32 bytes long (5 bytes)"), "{error}");
    }
}
