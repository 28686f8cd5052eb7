//! The rules of a connector: app metadata formats and the configuration fields.

use std::collections::HashSet;

use darling::Error;

use super::{default_in_value_list, error_at, one_of, text};
use crate::model::connector::{Connector, FieldRole};

/// Checks a connector; returns every violation.
pub fn check(connector: &Connector) -> darling::Result<()> {
    let mut errors = Error::accumulator();
    let app = &connector.app;
    if !is_uuid(&app.appid) {
        errors.push(error_at(
            app.appid.span(),
            format!(
                "`{}` is not a valid appid: expected a lowercase UUID such as \"776ab991-313e-48e7-bccd-e8c9650c239a\"",
                *app.appid
            ),
        ));
    }
    if crate::names::slug(&app.name).is_empty() {
        errors.push(error_at(
            app.name.span(),
            "the app's name needs at least one letter or digit: the package and module names are made of it",
        ));
    }
    if let Some(error) = one_of(
        "app type",
        &app.app_type,
        &soar_vocab::APP_TYPES,
        app.app_type.span(),
    ) {
        errors.push(error);
    }
    if let Some(version) = &app.app_version
        && !is_version(version, 3, 3)
    {
        errors.push(error_at(
            version.span(),
            format!(
                "`{}` is not a valid app version: expected x.y.z, such as \"1.0.0\"",
                **version
            ),
        ));
    }
    if !is_version(&app.min_phantom_version, 3, 4) {
        errors.push(error_at(
            app.min_phantom_version.span(),
            format!(
                "`{}` is not a valid platform version: expected x.y.z or x.y.z.w, such as \"6.3.0\"",
                *app.min_phantom_version
            ),
        ));
    }
    if !is_python_version(&app.python_version) {
        errors.push(error_at(
            app.python_version.span(),
            format!(
                "`{}` is not a valid python_version: expected versions of Python 3 separated by commas, such as \"3.9, 3.13\"",
                *app.python_version
            ),
        ));
    }
    if let Some(error) = text::required("the connector", &app.description) {
        errors.push(error);
    }
    text::description("the connector", &app.description, &mut errors);
    let mut seen = HashSet::new();
    for field in &connector.fields {
        let FieldRole::Config(spec) = &field.role else {
            continue;
        };
        let what = format!("configuration field `{}`", *spec.name);
        text::description(&what, &spec.description, &mut errors);
        if !seen.insert(spec.name.as_str()) {
            errors.push(error_at(
                spec.name.span(),
                format!("two configuration fields are named `{}`", *spec.name),
            ));
        }
        if let Some(error) = default_in_value_list(spec.default.as_ref(), &spec.value_list) {
            errors.push(error);
        }
    }
    errors.finish()
}

/// Whether `text` is a lowercase hyphenated UUID.
pub fn is_uuid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.len() == 5
        && groups.iter().zip([8, 4, 4, 4, 12]).all(|(group, length)| {
            group.len() == length
                && group
                    .chars()
                    .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c))
        })
}

/// Whether `text` is between `min` and `max` dot-separated non-empty runs of digits.
pub fn is_version(text: &str, min: usize, max: usize) -> bool {
    let parts: Vec<&str> = text.split('.').collect();
    (min..=max).contains(&parts.len())
        && parts
            .iter()
            .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_digit()))
}

/// Whether `text` is what the CI schema accepts as `python_version`: `3` or `3.x`, separated by
/// commas and optional white space.
pub fn is_python_version(text: &str) -> bool {
    text.split(',').enumerate().all(|(index, version)| {
        let version = if index == 0 {
            version
        } else {
            version.trim_start()
        };
        match version.strip_prefix('3') {
            Some("") => true,
            Some(minor) => minor.strip_prefix('.').is_some_and(|digits| {
                !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
            }),
            None => false,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids() {
        assert!(is_uuid("776ab991-313e-48e7-bccd-e8c9650c239a"));
        assert!(!is_uuid("776AB991-313e-48e7-bccd-e8c9650c239a"));
        assert!(!is_uuid("776ab991-313e-48e7-bccd"));
        assert!(!is_uuid("776ab991313e48e7bccde8c9650c239a"));
        assert!(!is_uuid("776ab99g-313e-48e7-bccd-e8c9650c239a"));
    }

    #[test]
    fn versions() {
        assert!(is_version("1.0.0", 3, 3));
        assert!(!is_version("1.0", 3, 3));
        assert!(!is_version("1.0.0-beta", 3, 3));
        assert!(is_version("6.2.2.134", 3, 4));
        assert!(!is_version("6..2", 3, 4));
    }

    #[test]
    fn python_versions() {
        assert!(is_python_version("3"));
        assert!(is_python_version("3.9, 3.13"));
        assert!(is_python_version("3.13,3.14"));
        assert!(!is_python_version("2.7"));
        assert!(!is_python_version("3.9 ,3.13"));
        assert!(!is_python_version("3."));
        assert!(!is_python_version(""));
    }
}
