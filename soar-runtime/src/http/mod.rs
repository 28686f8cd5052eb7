//! An HTTP client for connectors calling REST services ([`HttpClient`]), set up as the
//! platform expects (contract section 6) and as Python `requests` behaves there:
//!
//! - TLS: with `REQUESTS_CA_BUNDLE` set, exactly the certificates of that PEM bundle are
//!   trusted; otherwise the Mozilla roots compiled in. `verify_server_cert(false)` turns
//!   verification off.
//! - Proxies: `HTTP_PROXY` for `http://` URLs, `HTTPS_PROXY` for `https://` URLs, except for
//!   the hosts `NO_PROXY` names (domains with their subdomains, IP addresses, networks,
//!   optional ports, `*`). The variables come from the run's environment
//!   ([`Ctx::env`](crate::context::Ctx::env)) or, without a context, the process's. Proxies
//!   are spoken to with `CONNECT`, for `http://` URLs too.
//! - Timeouts for connecting and for each attempt; retries with exponential backoff for
//!   `429`, `5xx` and connection failures, honouring `Retry-After` up to a maximum wait.
//! - Responses are read whole up to a size limit (32 MiB by default).
//! - Errors ([`HttpError`]) name the method and URL, without query string, user info or any
//!   header value; an error status quotes the start of the body. They convert into
//!   [`ActionError`](crate::error::ActionError) with `?`.
//!
//! Redirects are followed (up to 10) on the route chosen for the first URL; `Authorization`
//! is not sent along to the redirect target.
//!
//! Behind the cargo feature `http` (on by default).

mod client;
mod env;
mod error;
mod proxy;
mod request;
mod response;
mod retry;
mod tls;

pub use client::{
    DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_RESPONSE_SIZE, DEFAULT_MAX_RETRIES,
    DEFAULT_MAX_RETRY_WAIT, DEFAULT_RETRY_BASE_DELAY, DEFAULT_TIMEOUT, HttpClient,
    HttpClientBuilder,
};
pub use error::{HttpError, HttpErrorKind};
pub use request::Request;
pub use response::Response;
