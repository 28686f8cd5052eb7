//! [`Stdout`]: the standard output of the commands, where a reader that went away is not an
//! error.

use std::io::{self, StdoutLock, Write};

/// Standard output, locked. When the reader closes the pipe (`<connector> containers list |
/// head`), the rest of the output is dropped without a word: the reader has what it wanted,
/// so the command ends as if everything had been read (the run completes, its state is saved,
/// the exit code is the run's). Other write errors are errors.
pub(super) struct Stdout {
    inner: StdoutLock<'static>,
    closed: bool,
}

impl Stdout {
    /// Locks standard output.
    pub(super) fn lock() -> Self {
        Self {
            inner: io::stdout().lock(),
            closed: false,
        }
    }

    /// `result`, with a broken pipe turned into `done` and remembered.
    fn unless_closed<T>(&mut self, result: io::Result<T>, done: T) -> io::Result<T> {
        match result {
            Err(error) if error.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(done)
            }
            other => other,
        }
    }
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        let written = self.inner.write(buf);
        self.unless_closed(written, buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let flushed = self.inner.flush();
        self.unless_closed(flushed, ())
    }
}
