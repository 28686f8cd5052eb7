//! What the fake AlertDesk keeps and answers: alerts with their observables, threat
//! intelligence on indicators, the IP blocklist and tickets, as the service's JSON.

use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};

/// An alert raised by AlertDesk (`GET /api/v1/alerts`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alert {
    /// Its identifier, `AD-000001`.
    pub id: String,
    /// A one-line title.
    pub title: String,
    /// `low`, `medium`, `high` or `critical`.
    pub severity: String,
    /// `new`, `acknowledged` or `closed`.
    pub status: String,
    /// When it was raised (RFC 3339 in the JSON).
    #[serde(with = "time::serde::rfc3339")]
    pub created: OffsetDateTime,
    /// A longer description.
    pub description: String,
    /// What the alert is about: addresses, domains, URLs, file hashes.
    pub observables: Vec<Observable>,
}

/// One thing an alert names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Observable {
    /// `ip`, `domain`, `url`, `md5`, `sha1` or `sha256`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The value.
    pub value: String,
}

impl Observable {
    /// An observable of `kind` with `value`.
    pub fn new(kind: &str, value: impl Into<String>) -> Self {
        Self {
            kind: kind.to_owned(),
            value: value.into(),
        }
    }
}

/// What AlertDesk knows about an indicator (`GET /api/v1/indicators/{value}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Indicator {
    /// The indicator: an IP address, a domain or a file hash.
    pub value: String,
    /// `ip`, `domain`, `md5`, `sha1` or `sha256`.
    #[serde(rename = "type")]
    pub kind: String,
    /// `malicious`, `suspicious` or `benign`.
    pub verdict: String,
    /// 0 (harmless) to 100 (certainly malicious).
    pub score: u8,
    /// Labels, e.g. `c2`, `phishing`.
    pub tags: Vec<String>,
    /// When it was first seen (RFC 3339 in the JSON).
    #[serde(with = "time::serde::rfc3339")]
    pub first_seen: OffsetDateTime,
    /// When it was last seen (RFC 3339 in the JSON).
    #[serde(with = "time::serde::rfc3339")]
    pub last_seen: OffsetDateTime,
}

/// An entry of the IP blocklist (`POST /api/v1/blocklist`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlockEntry {
    /// The blocked address.
    pub ip: String,
    /// Why it was blocked.
    pub comment: Option<String>,
    /// When it was blocked (RFC 3339 in the JSON).
    #[serde(with = "time::serde::rfc3339")]
    pub created: OffsetDateTime,
}

/// A ticket (`POST /api/v1/tickets`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ticket {
    /// Its identifier, `TCK-0001`.
    pub id: String,
    /// The title.
    pub title: String,
    /// The description.
    pub description: Option<String>,
    /// `low`, `medium`, `high` or `critical`.
    pub priority: String,
    /// The alert the ticket is about, if any.
    pub alert_id: Option<String>,
    /// `open` when created.
    pub status: String,
    /// When it was created (RFC 3339 in the JSON).
    #[serde(with = "time::serde::rfc3339")]
    pub created: OffsetDateTime,
    /// Where a person finds it.
    pub url: String,
}

/// A request the fake received, and how it answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedRequest {
    /// `GET`, `POST`, ...
    pub method: String,
    /// The path, without the query string.
    pub path: String,
    /// The query string, without `?` (empty when there is none).
    pub query: String,
    /// The status code of the answer.
    pub status: u16,
}

/// The current time in whole seconds, as the service writes times.
pub(crate) fn now() -> OffsetDateTime {
    let now = OffsetDateTime::now_utc();
    now.replace_nanosecond(0).unwrap_or(now)
}

const TITLES: [&str; 4] = [
    "Outbound connection to a known C2 server",
    "Phishing URL clicked",
    "Malware hash detected on an endpoint",
    "Suspicious DNS lookup",
];

const SEVERITIES: [&str; 4] = ["low", "medium", "high", "critical"];

/// The sample alert number `number` (from 1), raised at `created`: a deterministic title,
/// severity and four observables (an IP address, a domain, a URL and a SHA-256 hash).
pub fn sample_alert(number: usize, created: OffsetDateTime) -> Alert {
    let domain = format!("c2-{number}.example.net");
    Alert {
        id: format!("AD-{number:06}"),
        title: TITLES[number % TITLES.len()].to_owned(),
        severity: SEVERITIES[number % SEVERITIES.len()].to_owned(),
        status: "new".to_owned(),
        created,
        description: format!("Sample alert {number} raised by the fake AlertDesk."),
        observables: vec![
            Observable::new("ip", format!("203.0.113.{}", number % 250 + 1)),
            Observable::new("domain", domain.clone()),
            Observable::new("url", format!("https://{domain}/payload")),
            Observable::new("sha256", format!("{number:064x}")),
        ],
    }
}

/// `count` sample alerts numbered from `first_number`, oldest first, two at a time (so that
/// paging and checkpoints meet alerts with the same creation time) one minute apart, the
/// first two raised at `start`.
pub fn sample_alerts(first_number: usize, count: usize, start: OffsetDateTime) -> Vec<Alert> {
    (0..count)
        .map(|index| {
            let minutes = (index - index % 2) as i64;
            sample_alert(first_number + index, start + Duration::minutes(minutes))
        })
        .collect()
}

/// The intelligence the fake starts with: a C2 address, a phishing domain, a benign domain
/// and the EICAR test file's MD5.
pub fn seed_indicators(now: OffsetDateTime) -> Vec<Indicator> {
    let indicator = |value: &str, kind: &str, verdict: &str, score: u8, tags: &[&str]| Indicator {
        value: value.to_owned(),
        kind: kind.to_owned(),
        verdict: verdict.to_owned(),
        score,
        tags: tags.iter().map(|tag| (*tag).to_owned()).collect(),
        first_seen: now - Duration::days(30),
        last_seen: now - Duration::hours(2),
    };
    vec![
        indicator("203.0.113.7", "ip", "malicious", 95, &["c2", "botnet"]),
        indicator("bad.example.net", "domain", "malicious", 88, &["phishing"]),
        indicator("example.com", "domain", "benign", 0, &[]),
        indicator(
            "44d88612fea8a8f36de82e1278abb02f",
            "md5",
            "malicious",
            100,
            &["eicar", "test-file"],
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_alerts_come_in_pairs_oldest_first() {
        let start = OffsetDateTime::from_unix_timestamp(1_800_000_000).unwrap();
        let alerts = sample_alerts(1, 5, start);
        let ids: Vec<_> = alerts.iter().map(|alert| alert.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "AD-000001",
                "AD-000002",
                "AD-000003",
                "AD-000004",
                "AD-000005"
            ]
        );
        assert_eq!(alerts[0].created, alerts[1].created);
        assert!(alerts[1].created < alerts[2].created);
        assert_eq!(alerts[4].created, start + Duration::minutes(4));
        assert_eq!(alerts[2].observables[3].value.len(), 64);
        let json = serde_json::to_value(&alerts[0]).unwrap();
        assert_eq!(json["created"], "2027-01-15T08:00:00Z");
        assert_eq!(json["observables"][0]["type"], "ip");
    }
}
