//! What the parser extracts from a reply: [`DomainRecord`], [`IpRecord`] and the
//! [`ParseOutcome`] that wraps them.

use std::fmt;
use std::net::IpAddr;

use serde::{Serialize, Serializer};

/// A calendar date exactly as a reply wrote it: no time zone conversion is ever applied
/// (`2000-07-26T22:00:00Z` is 2000-07-26). Serialized and displayed as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// The date, or `None` when it does not exist (month 13, 30 February, year 0...).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Self> {
        let valid = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(Self { year, month, day })
    }

    /// The year (1 to 9999).
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month (1 to 12).
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month (1 to 31).
    pub fn day(self) -> u8 {
        self.day
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// The facts of a domain reply.
///
/// Values are as the reply wrote them (trimmed), except where a field says otherwise.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DomainRecord {
    /// `false` for "No match" / "NOT FOUND" / "Status: free" style replies.
    pub registered: bool,
    /// The domain name the reply is about, lower-cased; `None` when the reply does not
    /// echo it.
    pub domain: Option<String>,
    /// The registrar: a name, or a handle where the registry prints only a handle.
    pub registrar: Option<String>,
    /// Registration date.
    pub created: Option<Date>,
    /// Date of the last change of the record.
    pub updated: Option<Date>,
    /// Expiry date (or the registry's equivalent: paid-till, renewal date...).
    pub expires: Option<Date>,
    /// Name servers in reply order: lower-cased, without trailing dot or glue IPs,
    /// without duplicates.
    pub nameservers: Vec<String>,
    /// Status codes without the explanatory URL (`clientTransferProhibited`), in reply
    /// order, without duplicates.
    pub statuses: Vec<String>,
    /// The host of a `Registrar WHOIS Server:` / `Whois Server:` line, as written.
    pub referral_server: Option<String>,
    /// Contacts, where the reply publishes them.
    pub contacts: Contacts,
    /// The reply text the record was parsed from.
    pub raw: String,
}

/// The contacts of a domain, by role.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Contacts {
    /// The holder of the domain.
    pub registrant: Option<Contact>,
    /// The administrative contact.
    pub admin: Option<Contact>,
    /// The technical contact.
    pub tech: Option<Contact>,
    /// The billing contact.
    pub billing: Option<Contact>,
}

impl Contacts {
    /// `true` when no role has a contact.
    pub fn is_empty(&self) -> bool {
        self.registrant.is_none()
            && self.admin.is_none()
            && self.tech.is_none()
            && self.billing.is_none()
    }

    /// Fills every role that has no contact with the other record's contact.
    pub fn fill_missing_from(&mut self, other: &Contacts) {
        for (mine, theirs) in [
            (&mut self.registrant, &other.registrant),
            (&mut self.admin, &other.admin),
            (&mut self.tech, &other.tech),
            (&mut self.billing, &other.billing),
        ] {
            if mine.is_none() {
                mine.clone_from(theirs);
            }
        }
    }
}

/// One contact of a domain. Every field is as written in the reply.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Contact {
    /// The registry's handle or ID of the contact.
    pub id: Option<String>,
    /// Person or role name.
    pub name: Option<String>,
    /// Organization.
    pub organization: Option<String>,
    /// E-mail address (or the web form a registrar gives instead).
    pub email: Option<String>,
    /// Telephone number.
    pub phone: Option<String>,
    /// Street address lines.
    pub street: Vec<String>,
    /// City.
    pub city: Option<String>,
    /// State or province.
    pub state: Option<String>,
    /// Postal code.
    pub postal_code: Option<String>,
    /// Country name or code.
    pub country: Option<String>,
}

