//! `cargo soar new <path>`: a new connector project that passes `cargo test` and bundles with
//! `cargo soar bundle` as it is: a package depending on `soar-runtime` (the published version,
//! a path or a git repository), a connector with a freshly generated appid, test connectivity
//! and one action with a typed parameter and an output type, its test, a README with the
//! project's own commands, logos, a licence and release notes.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::{Failure, Outcome, licence, logos};

/// Where the new project's `soar-runtime` comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuntimeDependency {
    /// The published crate, at this tool's version.
    Published,
    /// A local checkout of the framework: its `soar-runtime/` directory, or a directory that
    /// holds it.
    Path(PathBuf),
    /// A git repository, at a revision when given.
    Git {
        /// The repository.
        url: String,
        /// The commit, tag or branch.
        rev: Option<String>,
    },
}

/// What `cargo soar new` is asked for.
#[derive(Debug, Clone)]
pub struct NewProject {
    /// The directory to create.
    pub path: PathBuf,
    /// The app's display name (default: from the directory's name).
    pub app_name: Option<String>,
    /// Who publishes the app.
    pub publisher: String,
    /// Where `soar-runtime` comes from.
    pub runtime: RuntimeDependency,
}

/// The names a project is made of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Names {
    /// The Cargo package, e.g. `dns-lookup`.
    pub(crate) package: String,
    /// Its library as Rust code names it, e.g. `dns_lookup`.
    pub(crate) lib: String,
    /// The connector type, e.g. `DnsLookup`.
    pub(crate) connector: String,
    /// The app's display name, e.g. `Dns Lookup`.
    pub(crate) app: String,
}

/// Creates the project and prints what to do next.
pub fn run(request: &NewProject) -> Outcome<()> {
    let names = names(&request.path, request.app_name.as_deref())?;
    refuse_non_empty(&request.path)?;
    let runtime = runtime_line(&request.runtime)?;
    let year = current_year();
    let appid = uuid::Uuid::new_v4().to_string();
    let fill = |template: &str| {
        template
            .replace("{{crate}}", &names.package)
            .replace("{{lib}}", &names.lib)
            .replace("{{type}}", &names.connector)
            .replace("{{app}}", &names.app)
            .replace("{{appid}}", &appid)
            .replace("{{publisher}}", &request.publisher)
            .replace("{{year}}", &year)
            .replace("{{runtime}}", &runtime)
    };
    let files: Vec<(&str, Vec<u8>)> = vec![
        (
            "Cargo.toml",
            fill(include_str!("templates/new/Cargo.toml.in")).into_bytes(),
        ),
        (
            "src/lib.rs",
            fill(include_str!("templates/new/lib.rs.in")).into_bytes(),
        ),
        (
            "src/main.rs",
            fill(include_str!("templates/new/main.rs.in")).into_bytes(),
        ),
        (
            "tests/actions.rs",
            fill(include_str!("templates/new/actions.rs.in")).into_bytes(),
        ),
        (
            "README.md",
            fill(include_str!("templates/new/README.md.in")).into_bytes(),
        ),
        (
            ".gitignore",
            include_bytes!("templates/new/gitignore").to_vec(),
        ),
        (
            "release_notes/unreleased.md",
            include_bytes!("templates/new/unreleased.md").to_vec(),
        ),
        ("logo.svg", logos::LIGHT.to_vec()),
        ("logo_dark.svg", logos::DARK.to_vec()),
        ("LICENSE", licence::spdx_text("Apache-2.0")?.into_bytes()),
    ];
    write_all(&request.path, &files)?;
    eprintln!(
        "created the connector project {} ({}) in {}",
        names.package,
        names.app,
        request.path.display()
    );
    eprintln!(
        "next: cd {} && cargo test && cargo soar bundle",
        request.path.display()
    );
    Ok(())
}

