//! Text of the generated Rust: string and value literals, doc comments.

use serde_json::Value;

/// A Rust string literal of `text` (Rust's own escapes).
pub fn string(text: &str) -> String {
    format!("{text:?}")
}

/// A Rust literal of a JSON string, number or boolean; `None` for anything else (and for a
/// number that is neither an `i64` nor a finite `f64`).
pub fn literal(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(string(text)),
        Value::Bool(flag) => Some(flag.to_string()),
        Value::Number(number) => {
            if let Some(integer) = number.as_i64() {
                Some(integer.to_string())
            } else {
                number
                    .as_f64()
                    .filter(|float| float.is_finite())
                    .map(|float| format!("{float:?}"))
            }
        }
        Value::Null | Value::Array(_) | Value::Object(_) => None,
    }
}

/// A list of literals: `["a", "b"]`.
pub fn list(items: &[String]) -> String {
    format!("[{}]", items.join(", "))
}

/// Whether `text` comes back unchanged as the first paragraph of a doc comment (one line,
/// nothing around it), so the doc comment can say it.
pub fn fits_first_paragraph(text: &str) -> bool {
    !text.is_empty() && text.trim() == text && !text.contains(['\n', '\r'])
}

/// Whether `text` comes back unchanged as the rest of a doc comment after its first paragraph:
/// nothing around it, no carriage return, and no blank-line trouble at its start.
pub fn fits_doc_rest(text: &str) -> bool {
    !text.is_empty() && text.trim() == text && !text.contains('\r')
}

/// The lines of a doc comment at `indent` saying `text`.
pub fn doc(out: &mut String, indent: &str, text: &str) {
    for line in text.split('\n') {
        if line.is_empty() {
            out.push_str(&format!("{indent}///\n"));
        } else {
            out.push_str(&format!("{indent}/// {line}\n"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn literals_of_json_values() {
        assert_eq!(literal(&json!("a\"b\n")).as_deref(), Some(r#""a\"b\n""#));
        assert_eq!(literal(&json!(30)).as_deref(), Some("30"));
        assert_eq!(literal(&json!(-1)).as_deref(), Some("-1"));
        assert_eq!(literal(&json!(1.0)).as_deref(), Some("1.0"));
        assert_eq!(literal(&json!(0.5)).as_deref(), Some("0.5"));
        assert_eq!(literal(&json!(true)).as_deref(), Some("true"));
        assert_eq!(literal(&json!(null)), None);
        assert_eq!(literal(&json!([1])), None);
    }

    #[test]
    fn texts_that_a_doc_comment_keeps() {
        assert!(fits_first_paragraph("Query WHOIS"));
        assert!(!fits_first_paragraph(" Query"));
        assert!(!fits_first_paragraph("Two\nlines"));
        assert!(fits_doc_rest("Line one\n\n  indented"));
        assert!(!fits_doc_rest("trailing\n"));
        let mut out = String::new();
        doc(&mut out, "    ", "a\n\nb");
        assert_eq!(out, "    /// a\n    ///\n    /// b\n");
    }
}
