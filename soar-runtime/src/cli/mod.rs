//! The local runner that every connector binary gets: `<connector> run <action.json>`,
//! `<connector> app-json`, and `<connector> action <name> --param k=v` for humans
//! (`action`, rendered as a table by [`table`]), with the output and exit codes of the
//! Decisions in `design.md`. With the `local` feature, runs keep what they ingest and their
//! state in the local store ([`crate::local`]), and the binary also gets `poll`,
//! `containers list|show <id>` and `artifacts list [--container <id>]`.

mod action;
mod backend;
#[cfg(feature = "local")]
mod inspect;
mod lazy;
#[cfg(feature = "local")]
mod poll;
mod stdout;
pub mod table;
mod view;

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::action_json::{ActionJson, LooseId};
use crate::app_json::AppJson;
use crate::cancel::CancelToken;
use crate::connector::Connector;
use crate::progress::TerminalSink;
use crate::result::RunResult;
use crate::run::{RunOptions, run_to_writer, run_with_app};
use backend::{Backend, BackendArgs, LOCAL_ASSET};
use stdout::Stdout;

/// Exit code of a run whose status is success.
pub const EXIT_SUCCESS: u8 = 0;
/// Exit code of a run that completed with status failed.
pub const EXIT_FAILED: u8 = 1;
/// Exit code when the input cannot be read or is not JSON at all.
pub const EXIT_UNREADABLE: u8 = 2;

#[derive(Debug, Parser)]
#[command(about = "A Splunk SOAR connector, run locally")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run one action JSON as the platform would; print the connector run result JSON.
    Run {
        /// The action JSON file.
        action_json: PathBuf,
        #[command(flatten)]
        backend: BackendArgs,
        /// Show debug log entries on standard error.
        #[arg(short, long)]
        verbose: bool,
    },
    /// Print the connector's app JSON (`utctime_updated` from SOURCE_DATE_EPOCH, else the last
    /// commit's time).
    AppJson,
    /// Print what `cargo soar bundle` needs from this connector: the bundle manifest (JSON).
    #[command(hide = true)]
    BundleManifest,
    /// Run one action with parameters and configuration from the command line; print the
    /// results as a table (or as the run result JSON with --json).
    Action(action::ActionArgs),
    /// Render an action's view from a saved run result, in a page that approximates the
    /// platform's widget.
    View(view::ViewArgs),
    /// Run on poll against the local store, as a scheduled poll (or "Poll Now" with
    /// --container-count); show progress and print what was ingested.
    #[cfg(feature = "local")]
    Poll(poll::PollArgs),
    /// Inspect the containers ingested into the local store.
    #[cfg(feature = "local")]
    #[command(subcommand)]
    Containers(inspect::ContainersCommand),
    /// Inspect the artifacts ingested into the local store.
    #[cfg(feature = "local")]
    #[command(subcommand)]
    Artifacts(inspect::ArtifactsCommand),
}

/// Runs the connector binary's command line (`std::env::args_os`) and returns its exit code.
pub fn main<C: Connector>() -> ExitCode {
    main_from::<C>(std::env::args_os())
}

/// As [`main`], with the arguments given (the first is the program name).
pub fn main_from<C: Connector>(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let parsed = command_of(&C::app_json())
        .try_get_matches_from(args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() {
                EXIT_UNREADABLE
            } else {
                EXIT_SUCCESS
            });
        }
    };
    match cli.command {
        Command::Run {
            action_json,
            backend,
            verbose,
        } => run_file::<C>(&action_json, &backend, verbose),
        Command::Action(args) => action::run::<C>(args),
        Command::View(args) => view::run::<C>(&args),
        #[cfg(feature = "local")]
        Command::Poll(args) => poll::run::<C>(args),
        #[cfg(feature = "local")]
        Command::Containers(command) => inspect::containers(command),
        #[cfg(feature = "local")]
        Command::Artifacts(command) => inspect::artifacts(command),
        Command::BundleManifest => match crate::bundle::manifest(C::app_json())
            .and_then(|manifest| serde_json::to_string(&manifest).map_err(|e| e.to_string()))
        {
            Ok(manifest) => print_stdout(&manifest),
            Err(message) => {
                eprintln!("{message}");
                ExitCode::from(EXIT_FAILED)
            }
        },
        Command::AppJson => {
            let mut app = C::app_json();
            if app.utctime_updated.is_none() {
                app.utctime_updated = crate::time::last_commit_date();
            }
            print_stdout(&app.to_json_pretty())
        }
    }
}

