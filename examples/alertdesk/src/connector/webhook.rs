//! The webhook: AlertDesk pushes each alert as it is raised, a `POST` of the alert's JSON to
//! the asset's webhook URL with the integration's client id in `X-AlertDesk-Client`.

use serde_json::json;
use soar_runtime::prelude::*;

use crate::api::Alert;

/// The header in which AlertDesk names the integration a push is for.
pub const CLIENT_HEADER: &str = "X-AlertDesk-Client";

/// Acknowledges an alert AlertDesk pushed: `202` with its id when the push is a `POST` of an
/// alert for this asset's integration; `405` for another method, `404` below the webhook's
/// URL, `403` for a push to another integration (or none named), `400` for a body that is no
/// alert. Ingesting the alert needs the platform's REST API, which a Rust webhook does not
/// reach yet: on poll ingests it.
pub fn alert_pushed(request: WebhookRequest) -> Result<WebhookResponse, ActionError> {
    let refused =
        |status: u16, problem: String| WebhookResponse::json(status, &json!({ "error": problem }));
    if request.method != "POST" {
        return Ok(
            refused(405, format!("method {} not allowed", request.method))
                .with_header("Allow", "POST"),
        );
    }
    if !request.path_parts.is_empty() {
        return Ok(refused(
            404,
            format!("no such resource: /{}", request.path()),
        ));
    }
    let integration = request.asset.get_str("client_id");
    if integration.is_none() || request.header(CLIENT_HEADER) != integration {
        return Ok(refused(
            403,
            format!("the push is not for this asset's integration ({CLIENT_HEADER})"),
        ));
    }
    match serde_json::from_str::<Alert>(request.body.as_deref().unwrap_or_default()) {
        Ok(alert) => Ok(WebhookResponse::json(
            202,
            &json!({ "received": alert.id, "severity": alert.severity }),
        )),
        Err(error) => Ok(refused(400, format!("not an AlertDesk alert: {error}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    const ALERT: &str = r#"{"id": "AD-000042", "title": "Beaconing", "severity": "high", "created": "2026-12-04T10:00:00Z"}"#;

    /// The response to a request, through the runtime's JSON path as the bundle calls it.
    fn answer(method: &str, path: &[&str], client: &str, body: &str) -> Value {
        let payload = json!({
            "method": method,
            "headers": {CLIENT_HEADER: client},
            "path_parts": path,
            "query": {},
            "body": body,
            "asset": {"base_url": "https://desk.example", "client_id": "integration-7", "client_secret": "hush-hush"},
        });
        let app = <crate::AlertDesk as Connector>::app_json();
        serde_json::from_str(&soar_runtime::webhook::handle(
            &app,
            alert_pushed,
            &payload.to_string(),
        ))
        .unwrap()
    }

    #[test]
    fn a_pushed_alert_is_acknowledged_with_its_id() {
        let response = answer("POST", &[], "integration-7", ALERT);
        assert_eq!(response["status_code"], 202);
        assert_eq!(
            response["content"],
            json!({"received": "AD-000042", "severity": "high"}).to_string()
        );
    }

    #[test]
    fn what_is_not_a_push_of_an_alert_for_this_asset_is_refused() {
        let status = |method, path: &[&str], client, body| {
            answer(method, path, client, body)["status_code"].clone()
        };
        assert_eq!(status("GET", &[], "integration-7", ALERT), 405);
        assert_eq!(status("POST", &["alerts"], "integration-7", ALERT), 404);
        assert_eq!(status("POST", &[], "integration-8", ALERT), 403);
        assert_eq!(status("POST", &[], "integration-7", "{}"), 400);
        let refused = answer("POST", &[], "integration-8", ALERT).to_string();
        assert!(!refused.contains("hush-hush") && !refused.contains("integration-7"));
    }
}