impl DomainRecord {
    /// Fills the fields this record lacks from another answer about the same domain,
    /// typically the registrar's answer after a thin registry's referral. Fields this
    /// record has are kept.
    pub fn fill_missing_from(&mut self, other: &DomainRecord) {
        fn fill<T: Clone>(mine: &mut Option<T>, theirs: &Option<T>) {
            if mine.is_none() {
                mine.clone_from(theirs);
            }
        }
        fill(&mut self.domain, &other.domain);
        fill(&mut self.registrar, &other.registrar);
        fill(&mut self.created, &other.created);
        fill(&mut self.updated, &other.updated);
        fill(&mut self.expires, &other.expires);
        if self.nameservers.is_empty() {
            self.nameservers.clone_from(&other.nameservers);
        }
        if self.statuses.is_empty() {
            self.statuses.clone_from(&other.statuses);
        }
        self.contacts.fill_missing_from(&other.contacts);
    }
}

/// The five Regional Internet Registries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Rir {
    /// AFRINIC (Africa).
    Afrinic,
    /// APNIC (Asia Pacific), including the national registries that mirror into it.
    Apnic,
    /// ARIN (North America).
    Arin,
    /// LACNIC (Latin America and the Caribbean).
    Lacnic,
    /// RIPE NCC (Europe, Middle East, Central Asia).
    Ripe,
}

/// The facts of an IP address reply. Text values are as written in the reply.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct IpRecord {
    /// The registry that answered.
    pub rir: Option<Rir>,
    /// The network's range as written: `a - b`, or CIDR notation (`200.57.128/19`).
    pub range: Option<String>,
    /// First address of the range.
    pub start: Option<IpAddr>,
    /// Last address of the range.
    pub end: Option<IpAddr>,
    /// CIDR blocks of the range: ARIN's `CIDR:` line as written, otherwise computed from
    /// the range (blocks joined with `, `).
    pub cidr: Option<String>,
    /// The network name (`NetName` / `netname`).
    pub netname: Option<String>,
    /// The organisation holding the range (ARIN `OrgName`/`CustName`, LACNIC `owner`,
    /// the `org-name` of the referenced organisation object, else the first `descr`).
    pub owner: Option<String>,
    /// Country code of the network (or of its organisation, for ARIN).
    pub country: Option<String>,
    /// ARIN's `ReferralServer:` as written (`whois://whois.ripe.net:43`).
    pub referral_server: Option<String>,
    /// The reply text the record was parsed from.
    pub raw: String,
}

/// What a reply amounts to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseOutcome<T> {
    /// The reply answers the query. For domains this includes "not registered" answers
    /// (`registered: false`).
    Parsed(T),
    /// The server holds no object for the query (IP and ASN replies such as RIPE's
    /// `%ERROR:101: no entries found`). Domain parsing never returns it: a free domain is
    /// an answer.
    NotFound(String),
    /// The server refused to answer because of its query limits; the text is its message.
    RateLimited(String),
    /// The server answered with an error or outage message, or with text that holds
    /// neither data nor a not-found message; the text says which.
    Error(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_validate_the_calendar() {
        assert!(Date::new(2000, 2, 29).is_some());
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::new(2019, 4, 31).is_none());
        assert!(Date::new(2019, 13, 1).is_none());
        assert!(Date::new(0, 1, 1).is_none());
        assert_eq!(Date::new(99, 1, 2).unwrap().to_string(), "0099-01-02");
    }

    #[test]
    fn filling_keeps_own_values() {
        let mut registry = DomainRecord {
            registrar: Some("Registry view".into()),
            ..DomainRecord::default()
        };
        let registrar = DomainRecord {
            registrar: Some("Registrar view".into()),
            created: Date::new(2001, 2, 3),
            contacts: Contacts {
                tech: Some(Contact {
                    name: Some("Tech".into()),
                    ..Contact::default()
                }),
                ..Contacts::default()
            },
            ..DomainRecord::default()
        };
        registry.fill_missing_from(&registrar);
        assert_eq!(registry.registrar.as_deref(), Some("Registry view"));
        assert_eq!(registry.created, Date::new(2001, 2, 3));
        assert!(registry.contacts.tech.is_some());
    }
}
