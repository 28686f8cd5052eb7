//! A fake of AlertDesk, a fictional alerting and threat-intelligence REST service, for the
//! tests of the AlertDesk example connector (`examples/alertdesk`) and for end-to-end runs.
//!
//! [`FakeService::start`] serves it on `127.0.0.1` (a free port) from a thread, with
//! in-memory alerts, indicators, blocklist and tickets, and faults a test can script: the
//! next requests answered `429` with `Retry-After: 1`, the next answered `500`, every token
//! issued so far expired. The `alertdesk-fake` binary serves one until it is killed:
//!
//! ```text
//! $ alertdesk-fake --alerts 120
//! listening on http://127.0.0.1:41523
//! ```
//!
//! The API (JSON bodies; errors are `{"error": "<code>", "message": "..."}`):
//!
//! | request | answer |
//! | --- | --- |
//! | `POST /oauth/token` (form: `grant_type=client_credentials`, `client_id`, `client_secret`) | `{"access_token", "token_type": "Bearer", "expires_in"}`; `401 invalid_client` |
//! | `GET /api/v1/me` | `{"client_id", "name"}` |
//! | `GET /api/v1/indicators/{value}` | an [`Indicator`]; `404 not_found` when unknown |
//! | `POST /api/v1/blocklist` (`{"ip", "comment"?}`) | `201` and the [`BlockEntry`]; `409 already_blocked` |
//! | `DELETE /api/v1/blocklist/{ip}` | `204`; `404 not_found` when not blocked |
//! | `POST /api/v1/tickets` (`{"title", "description"?, "priority"?, "alert_id"?}`) | `201` and the [`Ticket`] |
//! | `GET /api/v1/alerts?since=&limit=&cursor=` | `{"data": [Alert...], "next_cursor"}` |
//!
//! Everything under `/api/v1` needs `Authorization: Bearer <access_token>`: without it the
//! answer is `401 unauthorized`, with an unknown token `401 invalid_token`, with an expired
//! one `401 token_expired`. Alerts are listed by creation time, then id; `since` (RFC 3339
//! or epoch seconds) keeps those created at or after it; `limit` is the page size (default
//! [`DEFAULT_PAGE_SIZE`], at most [`MAX_PAGE_SIZE`]); `next_cursor` is `null` on the last page
//! and is passed back as `cursor` (with the same `since`) for the next.

mod model;
mod server;

use std::io;
use std::net::{Ipv4Addr, SocketAddrV4};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;

pub use model::{
    Alert, BlockEntry, Indicator, Observable, RecordedRequest, Ticket, sample_alert, sample_alerts,
};

use server::State;

/// The client id the fake accepts at `POST /oauth/token`.
pub const CLIENT_ID: &str = "soar-client";
/// The client secret the fake accepts at `POST /oauth/token`.
pub const CLIENT_SECRET: &str = "alertdesk-client-secret";
/// The lifetime of an access token, in seconds, unless a test sets another.
pub const TOKEN_LIFETIME_SECONDS: i64 = 3600;
/// The page size of `GET /api/v1/alerts` without `limit`.
pub const DEFAULT_PAGE_SIZE: usize = 50;
/// The largest page `GET /api/v1/alerts` returns.
pub const MAX_PAGE_SIZE: usize = 100;
/// The `Retry-After` of a rate-limited answer, in seconds.
pub const RETRY_AFTER_SECONDS: u64 = 1;

/// A running fake AlertDesk. Dropping it stops the server.
pub struct FakeService {
    base_url: String,
    state: Arc<Mutex<State>>,
    server: Arc<tiny_http::Server>,
    thread: Option<JoinHandle<()>>,
}

impl FakeService {
    /// Starts a fake on a free port of 127.0.0.1, with the seed indicators and no alerts.
    pub fn start() -> io::Result<Self> {
        Self::start_on_port(0)
    }

    /// Starts a fake on `port` of 127.0.0.1 (0: a free one).
    pub fn start_on_port(port: u16) -> io::Result<Self> {
        let server = tiny_http::Server::http(SocketAddrV4::new(Ipv4Addr::LOCALHOST, port))
            .map_err(io::Error::other)?;
        let port = server
            .server_addr()
            .to_ip()
            .map(|addr| addr.port())
            .ok_or_else(|| io::Error::other("the server has no IP address"))?;
        let base_url = format!("http://127.0.0.1:{port}");
        let state = Arc::new(Mutex::new(State::new(base_url.clone(), model::now())));
        let server = Arc::new(server);
        let thread = std::thread::Builder::new()
            .name("alertdesk-fake".into())
            .spawn({
                let server = Arc::clone(&server);
                let state = Arc::clone(&state);
                move || {
                    for request in server.incoming_requests() {
                        server::answer(&state, request);
                    }
                }
            })?;
        Ok(Self {
            base_url,
            state,
            server,
            thread: Some(thread),
        })
    }

    /// The base URL of the service, `http://127.0.0.1:<port>` (no final `/`).
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// Serves until the process is killed.
    pub fn serve_forever(mut self) {
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Adds an alert.
    pub fn add_alert(&self, alert: Alert) {
        self.state().alerts.push(alert);
    }

    /// Adds `count` sample alerts ([`sample_alerts`]), numbered after the alerts already
    /// there: raised in the last minutes, and after every alert already there (as new alerts
    /// of a real service are), which may put the last ones in the near future.
    pub fn add_sample_alerts(&self, count: usize) {
        let mut state = self.state();
        let first = state.alerts.len() + 1;
        let recent = model::now() - time::Duration::minutes(count as i64);
        let start = match state.alerts.iter().map(|alert| alert.created).max() {
            Some(newest) => recent.max(newest + time::Duration::minutes(1)),
            None => recent,
        };
        let alerts = sample_alerts(first, count, start);
        state.alerts.extend(alerts);
    }

    /// Adds (or replaces) what the service knows about an indicator.
    pub fn add_indicator(&self, indicator: Indicator) {
        let mut state = self.state();
        state
            .indicators
            .retain(|known| known.value != indicator.value);
        state.indicators.push(indicator);
    }

    /// Answers the next `requests` requests `429 Too Many Requests` with `Retry-After: 1`.
    pub fn rate_limit_next(&self, requests: usize) {
        self.state().rate_limited = requests;
    }

    /// Answers the next `requests` requests `500 Internal Server Error`.
    pub fn fail_next(&self, requests: usize) {
        self.state().failing = requests;
    }

    /// Expires every access token issued so far: requests with one get `401 token_expired`.
    pub fn expire_tokens(&self) {
        let now = model::now();
        for expiry in self.state().tokens.values_mut() {
            *expiry = now;
        }
    }

    /// Sets the `expires_in` of the tokens issued from now on, in seconds.
    pub fn set_token_lifetime(&self, seconds: i64) {
        self.state().token_lifetime = seconds;
    }

    /// Every request received so far, in order.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.state().requests.clone()
    }

    /// Every access token issued so far, in order.
    pub fn issued_tokens(&self) -> Vec<String> {
        self.state().issued.clone()
    }

    /// The alerts, as added.
    pub fn alerts(&self) -> Vec<Alert> {
        self.state().alerts.clone()
    }

    /// The blocklist.
    pub fn blocklist(&self) -> Vec<BlockEntry> {
        self.state().blocklist.clone()
    }

    /// The tickets created so far.
    pub fn tickets(&self) -> Vec<Ticket> {
        self.state().tickets.clone()
    }
}

impl Drop for FakeService {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
