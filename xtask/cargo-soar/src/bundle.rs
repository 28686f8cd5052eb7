//! `cargo soar bundle [--manifest-path <Cargo.toml>] [-p <package>] [--out <dir>]`: the
//! installable app tarball of a connector package (contract section 7), reproducibly.
//!
//! Everything that can refuse the bundle for its input (the project, the package, the
//! `soar-runtime` version, `--out`, the licence, the release notes) is checked before anything
//! is built; the tarball and the app JSON are written last, so a failed bundle writes nothing
//! into `--out`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use soar_app_json::{AppJson, WheelDependency};

use crate::logos::Background;
use crate::out_dir::OutDir;
use crate::project::{ConnectorPackage, Project};
use crate::{
    Failure, Outcome, appdoc, bridge, docs, epoch, layout, licence, logos, manifest, notice,
    provision, tarball, wheel,
};

/// Where the release notes of a package live, relative to its directory.
pub const RELEASE_NOTES: &str = "release_notes";

/// The release notes file of changes not yet released.
pub const UNRELEASED_NOTES: &str = "unreleased.md";

/// What to bundle.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// The project's `Cargo.toml` (default: the one around the current directory).
    pub manifest_path: Option<PathBuf>,
    /// The connector package (default: the one around the current directory, or the only one).
    pub package: Option<String>,
    /// Where to write the tarball and the app JSON (default: `<target>/soar`).
    pub out: Option<PathBuf>,
}

/// What a bundle run wrote.
#[derive(Debug)]
pub struct Bundle {
    /// The tarball.
    pub tarball: PathBuf,
    /// The app JSON written beside it.
    pub app_json: PathBuf,
    /// The connector's local runner binary (built for its bundle manifest).
    pub runner: PathBuf,
    /// The connector package's directory.
    pub package_dir: PathBuf,
}

/// The project and the connector package a command works on (one whose `soar-runtime` this
/// tool bundles).
pub fn locate(
    manifest_path: Option<&Path>,
    package: Option<&str>,
) -> Outcome<(Project, ConnectorPackage)> {
    let cwd = std::env::current_dir()
        .map_err(|error| Failure::unusable(format!("no current directory: {error}")))?;
    let project = Project::load(manifest_path)?;
    let package = project.connector(package, &cwd)?;
    Ok((project, package))
}

/// A built connector and its app JSON as the bundle writes it.
#[derive(Debug)]
pub struct Described {
    /// The connector's local runner binary.
    pub runner: PathBuf,
    /// The app JSON, completed with the time and the wheel, and validated.
    pub app: AppJson,
    /// Its text, as the bundle writes it.
    pub app_text: String,
    /// The bundle's time (seconds since the Unix epoch).
    pub epoch: u64,
    /// The year of that time, for copyright lines.
    pub year: String,
    /// The native extension module's name.
    pub module: String,
    /// The wheel's file name.
    pub wheel_name: String,
    /// The wheel's path in the app directory.
    pub wheel_path: String,
    /// The Python files the runtime owns, by path in the app directory.
    pub files: BTreeMap<String, String>,
    /// The Python files of the native module's package, by path in the package.
    pub native_files: BTreeMap<String, String>,
}

/// Builds the connector, asks it for its bundle manifest and completes its app JSON with the
/// bundle's time and wheel; any finding of the strict validator refuses it.
pub fn describe(project: &Project, package: &ConnectorPackage) -> Outcome<Described> {
    let built = manifest::build(project, package)?;
    let manifest = built.manifest;
    if manifest.runtime_version != package.runtime.version.to_string() {
        return Err(Failure::new(format!(
            "{} was built with soar-runtime {}, but the project resolves {}: run `cargo update -p soar-runtime` and try again",
            package.bin, manifest.runtime_version, package.runtime.version
        )));
    }
    let epoch = epoch::source_date_epoch(project.root(), &package.dir)?;
    let mut app = manifest.app_json;
    let module = manifest.native_module;
    let wheel_name = wheel::file_name(&module, &app.app_version);
    let wheel_path = format!("wheels/shared/{wheel_name}");
    let listed_twice = app.wheels().any(|listed| listed.input_file == wheel_path);
    if listed_twice {
        return Err(Failure::unusable(format!(
            "package {}: the connector lists its own wheel's path {wheel_path} among the app's wheels; name that file differently",
            package.name
        )));
    }
    let dependency = WheelDependency {
        module: module.clone(),
        input_file: wheel_path.clone(),
        ..WheelDependency::default()
    };
    let updated = epoch::utc_timestamp(epoch)?;
    let year = updated[..4].to_owned();
    appdoc::complete(&mut app, updated, dependency);
    let app_text = app.to_json_pretty() + "\n";
    appdoc::check(&app_text)?;
    Ok(Described {
        runner: built.runner,
        app,
        app_text,
        epoch,
        year,
        module,
        wheel_name,
        wheel_path,
        files: manifest.files,
        native_files: manifest.native_files,
    })
}

