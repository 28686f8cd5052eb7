//! Collects the `(scope, key, value)` facts that family parsers report and turns them
//! into a [`DomainRecord`]: keys are resolved through the shared table, values are
//! normalised, and for single-valued fields the best-ranked, then first, value wins.

use std::collections::HashSet;

use super::date::{DateOrder, parse_date};
use super::host;
use super::keys::{self, ContactField, Field, Mapped, Role, Scope};
use crate::record::{Contact, Contacts, Date, DomainRecord};

/// The best candidate seen for a single-valued field.
#[derive(Debug)]
struct Best<T>(Option<(u8, T)>);

impl<T> Default for Best<T> {
    fn default() -> Self {
        Self(None)
    }
}

impl<T> Best<T> {
    fn offer(&mut self, rank: u8, value: T) {
        if self.0.as_ref().is_none_or(|(best, _)| rank < *best) {
            self.0 = Some((rank, value));
        }
    }

    fn take(self) -> Option<T> {
        self.0.map(|(_, value)| value)
    }
}

#[derive(Debug, Default)]
struct ContactDraft {
    id: Best<String>,
    name: Best<String>,
    organization: Best<String>,
    email: Best<String>,
    phone: Best<String>,
    street: Vec<String>,
    city: Best<String>,
    state: Best<String>,
    postal_code: Best<String>,
    country: Best<String>,
}

impl ContactDraft {
    fn set(&mut self, field: ContactField, rank: u8, value: &str) {
        let slot = match field {
            ContactField::Street => return self.street.push(value.to_owned()),
            ContactField::Id => &mut self.id,
            ContactField::Name => &mut self.name,
            ContactField::Organization => &mut self.organization,
            ContactField::Email => &mut self.email,
            ContactField::Phone => &mut self.phone,
            ContactField::City => &mut self.city,
            ContactField::State => &mut self.state,
            ContactField::PostalCode => &mut self.postal_code,
            ContactField::Country => &mut self.country,
        };
        slot.offer(rank, value.to_owned());
    }

    /// A bare line of a contact section; an e-mail address inside a longer line
    /// (`DNS Admin  dns-admin@google.com`) is split off.
    fn add_line(&mut self, line: &str) {
        if let Some(email) = line.split_whitespace().find(|word| word.contains('@'))
            && email != line
        {
            self.email.offer(0, email.to_owned());
            let rest = line.replacen(email, "", 1);
            let rest = rest.trim();
            if !rest.is_empty() {
                self.add_line(rest);
            }
            return;
        }
        let field = self.field_of_line(line);
        self.set(field, 0, line);
    }

    /// A bare line of a contact section (`Google Inc.`, `GOO001748-MARKM`,
    /// `dns-admin@google.com`, `+1.6502530000`): what it most likely is.
    fn field_of_line(&self, line: &str) -> ContactField {
        let is_handle = !line.contains(char::is_whitespace)
            && line.chars().any(|c| c.is_ascii_digit())
            && line
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-');
        let digits = line.chars().filter(char::is_ascii_digit).count();
        let is_phone = line.starts_with(|c: char| c == '+' || c == '(' || c.is_ascii_digit())
            && digits >= 6
            && line
                .chars()
                .all(|c| c.is_ascii_digit() || " +-.()x".contains(c));
        if line.contains('@') {
            ContactField::Email
        } else if is_handle {
            ContactField::Id
        } else if is_phone {
            ContactField::Phone
        } else if self.name.0.is_none() {
            ContactField::Name
        } else {
            ContactField::Street
        }
    }

    fn finish(self) -> Option<Contact> {
        let contact = Contact {
            id: self.id.take(),
            name: self.name.take(),
            organization: self.organization.take(),
            email: self.email.take(),
            phone: self.phone.take(),
            street: self.street,
            city: self.city.take(),
            state: self.state.take(),
            postal_code: self.postal_code.take(),
            country: self.country.take(),
        };
        (contact != Contact::default()).then_some(contact)
    }
}

/// The record being assembled from one reply.
#[derive(Debug, Default)]
pub(crate) struct Builder {
    order: DateOrder,
    domain: Best<String>,
    registrar: Best<String>,
    created: Best<Date>,
    updated: Best<Date>,
    expires: Best<Date>,
    referral: Best<String>,
    nameservers: Distinct,
    statuses: Distinct,
    contacts: [ContactDraft; 4],
}

impl Builder {
    /// A builder reading ambiguous dates in `order`.
    pub fn new(order: DateOrder) -> Self {
        Self {
            order,
            ..Self::default()
        }
    }

