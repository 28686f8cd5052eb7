//! The 11 stock validators, one function each, exactly as contract section 4 states them.
//!
//! Each matches the whole value, with no trimming. Lengths ("at most 255 characters") count
//! Unicode scalar values, as the platform's Python does.

/// Whether `value` has at most 255 characters.
fn at_most_255_chars(value: &str) -> bool {
    value.len() <= 255 || value.chars().count() <= 255
}

/// `ip`: an IPv4 dotted quad, each octet 0-255 written without leading zeros.
///
/// IPv6 fails (apps that take IPv6 add an `ipv6` validator of their own). `0.0.0.0` passes,
/// `01.2.3.4` fails.
pub fn is_ip(value: &str) -> bool {
    let mut octets = 0;
    for octet in value.split('.') {
        octets += 1;
        if octets > 4 || !is_octet(octet) {
            return false;
        }
    }
    octets == 4
}

/// One to three decimal digits with no leading zero (except `0` itself), at most 255.
fn is_octet(text: &str) -> bool {
    match text.as_bytes() {
        [b'0'] => true,
        digits @ [b'1'..=b'9', ..]
            if digits.len() <= 3 && digits.iter().all(u8::is_ascii_digit) =>
        {
            digits
                .iter()
                .fold(0u16, |n, d| n * 10 + u16::from(d - b'0'))
                <= 255
        }
        _ => false,
    }
}

/// Whether `value` is exactly `len` hexadecimal digits, either case.
fn is_hex_of_len(value: &str, len: usize) -> bool {
    value.len() == len && value.bytes().all(|b| b.is_ascii_hexdigit())
}

/// `md5`: exactly 32 hexadecimal digits, either case.
pub fn is_md5(value: &str) -> bool {
    is_hex_of_len(value, 32)
}

/// `sha1`: exactly 40 hexadecimal digits, either case.
pub fn is_sha1(value: &str) -> bool {
    is_hex_of_len(value, 40)
}

/// `sha256`: exactly 64 hexadecimal digits, either case.
pub fn is_sha256(value: &str) -> bool {
    is_hex_of_len(value, 64)
}

/// `sha512`: exactly 128 hexadecimal digits, either case.
pub fn is_sha512(value: &str) -> bool {
    is_hex_of_len(value, 128)
}

/// `hash`: any of `md5`, `sha1`, `sha256`, `sha512`.
pub fn is_hash(value: &str) -> bool {
    matches!(value.len(), 32 | 40 | 64 | 128) && value.bytes().all(|b| b.is_ascii_hexdigit())
}

/// `url`: a scheme (an ASCII letter, then letters, digits, `+`, `-` or `.`), then `://`, then
/// anything at all (including nothing), in either case.
///
/// `HTTP://x` and `a+b.c-d://` pass; `1http://x`, `mailto:x` and `example.com` fail.
pub fn is_url(value: &str) -> bool {
    let Some((first, rest)) = value.as_bytes().split_first() else {
        return false;
    };
    let scheme_rest = rest
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
        .count();
    first.is_ascii_alphabetic() && rest[scheme_rest..].starts_with(b"://")
}

/// `domain`: loose by design. At most 255 characters, not an IPv4 address (as [`is_ip`]
/// judges), and, after dropping one trailing `.`, no dot-separated label contains `@`. Empty
/// fails.
///
/// So `1.2.3.4` and `a@b.c` fail, while `-`, `a..b`, `.` and `1.2.3.4.` pass.
pub fn is_domain(value: &str) -> bool {
    // A label contains `@` exactly when the value does: labels split the value at dots only.
    !value.contains('@') && is_loose_name(value)
}

/// `host name`: as [`is_domain`], but only labels *starting* with `@` fail.
///
/// So `foo@bar.com` passes, `@foo.com` and `foo.@bar` fail.
pub fn is_host_name(value: &str) -> bool {
    // A label starts with `@` exactly when the value does or holds `.@` (the one trailing dot
    // that is dropped cannot be followed by anything).
    !value.starts_with('@') && !value.contains(".@") && is_loose_name(value)
}

/// What `domain` and `host name` share: not empty, at most 255 characters, not an IPv4 address.
fn is_loose_name(value: &str) -> bool {
    !value.is_empty() && at_most_255_chars(value) && !is_ip(value)
}

