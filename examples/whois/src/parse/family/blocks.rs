//! The RPSL layout: objects separated by blank lines. The object with a `domain:` key
//! (and untitled objects such as IANA's name server and date paragraphs) describe the
//! domain; host-set objects (`nsset:`, `ns-list:`) list name servers; a registrar object
//! names the registrar when the domain object does not; contact objects are attached
//! to the roles whose handles the domain object lists (`admin-c: X` → `nic-hdl: X`),
//! or by title (DENIC's `[Tech-C]`). Dates of other objects never reach the record.

use super::super::builder::Builder;
use super::super::keys::{Role, Scope, normalise, role_of_reference};
use super::super::lex::{Line, Object, objects};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ObjectKind {
    Domain,
    Hosts,
    Registrar,
    Contact,
}

pub(super) fn collect(lines: &[Line<'_>], builder: &mut Builder) {
    let objects = objects(lines);
    let mut references = Vec::new();
    for object in &objects {
        match kind_of(object) {
            ObjectKind::Domain => add_domain_object(object, builder, &mut references),
            ObjectKind::Hosts => {
                for host in object.values("nserver") {
                    builder.add(Scope::Hosts, "nserver", host);
                }
            }
            ObjectKind::Registrar => {
                if let Some(registrar) = object.get("registrar") {
                    builder.add(Scope::Registrar, "name", registrar);
                }
            }
            ObjectKind::Contact => {
                let titled_role = object.title.and_then(|title| {
                    role_of_reference(&normalise(title.trim_matches(['[', ']'])))
                });
                if let Some(role) = titled_role {
                    add_contact(object, role, builder);
                }
            }
        }
    }
    for (role, handle) in references {
        let contact = objects.iter().find(|object| {
            kind_of(object) == ObjectKind::Contact
                && handle_of(object).is_some_and(|own| own.eq_ignore_ascii_case(handle))
        });
        if let Some(contact) = contact {
            builder.add(Scope::Contact(role), "id", handle);
            add_contact(contact, role, builder);
        }
    }
}

fn kind_of(object: &Object<'_>) -> ObjectKind {
    if object.get("domain").is_some() {
        return ObjectKind::Domain;
    }
    if object.title.is_some_and(|title| title.starts_with('[')) {
        return ObjectKind::Contact;
    }
    match object.first_key().as_deref() {
        Some(
            "nic-hdl" | "nic-hdl-br" | "person" | "personname" | "role" | "contact" | "contact-id"
            | "organisation",
        ) => ObjectKind::Contact,
        Some("registrar") => ObjectKind::Registrar,
        Some("nsset" | "ns-list" | "keyset") => ObjectKind::Hosts,
        _ => ObjectKind::Domain,
    }
}

fn add_domain_object<'a>(
    object: &Object<'a>,
    builder: &mut Builder,
    references: &mut Vec<(Role, &'a str)>,
) {
    for (key, value) in &object.pairs {
        let key = normalise(key);
        if let Some(role) = role_of_reference(&key) {
            // a role's first handle is its contact (.at lists two tech-c)
            if references.iter().all(|(known, _)| *known != role) {
                references.push((role, value));
            }
        } else if matches!(key.as_str(), "owner" | "org") {
            // .br `owner:` and .ru `org:` name the holder organisation itself
            builder.add(Scope::Contact(Role::Registrant), "organization", value);
        } else {
            builder.add(Scope::Domain, &key, value);
        }
    }
}

/// The object's own handle: `nic-hdl:`, `nic-hdl-br:`, `contact-id:`, or a leading
/// `contact:` (.cz).
fn handle_of<'a>(object: &Object<'a>) -> Option<&'a str> {
    object
        .get("nic-hdl")
        .or_else(|| object.get("nic-hdl-br"))
        .or_else(|| object.get("contact-id"))
        .or_else(|| match object.pairs.first() {
            Some((key, value)) if normalise(key) == "contact" => Some(*value),
            _ => None,
        })
}

fn add_contact(object: &Object<'_>, role: Role, builder: &mut Builder) {
    let handle = handle_of(object);
    for (key, value) in &object.pairs {
        let key = normalise(key);
        let is_handle = Some(*value) == handle
            && matches!(
                key.as_str(),
                "nic-hdl" | "nic-hdl-br" | "contact-id" | "contact"
            );
        if !is_handle {
            builder.add(Scope::Contact(role), &key, value);
        }
    }
}
