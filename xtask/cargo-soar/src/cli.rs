//! The command line of `cargo soar`. Cargo runs a subcommand as `cargo-soar soar <args>`, so
//! the binary takes `soar` as its first argument (and also works without it, run directly).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::new::{NewProject, RuntimeDependency};
use crate::{Outcome, bundle, docs, validate};

#[derive(Debug, Parser)]
#[command(
    name = "cargo soar",
    bin_name = "cargo soar",
    version,
    about = "Start, bundle and check Splunk SOAR connectors written in Rust"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Create a new connector project that tests and bundles as it is.
    New(NewArgs),
    /// Write a connector project whose macros declare an existing app's metadata (exit 2, and
    /// nothing written, when the input is no app).
    Import(ImportArgs),
    /// Build the installable app tarball of a connector package.
    Bundle {
        #[command(flatten)]
        target: TargetArgs,
        /// Where to write the tarball and the app JSON (default: <target dir>/soar).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// Report every finding of the strict validator for an app JSON, an app tarball or an app
    /// directory (exit 1 on any error, 2 when it cannot be read).
    Validate {
        /// An app JSON file, a `.tgz` app tarball, or an unpacked app directory.
        path: PathBuf,
    },
    /// Print the app JSON of a connector package, as `bundle` writes it.
    AppJson {
        #[command(flatten)]
        target: TargetArgs,
    },
    /// Write the connector package's README.md from its app JSON, as Splunk's build-docs
    /// hook lays connector docs out, with the hand-written part from manual_readme_content.md.
    Docs {
        #[command(flatten)]
        target: TargetArgs,
    },
}

/// Which connector package a command works on.
#[derive(Debug, Args)]
struct TargetArgs {
    /// The project's Cargo.toml (default: the one around the current directory).
    #[arg(long, value_name = "PATH")]
    manifest_path: Option<PathBuf>,
    /// The connector package (default: the one around the current directory, or the
    /// workspace's only one).
    #[arg(short, long, value_name = "PACKAGE")]
    package: Option<String>,
}

/// Where a new project's `soar-runtime` comes from.
#[derive(Debug, Args)]
struct RuntimeArgs {
    /// Depend on the soar-runtime of a local checkout of the framework (its soar-runtime/
    /// directory, or the checkout's root).
    #[arg(long, value_name = "DIR", conflicts_with = "runtime_git")]
    runtime_path: Option<PathBuf>,
    /// Depend on the soar-runtime of a git repository.
    #[arg(long, value_name = "URL")]
    runtime_git: Option<String>,
    /// The commit, tag or branch of --runtime-git.
    #[arg(long, requires = "runtime_git")]
    rev: Option<String>,
}

impl RuntimeArgs {
    fn dependency(self) -> RuntimeDependency {
        match (self.runtime_path, self.runtime_git) {
            (Some(dir), _) => RuntimeDependency::Path(dir),
            (None, Some(url)) => RuntimeDependency::Git { url, rev: self.rev },
            (None, None) => RuntimeDependency::Published,
        }
    }
}

#[derive(Debug, Args)]
struct ImportArgs {
    /// The app: its app JSON, its directory, or its `.tgz` tarball.
    source: PathBuf,
    /// The directory to create; its name is the package's (default: the app's package name).
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    #[command(flatten)]
    runtime: RuntimeArgs,
}

#[derive(Debug, Args)]
struct NewArgs {
    /// The directory to create; its name is the package's.
    path: PathBuf,
    /// The app's display name (default: made of the directory's name).
    #[arg(long, value_name = "APP NAME")]
    name: Option<String>,
    /// Who publishes the app.
    #[arg(long, default_value = "Example Corp")]
    publisher: String,
    #[command(flatten)]
    runtime: RuntimeArgs,
}

/// Runs `cargo soar` with the process's arguments and returns the exit code.
pub fn main() -> ExitCode {
    let mut args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if args.get(1).is_some_and(|arg| arg == "soar") {
        args.remove(1);
    }
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() {
                crate::EXIT_UNUSABLE
            } else {
                0
            });
        }
    };
    match execute(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            if !failure.message.is_empty() {
                eprintln!("cargo soar: {}", failure.message);
            }
            ExitCode::from(failure.code)
        }
    }
}

fn execute(command: Command) -> Outcome<()> {
    match command {
        Command::New(args) => crate::new::run(&NewProject {
            path: args.path,
            app_name: args.name,
            publisher: args.publisher,
            runtime: args.runtime.dependency(),
        }),
        Command::Import(args) => crate::import::run(&crate::import::ImportRequest {
            source: args.source,
            out: args.out,
            runtime: args.runtime.dependency(),
        }),
        Command::Bundle { target, out } => bundle::run(&bundle::Request {
            manifest_path: target.manifest_path,
            package: target.package,
            out,
        })
        .map(|_| ()),
        Command::Validate { path } => validate::run(&path),
        Command::AppJson { target } => {
            let (project, package) =
                bundle::locate(target.manifest_path.as_deref(), target.package.as_deref())?;
            let described = bundle::describe(&project, &package)?;
            print!("{}", described.app_text);
            Ok(())
        }
        Command::Docs { target } => {
            let (project, package) =
                bundle::locate(target.manifest_path.as_deref(), target.package.as_deref())?;
            let described = bundle::describe(&project, &package)?;
            let path = docs::write(&package.dir, &described.app)?;
            eprintln!("wrote {}", path.display());
            Ok(())
        }
    }
}
