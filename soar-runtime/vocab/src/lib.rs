//! Vocabulary shared by the SOAR connector macros (at compile time) and the runtime
//! (at run time): the platform's data types, action kinds, app types and the `contains`
//! strings that have a stock validator.
//!
//! Everything here is a plain constant or predicate so that both sides agree without
//! depending on each other; [`text`] holds the platform's text rules, [`wheel`] those of the wheels an app ships, and
//! [`suggest`] the one rule for "did you mean" suggestions.

pub mod suggest;
pub mod text;
pub mod wheel;

/// The `contains` strings for which the platform ships a validator (contract section 4).
pub const STOCK_CONTAINS: [&str; 11] = [
    "ip",
    "md5",
    "sha1",
    "sha256",
    "sha512",
    "hash",
    "url",
    "domain",
    "host name",
    "email",
    "mac address",
];

/// The `contains` strings that many real apps use (at least 3 of the 67 corpus apps), beyond the
/// stock ones: the macros accept these as written and suggest them for near misses. Any other
/// `contains` is app-specific and must be spelled as such.
pub const WELL_KNOWN_CONTAINS: [&str; 8] = [
    "ipv6",
    "vault id",
    "file path",
    "file name",
    "user name",
    "pid",
    "port",
    "phantom container id",
];

/// Whether `contains` is stock or well known ([`STOCK_CONTAINS`], [`WELL_KNOWN_CONTAINS`]).
pub fn is_known_contains(contains: &str) -> bool {
    is_stock_contains(contains) || WELL_KNOWN_CONTAINS.contains(&contains)
}

/// Action `type` values the platform knows, in the order the CI schema lists them.
pub const ACTION_KINDS: [&str; 6] = [
    "generic",
    "investigate",
    "contain",
    "correct",
    "test",
    "ingest",
];

/// App `type` values the platform's CI schema accepts.
pub const APP_TYPES: [&str; 20] = [
    "devops",
    "email",
    "endpoint",
    "identity management",
    "information",
    "network device",
    "network security",
    "reputation",
    "sandbox",
    "siem",
    "ticketing",
    "firewall",
    "virtualization",
    "forensic",
    "investigative",
    "threat intel",
    "generic",
    "directory service",
    "internal",
    "vulnerability scanner",
];

/// `data_type` values of asset configuration fields that the CI schema accepts.
pub const CONFIG_DATA_TYPES: [&str; 9] = [
    "string", "numeric", "boolean", "password", "ph", "timezone", "file", "object", "array",
];

/// Identifier of the reserved test connectivity action that the framework generates.
pub const TEST_CONNECTIVITY_IDENTIFIER: &str = "test_asset_connectivity";

/// Identifier of the reserved on poll action.
pub const ON_POLL_IDENTIFIER: &str = "on_poll";

/// The on poll parameters in the order the platform declares them.
pub const ON_POLL_PARAMETERS: [&str; 5] = [
    "container_id",
    "start_time",
    "end_time",
    "container_count",
    "artifact_count",
];

/// An app's name reduced to its lowercase ASCII letters and digits (`WHOIS Sample App` ->
/// `whoissampleapp`): the platform installs an app under `<this>_<appid>/`, and the framework
/// makes the app's `package_name`, `main_module` and tarball directory of it.
pub fn app_slug(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The words of a `snake_case` name, each with its first letter in upper case
/// (`whois_connector` -> `Whois`, `Connector`): Python class names and Rust type names the
/// framework makes of module and package names.
pub fn capitalised_words(snake: &str) -> impl Iterator<Item = String> + '_ {
    snake
        .split('_')
        .filter(|word| !word.is_empty())
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
}

/// Whether `contains` has a stock validator.
pub fn is_stock_contains(contains: &str) -> bool {
    STOCK_CONTAINS.contains(&contains)
}

/// Name of the reserved test connectivity action.
pub const TEST_CONNECTIVITY_ACTION: &str = "test connectivity";

