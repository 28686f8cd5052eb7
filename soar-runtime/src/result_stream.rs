//! [`ResultWriter`]: writes the connector run result as pretty JSON while the run goes on, so
//! a run of many parameter dicts holds one action result at a time.
//!
//! The text is the same, byte for byte, as `serde_json::to_string_pretty` of the collected
//! [`crate::result::RunResult`]: every value is pretty-printed by serde_json and indented to
//! its depth. Indenting is safe line by line because JSON strings cannot hold a raw newline.

use std::io::{self, Write};

use serde::Serialize;

use crate::result::{ActionResult, ResultCollector, RunTail};

/// The indentation serde_json's pretty printer uses for one level.
const INDENT: &[u8] = b"  ";

/// Streams a connector run result to a writer.
#[derive(Debug)]
pub struct ResultWriter<W: Write> {
    out: W,
    scratch: Vec<u8>,
    written: usize,
    error: Option<io::Error>,
}

impl<W: Write> ResultWriter<W> {
    /// Starts the document: the identifier and the opening of `result_data`.
    pub fn new(mut out: W, identifier: Option<&str>) -> io::Result<Self> {
        out.write_all(b"{\n")?;
        out.write_all(INDENT)?;
        out.write_all(b"\"identifier\": ")?;
        serde_json::to_writer(&mut out, &identifier)?;
        out.write_all(b",\n")?;
        out.write_all(INDENT)?;
        out.write_all(b"\"result_data\": [")?;
        Ok(Self {
            out,
            scratch: Vec::with_capacity(1024),
            written: 0,
            error: None,
        })
    }

    /// Ends the document with the run's tail; returns the writer, or the first write error.
    pub fn finish(mut self, tail: &RunTail) -> io::Result<W> {
        if let Some(error) = self.error.take() {
            return Err(error);
        }
        if self.written > 0 {
            self.out.write_all(b"\n")?;
            self.out.write_all(INDENT)?;
        }
        self.out.write_all(b"]")?;
        self.field("result_summary", &tail.result_summary)?;
        self.field("status", &tail.status)?;
        self.field("message", &tail.message)?;
        self.field("exception_occured", &tail.exception_occured)?;
        self.field("action_cancelled", &tail.action_cancelled)?;
        self.out.write_all(b"\n}")?;
        self.out.flush()?;
        Ok(self.out)
    }

    /// Writes `,\n  "<key>": <value>` at the top level.
    fn field(&mut self, key: &str, value: &impl Serialize) -> io::Result<()> {
        self.out.write_all(b",\n")?;
        self.out.write_all(INDENT)?;
        serde_json::to_writer(&mut self.out, key)?;
        self.out.write_all(b": ")?;
        self.indented(value, 1)
    }

    /// Writes a value pretty-printed and indented `depth` levels.
    fn indented(&mut self, value: &impl Serialize, depth: usize) -> io::Result<()> {
        self.scratch.clear();
        serde_json::to_writer_pretty(&mut self.scratch, value)?;
        for (index, line) in self.scratch.split(|&byte| byte == b'\n').enumerate() {
            if index > 0 {
                self.out.write_all(b"\n")?;
                for _ in 0..depth {
                    self.out.write_all(INDENT)?;
                }
            }
            self.out.write_all(line)?;
        }
        Ok(())
    }

    fn write_result(&mut self, result: &ActionResult) -> io::Result<()> {
        self.out
            .write_all(if self.written == 0 { b"\n" } else { b",\n" })?;
        self.out.write_all(INDENT)?;
        self.out.write_all(INDENT)?;
        self.indented(result, 2)
    }
}

impl<W: Write> ResultCollector for ResultWriter<W> {
    /// Writes the result now. A write error is kept and reported by [`ResultWriter::finish`];
    /// later results are then dropped unwritten.
    fn collect(&mut self, result: ActionResult) {
        if self.error.is_some() {
            return;
        }
        match self.write_result(&result) {
            Ok(()) => self.written += 1,
            Err(error) => self.error = Some(error),
        }
    }
}
