//! The connector's state: a JSON object kept between runs of one asset (the platform's
//! `load_state` and `save_state`). The runtime loads it before the connector is built and
//! saves it after `finalize`, also after a panic or a cancellation; handlers read and change it
//! through [`crate::context::Ctx::state_mut`].

pub mod sealing;

use std::fmt;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};

use serde_json::{Map, Value};

/// Where the state lives between runs.
pub trait StateStore: Send {
    /// The saved state; an empty object when nothing was saved yet.
    fn load(&mut self) -> Result<Map<String, Value>, String>;

    /// Saves the state.
    fn save(&mut self, state: &Map<String, Value>) -> Result<(), String>;
}

/// State kept in memory, shared by its clones: what a test hands to a run and then inspects,
/// and the default of a run that has nowhere to keep state.
#[derive(Debug, Clone, Default)]
pub struct MemoryState(Arc<Mutex<Map<String, Value>>>);

impl MemoryState {
    /// An empty state.
    pub fn new() -> Self {
        Self::default()
    }

    /// A state that starts with these keys.
    pub fn with(state: Map<String, Value>) -> Self {
        Self(Arc::new(Mutex::new(state)))
    }

    /// The state as last saved.
    pub fn snapshot(&self) -> Map<String, Value> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

impl StateStore for MemoryState {
    fn load(&mut self) -> Result<Map<String, Value>, String> {
        Ok(self.snapshot())
    }

    fn save(&mut self, state: &Map<String, Value>) -> Result<(), String> {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = state.clone();
        Ok(())
    }
}

/// State in a JSON file (local runs: `--state state.json`). A missing file is an empty state;
/// saving writes a temporary file beside it and renames it, so that a crash never leaves half
/// a state.
#[derive(Clone)]
pub struct FileState {
    path: PathBuf,
}

impl FileState {
    /// State in the file at `path`.
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Self { path: path.into() }
    }
}

impl fmt::Debug for FileState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("FileState").field(&self.path).finish()
    }
}

impl StateStore for FileState {
    fn load(&mut self) -> Result<Map<String, Value>, String> {
        let text = match std::fs::read_to_string(&self.path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Map::new()),
            Err(error) => return Err(format!("cannot read {}: {error}", self.path.display())),
        };
        match serde_json::from_str(&text) {
            Ok(Value::Object(state)) => Ok(state),
            Ok(_) => Err(format!(
                "{} does not hold a JSON object",
                self.path.display()
            )),
            Err(error) => Err(format!("{} is not JSON: {error}", self.path.display())),
        }
    }

    fn save(&mut self, state: &Map<String, Value>) -> Result<(), String> {
        let mut temporary = self.path.clone().into_os_string();
        temporary.push(".tmp");
        let text = serde_json::to_string_pretty(state)
            .map_err(|error| format!("cannot write the state: {error}"))?;
        std::fs::write(&temporary, text + "\n")
            .and_then(|()| std::fs::rename(&temporary, &self.path))
            .map_err(|error| format!("cannot write {}: {error}", self.path.display()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn object(value: Value) -> Map<String, Value> {
        match value {
            Value::Object(map) => map,
            _ => Map::new(),
        }
    }

    #[test]
    fn memory_state_is_shared_by_its_clones() {
        let state = MemoryState::with(object(json!({"seen": 1})));
        let mut store = state.clone();
        assert_eq!(Value::Object(store.load().unwrap()), json!({"seen": 1}));
        store.save(&object(json!({"seen": 2}))).unwrap();
        assert_eq!(Value::Object(state.snapshot()), json!({"seen": 2}));
    }

    #[test]
    fn file_state_round_trips_and_reports_bad_files() {
        let dir = std::env::temp_dir().join(format!("soar-state-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let mut store = FileState::new(dir.join("state.json"));
        assert!(store.load().unwrap().is_empty());
        store.save(&object(json!({"last": "x"}))).unwrap();
        assert_eq!(Value::Object(store.load().unwrap()), json!({"last": "x"}));
        std::fs::write(dir.join("bad.json"), "[1]").unwrap();
        let error = FileState::new(dir.join("bad.json")).load().unwrap_err();
        assert!(error.ends_with("does not hold a JSON object"), "{error}");
        std::fs::write(dir.join("bad.json"), "{").unwrap();
        assert!(
            FileState::new(dir.join("bad.json"))
                .load()
                .unwrap_err()
                .contains("is not JSON")
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
