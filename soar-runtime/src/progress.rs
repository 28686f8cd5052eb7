//! Progress and logging: one [`ProgressSink`] trait, a [`TerminalSink`] for local runs and a
//! [`RecordingSink`] for tests. The platform bridge implements the trait with the platform's
//! own methods.

use std::io::{IsTerminal, Write};
use std::sync::{Arc, Mutex, PoisonError};

/// Where progress lines and log entries go.
pub trait ProgressSink: Send {
    /// A persistent progress line (the platform's `save_progress`).
    fn save_progress(&mut self, message: &str);
    /// A transient progress line that the next one replaces (the platform's `send_progress`).
    fn send_progress(&mut self, message: &str);
    /// A debug log entry (the platform's `debug_print`).
    fn debug_print(&mut self, tag: &str, detail: &str);
    /// An error log entry (the platform's `error_print`).
    fn error_print(&mut self, tag: &str, detail: &str);
}

/// Writes progress and logs to standard error, never to standard output (which holds only the
/// result JSON). Debug entries are shown only when asked for.
#[derive(Debug)]
pub struct TerminalSink {
    show_debug: bool,
    transient_open: bool,
    interactive: bool,
}

impl TerminalSink {
    /// A sink that shows debug entries when `show_debug` is true.
    pub fn new(show_debug: bool) -> Self {
        Self {
            show_debug,
            transient_open: false,
            interactive: std::io::stderr().is_terminal(),
        }
    }

    fn line(&mut self, text: std::fmt::Arguments<'_>) {
        let mut err = std::io::stderr().lock();
        if self.transient_open {
            let _ = writeln!(err);
            self.transient_open = false;
        }
        let _ = writeln!(err, "{text}");
    }
}

impl ProgressSink for TerminalSink {
    fn save_progress(&mut self, message: &str) {
        self.line(format_args!("{message}"));
    }

    fn send_progress(&mut self, message: &str) {
        if self.interactive {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K{message}");
            let _ = err.flush();
            self.transient_open = true;
        } else {
            self.line(format_args!("{message}"));
        }
    }

    fn debug_print(&mut self, tag: &str, detail: &str) {
        if self.show_debug {
            self.line(format_args!("DEBUG {tag}: {detail}"));
        }
    }

    fn error_print(&mut self, tag: &str, detail: &str) {
        self.line(format_args!("ERROR {tag}: {detail}"));
    }
}

/// One entry that a [`RecordingSink`] recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recorded {
    /// A `save_progress` line.
    Saved(String),
    /// A `send_progress` line.
    Sent(String),
    /// A `debug_print` entry: tag and detail.
    Debug(String, String),
    /// An `error_print` entry: tag and detail.
    Error(String, String),
}

/// Records everything in memory; clones share the record, so a test keeps one clone and hands
/// the other to the run.
#[derive(Debug, Clone, Default)]
pub struct RecordingSink {
    entries: Arc<Mutex<Vec<Recorded>>>,
}

impl RecordingSink {
    /// An empty record.
    pub fn new() -> Self {
        Self::default()
    }

    /// Everything recorded so far.
    pub fn entries(&self) -> Vec<Recorded> {
        self.entries
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// All recorded text (messages, tags and details), one entry a line: handy to assert that
    /// something never appears.
    pub fn all_text(&self) -> String {
        self.entries()
            .iter()
            .map(|entry| match entry {
                Recorded::Saved(text) | Recorded::Sent(text) => text.clone(),
                Recorded::Debug(tag, detail) | Recorded::Error(tag, detail) => {
                    format!("{tag}: {detail}")
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn push(&self, entry: Recorded) {
        self.entries
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(entry);
    }
}

impl ProgressSink for RecordingSink {
    fn save_progress(&mut self, message: &str) {
        self.push(Recorded::Saved(message.to_owned()));
    }

    fn send_progress(&mut self, message: &str) {
        self.push(Recorded::Sent(message.to_owned()));
    }

    fn debug_print(&mut self, tag: &str, detail: &str) {
        self.push(Recorded::Debug(tag.to_owned(), detail.to_owned()));
    }

    fn error_print(&mut self, tag: &str, detail: &str) {
        self.push(Recorded::Error(tag.to_owned(), detail.to_owned()));
    }
}

/// Discards everything (benchmarks, and runs that want no output).
#[derive(Debug, Clone, Copy, Default)]
pub struct NullSink;

impl ProgressSink for NullSink {
    fn save_progress(&mut self, _message: &str) {}
    fn send_progress(&mut self, _message: &str) {}
    fn debug_print(&mut self, _tag: &str, _detail: &str) {}
    fn error_print(&mut self, _tag: &str, _detail: &str) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recording_sink_clones_share_the_record() {
        let record = RecordingSink::new();
        let mut sink: Box<dyn ProgressSink> = Box::new(record.clone());
        sink.save_progress("saved");
        sink.send_progress("sent");
        sink.debug_print("tag", "detail");
        sink.error_print("oops", "bad");
        assert_eq!(
            record.entries(),
            vec![
                Recorded::Saved("saved".into()),
                Recorded::Sent("sent".into()),
                Recorded::Debug("tag".into(), "detail".into()),
                Recorded::Error("oops".into(), "bad".into()),
            ]
        );
        assert_eq!(record.all_text(), "saved\nsent\ntag: detail\noops: bad");
    }
}
