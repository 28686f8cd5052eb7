//! The WHOIS reply parsers of the example connector (`whois::parse_*`).

use whois::{DateOrder, ParseOutcome, decode, detect_family, parse_date, parse_domain, parse_ip};

/// The input as the bytes of a WHOIS reply: decoded as the client does, parsed as a domain
/// reply and as an IP reply (each record must serialize), and its first line as a date.
pub(crate) fn run(bytes: &[u8]) {
    let (text, _) = decode(bytes);
    let _ = detect_family(&text);
    if let ParseOutcome::Parsed(record) = parse_domain(&text) {
        serde_json::to_string(&record).expect("a domain record serializes");
    }
    if let ParseOutcome::Parsed(record) = parse_ip(&text) {
        serde_json::to_string(&record).expect("an IP record serializes");
    }
    // The builder parses every date of a reply; the first line alone is parsed in both
    // orders here, since the date parser is public.
    let first = text.lines().next().unwrap_or_default();
    for order in [DateOrder::DayFirst, DateOrder::MonthFirst] {
        let _ = parse_date(first, order);
    }
}