/// The names of a project at `path`: the package is the directory's name.
pub(crate) fn names(path: &Path, app_name: Option<&str>) -> Outcome<Names> {
    let package = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let valid = package
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic())
        && package
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !valid {
        return Err(Failure::unusable(format!(
            "{:?} cannot name a Cargo package: the directory's name must start with a letter and hold only letters, digits, `-` and `_`",
            package
        )));
    }
    let lib = package.replace('-', "_");
    if is_reserved(&lib) {
        return Err(Failure::unusable(format!(
            "{package:?} cannot name a connector package: it is a Rust keyword or a crate the connector depends on; choose another directory name"
        )));
    }
    let words: Vec<String> = soar_vocab::capitalised_words(&lib).collect();
    let app = app_name.map_or_else(|| words.join(" "), ToOwned::to_owned);
    if soar_vocab::app_slug(&app).is_empty() {
        return Err(Failure::unusable(format!(
            "the app name {app:?} has no letter or digit: the platform names the app's directory after them"
        )));
    }
    Ok(Names {
        connector: words.concat(),
        package,
        lib,
        app,
    })
}

/// Names a connector package cannot take: Rust keywords, `std`-like crates and the crates the
/// generated project depends on.
fn is_reserved(lib: &str) -> bool {
    const RESERVED: &[&str] = &[
        "as",
        "async",
        "await",
        "break",
        "const",
        "continue",
        "crate",
        "dyn",
        "else",
        "enum",
        "extern",
        "false",
        "fn",
        "for",
        "if",
        "impl",
        "in",
        "let",
        "loop",
        "match",
        "mod",
        "move",
        "mut",
        "pub",
        "ref",
        "return",
        "self",
        "static",
        "struct",
        "super",
        "trait",
        "true",
        "type",
        "unsafe",
        "use",
        "where",
        "while",
        "abstract",
        "become",
        "box",
        "do",
        "final",
        "macro",
        "override",
        "priv",
        "typeof",
        "unsized",
        "virtual",
        "yield",
        "try",
        "gen",
        "core",
        "std",
        "alloc",
        "proc_macro",
        "test",
        "serde",
        "soar_runtime",
        "soar_macros",
        "soar_vocab",
        "soar_app_json",
    ];
    RESERVED.contains(&lib)
}

/// Refuses a path that exists and is not an empty directory.
pub(crate) fn refuse_non_empty(path: &Path) -> Outcome<()> {
    let refuse = |why: &str| {
        Failure::unusable(format!(
            "{} {why}: `cargo soar` creates a project only in a new or empty directory",
            path.display()
        ))
    };
    if !path.exists() {
        return Ok(());
    }
    if !path.is_dir() {
        return Err(refuse("exists and is not a directory"));
    }
    let mut entries =
        std::fs::read_dir(path).map_err(|error| refuse(&format!("cannot be read ({error})")))?;
    if entries.next().is_some() {
        return Err(refuse("is not empty"));
    }
    Ok(())
}

/// The `soar-runtime` line of the new manifest's `[dependencies]`.
pub(crate) fn runtime_line(runtime: &RuntimeDependency) -> Outcome<String> {
    let quoted = |text: &str| format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""));
    Ok(match runtime {
        RuntimeDependency::Published => format!("soar-runtime = \"{}\"", crate::VERSION),
        RuntimeDependency::Path(dir) => {
            let dir = runtime_dir(dir)?;
            format!(
                "soar-runtime = {{ path = {} }}",
                quoted(&dir.to_string_lossy())
            )
        }
        RuntimeDependency::Git { url, rev } => match rev {
            Some(rev) => format!(
                "soar-runtime = {{ git = {}, rev = {} }}",
                quoted(url),
                quoted(rev)
            ),
            None => format!("soar-runtime = {{ git = {} }}", quoted(url)),
        },
    })
}

/// The `soar-runtime` package directory named by `--runtime-path`: the directory itself, or
/// its `soar-runtime/` (a checkout of the framework), made absolute.
fn runtime_dir(dir: &Path) -> Outcome<PathBuf> {
    let dir = dir
        .canonicalize()
        .map_err(|error| Failure::unusable(format!("--runtime-path {}: {error}", dir.display())))?;
    [dir.clone(), dir.join("soar-runtime")]
        .into_iter()
        .find(|candidate| is_runtime_package(&candidate.join("Cargo.toml")))
        .ok_or_else(|| {
            Failure::unusable(format!(
                "--runtime-path {}: neither it nor its soar-runtime/ is the soar-runtime package",
                dir.display()
            ))
        })
}

