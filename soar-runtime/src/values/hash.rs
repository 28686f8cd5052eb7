//! Hex digests: [`Md5`], [`Sha1`], [`Sha256`], [`Sha512`], and [`Hash`], any of the four.
//!
//! A digest is exactly the number of hexadecimal digits of its algorithm (either case, as the
//! stock validators want) and is kept and printed in lower case.

use std::fmt;
use std::str::FromStr;

use super::ParseError;
use super::param::{string_value, text_value};
use crate::contains::{is_md5, is_sha1, is_sha256, is_sha512};

/// Defines one digest type holding its lower-case hex text.
macro_rules! digest {
    ($(#[$doc:meta])* $name:ident, algorithm = $algorithm:literal, valid = $valid:path, reason = $reason:literal) => {
        text_value! {
            $(#[$doc])*
            $name, text = "The digest in lower-case hex.", contains = &[$algorithm]
        }

        impl $name {
            /// The algorithm's name as the platform's `contains` spells it.
            pub const ALGORITHM: &'static str = $algorithm;
        }

        impl FromStr for $name {
            type Err = ParseError;

            fn from_str(text: &str) -> Result<Self, ParseError> {
                if $valid(text) {
                    Ok(Self(text.to_ascii_lowercase()))
                } else {
                    Err(ParseError::new($reason))
                }
            }
        }
    };
}

digest! {
    /// An MD5 digest: 32 hex digits. As a parameter it advertises `contains` `md5`.
    Md5, algorithm = "md5", valid = is_md5, reason = "not an MD5 digest (32 hex digits)"
}

digest! {
    /// A SHA-1 digest: 40 hex digits. As a parameter it advertises `contains` `sha1`.
    Sha1, algorithm = "sha1", valid = is_sha1, reason = "not a SHA-1 digest (40 hex digits)"
}

digest! {
    /// A SHA-256 digest: 64 hex digits. As a parameter it advertises `contains` `sha256`.
    Sha256, algorithm = "sha256", valid = is_sha256, reason = "not a SHA-256 digest (64 hex digits)"
}

digest! {
    /// A SHA-512 digest: 128 hex digits. As a parameter it advertises `contains` `sha512`.
    Sha512, algorithm = "sha512", valid = is_sha512, reason = "not a SHA-512 digest (128 hex digits)"
}

/// A digest of any of the four algorithms, told apart by its length.
///
/// As a parameter it advertises `contains` `hash`, `md5`, `sha1`, `sha256` and `sha512`, as
/// real apps do for hash parameters (most list `hash`, `sha256`, `sha1`, `md5`), so that the
/// output of any action that yields one of them feeds it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Hash {
    /// An MD5 digest.
    Md5(Md5),
    /// A SHA-1 digest.
    Sha1(Sha1),
    /// A SHA-256 digest.
    Sha256(Sha256),
    /// A SHA-512 digest.
    Sha512(Sha512),
}

impl Hash {
    /// The digest in lower-case hex.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Md5(digest) => digest.as_str(),
            Self::Sha1(digest) => digest.as_str(),
            Self::Sha256(digest) => digest.as_str(),
            Self::Sha512(digest) => digest.as_str(),
        }
    }

    /// The algorithm's name as the platform's `contains` spells it: `md5`, `sha1`, `sha256`
    /// or `sha512`.
    pub fn algorithm(&self) -> &'static str {
        match self {
            Self::Md5(_) => Md5::ALGORITHM,
            Self::Sha1(_) => Sha1::ALGORITHM,
            Self::Sha256(_) => Sha256::ALGORITHM,
            Self::Sha512(_) => Sha512::ALGORITHM,
        }
    }
}

impl AsRef<str> for Hash {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl FromStr for Hash {
    type Err = ParseError;

