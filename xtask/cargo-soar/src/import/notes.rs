//! What an import changed: each thing of the app JSON that the Rust project does not declare
//! as written, with its JSON Pointer and the reason. The list is printed, written to the
//! project's `IMPORT.md`, and is what the round-trip test takes off the original before it
//! compares.

use std::fmt;

use soar_app_json::Pointer;

/// What happened to the value at a pointer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// The value is not in the project.
    Dropped,
    /// The project declares another value in its place.
    Corrected,
}

/// One change, at a JSON Pointer into the original app JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// Where the value was.
    pub pointer: Pointer,
    /// What happened to it.
    pub change: Change,
    /// Why.
    pub reason: String,
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let change = match self.change {
            Change::Dropped => "dropped",
            Change::Corrected => "corrected",
        };
        write!(f, "{change} {}: {}", self.pointer, self.reason)
    }
}

/// The changes of one import, in the order they were made.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Notes(Vec<Note>);

impl Notes {
    /// Notes that the value at `pointer` is not in the project.
    pub fn dropped(&mut self, pointer: &Pointer, reason: String) {
        self.push(pointer, Change::Dropped, reason);
    }

    /// Notes that the project declares another value in place of the one at `pointer`.
    pub fn corrected(&mut self, pointer: &Pointer, reason: String) {
        self.push(pointer, Change::Corrected, reason);
    }

    fn push(&mut self, pointer: &Pointer, change: Change, reason: String) {
        self.0.push(Note {
            pointer: pointer.clone(),
            change,
            reason,
        });
    }

    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The notes, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, Note> {
        self.0.iter()
    }
}
