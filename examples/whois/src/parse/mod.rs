//! Turning reply text into facts.
//!
//! A reply is split into classified lines ([`lex`]), its layout [`Family`] is detected
//! from its content, the family's parser reports `(scope, key, value)` facts, the shared
//! key table ([`keys`]) says what each key means, and the [`builder`] normalises values
//! (dates, host names, statuses) into a [`DomainRecord`]. Only when a reply yields no
//! registration data is it checked for refusals and not-found messages ([`verdict`]), so
//! boilerplate in a real record is never mistaken for either. Nothing here panics,
//! whatever the input.

mod builder;
mod cidr;
mod date;
mod family;
mod host;
mod ip;
mod keys;
mod lex;
mod verdict;

pub use date::{DateOrder, parse_date};
pub use family::{Family, detect_family};
pub use ip::parse_ip;

use crate::record::{DomainRecord, ParseOutcome};
use builder::Builder;
use verdict::Refusal;

/// How much of a reply an "unrecognised reply" error quotes.
const QUOTE_CHARS: usize = 200;

/// Parses the reply to a domain query.
///
/// A not-registered answer is [`ParseOutcome::Parsed`] with `registered: false` (and
/// the domain, when the reply echoes it); rate-limit replies are
/// [`ParseOutcome::RateLimited`]; outage and error replies, and text with neither data
/// nor a not-found message, are [`ParseOutcome::Error`].
pub fn parse_domain(text: &str) -> ParseOutcome<DomainRecord> {
    let lines = lex::lex(text);
    let family = family::detect(text, &lines);
    let mut builder = Builder::new(DateOrder::of_reply(text));
    family::collect(family, text, &lines, &mut builder);
    let mut record = builder.finish(text);
    let available = record
        .statuses
        .iter()
        .any(|status| verdict::is_available_status(status));
    if !available && has_registration_data(&record) {
        record.registered = true;
        return ParseOutcome::Parsed(record);
    }
    if !available {
        match verdict::refusal(text) {
            Some(Refusal::RateLimited(message)) => return ParseOutcome::RateLimited(message),
            Some(Refusal::Failed(message)) => return ParseOutcome::Error(message),
            None => {}
        }
    }
    let not_found = verdict::not_found(text);
    if available || not_found.is_some() {
        if record.domain.is_none() {
            record.domain = not_found.and_then(|(_, domain)| domain);
        }
        return ParseOutcome::Parsed(record);
    }
    ParseOutcome::Error(unrecognised(text))
}

fn has_registration_data(record: &DomainRecord) -> bool {
    record.registrar.is_some()
        || record.created.is_some()
        || record.updated.is_some()
        || record.expires.is_some()
        || !record.nameservers.is_empty()
        || !record.statuses.is_empty()
        || !record.contacts.is_empty()
}

fn unrecognised(text: &str) -> String {
    let first_line = text
        .lines()
        .map(|line| line.trim_matches(|c: char| c.is_whitespace() || matches!(c, '%' | '#' | '*')))
        .find(|line| !line.is_empty());
    match first_line {
        None => "the reply is empty".to_owned(),
        Some(line) => {
            let quoted: String = line.chars().take(QUOTE_CHARS).collect();
            format!("the reply holds neither registration data nor a not-found message: '{quoted}'")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boilerplate_does_not_refuse_a_record() {
        let reply = "Domain Name: EXAMPLE.XYZ\nCreation Date: 2014-03-20T12:59:17.0Z\n\n\
                     Access to the whois service is rate limited. Too many requests get you banned.\n";
        let ParseOutcome::Parsed(record) = parse_domain(reply) else {
            panic!("not parsed");
        };
        assert!(record.registered);
        assert_eq!(record.domain.as_deref(), Some("example.xyz"));
    }

    #[test]
    fn a_refusal_wins_over_its_not_found_line() {
        let reply = "%% Too many requests...\n%%\n\n%% No entries found in the AFNIC Database.\n";
        assert_eq!(
            parse_domain(reply),
            ParseOutcome::RateLimited("Too many requests...".into())
        );
    }

    #[test]
    fn empty_and_strange_replies_are_errors() {
        assert_eq!(
            parse_domain(""),
            ParseOutcome::Error("the reply is empty".into())
        );
        assert!(
            matches!(parse_domain("hello\n"), ParseOutcome::Error(message) if message.contains("hello"))
        );
    }
}
