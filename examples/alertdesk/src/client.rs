//! The AlertDesk API client: an OAuth client-credentials token, cached in the connector's
//! state (where the runtime stores it encrypted) and refreshed when it expires or when the
//! service says it is no longer good (the request is then sent once more); one method per
//! endpoint, turning the service's answers into the connector's terms.

use serde::{Deserialize, Serialize};
use soar_runtime::http::{HttpClient, HttpError, Request, Response};
use soar_runtime::prelude::*;
use time::OffsetDateTime;

use crate::api::{
    AlertPage, BlockEntry, ErrorBody, IndicatorRecord, Me, NewTicket, Ticket, TokenResponse,
};

/// A token is renewed this many seconds before the service would say it expired.
const EXPIRY_MARGIN_SECONDS: i64 = 60;

/// The connector's state: the cached access token.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct AlertDeskState {
    /// The access token last issued, if any.
    pub token: Option<CachedToken>,
}

/// An access token with what it is good for.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CachedToken {
    /// The bearer token (stored encrypted).
    pub access_token: Secret,
    /// When it expires, seconds since the epoch.
    pub expires_at: i64,
    /// The base URL of the service that issued it.
    pub base_url: String,
    /// The client it was issued to.
    pub client_id: String,
}

impl CachedToken {
    /// Whether the token can still be used at `now` (seconds since the epoch).
    fn is_fresh(&self, now: i64) -> bool {
        now < self.expires_at - EXPIRY_MARGIN_SECONDS
    }
}

/// A client of one AlertDesk service for one run.
#[derive(Debug)]
pub struct AlertDeskClient {
    http: HttpClient,
    base_url: url::Url,
    client_id: String,
    client_secret: Secret,
    token: Option<CachedToken>,
}

impl AlertDeskClient {
    /// A client of the service at `base_url`, with the token cached in the state when it was
    /// issued by that service to that client.
    pub fn new(
        http: HttpClient,
        base_url: url::Url,
        client_id: String,
        client_secret: Secret,
        state: AlertDeskState,
    ) -> Self {
        let token = state
            .token
            .filter(|token| token.base_url == base_url.as_str() && token.client_id == client_id);
        Self {
            http,
            base_url,
            client_id,
            client_secret,
            token,
        }
    }

    /// The URL of `segments` under the base URL (each segment percent-encoded).
    fn url(&self, segments: &[&str]) -> String {
        let mut url = self.base_url.clone();
        if let Ok(mut path) = url.path_segments_mut() {
            path.pop_if_empty().extend(segments);
        }
        url.into()
    }

    /// A usable access token: the cached one, or a new one (written into the state).
    fn token(&mut self, ctx: &mut Ctx) -> Result<Secret, ActionError> {
        let now = OffsetDateTime::now_utc().unix_timestamp();
        if let Some(token) = self.token.as_ref().filter(|token| token.is_fresh(now)) {
            return Ok(token.access_token.clone());
        }
        ctx.save_progress("Requesting an access token");
        let issued: TokenResponse = self
            .http
            .post(&self.url(&["oauth", "token"]))
            .form(&[
                ("grant_type", "client_credentials"),
                ("client_id", &self.client_id),
                ("client_secret", self.client_secret.expose()),
            ])
            .call()
            .map_err(|error| {
                ActionError::new(format!(
                    "Unable to get an access token from AlertDesk: {error}"
                ))
            })?
            .json()?;
        let token = CachedToken {
            access_token: issued.access_token,
            expires_at: now + issued.expires_in,
            base_url: self.base_url.to_string(),
            client_id: self.client_id.clone(),
        };
        let access_token = token.access_token.clone();
        self.token = Some(token);
        ctx.set_typed_state(&AlertDeskState {
            token: self.token.clone(),
        })?;
        Ok(access_token)
    }

    /// Sends the request `build` makes with a bearer token. When the service says the token
    /// expired or is unknown, a new token is requested and the request sent once more. An
    /// error status whose code is in `refusals` is an answer: `Ok(Err(code))`.
    fn send(
        &mut self,
        ctx: &mut Ctx,
        refusals: &[&str],
        build: impl Fn(&HttpClient) -> Request<'_>,
    ) -> Result<Result<Response, String>, ActionError> {
        let token = self.token(ctx)?;
        let mut result = build(&self.http).bearer_auth(&token).call();
        if let Err(error) = &result
            && matches!(
                error_code(error).as_deref(),
                Some("token_expired" | "invalid_token")
            )
        {
            ctx.save_progress("AlertDesk refused the access token; requesting a new one");
            self.token = None;
            let token = self.token(ctx)?;
            result = build(&self.http).bearer_auth(&token).call();
        }
        match result {
            Ok(response) => Ok(Ok(response)),
            Err(error) => match error_code(&error) {
                Some(code) if refusals.contains(&code.as_str()) => Ok(Err(code)),
                _ => Err(error.into()),
            },
        }
    }

    /// [`send`](Self::send) for a request the service has no reason to refuse.
    fn fetch(
        &mut self,
        ctx: &mut Ctx,
        build: impl Fn(&HttpClient) -> Request<'_>,
    ) -> Result<Response, ActionError> {
        self.send(ctx, &[], build)?
            .map_err(|code| ActionError::new(format!("AlertDesk refused the request: {code}")))
    }

