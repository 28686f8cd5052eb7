//! The connector's state: a JSON object kept between runs of one asset (the platform's
//! `load_state` and `save_state`). The runtime loads it before the connector is built and
//! saves it after `finalize`, also after a panic or a cancellation; handlers read and change it
//! through [`crate::context::Ctx::state_mut`].

mod file;
pub mod sealing;

pub use file::{FileState, Unusable, decode as decode_file, encode as encode_file};

use std::sync::{Arc, Mutex, PoisonError};

use serde_json::{Map, Value};

use crate::platform::HostError;

/// Where the state lives between runs.
pub trait StateStore: Send {
    /// The saved state; an empty object when nothing was saved yet.
    fn load(&mut self) -> Result<Map<String, Value>, HostError>;

    /// Saves the state.
    fn save(&mut self, state: &Map<String, Value>) -> Result<(), HostError>;
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
    fn load(&mut self) -> Result<Map<String, Value>, HostError> {
        Ok(self.snapshot())
    }

    fn save(&mut self, state: &Map<String, Value>) -> Result<(), HostError> {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = state.clone();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The map of a JSON object (empty for anything else).
    pub(super) fn object(value: Value) -> Map<String, Value> {
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
}
