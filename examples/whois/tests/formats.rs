//! Layouts that the corpus does not hold, written by hand after the registries' current
//! output, to check that the parser generalises beyond the files it was tuned on.

use whois::{DomainRecord, Family, ParseOutcome, detect_family, parse_domain};

fn parsed(reply: &str) -> DomainRecord {
    match parse_domain(reply) {
        ParseOutcome::Parsed(record) => record,
        other => panic!("not parsed: {other:?}"),
    }
}

fn date(value: Option<whois::Date>) -> Option<String> {
    value.map(|d| d.to_string())
}

#[test]
fn labels_above_their_values() {
    // .ch/.li since 2020: every value on the line below its label
    let reply = "Domain name:\nexample.ch\n\nHolder of domain name:\nExample AG\nBahnhofstrasse 1\n8000 Zuerich\nSwitzerland\n\n\
                 Registrar:\nExample Registrar AG\n\nFirst registration date:\n31.01.2000\n\nDNSSEC:\nN\n\n\
                 Name servers:\nns1.example.net\nns2.example.net\n";
    assert_eq!(detect_family(reply), Family::Sections);
    let record = parsed(reply);
    assert!(record.registered);
    assert_eq!(record.domain.as_deref(), Some("example.ch"));
    assert_eq!(record.registrar.as_deref(), Some("Example Registrar AG"));
    assert_eq!(date(record.created).as_deref(), Some("2000-01-31"));
    assert_eq!(record.nameservers, ["ns1.example.net", "ns2.example.net"]);
    let holder = record.contacts.registrant.expect("holder");
    assert_eq!(holder.name.as_deref(), Some("Example AG"));
}

#[test]
fn dotted_keys_with_single_digit_dates() {
    // .fi: dotted leaders, D.M.YYYY dates, remarks after name servers
    let reply = "\ndomain.............: example.fi\nstatus.............: Registered\n\
                 created............: 3.6.2006 13:29:57\nexpires............: 4.7.2024 10:19:41\n\
                 available..........: 4.8.2024 10:19:41\nmodified...........: 2.6.2023 14:52:20\n\n\
                 Nameservers\n\nnserver............: ns1.example.net [OK]\nnserver............: ns2.example.net [OK]\n\n\
                 Registrar\n\nregistrar..........: Example Oy\nwww................: www.example.fi\n";
    assert_eq!(detect_family(reply), Family::Blocks);
    let record = parsed(reply);
    assert_eq!(record.domain.as_deref(), Some("example.fi"));
    assert_eq!(date(record.created).as_deref(), Some("2006-06-03"));
    assert_eq!(date(record.expires).as_deref(), Some("2024-07-04"));
    assert_eq!(date(record.updated).as_deref(), Some("2023-06-02"));
    assert_eq!(record.nameservers, ["ns1.example.net", "ns2.example.net"]);
    assert_eq!(record.registrar.as_deref(), Some("Example Oy"));
    assert_eq!(record.statuses, ["Registered"]);
}

#[test]
fn eurid_technical_section() {
    let reply = "% WHOIS example.eu\nDomain: example.eu\nScript: LATIN\n\nRegistrant:\n        NOT DISCLOSED!\n\n\
                 Technical:\n        Organisation: Example Hosting BV\n        Email: tech@example.eu\n\n\
                 Registrar:\n        Name: Example Registrar BV\n        Website: https://registrar.example\n\n\
                 Name servers:\n        ns1.example.eu (192.0.2.1)\n        ns2.example.eu\n";
    let record = parsed(reply);
    assert_eq!(record.registrar.as_deref(), Some("Example Registrar BV"));
    assert_eq!(record.nameservers, ["ns1.example.eu", "ns2.example.eu"]);
    let tech = record.contacts.tech.expect("tech");
    assert_eq!(tech.organization.as_deref(), Some("Example Hosting BV"));
    assert_eq!(tech.email.as_deref(), Some("tech@example.eu"));
}

#[test]
fn us_style_dates_when_announced() {
    let reply = "Dates are shown as MM/DD/YYYY.\nDomain Name: example.test\nCreated: 03/04/2010\nExpires: 03/04/2030\nRegistrar: Example\n";
    let record = parsed(reply);
    assert_eq!(date(record.created).as_deref(), Some("2010-03-04"));
    let day_first = parsed(&reply.replace("Dates are shown as MM/DD/YYYY.\n", ""));
    assert_eq!(date(day_first.created).as_deref(), Some("2010-04-03"));
}

#[test]
fn more_refusals_and_not_found_messages() {
    let cases = [
        (
            "Your connection limit exceeded. Please slow down and try again later.\n",
            "rate",
        ),
        ("%ERROR:201: access denied for 192.0.2.7\n", "error"),
        ("% nothing found\n", "free"),
        ("No such domain example.lu\n", "free"),
        (
            "Domain example.test is available for registration\n",
            "free",
        ),
    ];
    for (reply, expected) in cases {
        let kind = match parse_domain(reply) {
            ParseOutcome::RateLimited(_) => "rate",
            ParseOutcome::Error(_) => "error",
            ParseOutcome::Parsed(record) if !record.registered => "free",
            other => panic!("{reply:?}: {other:?}"),
        };
        assert_eq!(kind, expected, "{reply:?}");
    }
}

#[test]
fn denic_holder_sections() {
    let reply = "Domain: example.de\nNserver: ns1.example.net\nNserver: ns2.example.net\nStatus: connect\n\
                 Changed: 2020-05-05T10:00:00+02:00\n\n[Holder]\nType: ORG\nName: Example GmbH\nCountryCode: DE\n\
                 Changed: 2001-01-01T00:00:00+01:00\n\n[Tech-C]\nType: PERSON\nName: Jane Doe\nEmail: jane@example.de\n";
    let record = parsed(reply);
    assert_eq!(date(record.updated).as_deref(), Some("2020-05-05"));
    let holder = record.contacts.registrant.expect("holder");
    assert_eq!(holder.name.as_deref(), Some("Example GmbH"));
    assert_eq!(holder.country.as_deref(), Some("DE"));
    assert_eq!(
        record.contacts.tech.and_then(|t| t.email).as_deref(),
        Some("jane@example.de")
    );
}
