//! [`HttpClient`] and its builder: the settings, the trust store and the proxy routes.

use std::fmt;
use std::time::Duration;

use ureq::Agent;
use ureq::http::Method;
use ureq::tls::TlsConfig;

use super::env::Environment;
use super::error::HttpError;
use super::proxy::Routes;
use super::request::Request;
use super::retry::RetryPolicy;
use super::tls::tls_config;
use crate::context::Ctx;

/// The default [`HttpClientBuilder::connect_timeout`]: 10 seconds.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// The default [`HttpClientBuilder::timeout`]: 60 seconds.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
/// The default [`HttpClientBuilder::max_retries`]: 3.
pub const DEFAULT_MAX_RETRIES: u32 = 3;
/// The default [`HttpClientBuilder::retry_base_delay`]: 1 second.
pub const DEFAULT_RETRY_BASE_DELAY: Duration = Duration::from_secs(1);
/// The default [`HttpClientBuilder::max_retry_wait`]: 60 seconds.
pub const DEFAULT_MAX_RETRY_WAIT: Duration = Duration::from_secs(60);
/// The default [`HttpClientBuilder::max_response_size`]: 32 MiB.
pub const DEFAULT_MAX_RESPONSE_SIZE: u64 = 32 * 1024 * 1024;

/// An HTTP client for REST services, set up as the platform expects: the CA bundle of
/// `REQUESTS_CA_BUNDLE`, the proxies of `HTTP_PROXY`/`HTTPS_PROXY`/`NO_PROXY`, timeouts,
/// retries and a response size limit. Build it once per run and reuse it (connections are
/// pooled).
///
/// ```no_run
/// # use soar_runtime::http::{HttpClient, HttpError};
/// # use soar_runtime::prelude::*;
/// # fn handler(ctx: &Ctx, token: &Secret) -> Result<(), ActionError> {
/// let client = HttpClient::builder_from_ctx(ctx).verify_server_cert(true).build()?;
/// let items: serde_json::Value = client
///     .get("https://api.example.com/v1/items")
///     .query("limit", "10")
///     .bearer_auth(token)
///     .call()?
///     .json()?;
/// # Ok(()) }
/// ```
pub struct HttpClient {
    routes: Routes<Agent>,
    retry: RetryPolicy,
    max_response_size: u64,
}

/// The settings of an [`HttpClient`]; [`build`](Self::build) makes the client.
#[derive(Debug, Clone)]
pub struct HttpClientBuilder {
    env: Option<Environment>,
    verify_server_cert: bool,
    connect_timeout: Duration,
    timeout: Duration,
    retry: RetryPolicy,
    max_response_size: u64,
    user_agent: String,
}

impl HttpClient {
    /// A builder with the defaults: verification on, the process environment, the `DEFAULT_*`
    /// constants of this module.
    pub fn builder() -> HttpClientBuilder {
        HttpClientBuilder {
            env: None,
            verify_server_cert: true,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            timeout: DEFAULT_TIMEOUT,
            retry: RetryPolicy {
                max_retries: DEFAULT_MAX_RETRIES,
                base_delay: DEFAULT_RETRY_BASE_DELAY,
                max_wait: DEFAULT_MAX_RETRY_WAIT,
            },
            max_response_size: DEFAULT_MAX_RESPONSE_SIZE,
            user_agent: concat!("soar-runtime/", env!("CARGO_PKG_VERSION")).to_owned(),
        }
    }

    /// A builder reading the run's environment ([`Ctx::env`]: what the platform passed to
    /// this run, else the process's).
    pub fn builder_from_ctx(ctx: &Ctx) -> HttpClientBuilder {
        Self::builder().env(|name| ctx.env(name))
    }

    /// A client with the defaults and the run's environment.
    pub fn from_ctx(ctx: &Ctx) -> Result<Self, HttpError> {
        Self::builder_from_ctx(ctx).build()
    }

    /// A `GET` request.
    pub fn get(&self, url: &str) -> Request<'_> {
        Request::new(self, Method::GET, url)
    }

    /// A `HEAD` request.
    pub fn head(&self, url: &str) -> Request<'_> {
        Request::new(self, Method::HEAD, url)
    }

    /// A `POST` request.
    pub fn post(&self, url: &str) -> Request<'_> {
        Request::new(self, Method::POST, url)
    }

    /// A `PUT` request.
    pub fn put(&self, url: &str) -> Request<'_> {
        Request::new(self, Method::PUT, url)
    }

    /// A `PATCH` request.
    pub fn patch(&self, url: &str) -> Request<'_> {
        Request::new(self, Method::PATCH, url)
    }

    /// A `DELETE` request.
    pub fn delete(&self, url: &str) -> Request<'_> {
        Request::new(self, Method::DELETE, url)
    }

    pub(crate) fn routes(&self) -> &Routes<Agent> {
        &self.routes
    }

    pub(crate) fn retry_policy(&self) -> &RetryPolicy {
        &self.retry
    }

    pub(crate) fn max_response_size(&self) -> u64 {
        self.max_response_size
    }
}

impl fmt::Debug for HttpClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpClient")
            .field("retry", &self.retry)
            .field("max_response_size", &self.max_response_size)
            .finish_non_exhaustive()
    }
}

