//! The runtime of the Rust framework for Splunk SOAR app connectors.
//!
//! One connector run, exactly as the platform's `BaseConnector` does it: the action JSON
//! is parsed ([`action_json`]), the configuration prepared, the connector's hooks called
//! ([`connector`]) with every parameter dict cleansed and validated ([`contains`],
//! [`values`]), and the connector run result built ([`result`]). The app JSON that
//! describes a connector is modelled and checked in [`app_json`].

pub mod app_json;
pub mod contains;
pub mod values;
