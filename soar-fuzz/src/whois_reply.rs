//! The WHOIS reply parsers of the example connector (`whois::parse_*`).

use whois::{DateOrder, ParseOutcome, decode, detect_family, parse_date, parse_domain, parse_ip};

/// The first byte says which parser (even: the domain parser, odd: the IP parser; one each,
/// which halves the cost of an input: the parsers are heavy on string comparisons, which
/// libFuzzer traces); the rest is the bytes of a reply, decoded as the client does. A parsed
/// record must serialize. The first line is parsed as a date in both orders too, since the
/// date parser is public.
pub(crate) fn run(bytes: &[u8]) {
    let Some((selector, reply)) = bytes.split_first() else {
        return;
    };
    let (text, _) = decode(reply);
    if selector % 2 == 0 {
        let _ = detect_family(&text);
        if let ParseOutcome::Parsed(record) = parse_domain(&text) {
            serde_json::to_string(&record).expect("a domain record serializes");
        }
    } else if let ParseOutcome::Parsed(record) = parse_ip(&text) {
        serde_json::to_string(&record).expect("an IP record serializes");
    }
    let first = text.lines().next().unwrap_or_default();
    for order in [DateOrder::DayFirst, DateOrder::MonthFirst] {
        let _ = parse_date(first, order);
    }
}
