//! The shared key table: which label, in which part of a reply, holds which fact.
//!
//! Every family parser reports `(scope, key, value)`; this module alone decides what a
//! key means, so a label is taught once for all formats.

/// A contact role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Registrant,
    Admin,
    Tech,
    Billing,
}

/// The part of a reply a key was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    /// The domain's own data (top level, or a heading such as `Relevant dates:`).
    Domain,
    /// A registrar section.
    Registrar,
    /// A name server list.
    Hosts,
    /// A contact section.
    Contact(Role),
    /// A section that holds nothing we extract.
    Other,
}

/// A field of a contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ContactField {
    Id,
    Name,
    Organization,
    Email,
    Phone,
    Street,
    City,
    State,
    PostalCode,
    Country,
}

/// A fact of a domain record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    Domain,
    Registrar,
    Created,
    Updated,
    Expires,
    NameServer,
    Status,
    Referral,
    Contact(Role, ContactField),
}

/// A field and its rank: when a record has several candidates for a field, the lowest
/// rank wins, and the first among equals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Mapped {
    pub field: Field,
    pub rank: u8,
}

/// Lower case, `_` as space, single spaces, without parenthesised remarks (`(s)` kept as
/// `s`), trailing dots or a trailing number: `Name Server 1` and `ns_name_01` become
/// `name server` and `ns name`.
pub(crate) fn normalise(key: &str) -> String {
    let key = key.to_lowercase().replace("(s)", "s").replace('_', " ");
    let mut bare = String::with_capacity(key.len());
    let mut depth = 0_usize;
    for c in key.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => bare.push(c),
            _ => {}
        }
    }
    let bare = bare.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.' || c.is_whitespace());
    bare.split_whitespace().collect::<Vec<_>>().join(" ")
}

use ContactField as C;
use Field as F;

/// Keys of the domain's own data. Rank 1 entries lose to rank 0 ones.
const DOMAIN_KEYS: &[(&str, Field, u8)] = &[
    ("domain name", F::Domain, 0),
    ("domain", F::Domain, 0),
    ("domainname", F::Domain, 0),
    ("nombre de dominio", F::Domain, 0),
    ("registrar", F::Registrar, 0),
    ("sponsoring registrar", F::Registrar, 0),
    ("registrar name", F::Registrar, 0),
    ("sponsoring registrar organization", F::Registrar, 0),
    ("authorized agency", F::Registrar, 0),
    ("registrar handle", F::Registrar, 1),
    ("registration service provider", F::Registrar, 1),
    ("creation date", F::Created, 0),
    ("created", F::Created, 0),
    ("created on", F::Created, 0),
    ("created date", F::Created, 0),
    ("registered", F::Created, 0),
    ("registered on", F::Created, 0),
    ("registered date", F::Created, 0),
    ("registration date", F::Created, 0),
    ("registration time", F::Created, 0),
    ("registration", F::Created, 0),
    ("domain create date", F::Created, 0),
    ("domain registration date", F::Created, 0),
    ("domain name commencement date", F::Created, 0),
    ("domain record activated", F::Created, 0),
    ("record created", F::Created, 0),
    ("date registered", F::Created, 0),
    ("first registration date", F::Created, 0),
    ("domain dateregistered", F::Created, 0),
    ("fecha de creacion", F::Created, 0),
    ("updated date", F::Updated, 0),
    ("update date", F::Updated, 0),
    ("updated", F::Updated, 0),
    ("last updated", F::Updated, 0),
    ("last updated on", F::Updated, 0),
    ("last updated date", F::Updated, 0),
    ("last update", F::Updated, 0),
    ("last-update", F::Updated, 0),
    ("last modified", F::Updated, 0),
    ("last-modified", F::Updated, 0),
    ("modified", F::Updated, 0),
    ("modified date", F::Updated, 0),
    ("changed", F::Updated, 0),
    ("domain last updated date", F::Updated, 0),
    ("domain record last updated", F::Updated, 0),
    ("record last updated", F::Updated, 0),
    ("domain datelastmodified", F::Updated, 0),
    ("ultima actualizacion", F::Updated, 0),
    ("registry expiry date", F::Expires, 0),
    ("expiration date", F::Expires, 0),
    ("expiry date", F::Expires, 0),
    ("expiry", F::Expires, 0),
    ("expires", F::Expires, 0),
    ("expires on", F::Expires, 0),
    ("expire", F::Expires, 0),
    ("expire date", F::Expires, 0),
    ("expiration time", F::Expires, 0),
    ("domain expiration date", F::Expires, 0),
    ("domain expires", F::Expires, 0),
    ("record expires", F::Expires, 0),
    ("paid-till", F::Expires, 0),
    ("renewal date", F::Expires, 0),
    ("renewal", F::Expires, 0),
    ("domain datebilleduntil", F::Expires, 0),
    ("fecha de vencimiento", F::Expires, 0),
    ("registrar registration expiration date", F::Expires, 1),
    ("name server", F::NameServer, 0),
    ("name servers", F::NameServer, 0),
    ("nameserver", F::NameServer, 0),
    ("nameservers", F::NameServer, 0),
    ("nserver", F::NameServer, 0),
    ("ns name", F::NameServer, 0),
    ("status", F::Status, 0),
    ("domain status", F::Status, 0),
    ("state", F::Status, 0),
    ("registration status", F::Status, 0),
    ("estatus del dominio", F::Status, 0),
    ("registrar whois server", F::Referral, 0),
    ("whois server", F::Referral, 0),
];

