//! [`FileState`]: the state in a JSON file, written atomically and never overwritten when it
//! cannot be read.

use std::fmt;
use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::StateStore;
use crate::context::STATE_APP_VERSION;
use crate::platform::HostError;

/// State in a JSON file: the platform's `<state dir>/<appid>/<asset_id>_state.json` in local
/// runs, or the file `--state` names.
///
/// A missing file is an empty state. A file that cannot be read or does not hold a JSON object
/// is renamed aside to `<file>.corrupt-<unix seconds>` and the load fails naming both paths
/// ("`<file>` is not JSON (kept aside as `<new path>`)", the parser's error its cause), so a
/// later save never replaces what was there. Saving writes a temporary file in the same
/// directory, syncs it, renames it over the file and syncs the directory: a crash leaves the
/// old state or the new one, never half of one. The app's version is written as `app_version`,
/// as the platform's `save_state` does.
#[derive(Clone)]
pub struct FileState {
    path: PathBuf,
    app_version: Option<String>,
}

impl FileState {
    /// State in the file at `path` (its directory is created on the first save).
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Self {
            path: path.into(),
            app_version: None,
        }
    }

    /// Writes `app_version` into the state on every save.
    pub fn with_app_version(mut self, app_version: impl Into<String>) -> Self {
        self.app_version = Some(app_version.into());
        self
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Renames the unusable file aside and says what is wrong with it (`reason`) and where it
    /// went: the `what` of the load error.
    fn keep_aside(&self, reason: &str) -> String {
        let seconds = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |elapsed| elapsed.as_secs());
        let shown = self.path.display();
        match rename_aside(&self.path, seconds) {
            Ok(aside) => format!("{shown} {reason} (kept aside as {})", aside.display()),
            Err(error) => format!("{shown} {reason} (it could not be kept aside: {error})"),
        }
    }
}

/// Renames `path` to the first free `<path>.corrupt-<seconds>[-<n>]`; never replaces a file.
fn rename_aside(path: &Path, seconds: u64) -> io::Result<PathBuf> {
    let base = format!("{}.corrupt-{seconds}", path.display());
    for attempt in 1..100 {
        let aside = PathBuf::from(match attempt {
            1 => base.clone(),
            n => format!("{base}-{n}"),
        });
        // A hard link fails when the name is taken, so nothing is ever replaced.
        match std::fs::hard_link(path, &aside) {
            Ok(()) => return std::fs::remove_file(path).map(|()| aside),
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(_) if !aside.exists() => {
                // Hard links are not supported here (a directory, another file system).
                return std::fs::rename(path, &aside).map(|()| aside);
            }
            Err(error) => return Err(error),
        }
    }
    Err(io::Error::other("no free name to keep it aside"))
}

impl fmt::Debug for FileState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("FileState").field(&self.path).finish()
    }
}

impl StateStore for FileState {
    fn load(&mut self) -> Result<Map<String, Value>, HostError> {
        let bytes = match std::fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Map::new()),
            Err(error) => {
                return Err(HostError::caused_by(
                    self.keep_aside("cannot be read"),
                    error,
                ));
            }
        };
        decode(&bytes).map_err(|unusable| match unusable {
            Unusable::NotJson(error) => HostError::caused_by(self.keep_aside("is not JSON"), error),
            Unusable::NotAnObject => HostError::new(self.keep_aside("does not hold a JSON object")),
        })
    }

    fn save(&mut self, state: &Map<String, Value>) -> Result<(), HostError> {
        let text = encode(state, self.app_version.as_deref())
            .map_err(|error| HostError::caused_by("cannot write the state as JSON", error))?;
        write_atomically(&self.path, text.as_bytes()).map_err(|error| {
            HostError::caused_by(format!("cannot write {}", self.path.display()), error)
        })
    }
}

/// Why the bytes of a state file are not a state.
#[derive(Debug)]
pub enum Unusable {
    /// The bytes are not JSON.
    NotJson(serde_json::Error),
    /// The bytes are JSON, but not an object.
    NotAnObject,
}

/// The state held by the bytes of a state file: what [`FileState`] loads, without the file
/// (the fuzz target of the state file reader calls it).
pub fn decode(bytes: &[u8]) -> Result<Map<String, Value>, Unusable> {
    match serde_json::from_slice(bytes) {
        Ok(Value::Object(state)) => Ok(state),
        Ok(_) => Err(Unusable::NotAnObject),
        Err(error) => Err(Unusable::NotJson(error)),
    }
}

