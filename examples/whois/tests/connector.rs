//! The WHOIS connector, run in-process with the framework's test harness against fake WHOIS
//! servers on 127.0.0.1, and its app JSON (snapshot, strict validator).

mod common;

use serde_json::json;
use soar_runtime::testing::{ActionTest, Outcome};
use whois::connector::{DomainOutput, IpOutput, Whois};

/// A thin registry's reply that refers to the registrar at `referral`.
fn registry_reply(referral: &str) -> String {
    format!(
        "   Domain Name: EXAMPLE.COM\r\n\
   Registrar WHOIS Server: {referral}\r\n\
   Updated Date: 2017-02-11T10:56:37Z\r\n\
   Creation Date: 1999-03-15T05:00:00Z\r\n\
   Registry Expiry Date: 2028-03-15T04:00:00Z\r\n\
   Registrar: MarkMonitor Inc.\r\n\
   Domain Status: clientTransferProhibited https://icann.org/epp#clientTransferProhibited\r\n\
   Name Server: NS1.EXAMPLE.COM\r\n\
   Name Server: NS2.EXAMPLE.COM\r\n\
>>> Last update of whois database: 2017-08-01T01:39:40Z <<<\r\n"
    )
}

const REGISTRAR_REPLY: &str = "Domain Name: example.com\n\
Registrar: MarkMonitor, Inc.\n\
Registrant Name: DNS Admin\n\
Registrant Organization: Example Inc.\n\
Registrant Email: dns-admin@example.com\n\
Registrant Country: US\n";

const ARIN_REPLY: &str = "NetRange:       8.8.8.0 - 8.8.8.255\n\
CIDR:           8.8.8.0/24\n\
NetName:        GOGL\n\
NetType:        Direct Allocation\n\
OrgName:        Google LLC\n\
Country:        US\n";

fn action(identifier: &str, server: &whois::ServerAddr) -> ActionTest<Whois> {
    ActionTest::new(identifier)
        .config("whois_server", server.to_string())
        .config("timeout", 10)
}

#[test]
fn whois_domain_follows_the_registrar_and_writes_the_record() {
    let registrar = common::serve_text(REGISTRAR_REPLY);
    let registry = common::serve_text(registry_reply(&registrar.addr.to_string()));
    let outcome = action("whois_domain", &registry.addr)
        .param("domain", "Example.COM")
        .run();
    assert!(outcome.is_success(), "{:?}", outcome.messages());
    let data: Vec<DomainOutput> = outcome.data().unwrap();
    let record = &data[0];
    assert_eq!(record.domain, "example.com");
    assert!(record.registered);
    assert_eq!(record.registrar.as_deref(), Some("MarkMonitor Inc."));
    assert_eq!(record.created.as_deref(), Some("1999-03-15"));
    assert_eq!(record.expires.as_deref(), Some("2028-03-15"));
    assert_eq!(record.nameservers, ["ns1.example.com", "ns2.example.com"]);
    assert_eq!(record.statuses, ["clientTransferProhibited"]);
    let registrant = record.contacts.registrant.as_ref().unwrap();
    assert_eq!(registrant.organization.as_deref(), Some("Example Inc."));
    assert_eq!(registrant.email.as_deref(), Some("dns-admin@example.com"));
    assert_eq!(record.server, registry.addr.to_string());
    assert_eq!(record.referral_server, Some(registrar.addr.to_string()));
    assert_eq!(
        outcome.messages(),
        ["Registrar: MarkMonitor Inc., Organization: Example Inc."]
    );
    assert_eq!(outcome.progress(), ["Looking up example.com"]);
}

#[test]
fn an_unreachable_registrar_keeps_the_registry_answer_and_says_so() {
    let gone = common::closed_port();
    let registry = common::serve_text(registry_reply(&gone.to_string()));
    let outcome = action("whois_domain", &registry.addr)
        .param("domain", "example.com")
        .run();
    assert!(outcome.is_success(), "{:?}", outcome.messages());
    let data: Vec<DomainOutput> = outcome.data().unwrap();
    assert_eq!(data[0].registrar.as_deref(), Some("MarkMonitor Inc."));
    assert_eq!(
        data[0].referral_server,
        Some(gone.to_string()),
        "the referral the registry names is kept though it did not answer"
    );
    let message = &outcome.messages()[0];
    assert!(
        message.starts_with("Registrar: MarkMonitor Inc. (note: the referral to ")
            && message.contains(&format!("the answer of {} is shown", registry.addr)),
        "{message}"
    );
}

#[test]
fn a_referral_that_is_not_a_whois_address_is_shown_as_written() {
    let registry = common::serve_text(registry_reply("rwhois://rwhois.example.net:4321"));
    let outcome = action("whois_domain", &registry.addr)
        .param("domain", "example.com")
        .run();
    assert!(outcome.is_success(), "{:?}", outcome.messages());
    let data: Vec<DomainOutput> = outcome.data().unwrap();
    assert_eq!(
        data[0].referral_server.as_deref(),
        Some("rwhois://rwhois.example.net:4321")
    );
    assert!(
        outcome.messages()[0].contains("the referral was not followed"),
        "{:?}",
        outcome.messages()
    );
}