/// Bundles the connector package `request` names, then prints the tarball's path, size,
/// SHA-256 and one line per action.
pub fn run(request: &Request) -> Outcome<Bundle> {
    let (project, package) = locate(request.manifest_path.as_deref(), request.package.as_deref())?;
    let out = OutDir::check(
        &request
            .out
            .clone()
            .unwrap_or_else(|| project.target_dir().join("soar")),
    )?;
    let licence_text = licence::bundle_licence(&package, project.root())?;
    let described = describe(&project, &package)?;
    let app = &described.app;
    let notes = release_notes(&package, &app.app_version)?;
    let app_wheels = app_wheels(&package, app, &described.wheel_path)?;
    let top = soar_vocab::app_slug(&app.name);
    if top.is_empty() {
        return Err(Failure::new(
            "the app's name has no letter or digit to name its directory",
        ));
    }
    let venv = provision::bundle_tools()?;
    let bridge = bridge::generate(
        &project,
        &package,
        &described.module,
        &app.app_version,
        &described.native_files,
    )?;
    let wheel = wheel::build(
        &venv,
        &bridge,
        &bridge::build_dir(&project).join("target"),
        project.root(),
        &described.wheel_name,
    )?;
    let mut files: BTreeMap<String, Vec<u8>> = described
        .files
        .iter()
        .map(|(path, text)| (path.clone(), text.clone().into_bytes()))
        .collect();
    files.extend(contents(&package, app)?);
    let app_licence = package.license.as_deref().unwrap_or(&app.license);
    let header = copyright_header(&described.year, &app.publisher, app_licence);
    for (path, data) in &mut files {
        if path.ends_with(".py") {
            data.splice(0..0, header.bytes());
        }
    }
    files.extend(notes);
    files.extend(app_wheels);
    files.insert("LICENSE".to_owned(), licence_text.into_bytes());
    let notice = notice::generate(&bridge, &app.name, app_licence, &package.name)?;
    files.insert("NOTICE".to_owned(), notice.into_bytes());
    files.insert(
        format!("{top}.json"),
        described.app_text.clone().into_bytes(),
    );
    files.insert(described.wheel_path.clone(), wheel);
    let files = files
        .into_iter()
        .map(|(path, data)| (format!("{top}/{path}"), data))
        .collect();
    let bytes = tarball::write(&files, described.epoch)?;
    let problems = layout::check(&tarball::read(&bytes)?);
    if !problems.is_empty() {
        let listed: Vec<String> = problems.iter().map(ToString::to_string).collect();
        return Err(Failure::new(format!(
            "the tarball breaks its own rules:\n{}",
            listed.join("\n")
        )));
    }
    let tarball = out.write(&format!("{top}.tgz"), &bytes)?;
    let app_json = out.write(&format!("{top}.json"), described.app_text.as_bytes())?;
    print_summary(&tarball, &bytes, app);
    Ok(Bundle {
        tarball,
        app_json,
        runner: described.runner,
        package_dir: package.dir,
    })
}

/// The header of every Python file of the app directory. Splunk's `copyright` hook prepends
/// its own header, naming Splunk, to any `.py` file without a `Copyright (c) <year> <holder>`
/// line; this one names the app's publisher.
fn copyright_header(year: &str, holder: &str, licence: &str) -> String {
    format!("# Copyright (c) {year} {holder}\n#\n# Licensed under {licence}; see LICENSE.\n\n")
}

/// The first line of `release_notes/unreleased.md`, as Splunk's `release-notes` hook wants it.
const UNRELEASED_HEADER: &str = "**Unreleased**";

