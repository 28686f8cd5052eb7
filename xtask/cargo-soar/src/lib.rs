//! `cargo soar`: the tool that starts, bundles and checks Splunk SOAR connectors written with
//! the `soar-runtime` framework, in the user's own repository.
//!
//! - [`new`]: a new connector project that tests and bundles with no edit.
//! - [`import`]: a connector project whose macros declare an existing app's metadata.
//! - [`bundle`]: the installable app tarball of a connector package (contract section 7),
//!   reproducibly: the connector's own binary says what the platform-side Python files are
//!   ([`manifest`]), the bridge crate is built against the exact `soar-runtime` the user's
//!   dependency graph resolves to ([`bridge`]), as a `manylinux_2_28` wheel ([`wheel`]).
//! - [`validate`]: every finding of the strict validator for an app JSON, an app tarball or an
//!   app directory.
//! - [`docs`]: the app's README from its app JSON, laid out as Splunk's own connector docs.
//!
//! The repository's own `cargo xtask bundle | validate` call this library: there is one
//! implementation.

pub mod appdoc;
pub mod bridge;
pub mod bundle;
pub mod cli;
pub mod cmd;
pub mod compat;
pub mod docs;
pub mod epoch;
pub mod glibc;
pub mod import;
pub mod layout;
pub mod licence;
pub mod logos;
pub mod manifest;
pub mod new;
pub mod notice;
pub mod out_dir;
pub mod project;
pub mod provision;
pub mod report;
pub mod tarball;
pub mod validate;
pub mod wheel;

use std::fmt;

/// Why a command stopped: what to tell, and the exit code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// What to tell the user (empty when the command already printed everything).
    pub message: String,
    /// The process exit code.
    pub code: u8,
}

/// Exit code of a command that ran and found a problem: findings of the validator, a build
/// that failed.
pub const EXIT_FAILED: u8 = 1;
/// Exit code of a command that could not start: bad arguments, a file that cannot be read, a
/// project the command cannot work on. Nothing is written.
pub const EXIT_UNUSABLE: u8 = 2;

impl Failure {
    /// A failure with exit code [`EXIT_FAILED`].
    pub fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            code: EXIT_FAILED,
        }
    }

    /// A failure with exit code [`EXIT_UNUSABLE`]: an input or a project the command cannot
    /// use.
    pub fn unusable(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            code: EXIT_UNUSABLE,
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// The result of a step of a command.
pub type Outcome<T> = Result<T, Failure>;

/// This tool's version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
