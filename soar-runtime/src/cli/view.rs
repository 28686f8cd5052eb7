//! `<connector> view <action> --result <result.json> [--out view.html]`: an action's view
//! rendered from a saved run result, in a page that approximates the platform's widget; and
//! the `--view <file>` of `action`, which writes that page right after a run.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::Value;

use super::action::find;
use super::{EXIT_SUCCESS, print_stdout, unusable};
use crate::app_json::AppJson;
use crate::connector::Connector;
use crate::result::RunResult;
use crate::view::{WidgetSize, payload_of_run_results, preview_page};

/// The arguments of the `view` command.
#[derive(Debug, clap::Args)]
pub(super) struct ViewArgs {
    /// The action's identifier or name.
    action: String,
    /// A connector run result JSON (what `run` and `action --json` print), or a list of them
    /// (one per app run).
    #[arg(long, value_name = "RESULT_JSON")]
    result: PathBuf,
    /// Where to write the page (standard output otherwise).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

/// Runs the command: exit 0 when the page was written, 2 when the action has no view or the
/// result file is unusable.
pub(super) fn run<C: Connector>(args: &ViewArgs) -> ExitCode {
    let app = C::app_json();
    let page = read_results(&args.result).and_then(|runs| page::<C>(&app, &args.action, &runs));
    match (page, &args.out) {
        (Err(message), _) => unusable(&message),
        (Ok(page), None) => print_stdout(&page),
        (Ok(page), Some(out)) => match write(out, &page) {
            Ok(()) => ExitCode::from(EXIT_SUCCESS),
            Err(message) => unusable(&message),
        },
    }
}

/// The preview page of `result`, the run of `action`, written to `out` (for `action --view`).
pub(super) fn write_after_run<C: Connector>(
    app: &AppJson,
    action: &str,
    result: &RunResult,
    out: &Path,
) -> Result<(), String> {
    let run = serde_json::to_value(result).map_err(|error| error.to_string())?;
    write(out, &page::<C>(app, action, &[run])?)
}

/// The preview page of the view of `action` for the run results `runs`.
fn page<C: Connector>(app: &AppJson, action: &str, runs: &[Value]) -> Result<String, String> {
    let action = find(app, action)?;
    let render = action.render.as_ref();
    let view = C::view(&action.identifier).ok_or_else(|| {
        format!(
            "action `{}` has no view (its `render` is {})",
            action.identifier,
            render
                .and_then(|render| render.kind.as_deref())
                .map_or("the default table".to_owned(), |kind| format!("`{kind}`"))
        )
    })?;
    let size = WidgetSize {
        width: render
            .and_then(|render| render.width.as_ref())
            .and_then(number),
        height: render
            .and_then(|render| render.height.as_ref())
            .and_then(number),
    };
    let title = render
        .and_then(|render| render.title.clone())
        .unwrap_or_else(|| action.action.clone());
    Ok(preview_page(
        &title,
        size,
        &view(&payload_of_run_results(runs)),
    ))
}

/// A widget dimension of the app JSON as a number.
fn number(value: &impl serde::Serialize) -> Option<u32> {
    serde_json::to_value(value)
        .ok()?
        .as_u64()
        .and_then(|number| u32::try_from(number).ok())
}

/// The run results of the file: one run result object, or a list of them.
fn read_results(path: &Path) -> Result<Vec<Value>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
    match serde_json::from_str(&text) {
        Ok(Value::Array(runs)) if runs.iter().all(Value::is_object) => Ok(runs),
        Ok(run @ Value::Object(_)) => Ok(vec![run]),
        Ok(_) => Err(format!(
            "{} holds neither a connector run result nor a list of them",
            path.display()
        )),
        Err(error) => Err(format!("{} is not JSON: {error}", path.display())),
    }
}

fn write(out: &Path, page: &str) -> Result<(), String> {
    std::fs::write(out, page).map_err(|error| format!("cannot write {}: {error}", out.display()))
}
