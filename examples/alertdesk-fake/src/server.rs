//! How the fake answers one request: scripted faults first, then authentication, then the
//! route.

use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};
use std::net::IpAddr;
use std::sync::Mutex;

use serde::Deserialize;
use serde_json::{Value, json};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::model::{Alert, BlockEntry, Indicator, RecordedRequest, Ticket, now, seed_indicators};
use crate::{
    CLIENT_ID, CLIENT_SECRET, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, RETRY_AFTER_SECONDS,
    TOKEN_LIFETIME_SECONDS,
};

/// Everything the fake knows.
pub(crate) struct State {
    base_url: String,
    pub(crate) alerts: Vec<Alert>,
    pub(crate) indicators: Vec<Indicator>,
    pub(crate) blocklist: Vec<BlockEntry>,
    pub(crate) tickets: Vec<Ticket>,
    /// Access tokens and when they expire.
    pub(crate) tokens: HashMap<String, OffsetDateTime>,
    /// Access tokens in the order they were issued.
    pub(crate) issued: Vec<String>,
    pub(crate) token_lifetime: i64,
    /// How many of the next requests get `429`.
    pub(crate) rate_limited: usize,
    /// How many of the next requests get `500`.
    pub(crate) failing: usize,
    pub(crate) requests: Vec<RecordedRequest>,
}

impl State {
    /// A fake with the seed indicators, reached at `base_url`.
    pub(crate) fn new(base_url: String, now: OffsetDateTime) -> Self {
        Self {
            base_url,
            alerts: Vec::new(),
            indicators: seed_indicators(now),
            blocklist: Vec::new(),
            tickets: Vec::new(),
            tokens: HashMap::new(),
            issued: Vec::new(),
            token_lifetime: TOKEN_LIFETIME_SECONDS,
            rate_limited: 0,
            failing: 0,
            requests: Vec::new(),
        }
    }
}

/// An answer: status, JSON body (none for `204`), extra headers.
struct Reply {
    status: u16,
    body: Option<Value>,
    headers: Vec<(&'static str, String)>,
}

impl Reply {
    fn json(status: u16, body: Value) -> Self {
        Self {
            status,
            body: Some(body),
            headers: Vec::new(),
        }
    }

    fn ok(body: Value) -> Self {
        Self::json(200, body)
    }

    fn no_content() -> Self {
        Self {
            status: 204,
            body: None,
            headers: Vec::new(),
        }
    }

    fn error(status: u16, code: &str, message: impl Into<String>) -> Self {
        Self::json(status, json!({"error": code, "message": message.into()}))
    }
}

/// What the route sees of a request.
struct Incoming<'r> {
    method: &'r str,
    segments: Vec<&'r str>,
    query: HashMap<String, String>,
    authorization: Option<String>,
    body: String,
}

/// Answers one request and records it.
pub(crate) fn answer(state: &Mutex<State>, mut request: tiny_http::Request) {
    let method = request.method().as_str().to_owned();
    let url = request.url().to_owned();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    let authorization = request
        .headers()
        .iter()
        .find(|header| header.field.equiv("Authorization"))
        .map(|header| header.value.as_str().to_owned());
    let mut body = String::new();
    let reply = match request.as_reader().read_to_string(&mut body) {
        Err(error) => Reply::error(400, "invalid_request", format!("unreadable body: {error}")),
        Ok(_) => {
            let incoming = Incoming {
                method: &method,
                segments: path.split('/').filter(|part| !part.is_empty()).collect(),
                query: url::form_urlencoded::parse(query.as_bytes())
                    .into_owned()
                    .collect(),
                authorization,
                body,
            };
            let mut state = state
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            let reply = state.handle(&incoming);
            state.requests.push(RecordedRequest {
                method: method.clone(),
                path: path.to_owned(),
                query: query.to_owned(),
                status: reply.status,
            });
            reply
        }
    };
    let _ = request.respond(response(reply));
}

fn response(reply: Reply) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    let bytes = reply.body.map(|body| body.to_string().into_bytes());
    let has_body = bytes.is_some();
    let mut response =
        tiny_http::Response::from_data(bytes.unwrap_or_default()).with_status_code(reply.status);
    let mut headers = reply.headers;
    if has_body {
        headers.push(("Content-Type", "application/json".to_owned()));
    }
    for (name, value) in headers {
        if let Ok(header) = tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()) {
            response.add_header(header);
        }
    }
    response
}

