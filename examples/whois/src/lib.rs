//! WHOIS lookups for Splunk SOAR: a real RFC 3912 client and a parser for the formats
//! real registries use.
//!
//! - [`lookup_domain`] and [`lookup_ip`] do the whole job: choose the server (the
//!   configured one, a built-in fast path for the most common TLDs, else IANA), ask it
//!   within one time budget, parse the answer, and follow one referral (a thin registry's
//!   registrar, ARIN's `ReferralServer`).
//! - [`query`] is the bare RFC 3912 exchange; [`parse_domain`] and [`parse_ip`] the bare
//!   parsers, which return a [`ParseOutcome`]: a record, or a rate-limit, error or
//!   not-found reply told apart.
//!
//! - [`connector`] is the Splunk SOAR connector built on them with the framework's macros:
//!   test connectivity, `whois domain` and `whois ip`; the `whois` binary runs it locally.
//!
//! The parser knows four layout families ([`Family`]) and one shared table of labels;
//! see the `parse` module's documentation for how they fit together.

mod addr;
mod client;
pub mod connector;
mod error;
mod lookup;
mod parse;
mod record;
mod servers;

pub use addr::{ServerAddr, WHOIS_PORT};
pub use client::{DEFAULT_MAX_REPLY_BYTES, Encoding, QueryOptions, RawReply, decode, query};
pub use error::WhoisError;
pub use lookup::{Answer, DomainLookup, IpLookup, LookupConfig, lookup_domain, lookup_ip};
pub use parse::{DateOrder, Family, detect_family, parse_date, parse_domain, parse_ip};
pub use record::{Contact, Contacts, Date, DomainRecord, IpRecord, ParseOutcome, Rir};
pub use servers::{
    ARIN_SERVER, BUILTIN_SERVERS, IANA_SERVER, builtin_server, iana_whois_server, query_text,
};