/// The command line of the connector `app`: its help names the app and its own actions.
fn command_of(app: &AppJson) -> clap::Command {
    let actions: Vec<String> = app
        .actions
        .iter()
        .map(|action| format!("{} (\"{}\")", action.identifier, action.action))
        .collect();
    let actions = if actions.is_empty() {
        "this connector declares none".to_owned()
    } else {
        actions.join(", ")
    };
    Cli::command()
        .about(format!(
            "{}: a Splunk SOAR connector, run locally",
            app.name
        ))
        .mut_subcommand("action", |command| {
            command.mut_arg("action", |arg| {
                arg.help(format!("The action's identifier or name: {actions}"))
            })
        })
}

/// The options of a local run: progress on standard error, SIGTERM cancels, state and platform
/// services from `backend`.
fn options(backend: Backend, verbose: bool) -> RunOptions {
    let cancel = CancelToken::on_sigterm().unwrap_or_else(|error| {
        eprintln!("cannot watch for SIGTERM ({error}); the run cannot be cancelled");
        CancelToken::new()
    });
    RunOptions {
        sink: Box::new(TerminalSink::new(verbose)),
        cancel,
        decrypt: None,
        state: backend.state,
        platform: backend.platform,
    }
}

/// `run <action.json>`: reads, runs, prints the result; exit 0, 1 or 2. An action JSON without
/// `asset_id` runs for the asset `local`.
fn run_file<C: Connector>(path: &Path, backend: &BackendArgs, verbose: bool) -> ExitCode {
    let app = C::app_json();
    let prepared = read_action_json(path).and_then(|mut input| {
        let asset_id = input
            .asset_id
            .get_or_insert_with(|| LooseId::Text(LOCAL_ASSET.to_owned()))
            .to_string();
        Ok((backend.open(&app, &asset_id)?, input))
    });
    let (backend, input) = match prepared {
        Ok(prepared) => prepared,
        Err(message) => return unusable(&message),
    };
    let mut out = std::io::BufWriter::new(Stdout::lock());
    match run_to_writer::<C, _>(&app, input, options(backend, verbose), &mut out).and_then(
        |status| {
            writeln!(out)?;
            out.flush()?;
            Ok(status)
        },
    ) {
        Ok(status) if status.is_success() => ExitCode::from(EXIT_SUCCESS),
        Ok(_) => ExitCode::from(EXIT_FAILED),
        Err(error) => {
            eprintln!("cannot write the result: {error}");
            ExitCode::from(EXIT_UNREADABLE)
        }
    }
}

/// Runs the action JSON of a command (`action`, `poll`) with its backend and prints the run
/// result JSON (`json`) or `render`'s text for humans, after `after` saw the result. Exit 0 when the run succeeded, 1 when it
/// failed, 2 when the output (or what `after` writes) cannot be written.
fn run_and_print<C: Connector>(
    app: &AppJson,
    input: ActionJson,
    backend: Backend,
    json: bool,
    verbose: bool,
    render: impl FnOnce(&RunResult) -> String,
    after: impl FnOnce(&RunResult) -> Result<(), String>,
) -> ExitCode {
    let result = run_with_app::<C>(app, input, options(backend, verbose));
    if let Err(message) = after(&result) {
        return unusable(&message);
    }
    let printed = if json {
        print_stdout(&result.to_json_pretty())
    } else {
        print_stdout(render(&result).trim_end())
    };
    if printed != ExitCode::SUCCESS {
        return printed;
    }
    ExitCode::from(if result.status.is_success() {
        EXIT_SUCCESS
    } else {
        EXIT_FAILED
    })
}

/// A command that cannot run (its command line, asset file or store is unusable): the reason on
/// standard error, exit 2.
fn unusable(message: &str) -> ExitCode {
    eprintln!("{message}");
    ExitCode::from(EXIT_UNREADABLE)
}

/// Reads and parses the action JSON file. JSON that is not an object parses as an empty action
/// JSON (the run then fails with the stock message); text that is not JSON is an error naming
/// the line and column.
fn read_action_json(path: &Path) -> Result<ActionJson, String> {
    let bytes =
        std::fs::read(path).map_err(|error| format!("cannot read {}: {error}", path.display()))?;
    match ActionJson::from_json_slice(&bytes) {
        Ok(input) => Ok(input),
        Err(error) if error.classify() == serde_json::error::Category::Data => {
            Ok(ActionJson::default())
        }
        Err(error) => Err(format!("{} is not JSON: {error}", path.display())),
    }
}

/// Prints `text` and a newline on standard output (nothing, quietly, when the reader is gone).
fn print_stdout(text: &str) -> ExitCode {
    let mut out = Stdout::lock();
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("cannot write: {error}");
            ExitCode::from(EXIT_UNREADABLE)
        }
    }
}