impl State {
    fn handle(&mut self, request: &Incoming<'_>) -> Reply {
        if self.rate_limited > 0 {
            self.rate_limited -= 1;
            let mut reply = Reply::error(429, "rate_limited", "too many requests, slow down");
            reply
                .headers
                .push(("Retry-After", RETRY_AFTER_SECONDS.to_string()));
            return reply;
        }
        if self.failing > 0 {
            self.failing -= 1;
            return Reply::error(500, "internal_error", "the service had a problem");
        }
        match (request.method, request.segments.as_slice()) {
            ("POST", ["oauth", "token"]) => self.issue_token(&request.body),
            (_, ["api", "v1", ..]) => match self.authenticate(request.authorization.as_deref()) {
                Err(reply) => reply,
                Ok(()) => self.route_api(request),
            },
            _ => Reply::error(404, "not_found", "no such endpoint"),
        }
    }

    fn issue_token(&mut self, body: &str) -> Reply {
        let form: HashMap<String, String> = url::form_urlencoded::parse(body.as_bytes())
            .into_owned()
            .collect();
        if form.get("grant_type").map(String::as_str) != Some("client_credentials") {
            return Reply::error(
                400,
                "unsupported_grant_type",
                "grant_type must be client_credentials",
            );
        }
        let id = form.get("client_id").map(String::as_str);
        let secret = form.get("client_secret").map(String::as_str);
        if id != Some(CLIENT_ID) || secret != Some(CLIENT_SECRET) {
            return Reply::error(401, "invalid_client", "unknown client or wrong secret");
        }
        let token = format!(
            "adk_{:016x}{:04x}",
            RandomState::new().hash_one(self.issued.len()),
            self.issued.len()
        );
        let expiry = now() + time::Duration::seconds(self.token_lifetime);
        self.tokens.insert(token.clone(), expiry);
        self.issued.push(token.clone());
        Reply::ok(json!({
            "access_token": token,
            "token_type": "Bearer",
            "expires_in": self.token_lifetime,
        }))
    }

    fn authenticate(&self, authorization: Option<&str>) -> Result<(), Reply> {
        let Some(token) = authorization.and_then(|value| value.strip_prefix("Bearer ")) else {
            return Err(Reply::error(
                401,
                "unauthorized",
                "a bearer token is required",
            ));
        };
        match self.tokens.get(token) {
            None => Err(Reply::error(401, "invalid_token", "unknown access token")),
            Some(expiry) if *expiry <= now() => Err(Reply::error(
                401,
                "token_expired",
                "the access token has expired",
            )),
            Some(_) => Ok(()),
        }
    }

    fn route_api(&mut self, request: &Incoming<'_>) -> Reply {
        match (request.method, &request.segments[2..]) {
            ("GET", ["me"]) => Reply::ok(json!({
                "client_id": CLIENT_ID,
                "name": "AlertDesk SOAR integration",
            })),
            ("GET", ["indicators", value]) => self.indicator(value),
            ("POST", ["blocklist"]) => self.block(&request.body),
            ("DELETE", ["blocklist", ip]) => self.unblock(ip),
            ("POST", ["tickets"]) => self.create_ticket(&request.body),
            ("GET", ["alerts"]) => self.list_alerts(&request.query),
            _ => Reply::error(404, "not_found", "no such endpoint"),
        }
    }

    fn indicator(&self, value: &str) -> Reply {
        let value = value.to_ascii_lowercase();
        match self.indicators.iter().find(|known| known.value == value) {
            Some(indicator) => Reply::ok(json!(indicator)),
            None => Reply::error(404, "not_found", format!("no intelligence on {value}")),
        }
    }

    fn block(&mut self, body: &str) -> Reply {
        #[derive(Deserialize)]
        struct Block {
            ip: String,
            comment: Option<String>,
        }
        let block: Block = match serde_json::from_str(body) {
            Ok(block) => block,
            Err(error) => return Reply::error(400, "invalid_request", error.to_string()),
        };
        let Ok(ip) = block.ip.parse::<IpAddr>() else {
            return Reply::error(400, "invalid_request", "ip is not an IP address");
        };
        let ip = ip.to_string();
        if self.blocklist.iter().any(|entry| entry.ip == ip) {
            return Reply::error(409, "already_blocked", format!("{ip} is already blocked"));
        }
        let entry = BlockEntry {
            ip,
            comment: block.comment,
            created: now(),
        };
        self.blocklist.push(entry.clone());
        Reply::json(201, json!(entry))
    }

