//! IP address replies: ARIN's `NetRange:` layout and the RPSL `inetnum:` layout of
//! RIPE, APNIC, AFRINIC and LACNIC.

use super::cidr;
use super::lex::{Object, lex, objects};
use super::verdict::{self, Refusal};
use crate::record::{IpRecord, ParseOutcome, Rir};

/// Parses the reply to an IP (or ASN) query.
///
/// ARIN lists the less specific network first, so its last `NetRange` is taken; the
/// RPSL registries list the object that matches first, so their first `inetnum` /
/// `inet6num` is. A reply without a network (ASN route objects) is still an answer;
/// `no entries found` is [`ParseOutcome::NotFound`].
pub fn parse_ip(text: &str) -> ParseOutcome<IpRecord> {
    let lines = lex(text);
    let objects = objects(&lines);
    let is_arin = objects
        .iter()
        .any(|object| object.get("netrange").is_some() || object.get("cidr").is_some());
    let mut record = if is_arin {
        arin(&objects)
    } else {
        rpsl(&objects)
    };
    record.rir = record.rir.or_else(|| rir_in_text(text));
    if let Some((start, end)) = record.range.as_deref().and_then(cidr::bounds) {
        record.start = Some(start);
        record.end = Some(end);
        if record.cidr.is_none() {
            record.cidr = Some(cidr::blocks(start, end).join(", "));
        }
    }
    record.raw = text.to_owned();
    if record.range.is_some() || record.netname.is_some() {
        return ParseOutcome::Parsed(record);
    }
    match verdict::refusal(text) {
        Some(Refusal::RateLimited(message)) => return ParseOutcome::RateLimited(message),
        Some(Refusal::Failed(message)) => return ParseOutcome::Error(message),
        None => {}
    }
    match verdict::not_found(text) {
        Some((message, _)) => ParseOutcome::NotFound(message),
        None => ParseOutcome::Parsed(record),
    }
}

fn arin(objects: &[Object<'_>]) -> IpRecord {
    let chosen = objects
        .iter()
        .rposition(|object| object.get("netrange").is_some())
        .unwrap_or_default();
    let after = objects.get(chosen..).unwrap_or_default();
    let net = after.first();
    let field = |key: &str| net.and_then(|net| net.get(key)).map(str::to_owned);
    let first_after = |keys: &[&str]| {
        after
            .iter()
            .find_map(|object| keys.iter().find_map(|key| object.get(key)))
            .map(str::to_owned)
    };
    let organization = field("organization").map(|org| match org.rsplit_once(" (") {
        Some((name, _handle)) => name.to_owned(),
        None => org,
    });
    IpRecord {
        rir: Some(Rir::Arin),
        range: field("netrange"),
        cidr: field("cidr"),
        netname: field("netname"),
        owner: first_after(&["orgname", "custname"]).or(organization),
        country: first_after(&["country"]),
        referral_server: objects
            .iter()
            .find_map(|object| object.get("referralserver"))
            .map(str::to_owned),
        ..IpRecord::default()
    }
}

fn rpsl(objects: &[Object<'_>]) -> IpRecord {
    let net = objects
        .iter()
        .find(|object| matches!(object.first_key().as_deref(), Some("inetnum" | "inet6num")));
    let source = net
        .and_then(|net| net.get("source"))
        .or_else(|| objects.iter().find_map(|object| object.get("source")));
    let Some(net) = net else {
        return IpRecord {
            rir: source.and_then(rir_of_source),
            ..IpRecord::default()
        };
    };
    let organisation = net.get("org").and_then(|handle| {
        objects
            .iter()
            .find(|object| {
                object
                    .get("organisation")
                    .is_some_and(|own| own.eq_ignore_ascii_case(handle))
            })
            .and_then(|object| object.get("org-name"))
    });
    let owner = net
        .get("owner")
        .or(organisation)
        .or_else(|| net.get("descr"));
    IpRecord {
        rir: source.and_then(rir_of_source),
        range: net.pairs.first().map(|(_, range)| (*range).to_owned()),
        netname: net.get("netname").map(str::to_owned),
        owner: owner.map(str::to_owned),
        country: net.get("country").map(str::to_owned),
        ..IpRecord::default()
    }
}

/// The registry behind a `source:` value (`RIPE # Filtered`, `KRNIC`, `AfriNIC`).
fn rir_of_source(source: &str) -> Option<Rir> {
    let name = source.split_whitespace().next()?.to_ascii_uppercase();
    match name.as_str() {
        "RIPE" => Some(Rir::Ripe),
        "AFRINIC" => Some(Rir::Afrinic),
        "APNIC" | "JPNIC" | "KRNIC" | "TWNIC" | "CNNIC" | "IDNIC" | "IRINN" | "VNNIC" => {
            Some(Rir::Apnic)
        }
        "LACNIC" => Some(Rir::Lacnic),
        "ARIN" => Some(Rir::Arin),
        _ => None,
    }
}

/// The registry a reply names in its banners, for replies without `source:` (LACNIC).
fn rir_in_text(text: &str) -> Option<Rir> {
    let lower = text.to_lowercase();
    [
        ("lacnic", Rir::Lacnic),
        ("afrinic", Rir::Afrinic),
        ("apnic", Rir::Apnic),
        ("ripe", Rir::Ripe),
        ("arin", Rir::Arin),
    ]
    .into_iter()
    .find_map(|(name, rir)| lower.contains(name).then_some(rir))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arin_takes_the_most_specific_network() {
        let reply = "NetRange: 8.0.0.0 - 8.127.255.255\nCIDR: 8.0.0.0/9\nNetName: LVLT-ORG-8-8\n\n\
                     OrgName: Level 3 Parent, LLC\nCountry: US\n\n\
                     NetRange: 8.8.8.0 - 8.8.8.255\nCIDR: 8.8.8.0/24\nNetName: GOGL\n\n\
                     OrgName: Google LLC\nCountry: US\n";
        let ParseOutcome::Parsed(record) = parse_ip(reply) else {
            panic!("not parsed");
        };
        assert_eq!(record.netname.as_deref(), Some("GOGL"));
        assert_eq!(record.owner.as_deref(), Some("Google LLC"));
        assert_eq!(record.cidr.as_deref(), Some("8.8.8.0/24"));
        assert_eq!(record.rir, Some(Rir::Arin));
    }

    #[test]
    fn no_entries_is_not_found() {
        let reply = "% This is the RIPE Database query service.\n\n%ERROR:101: no entries found\n";
        assert_eq!(
            parse_ip(reply),
            ParseOutcome::NotFound("ERROR:101: no entries found".into())
        );
    }
}
