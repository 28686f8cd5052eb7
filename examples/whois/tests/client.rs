//! The client against fake servers on 127.0.0.1: referrals, timeouts, size limits,
//! server addresses, and server selection through a fake IANA.

mod common;

use std::io::Write;
use std::net::TcpListener;
use std::sync::mpsc::Receiver;
use std::thread;
use std::time::{Duration, Instant};

use whois::{
    Encoding, LookupConfig, QueryOptions, ServerAddr, WhoisError, lookup_domain, lookup_ip, query,
};

const REGISTRY_REPLY: &str = "   Domain Name: EXAMPLE.COM\r\n\
   Registrar WHOIS Server: whois.markmonitor.com\r\n\
   Updated Date: 2017-02-11T10:56:37Z\r\n\
   Creation Date: 1999-03-15T05:00:00Z\r\n\
   Registry Expiry Date: 2018-03-15T04:00:00Z\r\n\
   Registrar: MarkMonitor Inc.\r\n\
   Name Server: NS1.EXAMPLE.COM\r\n\
>>> Last update of whois database: 2017-08-01T01:39:40Z <<<\r\n";

const REGISTRAR_REPLY: &str = "Domain Name: example.com\n\
Registrar WHOIS Server: whois.markmonitor.com\n\
Creation Date: 1997-09-15T00:00:00-0700\n\
Registrar: MarkMonitor, Inc.\n\
Registrant Name: DNS Admin\n\
Registrant Organization: Example Inc.\n\
Registrant Email: dns-admin@example.com\n\
Name Server: ns1.example.com\n";

/// How long a test waits for a fake server's query log.
const PATIENCE: Duration = Duration::from_secs(10);

fn config_for(registry: &ServerAddr) -> LookupConfig {
    LookupConfig {
        server: Some(registry.clone()),
        timeout: Duration::from_secs(20),
        ..LookupConfig::default()
    }
}

fn with_override(mut config: LookupConfig, host: &str, target: &ServerAddr) -> LookupConfig {
    config
        .host_overrides
        .insert(host.to_owned(), target.clone());
    config
}

fn queries(log: &Receiver<String>) -> Vec<String> {
    log.try_iter().collect()
}

#[test]
fn referral_is_followed_and_the_registry_answer_kept() {
    let registry = common::serve_text(REGISTRY_REPLY);
    let registrar = common::serve_text(REGISTRAR_REPLY);
    let config = with_override(
        config_for(&registry.addr),
        "whois.markmonitor.com",
        &registrar.addr,
    );

    let lookup = lookup_domain("Example.COM", &config).expect("lookup");

    assert_eq!(lookup.query, "example.com");
    assert_eq!(lookup.server, registry.addr);
    assert!(lookup.notes.is_empty(), "{:?}", lookup.notes);
    let referral = lookup.referral.as_ref().expect("the referral was followed");
    assert_eq!(referral.server.to_string(), "whois.markmonitor.com:43");
    // the registry's facts win; what it lacks comes from the registrar
    assert_eq!(lookup.record.registrar.as_deref(), Some("MarkMonitor Inc."));
    assert_eq!(
        lookup.record.created.map(|d| d.to_string()).as_deref(),
        Some("1999-03-15")
    );
    let registrant = lookup
        .record
        .contacts
        .registrant
        .as_ref()
        .expect("registrant");
    assert_eq!(registrant.email.as_deref(), Some("dns-admin@example.com"));
    assert_eq!(
        referral.record.registrar.as_deref(),
        Some("MarkMonitor, Inc.")
    );
    // one hop: the registrar's self-referral is not followed again
    assert_eq!(
        registry.queries.recv_timeout(PATIENCE).unwrap(),
        "example.com\r\n"
    );
    assert_eq!(
        registrar.queries.recv_timeout(PATIENCE).unwrap(),
        "example.com\r\n"
    );
    assert!(queries(&registrar.queries).is_empty());
}

