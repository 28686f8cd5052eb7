//! `<connector> poll [--asset asset.json] [--since <RFC 3339 time>] [--container-count N]`:
//! on poll against the local store, with progress on standard error and a summary of what was
//! ingested on standard output.

use std::process::ExitCode;

use serde_json::{Map, Value};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::action::{AssetArgs, find};
use super::backend::BackendArgs;
use super::{run_and_print, table, unusable};
use crate::action_json::ActionJson;
use crate::connector::Connector;
use crate::ingest::IngestCounters;
use crate::poll::SCHEDULED_COUNT;
use crate::result::RunResult;

/// The identifier of the on poll action.
const ON_POLL: &str = "on_poll";

/// The arguments of the `poll` command.
#[derive(Debug, clap::Args)]
pub(super) struct PollArgs {
    #[command(flatten)]
    asset: AssetArgs,
    /// Ingest what happened since this time (RFC 3339, e.g. 2026-01-01T00:00:00Z): the poll's
    /// `start_time`.
    #[arg(long, value_name = "TIME", value_parser = epoch_millis)]
    since: Option<i64>,
    /// Poll now, ingesting at most this many containers (default: a scheduled poll).
    #[arg(long, value_name = "N")]
    container_count: Option<u32>,
    /// Ingest at most this many artifacts (default: the scheduled poll's count).
    #[arg(long, value_name = "N")]
    artifact_count: Option<u32>,
    #[command(flatten)]
    backend: BackendArgs,
    /// Print the connector run result JSON instead of the summary.
    #[arg(long)]
    json: bool,
    /// Show debug log entries on standard error.
    #[arg(short, long)]
    verbose: bool,
}

/// An RFC 3339 time as epoch milliseconds.
fn epoch_millis(text: &str) -> Result<i64, String> {
    let time = OffsetDateTime::parse(text, &Rfc3339)
        .map_err(|error| format!("not an RFC 3339 time ({error})"))?;
    Ok((time.unix_timestamp_nanos() / 1_000_000) as i64)
}

/// Runs the command: exit 0 when the poll succeeded, 1 when it failed, 2 when the command line,
/// the asset file or the store is unusable.
pub(super) fn run<C: Connector>(args: PollArgs) -> ExitCode {
    let app = C::app_json();
    let prepared = find(&app, ON_POLL).and_then(|action| {
        let input = ActionJson::for_local_run(
            &app,
            &action.identifier,
            args.asset.config()?,
            Some(&args.asset.asset_id),
            vec![Value::Object(parameters(&args))],
        );
        Ok((input, args.backend.open(&app, &args.asset.asset_id)?))
    });
    match prepared {
        Ok((input, backend)) => run_and_print::<C>(
            &app,
            input,
            backend,
            args.json,
            args.verbose,
            summary,
            |_| Ok(()),
        ),
        Err(message) => unusable(&message),
    }
}

/// The on poll parameters: the counts ("Poll Now" when given, else the scheduled poll's),
/// the time range from `--since` to now.
fn parameters(args: &PollArgs) -> Map<String, Value> {
    let mut params = Map::new();
    if let Some(since) = args.since {
        params.insert("start_time".into(), since.into());
    }
    let now = OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000;
    params.insert("end_time".into(), (now as i64).into());
    let count = |given: Option<u32>| given.unwrap_or(SCHEDULED_COUNT);
    params.insert("container_count".into(), count(args.container_count).into());
    params.insert("artifact_count".into(), count(args.artifact_count).into());
    params
}

/// What the poll ingested, then each result's status and message and the run's message.
fn summary(result: &RunResult) -> String {
    let counters = IngestCounters::from_summary(&result.result_summary);
    let mut lines = vec![
        format!(
            "containers: {} saved, {} duplicate, {} failed",
            counters.containers_successful,
            counters.containers_duplicate,
            counters.containers_failed
        ),
        format!(
            "artifacts: {} saved, {} duplicate, {} failed",
            counters.artifacts_successful, counters.artifacts_duplicate, counters.artifacts_failed
        ),
    ];
    lines.push(table::outcome(result));
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn since_is_an_rfc_3339_time_in_epoch_milliseconds() {
        assert_eq!(epoch_millis("1970-01-01T00:00:01.5Z").unwrap(), 1500);
        assert_eq!(
            epoch_millis("2026-01-01T01:00:00+01:00").unwrap(),
            1_767_225_600_000
        );
        assert!(epoch_millis("2026-01-01").is_err());
    }
}
