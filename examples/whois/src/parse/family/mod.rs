//! The layout families of domain replies. Each family turns a reply into
//! `(scope, key, value)` facts for the [`Builder`]; what a key means is decided once, in
//! [`super::keys`].

mod blocks;
mod brackets;
mod flat;
mod sections;

use super::builder::Builder;
use super::keys::{known_heading, normalise};
use super::lex::{Kind, Line, lex};

/// How a domain reply is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Family {
    /// One `Key: Value` per line, contact roles in the key (`Registrant Email`): the ICANN
    /// layout of gTLD registries, registrars and thin registries, and of ccTLDs that
    /// adopted it (.au, .cn, .co, .us, .ca since 2017...).
    Flat,
    /// Labels whose values are indented or listed below them, and key-value lines under
    /// section headings (.uk, .be, .eu, .nl, .it, .ch, .pl, .es, .hk, .sg, .kr, .tw, .tr,
    /// .mx, .dk, .no, .nz, .edu...).
    Sections,
    /// RPSL-style objects separated by blank lines, contacts linked by handle (.fr, .de,
    /// .br, .ru, .at, .ie, .cz, .se, .ua, IANA).
    Blocks,
    /// JPRS `[Key] value` lines (.jp).
    Brackets,
}

impl Family {
    /// A short lower-case name.
    pub fn name(self) -> &'static str {
        match self {
            Self::Flat => "flat",
            Self::Sections => "sections",
            Self::Blocks => "blocks",
            Self::Brackets => "brackets",
        }
    }
}

/// Keys of the ICANN layout; three distinct ones make a reply [`Family::Flat`], unless it
/// has sections.
const FLAT_MARKERS: &[&str] = &[
    "registry domain id",
    "registrar whois server",
    "registrar iana id",
    "sponsoring registrar iana id",
    "registry expiry date",
    "registrar registration expiration date",
    "registry registrant id",
    "registrar abuse contact email",
    "registrar url",
    "sponsoring registrar",
    "registrar name",
    "referral url",
    "whois server",
    "domain id",
    "roid",
    "domain status",
    "name server",
    "dnssec",
    "creation date",
    "updated date",
    "registration time",
    "expiration time",
];

/// Keys of RPSL objects; one of them next to a `domain:` key makes a reply
/// [`Family::Blocks`].
const BLOCK_MARKERS: &[&str] = &[
    "nserver",
    "nic-hdl",
    "nic-hdl-br",
    "admin-c",
    "tech-c",
    "holder-c",
    "source",
    "contact-id",
    "nsset",
    "paid-till",
];

/// The family of a reply, judged from its content alone.
pub fn detect_family(text: &str) -> Family {
    detect(text, &lex(text))
}

pub(crate) fn detect(text: &str, lines: &[Line<'_>]) -> Family {
    if brackets::count_lines(text) >= 3 {
        return Family::Brackets;
    }
    let mut keys: Vec<String> = lines
        .iter()
        .filter_map(|line| match line.kind {
            Kind::Pair { key, .. } => Some(normalise(key)),
            _ => None,
        })
        .collect();
    keys.sort_unstable();
    keys.dedup();
    let has = |wanted: &str| {
        keys.binary_search_by(|key| key.as_str().cmp(wanted))
            .is_ok()
    };
    if has("domain") && BLOCK_MARKERS.iter().any(|key| has(key)) {
        Family::Blocks
    } else if FLAT_MARKERS.iter().filter(|key| has(key)).count() >= 3 && !has_sections(lines) {
        Family::Flat
    } else {
        Family::Sections
    }
}

/// Whether a known heading (`Name servers:`, `Registrar:`, a contact role) has lines
/// indented below it: ICANN-like labels in a sectioned layout (.ca before 2017).
fn has_sections(lines: &[Line<'_>]) -> bool {
    lines.windows(2).any(|pair| {
        let heading = match pair[0].kind {
            Kind::Pair { key, value: "" } => key,
            Kind::Text(text) => text,
            _ => return false,
        };
        let deeper = pair[1].indent > pair[0].indent
            && matches!(pair[1].kind, Kind::Pair { .. } | Kind::Text(_));
        deeper && known_heading(&normalise(heading)).is_some()
    })
}

/// Reports the facts of a reply of `family` to `builder`.
pub(crate) fn collect(family: Family, text: &str, lines: &[Line<'_>], builder: &mut Builder) {
    match family {
        Family::Flat => flat::collect(lines, builder),
        Family::Sections => sections::collect(lines, builder),
        Family::Blocks => blocks::collect(lines, builder),
        Family::Brackets => brackets::collect(text, builder),
    }
}
