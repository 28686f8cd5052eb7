//! The AlertDesk example connector: a Splunk SOAR app for AlertDesk, a (fictional) REST
//! service for alerts and threat intelligence, written with the framework's macros.
//!
//! - [`AlertDesk`] is the connector: an asset with the service's base URL and OAuth client
//!   credentials (the secret a `password` field); test connectivity, `lookup indicator`
//!   (investigate), `block ip` (contain), `unblock ip` (correct), `create ticket` (generic),
//!   and on poll, which ingests alerts as containers with artifacts.
//! - The access token is cached in the connector's state (where the runtime stores it
//!   encrypted) and renewed when it expires or when the service says it no longer is good;
//!   requests go through the runtime's HTTP client (`soar_runtime::http`), which retries what
//!   the service turns away for now (`429` with `Retry-After`, `5xx`).
//! - [`ingest`] maps an alert onto a container and artifacts with CEF fields and contains
//!   types, and defines the poll's checkpoint; [`api`] is the service's JSON; [`indicator`]
//!   the `lookup indicator` parameter type.
//!
//! Its tests run against `alertdesk-fake`, a fake of the service on 127.0.0.1.

pub mod api;
mod client;
pub mod connector;
pub mod indicator;
pub mod ingest;

pub use connector::AlertDesk;
