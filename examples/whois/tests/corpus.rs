//! Replays every reply of the shared WHOIS corpus through a server on 127.0.0.1, the
//! real client and the parser, and counts the facts of `expected.json` and
//! `ip_expected.json` that come out exactly.
//!
//! `cargo test -p whois --test corpus -- --nocapture` prints the accuracy tables and
//! every fact that differs.

mod common;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::net::IpAddr;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::Value;
use whois::{
    DomainRecord, IpRecord, LookupConfig, ParseOutcome, QueryOptions, WhoisError, detect_family,
    lookup_domain, lookup_ip, parse_ip,
};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/corpus/whois");

/// The share of facts that must come out exactly.
const REQUIRED_ACCURACY: f64 = 0.95;

const DOMAIN_FACTS: [&str; 8] = [
    "registered",
    "domain",
    "registrar",
    "created",
    "updated",
    "expires",
    "nameservers",
    "referral_server",
];

const IP_FACTS: [&str; 7] = [
    "rir",
    "range",
    "cidr",
    "netname",
    "owner",
    "country",
    "referral_server",
];

/// What the client and parser made of one reply.
enum Got<T> {
    Record(T),
    RateLimited,
    ServerError,
    NotFound,
    Failed(String),
}

/// Counts of facts, overall and by group.
#[derive(Default)]
struct Tally {
    groups: BTreeMap<String, [usize; 4]>,
    misses: Vec<String>,
}

impl Tally {
    /// Records one fact of `file` in `groups`: `[right, total, right non-null, non-null]`.
    fn fact(&mut self, groups: &[String], file: &str, fact: &str, expected: &Value, got: &Value) {
        let right = expected == got;
        let non_null = !(expected.is_null() || expected.as_array().is_some_and(Vec::is_empty));
        for group in groups.iter().chain(["overall".to_owned()].iter()) {
            let counts = self.groups.entry(group.clone()).or_default();
            counts[0] += usize::from(right);
            counts[1] += 1;
            counts[2] += usize::from(right && non_null);
            counts[3] += usize::from(non_null);
        }
        if !right {
            self.misses
                .push(format!("{file}: {fact}: expected {expected}, got {got}"));
        }
    }

    fn accuracy(&self) -> f64 {
        let [right, total, ..] = self.groups.get("overall").copied().unwrap_or_default();
        ratio(right, total)
    }

    /// Prints the table, then fails on any reply not handled or an accuracy below the goal.
    fn report(&self, title: &str, kind: &str, problems: &[String]) {
        println!("{}", self.table(title));
        assert!(
            problems.is_empty(),
            "replies not handled:\n{}",
            problems.join("\n")
        );
        assert!(
            self.accuracy() >= REQUIRED_ACCURACY,
            "{kind} accuracy {:.1}% is below {:.0}%",
            100.0 * self.accuracy(),
            100.0 * REQUIRED_ACCURACY
        );
    }

    fn table(&self, title: &str) -> String {
        let mut out = format!(
            "\n{title}\n{:<34} {:>14} {:>8} {:>16} {:>8}\n",
            "group", "facts", "", "non-null facts", ""
        );
        for (group, [right, total, right_nn, total_nn]) in &self.groups {
            let _ = writeln!(
                out,
                "{group:<34} {right:>6} / {total:<5} {:>7.1}% {right_nn:>7} / {total_nn:<6} {:>7.1}%",
                100.0 * ratio(*right, *total),
                100.0 * ratio(*right_nn, *total_nn),
            );
        }
        for miss in &self.misses {
            let _ = writeln!(out, "  MISS {miss}");
        }
        out
    }
}

fn ratio(right: usize, total: usize) -> f64 {
    if total == 0 {
        1.0
    } else {
        right as f64 / total as f64
    }
}

fn corpus_dir() -> PathBuf {
    let dir = PathBuf::from(CORPUS);
    assert!(
        dir.join("expected.json").is_file() && dir.join("ip_expected.json").is_file(),
        "the WHOIS corpus is missing: expected {} with expected.json, ip_expected.json, domain/ and ip/ \
         (it is part of the repository, under tests/corpus/whois)",
        dir.display()
    );
    dir
}

