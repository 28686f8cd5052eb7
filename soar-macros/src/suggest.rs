//! "Did you mean" suggestions for misspelled names.

/// The candidate closest to `word`, if it is close enough to be what was meant: equal when case,
/// spaces, `_` and `-` are ignored, or within a small edit distance (one edit for words of up to
/// four characters, two beyond).
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let squashed = squash(word);
    let allowed = if word.chars().count() <= 4 { 1 } else { 2 };
    candidates
        .into_iter()
        .map(|candidate| {
            let distance = if squash(candidate) == squashed {
                0
            } else {
                edit_distance(word, candidate)
            };
            (distance, candidate)
        })
        .filter(|(distance, _)| *distance <= allowed)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// Lowercase, without spaces, `_` and `-`.
fn squash(word: &str) -> String {
    word.chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The Levenshtein distance between two strings, counted in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

/// The candidates as a list for a message: `` `a`, `b`, `c` ``.
pub fn listing<'a>(candidates: impl IntoIterator<Item = &'a str>) -> String {
    candidates
        .into_iter()
        .map(|candidate| format!("`{candidate}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_misses_only() {
        let known = ["domain", "host name", "ip", "ipv6", "investigate"];
        assert_eq!(closest("domian", known), Some("domain"));
        assert_eq!(closest("hostname", known), Some("host name"));
        assert_eq!(closest("Host_Name", known), Some("host name"));
        assert_eq!(closest("ipp", known), Some("ip"));
        assert_eq!(closest("investigat", known), Some("investigate"));
        assert_eq!(closest("crowdstrike device id", known), None);
        assert_eq!(closest("url", known), None);
    }

    #[test]
    fn edit_distances() {
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("same", "same"), 0);
    }

    #[test]
    fn listings_quote_each_candidate() {
        assert_eq!(listing(["a", "b"]), "`a`, `b`");
    }
}
