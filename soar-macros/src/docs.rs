//! Doc comments: collected from `#[doc = "..."]` attributes and split into the first
//! paragraph (a description) and the rest (an action's `verbose`).

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Attribute, Expr, ExprLit, Lit, Meta};

/// The doc comment of an item, one entry per line.
#[derive(Debug, Clone, Default)]
pub struct Docs {
    lines: Vec<String>,
    span: Option<Span>,
}

impl Docs {
    /// The doc comment of the item with these attributes (empty when it has none).
    pub fn of(attrs: &[Attribute]) -> Self {
        let mut docs = Self::default();
        for attr in attrs {
            let Meta::NameValue(name_value) = &attr.meta else {
                continue;
            };
            if !name_value.path.is_ident("doc") {
                continue;
            }
            if let Expr::Lit(ExprLit {
                lit: Lit::Str(text),
                ..
            }) = &name_value.value
            {
                docs.span.get_or_insert(attr.span());
                for line in text.value().split('\n') {
                    let line = line.strip_suffix('\r').unwrap_or(line);
                    docs.lines
                        .push(line.strip_prefix(' ').unwrap_or(line).to_owned());
                }
            }
        }
        docs
    }

    /// Where the doc comment is, for errors about it.
    pub fn span(&self) -> Option<Span> {
        self.span
    }

    /// The first paragraph, its lines joined by spaces.
    pub fn first_paragraph(&self) -> String {
        let mut paragraph = Vec::new();
        for line in self.lines.iter().map(|line| line.trim()) {
            if line.is_empty() {
                if paragraph.is_empty() {
                    continue;
                }
                break;
            }
            paragraph.push(line);
        }
        paragraph.join(" ")
    }

    /// Everything after the first paragraph, as written, without surrounding blank lines.
    pub fn rest(&self) -> String {
        let mut lines = self.lines.iter().map(String::as_str).peekable();
        while lines.next_if(|line| line.trim().is_empty()).is_some() {}
        while lines.next_if(|line| !line.trim().is_empty()).is_some() {}
        let rest: Vec<&str> = lines.collect();
        rest.join("\n").trim().to_owned()
    }
}

/// Removes the `#[doc]` attributes (rustc refuses them on function parameters).
pub fn strip(attrs: &mut Vec<Attribute>) {
    attrs.retain(|attr| !attr.path().is_ident("doc"));
}

#[cfg(test)]
mod tests {
    use super::*;
    use syn::parse_quote;

    #[test]
    fn splits_the_first_paragraph_from_the_rest() {
        let item: syn::ItemFn = parse_quote! {
            ///
            /// Run whois lookup
            /// on the given domain.
            ///
            /// Longer text.
            ///
            /// - a list
            #[doc = "  indented"]
            fn f() {}
        };
        let docs = Docs::of(&item.attrs);
        assert_eq!(
            docs.first_paragraph(),
            "Run whois lookup on the given domain."
        );
        assert_eq!(docs.rest(), "Longer text.\n\n- a list\n indented");
        assert!(docs.span().is_some());
    }

    #[test]
    fn no_docs_is_empty() {
        let docs = Docs::of(&[]);
        assert_eq!(docs.first_paragraph(), "");
        assert_eq!(docs.rest(), "");
        assert!(docs.span().is_none());
    }
}