    fn from_str(text: &str) -> Result<Self, ParseError> {
        let invalid = || {
            ParseError::new(
                "not an MD5, SHA-1, SHA-256 or SHA-512 digest (32, 40, 64 or 128 hex digits)",
            )
        };
        match text.len() {
            32 => text.parse().map(Self::Md5),
            40 => text.parse().map(Self::Sha1),
            64 => text.parse().map(Self::Sha256),
            128 => text.parse().map(Self::Sha512),
            _ => Err(invalid()),
        }
        .map_err(|_| invalid())
    }
}

impl fmt::Display for Hash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

string_value!(
    Hash,
    contains = &[
        "hash",
        Md5::ALGORITHM,
        Sha1::ALGORITHM,
        Sha256::ALGORITHM,
        Sha512::ALGORITHM
    ]
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::Param;
    use serde_json::json;

    #[test]
    fn digests_are_lower_cased() {
        let upper = "D41D8CD98F00B204E9800998ECF8427E";
        assert_eq!(
            upper.parse::<Md5>().map(String::from),
            Ok(upper.to_ascii_lowercase())
        );
        assert_eq!(
            "A".repeat(40).parse::<Sha1>().map(String::from),
            Ok("a".repeat(40))
        );
        assert_eq!(
            "B".repeat(64).parse::<Sha256>().map(String::from),
            Ok("b".repeat(64))
        );
        assert_eq!(
            "C".repeat(128).parse::<Sha512>().map(String::from),
            Ok("c".repeat(128))
        );
    }

    #[test]
    fn digests_have_their_exact_length() {
        assert_eq!(
            "a".repeat(31).parse::<Md5>(),
            Err(ParseError::new("not an MD5 digest (32 hex digits)"))
        );
        assert_eq!(
            "a".repeat(32).parse::<Sha1>(),
            Err(ParseError::new("not a SHA-1 digest (40 hex digits)"))
        );
        assert_eq!(
            "g".repeat(64).parse::<Sha256>(),
            Err(ParseError::new("not a SHA-256 digest (64 hex digits)"))
        );
        assert_eq!(
            "a".repeat(129).parse::<Sha512>(),
            Err(ParseError::new("not a SHA-512 digest (128 hex digits)"))
        );
    }

    #[test]
    fn hash_knows_its_algorithm() {
        for (len, algorithm) in [(32, "md5"), (40, "sha1"), (64, "sha256"), (128, "sha512")] {
            let hash: Hash = "F".repeat(len).parse().expect("a digest");
            assert_eq!(
                (hash.algorithm(), hash.as_str()),
                (algorithm, &*"f".repeat(len))
            );
        }
        let reason = "not an MD5, SHA-1, SHA-256 or SHA-512 digest (32, 40, 64 or 128 hex digits)";
        for text in [
            String::new(),
            "a".repeat(33),
            "z".repeat(32),
            "a".repeat(256),
        ] {
            assert_eq!(
                text.parse::<Hash>().map_err(|e| e.reason()),
                Err(reason),
                "{text:?}"
            );
        }
    }

    #[test]
    fn as_a_parameter() {
        assert_eq!(Md5::CONTAINS, ["md5"]);
        assert_eq!(Sha1::CONTAINS, ["sha1"]);
        assert_eq!(Sha256::CONTAINS, ["sha256"]);
        assert_eq!(Sha512::CONTAINS, ["sha512"]);
        assert_eq!(Hash::CONTAINS, ["hash", "md5", "sha1", "sha256", "sha512"]);
        let md5 = "d41d8cd98f00b204e9800998ecf8427e";
        assert_eq!(
            Hash::from_param(&json!(md5)).map(|h| h.algorithm()),
            Ok("md5")
        );
        let hash: Hash = md5.to_ascii_uppercase().parse().expect("an MD5 digest");
        assert_eq!(serde_json::to_value(&hash).ok(), Some(json!(md5)));
        assert_eq!(serde_json::from_value::<Hash>(json!(md5)).ok(), Some(hash));
        assert_eq!(
            serde_json::from_value::<Sha1>(json!("A".repeat(40)))
                .map(String::from)
                .ok(),
            Some("a".repeat(40))
        );
    }
}
