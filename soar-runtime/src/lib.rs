//! The runtime of the Rust framework for Splunk SOAR app connectors.
//!
//! One connector run, exactly as the platform's `BaseConnector` does it ([`run`]): the action
//! JSON is parsed ([`action_json`]), the configuration prepared ([`config`]), the connector's
//! hooks called ([`connector`](mod@connector), with a [`context::Ctx`]) with every parameter dict cleansed and
//! validated ([`params`], [`contains`], [`values`]), and the connector run result built
//! ([`result`]). The app JSON that describes a connector is modelled and checked in
//! [`app_json`]; [`cli`] is the local runner every connector binary gets.
//!
//! Connectors are written with the macros re-exported here ([`connector`](macro@connector), [`action`],
//! [`actions`], [`test_connectivity`], [`on_poll`], [`ActionOutput`]): typed functions whose
//! signatures, types and doc comments become the app JSON ([`meta`], [`output`], [`asset`],
//! [`params::ActionParam`], [`poll`]). Connectors call REST services with the `http` module (feature
//! `http`, on by default).

#[doc(hidden)]
pub mod __private;

pub mod action_json;
pub mod asset;
pub mod bundle;
pub mod cancel;
mod caught;
pub mod cli;
pub mod config;
pub mod connector;
pub mod contains;
pub mod context;
pub mod error;
#[doc = include_str!("guide.md")]
pub mod guide {}
pub mod handler;
#[cfg(feature = "http")]
pub mod http;
pub mod ingest;
#[cfg(feature = "local")]
pub mod local;
pub mod meta;
pub mod output;
pub mod params;
pub mod platform;
pub mod poll;
pub mod progress;
#[cfg(feature = "python")]
pub mod python;
pub mod rest;
pub mod result;
pub mod result_stream;
pub mod run;
pub mod secret;
pub mod state;
pub mod testing;
pub mod time;
pub mod values;
pub mod vault;
pub mod view;
pub mod webhook;

#[doc(inline)]
pub use soar_app_json as app_json;
pub use soar_macros::{ActionOutput, action, actions, connector, on_poll, test_connectivity};

/// What a connector author needs in scope: `use soar_runtime::prelude::*;`.
pub mod prelude {
    pub use crate::app_json::AppJson;
    pub use crate::asset::{AssetFile, Spacer, TimeZone};
    pub use crate::config::Config;
    pub use crate::connector::{Connector, Hooks};
    pub use crate::context::Ctx;
    pub use crate::error::ActionError;
    #[cfg(feature = "http")]
    pub use crate::http::HttpClient;
    pub use crate::ingest::{Artifact, Container, Severity};
    pub use crate::output::{ActionOutput, Output};
    pub use crate::poll::PollParams;
    pub use crate::rest::{RestRequest, RestResponse};
    pub use crate::result::{ActionResult, Status};
    pub use crate::secret::Secret;
    pub use crate::webhook::{WebhookRequest, WebhookResponse};
    pub use crate::{ActionOutput, action, actions, connector, on_poll, test_connectivity};
}
