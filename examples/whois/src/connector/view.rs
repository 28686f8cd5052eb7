//! The registration card: how `whois domain` results look in the platform's widget.

use maud::{Markup, html};
use serde::Deserialize;
use soar_runtime::view::{AppRun, Fit, Link, ViewResult, parts};

use super::output::{ContactOutput, DomainOutput, DomainSummary};

/// The parameter of a `whois domain` result, as the view reads it.
#[derive(Debug, Clone, Deserialize)]
pub struct DomainParam {
    /// The domain asked for.
    pub domain: Option<String>,
}

/// One card per domain looked up: registrar, dates, status codes, name servers, contacts and
/// the servers asked (the registrar's server the registry referred to among them); a domain
/// that is not registered says so, a failed lookup shows its message.
pub fn registration_card(runs: &[AppRun<DomainOutput, DomainSummary, DomainParam>]) -> Markup {
    html! {
        @for run in runs {
            @for result in &run.results {
                @match result {
                    ViewResult::Fit(fit) => (lookup(fit)),
                    ViewResult::Unfit(raw) => (parts::unfit(raw)),
                }
            }
        }
        @if runs.iter().all(|run| run.results.is_empty()) {
            p.note { "No lookups." }
        }
    }
}

/// The cards of one lookup, or its failure.
fn lookup(fit: &Fit<DomainOutput, DomainSummary, DomainParam>) -> Markup {
    let asked = fit.parameter.domain.as_deref().unwrap_or("(no domain)");
    html! {
        @if !fit.status.is_success() || fit.data.is_empty() {
            div.card {
                h3 { (asked) }
                (parts::status_line(fit.status, &fit.message))
            }
        }
        @for record in &fit.data {
            (card(record, &fit.message))
        }
    }
}

/// The card of one registration record.
fn card(record: &DomainOutput, message: &str) -> Markup {
    html! {
        div.card {
            h3 { (record.domain) }
            @if !record.registered {
                p.status { span class="badge" { "not registered" } " " (message) }
            } @else {
                dl {
                    dt { "Registrar" }
                    dd { (record.registrar.as_deref().unwrap_or("(not published)")) }
                    @for (label, date) in [("Created", &record.created), ("Updated", &record.updated), ("Expires", &record.expires)] {
                        @if let Some(date) = date {
                            dt { (label) }
                            dd { (date) }
                        }
                    }
                    @if !record.statuses.is_empty() {
                        dt { "Status" }
                        dd { ul { @for status in &record.statuses { li { (status) } } } }
                    }
                    @if !record.nameservers.is_empty() {
                        dt { "Name servers" }
                        dd { ul.nameservers { @for server in &record.nameservers { li { (server) } } } }
                    }
                }
                @for (role, contact) in [
                    ("Registrant", &record.contacts.registrant),
                    ("Administrative contact", &record.contacts.admin),
                    ("Technical contact", &record.contacts.tech),
                    ("Billing contact", &record.contacts.billing),
                ] {
                    @if let Some(contact) = contact {
                        (contact_block(role, contact))
                    }
                }
            }
            h4 { "Servers" }
            dl {
                dt { "Registry" }
                dd { (record.server) }
                @if let Some(referral) = &record.referral_server {
                    dt { "Referral" }
                    dd { (referral) }
                }
            }
            @if record.registered && !message.is_empty() && message.contains("note:") {
                p.note { (message) }
            }
        }
    }
}

/// One contact: the fields it publishes, the e-mail address as a link when it is one.
fn contact_block(role: &str, contact: &ContactOutput) -> Markup {
    let place: Vec<&str> = contact
        .street
        .iter()
        .map(String::as_str)
        .chain(
            [
                &contact.city,
                &contact.state,
                &contact.postal_code,
                &contact.country,
            ]
            .into_iter()
            .filter_map(|part| part.as_deref()),
        )
        .collect();
    html! {
        h4 { (role) }
        dl {
            @for (label, value) in [("Name", &contact.name), ("Organization", &contact.organization), ("Phone", &contact.phone)] {
                @if let Some(value) = value {
                    dt { (label) }
                    dd { (value) }
                }
            }
            @if let Some(email) = &contact.email {
                dt { "E-mail" }
                dd {
                    @match Link::mail(email) {
                        Some(link) => (link.anchor(email)),
                        None => (email),
                    }
                }
            }
            @if !place.is_empty() {
                dt { "Address" }
                dd { (place.join(", ")) }
            }
        }
    }
}