/// `email`: at most 255 characters, and the whole value is a run of non-whitespace, `@`, a
/// run of non-whitespace, `.`, a run of non-whitespace.
///
/// Whitespace is Unicode `White_Space`. The runs may themselves hold `@` and `.`, so
/// `a@b@c.d` and `a@b.c.` pass, while `user@host` (no dot after the `@`), `a@.b` and `@b.c`
/// fail.
pub fn is_email(value: &str) -> bool {
    if !at_most_255_chars(value) || value.chars().any(char::is_whitespace) {
        return false;
    }
    let bytes = value.as_bytes();
    // The first `@` after at least one character leaves the longest domain part, so it is
    // the one to try. `@` and `.` are ASCII: byte positions bound whole characters.
    let Some(at) = bytes.iter().skip(1).position(|&b| b == b'@').map(|i| i + 1) else {
        return false;
    };
    let domain = &bytes[at + 1..];
    domain.len() >= 3 && domain[1..domain.len() - 1].contains(&b'.')
}

/// `mac address`: six pairs of hexadecimal digits (either case) separated by `:` or `-`.
///
/// **Inferred**: each separator may be either character, so `00:1a-2b:3c-4d:5e` passes. The
/// contract only says "separated by `:` or `-`", and the common form of this check in apps
/// (`([0-9a-f]{2}[:-]){5}[0-9a-f]{2}`) accepts mixed separators; nothing justifies the
/// stricter reading.
pub fn is_mac_address(value: &str) -> bool {
    let bytes = value.as_bytes();
    bytes.len() == 17
        && bytes.iter().enumerate().all(|(i, b)| match i % 3 {
            2 => matches!(b, b':' | b'-'),
            _ => b.is_ascii_hexdigit(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stock validator.
    type Validator = fn(&str) -> bool;

    /// Runs `validator` on every `(value, expected)` pair and reports all mismatches at once.
    fn check(name: &str, validator: Validator, cases: &[(&str, bool)]) {
        let wrong: Vec<_> = cases
            .iter()
            .filter(|(value, expected)| validator(value) != *expected)
            .map(|(value, expected)| format!("{value:?} should be {expected}"))
            .collect();
        assert!(wrong.is_empty(), "{name}: {wrong:#?}");
    }

    #[test]
    fn ip() {
        check(
            "ip",
            is_ip,
            &[
                ("1.2.3.4", true),
                ("0.0.0.0", true),
                ("255.255.255.255", true),
                ("10.0.100.9", true),
                ("192.168.1.1", true),
                ("", false),
                ("01.2.3.4", false),
                ("1.2.3.04", false),
                ("1.2.3.00", false),
                ("256.1.1.1", false),
                ("1.2.3.999", false),
                ("1.2.3", false),
                ("1.2.3.4.5", false),
                ("1.2.3.4.", false),
                (".1.2.3.4", false),
                ("1..2.3", false),
                ("1.2.3.-4", false),
                ("1.2.3.+4", false),
                (" 1.2.3.4", false),
                ("1.2.3.4 ", false),
                ("1.2.3.4\n", false),
                ("1.2.3.a", false),
                ("1.2.3.0x4", false),
                ("1.2.3.1000", false),
                ("١.٢.٣.٤", false),
                ("::1", false),
                ("2001:db8::1", false),
                ("::ffff:1.2.3.4", false),
                ("1.2.3.4/24", false),
                ("example.com", false),
            ],
        );
    }

    #[test]
    fn hashes() {
        let md5 = "d41d8cd98f00b204e9800998ecf8427e";
        let sha1 = "da39a3ee5e6b4b0d3255bfef95601890afd80709";
        let sha256 = "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855";
        let sha512 = "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e";
        let validators: [(&str, Validator, usize); 4] = [
            ("md5", is_md5, 32),
            ("sha1", is_sha1, 40),
            ("sha256", is_sha256, 64),
            ("sha512", is_sha512, 128),
        ];
        for (name, validator, len) in validators {
            let cases = [
                (md5, len == 32),
                (sha1, len == 40),
                (sha256, len == 64),
                (sha512, len == 128),
                (&*"A".repeat(len), true),
                (&*"0".repeat(len), true),
                (&*"g".repeat(len), false),
                (&*"a".repeat(len - 1), false),
                (&*"a".repeat(len + 1), false),
                (&*format!(" {}", "a".repeat(len - 1)), false),
                (&*format!("{}é", "a".repeat(len - 2)), false),
                ("", false),
            ];
            check(name, validator, &cases);
        }
        check(
            "hash",
            is_hash,
            &[
                (md5, true),
                (sha1, true),
                (sha256, true),
                (sha512, true),
                (&"aB".repeat(16), true),
                (&"a".repeat(33), false),
                (&"a".repeat(48), false),
                (&"a".repeat(96), false),
                (&format!("{}z", &md5[1..]), false),
                ("", false),
            ],
        );
    }

    #[test]
    fn url() {
        check(
            "url",
            is_url,
            &[
                ("http://example.com", true),
                ("HTTP://x", true),
                ("hTtPs://x/y?z#w", true),
                ("ftp://", true),
                ("a+b.c-d9://anything at all", true),
                ("x://", true),
                ("z://\n", true),
                ("", false),
                ("1http://x", false),
                ("+http://x", false),
                ("mailto:x", false),
                ("http:/x", false),
                ("http//x", false),
                ("://x", false),
                (" http://x", false),
                ("ht tp://x", false),
                ("ht_tp://x", false),
                ("a:b://x", false),
                ("héllo://x", false),
                ("example.com", false),
            ],
        );
    }

    #[test]
    fn domain() {
        let long = format!("{}.com", "a".repeat(251));
        let too_long = format!("{}.com", "a".repeat(252));
        let long_unicode = format!("{}.de", "ü".repeat(252));
        check(
            "domain",
            is_domain,
            &[
                ("example.com", true),
                ("EXAMPLE.COM", true),
                ("example.com.", true),
                ("localhost", true),
                ("a_b!c.xyz", true),
                ("with space.com", true),
                ("-", true),
                ("a..b", true),
                (".", true),
                ("1.2.3.4.", true),
                ("1.2.3", true),
                ("01.2.3.4", true),
                ("::1", true),
                ("bücher.de", true),
                (&long, true),
                (&long_unicode, true),
                (&too_long, false),
                ("", false),
                ("1.2.3.4", false),
                ("0.0.0.0", false),
                ("a@b.c", false),
                ("foo@bar.com", false),
                ("@foo.com", false),
                ("foo.com@", false),
                ("foo.com@.", false),
            ],
        );
    }

    #[test]
    fn host_name() {
        let too_long = "a".repeat(256);
        check(
            "host name",
            is_host_name,
            &[
                ("example.com", true),
                ("server01", true),
                ("foo@bar.com", true),
                ("foo.bar@com", true),
                ("foo.com@", true),
                ("example.com.", true),
                (".", true),
                (&"a".repeat(255), true),
                (&too_long, false),
                ("", false),
                ("1.2.3.4", false),
                ("@foo.com", false),
                ("foo.@bar.com", false),
                ("foo.bar.@", false),
                ("foo.@.", false),
                ("@", false),
            ],
        );
    }

    #[test]
    fn email() {
        let local = "a".repeat(249);
        let max = format!("{local}@b.com");
        let over = format!("{local}a@b.com");
        check(
            "email",
            is_email,
            &[
                ("user@example.com", true),
                ("a@b.c", true),
                ("USER@EXAMPLE.COM", true),
                ("first.last+tag@sub.example.co.uk", true),
                ("a@b@c.d", true),
                ("@@b.c", true),
                ("a@b.c.", true),
                ("a@..c", true),
                ("ü@ü.ü", true),
                ("a@b.c@d", true),
                (&max, true),
                (&over, false),
                ("", false),
                ("user@host", false),
                ("@b.c", false),
                ("a@.c", false),
                ("a@b.", false),
                ("a@bc", false),
                ("a.b@c", false),
                ("a@b. c", false),
                (" a@b.c", false),
                ("a@b.c ", false),
                ("a @b.c", false),
                ("a@b.c\t", false),
                ("a@b.c\u{a0}", false),
                ("plainaddress", false),
            ],
        );
    }

    #[test]
    fn mac_address() {
        check(
            "mac address",
            is_mac_address,
            &[
                ("00:1a:2b:3c:4d:5e", true),
                ("00-1A-2B-3C-4D-5E", true),
                ("AA:bb:CC:dd:EE:ff", true),
                // Inferred: either separator at each position.
                ("00:1a-2b:3c-4d:5e", true),
                ("", false),
                ("00:1a:2b:3c:4d", false),
                ("00:1a:2b:3c:4d:5e:6f", false),
                ("00:1a:2b:3c:4d:5e:", false),
                ("001a.2b3c.4d5e", false),
                ("001a2b3c4d5e", false),
                ("00.1a.2b.3c.4d.5e", false),
                ("00 1a 2b 3c 4d 5e", false),
                ("0:1a:2b:3c:4d:5e0", false),
                ("00:1g:2b:3c:4d:5e", false),
                ("00::1a:2b:3c:4d:5", false),
                (" 00:1a:2b:3c:4d:5e", false),
            ],
        );
    }
}