    /// Reports `value` found under `key` (normalised) in `scope`. Unknown keys and empty
    /// or malformed values are ignored.
    pub fn add(&mut self, scope: Scope, key: &str, value: &str) {
        let value = value.trim();
        if value.is_empty() {
            return;
        }
        if let (Scope::Contact(role), "") = (scope, key) {
            self.contacts[index(role)].add_line(value);
            return;
        }
        if let Some(mapped) = keys::field(scope, key) {
            self.set(mapped, value);
        }
    }

    fn set(&mut self, Mapped { field, rank }: Mapped, value: &str) {
        let order = self.order;
        match field {
            Field::Domain => {
                if let Some(domain) = host::domain_name(value) {
                    self.domain.offer(rank, domain);
                }
            }
            Field::Registrar => self.registrar.offer(rank, value.to_owned()),
            Field::Created | Field::Updated | Field::Expires => {
                let slot = match field {
                    Field::Created => &mut self.created,
                    Field::Updated => &mut self.updated,
                    _ => &mut self.expires,
                };
                if let Some(date) = parse_date(value, order) {
                    slot.offer(rank, date);
                }
            }
            Field::NameServer => self.nameservers.push(host::domain_name(value)),
            Field::Status => self.statuses.push(host::status(value)),
            Field::Referral => self.referral.offer(rank, value.to_owned()),
            Field::Contact(role, field) => self.contacts[index(role)].set(field, rank, value),
        }
    }

    /// The record (with `registered` false: deciding it is the caller's job).
    pub fn finish(self, raw: &str) -> DomainRecord {
        let [registrant, admin, tech, billing] = self.contacts.map(ContactDraft::finish);
        DomainRecord {
            registered: false,
            domain: self.domain.take(),
            registrar: self.registrar.take(),
            created: self.created.take(),
            updated: self.updated.take(),
            expires: self.expires.take(),
            nameservers: self.nameservers.items,
            statuses: self.statuses.items,
            referral_server: self.referral.take(),
            contacts: Contacts {
                registrant,
                admin,
                tech,
                billing,
            },
            raw: raw.to_owned(),
        }
    }
}

fn index(role: Role) -> usize {
    match role {
        Role::Registrant => 0,
        Role::Admin => 1,
        Role::Tech => 2,
        Role::Billing => 3,
    }
}

/// A list without duplicates, in first-seen order (a set keeps long hostile replies
/// linear).
#[derive(Debug, Default)]
struct Distinct {
    items: Vec<String>,
    seen: HashSet<String>,
}

impl Distinct {
    fn push(&mut self, value: Option<String>) {
        if let Some(value) = value
            && self.seen.insert(value.clone())
        {
            self.items.push(value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn best_rank_then_first_wins() {
        let mut builder = Builder::new(DateOrder::DayFirst);
        builder.add(
            Scope::Domain,
            "registrar registration expiration date",
            "2020-01-01",
        );
        builder.add(Scope::Domain, "registry expiry date", "2019-01-01");
        builder.add(Scope::Domain, "expiry date", "2018-01-01");
        builder.add(Scope::Domain, "registrar", "");
        builder.add(Scope::Domain, "registrar", "First");
        builder.add(Scope::Domain, "registrar", "Second");
        let record = builder.finish("");
        assert_eq!(
            record.expires.map(|d| d.to_string()).as_deref(),
            Some("2019-01-01")
        );
        assert_eq!(record.registrar.as_deref(), Some("First"));
    }

    #[test]
    fn contact_lines_are_sorted_out() {
        let mut builder = Builder::new(DateOrder::DayFirst);
        for line in [
            "GOO001748-MARKM",
            "Google Inc.",
            "Amphitheatre Parkway 1600",
            "+1 (0)6502530000",
            "dns@example.com",
        ] {
            builder.add(Scope::Contact(Role::Registrant), "", line);
        }
        let contact = builder.finish("").contacts.registrant.unwrap();
        assert_eq!(contact.id.as_deref(), Some("GOO001748-MARKM"));
        assert_eq!(contact.name.as_deref(), Some("Google Inc."));
        assert_eq!(contact.street, ["Amphitheatre Parkway 1600"]);
        assert_eq!(contact.phone.as_deref(), Some("+1 (0)6502530000"));
        assert_eq!(contact.email.as_deref(), Some("dns@example.com"));
    }

    #[test]
    fn an_address_is_split_off_a_contact_line() {
        let mut builder = Builder::new(DateOrder::DayFirst);
        builder.add(
            Scope::Contact(Role::Tech),
            "",
            "DNS Admin  dns-admin@example.com",
        );
        let contact = builder.finish("").contacts.tech.unwrap();
        assert_eq!(contact.name.as_deref(), Some("DNS Admin"));
        assert_eq!(contact.email.as_deref(), Some("dns-admin@example.com"));
    }
}
