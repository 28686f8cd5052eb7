//! Reply text as classified lines, and RPSL-style objects (runs of lines between blank
//! lines). Every family parser starts from here.

/// One line of a reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line<'a> {
    /// Leading white space, tabs counted to the next multiple of 8.
    pub indent: usize,
    /// What the line holds.
    pub kind: Kind<'a>,
}

/// What a line holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind<'a> {
    /// Nothing but white space.
    Blank,
    /// `%`, `#` and `>>>` lines: banners, notices, timestamps.
    Comment(&'a str),
    /// A line made only of `-`, `=`, `*`, `_`: a visual separator.
    Rule,
    /// `key: value` (dotted leaders removed from the key); `value` may be empty, which
    /// makes the line a label.
    Pair { key: &'a str, value: &'a str },
    /// Any other text, trimmed.
    Text(&'a str),
}

/// Keys longer than this (in words) are prose that happens to hold a colon.
const MAX_KEY_WORDS: usize = 10;

/// Splits a reply into classified lines.
pub(crate) fn lex(text: &str) -> Vec<Line<'_>> {
    text.lines().map(classify).collect()
}

fn classify(raw: &str) -> Line<'_> {
    let content = raw.trim_end();
    let indent = indent_of(content);
    let trimmed = content.trim_start();
    let kind = if trimmed.is_empty() {
        Kind::Blank
    } else if trimmed.starts_with(['%', '#']) || trimmed.starts_with(">>>") {
        Kind::Comment(trimmed)
    } else if trimmed
        .chars()
        .all(|c| matches!(c, '-' | '=' | '*' | '_' | ' '))
    {
        Kind::Rule
    } else {
        // `** Registrant:` (.tr) and `* notice *` banners: the stars are decoration.
        let trimmed = trimmed.trim_start_matches(['*', ' ']);
        pair(trimmed).unwrap_or(Kind::Text(trimmed))
    };
    Line { indent, kind }
}

fn indent_of(line: &str) -> usize {
    let mut width = 0;
    for c in line.chars() {
        match c {
            '\t' => width = (width / 8 + 1) * 8,
            c if c.is_whitespace() => width += 1,
            _ => break,
        }
    }
    width
}

fn pair(text: &str) -> Option<Kind<'_>> {
    let (key, value) = text.split_once(':')?;
    if value.starts_with("//") {
        return None; // a URL, not a key
    }
    let key = key.trim_end().trim_end_matches('.').trim_end();
    let starts_well = key.chars().next().is_some_and(char::is_alphanumeric);
    if !starts_well || key.split_whitespace().count() > MAX_KEY_WORDS {
        return None;
    }
    Some(Kind::Pair {
        key,
        value: value.trim(),
    })
}

/// A run of lines between blank (or comment) lines: an RPSL object, or a paragraph.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Object<'a> {
    /// A leading text line such as DENIC's `[Tech-C]`.
    pub title: Option<&'a str>,
    /// The `key: value` lines, keys as written.
    pub pairs: Vec<(&'a str, &'a str)>,
}

impl<'a> Object<'a> {
    /// The first value of `key` (compared after [`super::keys::normalise`]).
    pub fn get(&self, key: &str) -> Option<&'a str> {
        self.values(key).next()
    }

    /// Every value of `key` (compared after [`super::keys::normalise`]).
    pub fn values<'s>(&'s self, key: &'s str) -> impl Iterator<Item = &'a str> + 's {
        self.pairs
            .iter()
            .filter(move |(k, _)| super::keys::normalise(k) == key)
            .map(|(_, v)| *v)
    }

    /// The normalised key of the first line.
    pub fn first_key(&self) -> Option<String> {
        self.pairs.first().map(|(k, _)| super::keys::normalise(k))
    }
}

/// Groups lines into objects. Text lines after the first pair are continuation lines
/// (addresses) and are dropped.
pub(crate) fn objects<'a>(lines: &[Line<'a>]) -> Vec<Object<'a>> {
    let mut objects = Vec::new();
    let mut current = Object::default();
    for line in lines {
        match line.kind {
            Kind::Blank | Kind::Comment(_) => {
                if current != Object::default() {
                    objects.push(std::mem::take(&mut current));
                }
            }
            Kind::Pair { key, value } => current.pairs.push((key, value)),
            Kind::Text(text) if current == Object::default() => current.title = Some(text),
            Kind::Text(_) | Kind::Rule => {}
        }
    }
    if current != Object::default() {
        objects.push(current);
    }
    objects
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(line: &str) -> Kind<'_> {
        classify(line).kind
    }

    #[test]
    fn lines_are_classified() {
        assert_eq!(
            kind("   Domain Name: GOOGLE.COM"),
            Kind::Pair {
                key: "Domain Name",
                value: "GOOGLE.COM"
            }
        );
        assert_eq!(
            kind("Created on..............: 2001-Aug-23."),
            Kind::Pair {
                key: "Created on",
                value: "2001-Aug-23."
            }
        );
        assert_eq!(
            kind("Name Server: "),
            Kind::Pair {
                key: "Name Server",
                value: ""
            }
        );
        assert_eq!(
            kind("** Registrant:"),
            Kind::Pair {
                key: "Registrant",
                value: ""
            }
        );
        assert_eq!(kind("http://www.nic.ve"), Kind::Text("http://www.nic.ve"));
        assert_eq!(
            kind("%% No entries found"),
            Kind::Comment("%% No entries found")
        );
        assert_eq!(kind(" ------------- "), Kind::Rule);
        assert_eq!(kind("\t"), Kind::Blank);
        assert_eq!(classify("\tName:\tx").indent, 8);
    }

    #[test]
    fn objects_split_on_blank_lines() {
        let lines = lex("[Tech-C]\nName: A\n   continued\n\n% note\nnserver: b\n");
        let objects = objects(&lines);
        assert_eq!(objects.len(), 2);
        assert_eq!(objects[0].title, Some("[Tech-C]"));
        assert_eq!(objects[0].get("name"), Some("A"));
        assert_eq!(objects[1].first_key().as_deref(), Some("nserver"));
    }
}
