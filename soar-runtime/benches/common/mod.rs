//! The workload both pipeline benchmarks share: a connector whose handler does nothing, and an
//! action JSON with N parameter dicts of two validated parameters each.

use std::io::{BufWriter, Write};

use soar_runtime::action_json::ActionJson;
use soar_runtime::app_json::AppJson;
use soar_runtime::prelude::*;
use soar_runtime::run::{RunOptions, run_to_writer};

/// The benchmark connector's app JSON: one action with an `ip` and a `domain` parameter.
pub const APP_JSON: &str = r#"{
  "appid": "3f2c8f0e-8c55-4d5e-9a3c-2b7c1f0d9e41", "name": "Bench", "description": "Benchmark",
  "type": "generic", "product_vendor": "Example", "product_name": "Bench",
  "product_version_regex": ".*", "publisher": "Example", "license": "MIT",
  "app_version": "1.0.0", "utctime_updated": "2026-01-01T00:00:00.000000Z",
  "package_name": "phantom_bench", "main_module": "bench_connector.py",
  "min_phantom_version": "6.3.0", "python_version": "3.9", "logo": "l.svg", "logo_dark": "d.svg",
  "configuration": {"server": {"data_type": "string", "required": true, "order": 0}},
  "actions": [{"action": "lookup", "identifier": "lookup", "description": "Lookup",
    "type": "investigate", "read_only": true, "versions": "EQ(*)", "output": [],
    "parameters": {
      "ip": {"data_type": "string", "required": true, "contains": ["ip"], "order": 0},
      "domain": {"data_type": "string", "required": false, "contains": ["domain"], "order": 1}}}]
}"#;

/// A connector whose handler does nothing: what remains is the runtime's own cost.
pub struct NoOp;

impl Hooks for NoOp {}

impl Connector for NoOp {
    fn app_json() -> AppJson {
        AppJson::from_json_str(APP_JSON).expect("the benchmark app JSON parses")
    }

    fn from_config(_config: &Config, _ctx: &mut Ctx) -> Result<Self, ActionError> {
        Ok(NoOp)
    }

    fn handle_action(
        &mut self,
        _ctx: &mut Ctx,
        _result: &mut ActionResult,
    ) -> Result<(), ActionError> {
        Ok(())
    }
}

/// An action JSON with `dicts` parameter dicts, as the platform would send it.
pub fn action_json(dicts: usize) -> String {
    let mut text = String::from(
        r#"{"identifier": "lookup", "asset_id": "7", "config": {"server": " s "}, "parameters": ["#,
    );
    for i in 0..dicts {
        if i > 0 {
            text.push(',');
        }
        text.push_str(&format!(
            r#"{{"ip": "10.{}.{}.{}", "domain": "host-{i}.example.com"}}"#,
            (i >> 16) & 255,
            (i >> 8) & 255,
            i & 255
        ));
    }
    text.push_str("]}");
    text
}

/// Counts the bytes written to it and keeps none, as a pipe to another process would.
#[derive(Default)]
pub struct CountingSink(pub usize);

impl Write for CountingSink {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0 += bytes.len();
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The whole pipeline as `<connector> run` does it: parse, prepare the config, validate and
/// dispatch every dict, build each result and serialize it through a buffered writer into
/// what stands for standard output. Returns the number of bytes of result JSON.
pub fn pipeline(app: &AppJson, input: &str) -> usize {
    let parsed = ActionJson::from_json_str(input).expect("the benchmark input parses");
    let mut out = BufWriter::new(CountingSink::default());
    let status = run_to_writer::<NoOp, _>(app, parsed, RunOptions::default(), &mut out)
        .expect("writing to a counter cannot fail");
    assert!(status.is_success());
    out.into_inner().map(|sink| sink.0).unwrap_or_default()
}
