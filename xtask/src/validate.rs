//! `cargo xtask validate <app.json | app.tgz>`: every finding, one a line, as
//! `<severity> <JSON Pointer> <message>`; exit 1 on any error, 2 on a file that cannot be read.

use std::path::Path;

use serde_json::Value;
use soar_runtime::app_json::validate_value;

use crate::report::{self, Line};
use crate::{Failure, Outcome, layout, tarball};

/// The first bytes of a gzip stream.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Validates the file at `path`: a gzip tarball by the tarball rules, anything else as an app
/// JSON.
pub fn run(path: &Path) -> Outcome<()> {
    let bytes = std::fs::read(path)
        .map_err(|error| Failure::unreadable(format!("cannot read {}: {error}", path.display())))?;
    let lines = findings(&bytes).map_err(|failure| {
        Failure::unreadable(format!("{}: {}", path.display(), failure.message))
    })?;
    if report::print(&lines) {
        Err(Failure::new(""))
    } else {
        Ok(())
    }
}

/// The findings for a file's bytes; fails when they are neither a tarball nor JSON.
pub fn findings(bytes: &[u8]) -> Outcome<Vec<Line>> {
    if bytes.starts_with(&GZIP_MAGIC) {
        return Ok(layout::check(&tarball::read(bytes)?));
    }
    let document: Value = serde_json::from_slice(bytes)
        .map_err(|error| Failure::unreadable(format!("not JSON: {error}")))?;
    Ok(validate_value(&document)
        .into_iter()
        .map(Line::from)
        .collect())
}
