//! Host names, domain names and status codes as they appear in values.

use std::net::IpAddr;

/// The first word of `value` as a lower-case domain name without trailing dot, if it is
/// one (at least two labels of letters, digits, `-` or `_`; not an IP address). Used for
/// domain and name server values alike: `NS1.GOOGLE.COM.` and
/// `ns.example.int 192.0.2.1` (glue address) give `ns1.google.com` and `ns.example.int`.
pub(crate) fn domain_name(value: &str) -> Option<String> {
    let word = value.split_whitespace().next()?;
    let word = word.trim_matches(|c: char| {
        matches!(
            c,
            '"' | '\'' | '(' | ')' | '[' | ']' | '<' | '>' | ',' | ';'
        )
    });
    let word = word.strip_suffix('.').unwrap_or(word).to_lowercase();
    looks_like_domain(&word).then_some(word)
}

/// Whether `text` (lower case, no trailing dot) has the shape of a domain name.
pub(crate) fn looks_like_domain(text: &str) -> bool {
    if text.len() > 253 || text.parse::<IpAddr>().is_ok() {
        return false;
    }
    let labels: Vec<&str> = text.split('.').collect();
    let well_formed = labels.iter().all(|label| {
        !label.is_empty()
            && label.chars().count() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_'))
    });
    let top = labels.last().copied().unwrap_or_default();
    let top_is_name = top.starts_with("xn--") || top.chars().all(char::is_alphabetic);
    labels.len() >= 2 && well_formed && top_is_name
}

/// A status value without the explanatory URL that ICANN formats append:
/// `clientHold https://icann.org/epp#clientHold` and
/// `clientHold (https://www.icann.org/epp#clientHold)` become `clientHold`.
pub(crate) fn status(value: &str) -> Option<String> {
    let words: Vec<&str> = value
        .split_whitespace()
        .filter(|word| {
            let bare = word.trim_start_matches('(');
            !(bare.starts_with("http://") || bare.starts_with("https://"))
        })
        .collect();
    let status = words.join(" ");
    (!status.is_empty()).then_some(status)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_names_are_normalised() {
        assert_eq!(
            domain_name("NS1.GOOGLE.COM.").as_deref(),
            Some("ns1.google.com")
        );
        assert_eq!(
            domain_name("NS.NAMSA.NATO.INT 193.168.11.15 193.168.15.15").as_deref(),
            Some("ns.namsa.nato.int")
        );
        assert_eq!(
            domain_name("ns-1484.awsdns-57.org   ").as_deref(),
            Some("ns-1484.awsdns-57.org")
        );
        assert_eq!(domain_name("216.239.32.10"), None);
        assert_eq!(domain_name("NSGO26H-NORID"), None);
        assert_eq!(domain_name("Please visit www.eurid.eu"), None);
        assert_eq!(domain_name(""), None);
    }

    #[test]
    fn statuses_lose_their_urls() {
        assert_eq!(
            status("clientDeleteProhibited https://icann.org/epp#clientDeleteProhibited")
                .as_deref(),
            Some("clientDeleteProhibited")
        );
        assert_eq!(
            status("clientUpdateProhibited (https://www.icann.org/epp#clientUpdateProhibited)")
                .as_deref(),
            Some("clientUpdateProhibited")
        );
        assert_eq!(status("NOT AVAILABLE").as_deref(), Some("NOT AVAILABLE"));
        assert_eq!(status("  "), None);
    }
}
