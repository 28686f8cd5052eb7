//! Contract rules on top-level values.

use crate::AppJson;
use crate::validate::finding::{Finding, Rule};
use crate::validate::pointer::Pointer;
use soar_vocab::{text, wheel};

/// The shape of the platform's own timestamps: `0` stands for a digit.
const PLATFORM_TIMESTAMP: &[u8; 27] = b"0000-00-00T00:00:00.000000Z";

/// Checks the case of `appid`, the `package_name` prefix, the spelling of `utctime_updated`
/// the webhook's networks and the wheels of the Python versions' dependency lists.
pub(super) fn check(app: &AppJson, findings: &mut Vec<Finding>) {
    let root = Pointer::root();
    if text::is_uuid(&app.appid) && !text::is_lowercase_uuid(&app.appid) {
        let message = format!("`appid` has uppercase hex digits: {:?}", app.appid);
        findings.push(Finding::new(Rule::AppIdCase, &root.child("appid"), message));
    }
    if !app.package_name.starts_with("phantom_") {
        let message = format!(
            "`package_name` does not start with `phantom_`: {:?}",
            app.package_name
        );
        findings.push(Finding::new(
            Rule::PackageName,
            &root.child("package_name"),
            message,
        ));
    }
    if let Some(updated) = &app.utctime_updated
        && text::is_date_time(updated)
        && !is_platform_timestamp(updated)
    {
        let message =
            format!("`utctime_updated` is not written as YYYY-MM-DDTHH:MM:SS.ffffffZ: {updated:?}");
        findings.push(Finding::new(
            Rule::UpdatedTimeFormat,
            &root.child("utctime_updated"),
            message,
        ));
    }
    let networks = app
        .webhook
        .iter()
        .flat_map(|webhook| webhook.ip_allowlist.iter().flatten());
    for (index, network) in networks.enumerate() {
        if !text::is_cidr(network) {
            let message = format!(
                "the webhook's `ip_allowlist` has {network:?}, which is no IPv4 or IPv6 network (an address, or a CIDR without host bits)"
            );
            findings.push(Finding::new(
                Rule::WebhookNetwork,
                &root.child("webhook").child("ip_allowlist").child(index),
                message,
            ));
        }
    }
    wheels(app, findings);
}

/// Checks that every wheel of a `pip3<minor>_dependencies` list installs on CPython `3.<minor>`.
fn wheels(app: &AppJson, findings: &mut Vec<Finding>) {
    for (key, dependencies) in app.dependency_sets() {
        let Some(minor) = wheel::dependencies_minor(key) else {
            continue;
        };
        for (index, listed) in dependencies.wheel.iter().flatten().enumerate() {
            if let Some(problem) = wheel::problem(&listed.input_file, minor) {
                let message = format!("the wheel {:?} {problem}", listed.input_file);
                findings.push(Finding::new(
                    Rule::WheelPython,
                    &Pointer::root()
                        .child(key)
                        .child("wheel")
                        .child(index)
                        .child("input_file"),
                    message,
                ));
            }
        }
    }
}

/// Whether `text` is spelled like [`PLATFORM_TIMESTAMP`].
fn is_platform_timestamp(text: &str) -> bool {
    text.len() == PLATFORM_TIMESTAMP.len()
        && text
            .bytes()
            .zip(PLATFORM_TIMESTAMP)
            .all(|(b, &shape)| match shape {
                b'0' => b.is_ascii_digit(),
                _ => b == shape,
            })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn platform_timestamps() {
        assert!(is_platform_timestamp("2025-08-01T20:41:01.275386Z"));
        assert!(!is_platform_timestamp("2025-08-01T20:41:01Z"));
        assert!(!is_platform_timestamp("2025-08-01T20:41:01.275386+00:00"));
        assert!(!is_platform_timestamp("2025-08-01t20:41:01.275386z"));
    }
}
