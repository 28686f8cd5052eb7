// Every feature of the macros in one connector; main checks the app JSON it generates.
use serde::Serialize;
use soar_runtime::prelude::*;
use soar_runtime::values::{Domain, Ip};

/// Query WHOIS servers for domain registration data.
///
/// This paragraph is not part of the description.
#[connector(
    appid = "776ab991-313e-48e7-bccd-e8c9650c239a",
    name = "WHOIS Sample App",
    publisher = "Example Corp",
    app_type = "information",
    product_vendor = "Generic",
    product_name = "Whois Server",
    product_version_regex = "1\\..*",
    app_version = "2.1.0",
    license = "Copyright (c) Example Corp",
    min_platform_version = "6.2.2.134",
    python_version = "3.13",
    logo = "whois.svg",
    logo_dark = "whois_dark.svg",
    contributors = ["Ada", "Grace"],
    fips_compliant,
    crate = "::soar_runtime",
    webhook(handler = hooks::pushed, ip_allowlist = ["10.0.0.0/8", "2001:db8::/32"]),
    rest_handler(handler = hooks::callback),
    pip39_wheels = ["wheels/py3/cachetools-6.2.1-py3-none-any.whl", "wheels/py39/simplejson-3.17.2-cp39-cp39-manylinux_2_17_x86_64.whl"],
    pip313_wheels = ["wheels/py3/cachetools-6.2.1-py3-none-any.whl"],
    hooks,
)]
pub struct Whois {
    /// Whois server to use to query
    whois_server: Option<String>,
    /// Timeout in seconds
    #[config(default = 30)]
    timeout: u32,
    /// API key
    #[config(name = "api_key")]
    key: Option<Secret>,
    /// Output format
    #[config(default = "json", value_list = ["json", "text"])]
    format: String,
    /// Time zone of the dates
    zone: Option<TimeZone>,
    #[config(skip)]
    lookups: usize,
}

impl Hooks for Whois {
    fn initialize(&mut self, ctx: &mut Ctx) -> Result<(), ActionError> {
        ctx.save_progress(format!("timeout {}", self.timeout));
        Ok(())
    }

    fn handle_cancel(&mut self, _ctx: &mut Ctx) {
        self.lookups = 0;
    }
}

/// A name server.
#[derive(Serialize, serde::Deserialize, ActionOutput)]
struct NameServer {
    #[output(contains = ["host name"], column = "Name server")]
    name: String,
    addresses: Vec<Ip>,
}

/// A WHOIS record.
#[derive(Serialize, ActionOutput)]
#[serde(rename_all = "camelCase")]
struct WhoisRecord {
    #[output(column = "Registrar", example = "MarkMonitor, Inc.")]
    registrar: Option<String>,
    name_servers: Vec<NameServer>,
    #[serde(rename = "_raw")]
    raw_text: String,
    #[serde(skip)]
    cached: bool,
    #[output(examples = [1, 2])]
    age_days: u64,
    domain: Domain,
}

/// A summary.
#[derive(Serialize, ActionOutput)]
struct Totals {
    total_records: usize,
}

#[actions]
impl Whois {
    /// Check that the WHOIS server answers.
    #[test_connectivity(identifier = "test_connectivity")]
    fn check(&mut self, ctx: &mut Ctx) -> Result<(), ActionError> {
        ctx.save_progress("ok");
        Ok(())
    }

    /// Run whois lookup on the given domain.
    ///
    /// Queries the registry, then the registrar.
    #[action(identifier = "whois_domain", name = "whois domain", kind = "investigate", read_only, render = "table")]
    fn whois_domain(
        &mut self,
        ctx: &mut Ctx,
        /// Domain to query
        #[param(primary, column = "Domain")]
        domain: Domain,
        /// Follow referrals
        #[param(default = true)]
        follow: Option<bool>,
    ) -> Result<Output<WhoisRecord, Totals>, ActionError> {
        self.lookups += 1;
        ctx.save_progress(format!("{domain} {follow:?}"));
        Ok(Output::new([]).with_summary(Totals { total_records: 0 }).with_message("Nothing"))
    }
}

/// Block IP addresses.
#[action(kind = "contain", undo = "unblock ip", versions = "EQ(*)", lock(parameter = "ips", concurrency = false, timeout = 60))]
fn block_ip(
    _connector: &mut Whois,
    /// Addresses to block
    #[param(primary, contains = [custom("firewall rule")])]
    ips: Vec<Ip>,
    /// Direction
    #[param(default = "in", value_list = ["in", "out"])]
    direction: Option<String>,
    /// Hours to block
    #[param(default = 24, value_list = [1, 24])]
    hours: Option<u32>,
) -> Vec<NameServer> {
    let _ = (ips, direction, hours);
    Vec::new()
}

/// Unblock IP addresses.
#[action(kind = "correct", render(view = soar_runtime::view::parts::default_table, width = 6, height = 4, title = "Unblocked"))]
fn unblock_ip(_connector: &mut Whois, ips: Option<Vec<Ip>>) -> Option<NameServer> {
    let _ = ips;
    None
}