/// Whether the manifest at `path` is the `soar-runtime` package's.
fn is_runtime_package(path: &Path) -> bool {
    std::fs::read_to_string(path).is_ok_and(|text| {
        text.lines()
            .any(|line| line.replace(' ', "") == "name=\"soar-runtime\"")
    })
}

/// The current year, for the copyright line.
fn current_year() -> String {
    let seconds = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |age| age.as_secs());
    i64::try_from(seconds)
        .ok()
        .and_then(soar_app_json::format_utc)
        .map_or_else(|| "2026".to_owned(), |time| time[..4].to_owned())
}

/// Writes the files under `dir`; on a failure, removes what it created.
pub(crate) fn write_all(dir: &Path, files: &[(&str, Vec<u8>)]) -> Outcome<()> {
    let existed = dir.exists();
    let result = files.iter().try_for_each(|(name, bytes)| {
        let path = dir.join(name);
        path.parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, bytes))
            .map_err(|error| Failure::new(format!("cannot write {}: {error}", path.display())))
    });
    if result.is_err() {
        let _ = if existed {
            std::fs::read_dir(dir).map(|entries| {
                for entry in entries.flatten() {
                    let _ = std::fs::remove_dir_all(entry.path())
                        .or_else(|_| std::fs::remove_file(entry.path()));
                }
            })
        } else {
            std::fs::remove_dir_all(dir)
        };
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_from_the_directory() {
        let names = names(Path::new("/tmp/dns-lookup"), None).unwrap();
        assert_eq!(
            names,
            Names {
                package: "dns-lookup".to_owned(),
                lib: "dns_lookup".to_owned(),
                connector: "DnsLookup".to_owned(),
                app: "Dns Lookup".to_owned(),
            }
        );
        let named = super::names(Path::new("x/dnsapp"), Some("DNS Tools")).unwrap();
        assert_eq!(
            (named.connector.as_str(), named.app.as_str()),
            ("Dnsapp", "DNS Tools")
        );
    }

    #[test]
    fn unusable_names_are_refused() {
        for bad in ["1app", "my app", "fn", "soar-runtime", "ünï"] {
            let failure = names(&Path::new("/tmp").join(bad), None).unwrap_err();
            assert_eq!(failure.code, crate::EXIT_UNUSABLE, "{bad}");
        }
        assert!(names(Path::new("/tmp/ok"), Some("!!")).is_err());
    }

    #[test]
    fn a_non_empty_directory_is_refused_and_an_empty_one_taken() {
        let dir = tempfile::tempdir().unwrap();
        assert!(refuse_non_empty(dir.path()).is_ok());
        assert!(refuse_non_empty(&dir.path().join("new")).is_ok());
        std::fs::write(dir.path().join("x"), "").unwrap();
        let failure = refuse_non_empty(dir.path()).unwrap_err();
        assert_eq!(failure.code, crate::EXIT_UNUSABLE);
        assert!(failure.message.contains("is not empty"), "{failure}");
        assert!(refuse_non_empty(&dir.path().join("x")).is_err());
    }

    #[test]
    fn runtime_lines() {
        assert_eq!(
            runtime_line(&RuntimeDependency::Published).unwrap(),
            format!("soar-runtime = \"{}\"", crate::VERSION)
        );
        let git = RuntimeDependency::Git {
            url: "https://example.com/soar-rs".to_owned(),
            rev: Some("abc".to_owned()),
        };
        assert_eq!(
            runtime_line(&git).unwrap(),
            r#"soar-runtime = { git = "https://example.com/soar-rs", rev = "abc" }"#
        );
        let checkout = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let line = runtime_line(&RuntimeDependency::Path(checkout)).unwrap();
        assert!(line.ends_with("/soar-runtime\" }"), "{line}");
        assert!(runtime_line(&RuntimeDependency::Path(PathBuf::from("/"))).is_err());
    }
}
