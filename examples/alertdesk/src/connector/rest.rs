//! The REST handler: where an asset's alert ingestion stands, for the dashboards that watch it.
//! `GET <platform>/rest/handler/alertdesk_<appid>/<asset name>/poll_status?asset_id=<id>`
//! answers with the last alert the asset's polls saved, read from the state the polls keep.

use serde_json::{Value, json};
use soar_runtime::context::STATE_CHECKPOINTS;
use soar_runtime::prelude::*;

use super::CHECKPOINT;
use crate::ingest::AlertCheckpoint;

/// The route of the poll status, below the asset's part of the URL.
pub const POLL_STATUS: &str = "poll_status";

/// Answers `GET .../<asset>/poll_status?asset_id=<id>`: `200` with `{"asset_id", "last_alert"}`,
/// the last alert saved (`id`, `created`) or `null` before the first poll that saved one;
/// `405` for another method, `404` for another route, `400` without an asset id of letters
/// and digits. The state's other keys (the cached token among them) are never shown.
pub fn poll_status(request: RestRequest) -> Result<RestResponse, ActionError> {
    let refused =
        |status: u16, problem: String| RestResponse::json(status, &json!({ "error": problem }));
    if request.method != "GET" {
        return Ok(
            refused(405, format!("method {} not allowed", request.method))
                .with_header("Allow", "GET"),
        );
    }
    if request.route() != POLL_STATUS {
        return Ok(refused(
            404,
            format!("no such resource: /{}", request.route()),
        ));
    }
    let asset_id = request.query_value("asset_id").unwrap_or_default();
    if asset_id.is_empty() || !asset_id.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Ok(refused(
            400,
            "`asset_id` must name the asset by its id (letters and digits)".to_owned(),
        ));
    }
    let state = request.load_state(asset_id)?;
    let last_alert = match state
        .get(STATE_CHECKPOINTS)
        .and_then(|checkpoints| checkpoints.get(CHECKPOINT))
    {
        None => None,
        Some(saved) => Some(
            serde_json::from_value::<AlertCheckpoint>(saved.clone()).map_err(|error| {
                ActionError::new(format!("the poll's checkpoint cannot be read: {error}"))
            })?,
        ),
    };
    Ok(RestResponse::json(
        200,
        &json!({
            "asset_id": asset_id,
            "last_alert": last_alert.map_or(Value::Null, |checkpoint| json!(checkpoint)),
        }),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const APPID: &str = "10f8301c-abec-432e-ac9d-7244a3362f6d";

    /// The response to a request, through the runtime's JSON path as the bundle calls it, with
    /// the platform's state directory `states`.
    fn answer(method: &str, path: &[&str], query: Value, states: &std::path::Path) -> Value {
        let payload = json!({
            "method": method,
            "path": format!("/rest/handler/alertdesk_{APPID}/{}", path.join("/")),
            "path_parts": path,
            "query": query,
            "headers": {},
            "apps_state_path": states,
        });
        let app = <crate::AlertDesk as Connector>::app_json();
        serde_json::from_str(&soar_runtime::rest::handle(
            &app,
            poll_status,
            &payload.to_string(),
        ))
        .unwrap()
    }

    fn write_state(states: &std::path::Path, asset_id: &str, state: Value) {
        let directory = states.join(APPID);
        std::fs::create_dir_all(&directory).unwrap();
        std::fs::write(
            directory.join(format!("{asset_id}_state.json")),
            state.to_string(),
        )
        .unwrap();
    }

    fn content(response: &Value) -> Value {
        serde_json::from_str(response["content"].as_str().unwrap()).unwrap()
    }

    #[test]
    fn the_status_is_the_last_alert_the_polls_saved_and_nothing_else() {
        let states = tempfile::tempdir().unwrap();
        write_state(
            states.path(),
            "7",
            json!({
                "token": {"access_token": "sealed-hush"},
                STATE_CHECKPOINTS: {CHECKPOINT: {"created": "2026-12-04T10:00:00Z", "id": "AD-000042"}},
            }),
        );
        let response = answer(
            "GET",
            &["desk", POLL_STATUS],
            json!({"asset_id": ["7"]}),
            states.path(),
        );
        assert_eq!(response["status_code"], 200);
        assert_eq!(
            content(&response),
            json!({"asset_id": "7", "last_alert": {"created": "2026-12-04T10:00:00Z", "id": "AD-000042"}})
        );
        let never_polled = answer(
            "GET",
            &["desk", POLL_STATUS],
            json!({"asset_id": ["8"]}),
            states.path(),
        );
        assert_eq!(
            content(&never_polled),
            json!({"asset_id": "8", "last_alert": null})
        );
    }

    #[test]
    fn what_is_not_a_status_request_is_refused() {
        let states = tempfile::tempdir().unwrap();
        let status = |method, path: &[&str], query| {
            answer(method, path, query, states.path())["status_code"].clone()
        };
        let asset = json!({"asset_id": ["7"]});
        assert_eq!(status("POST", &["desk", POLL_STATUS], asset.clone()), 405);
        assert_eq!(status("GET", &["desk", "result"], asset), 404);
        assert_eq!(status("GET", &["desk", POLL_STATUS], json!({})), 400);
        assert_eq!(
            status("GET", &["desk", POLL_STATUS], json!({"asset_id": ["../7"]})),
            400
        );
    }

    #[test]
    fn a_checkpoint_that_cannot_be_read_is_a_500() {
        let states = tempfile::tempdir().unwrap();
        write_state(
            states.path(),
            "7",
            json!({STATE_CHECKPOINTS: {CHECKPOINT: {"id": 42}}}),
        );
        let response = answer(
            "GET",
            &["desk", POLL_STATUS],
            json!({"asset_id": ["7"]}),
            states.path(),
        );
        assert_eq!(response["status_code"], 500);
        assert!(
            content(&response)["error"]
                .as_str()
                .unwrap()
                .starts_with("the REST handler failed: the poll's checkpoint cannot be read"),
            "{response}"
        );
    }
}
