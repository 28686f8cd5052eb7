//! A hand-written connector (no macros) that exercises every step of the run lifecycle. The
//! lifecycle tests run it in-process; `fixture_connector` is its binary.

use std::net::IpAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{Map, Value, json};
use soar_runtime::params;
use soar_runtime::prelude::*;

/// The fixture's app JSON, hand-written as a Python connector's would be.
pub const APP_JSON: &str = include_str!("../fixtures/fixture_app.json");

/// The fixture connector.
#[derive(Debug)]
pub struct Fixture {
    server: String,
    token: Option<Secret>,
    fail_init: bool,
    fail_finalize: bool,
    loose_ip: bool,
}

fn object(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

impl Connector for Fixture {
    fn app_json() -> AppJson {
        AppJson::from_json_str(APP_JSON).expect("the fixture's app JSON parses")
    }

    fn from_config(config: &Config, ctx: &mut Ctx) -> Result<Self, ActionError> {
        ctx.debug_print("config", format!("{config:?}"));
        Ok(Self {
            server: config.get_str("server").unwrap_or_default().to_owned(),
            token: config.secret("token").cloned(),
            fail_init: config.get("fail_init") == Some(&Value::Bool(true)),
            fail_finalize: config.get("fail_finalize") == Some(&Value::Bool(true)),
            loose_ip: config.get("loose_ip") == Some(&Value::Bool(true)),
        })
    }

    fn handle_action(
        &mut self,
        ctx: &mut Ctx,
        result: &mut ActionResult,
    ) -> Result<(), ActionError> {
        match ctx.identifier() {
            "test_asset_connectivity" => {
                ctx.save_progress("Connecting");
                result.set_status(Status::Success, Some("Test Connectivity Passed"));
                Ok(())
            }
            "lookup_ip" => {
                let ip: String = params::required(result.parameter(), "ip")?;
                let count: Option<i64> = params::optional(result.parameter(), "count")?;
                result.add_data(json!({"ip": ip, "count": count}));
                result.update_summary(object(json!({"looked_up": ip})));
                Ok(())
            }
            "block_ips" => {
                let ips: Vec<String> = params::list(result.parameter(), "ips")?;
                for ip in &ips {
                    result.add_data(json!({"blocked": ip}));
                }
                result.set_message(format!("Blocked {} addresses", ips.len()));
                Ok(())
            }
            "slow" => {
                let seconds: i64 = params::optional(result.parameter(), "seconds")?.unwrap_or(10);
                let deadline = Instant::now() + Duration::from_secs(seconds.unsigned_abs());
                ctx.save_progress("slow started");
                while Instant::now() < deadline {
                    if ctx.is_cancelled() {
                        result.set_status(Status::Failed, Some("Stopped: cancelled"));
                        return Ok(());
                    }
                    std::thread::sleep(Duration::from_millis(10));
                }
                Ok(())
            }
            "explode" => {
                result.add_data(json!({"before": "the panic"}));
                result.add_debug_data(json!({"params": result.parameter().len()}));
                if let Some(Value::String(text)) = result.param("boom") {
                    panic!("boom: {text}");
                }
                Ok(())
            }
            "fail" => Err(ActionError::new("Lookup failed: server said no")),
            "connector_status" => {
                ctx.update_summary(object(json!({"checked": 1})))
                    .insert("more".into(), json!("yes"));
                if result.param("fail") == Some(&Value::Bool(true)) {
                    ctx.set_status(Status::Failed, Some("Connector-level failure"));
                } else {
                    ctx.set_status(Status::Success, Some("All good"));
                }
                ctx.append_to_message("(appended)");
                Ok(())
            }
            "leak_attempt" => {
                let token = self.token.clone().unwrap_or_else(|| Secret::new(""));
                ctx.save_progress(format!("token {token}"));
                ctx.debug_print("token", format!("{token:?} {self:?}"));
                ctx.error_print("token", &token);
                result.add_data(json!({"token": token.to_string()}));
                Err(ActionError::new(format!(
                    "Authentication failed with token {token}"
                )))
            }
            other => Err(ActionError::new(format!("No handler for '{other}'"))),
        }
    }
}

impl Hooks for Fixture {
    fn initialize(&mut self, ctx: &mut Ctx) -> Result<(), ActionError> {
        if self.fail_init {
            return Err(ActionError::new("Initialize failed: the asset says so"));
        }
        ctx.set_validator(
            "ipv6",
            Some(Arc::new(|value: &str| value.parse::<IpAddr>().is_ok())),
        );
        if self.loose_ip {
            ctx.set_validator("ip", None);
        }
        ctx.save_progress(format!("Using server {}", self.server));
        Ok(())
    }

    fn finalize(&mut self, ctx: &mut Ctx) -> Result<(), ActionError> {
        ctx.update_summary(object(json!({"finalized": true})));
        if self.fail_finalize {
            return Err(ActionError::new("state file is read-only"));
        }
        Ok(())
    }

    fn handle_exception(&mut self, ctx: &mut Ctx, message: &str) {
        ctx.error_print("exception", message);
        ctx.update_summary(object(json!({"exception_seen": message})));
    }

    fn handle_cancel(&mut self, ctx: &mut Ctx) {
        ctx.update_summary(object(json!({"cancel_seen": true})));
    }
}