    /// Who the service takes the client for (`GET /api/v1/me`).
    pub fn me(&mut self, ctx: &mut Ctx) -> Result<Me, ActionError> {
        let url = self.url(&["api", "v1", "me"]);
        Ok(self.fetch(ctx, |http| http.get(&url))?.json()?)
    }

    /// What the service knows about an indicator; `None` when nothing.
    pub fn indicator(
        &mut self,
        ctx: &mut Ctx,
        indicator: &str,
    ) -> Result<Option<IndicatorRecord>, ActionError> {
        let url = self.url(&["api", "v1", "indicators", indicator]);
        match self.send(ctx, &["not_found"], |http| http.get(&url))? {
            Ok(response) => Ok(Some(response.json()?)),
            Err(_) => Ok(None),
        }
    }

    /// Adds an address to the blocklist; `None` when it was there already.
    pub fn block(
        &mut self,
        ctx: &mut Ctx,
        ip: &str,
        comment: Option<&str>,
    ) -> Result<Option<BlockEntry>, ActionError> {
        let url = self.url(&["api", "v1", "blocklist"]);
        let body = serde_json::json!({"ip": ip, "comment": comment});
        match self.send(ctx, &["already_blocked"], |http| {
            http.post(&url).json(&body)
        })? {
            Ok(response) => Ok(Some(response.json()?)),
            Err(_) => Ok(None),
        }
    }

    /// Removes an address from the blocklist; `false` when it was not there.
    pub fn unblock(&mut self, ctx: &mut Ctx, ip: &str) -> Result<bool, ActionError> {
        let url = self.url(&["api", "v1", "blocklist", ip]);
        Ok(self
            .send(ctx, &["not_found"], |http| http.delete(&url))?
            .is_ok())
    }

    /// Creates a ticket.
    pub fn create_ticket(
        &mut self,
        ctx: &mut Ctx,
        ticket: &NewTicket<'_>,
    ) -> Result<Ticket, ActionError> {
        let url = self.url(&["api", "v1", "tickets"]);
        Ok(self
            .fetch(ctx, |http| http.post(&url).json(ticket))?
            .json()?)
    }

    /// One page of the alerts created at or after `since` (RFC 3339), by creation time then
    /// id.
    pub fn alerts(
        &mut self,
        ctx: &mut Ctx,
        since: &str,
        limit: usize,
        cursor: Option<&str>,
    ) -> Result<AlertPage, ActionError> {
        let url = self.url(&["api", "v1", "alerts"]);
        let limit = limit.to_string();
        let response = self.fetch(ctx, |http| {
            let request = http.get(&url).query("since", since).query("limit", &limit);
            match cursor {
                Some(cursor) => request.query("cursor", cursor),
                None => request,
            }
        })?;
        Ok(response.json()?)
    }
}

/// The service's error code of an error status (`{"error": "<code>"}`), if any.
fn error_code(error: &HttpError) -> Option<String> {
    let body: ErrorBody = error.response()?.json().ok()?;
    Some(body.error)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client(base_url: &str, state: AlertDeskState) -> AlertDeskClient {
        AlertDeskClient::new(
            HttpClient::builder().build().unwrap(),
            url::Url::parse(base_url).unwrap(),
            "soar-client".to_owned(),
            Secret::new("s3cret"),
            state,
        )
    }

    fn cached(base_url: &str, client_id: &str) -> AlertDeskState {
        AlertDeskState {
            token: Some(token(base_url, client_id)),
        }
    }

    fn token(base_url: &str, client_id: &str) -> CachedToken {
        CachedToken {
            access_token: Secret::new("tok"),
            expires_at: 1_000,
            base_url: base_url.to_owned(),
            client_id: client_id.to_owned(),
        }
    }

    #[test]
    fn urls_keep_the_base_path_and_encode_segments() {
        let client = client(
            "https://desk.example.com/alertdesk/",
            AlertDeskState::default(),
        );
        assert_eq!(
            client.url(&["api", "v1", "indicators", "a b/c"]),
            "https://desk.example.com/alertdesk/api/v1/indicators/a%20b%2Fc"
        );
        let bare = self::client("http://127.0.0.1:8080", AlertDeskState::default());
        assert_eq!(
            bare.url(&["oauth", "token"]),
            "http://127.0.0.1:8080/oauth/token"
        );
    }

    #[test]
    fn a_cached_token_is_used_by_its_own_asset_until_shortly_before_it_expires() {
        let base = "https://desk.example.com/";
        assert!(client(base, cached(base, "soar-client")).token.is_some());
        assert!(client(base, cached(base, "other")).token.is_none());
        let other_service = client("https://other.example.com/", cached(base, "soar-client"));
        assert!(other_service.token.is_none());
        let cached = token(base, "soar-client");
        assert!(cached.is_fresh(1_000 - EXPIRY_MARGIN_SECONDS - 1));
        assert!(!cached.is_fresh(1_000 - EXPIRY_MARGIN_SECONDS));
    }
}
