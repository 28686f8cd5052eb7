//! Orders that must run 0..n-1: configuration fields, parameters, table columns.

use crate::Order;
use crate::validate::finding::{Finding, Rule};
use crate::validate::pointer::Pointer;

/// Whether `positions` are exactly 0..n-1 in some order (none missing, none twice).
pub(super) fn runs_from_zero(positions: &[Option<u64>]) -> bool {
    let mut sorted: Vec<u64> = positions.iter().flatten().copied().collect();
    sorted.sort_unstable();
    sorted.len() == positions.len()
        && sorted
            .iter()
            .zip(0u64..)
            .all(|(position, expected)| *position == expected)
}

/// Reports (rule [`Rule::Order`]) each named entry under `at` that has no `order`, or else the
/// whole map at `at` unless the orders run 0..n-1.
pub(super) fn check_orders<'a>(
    entries: impl IntoIterator<Item = (&'a String, Option<&'a Order>)>,
    at: &Pointer,
    findings: &mut Vec<Finding>,
) {
    let mut positions = Vec::new();
    let mut missing = false;
    for (name, order) in entries {
        match order {
            Some(order) => positions.push(order.position()),
            None => {
                missing = true;
                findings.push(Finding::new(
                    Rule::Order,
                    &at.child(name),
                    "missing `order`",
                ));
            }
        }
    }
    if !missing && !runs_from_zero(&positions) {
        let shown: Vec<String> = positions
            .iter()
            .map(|position| position.map_or_else(|| "?".to_owned(), |p| p.to_string()))
            .collect();
        let message = format!(
            "the orders are [{}], not 0..{}",
            shown.join(", "),
            positions.len().saturating_sub(1)
        );
        findings.push(Finding::new(Rule::Order, at, message));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sequences() {
        assert!(runs_from_zero(&[]));
        assert!(runs_from_zero(&[Some(1), Some(0), Some(2)]));
        assert!(!runs_from_zero(&[Some(1), Some(2)]));
        assert!(!runs_from_zero(&[Some(0), Some(0)]));
        assert!(!runs_from_zero(&[Some(0), None]));
    }
}
