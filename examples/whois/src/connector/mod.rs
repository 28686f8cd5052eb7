//! The WHOIS connector: the library's lookups as Splunk SOAR actions, written with the
//! framework's macros. `whois` (the binary) is its local runner.

mod output;
mod view;

use std::time::Duration;

use soar_runtime::prelude::*;
use soar_runtime::values::{Domain, Ip};

pub use output::{ContactOutput, ContactsOutput, DomainOutput, DomainSummary, IpOutput, IpSummary};
pub use view::{DomainParam, registration_card};

use crate::{LookupConfig, ServerAddr, lookup_domain, lookup_ip};

/// Query WHOIS servers for domain and IP address registration data.
#[connector(
    appid = "a919cc6c-35f8-4902-bb19-672009275538",
    name = "WHOIS Sample App",
    publisher = "Example Corp",
    app_type = "information",
    product_vendor = "Generic",
    product_name = "Whois Server",
    license = "Apache-2.0",
    hooks
)]
pub struct Whois {
    /// WHOIS server to query instead of choosing one per domain (host or host:port)
    whois_server: Option<String>,
    /// Time budget of one lookup, in seconds
    #[config(default = 30)]
    timeout: u32,
    #[config(skip)]
    lookup: LookupConfig,
}

impl Hooks for Whois {
    /// Builds the lookup settings from the asset configuration.
    fn initialize(&mut self, ctx: &mut Ctx) -> Result<(), ActionError> {
        if self.timeout == 0 {
            return Err(ActionError::new(
                "Configuration field 'timeout' is invalid: it must be at least 1 second",
            ));
        }
        self.lookup.timeout = Duration::from_secs(self.timeout.into());
        if let Some(server) = &self.whois_server {
            let server = ServerAddr::parse(server).map_err(|error| {
                ActionError::new(format!(
                    "Configuration field 'whois_server' is invalid: {error}"
                ))
            })?;
            ctx.debug_print("whois_server", &server);
            self.lookup.server = Some(server);
        }
        Ok(())
    }
}

/// The message of a lookup when the rendered summary (the platform's default message) does not
/// say enough: `headline` instead of the summary (a domain that is not registered), then what
/// went wrong on the way (a registrar or registry referral that could not be reached, so the
/// first server's answer is shown). `None` when there is nothing more to say.
fn lookup_message(
    headline: Option<String>,
    summary: &impl serde::Serialize,
    notes: &[String],
) -> Option<String> {
    if headline.is_none() && notes.is_empty() {
        return None;
    }
    let headline = headline.unwrap_or_else(|| match serde_json::to_value(summary) {
        Ok(serde_json::Value::Object(fields)) => soar_runtime::result::render_summary(&fields),
        _ => String::new(),
    });
    if notes.is_empty() {
        return Some(headline);
    }
    let notes = notes.join("; ");
    Some(if headline.is_empty() {
        format!("Note: {notes}")
    } else {
        format!("{headline} (note: {notes})")
    })
}

/// Validate the asset configuration by looking up a well-known domain.
#[test_connectivity]
fn test_connectivity(whois: &mut Whois, ctx: &mut Ctx) -> Result<(), ActionError> {
    let server = whois
        .lookup
        .server
        .as_ref()
        .map_or_else(|| "the registry's server".to_owned(), ToString::to_string);
    ctx.save_progress(format!("Querying {server} for example.com"));
    let lookup = lookup_domain("example.com", &whois.lookup)?;
    ctx.save_progress(format!("{} answered", lookup.server));
    ctx.save_progress("Test Connectivity Passed");
    Ok(())
}

/// Run a WHOIS lookup on the given domain.
///
/// Asks the registry of the domain's top-level domain (or the configured server), then the
/// registrar it refers to, and returns the parsed registration record.
#[action(
    identifier = "whois_domain",
    name = "whois domain",
    kind = "investigate",
    read_only,
    render(view = registration_card, title = "Registration", width = 6, height = 8)
)]
fn whois_domain(
    whois: &mut Whois,
    ctx: &mut Ctx,
    /// Domain to query
    #[param(primary)]
    domain: Domain,
) -> Result<Output<DomainOutput, DomainSummary>, ActionError> {
    ctx.save_progress(format!("Looking up {domain}"));
    let lookup = lookup_domain(domain.as_ref(), &whois.lookup)?;
    let output = DomainOutput::from_lookup(&lookup);
    let summary = DomainSummary::of(&output);
    let unregistered = (!output.registered).then(|| {
        format!(
            "Domain {} is not registered (according to {})",
            output.domain, output.server
        )
    });
    let message = lookup_message(unregistered, &summary, &lookup.notes);
    let output = Output::new([output]).with_summary(summary);
    Ok(match message {
        Some(message) => output.with_message(message),
        None => output,
    })
}

/// Run a WHOIS lookup on the given IP address.
///
/// Asks ARIN (or the configured server), then the regional registry it refers to.
#[action(
    identifier = "whois_ip",
    name = "whois ip",
    kind = "investigate",
    read_only,
    render = "table"
)]
fn whois_ip(
    whois: &mut Whois,
    ctx: &mut Ctx,
    /// IP address to query
    #[param(primary)]
    ip: Ip,
) -> Result<Output<IpOutput, IpSummary>, ActionError> {
    ctx.save_progress(format!("Looking up {ip}"));
    let lookup = lookup_ip(ip.into(), &whois.lookup)?;
    let output = IpOutput::from_lookup(&lookup);
    let summary = IpSummary::of(&output);
    let message = lookup_message(None, &summary, &lookup.notes);
    let output = Output::new([output]).with_summary(summary);
    Ok(match message {
        Some(message) => output.with_message(message),
        None => output,
    })
}
