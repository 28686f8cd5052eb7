//! [`Link`]: a URL that is safe to put in an `href`.
//!
//! Escaping keeps a value from breaking out of an attribute, but a URL that stays inside its
//! quotes can still run script (`javascript:alert(1)`, `data:text/html,...`, and the spellings
//! that browsers read as those: `JaVaScRiPt:`, leading blanks, `&#106;avascript:` after the
//! entity is decoded). So a view links only through `Link`, which holds an absolute `http`,
//! `https` or `mailto` URL as the `url` crate parsed and normalised it, and nothing else.

use maud::{Markup, Render, html};

/// The schemes a view may link to.
const SAFE_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// An absolute `http`, `https` or `mailto` URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link(url::Url);

impl Link {
    /// The link to `text`, or `None` when it is not an absolute URL with a safe scheme.
    pub fn parse(text: &str) -> Option<Self> {
        let url = url::Url::parse(text.trim()).ok()?;
        SAFE_SCHEMES.contains(&url.scheme()).then_some(Self(url))
    }

    /// `mailto:` to this address, or `None` when it is no plausible address (one `@`, no
    /// blanks, no characters that would change the URL's meaning).
    pub fn mail(address: &str) -> Option<Self> {
        let address = address.trim();
        let plausible = address.split('@').count() == 2
            && !address.starts_with('@')
            && !address.ends_with('@')
            && !address
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || "?#/\\<>\"'".contains(c));
        if !plausible {
            return None;
        }
        Self::parse(&format!("mailto:{address}"))
    }

    /// The URL, as it goes in the `href`.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// An anchor to the link showing `text`, opened outside the widget.
    pub fn anchor(&self, text: &str) -> Markup {
        html! { a href=(self) target="_blank" rel="noopener noreferrer" { (text) } }
    }
}

impl Render for Link {
    fn render_to(&self, buffer: &mut String) {
        self.as_str().render_to(buffer);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_absolute_http_https_and_mailto_urls_are_links() {
        assert_eq!(
            Link::parse(" https://example.com/a?b=1 ").unwrap().as_str(),
            "https://example.com/a?b=1"
        );
        assert!(Link::parse("http://example.com").is_some());
        assert!(Link::parse("mailto:abuse@example.com").is_some());
        for hostile in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "  javascript:alert(1)",
            "\tjavascript:alert(1)",
            "java\tscript:alert(1)",
            "&#106;avascript:alert(document.cookie)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "//evil.example/x",
            "/relative",
            "",
        ] {
            assert_eq!(Link::parse(hostile), None, "{hostile:?}");
        }
    }

    #[test]
    fn a_link_renders_escaped() {
        let link = Link::parse("https://example.com/?q=\"><script>").unwrap();
        let html = link.anchor("<b>x</b>").into_string();
        assert!(!html.contains("<script>"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
        assert!(
            html.starts_with("<a href=\"https://example.com/?q=%22%3E%3Cscript%3E\""),
            "{html}"
        );
    }

    #[test]
    fn mail_links_take_plausible_addresses_only() {
        assert_eq!(
            Link::mail("abuse@example.com").unwrap().as_str(),
            "mailto:abuse@example.com"
        );
        for hostile in [
            "a@b@c",
            "@example.com",
            "x y@example.com",
            "a@example.com?body=x",
            "\"a\"@b",
        ] {
            assert_eq!(Link::mail(hostile), None, "{hostile:?}");
        }
    }
}