/// Keys of a contact's fields, inside a contact section or after a role prefix.
const CONTACT_KEYS: &[(&str, ContactField, u8)] = &[
    ("", C::Name, 0),
    ("id", C::Id, 0),
    ("handle", C::Id, 0),
    ("contact id", C::Id, 0),
    ("contactid", C::Id, 0),
    ("nic handle", C::Id, 0),
    ("name", C::Name, 0),
    ("contact name", C::Name, 0),
    ("contact", C::Name, 1),
    ("person", C::Name, 0),
    ("personname", C::Name, 0),
    ("organization", C::Organization, 0),
    ("organisation", C::Organization, 0),
    ("organization name", C::Organization, 0),
    ("org", C::Organization, 0),
    ("company", C::Organization, 0),
    ("company name", C::Organization, 0),
    ("email", C::Email, 0),
    ("e-mail", C::Email, 0),
    ("email address", C::Email, 0),
    ("contact email", C::Email, 0),
    ("phone", C::Phone, 0),
    ("phone number", C::Phone, 0),
    ("telephone", C::Phone, 0),
    ("street", C::Street, 0),
    ("address", C::Street, 0),
    ("street address", C::Street, 0),
    ("postal address", C::Street, 0),
    ("city", C::City, 0),
    ("state", C::State, 0),
    ("province", C::State, 0),
    ("state/province", C::State, 0),
    ("postal code", C::PostalCode, 0),
    ("postalcode", C::PostalCode, 0),
    ("zip code", C::PostalCode, 0),
    ("country code", C::Country, 0),
    ("countrycode", C::Country, 0),
    ("country", C::Country, 1),
    ("country/economy", C::Country, 1),
];

/// Prefixes that put a flat key in a contact (`Registrant Email`, `AC Phone Number`),
/// longest first.
const ROLE_PREFIXES: &[(&str, Role)] = &[
    ("administrative contact", Role::Admin),
    ("registrant contact", Role::Registrant),
    ("technical contact", Role::Tech),
    ("registry registrant", Role::Registrant),
    ("billing contact", Role::Billing),
    ("registry billing", Role::Billing),
    ("admin contact", Role::Admin),
    ("tech contact", Role::Tech),
    ("registry admin", Role::Admin),
    ("administrative", Role::Admin),
    ("registry tech", Role::Tech),
    ("registrant", Role::Registrant),
    ("technical", Role::Tech),
    ("billing", Role::Billing),
    ("admin", Role::Admin),
    ("tech", Role::Tech),
    ("ac", Role::Admin),
];

/// Section headings and what they hold.
const HEADINGS: &[(&str, Scope)] = &[
    ("domain", Scope::Domain),
    ("domain name", Scope::Domain),
    ("domain information", Scope::Domain),
    ("relevant dates", Scope::Domain),
    ("registration status", Scope::Domain),
    ("registrar", Scope::Registrar),
    ("sponsoring registrar", Scope::Registrar),
    ("name servers", Scope::Hosts),
    ("name server", Scope::Hosts),
    ("nameservers", Scope::Hosts),
    ("domain nameservers", Scope::Hosts),
    ("domain servers", Scope::Hosts),
    ("domain servers in listed order", Scope::Hosts),
    ("name servers information", Scope::Hosts),
    ("primary name server", Scope::Hosts),
    ("secondary name server", Scope::Hosts),
    ("registrant", Scope::Contact(Role::Registrant)),
    ("holder", Scope::Contact(Role::Registrant)),
    ("holder of domain name", Scope::Contact(Role::Registrant)),
    ("domain holder", Scope::Contact(Role::Registrant)),
    ("titular", Scope::Contact(Role::Registrant)),
    ("administrative contact", Scope::Contact(Role::Admin)),
    ("administrative contacts", Scope::Contact(Role::Admin)),
    ("admin contact", Scope::Contact(Role::Admin)),
    ("administrator", Scope::Contact(Role::Admin)),
    ("contacto administrativo", Scope::Contact(Role::Admin)),
    ("technical", Scope::Contact(Role::Tech)),
    ("technical contact", Scope::Contact(Role::Tech)),
    ("technical contacts", Scope::Contact(Role::Tech)),
    ("tech contact", Scope::Contact(Role::Tech)),
    ("registrar technical contacts", Scope::Contact(Role::Tech)),
    ("contacto tecnico", Scope::Contact(Role::Tech)),
    ("billing contact", Scope::Contact(Role::Billing)),
    ("contacto de cobranza", Scope::Contact(Role::Billing)),
];

