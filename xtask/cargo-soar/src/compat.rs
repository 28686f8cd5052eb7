//! Which `soar-runtime` versions this tool bundles. The framework's crates are released
//! together; a tool bundles connectors on the runtime of its own major and minor version (for
//! 0.x, its own minor version), because the bundle manifest and the bridge the tool generates
//! follow that runtime. Anything else is refused, before any build, in one line that says
//! which tool to install.

use cargo_metadata::semver::Version;

use crate::project::RUNTIME_CRATE;
use crate::{Failure, Outcome};

/// Checks that this tool (version `tool`) can bundle a connector on `runtime` resolved for
/// `package`.
pub fn check(tool: &str, runtime: &Version, package: &str) -> Outcome<()> {
    let tool = Version::parse(tool)
        .map_err(|error| Failure::new(format!("this tool's version {tool:?}: {error}")))?;
    if series(&tool) == series(runtime) {
        return Ok(());
    }
    let (major, minor) = series(runtime);
    let wanted = if major == 0 {
        format!("0.{minor}")
    } else {
        major.to_string()
    };
    let relation = if runtime > &tool { "newer" } else { "older" };
    Err(Failure::unusable(format!(
        "package {package} uses {RUNTIME_CRATE} {runtime}, {relation} than this cargo-soar {tool} bundles ({}.x): install the matching tool with `cargo install cargo-soar --version ~{wanted}`",
        format_series(&tool)
    )))
}

/// The compatible series of a version: major and minor for 0.x, major alone after.
fn series(version: &Version) -> (u64, u64) {
    if version.major == 0 {
        (0, version.minor)
    } else {
        (version.major, 0)
    }
}

fn format_series(version: &Version) -> String {
    if version.major == 0 {
        format!("0.{}", version.minor)
    } else {
        version.major.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_at(tool: &str, runtime: &str) -> Outcome<()> {
        check(tool, &Version::parse(runtime).unwrap(), "dnsapp")
    }

    #[test]
    fn the_same_series_is_bundled() {
        assert!(check_at("0.1.0", "0.1.0").is_ok());
        assert!(check_at("0.1.0", "0.1.7").is_ok());
        assert!(check_at("1.2.0", "1.0.3").is_ok());
    }

    #[test]
    fn another_series_is_refused_in_one_line_naming_the_tool_to_install() {
        let newer = check_at("0.1.0", "0.2.0").unwrap_err();
        assert_eq!(newer.code, crate::EXIT_UNUSABLE);
        assert_eq!(
            newer.message,
            "package dnsapp uses soar-runtime 0.2.0, newer than this cargo-soar 0.1.0 bundles (0.1.x): install the matching tool with `cargo install cargo-soar --version ~0.2`"
        );
        let older = check_at("0.2.1", "0.1.4").unwrap_err();
        assert!(
            older.message.contains("soar-runtime 0.1.4, older than"),
            "{}",
            older.message
        );
        assert!(!older.message.contains('\n'));
        assert!(
            check_at("2.0.0", "1.9.0")
                .unwrap_err()
                .message
                .contains("--version ~1`")
        );
    }
}