fn expectations(dir: &Path, name: &str) -> BTreeMap<String, Value> {
    let text =
        fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("cannot read {name}: {e}"));
    let entries: Vec<Value> =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name} is not JSON: {e}"));
    entries
        .into_iter()
        .map(|entry| (entry["file"].as_str().unwrap_or_default().to_owned(), entry))
        .collect()
}

fn files(dir: &Path, sub: &str) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = fs::read_dir(dir.join(sub))
        .unwrap_or_else(|e| panic!("cannot list {sub}/: {e}"))
        .map(|entry| {
            let path = entry.expect("directory entry").path();
            let name = format!(
                "{sub}/{}",
                path.file_name().unwrap_or_default().to_string_lossy()
            );
            let bytes = fs::read(&path).unwrap_or_else(|e| panic!("cannot read {name}: {e}"));
            (name, bytes)
        })
        .collect();
    files.sort();
    files
}

/// A config that asks the fake server only: the corpus test measures the parser on each
/// file; referrals are covered by the client tests.
fn config(server: &whois::ServerAddr) -> LookupConfig {
    LookupConfig {
        server: Some(server.clone()),
        timeout: Duration::from_secs(20),
        follow_referrals: false,
        ..LookupConfig::default()
    }
}

fn classify<T>(result: Result<T, WhoisError>) -> Got<T> {
    match result {
        Ok(record) => Got::Record(record),
        Err(WhoisError::RateLimited { .. }) => Got::RateLimited,
        Err(WhoisError::ServerError { .. }) => Got::ServerError,
        Err(WhoisError::NotFound { .. }) => Got::NotFound,
        Err(other) => Got::Failed(other.to_string()),
    }
}

/// Replays `bytes` for `query` through `run`, checking the query arrived as `query\r\n`.
fn replay<T>(
    name: &str,
    bytes: &[u8],
    query: &str,
    run: impl FnOnce(&whois::ServerAddr) -> Got<T>,
) -> Result<Got<T>, String> {
    let fake = common::serve_text(bytes.to_vec());
    let got =
        catch_unwind(AssertUnwindSafe(|| run(&fake.addr))).map_err(|_| format!("{name}: PANIC"))?;
    let received = fake
        .queries
        .recv_timeout(Duration::from_secs(20))
        .map_err(|_| format!("{name}: the server got no query"))?;
    if received != format!("{query}\r\n") {
        return Err(format!(
            "{name}: the server got {received:?}, not {query:?} + CR LF"
        ));
    }
    Ok(got)
}

fn domain_values(record: &DomainRecord) -> [Value; 8] {
    let date = |d: Option<whois::Date>| d.map_or(Value::Null, |d| Value::from(d.to_string()));
    [
        Value::from(record.registered),
        record.domain.clone().into(),
        record.registrar.clone().into(),
        date(record.created),
        date(record.updated),
        date(record.expires),
        record.nameservers.clone().into(),
        record.referral_server.clone().into(),
    ]
}

fn ip_values(record: &IpRecord) -> [Value; 7] {
    [
        serde_json::to_value(record.rir).unwrap_or_default(),
        record.range.clone().into(),
        record.cidr.clone().into(),
        record.netname.clone().into(),
        record.owner.clone().into(),
        record.country.clone().into(),
        record.referral_server.clone().into(),
    ]
}

/// The outcome as an `error` value of the expectation files.
fn error_kind<T>(got: &Got<T>) -> Value {
    match got {
        Got::Record(_) => Value::Null,
        Got::RateLimited => "rate_limited".into(),
        Got::ServerError => "server_unavailable".into(),
        Got::NotFound => "not_found".into(),
        Got::Failed(message) => format!("failed: {message}").into(),
    }
}

