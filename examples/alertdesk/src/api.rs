//! The AlertDesk API's JSON, as the connector reads and writes it.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// `POST /oauth/token`'s answer.
#[derive(Debug, Deserialize)]
pub struct TokenResponse {
    /// The bearer token.
    pub access_token: soar_runtime::secret::Secret,
    /// Its lifetime in seconds.
    pub expires_in: i64,
}

/// An error answer: `{"error": "<code>", "message": "..."}`.
#[derive(Debug, Deserialize)]
pub struct ErrorBody {
    /// The machine-readable code (`token_expired`, `not_found`, ...).
    pub error: String,
}

/// `GET /api/v1/me`'s answer.
#[derive(Debug, Deserialize)]
pub struct Me {
    /// The integration's name.
    pub name: String,
}

/// What AlertDesk knows about an indicator.
#[derive(Debug, Deserialize)]
pub struct IndicatorRecord {
    /// `ip`, `domain`, `md5`, ...
    #[serde(rename = "type")]
    pub kind: String,
    /// `malicious`, `suspicious` or `benign`.
    pub verdict: String,
    /// 0 to 100.
    pub score: u8,
    /// Labels.
    #[serde(default)]
    pub tags: Vec<String>,
    /// First seen, RFC 3339.
    pub first_seen: Option<String>,
    /// Last seen, RFC 3339.
    pub last_seen: Option<String>,
}

/// A blocklist entry (`POST /api/v1/blocklist`).
#[derive(Debug, Deserialize)]
pub struct BlockEntry {
    /// The comment recorded with the block.
    pub comment: Option<String>,
    /// When it was blocked, RFC 3339.
    pub created: String,
}

/// A new ticket (`POST /api/v1/tickets`).
#[derive(Debug, Serialize)]
pub struct NewTicket<'a> {
    /// The title.
    pub title: &'a str,
    /// The description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<&'a str>,
    /// `low`, `medium`, `high` or `critical` (the service's default: `medium`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority: Option<&'a str>,
    /// The alert the ticket is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alert_id: Option<&'a str>,
}

/// A ticket as created.
#[derive(Debug, Deserialize)]
pub struct Ticket {
    /// Its id (`TCK-0001`).
    pub id: String,
    /// The title.
    pub title: String,
    /// The priority.
    pub priority: String,
    /// `open` when created.
    pub status: String,
    /// The alert it is about.
    pub alert_id: Option<String>,
    /// Where a person finds it.
    pub url: String,
    /// When it was created, RFC 3339.
    pub created: String,
}

/// One page of `GET /api/v1/alerts`.
#[derive(Debug, Deserialize)]
pub struct AlertPage {
    /// The alerts, by creation time then id.
    pub data: Vec<Alert>,
    /// The cursor of the next page; `None` on the last.
    pub next_cursor: Option<String>,
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
