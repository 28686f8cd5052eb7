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
//! Choices a real connector faces, made here:
//!
//! - The checkpoint is the creation time and id of the last alert saved; a poll asks for the
//!   alerts created at or after that time and skips those up to that id, so alerts raised in
//!   the same second are neither lost nor ingested twice.
//! - "Poll Now" commits the checkpoint too: what it ingested is not ingested again by the
//!   next scheduled poll (the platform would find the duplicates anyway). `end_time` and
//!   `artifact_count` are not used: an alert is ingested whole, up to now.
//! - An expired or unknown token is renewed once per request; a service that refuses the new
//!   one too fails the action with its answer. A token is only reused by the asset it was
//!   issued to (same base URL and client id).
//! - Blocking an address that is blocked (`409`), unblocking one that is not (`404`) and
//!   looking up an indicator the service does not know (`404`) succeed and say so.
//!
//! Its tests run against `alertdesk-fake`, a fake of the service on 127.0.0.1.

pub mod api;
mod client;
pub mod connector;
pub mod indicator;
pub mod ingest;

pub use connector::AlertDesk;
