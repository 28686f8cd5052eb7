//! What the WHOIS actions return: the library's records as action outputs (their data paths
//! and columns are the app JSON's), and the summaries.

use serde::{Deserialize, Serialize};
use soar_runtime::ActionOutput;

use crate::{Contact, Contacts, DomainLookup, DomainRecord, IpLookup, ServerAddr};

/// The registration record of a domain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ActionOutput)]
pub struct DomainOutput {
    /// The domain, as queried.
    #[output(contains = ["domain"], column = "Domain", example = "amazon.com")]
    pub domain: String,
    /// Whether the domain is registered.
    #[output(column = "Registered")]
    pub registered: bool,
    /// The registrar.
    #[output(column = "Registrar", example = "MarkMonitor, Inc.")]
    pub registrar: Option<String>,
    /// Registration date, `YYYY-MM-DD`.
    #[output(column = "Created", example = "1994-11-01")]
    pub created: Option<String>,
    /// Last change, `YYYY-MM-DD`.
    pub updated: Option<String>,
    /// Expiry date, `YYYY-MM-DD`.
    #[output(column = "Expires", example = "2026-10-31")]
    pub expires: Option<String>,
    /// Name servers.
    #[output(contains = ["host name"], example = "ns1.p31.dynect.net")]
    pub nameservers: Vec<String>,
    /// Status codes.
    #[output(example = "clientTransferProhibited")]
    pub statuses: Vec<String>,
    /// Contacts by role.
    pub contacts: ContactsOutput,
    /// The server that answered first (the registry).
    #[output(contains = ["host name"], example = "whois.verisign-grs.com:43")]
    pub server: String,
    /// The registrar's server the registry names (`Registrar WHOIS Server`), whether or not it
    /// answered: the message notes a referral that failed.
    #[output(contains = ["host name"])]
    pub referral_server: Option<String>,
    /// The registry's reply text.
    pub raw: String,
}

/// The contacts of a domain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ActionOutput)]
pub struct ContactsOutput {
    /// The registrant.
    pub registrant: Option<ContactOutput>,
    /// The administrative contact.
    pub admin: Option<ContactOutput>,
    /// The technical contact.
    pub tech: Option<ContactOutput>,
    /// The billing contact.
    pub billing: Option<ContactOutput>,
}

/// One contact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ActionOutput)]
pub struct ContactOutput {
    /// Person or role name.
    pub name: Option<String>,
    /// Organization.
    pub organization: Option<String>,
    /// E-mail address.
    #[output(contains = ["email"])]
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

/// The summary of a domain lookup.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ActionOutput)]
pub struct DomainSummary {
    /// The registrar, if any.
    pub registrar: Option<String>,
    /// The registrant's organization, if published.
    pub organization: Option<String>,
}

impl DomainOutput {
    /// The output of a lookup: the registry's record, completed from the registrar's.
    pub fn from_lookup(lookup: &DomainLookup) -> Self {
        let record: &DomainRecord = &lookup.record;
        let date = |date: Option<crate::Date>| date.map(|date| date.to_string());
        Self {
            domain: record
                .domain
                .clone()
                .unwrap_or_else(|| lookup.query.clone()),
            registered: record.registered,
            registrar: record.registrar.clone(),
            created: date(record.created),
            updated: date(record.updated),
            expires: date(record.expires),
            nameservers: record.nameservers.clone(),
            statuses: record.statuses.clone(),
            contacts: ContactsOutput::from(&record.contacts),
            server: lookup.server.to_string(),
            referral_server: named_server(record.referral_server.as_deref()),
            raw: record.raw.clone(),
        }
    }
}

/// The server a reply refers to, as the output shows it: `host:port` when it is a WHOIS server
/// address (as the `server` field), else as the reply wrote it (`rwhois://...`).
fn named_server(referral: Option<&str>) -> Option<String> {
    let referral = referral?;
    Some(
        ServerAddr::parse(referral)
            .map_or_else(|_| referral.to_owned(), |server| server.to_string()),
    )
}

impl From<&Contacts> for ContactsOutput {
    fn from(contacts: &Contacts) -> Self {
        let contact = |contact: &Option<Contact>| contact.as_ref().map(ContactOutput::from);
        Self {
            registrant: contact(&contacts.registrant),
            admin: contact(&contacts.admin),
            tech: contact(&contacts.tech),
            billing: contact(&contacts.billing),
        }
    }
}

impl From<&Contact> for ContactOutput {
    fn from(contact: &Contact) -> Self {
        Self {
            name: contact.name.clone(),
            organization: contact.organization.clone(),
            email: contact.email.clone(),
            phone: contact.phone.clone(),
            street: contact.street.clone(),
            city: contact.city.clone(),
            state: contact.state.clone(),
            postal_code: contact.postal_code.clone(),
            country: contact.country.clone(),
        }
    }
}

impl DomainSummary {
    /// The summary of a domain's output.
    pub fn of(output: &DomainOutput) -> Self {
        Self {
            registrar: output.registrar.clone(),
            organization: output
                .contacts
                .registrant
                .as_ref()
                .and_then(|registrant| registrant.organization.clone()),
        }
    }
}

/// The registration record of an IP address's network.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ActionOutput)]
pub struct IpOutput {
    /// The address, as queried.
    #[output(contains = ["ip", "ipv6"], column = "IP", example = "8.8.8.8")]
    pub ip: String,
    /// The regional registry that describes the network (`arin`, `ripe`, ...).
    #[output(column = "Registry", example = "arin")]
    pub registry: Option<String>,
    /// The network's range as written.
    #[output(column = "Range", example = "8.8.8.0 - 8.8.8.255")]
    pub range: Option<String>,
    /// CIDR blocks of the range.
    #[output(example = "8.8.8.0/24")]
    pub cidr: Option<String>,
    /// The network name.
    #[output(column = "Network", example = "GOGL")]
    pub netname: Option<String>,
    /// The organisation holding the range.
    #[output(column = "Owner", example = "Google LLC")]
    pub owner: Option<String>,
    /// Country code.
    #[output(column = "Country", example = "US")]
    pub country: Option<String>,
    /// The server that answered first.
    #[output(contains = ["host name"], example = "whois.arin.net:43")]
    pub server: String,
    /// The registry the first server refers to (`ReferralServer`), whether or not it answered:
    /// the message notes a referral that failed.
    #[output(contains = ["host name"])]
    pub referral_server: Option<String>,
    /// The most specific reply text.
    pub raw: String,
}

/// The summary of an IP lookup.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ActionOutput)]
pub struct IpSummary {
    /// The organisation holding the range, if known.
    pub owner: Option<String>,
    /// Its country code, if known.
    pub country: Option<String>,
}

impl IpOutput {
    /// The output of a lookup: the most specific registry's record.
    pub fn from_lookup(lookup: &IpLookup) -> Self {
        let record = lookup.most_specific();
        Self {
            ip: lookup.query.to_string(),
            registry: record
                .rir
                .and_then(|rir| serde_json::to_value(rir).ok())
                .and_then(|rir| rir.as_str().map(str::to_owned)),
            range: record.range.clone(),
            cidr: record.cidr.clone(),
            netname: record.netname.clone(),
            owner: record.owner.clone(),
            country: record.country.clone(),
            server: lookup.server.to_string(),
            referral_server: named_server(lookup.record.referral_server.as_deref()),
            raw: record.raw.clone(),
        }
    }
}

impl IpSummary {
    /// The summary of an address's output.
    pub fn of(output: &IpOutput) -> Self {
        Self {
            owner: output.owner.clone(),
            country: output.country.clone(),
        }
    }
}
