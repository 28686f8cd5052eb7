//! The `webhook` key: HTTP routes the platform forwards to the app.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The app's webhook, as the official SDK writes it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Webhook {
    /// `module.function` that handles the requests.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub handler: Option<String>,
    /// Whether callers must authenticate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requires_auth: Option<bool>,
    /// Request headers passed through to the handler.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed_headers: Option<Vec<String>>,
    /// Networks (CIDR) allowed to call the webhook.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ip_allowlist: Option<Vec<String>>,
    /// The routes the handler serves.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub routes: Option<Vec<WebhookRoute>>,
    /// Keys nobody knows, kept as written.
    #[serde(flatten)]
    pub extra: IndexMap<String, Value>,
}

/// One route of a [`Webhook`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WebhookRoute {
    /// The URL pattern, e.g. `test_webhook/<asset_id>`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url_pattern: Option<String>,
    /// HTTP methods the route accepts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed_methods: Option<Vec<String>>,
    /// Source file that declares the route.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub declaration_path: Option<String>,
    /// Line of the declaration in that file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub declaration_lineno: Option<u64>,
    /// Keys nobody knows, kept as written.
    #[serde(flatten)]
    pub extra: IndexMap<String, Value>,
}
