//! What the AlertDesk actions return: their data items (the app JSON's data paths and
//! columns) and summaries.

use serde::{Deserialize, Serialize};
use soar_runtime::ActionOutput;

use crate::api::{IndicatorRecord, Ticket};
use crate::indicator::Indicator;

/// What AlertDesk knows about an indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ActionOutput)]
pub struct IndicatorOutput {
    /// The indicator, as AlertDesk writes it.
    #[output(
        contains = ["ip", "ipv6", "domain", "hash", "md5", "sha1", "sha256", "sha512"],
        column = "Indicator",
        example = "203.0.113.7"
    )]
    pub indicator: String,
    /// `ip`, `domain`, `md5`, `sha1`, `sha256` or `sha512`.
    #[serde(rename = "type")]
    #[output(column = "Type", example = "ip")]
    pub kind: String,
    /// Whether AlertDesk has intelligence on it.
    pub found: bool,
    /// `malicious`, `suspicious`, `benign`, or `unknown` when AlertDesk has none.
    #[output(column = "Verdict", example = "malicious")]
    pub verdict: String,
    /// 0 (harmless) to 100 (certainly malicious).
    #[output(column = "Score", example = 95)]
    pub score: Option<u8>,
    /// Labels, e.g. `c2`.
    #[output(example = "c2")]
    pub tags: Vec<String>,
    /// When it was first seen, RFC 3339.
    pub first_seen: Option<String>,
    /// When it was last seen, RFC 3339.
    #[output(column = "Last Seen", example = "2026-11-28T09:00:00Z")]
    pub last_seen: Option<String>,
}

impl IndicatorOutput {
    /// The output for `indicator`: AlertDesk's record, or `unknown` when it has none.
    pub fn new(indicator: &Indicator, record: Option<IndicatorRecord>) -> Self {
        let unknown = || Self {
            indicator: indicator.to_string(),
            kind: indicator.kind().to_owned(),
            found: false,
            verdict: "unknown".to_owned(),
            score: None,
            tags: Vec::new(),
            first_seen: None,
            last_seen: None,
        };
        match record {
            None => unknown(),
            Some(record) => Self {
                kind: record.kind,
                found: true,
                verdict: record.verdict,
                score: Some(record.score),
                tags: record.tags,
                first_seen: record.first_seen,
                last_seen: record.last_seen,
                ..unknown()
            },
        }
    }
}

/// The summary of an indicator lookup.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ActionOutput)]
pub struct IndicatorSummary {
    /// The verdict.
    pub verdict: String,
    /// The score, when AlertDesk has one.
    pub score: Option<u8>,
}

impl IndicatorSummary {
    /// The summary of an indicator's output.
    pub fn of(output: &IndicatorOutput) -> Self {
        Self {
            verdict: output.verdict.clone(),
            score: output.score,
        }
    }
}

/// An address's place on the blocklist after `block ip` or `unblock ip`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ActionOutput)]
pub struct BlocklistOutput {
    /// The address.
    #[output(contains = ["ip", "ipv6"], column = "IP", example = "203.0.113.7")]
    pub ip: String,
    /// Whether the address is on the blocklist now.
    #[output(column = "Blocked")]
    pub blocked: bool,
    /// Whether the action changed the blocklist (`false`: it was so already).
    #[output(column = "Changed")]
    pub changed: bool,
    /// The comment recorded with the block.
    pub comment: Option<String>,
    /// When it was blocked, RFC 3339.
    pub blocked_at: Option<String>,
}

/// A ticket as created.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ActionOutput)]
pub struct TicketOutput {
    /// The ticket's id.
    #[output(contains = [custom("alertdesk ticket id")], column = "Ticket ID", example = "TCK-0001")]
    pub id: String,
    /// The title.
    #[output(column = "Title", example = "Investigate AD-000001")]
    pub title: String,
    /// The priority.
    #[output(column = "Priority", example = "medium")]
    pub priority: String,
    /// `open` when created.
    #[output(column = "Status", example = "open")]
    pub status: String,
    /// The alert the ticket is about.
    #[output(contains = [custom("alertdesk alert id")], example = "AD-000001")]
    pub alert_id: Option<String>,
    /// Where a person finds it.
    #[output(contains = ["url"], example = "https://alertdesk.example.com/tickets/TCK-0001")]
    pub url: String,
    /// When it was created, RFC 3339.
    pub created: String,
}

impl From<Ticket> for TicketOutput {
    fn from(ticket: Ticket) -> Self {
        Self {
            id: ticket.id,
            title: ticket.title,
            priority: ticket.priority,
            status: ticket.status,
            alert_id: ticket.alert_id,
            url: ticket.url,
            created: ticket.created,
        }
    }
}

/// The summary of `create ticket`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ActionOutput)]
pub struct TicketSummary {
    /// The new ticket's id.
    pub ticket_id: String,
}
