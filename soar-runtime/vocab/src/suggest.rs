//! "Did you mean" suggestions for misspelled names: one rule for every place that names the
//! nearest known word (the macros' contains and attribute values, the local runner's `--param`
//! and `--config` names).

/// The candidate closest to `word`, if it is close enough to be what was meant: equal when case,
/// spaces, `_` and `-` are ignored, or within a small edit distance (one edit for words of up to
/// four characters, two beyond). An edit is an insertion, a deletion, a substitution or a swap of
/// two neighbours (`timout`, `domian`: the typing mistakes people make), counted in characters.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let squashed = squash(word);
    let allowed = if word.chars().count() <= 4 { 1 } else { 2 };
    candidates
        .into_iter()
        .map(|candidate| {
            let distance = if squash(candidate) == squashed {
                0
            } else {
                strsim::osa_distance(word, candidate)
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
        let known = [
            "domain",
            "host name",
            "ip",
            "ipv6",
            "investigate",
            "timeout",
        ];
        assert_eq!(closest("domian", known), Some("domain"));
        assert_eq!(closest("timout", known), Some("timeout"));
        assert_eq!(closest("hostname", known), Some("host name"));
        assert_eq!(closest("Host_Name", known), Some("host name"));
        assert_eq!(closest("ipp", known), Some("ip"));
        assert_eq!(closest("investigat", known), Some("investigate"));
        assert_eq!(closest("crowdstrike device id", known), None);
        assert_eq!(closest("url", known), None);
        assert_eq!(closest("x", []), None);
    }

    #[test]
    fn the_nearest_of_several_wins() {
        assert_eq!(closest("ipv5", ["ip", "ipv6"]), Some("ipv6"));
        assert_eq!(closest("server", ["sever", "server"]), Some("server"));
    }

    #[test]
    fn listings_quote_each_candidate() {
        assert_eq!(listing(["a", "b"]), "`a`, `b`");
        assert_eq!(listing([]), "");
    }
}
