//! `<connector> action <identifier-or-name> --param k=v ... [--config k=v] [--asset asset.json]`:
//! one action run from the command line, for humans.

use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::{Map, Value};

use super::backend::{BackendArgs, LOCAL_ASSET};
use super::{run_and_print, table, unusable};
use crate::action_json::ActionJson;
use crate::app_json::{Action, AppJson};
use crate::connector::Connector;

/// The arguments of the `action` command.
#[derive(Debug, clap::Args)]
pub(super) struct ActionArgs {
    /// The action's identifier or name (the help lists the connector's own).
    action: String,
    /// A parameter, NAME=VALUE; repeat it for more.
    #[arg(short, long = "param", value_name = "NAME=VALUE")]
    params: Vec<String>,
    /// A configuration value, NAME=VALUE; repeat it for more. Applied over --asset.
    #[arg(short, long = "config", value_name = "NAME=VALUE")]
    config: Vec<String>,
    #[command(flatten)]
    asset: AssetArgs,
    #[command(flatten)]
    backend: BackendArgs,
    /// Also write the action's view of the result to FILE, in a page that approximates the
    /// platform's widget.
    #[arg(long, value_name = "FILE")]
    view: Option<PathBuf>,
    /// Print the connector run result JSON instead of a table.
    #[arg(long)]
    json: bool,
    /// Show debug log entries on standard error.
    #[arg(short, long)]
    verbose: bool,
}

/// Runs the command: exit 0 when the run succeeded, 1 when it failed, 2 when the command line or
/// the asset file is unusable.
pub(super) fn run<C: Connector>(args: ActionArgs) -> ExitCode {
    let app = C::app_json();
    let prepared = prepare(&app, &args).and_then(|(action, input)| {
        let backend = args.backend.open(&app, &args.asset.asset_id)?;
        Ok((action, input, backend))
    });
    match prepared {
        Ok((action, input, backend)) => run_and_print::<C>(
            &app,
            input,
            backend,
            args.json,
            args.verbose,
            |result| table::render(action, result),
            |result| match &args.view {
                Some(out) => {
                    super::view::write_after_run::<C>(&app, &action.identifier, result, out)
                }
                None => Ok(()),
            },
        ),
        Err(message) => unusable(&message),
    }
}

/// The action and the action JSON of the command line. A `--param` the action does not declare
/// and a `--config` the app does not declare are errors (with the nearest name): on the
/// platform they could not be set, and here they would be ignored without a word.
fn prepare<'a>(app: &'a AppJson, args: &ActionArgs) -> Result<(&'a Action, ActionJson), String> {
    let action = find(app, &args.action)?;
    let mut config = args.asset.config()?;
    // --config values apply over the asset file; fields still unset get their defaults.
    let declared: Vec<&str> = app.configuration.keys().map(String::as_str).collect();
    for pair in &args.config {
        let (name, value) = split(pair)?;
        check_declared("configuration field", name, "the app", &declared)?;
        config.insert(name.to_owned(), Value::String(value.to_owned()));
    }
    let mut params = Map::new();
    let declared: Vec<&str> = action.parameters.keys().map(String::as_str).collect();
    let owner = format!("`{}`", action.action);
    for pair in &args.params {
        let (name, value) = split(pair)?;
        check_declared("parameter", name, &owner, &declared)?;
        params.insert(name.to_owned(), Value::String(value.to_owned()));
    }
    let input = ActionJson::for_local_run(
        app,
        &action.identifier,
        config,
        Some(&args.asset.asset_id),
        vec![Value::Object(params)],
    );
    Ok((action, input))
}

/// `Ok` when `name` is one of the names `owner` declares; else an error naming the nearest
/// one, or all of them: "unknown parameter `domian`; did you mean `domain`?".
fn check_declared(kind: &str, name: &str, owner: &str, declared: &[&str]) -> Result<(), String> {
    if declared.contains(&name) {
        return Ok(());
    }
    let hint = match soar_vocab::suggest::closest(name, declared.iter().copied()) {
        Some(close) => format!("did you mean `{close}`?"),
        None if declared.is_empty() => format!("{owner} declares none"),
        None => format!(
            "{owner} declares {}",
            soar_vocab::suggest::listing(declared.iter().copied())
        ),
    };
    Err(format!("unknown {kind} `{name}`; {hint}"))
}

/// The options that name the asset of a run from the command line (`action`, `poll`).
#[derive(Debug, clap::Args)]
pub(super) struct AssetArgs {
    /// The asset configuration: a JSON object, as the action JSON's `config`.
    #[arg(long)]
    asset: Option<PathBuf>,
    /// The asset's id: it names the state file and salts the secrets of the state.
    #[arg(long, default_value = LOCAL_ASSET)]
    pub(super) asset_id: String,
}

impl AssetArgs {
    /// The configuration of the `--asset` file, or an empty one. Fields it lacks get their
    /// app JSON default later, with those of `--config` ([`ActionJson::for_local_run`]).
    pub(super) fn config(&self) -> Result<Map<String, Value>, String> {
        match &self.asset {
            Some(path) => read_asset(path),
            None => Ok(Map::new()),
        }
    }
}

/// The action with this identifier or name.
pub(super) fn find<'a>(app: &'a AppJson, wanted: &str) -> Result<&'a Action, String> {
    app.actions
        .iter()
        .find(|action| action.identifier == wanted)
        .or_else(|| app.actions.iter().find(|action| action.action == wanted))
        .ok_or_else(|| {
            let known: Vec<String> = app
                .actions
                .iter()
                .map(|action| format!("{} ({})", action.identifier, action.action))
                .collect();
            format!(
                "unknown action `{wanted}`; the actions are: {}",
                known.join(", ")
            )
        })
}

/// `NAME=VALUE`.
fn split(pair: &str) -> Result<(&str, &str), String> {
    pair.split_once('=')
        .filter(|(name, _)| !name.trim().is_empty())
        .map(|(name, value)| (name.trim(), value))
        .ok_or_else(|| format!("expected NAME=VALUE, not `{pair}`"))
}

/// The asset file: a JSON object.
fn read_asset(path: &std::path::Path) -> Result<Map<String, Value>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
    match serde_json::from_str(&text) {
        Ok(Value::Object(config)) => Ok(config),
        Ok(_) => Err(format!("{} does not hold a JSON object", path.display())),
        Err(error) => Err(format!("{} is not JSON: {error}", path.display())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undeclared_names_get_the_nearest_or_the_list() {
        let declared = ["whois_server", "timeout"];
        assert_eq!(
            check_declared("configuration field", "timeout", "the app", &declared),
            Ok(())
        );
        assert_eq!(
            check_declared("configuration field", "timout", "the app", &declared),
            Err("unknown configuration field `timout`; did you mean `timeout`?".to_owned())
        );
        assert_eq!(
            check_declared("configuration field", "port", "the app", &declared),
            Err(
                "unknown configuration field `port`; the app declares `whois_server`, `timeout`"
                    .to_owned()
            )
        );
        assert_eq!(
            check_declared("parameter", "ip", "`test connectivity`", &[]),
            Err("unknown parameter `ip`; `test connectivity` declares none".to_owned())
        );
    }

    #[test]
    fn name_value_pairs() {
        assert_eq!(
            split("domain=example.com").unwrap(),
            ("domain", "example.com")
        );
        assert_eq!(split("q=a=b").unwrap(), ("q", "a=b"));
        assert_eq!(split("empty=").unwrap(), ("empty", ""));
        assert!(split("domain").is_err());
        assert!(split("=x").is_err());
    }
}
