//! Address ranges: the bounds of `a - b` and CIDR notation (including LACNIC's
//! abbreviated `200.57.128/19`), and the CIDR blocks that cover a range.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// First and last address of a range written as `a - b` or `prefix/length`.
pub(crate) fn bounds(range: &str) -> Option<(IpAddr, IpAddr)> {
    if let Some((first, last)) = range.split_once('-') {
        let first: IpAddr = first.trim().parse().ok()?;
        let last: IpAddr = last.trim().parse().ok()?;
        let ordered = first.is_ipv4() == last.is_ipv4() && number(first) <= number(last);
        return ordered.then_some((first, last));
    }
    let (prefix, length) = range.trim().split_once('/')?;
    let length: u32 = length.parse().ok()?;
    let (network, bits) = match prefix.parse::<Ipv6Addr>() {
        Ok(v6) => (u128::from(v6), 128),
        Err(_) => (u128::from(u32::from(short_ipv4(prefix)?)), 32),
    };
    if length > bits {
        return None;
    }
    let host_mask = low_bits(bits - length);
    let first = network & !host_mask;
    Some((address(first, bits)?, address(first | host_mask, bits)?))
}

/// The CIDR blocks that exactly cover `first..=last`, in order.
pub(crate) fn blocks(first: IpAddr, last: IpAddr) -> Vec<String> {
    let bits = if first.is_ipv4() { 32 } else { 128 };
    let (mut start, end) = (number(first), number(last));
    let mut blocks = Vec::new();
    while start <= end {
        let mut size = start.trailing_zeros().min(bits);
        while size > 0 && start | low_bits(size) > end {
            size -= 1;
        }
        if let Some(network) = address(start, bits) {
            blocks.push(format!("{network}/{}", bits - size));
        }
        let block_last = start | low_bits(size);
        if block_last >= end {
            break;
        }
        start = block_last + 1;
    }
    blocks
}

/// `200.57.128` as `200.57.128.0`: missing trailing octets are zero.
fn short_ipv4(text: &str) -> Option<Ipv4Addr> {
    let mut octets = [0_u8; 4];
    let parts: Vec<&str> = text.split('.').collect();
    if parts.is_empty() || parts.len() > 4 {
        return None;
    }
    for (octet, part) in octets.iter_mut().zip(parts) {
        *octet = part.parse().ok()?;
    }
    Some(Ipv4Addr::from(octets))
}

fn low_bits(count: u32) -> u128 {
    if count >= 128 {
        u128::MAX
    } else {
        (1_u128 << count) - 1
    }
}

fn number(address: IpAddr) -> u128 {
    match address {
        IpAddr::V4(v4) => u128::from(u32::from(v4)),
        IpAddr::V6(v6) => u128::from(v6),
    }
}

fn address(value: u128, bits: u32) -> Option<IpAddr> {
    if bits == 32 {
        u32::try_from(value)
            .ok()
            .map(|v| IpAddr::V4(Ipv4Addr::from(v)))
    } else {
        Some(IpAddr::V6(Ipv6Addr::from(value)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_bounds(range: &str) -> Option<(String, String)> {
        bounds(range).map(|(a, b)| (a.to_string(), b.to_string()))
    }

    #[test]
    fn ranges_have_bounds() {
        assert_eq!(
            text_bounds("196.11.239.0 - 196.11.246.255"),
            Some(("196.11.239.0".into(), "196.11.246.255".into()))
        );
        assert_eq!(
            text_bounds("200.57.128/19"),
            Some(("200.57.128.0".into(), "200.57.159.255".into()))
        );
        assert_eq!(
            text_bounds("2001:43f8:07b0::/48"),
            Some((
                "2001:43f8:7b0::".into(),
                "2001:43f8:7b0:ffff:ffff:ffff:ffff:ffff".into()
            ))
        );
        assert_eq!(text_bounds("10.0.0.9 - 10.0.0.1"), None);
        assert_eq!(text_bounds("10.0.0.0/33"), None);
        assert_eq!(text_bounds("nonsense"), None);
    }

    #[test]
    fn blocks_cover_ranges_exactly() {
        let (a, b) = bounds("196.11.239.0 - 196.11.246.255").unwrap();
        assert_eq!(
            blocks(a, b),
            [
                "196.11.239.0/24",
                "196.11.240.0/22",
                "196.11.244.0/23",
                "196.11.246.0/24"
            ]
        );
        let (a, b) = bounds("::/0").unwrap();
        assert_eq!(blocks(a, b), ["::/0"]);
        let (a, b) = bounds("0.0.0.0 - 255.255.255.255").unwrap();
        assert_eq!(blocks(a, b), ["0.0.0.0/0"]);
    }
}