#[test]
fn domain_replies() {
    let dir = corpus_dir();
    let expected = expectations(&dir, "expected.json");
    let files = files(&dir, "domain");
    assert_eq!(
        files.len(),
        119,
        "the corpus should hold 119 domain replies"
    );
    let mut tally = Tally::default();
    let mut problems = Vec::new();
    for (name, bytes) in &files {
        let entry = expected.get(name);
        let tld = name.split("__").nth(1).unwrap_or("com");
        let query = entry
            .and_then(|e| e["domain"].as_str())
            .map_or_else(|| format!("example.{tld}"), str::to_owned);
        let got = match replay(name, bytes, &query, |server| {
            classify(lookup_domain(&query, &config(server)).map(|lookup| lookup.record))
        }) {
            Ok(got) => got,
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        if let Got::Failed(message) = &got {
            problems.push(format!("{name}: {message}"));
        }
        let Some(entry) = entry else { continue };
        let text = String::from_utf8_lossy(bytes);
        let groups = [
            format!("family {}", entry["family"].as_str().unwrap_or("?")),
            format!("parser {}", detect_family(&text).name()),
            format!("tld .{tld}"),
        ];
        if entry["registered"].is_null() {
            tally.fact(&groups, name, "error", &entry["error"], &error_kind(&got));
            continue;
        }
        let values = match &got {
            Got::Record(record) => domain_values(record).to_vec(),
            other => vec![error_kind(other); DOMAIN_FACTS.len()],
        };
        for (fact, value) in DOMAIN_FACTS.iter().zip(&values) {
            tally.fact(&groups, name, fact, &entry[*fact], value);
        }
    }
    tally.report(
        "DOMAIN replies (119 files, facts of expected.json)",
        "domain",
        &problems,
    );
}

#[test]
fn ip_replies() {
    let dir = corpus_dir();
    let expected = expectations(&dir, "ip_expected.json");
    let files = files(&dir, "ip");
    assert_eq!(files.len(), 17, "the corpus should hold 17 IP replies");
    let mut tally = Tally::default();
    let mut problems = Vec::new();
    for (name, bytes) in &files {
        let entry = expected.get(name);
        let query = entry
            .and_then(|e| e["query"].as_str())
            .unwrap_or("192.0.2.1");
        let address = query.parse::<IpAddr>().ok();
        // ASN queries are not IP lookups: they go through the bare client and parser.
        let query_text = query.split_whitespace().next().unwrap_or(query).to_owned();
        let got = replay(name, bytes, &query_text, |server| match address {
            Some(address) => {
                classify(lookup_ip(address, &config(server)).map(|lookup| lookup.record))
            }
            None => match whois::query(server, &query_text, &QueryOptions::default()) {
                Ok(reply) => match parse_ip(&reply.text) {
                    ParseOutcome::Parsed(record) => Got::Record(record),
                    ParseOutcome::NotFound(_) => Got::NotFound,
                    ParseOutcome::RateLimited(_) => Got::RateLimited,
                    ParseOutcome::Error(_) => Got::ServerError,
                },
                Err(error) => Got::Failed(error.to_string()),
            },
        });
        let got = match got {
            Ok(got) => got,
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        if let Got::Failed(message) = &got {
            problems.push(format!("{name}: {message}"));
        }
        let Some(entry) = entry else {
            problems.push(format!("{name}: no expectation"));
            continue;
        };
        let groups = [format!("rir {}", entry["rir"].as_str().unwrap_or("?"))];
        if !entry["error"].is_null() {
            tally.fact(&groups, name, "error", &entry["error"], &error_kind(&got));
            continue;
        }
        let values = match &got {
            Got::Record(record) => ip_values(record).to_vec(),
            other => vec![error_kind(other); IP_FACTS.len()],
        };
        for (fact, value) in IP_FACTS.iter().zip(&values) {
            // `cidr` and `owner` are facts only where the expectation states them.
            if entry.get(*fact).is_some() {
                tally.fact(&groups, name, fact, &entry[*fact], value);
            }
        }
    }
    tally.report(
        "IP replies (17 files, facts of ip_expected.json)",
        "IP",
        &problems,
    );
}