impl HttpClientBuilder {
    /// Reads the environment variables (`REQUESTS_CA_BUNDLE`, `HTTP_PROXY`, `HTTPS_PROXY`,
    /// `NO_PROXY`) through `lookup` instead of the process environment, e.g.
    /// `|name| ctx.env(name)`. The variables are read now.
    ///
    /// A proxy variable may be spelled in lowercase or uppercase; when both are set the
    /// lowercase one wins, as in Python `requests`. Empty values count as unset.
    pub fn env(mut self, lookup: impl Fn(&str) -> Option<String>) -> Self {
        self.env = Some(Environment::read(lookup));
        self
    }

    /// Whether to verify the server's TLS certificate (the `verify_server_cert` asset
    /// field). Default `true`; `false` accepts any certificate.
    pub fn verify_server_cert(mut self, verify: bool) -> Self {
        self.verify_server_cert = verify;
        self
    }

    /// The longest a connection may take to set up (including proxy and TLS handshake).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// The longest one attempt of a request may take, from connecting to the end of the
    /// response body.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// How many times a failed request is tried again (`0`: never). Retried are `429` and
    /// `503` for every method; other `5xx` (not `501`, `505`) and connection failures for
    /// idempotent methods (all but `POST` and `PATCH`).
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.retry.max_retries = retries;
        self
    }

    /// The wait before the first retry when the server gives no `Retry-After`; it doubles for
    /// each further retry, up to [`max_retry_wait`](Self::max_retry_wait).
    pub fn retry_base_delay(mut self, delay: Duration) -> Self {
        self.retry.base_delay = delay;
        self
    }

    /// The longest wait before a retry. A `Retry-After` (seconds or an HTTP-date) longer than
    /// this is not waited for: the request fails at once with the server's response.
    pub fn max_retry_wait(mut self, wait: Duration) -> Self {
        self.retry.max_wait = wait;
        self
    }

    /// The largest response body read, in bytes; a larger one is an error
    /// ([`HttpErrorKind::TooLarge`](super::HttpErrorKind::TooLarge)).
    pub fn max_response_size(mut self, bytes: u64) -> Self {
        self.max_response_size = bytes;
        self
    }

    /// The `User-Agent` header (default `soar-runtime/<version>`).
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = user_agent.into();
        self
    }

    /// The client. Fails when the CA bundle cannot be read or holds no certificate, or a
    /// proxy variable is not a proxy URL.
    pub fn build(self) -> Result<HttpClient, HttpError> {
        let env = self.env.clone().unwrap_or_else(Environment::process);
        let tls = tls_config(self.verify_server_cert, env.ca_bundle.as_deref())?;
        let routes = Routes::from_env(&env, |proxy| self.agent(&tls, proxy))?;
        Ok(HttpClient {
            routes,
            retry: self.retry,
            max_response_size: self.max_response_size,
        })
    }

    /// An agent with these settings going through `proxy` (`None`: directly).
    fn agent(&self, tls: &TlsConfig, proxy: Option<ureq::Proxy>) -> Agent {
        Agent::config_builder()
            .http_status_as_error(false)
            .proxy(proxy)
            .tls_config(tls.clone())
            .timeout_connect(Some(self.connect_timeout))
            .timeout_global(Some(self.timeout))
            .user_agent(self.user_agent.as_str())
            .build()
            .new_agent()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cancel::CancelToken;
    use crate::context::RunIdentity;
    use crate::progress::NullSink;

    #[test]
    fn from_ctx_reads_the_run_environment() {
        let mut ctx = Ctx::new(
            RunIdentity::default(),
            Box::new(NullSink),
            CancelToken::new(),
        );
        ctx.add_environment(
            [
                ("REQUESTS_CA_BUNDLE", "/nonexistent/run-bundle.pem"),
                ("https_proxy", "http://run-proxy.example:3128"),
                ("no_proxy", "internal.example"),
            ]
            .map(|(name, value)| (name.to_owned(), value.to_owned()))
            .to_vec(),
        );
        let builder = HttpClient::builder_from_ctx(&ctx);
        let env = builder
            .env
            .as_ref()
            .expect("the builder keeps what it read");
        assert_eq!(
            env.ca_bundle.as_deref(),
            Some(std::path::Path::new("/nonexistent/run-bundle.pem"))
        );
        assert_eq!(
            env.https_proxy.as_deref(),
            Some("http://run-proxy.example:3128")
        );
        assert_eq!(env.no_proxy.as_deref(), Some("internal.example"));
        // Building uses what was read: the run's bundle, not the process's trust store.
        let error = HttpClient::from_ctx(&ctx).unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("cannot read the CA bundle /nonexistent/run-bundle.pem"),
            "{error}"
        );
    }

    #[test]
    fn debug_shows_no_proxy_url() {
        let builder = HttpClient::builder().env(|name| {
            (name == "HTTPS_PROXY").then(|| "http://user:s3cret@proxy.example:3128".to_owned())
        });
        let shown = format!("{builder:?}");
        assert!(!shown.contains("s3cret"), "{shown}");
        assert!(shown.contains("https_proxy: \"set\""), "{shown}");
    }
}
