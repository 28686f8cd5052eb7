//! The AlertDesk API's JSON, as the connector reads and writes it.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// `POST /oauth/token`'s answer.
#[derive(Deserialize)]
pub(crate) struct TokenResponse {
    /// The bearer token.
    pub(crate) access_token: soar_runtime::secret::Secret,
    /// Its lifetime in seconds.
    pub(crate) expires_in: i64,
}

/// An error answer: `{"error": "<code>", "message": "..."}`.
#[derive(Debug, Deserialize)]
pub(crate) struct ErrorBody {
    /// The machine-readable code (`token_expired`, `not_found`, ...).
    pub(crate) error: String,
}

/// `GET /api/v1/me`'s answer.
#[derive(Debug, Deserialize)]
pub(crate) struct Me {
    /// The integration's name.
    pub(crate) name: String,
}

/// What AlertDesk knows about an indicator.
#[derive(Debug, Deserialize)]
pub(crate) struct IndicatorRecord {
    /// `ip`, `domain`, `md5`, ...
    #[serde(rename = "type")]
    pub(crate) kind: String,
    /// `malicious`, `suspicious` or `benign`.
    pub(crate) verdict: String,
    /// 0 to 100.
    pub(crate) score: u8,
    /// Labels.
    #[serde(default)]
    pub(crate) tags: Vec<String>,
    /// First seen, RFC 3339.
    pub(crate) first_seen: Option<String>,
    /// Last seen, RFC 3339.
    pub(crate) last_seen: Option<String>,
}

/// A blocklist entry (`POST /api/v1/blocklist`).
#[derive(Debug, Deserialize)]
pub(crate) struct BlockEntry {
    /// The comment recorded with the block.
    pub(crate) comment: Option<String>,
    /// When it was blocked, RFC 3339.
    pub(crate) created: String,
}

/// A new ticket (`POST /api/v1/tickets`).
#[derive(Debug, Serialize)]
pub(crate) struct NewTicket<'a> {
    pub(crate) title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) description: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) priority: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) alert_id: Option<&'a str>,
}

/// A ticket as created.
#[derive(Debug, Deserialize)]
pub(crate) struct Ticket {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) priority: String,
    pub(crate) status: String,
    pub(crate) alert_id: Option<String>,
    pub(crate) url: String,
    pub(crate) created: String,
}

/// One page of `GET /api/v1/alerts`.
#[derive(Debug, Deserialize)]
pub(crate) struct AlertPage {
    /// The alerts, by creation time then id.
    pub(crate) data: Vec<Alert>,
    /// The cursor of the next page; `None` on the last.
    pub(crate) next_cursor: Option<String>,
}

/// An alert.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alert {
    /// Its id (`AD-000001`).
    pub id: String,
    /// Its title.
    pub title: String,
    /// `low`, `medium`, `high` or `critical`.
    pub severity: String,
    /// `new`, `acknowledged` or `closed`.
    #[serde(default)]
    pub status: String,
    /// When it was raised.
    #[serde(with = "time::serde::rfc3339")]
    pub created: OffsetDateTime,
    /// A description.
    #[serde(default)]
    pub description: String,
    /// What it names.
    #[serde(default)]
    pub observables: Vec<Observable>,
}

/// One thing an alert names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Observable {
    /// `ip`, `domain`, `url`, `md5`, `sha1` or `sha256`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The value.
    pub value: String,
}
