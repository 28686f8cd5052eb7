//! The rules of a connector: app metadata formats and the configuration fields.

use std::collections::HashSet;

use darling::Error;
use darling::util::SpannedValue;

use soar_vocab::text::{
    is_app_version, is_cidr, is_lowercase_uuid, is_main_module, is_min_phantom_version,
    is_python_version_text,
};

use super::{default_in_value_list, error_at, one_of, text};
use crate::model::connector::{Connector, FieldRole};

/// Checks a connector; returns every violation.
pub fn check(connector: &Connector) -> darling::Result<()> {
    let mut errors = Error::accumulator();
    let app = &connector.app;
    if !is_lowercase_uuid(&app.appid) {
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
        && !is_app_version(version)
    {
        errors.push(error_at(
            version.span(),
            format!(
                "`{}` is not a valid app version: expected x.y.z, such as \"1.0.0\"",
                **version
            ),
        ));
    }
    if !is_min_phantom_version(&app.min_phantom_version) {
        errors.push(error_at(
            app.min_phantom_version.span(),
            format!(
                "`{}` is not a valid platform version: expected x.y.z or x.y.z.w, such as \"6.3.0\"",
                *app.min_phantom_version
            ),
        ));
    }
    if !is_python_version_text(&app.python_version) {
        errors.push(error_at(
            app.python_version.span(),
            format!(
                "`{}` is not a valid python_version: expected versions of Python 3 separated by commas, such as \"3.9, 3.13\"",
                *app.python_version
            ),
        ));
    }
    if !is_main_module(&app.main_module) {
        errors.push(error_at(
            app.main_module.span(),
            format!(
                "`{}` is not a valid main_module: expected a Python identifier and `.py`, such as \"whois_connector.py\" (the bridge imports it)",
                *app.main_module
            ),
        ));
    }
    for network in app.webhook.iter().flat_map(|webhook| &webhook.ip_allowlist) {
        if !is_cidr(network) {
            errors.push(error_at(
                network.span(),
                format!(
                    "`{}` is not a network the webhook's ip_allowlist takes: expected an IPv4 or IPv6 address or CIDR with no bits set after the prefix, such as \"10.0.0.0/8\" or \"::/0\"",
                    **network
                ),
            ));
        }
    }
    wheels("pip39_wheels", 9, &app.pip39_wheels, &mut errors);
    wheels("pip313_wheels", 13, &app.pip313_wheels, &mut errors);
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

/// Checks the wheels of `attribute`, which the platform installs for Python `3.<minor>`: each
/// lies below `wheels/`, is named as a wheel, fits that Python, and is listed once.
fn wheels(
    attribute: &str,
    minor: u32,
    paths: &[SpannedValue<String>],
    errors: &mut darling::error::Accumulator,
) {
    let mut seen = HashSet::new();
    for path in paths {
        if let Some(problem) = soar_vocab::wheel::problem(path, minor) {
            errors.push(error_at(
                path.span(),
                format!("`{}` cannot be in {attribute}: it {problem}", **path),
            ));
        } else if !seen.insert(path.as_str()) {
            errors.push(error_at(
                path.span(),
                format!("{attribute} lists `{}` twice", **path),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn violations(extra: &str) -> Vec<String> {
        let args: proc_macro2::TokenStream = format!(
            r#"appid = "1b4c2f39-0a55-4c1e-9d57-5f3f1a7c9e21", name = "WHOIS", publisher = "Example Corp",
            app_type = "information", product_vendor = "Generic", product_name = "Whois",
            license = "Apache-2.0"{extra}"#
        )
        .parse()
        .unwrap();
        let item: syn::ItemStruct = syn::parse_quote! {
            /// Query WHOIS servers.
            struct Whois {}
        };
        let connector = crate::parse::args(args)
            .and_then(|args| crate::model::connector::build(args, &item))
            .unwrap();
        match check(&connector) {
            Ok(()) => Vec::new(),
            Err(errors) => errors.into_iter().map(|error| error.to_string()).collect(),
        }
    }

    #[test]
    fn the_webhooks_networks_are_cidrs_the_sdk_takes() {
        assert!(violations(", webhook(handler = pushed)").is_empty());
        assert!(
            violations(r#", webhook(handler = pushed, ip_allowlist = ["10.0.0.0/8", "::1"])"#)
                .is_empty()
        );
        let found =
            violations(r#", webhook(handler = pushed, ip_allowlist = ["10.0.0.1/8", "anywhere"])"#);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found[0].starts_with("`10.0.0.1/8` is not a network the webhook's ip_allowlist takes"),
            "{found:?}"
        );
        assert!(found[1].starts_with("`anywhere` is not a network"));
    }

    #[test]
    fn wheels_fit_the_python_of_their_list() {
        let pure = "wheels/py3/cachetools-6.2.1-py3-none-any.whl";
        let only_313 = "wheels/py313/x-1.0-cp313-cp313-manylinux_2_28_x86_64.whl";
        assert!(
            violations(&format!(
                r#", pip39_wheels = ["{pure}"], pip313_wheels = ["{pure}", "{only_313}"]"#
            ))
            .is_empty()
        );
        let found = violations(&format!(
            r#", pip39_wheels = ["{only_313}", "cachetools.whl", "wheels/x.whl"], pip313_wheels = ["{pure}", "{pure}"]"#
        ));
        assert_eq!(
            found,
            [
                format!("`{only_313}` cannot be in pip39_wheels: it does not install on the platform's Python 3.9 (Linux x86_64, glibc 2.28): none of its tags fits"),
                "`cachetools.whl` cannot be in pip39_wheels: it is not a path below `wheels/` in the app directory (relative, `/`-separated, without `.` or `..` parts)".to_owned(),
                "`wheels/x.whl` cannot be in pip39_wheels: it is not a wheel file name: `<distribution>-<version>[-<build>]-<python tag>-<abi tag>-<platform tag>.whl`".to_owned(),
                format!("pip313_wheels lists `{pure}` twice"),
            ]
        );
    }
}