/// The package's release notes, by path in the app directory, checked as Splunkbase and
/// Splunk's `release-notes` hook want them: `release_notes/unreleased.md` starts with
/// `**Unreleased**`, and the notes of this version are there (`* <note>` lines) or in
/// `release_notes/<version>.md`.
fn release_notes(package: &ConnectorPackage, version: &str) -> Outcome<BTreeMap<String, Vec<u8>>> {
    let dir = package.dir.join(RELEASE_NOTES);
    let mut notes = BTreeMap::new();
    for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
        let Ok(entry) = entry else { break };
        if entry.file_type().is_file()
            && let Ok(relative) = entry.path().strip_prefix(&package.dir)
        {
            let relative = relative.to_string_lossy().replace('\\', "/");
            notes.insert(relative, read(entry.path())?);
        }
    }
    let unreleased_path = dir.join(UNRELEASED_NOTES);
    let refuse = |why: String| Failure::unusable(format!("package {}: {why}", package.name));
    let Some(unreleased) = notes.get(&format!("{RELEASE_NOTES}/{UNRELEASED_NOTES}")) else {
        return Err(refuse(format!(
            "no release notes: write `{UNRELEASED_HEADER}` and a `* <note>` line per change into {} (Splunkbase refuses a release without them)",
            unreleased_path.display()
        )));
    };
    let unreleased = String::from_utf8_lossy(unreleased);
    if unreleased.lines().next().map(str::trim) != Some(UNRELEASED_HEADER) {
        return Err(refuse(format!(
            "{} must start with the line `{UNRELEASED_HEADER}`",
            unreleased_path.display()
        )));
    }
    let has_notes = unreleased
        .lines()
        .skip(1)
        .any(|line| line.trim_start().starts_with("* "));
    if !has_notes && !notes.contains_key(&format!("{RELEASE_NOTES}/{version}.md")) {
        return Err(refuse(format!(
            "no release notes for version {version}: add `* <note>` lines to {} (or write {})",
            unreleased_path.display(),
            dir.join(format!("{version}.md")).display()
        )));
    }
    Ok(notes)
}

/// The files of the app directory that come from the package: logos and README.
fn contents(package: &ConnectorPackage, app: &AppJson) -> Outcome<BTreeMap<String, Vec<u8>>> {
    let mut files = BTreeMap::new();
    files.insert("__init__.py".to_owned(), Vec::new());
    files.insert(
        app.logo.clone(),
        logos::read(&package.dir, &app.logo, Background::Light)?,
    );
    files.insert(
        app.logo_dark.clone(),
        logos::read(&package.dir, &app.logo_dark, Background::Dark)?,
    );
    let readme = package.dir.join("README.md");
    let readme = if readme.is_file() {
        read(&readme)?
    } else {
        let manual = package.dir.join(docs::MANUAL_CONTENT);
        let manual = std::fs::read_to_string(&manual).ok();
        docs::render(app, manual.as_deref()).into_bytes()
    };
    files.insert("README.md".to_owned(), readme);
    Ok(files)
}

/// The first bytes of a zip archive, which every wheel is.
const ZIP_MAGIC: &[u8; 4] = b"PK\x03\x04";

/// The app's own wheels, by path in the app directory: the files of the package that the
/// connector's `pip39_wheels` and `pip313_wheels` name, at the same paths. Each must be there
/// and be a zip archive; the platform's pip would otherwise fail the app's installation.
fn app_wheels(
    package: &ConnectorPackage,
    app: &AppJson,
    own_wheel: &str,
) -> Outcome<BTreeMap<String, Vec<u8>>> {
    let mut wheels = BTreeMap::new();
    let listed = app
        .wheels()
        .map(|wheel| wheel.input_file.as_str())
        .filter(|path| *path != own_wheel);
    for path in listed {
        if wheels.contains_key(path) {
            continue;
        }
        let file = package.dir.join(path);
        let refuse = |why: String| {
            Failure::unusable(format!(
                "package {}: the connector ships the wheel {path} (`pip39_wheels`, `pip313_wheels`), but {} {why}",
                package.name,
                file.display()
            ))
        };
        let data =
            std::fs::read(&file).map_err(|error| refuse(format!("cannot be read: {error}")))?;
        if !data.starts_with(ZIP_MAGIC) {
            return Err(refuse("is not a wheel (a zip archive)".to_owned()));
        }
        wheels.insert(path.to_owned(), data);
    }
    Ok(wheels)
}

fn read(path: &Path) -> Outcome<Vec<u8>> {
    std::fs::read(path)
        .map_err(|error| Failure::new(format!("cannot read {}: {error}", path.display())))
}

/// The tarball's path, size and SHA-256, and one line per action.
fn print_summary(tarball: &Path, bytes: &[u8], app: &AppJson) {
    let digest: String = Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    println!("{}", tarball.display());
    println!("  size    {} bytes", bytes.len());
    println!("  sha256  {digest}");
    println!(
        "  {} {} with {} actions:",
        app.name,
        app.app_version,
        app.actions.len()
    );
    let width = app
        .actions
        .iter()
        .map(|a| a.identifier.len())
        .max()
        .unwrap_or(0);
    for action in &app.actions {
        println!(
            "    {:width$}  {} ({}): {}",
            action.identifier, action.action, action.kind, action.description
        );
    }
}
