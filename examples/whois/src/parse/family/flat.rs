//! The ICANN layout: every `Key: Value` line is a fact of the domain, and the key itself
//! says whose (`Registrant Email`, `Tech Name`). Indentation and headings carry no
//! meaning, so notices between the lines cannot be mistaken for sections.

use super::super::builder::Builder;
use super::super::keys::{Scope, normalise};
use super::super::lex::{Kind, Line};

pub(super) fn collect(lines: &[Line<'_>], builder: &mut Builder) {
    for line in lines {
        if let Kind::Pair { key, value } = line.kind {
            builder.add(Scope::Domain, &normalise(key), value);
        }
    }
}