/// Keys that name a host inside a name server section.
const HOST_KEYS: &[&str] = &[
    "",
    "dns",
    "host name",
    "hostname",
    "name server",
    "nameserver",
    "nserver",
    "name",
];

/// What a known section heading (normalised) holds.
pub(crate) fn known_heading(heading: &str) -> Option<Scope> {
    HEADINGS
        .iter()
        .find(|(known, _)| *known == heading)
        .map(|(_, scope)| *scope)
}

/// What a section heading (normalised) holds: a known heading's scope; else a label of
/// the domain's own data (`First registration date:` above its value) is read in the
/// domain's scope, and a contact label in that contact's.
pub(crate) fn heading_scope(heading: &str) -> Scope {
    known_heading(heading).unwrap_or_else(|| match domain_field(heading) {
        Some(Mapped {
            field: F::Contact(role, _),
            ..
        }) => Scope::Contact(role),
        Some(_) => Scope::Domain,
        None => Scope::Other,
    })
}

/// The contact role a heading or handle key names (`holder-c`, `Tech-C`...), used by the
/// RPSL family.
pub(crate) fn role_of_reference(key: &str) -> Option<Role> {
    match key {
        "registrant" | "holder" | "holder-c" | "owner-c" => Some(Role::Registrant),
        "admin-c" => Some(Role::Admin),
        "tech-c" => Some(Role::Tech),
        "billing-c" => Some(Role::Billing),
        _ => None,
    }
}

/// What `key` (normalised) means in `scope`.
pub(crate) fn field(scope: Scope, key: &str) -> Option<Mapped> {
    match scope {
        Scope::Domain => domain_field(key),
        Scope::Registrar => {
            let rank = match key {
                "organization" | "organisation" => 0,
                "" | "name" | "registrar" | "registrar name" => 1,
                _ => return None,
            };
            Some(Mapped {
                field: F::Registrar,
                rank,
            })
        }
        Scope::Hosts => HOST_KEYS.contains(&key).then_some(Mapped {
            field: F::NameServer,
            rank: 0,
        }),
        Scope::Contact(role) => contact_field(role, key).or_else(|| prefixed_contact_field(key)),
        Scope::Other => None,
    }
}

fn domain_field(key: &str) -> Option<Mapped> {
    DOMAIN_KEYS
        .iter()
        .find(|(known, _, _)| *known == key)
        .map(|(_, field, rank)| Mapped {
            field: *field,
            rank: *rank,
        })
        .or_else(|| prefixed_contact_field(key))
}

fn contact_field(role: Role, key: &str) -> Option<Mapped> {
    CONTACT_KEYS
        .iter()
        .find(|(known, _, _)| *known == key)
        .map(|(_, field, rank)| Mapped {
            field: F::Contact(role, *field),
            rank: *rank,
        })
}

/// `Registrant Email` → the registrant's e-mail; a bare role (`Registrant: Google`) is
/// the contact's name.
fn prefixed_contact_field(key: &str) -> Option<Mapped> {
    ROLE_PREFIXES.iter().find_map(|(prefix, role)| {
        let rest = key.strip_prefix(prefix)?;
        if rest.is_empty() {
            return contact_field(*role, "");
        }
        contact_field(*role, rest.strip_prefix(' ')?)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_normalised() {
        assert_eq!(normalise("Name Server 1"), "name server");
        assert_eq!(normalise("ns_name_01"), "ns name");
        assert_eq!(normalise("Technical Contact(s)"), "technical contacts");
        assert_eq!(
            normalise("Administrative Contact(AC)"),
            "administrative contact"
        );
        assert_eq!(normalise("Registrant  Street2"), "registrant street");
        assert_eq!(
            normalise("Registrar URL (registration services)"),
            "registrar url"
        );
    }

    #[test]
    fn flat_keys_map_to_contacts_by_prefix() {
        let email = field(Scope::Domain, "registrant email").unwrap();
        assert_eq!(email.field, F::Contact(Role::Registrant, C::Email));
        let admin = field(Scope::Domain, "ac e-mail").unwrap();
        assert_eq!(admin.field, F::Contact(Role::Admin, C::Email));
        let name = field(Scope::Domain, "registrant").unwrap();
        assert_eq!(name.field, F::Contact(Role::Registrant, C::Name));
        assert_eq!(field(Scope::Domain, "registrar url"), None);
        assert_eq!(field(Scope::Domain, "option expiration date"), None);
    }

    #[test]
    fn scope_changes_meaning() {
        assert_eq!(field(Scope::Hosts, "dns").unwrap().field, F::NameServer);
        assert_eq!(field(Scope::Domain, "dns"), None);
        assert_eq!(field(Scope::Registrar, "name").unwrap().field, F::Registrar);
        assert_eq!(field(Scope::Contact(Role::Tech), "created"), None);
    }
}