#[test]
fn unreachable_referral_keeps_the_registry_answer_with_a_note() {
    let registry = common::serve_text(REGISTRY_REPLY);
    let config = with_override(
        config_for(&registry.addr),
        "whois.markmonitor.com",
        &common::closed_port(),
    );

    let lookup = lookup_domain("example.com", &config).expect("lookup");

    assert!(lookup.referral.is_none());
    assert_eq!(lookup.record.registrar.as_deref(), Some("MarkMonitor Inc."));
    assert_eq!(lookup.record.nameservers, ["ns1.example.com"]);
    assert_eq!(lookup.notes.len(), 1);
    let note = &lookup.notes[0];
    assert!(note.contains("whois.markmonitor.com:43"), "{note}");
    assert!(note.contains("cannot connect"), "{note}");
    assert!(note.contains(&registry.addr.to_string()), "{note}");
    assert_eq!(
        note.matches("Connection refused (os error 111)").count(),
        1,
        "the cause is named once: {note}"
    );
}

#[test]
fn rate_limited_referral_is_a_note_but_a_rate_limited_registry_an_error() {
    let registry = common::serve_text(REGISTRY_REPLY);
    let registrar = common::serve_text("You have exceeded your quota of queries.\n");
    let config = with_override(
        config_for(&registry.addr),
        "whois.markmonitor.com",
        &registrar.addr,
    );
    let lookup = lookup_domain("example.com", &config).expect("lookup");
    assert!(
        lookup.notes[0].contains("rate limited"),
        "{:?}",
        lookup.notes
    );

    let limited = common::serve_text("WHOIS LIMIT EXCEEDED - SEE WWW.PIR.ORG/WHOIS FOR DETAILS\n");
    let error = lookup_domain("example.org", &config_for(&limited.addr)).unwrap_err();
    assert!(
        matches!(&error, WhoisError::RateLimited { message, .. } if message.starts_with("WHOIS LIMIT")),
        "{error}"
    );
}

#[test]
fn a_free_domain_is_an_answer() {
    let registry =
        common::serve_text("No match for \"NOPE-EXAMPLE.COM\".\r\n>>> Last update <<<\r\n");
    let lookup = lookup_domain("nope-example.com", &config_for(&registry.addr)).expect("lookup");
    assert!(!lookup.record.registered);
    assert_eq!(lookup.record.domain.as_deref(), Some("nope-example.com"));
}

#[test]
fn silent_server_fails_within_the_timeout() {
    let (_listener, addr) = common::silent();
    let config = LookupConfig {
        timeout: Duration::from_secs(1),
        ..config_for(&addr)
    };
    let started = Instant::now();
    let error = lookup_domain("example.com", &config).unwrap_err();
    let elapsed = started.elapsed();
    assert!(matches!(error, WhoisError::Timeout { .. }), "{error}");
    assert!(error.to_string().contains("1-second timeout"), "{error}");
    assert!(
        elapsed >= Duration::from_millis(900),
        "gave up early: {elapsed:?}"
    );
    assert!(elapsed < Duration::from_secs(10), "took {elapsed:?}");
}

#[test]
fn trickling_server_cannot_stretch_the_deadline() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = ServerAddr::from(listener.local_addr().unwrap());
    thread::spawn(move || {
        let Ok((mut stream, _)) = listener.accept() else {
            return;
        };
        // one byte every 100 ms, for far longer than the budget
        for _ in 0..600 {
            if stream.write_all(b"x").is_err() {
                return;
            }
            thread::sleep(Duration::from_millis(100));
        }
    });
    let options = QueryOptions {
        timeout: Duration::from_secs(1),
        ..QueryOptions::default()
    };
    let started = Instant::now();
    let error = query(&addr, "example.com", &options).unwrap_err();
    assert!(matches!(error, WhoisError::Timeout { .. }), "{error}");
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn replies_over_the_limit_are_refused() {
    let limit = 64 * 1024;
    let options = QueryOptions {
        timeout: Duration::from_secs(20),
        max_reply_bytes: limit,
    };
    let big = common::serve_text(vec![b'a'; limit + 1]);
    let error = query(&big.addr, "example.com", &options).unwrap_err();
    assert!(
        matches!(error, WhoisError::ReplyTooLarge { limit: l, .. } if l == limit),
        "{error}"
    );
    assert!(error.to_string().contains("65536 bytes"), "{error}");

    let exact = common::serve_text(vec![b'a'; limit]);
    let reply = query(&exact.addr, "example.com", &options).expect("a reply at the limit");
    assert_eq!(reply.text.len(), limit);
}

