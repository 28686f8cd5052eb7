//! WHOIS lookups for Splunk SOAR: a real RFC 3912 client and a parser for the formats
//! real registries use.
