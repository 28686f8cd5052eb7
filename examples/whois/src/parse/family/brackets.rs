//! The JPRS layout: `[Key]   value` lines, some behind a letter (`a. [Domain Name]`),
//! indented continuation lines, and `Domain Information:` / `Contact Information:`
//! sections (the latter describes the registrant).

use super::super::builder::Builder;
use super::super::keys::{Role, Scope, normalise};

/// How many lines of `text` have the `[Key] value` shape.
pub(super) fn count_lines(text: &str) -> usize {
    text.lines()
        .filter(|line| bracketed(line).is_some())
        .count()
}

pub(super) fn collect(text: &str, builder: &mut Builder) {
    let mut scope = Scope::Domain;
    let mut last_key: Option<String> = None;
    for line in text.lines() {
        if let Some((key, value)) = bracketed(line) {
            let key = normalise(key);
            let (target, target_key) = route(scope, &key);
            builder.add(target, target_key, value);
            last_key = Some(key);
            continue;
        }
        let trimmed = line.trim();
        match trimmed {
            "Domain Information:" => scope = Scope::Domain,
            "Contact Information:" => scope = Scope::Contact(Role::Registrant),
            _ if line.starts_with(char::is_whitespace) && !trimmed.is_empty() => {
                if let Some(key) = &last_key {
                    let (target, target_key) = route(scope, key);
                    builder.add(target, target_key, trimmed);
                }
                continue;
            }
            _ => {}
        }
        last_key = None;
    }
}

/// Where a JPRS key goes: the domain section's `[Organization]` is the registrant's, and
/// its contact keys hold handles.
fn route(scope: Scope, key: &str) -> (Scope, &str) {
    match (scope, key) {
        (Scope::Domain, "organization") => (Scope::Contact(Role::Registrant), key),
        (Scope::Domain, "administrative contact") => (Scope::Contact(Role::Admin), ""),
        (Scope::Domain, "technical contact") => (Scope::Contact(Role::Tech), ""),
        _ => (scope, key),
    }
}

/// `(key, value)` of a `[Key] value` line, with an optional `x. ` prefix. Banner lines
/// (`[ JPRS database ... ]`) do not count: the key must start with a letter.
fn bracketed(line: &str) -> Option<(&str, &str)> {
    let mut rest = line.trim_start();
    let mut chars = rest.chars();
    if let (Some(letter), Some('.')) = (chars.next(), chars.next())
        && letter.is_ascii_lowercase()
    {
        rest = rest[2..].trim_start();
    }
    let (key, value) = rest.strip_prefix('[')?.split_once(']')?;
    key.starts_with(char::is_alphabetic)
        .then(|| (key.trim(), value.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bracketed_lines() {
        assert_eq!(
            bracketed("[Domain Name]    GOOGLE.JP"),
            Some(("Domain Name", "GOOGLE.JP"))
        );
        assert_eq!(
            bracketed("a. [Domain Name]   AHOO.CO.JP"),
            Some(("Domain Name", "AHOO.CO.JP"))
        );
        assert_eq!(bracketed("[Signing Key]"), Some(("Signing Key", "")));
        assert_eq!(bracketed("[ JPRS database provides information ]"), None);
        assert_eq!(bracketed("No match!!"), None);
    }
}