    fn unblock(&mut self, ip: &str) -> Reply {
        let before = self.blocklist.len();
        self.blocklist.retain(|entry| entry.ip != ip);
        if self.blocklist.len() == before {
            Reply::error(404, "not_found", format!("{ip} is not blocked"))
        } else {
            Reply::no_content()
        }
    }

    fn create_ticket(&mut self, body: &str) -> Reply {
        #[derive(Deserialize)]
        struct NewTicket {
            title: String,
            description: Option<String>,
            priority: Option<String>,
            alert_id: Option<String>,
        }
        let new: NewTicket = match serde_json::from_str(body) {
            Ok(new) => new,
            Err(error) => return Reply::error(400, "invalid_request", error.to_string()),
        };
        let priority = new.priority.unwrap_or_else(|| "medium".to_owned());
        if !["low", "medium", "high", "critical"].contains(&priority.as_str()) {
            return Reply::error(400, "invalid_request", "unknown priority");
        }
        let id = format!("TCK-{:04}", self.tickets.len() + 1);
        let ticket = Ticket {
            url: format!("{}/tickets/{id}", self.base_url),
            id,
            title: new.title,
            description: new.description,
            priority,
            alert_id: new.alert_id,
            status: "open".to_owned(),
            created: now(),
        };
        self.tickets.push(ticket.clone());
        Reply::json(201, json!(ticket))
    }

    fn list_alerts(&self, query: &HashMap<String, String>) -> Reply {
        let since = match query.get("since").map(|since| parse_time(since)) {
            None => OffsetDateTime::UNIX_EPOCH,
            Some(Some(since)) => since,
            Some(None) => {
                return Reply::error(
                    400,
                    "invalid_request",
                    "since must be RFC 3339 or epoch seconds",
                );
            }
        };
        let limit = match query.get("limit").map(|limit| limit.parse::<usize>()) {
            None => DEFAULT_PAGE_SIZE,
            Some(Ok(limit)) if limit > 0 => limit.min(MAX_PAGE_SIZE),
            Some(_) => return Reply::error(400, "invalid_request", "limit must be at least 1"),
        };
        let after = match query.get("cursor").map(|cursor| decode_cursor(cursor)) {
            None => None,
            Some(Some(after)) => Some(after),
            Some(None) => return Reply::error(400, "invalid_request", "invalid cursor"),
        };
        let mut alerts: Vec<&Alert> = self
            .alerts
            .iter()
            .filter(|alert| alert.created >= since)
            .filter(|alert| {
                after
                    .as_ref()
                    .is_none_or(|(created, id)| (alert.created, &alert.id) > (*created, id))
            })
            .collect();
        alerts.sort_by(|a, b| (a.created, &a.id).cmp(&(b.created, &b.id)));
        let more = alerts.len() > limit;
        alerts.truncate(limit);
        let next_cursor = alerts
            .last()
            .filter(|_| more)
            .map(|last| encode_cursor(last));
        Reply::ok(json!({"data": alerts, "next_cursor": next_cursor}))
    }
}

/// RFC 3339, or seconds since the epoch.
fn parse_time(text: &str) -> Option<OffsetDateTime> {
    match text.parse::<i64>() {
        Ok(seconds) => OffsetDateTime::from_unix_timestamp(seconds).ok(),
        Err(_) => OffsetDateTime::parse(text, &Rfc3339).ok(),
    }
}

/// The cursor after `alert`: its creation time in nanoseconds and its id.
fn encode_cursor(alert: &Alert) -> String {
    format!("{}.{}", alert.created.unix_timestamp_nanos(), alert.id)
}

fn decode_cursor(cursor: &str) -> Option<(OffsetDateTime, String)> {
    let (nanos, id) = cursor.split_once('.')?;
    let created = OffsetDateTime::from_unix_timestamp_nanos(nanos.parse().ok()?).ok()?;
    Some((created, id.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_and_cursors_round_trip() {
        let time = parse_time("2026-11-28T10:00:00Z").unwrap();
        assert_eq!(parse_time("1795860000"), Some(time));
        assert_eq!(parse_time("yesterday"), None);
        let alert = crate::model::sample_alert(7, time);
        assert_eq!(
            decode_cursor(&encode_cursor(&alert)),
            Some((time, "AD-000007".to_owned()))
        );
        assert_eq!(decode_cursor("nonsense"), None);
    }
}
