//! The registration card of `whois domain`: rendered from real corpus replies run through the
//! action (registered, not registered, a registrar referral, a failed lookup), from results it
//! cannot type (an empty run, data of an older shape), and with hostile values in every field
//! (the XSS strings of Splunk's own security test of views, vendored in
//! `tests/corpus/security/`). The snapshots are the HTML, one tag a line, without the constant
//! stylesheet.

mod common;

use serde_json::{Value, json};
use soar_runtime::connector::Connector;
use soar_runtime::testing::ActionTest;
use whois::ServerAddr;
use whois::connector::Whois;

const DOMAIN_REPLIES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/corpus/whois/domain"
);
const XSS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/corpus/security/xss_injections.json"
);

fn corpus_reply(name: &str) -> String {
    std::fs::read_to_string(format!("{DOMAIN_REPLIES}/{name}")).expect("a corpus reply")
}

/// The widget's HTML for the app runs of `payload`.
fn render(payload: &Value) -> String {
    let view = Whois::view("whois_domain").expect("whois domain has a view");
    view(&payload.to_string())
}

/// The payload of one app run holding the results of a `whois domain` run against `server`.
fn run_against(server: &ServerAddr, domain: &str) -> Value {
    let outcome = ActionTest::<Whois>::new("whois_domain")
        .config("whois_server", server.to_string())
        .config("timeout", 5)
        .param("domain", domain)
        .run();
    let results: Vec<Value> = outcome
        .results()
        .iter()
        .map(|result| serde_json::to_value(result).unwrap())
        .collect();
    json!([{"summary": {"total_objects": 1}, "results": results}])
}

/// The HTML as the snapshots keep it: without the stylesheet, one tag a line, the fake
/// servers' ports written `PORT`.
fn readable(html: &str, servers: &[&ServerAddr]) -> String {
    let start = html.find("<style>").unwrap();
    let end = html.find("</style>").unwrap() + "</style>".len();
    let mut text = format!("{}{}", &html[..start], &html[end..]).replace("><", ">\n<");
    for server in servers {
        text = text.replace(&server.to_string(), "127.0.0.1:PORT");
    }
    text
}

#[test]
fn a_registered_domain_shows_registrar_dates_status_name_servers_and_contacts() {
    let registry = common::serve_text(corpus_reply("whois.nic.us__us__status_registered.txt"));
    let html = render(&run_against(&registry.addr, "google.us"));
    for shown in [
        "MARKMONITOR, INC.",
        "ns1.google.com",
        "clientDeleteProhibited",
        "Christina Chiou",
    ] {
        assert!(html.contains(shown), "{shown}: {html}");
    }
    insta::assert_snapshot!(readable(&html, &[&registry.addr]));
}

#[test]
fn a_domain_that_is_not_registered_says_so() {
    let registry = common::serve_text(corpus_reply("whois.nic.us__us__status_available.txt"));
    let html = render(&run_against(&registry.addr, "u34jedzcq.us"));
    assert!(html.contains("not registered"), "{html}");
    assert!(!html.contains("Registrar"), "{html}");
    insta::assert_snapshot!(readable(&html, &[&registry.addr]));
}

#[test]
fn the_registrar_the_registry_refers_to_is_shown() {
    let registrar = common::serve_text(corpus_reply("whois.enom.com__com__status_registered.txt"));
    let registry = common::serve_text(format!(
        "Domain Name: GOOGLE.COM\r\nRegistrar WHOIS Server: {}\r\nRegistrar: eNom, Inc.\r\n",
        registrar.addr
    ));
    let html = render(&run_against(&registry.addr, "google.com"));
    assert!(html.contains("<dt>Referral</dt>"), "{html}");
    insta::assert_snapshot!(readable(&html, &[&registry.addr, &registrar.addr]));
}

#[test]
fn a_failed_lookup_shows_its_message() {
    let closed = common::closed_port();
    let html = render(&run_against(&closed, "example.com"));
    assert!(html.contains("badge failed"), "{html}");
    assert!(html.contains("example.com"), "{html}");
}

#[test]
fn empty_runs_and_results_without_data_are_said() {
    let empty = render(&json!([]));
    assert!(empty.contains("No lookups."), "{empty}");
    let no_data = render(&json!([{"summary": {}, "results": [
        {"parameter": {"domain": "example.com"}, "data": [], "summary": {}, "status": "success", "message": "Nothing"},
    ]}]));
    insta::assert_snapshot!(readable(&no_data, &[]));
}

