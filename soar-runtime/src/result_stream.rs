//! [`ResultWriter`]: writes the connector run result as pretty JSON while the run goes on, so
//! a run of many parameter dicts holds one action result at a time.
//!
//! The text is the same, byte for byte, as `serde_json::to_string_pretty` of the collected
//! [`crate::result::RunResult`]: every value is written by serde_json with `Indented`, a
//! pretty formatter that starts at the value's depth in the document.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::Formatter;

use crate::result::{ActionResult, ResultCollector, RunTail};

/// The indentation serde_json's pretty printer uses for one level.
const INDENT: &[u8] = b"  ";

/// A line break followed by enough indentation for any depth [`Indented`] writes in one call;
/// deeper levels write the rest in further calls.
const NEWLINE_AND_INDENT: &[u8; 65] =
    b"\n                                                                ";

/// Streams a connector run result to a writer.
#[derive(Debug)]
pub struct ResultWriter<W: Write> {
    out: W,
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

    /// Writes a value pretty-printed as if it stood `depth` levels deep.
    fn indented(&mut self, value: &impl Serialize, depth: usize) -> io::Result<()> {
        let mut serializer =
            serde_json::Serializer::with_formatter(&mut self.out, Indented::at(depth));
        value.serialize(&mut serializer).map_err(io::Error::from)
    }

    /// Writes one action result two levels deep. The keys are fixed ASCII names, written as
    /// they are; the values go through serde_json.
    fn write_result(&mut self, result: &ActionResult) -> io::Result<()> {
        self.out.write_all(if self.written == 0 {
            b"\n    {"
        } else {
            b",\n    {"
        })?;
        let mut first = true;
        result.for_each_field(|key, value| {
            self.out
                .write_all(if first { b"\n      \"" } else { b",\n      \"" })?;
            first = false;
            self.out.write_all(key.as_bytes())?;
            self.out.write_all(b"\": ")?;
            self.indented(&value, 3)
        })?;
        self.out.write_all(b"\n    }")
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

/// serde_json's pretty layout (two spaces a level, `": "` after keys), starting `depth` levels
/// deep, so that a value written alone fits into the document around it.
#[derive(Debug)]
struct Indented {
    depth: usize,
    has_value: bool,
}

impl Indented {
    fn at(depth: usize) -> Self {
        Self {
            depth,
            has_value: false,
        }
    }

    fn open<W: ?Sized + Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.new_line(writer)?;
        }
        writer.write_all(bracket)
    }

    fn next_item<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        if !first {
            writer.write_all(b",")?;
        }
        self.new_line(writer)
    }

    /// A line break and the indentation of the current depth.
    fn new_line<W: ?Sized + Write>(&self, writer: &mut W) -> io::Result<()> {
        let mut width = self.depth * INDENT.len();
        let first = width.min(NEWLINE_AND_INDENT.len() - 1);
        writer.write_all(&NEWLINE_AND_INDENT[..=first])?;
        width -= first;
        while width > 0 {
            let more = width.min(NEWLINE_AND_INDENT.len() - 1);
            writer.write_all(&NEWLINE_AND_INDENT[1..=more])?;
            width -= more;
        }
        Ok(())
    }
}

impl Formatter for Indented {
    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.next_item(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.next_item(writer, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    fn nested(depth: usize) -> Value {
        (0..depth).fold(
            json!({"leaf": [1, "two", null, {}], "empty": []}),
            |inner, level| json!({"level": level, "items": [inner, []], "text": "a\nb"}),
        )
    }

    #[test]
    fn indented_at_zero_is_serde_jsons_pretty_layout_at_any_depth() {
        for depth in [0, 1, 5, 40] {
            let value = nested(depth);
            let mut written = Vec::new();
            let mut serializer =
                serde_json::Serializer::with_formatter(&mut written, Indented::at(0));
            value.serialize(&mut serializer).unwrap();
            assert_eq!(
                String::from_utf8(written).unwrap(),
                serde_json::to_string_pretty(&value).unwrap()
            );
        }
    }

    #[test]
    fn a_write_error_is_reported_by_finish() {
        #[derive(Debug)]
        struct Broken(usize);
        /// Accepts this many bytes, then fails.
        impl Write for Broken {
            fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
                if self.0 < bytes.len() {
                    return Err(io::Error::other("pipe closed"));
                }
                self.0 -= bytes.len();
                Ok(bytes.len())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let mut writer = ResultWriter::new(Broken(64), Some("x")).unwrap();
        writer.collect(ActionResult::new(serde_json::Map::new()));
        writer.collect(ActionResult::new(serde_json::Map::new()));
        let tail = RunTail {
            result_summary: serde_json::Map::new(),
            status: crate::result::Status::Failed,
            message: String::new(),
            exception_occured: false,
            action_cancelled: false,
        };
        assert_eq!(writer.finish(&tail).unwrap_err().to_string(), "pipe closed");
    }
}