/// Ingest new registrations.
#[on_poll]
fn poll(connector: &mut Whois, ctx: &mut Ctx, params: PollParams) -> Result<(), ActionError> {
    ctx.save_progress(format!("{} {}", connector.lookups, params.is_scheduled()));
    Ok(())
}

mod hooks {
    use soar_runtime::prelude::*;

    pub fn pushed(request: WebhookRequest) -> Result<WebhookResponse, ActionError> {
        Ok(WebhookResponse::text(200, request.path()))
    }

    pub fn callback(request: RestRequest) -> Result<RestResponse, ActionError> {
        Ok(RestResponse::redirect(&format!("https://login.example/{}", request.route())))
    }
}

fn main() {
    let app = Whois::app_json();
    let findings = soar_runtime::app_json::validate(&app);
    let warnings: Vec<_> = findings.iter().filter(|f| f.rule != soar_runtime::app_json::Rule::MissingKey).collect();
    assert!(warnings.is_empty(), "{warnings:#?}");
    let identifiers: Vec<&str> = app.actions.iter().map(|a| a.identifier.as_str()).collect();
    assert_eq!(identifiers, ["test_connectivity", "whois_domain", "block_ip", "unblock_ip", "on_poll"]);
    assert_eq!(app.description, "Query WHOIS servers for domain registration data.");
    assert_eq!(app.configuration.keys().collect::<Vec<_>>(), ["whois_server", "timeout", "api_key", "format", "zone"]);
    let json = serde_json::to_value(&app).unwrap();
    assert_eq!(json["webhook"], serde_json::json!({
        "handler": "whoissampleapp_connector_webhook.handle_webhook",
        "requires_auth": true,
        "allowed_headers": [],
        "ip_allowlist": ["10.0.0.0/8", "2001:db8::/32"],
    }));
    let answer = Whois::webhook().unwrap()(&app, r#"{"method": "GET", "path_parts": ["a", "b"]}"#);
    let answer: serde_json::Value = serde_json::from_str(&answer).unwrap();
    assert_eq!((answer["status_code"].as_u64(), answer["content"].as_str()), (Some(200), Some("a/b")));
    assert_eq!(json["rest_handler"], "whoissampleapp_connector_rest.handle_request");
    let answer = Whois::rest_handler().unwrap()(&app, r#"{"method": "GET", "path_parts": ["asset", "start_oauth"]}"#);
    let answer: serde_json::Value = serde_json::from_str(&answer).unwrap();
    assert_eq!(answer["status_code"].as_u64(), Some(302));
    assert_eq!(answer["headers"][1], serde_json::json!(["Location", "https://login.example/start_oauth"]));
    assert_eq!(json["pip39_dependencies"]["wheel"][1], serde_json::json!({
        "module": "simplejson",
        "input_file": "wheels/py39/simplejson-3.17.2-cp39-cp39-manylinux_2_17_x86_64.whl",
    }));
    assert_eq!(json["pip313_dependencies"]["wheel"].as_array().map(Vec::len), Some(1));
    assert_eq!(json["configuration"]["zone"]["data_type"], "timezone");
    assert_eq!(json["contributors"][1]["name"], "Grace");
    let whois = &json["actions"][1];
    assert_eq!(whois["parameters"]["domain"]["contains"], serde_json::json!(["domain"]));
    assert_eq!(whois["verbose"], "Queries the registry, then the registrar.");
    let paths: Vec<&str> = whois["output"].as_array().unwrap().iter().map(|o| o["data_path"].as_str().unwrap()).collect();
    assert_eq!(paths, [
        "action_result.status",
        "action_result.message",
        "action_result.parameter.domain",
        "action_result.parameter.follow",
        "action_result.data.*.registrar",
        "action_result.data.*.nameServers.*.name",
        "action_result.data.*.nameServers.*.addresses.*",
        "action_result.data.*._raw",
        "action_result.data.*.ageDays",
        "action_result.data.*.domain",
        "action_result.summary.total_records",
        "summary.total_objects",
        "summary.total_objects_successful",
    ]);
    assert_eq!(whois["output"][2]["column_order"], 0);
    assert_eq!(whois["output"][4]["column_order"], 1);
    assert_eq!(whois["output"][5]["column_order"], 2);
    assert_eq!(whois["output"][6]["contains"], serde_json::json!(["ip", "ipv6"]));
    let block = &json["actions"][2];
    assert_eq!(block["parameters"]["ips"]["allow_list"], true);
    assert_eq!(block["parameters"]["ips"]["contains"], serde_json::json!(["ip", "ipv6", "firewall rule"]));
    assert_eq!(block["lock"]["data_path"], "parameters.ips");
    assert_eq!(block["undo"], "unblock ip");
    assert_eq!(json["actions"][3]["render"]["type"], "custom");
    assert_eq!(json["actions"][3]["render"]["view"], "whoissampleapp_connector_view.view_unblock_ip");
    assert_eq!(json["min_phantom_version"], "7.0.0");
    assert_eq!(json["actions"][4]["output"], serde_json::json!([]));
    assert_eq!(json["actions"][4]["parameters"]["container_id"]["order"], 0);
}