/// The text a state file holds for `state`, with `app_version` written in when given: what
/// [`FileState`] saves. Decoding the text gives `state` back exactly, so a state saved again
/// unchanged is the same text (numbers included: serde_json's `float_roundtrip`).
pub fn encode(
    state: &Map<String, Value>,
    app_version: Option<&str>,
) -> Result<String, serde_json::Error> {
    let mut state = state.clone();
    if let Some(version) = app_version {
        state.insert(STATE_APP_VERSION.to_owned(), version.into());
    }
    serde_json::to_string_pretty(&state).map(|text| format!("{text}\n"))
}

/// Replaces the file at `path` with `bytes`: a temporary file in the same directory, written
/// and synced, renamed over it, and the directory synced. The file keeps the permissions it
/// had (the temporary file is the owner's alone), so a process that could read it still can.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)?;
    let mut temporary = tempfile::Builder::new()
        .prefix(".state-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    temporary.write_all(bytes)?;
    if let Ok(existing) = std::fs::metadata(path) {
        temporary
            .as_file()
            .set_permissions(existing.permissions())?;
    }
    temporary.as_file().sync_all()?;
    temporary.persist(path).map_err(|error| error.error)?;
    File::open(dir)?.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::tests::object;
    use serde_json::json;

    #[test]
    fn round_trips_atomically_with_the_app_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("app/local_state.json");
        let mut store = FileState::new(&path).with_app_version("1.2.3");
        assert!(store.load().unwrap().is_empty());
        store.save(&object(json!({"last": "x"}))).unwrap();
        assert_eq!(
            Value::Object(store.load().unwrap()),
            json!({"last": "x", "app_version": "1.2.3"})
        );
        let left: Vec<_> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|entry| entry.unwrap().file_name())
            .collect();
        assert_eq!(left, ["local_state.json"], "no temporary file is left");
    }

    #[cfg(unix)]
    #[test]
    fn a_saved_file_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        std::fs::write(&path, "{}").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        FileState::new(&path).save(&Map::new()).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o644);
    }

    #[test]
    fn a_number_is_saved_again_unchanged() {
        // Without serde_json's `float_roundtrip`, these read back one unit off in the last
        // place, so the state file changed on every save of an unchanged state.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let numbers = json!({"a": 1.0715660391465826e-75, "b": -1.81996730402717e-179,
            "c": -1.603964615428183e143, "d": 1.5860846119992697e-265});
        let mut store = FileState::new(&path);
        store.save(&object(numbers.clone())).unwrap();
        let first = std::fs::read(&path).unwrap();
        let loaded = store.load().unwrap();
        assert_eq!(Value::Object(loaded.clone()), numbers);
        store.save(&loaded).unwrap();
        assert_eq!(
            std::fs::read(&path).unwrap(),
            first,
            "saving again changed the file"
        );
    }

    #[test]
    fn a_corrupt_file_is_kept_aside_and_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        for (content, reason) in [
            (&b"{\"half"[..], "is not JSON"),
            (b"[1]", "does not hold a JSON object"),
            (b"\xff\xfe", "is not JSON"),
        ] {
            let path = dir.path().join("state.json");
            std::fs::write(&path, content).unwrap();
            let error = FileState::new(&path).load().unwrap_err().full_message();
            let prefix = format!("{} {reason} (kept aside as ", path.display());
            let aside = error
                .strip_prefix(&prefix)
                .and_then(|rest| rest.split(')').next())
                .unwrap_or_else(|| panic!("{error}"));
            assert!(aside.contains("state.json.corrupt-"), "{error}");
            assert_eq!(std::fs::read(aside).unwrap(), content);
            assert!(!path.exists());
        }
        // Three files were kept aside within the same second: none replaced another.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 3);
    }

    #[test]
    fn an_unreadable_file_is_kept_aside() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        std::fs::create_dir(&path).unwrap();
        let error = FileState::new(&path).load().unwrap_err();
        let io = std::error::Error::source(&error).and_then(|cause| cause.downcast_ref());
        assert_eq!(
            io.map(std::io::Error::kind),
            Some(io::ErrorKind::IsADirectory),
            "the read's error is the cause: {error:?}"
        );
        let message = error.full_message();
        assert!(
            message.contains(" cannot be read (kept aside as "),
            "{message}"
        );
        assert!(!path.exists());
    }
}