#[test]
fn non_utf8_replies_are_decoded_as_latin1() {
    let server = common::serve_text(
        &b"Domain Name: EXAMPLE.COM\r\nRegistrant Name: Jos\xe9\r\nCreation Date: 2001-01-01\r\n"[..],
    );
    let reply = query(&server.addr, "example.com", &QueryOptions::default()).expect("reply");
    assert_eq!(reply.encoding, Encoding::Latin1);
    let lookup = lookup_domain("example.com", &config_for(&server.addr)).expect("lookup");
    let registrant = lookup.record.contacts.registrant.expect("registrant");
    assert_eq!(registrant.name.as_deref(), Some("José"));
}

#[test]
fn queries_with_line_breaks_are_not_sent() {
    let server = common::serve_text("x");
    let error = query(
        &server.addr,
        "example.com\r\nhelp",
        &QueryOptions::default(),
    )
    .unwrap_err();
    assert!(matches!(error, WhoisError::InvalidQuery { .. }), "{error}");
    assert!(matches!(
        lookup_domain("not a domain", &config_for(&server.addr)),
        Err(WhoisError::InvalidQuery { .. })
    ));
}

#[test]
fn server_addresses_parse() {
    let valid = [
        ("whois.example.com", "whois.example.com:43"),
        ("  WHOIS.Example.COM  ", "whois.example.com:43"),
        ("whois.example.com:4343", "whois.example.com:4343"),
        ("whois.example.com.", "whois.example.com:43"),
        ("127.0.0.1", "127.0.0.1:43"),
        ("127.0.0.1:4343", "127.0.0.1:4343"),
        ("[::1]:4343", "[::1]:4343"),
        ("[::1]", "[::1]:43"),
        ("2001:db8::43", "[2001:db8::43]:43"),
        ("whois://whois.ripe.net", "whois.ripe.net:43"),
        ("whois://whois.ripe.net:43", "whois.ripe.net:43"),
        ("who.godaddy.com/", "who.godaddy.com:43"),
    ];
    for (input, expected) in valid {
        let parsed = ServerAddr::parse(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
        assert_eq!(parsed.to_string(), expected, "{input:?}");
    }
    let invalid = [
        ("", "empty"),
        ("   ", "empty"),
        ("whois.example.com:0", "port '0'"),
        ("whois.example.com:abc", "port 'abc'"),
        ("whois.example.com:70000", "port '70000'"),
        ("whois.example.com:", "port ''"),
        ("[::1", "not closed"),
        ("[zz]:43", "not an IPv6 address"),
        ("[::1]4343", "unexpected '4343'"),
        ("2001:db8::zz:43", "brackets"),
        ("rwhois://rwhois.example.net:4321", "scheme 'rwhois://'"),
        ("http://whois.example.com", "scheme 'http://'"),
        ("whois.example.com/path", "path"),
        ("who is.example.com", "character ' '"),
        ("whois..example.com", "empty label"),
    ];
    for (input, reason) in invalid {
        let error = ServerAddr::parse(input).expect_err(input).to_string();
        assert!(error.contains(reason), "{input:?}: {error}");
        assert!(error.contains(&format!("'{input}'")), "{input:?}: {error}");
    }
}

#[test]
fn tld_server_comes_from_iana_once() {
    let iana = common::serve(|tld| match tld {
        "zz-test" => {
            b"% IANA WHOIS server\n\ndomain:       ZZ-TEST\n\nwhois:        whois.nic.zz-test\n"
                .to_vec()
        }
        _ => b"% IANA WHOIS server\n\ndomain:       NOWHOIS\n\nstatus:       ACTIVE\n".to_vec(),
    });
    let registry = common::serve_text("Domain Name: EXAMPLE.ZZ-TEST\nCreation Date: 2020-02-02\n");
    let config = LookupConfig {
        iana_server: iana.addr.clone(),
        timeout: Duration::from_secs(20),
        follow_referrals: false,
        ..LookupConfig::default()
    };
    let config = with_override(config, "whois.nic.zz-test", &registry.addr);

    for _ in 0..2 {
        let lookup = lookup_domain("example.zz-test", &config).expect("lookup");
        assert_eq!(lookup.server.to_string(), "whois.nic.zz-test:43");
        assert_eq!(
            lookup.record.created.map(|d| d.to_string()).as_deref(),
            Some("2020-02-02")
        );
    }
    assert_eq!(iana.queries.recv_timeout(PATIENCE).unwrap(), "zz-test\r\n");
    assert!(queries(&iana.queries).is_empty(), "IANA was asked twice");

    let error = lookup_domain("example.nowhois", &config).unwrap_err();
    assert!(
        matches!(&error, WhoisError::NoServer { tld } if tld == "nowhois"),
        "{error}"
    );
}

#[test]
fn common_tlds_skip_iana() {
    let registry = common::serve_text(REGISTRY_REPLY);
    let config = LookupConfig {
        iana_server: common::closed_port(),
        timeout: Duration::from_secs(20),
        follow_referrals: false,
        ..LookupConfig::default()
    };
    let config = with_override(config, "whois.verisign-grs.com", &registry.addr);
    let lookup = lookup_domain("example.com", &config).expect("lookup");
    assert_eq!(lookup.server.to_string(), "whois.verisign-grs.com:43");
    assert!(lookup.record.registered);
}

const ARIN_REPLY: &str = "NetRange:       130.66.0.0 - 130.67.255.255\n\
CIDR:           130.66.0.0/15\n\
NetName:        RIPE-ERX-130-66-0-0\n\n\
OrgName:        RIPE Network Coordination Centre\n\
Country:        NL\n\n\
ReferralServer: whois://whois.ripe.net:43\n";

const RIPE_REPLY: &str = "% This is the RIPE Database query service.\n\n\
inetnum:        130.66.76.0 - 130.66.76.255\n\
netname:        EXAMPLE-NET\n\
country:        DE\n\
source:         RIPE # Filtered\n";

#[test]
fn ip_referral_from_arin_is_followed() {
    let arin = common::serve_text(ARIN_REPLY);
    let ripe = common::serve_text(RIPE_REPLY);
    let config = LookupConfig {
        timeout: Duration::from_secs(20),
        ..LookupConfig::default()
    };
    let config = with_override(config, "whois.arin.net", &arin.addr);
    let config = with_override(config, "whois.ripe.net", &ripe.addr);

    let lookup = lookup_ip("130.66.76.222".parse().unwrap(), &config).expect("lookup");

    assert_eq!(
        arin.queries.recv_timeout(PATIENCE).unwrap(),
        "n + 130.66.76.222\r\n"
    );
    assert_eq!(
        ripe.queries.recv_timeout(PATIENCE).unwrap(),
        "130.66.76.222\r\n"
    );
    assert_eq!(lookup.server.to_string(), "whois.arin.net:43");
    assert_eq!(
        lookup.record.netname.as_deref(),
        Some("RIPE-ERX-130-66-0-0")
    );
    assert_eq!(
        lookup.most_specific().netname.as_deref(),
        Some("EXAMPLE-NET")
    );
    assert_eq!(lookup.most_specific().country.as_deref(), Some("DE"));
    assert!(lookup.notes.is_empty(), "{:?}", lookup.notes);
}

#[test]
fn rwhois_referral_is_noted_not_followed() {
    let arin = common::serve_text(ARIN_REPLY.replace(
        "whois://whois.ripe.net:43",
        "rwhois://rwhois.example.net:4321",
    ));
    let lookup =
        lookup_ip("130.66.76.222".parse().unwrap(), &config_for(&arin.addr)).expect("lookup");
    assert!(lookup.referral.is_none());
    assert!(lookup.notes[0].contains("rwhois://"), "{:?}", lookup.notes);
    assert_eq!(
        lookup.most_specific().netname.as_deref(),
        Some("RIPE-ERX-130-66-0-0")
    );
}