/// Identifiers that real apps give the test connectivity action (the framework generates the
/// first, [`TEST_CONNECTIVITY_IDENTIFIER`]).
pub const TEST_CONNECTIVITY_IDENTIFIERS: [&str; 2] =
    [TEST_CONNECTIVITY_IDENTIFIER, "test_connectivity"];

/// Name of the reserved on poll action.
pub const ON_POLL_ACTION: &str = "on poll";

/// The action `type` the framework gives test connectivity (read-only, with no render, lock or
/// undo, as are both specials).
pub const TEST_CONNECTIVITY_KIND: &str = "test";

/// The action `type` the framework gives on poll.
pub const ON_POLL_KIND: &str = "ingest";

/// Data paths that every action other than test connectivity and on poll lists in its output.
pub const STANDARD_DATA_PATHS: [&str; 4] = [
    "action_result.status",
    "action_result.message",
    "summary.total_objects",
    "summary.total_objects_successful",
];

/// `data_type` values of action parameters that the platform documents, and `ph`: the
/// placeholder of the asset form, which 11 corpus apps also put in action forms.
pub const PARAMETER_DATA_TYPES: [&str; 5] = ["string", "numeric", "boolean", "password", "ph"];

/// `data_type` values of action outputs that the platform documents.
pub const OUTPUT_DATA_TYPES: [&str; 3] = ["string", "numeric", "boolean"];

/// The platform version from which a view's pre-rendered HTML is shown (`context["prerender"]`):
/// an app with a view needs at least this `min_phantom_version`.
pub const VIEW_MIN_PHANTOM_VERSION: &str = "7.0.0";

/// The `min_phantom_version` of an app that declares `version`: raised to
/// [`VIEW_MIN_PHANTOM_VERSION`] when the app has a view, since an older platform would show
/// the view's HTML as text.
pub fn min_phantom_version(version: &str, has_views: bool) -> String {
    let numbers = |text: &str| -> Vec<u64> {
        text.split('.')
            .map(|part| part.parse().unwrap_or(0))
            .collect()
    };
    if has_views && numbers(version) < numbers(VIEW_MIN_PHANTOM_VERSION) {
        VIEW_MIN_PHANTOM_VERSION.to_owned()
    } else {
        version.to_owned()
    }
}

/// `render.type` values of an action: a table of the outputs with a `column_name`, a custom view
/// function, or the raw JSON.
pub const RENDER_TYPES: [&str; 3] = ["table", "custom", "json"];

/// The typed values of `soar_runtime::values` that a parameter can have, each with its
/// `data_type` and the `contains` it advertises (the runtime's types declare the same, which its
/// tests check): how `cargo soar import` turns a parameter's `contains` into a type.
pub const VALUE_TYPES: [(&str, &str, &[&str]); 14] = [
    ("Ip", "string", &["ip", "ipv6"]),
    ("Ipv4", "string", &["ip"]),
    ("Ipv6", "string", &["ipv6"]),
    ("Domain", "string", &["domain"]),
    ("HostName", "string", &["host name"]),
    ("Url", "string", &["url"]),
    ("Email", "string", &["email"]),
    ("MacAddress", "string", &["mac address"]),
    ("Md5", "string", &["md5"]),
    ("Sha1", "string", &["sha1"]),
    ("Sha256", "string", &["sha256"]),
    ("Sha512", "string", &["sha512"]),
    (
        "Hash",
        "string",
        &["hash", "md5", "sha1", "sha256", "sha512"],
    ),
    ("Port", "numeric", &["port"]),
];

#[cfg(test)]
mod view_version_tests {
    use super::*;

    #[test]
    fn an_app_with_views_needs_the_first_platform_that_shows_them() {
        assert_eq!(min_phantom_version("6.1.0", true), "7.0.0");
        assert_eq!(min_phantom_version("6.10.0", false), "6.10.0");
        assert_eq!(min_phantom_version("7.0.0", true), "7.0.0");
        assert_eq!(min_phantom_version("7.10.1", true), "7.10.1");
        assert_eq!(min_phantom_version("6.10.0", true), "7.0.0");
    }
}
