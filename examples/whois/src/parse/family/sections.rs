//! The sectioned layouts of many ccTLDs. A heading is a label with an empty value
//! (`Name servers:`) or a bare title (`Nameservers`, `Registrar`); what belongs to it:
//!
//! - lines indented deeper than the heading (.uk, .be, .eu, .it, .nl, .ca, .mx, .kr...);
//! - otherwise bare lines right below a label, up to the next blank line (.ch, .hk, .tr,
//!   .pl); a label followed by a `key: value` line at its own indentation is just an
//!   empty field, as in the ICANN layout;
//! - key-value lines right below a known bare title, up to the next blank line (.dk);
//!   an unknown line of prose above key-value lines does not swallow them.
//!
//! Bare lines of a heading are its values (name servers, the registrar's name, a
//! contact's lines); key-value lines are read in the heading's scope. Deeper bare lines
//! right after a key-value line continue its value (.pl name servers, postal addresses).
//! Top-level sentences of the form `<key> on <value>` are facts too (.tw
//! `Record expires on 2011-11-09`).

use super::super::builder::Builder;
use super::super::keys::{Scope, heading_scope, normalise};
use super::super::lex::{Kind, Line};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Nothing seen below the heading yet.
    Pending,
    /// Members are the lines indented deeper than the heading.
    Indented,
    /// Members are bare lines at the heading's indentation, up to a blank line.
    FlushText,
    /// Members are key-value lines at the heading's indentation, up to a blank line.
    FlushPairs,
}

#[derive(Debug)]
struct Heading {
    key: String,
    scope: Scope,
    indent: usize,
    mode: Mode,
}

impl Heading {
    fn new(key: &str, indent: usize, mode: Mode) -> Self {
        let key = normalise(key);
        Self {
            scope: heading_scope(&key),
            key,
            indent,
            mode,
        }
    }

    /// Whether `line` belongs to this heading; settles a pending mode.
    fn admits(&mut self, line: &Line<'_>) -> bool {
        let is_text = matches!(line.kind, Kind::Text(_));
        match self.mode {
            Mode::Pending if line.indent > self.indent => {
                self.mode = Mode::Indented;
                true
            }
            Mode::Pending if line.indent == self.indent && is_text => {
                self.mode = Mode::FlushText;
                true
            }
            Mode::Pending => false,
            Mode::Indented => line.indent > self.indent,
            Mode::FlushText => is_text && line.indent >= self.indent,
            Mode::FlushPairs => !is_text && line.indent >= self.indent,
        }
    }
}

/// The last key-value line, whose value deeper bare lines continue.
type LastPair = Option<(Scope, String, usize)>;

pub(super) fn collect(lines: &[Line<'_>], builder: &mut Builder) {
    let mut heading: Option<Heading> = None;
    let mut last_pair: LastPair = None;
    for (index, line) in lines.iter().enumerate() {
        match line.kind {
            Kind::Rule => continue,
            Kind::Blank | Kind::Comment(_) => {
                last_pair = None;
                if heading
                    .as_ref()
                    .is_some_and(|h| matches!(h.mode, Mode::FlushText | Mode::FlushPairs))
                {
                    heading = None;
                }
                continue;
            }
            Kind::Pair { .. } | Kind::Text(_) => {}
        }
        if let (Kind::Text(text), Some((scope, key, indent))) = (line.kind, &last_pair)
            && line.indent > *indent
        {
            builder.add(*scope, key, text);
            continue;
        }
        last_pair = None;
        let next = lines.get(index + 1);
        if let Some(current) = heading.as_mut()
            && current.admits(line)
        {
            if let Some(nested) = member(
                current,
                line,
                next_content(lines, index),
                builder,
                &mut last_pair,
            ) {
                heading = Some(nested);
            }
            continue;
        }
        heading = top_level(line, next, builder, &mut last_pair);
    }
}

/// Handles a line that belongs to `heading`; returns a nested heading that replaces it.
fn member(
    heading: &Heading,
    line: &Line<'_>,
    next: Option<&Line<'_>>,
    builder: &mut Builder,
    last_pair: &mut LastPair,
) -> Option<Heading> {
    match line.kind {
        Kind::Text(text) if heading.scope == Scope::Domain => {
            builder.add(Scope::Domain, &heading.key, text);
        }
        Kind::Text(text) => builder.add(heading.scope, "", text),
        Kind::Pair { key, value: "" } => {
            let deeper = next.is_some_and(|next| next.indent > line.indent);
            return deeper.then(|| Heading::new(key, line.indent, Mode::Pending));
        }
        Kind::Pair { key, value } => {
            let key = normalise(key);
            builder.add(heading.scope, &key, value);
            *last_pair = Some((heading.scope, key, line.indent));
        }
        Kind::Blank | Kind::Comment(_) | Kind::Rule => {}
    }
    None
}

/// Handles a line outside any heading; returns the heading it opens, if any.
fn top_level(
    line: &Line<'_>,
    next: Option<&Line<'_>>,
    builder: &mut Builder,
    last_pair: &mut LastPair,
) -> Option<Heading> {
    match line.kind {
        Kind::Pair { key, value: "" } => Some(Heading::new(key, line.indent, Mode::Pending)),
        Kind::Pair { key, value } => {
            let key = normalise(key);
            builder.add(Scope::Domain, &key, value);
            *last_pair = Some((Scope::Domain, key, line.indent));
            None
        }
        Kind::Text(text) => {
            let next_kind = next.map(|next| (next.indent, next.kind));
            match next_kind {
                Some((indent, Kind::Text(_) | Kind::Pair { .. })) if indent > line.indent => {
                    Some(Heading::new(text, line.indent, Mode::Pending))
                }
                Some((indent, Kind::Pair { value, .. }))
                    if indent == line.indent
                        && !value.is_empty()
                        && heading_scope(&normalise(text)) != Scope::Other =>
                {
                    Some(Heading::new(text, line.indent, Mode::FlushPairs))
                }
                _ => {
                    if let Some((key, value)) = text.split_once(" on ") {
                        builder.add(Scope::Domain, &normalise(key), value);
                    }
                    None
                }
            }
        }
        Kind::Blank | Kind::Comment(_) | Kind::Rule => None,
    }
}

/// The next line after `index` that is not blank, a comment or a rule.
fn next_content<'l, 'a>(lines: &'l [Line<'a>], index: usize) -> Option<&'l Line<'a>> {
    lines[index + 1..]
        .iter()
        .find(|line| matches!(line.kind, Kind::Pair { .. } | Kind::Text(_)))
}