#[test]
fn a_domain_that_is_not_registered_says_so() {
    let registry = common::serve_text(
        "No match for \"NOPE-EXAMPLE.COM\".\r\n>>> Last update of whois database: \
         2017-08-01T01:39:40Z <<<\r\n",
    );
    let outcome = action("whois_domain", &registry.addr)
        .param("domain", "nope-example.com")
        .run();
    assert!(outcome.is_success(), "{:?}", outcome.messages());
    let data: Vec<DomainOutput> = outcome.data().unwrap();
    assert!(!data[0].registered);
    assert_eq!(data[0].referral_server, None);
    assert_eq!(
        outcome.messages(),
        [format!(
            "Domain nope-example.com is not registered (according to {})",
            registry.addr
        )]
    );
}

#[test]
fn an_unreachable_server_fails_the_dict_naming_the_cause_once() {
    let gone = common::closed_port();
    let outcome = action("whois_domain", &gone)
        .param("domain", "example.com")
        .run();
    assert!(!outcome.is_success());
    assert_eq!(
        outcome.messages(),
        [format!(
            "cannot connect to WHOIS server {gone}: Connection refused (os error 111)"
        )]
    );
}

#[test]
fn whois_ip_parses_the_address_and_writes_the_network() {
    let arin = common::serve_text(ARIN_REPLY);
    let outcome = action("whois_ip", &arin.addr).param("ip", "8.8.8.8").run();
    assert!(outcome.is_success(), "{:?}", outcome.messages());
    let data: Vec<IpOutput> = outcome.data().unwrap();
    assert_eq!(data[0].ip, "8.8.8.8");
    assert_eq!(data[0].registry.as_deref(), Some("arin"));
    assert_eq!(data[0].netname.as_deref(), Some("GOGL"));
    assert_eq!(data[0].owner.as_deref(), Some("Google LLC"));
    assert_eq!(data[0].cidr.as_deref(), Some("8.8.8.0/24"));
    assert_eq!(outcome.messages(), ["Owner: Google LLC, Country: US"]);
    let ipv6 = action("whois_ip", &arin.addr)
        .param("ip", "2001:4860::8888")
        .run();
    assert!(ipv6.is_success(), "{:?}", ipv6.messages());
}

#[test]
fn bad_parameters_fail_before_any_query() {
    let server = common::closed_port();
    let outcome = action("whois_domain", &server)
        .param("domain", "1.2.3.4")
        .dict(json!({}))
        .run();
    assert_eq!(
        outcome.messages(),
        [
            "Parameter 'domain' failed validation",
            "Required parameter 'domain' is missing"
        ]
    );
    let outcome = action("whois_ip", &server).param("ip", "8.8.8").run();
    assert_eq!(
        outcome.messages(),
        ["Parameter 'ip' failed validation: not an IPv4 or IPv6 address"]
    );
}

#[test]
fn test_connectivity_and_the_configuration() {
    let registry = common::serve_text(registry_reply("whois.invalid:0"));
    let outcome: Outcome = action("test_asset_connectivity", &registry.addr).run();
    assert!(outcome.is_success(), "{:?}", outcome.messages());
    assert_eq!(
        outcome.progress().last().copied(),
        Some("Test Connectivity Passed")
    );
    let unreachable = action("test_asset_connectivity", &common::closed_port()).run();
    assert!(!unreachable.is_success());
    let bad = ActionTest::<Whois>::new("whois_domain")
        .config("whois_server", "host:port:x")
        .config("timeout", 10)
        .param("domain", "example.com")
        .run();
    assert!(
        bad.message()
            .starts_with("Configuration field 'whois_server' is invalid: "),
        "{}",
        bad.message()
    );
    let zero = ActionTest::<Whois>::new("whois_domain")
        .config("timeout", 0)
        .run();
    assert_eq!(
        zero.message(),
        "Configuration field 'timeout' is invalid: it must be at least 1 second"
    );
    // An unset timeout gets its app JSON default (30), as in `whois action`: the run gets as
    // far as the parameters.
    let defaulted = ActionTest::<Whois>::new("whois_domain").run();
    assert_eq!(
        defaulted.messages(),
        ["Required parameter 'domain' is missing"]
    );
}

/// The app JSON with a fixed `utctime_updated`.
fn app_json() -> soar_runtime::app_json::AppJson {
    soar_runtime::testing::pinned_app_json::<Whois>()
}

#[test]
fn the_app_json_is_clean_for_the_strict_validator() {
    let findings = soar_runtime::app_json::validate(&app_json());
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn the_app_json_snapshot() {
    insta::assert_snapshot!(app_json().to_json_pretty());
}