#[test]
fn data_of_an_older_shape_is_shown_raw_with_the_reason() {
    // What a version of the app before `statuses` and `contacts` might have written.
    let html = render(&json!([{"summary": {}, "results": [{
        "parameter": {"domain": "example.com"},
        "data": [{"domain": "example.com", "registrar": "Example Registrar", "status": "ok"}],
        "summary": {"registrar": "Example Registrar"},
        "status": "success", "message": "Registrar: Example Registrar",
    }]}]));
    assert!(html.contains("missing field"), "{html}");
    insta::assert_snapshot!(readable(&html, &[]));
}

#[test]
fn a_payload_that_is_no_list_of_runs_gives_an_error_card() {
    let html = render(&json!({"results": []}));
    assert!(html.contains("cannot be shown"), "{html}");
}

/// Every string of `value` replaced by `text`.
fn hostile(value: &Value, text: &str) -> Value {
    match value {
        Value::String(_) => Value::String(text.to_owned()),
        Value::Array(items) => Value::Array(items.iter().map(|item| hostile(item, text)).collect()),
        Value::Object(fields) => Value::Object(
            fields
                .iter()
                .map(|(key, field)| (key.clone(), hostile(field, text)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// The tags of `html`: every `<...>`.
fn tags(html: &str) -> Vec<&str> {
    html.split('<')
        .skip(1)
        .map(|rest| rest.split('>').next().unwrap_or(rest))
        .collect()
}

/// Checks `html` against one (injection, marker) pair: the marker never appears (Splunk's
/// criterion), except a marker without markup characters (a URL), which may show as text but
/// never inside a tag; and no tag holds anything of an injection.
fn assert_escaped(html: &str, injection: &str, marker: &str) {
    let markup = marker.contains(['<', '>', '"', '\'', '=']);
    if markup {
        assert!(
            !html.contains(marker),
            "{marker:?} of {injection:?} in {html}"
        );
    }
    for tag in tags(html) {
        for fragment in ["alert", "attacker", "onerror", "javascript", "&#106;"] {
            assert!(
                !tag.contains(fragment),
                "tag <{tag}> holds {fragment:?} of {injection:?}"
            );
        }
    }
}

#[test]
fn hostile_values_in_every_field_are_escaped() {
    let registry = common::serve_text(corpus_reply("whois.nic.us__us__status_registered.txt"));
    let real = run_against(&registry.addr, "google.us");
    let failed = run_against(&common::closed_port(), "example.com");
    let xss: Value = serde_json::from_str(&std::fs::read_to_string(XSS).unwrap()).unwrap();
    let injections = xss["injections"].as_array().unwrap();
    assert_eq!(injections.len(), 4);
    for pair in injections {
        let (injection, marker) = (pair[0].as_str().unwrap(), pair[1].as_str().unwrap());
        let mut unregistered = hostile(&real, injection);
        unregistered[0]["results"][0]["data"][0]["registered"] = json!(false);
        // The old shape: a data item without the fields of today, every value hostile.
        let old = json!([{"summary": {"message": injection}, "results": [{
            "parameter": {"domain": injection, injection: injection},
            "data": [{"domain": injection, injection: [injection]}],
            "summary": {injection: injection}, "status": injection, "message": injection,
        }]}]);
        for payload in [
            hostile(&real, injection),
            unregistered,
            hostile(&failed, injection),
            old,
        ] {
            let html = render(&payload);
            assert!(!html.contains("cannot be shown"), "{html}");
            assert_escaped(&html, injection, marker);
        }
    }
}

#[test]
fn javascript_urls_never_become_links() {
    let registry = common::serve_text(corpus_reply("whois.nic.us__us__status_registered.txt"));
    let real = run_against(&registry.addr, "google.us");
    for url in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "data:text/html,x",
    ] {
        let html = render(&hostile(&real, url));
        assert!(!html.contains("href"), "{url}: {html}");
    }
    // A real address does become a mail link.
    assert!(render(&real).contains("href=\"mailto:dns-admin@google.com\""));
}

#[test]
fn very_long_values_are_shown_whole() {
    let registry = common::serve_text(corpus_reply("whois.nic.us__us__status_registered.txt"));
    let mut real = run_against(&registry.addr, "google.us");
    let long = "A".repeat(200_000);
    real[0]["results"][0]["data"][0]["registrar"] = json!(long);
    let html = render(&real);
    assert!(html.contains(&long));
}
