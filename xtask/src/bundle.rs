//! `cargo xtask bundle [-p <package>] [--out <dir>]`: the installable app tarball of a
//! connector package (contract section 7), reproducibly.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use soar_runtime::app_json::{AppJson, WheelDependency};

use crate::logos::Background;
use crate::package::ConnectorPackage;
use crate::provision::{self, Venv};
use crate::{
    Failure, Outcome, appdoc, epoch, layout, logos, main_module, package, tarball, wheel, wrapper,
};

/// The package bundled when none is named: the WHOIS example connector.
pub const DEFAULT_PACKAGE: &str = "whois";

/// Optional files a package may ship, copied when present (the first match of each).
const NOTICES: &[&[&str]] = &[
    &["LICENSE", "LICENSE.md", "LICENSE.txt"],
    &["NOTICE", "NOTICE.md", "NOTICE.txt"],
];

/// What a bundle run wrote.
#[derive(Debug)]
pub struct Bundle {
    /// The tarball.
    pub tarball: PathBuf,
    /// The connector's local runner binary (built for `app-json`).
    pub runner: PathBuf,
    /// The connector package's directory.
    pub package_dir: PathBuf,
}

/// Bundles `package` (default [`DEFAULT_PACKAGE`]) into `out` (default `target/soar`), then
/// prints the tarball's path, size, SHA-256 and one line per action.
pub fn run(package: Option<&str>, out: Option<PathBuf>) -> Outcome<Bundle> {
    let package = package::find(package.unwrap_or(DEFAULT_PACKAGE))?;
    let out = out.unwrap_or_else(|| crate::target_dir().join("soar"));
    let venv = Venv::ensure(&[provision::BUNDLE_TOOLS])?;
    let epoch = epoch::source_date_epoch()?;
    let (mut app, runner) = appdoc::generate(&package)?;
    let module = main_module::native_module_name(&app.main_module)?;
    let wheel_name = wheel::file_name(&module, &app.app_version);
    let wheel_path = format!("wheels/shared/{wheel_name}");
    let dependency = WheelDependency {
        module: module.clone(),
        input_file: wheel_path.clone(),
        ..WheelDependency::default()
    };
    appdoc::complete(&mut app, epoch::utc_timestamp(epoch)?, dependency);
    let app_text = app.to_json_pretty() + "\n";
    appdoc::check(&app_text)?;
    let top = layout::directory_name(&app.name);
    if top.is_empty() {
        return Err(Failure::new(
            "the app's name has no letter or digit to name its directory",
        ));
    }
    let wrapper = wrapper::generate(&package, &module, &app.app_version)?;
    let wheel = wheel::build(&venv, &wrapper, epoch, &wheel_name)?;
    let mut files = contents(&package, &app, &module)?;
    files.insert(format!("{top}.json"), app_text.clone().into_bytes());
    files.insert(wheel_path, wheel);
    let files = files
        .into_iter()
        .map(|(path, data)| (format!("{top}/{path}"), data))
        .collect();
    let bytes = tarball::write(&files, epoch)?;
    let problems = layout::check(&tarball::read(&bytes)?);
    if !problems.is_empty() {
        let listed: Vec<String> = problems.iter().map(ToString::to_string).collect();
        return Err(Failure::new(format!(
            "the tarball breaks its own rules:\n{}",
            listed.join("\n")
        )));
    }
    let tarball = out.join(format!("{top}.tgz"));
    write(&tarball, &bytes)?;
    write(&out.join(format!("{top}.json")), app_text.as_bytes())?;
    print_summary(&tarball, &bytes, &app);
    Ok(Bundle {
        tarball,
        runner,
        package_dir: package.dir,
    })
}

/// The files of the app directory besides the app JSON and the wheel, by relative path.
fn contents(
    package: &ConnectorPackage,
    app: &AppJson,
    module: &str,
) -> Outcome<BTreeMap<String, Vec<u8>>> {
    let mut files = BTreeMap::new();
    files.insert(
        app.main_module.clone(),
        main_module::render(&app.name, &app.main_module, module).into_bytes(),
    );
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
        generated_readme(app).into_bytes()
    };
    files.insert("README.md".to_owned(), readme);
    for names in NOTICES {
        if let Some(name) = names.iter().find(|name| package.dir.join(name).is_file()) {
            files.insert((*name).to_owned(), read(&package.dir.join(name))?);
        }
    }
    let notes = package.dir.join("release_notes");
    for entry in walkdir::WalkDir::new(&notes).sort_by_file_name() {
        let Ok(entry) = entry else { break };
        if entry.file_type().is_file()
            && let Ok(relative) = entry.path().strip_prefix(&package.dir)
        {
            let relative = relative.to_string_lossy().replace('\\', "/");
            files.insert(relative, read(entry.path())?);
        }
    }
    Ok(files)
}

/// A README for a package that has none: the app's name, description and actions.
fn generated_readme(app: &AppJson) -> String {
    let mut text = format!("# {}\n\n{}\n\n## Actions\n\n", app.name, app.description);
    for action in &app.actions {
        text.push_str(&format!("- `{}`: {}\n", action.action, action.description));
    }
    text
}

fn read(path: &Path) -> Outcome<Vec<u8>> {
    std::fs::read(path)
        .map_err(|error| Failure::new(format!("cannot read {}: {error}", path.display())))
}

fn write(path: &Path, bytes: &[u8]) -> Outcome<()> {
    let written = path
        .parent()
        .map_or(Ok(()), std::fs::create_dir_all)
        .and_then(|()| std::fs::write(path, bytes));
    written.map_err(|error| Failure::new(format!("cannot write {}: {error}", path.display())))
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
