//! Replies that carry no record: refusals (rate limits, outages) and "not found"
//! messages. The parser consults these only when a reply yields no registration data,
//! so legal boilerplate in a real record can never turn it into a refusal.

use super::host;

/// Phrases of rate-limit replies (matched on lower-cased lines).
const RATE_LIMITED: &[&str] = &[
    "too many requests",
    "limit exceeded",
    "exceeded your quota",
    "quota exceeded",
    "has been exceeded",
    "access control limit",
    "request per second",
    "requests per second",
    "queried interval is too short",
    "still in grace period",
    "try again later",
    "please slow down",
    "connection limit",
    "query limit",
    "queries exceeded",
    "too many connections",
    "connection denied",
];

/// Phrases of error and outage replies.
const FAILED: &[&str] = &[
    "currently down",
    "currently unavailable",
    "temporarily unavailable",
    "service unavailable",
    "access denied",
    "not authorized to query",
    "internal error",
    "internal server error",
    "malformed request",
    "invalid query",
    "invalid request",
];

/// Phrases of "no such object" replies.
const NOT_FOUND: &[&str] = &[
    "no match",
    "not found",
    "no entries found",
    "no data found",
    "no matching record",
    "no object found",
    "is free",
    "is not registered",
    "has not been registered",
    "no information available about domain name",
    "do not have an entry in our database",
    "does not exist",
    "nothing found",
    "no such domain",
    "available for registration",
];

/// Status values that mean "not registered" (`Status: free`, `Status: AVAILABLE`).
const AVAILABLE_STATUSES: &[&str] = &["free", "available", "not registered", "no object found"];

/// Why a server did not answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// The server's query limits; its message.
    RateLimited(String),
    /// An error or outage; its message.
    Failed(String),
}

/// The refusal a reply expresses, if any: rate limits first, then errors.
pub(crate) fn refusal(text: &str) -> Option<Refusal> {
    find_line(text, RATE_LIMITED)
        .map(Refusal::RateLimited)
        .or_else(|| find_line(text, FAILED).map(Refusal::Failed))
}

/// A "not found" message: the line (cleaned) and the domain it names, if any.
pub(crate) fn not_found(text: &str) -> Option<(String, Option<String>)> {
    let line = find_line(text, NOT_FOUND)?;
    let domain = line
        .split_whitespace()
        .find_map(|word| host::domain_name(word.trim_end_matches(['.', ',', ':', '!'])));
    Some((line, domain))
}

/// Whether a status value means the domain is not registered.
pub(crate) fn is_available_status(status: &str) -> bool {
    AVAILABLE_STATUSES
        .iter()
        .any(|available| status.eq_ignore_ascii_case(available))
}

/// The first line holding one of `phrases`, without comment marks and decoration.
fn find_line(text: &str, phrases: &[&str]) -> Option<String> {
    text.lines()
        .find(|line| {
            let lower = line.to_lowercase();
            phrases.iter().any(|phrase| lower.contains(phrase))
        })
        .map(|line| {
            line.trim_matches(|c: char| c.is_whitespace() || matches!(c, '%' | '#' | '*'))
                .to_owned()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_are_recognised() {
        assert_eq!(
            refusal("WHOIS LIMIT EXCEEDED - SEE WWW.PIR.ORG/WHOIS FOR DETAILS\n"),
            Some(Refusal::RateLimited(
                "WHOIS LIMIT EXCEEDED - SEE WWW.PIR.ORG/WHOIS FOR DETAILS".into()
            ))
        );
        assert_eq!(
            refusal("*\n* Sorry, the Whois database is currently down.\n"),
            Some(Refusal::Failed(
                "Sorry, the Whois database is currently down.".into()
            ))
        );
        assert_eq!(refusal("Domain Name: EXAMPLE.COM\n"), None);
    }

    #[test]
    fn not_found_names_the_echoed_domain() {
        let (line, domain) = not_found("\nNo match for \"U34JEDZCQ.CC\".\n").unwrap();
        assert_eq!(line, "No match for \"U34JEDZCQ.CC\".");
        assert_eq!(domain.as_deref(), Some("u34jedzcq.cc"));
        let (_, domain) = not_found("NOT FOUND\n").unwrap();
        assert_eq!(domain, None);
        assert!(not_found("Domain Name: EXAMPLE.COM\n").is_none());
    }

    #[test]
    fn availability_statuses() {
        assert!(is_available_status("AVAILABLE"));
        assert!(is_available_status("free"));
        assert!(!is_available_status("NOT AVAILABLE"));
    }
}
