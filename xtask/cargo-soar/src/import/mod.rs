//! `cargo soar import <app.json | app directory | app.tgz>`: a Rust connector project whose
//! macros declare the metadata of an existing app: the connector attributes, the asset
//! configuration typed from its `data_type`s, one `#[action]` per action with typed parameters
//! (a stock `contains` becomes the typed value whose rule is the platform's) and output types
//! built from the data paths. Each handler returns `'<action>' is not ported yet`: the import is
//! a starting point whose metadata is already the original's.
//!
//! What the macros cannot declare as written is dropped or corrected, and [`Notes`] lists each
//! change with its JSON Pointer and reason. Input that is no app is refused with the pointer
//! of the problem ([`Refusal`]), before anything is written.

mod actions;
mod app;
mod idents;
mod notes;
mod outputs;
mod read;
pub mod roundtrip;
mod text;
mod values;
mod wheels;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;
use soar_app_json::{AppJson, Pointer};

pub use notes::{Change, Note, Notes};
pub use read::{Source, read_source};

use crate::new::RuntimeDependency;
use crate::{Failure, Outcome};

/// What `cargo soar import` is asked for.
#[derive(Debug, Clone)]
pub struct ImportRequest {
    /// The app JSON, app directory or app tarball.
    pub source: PathBuf,
    /// The project directory to create (default: the package name, in the current directory).
    pub out: Option<PathBuf>,
    /// Where the project's `soar-runtime` comes from.
    pub runtime: RuntimeDependency,
}

/// Why an input cannot be imported: where the problem is and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// The JSON Pointer of the problem (empty for the whole document).
    pub pointer: String,
    /// What is wrong.
    pub message: String,
}

impl Refusal {
    fn at(pointer: &Pointer, message: impl Into<String>) -> Self {
        Self {
            pointer: pointer.to_string(),
            message: message.into(),
        }
    }
}

/// An imported app: the Rust source of its connector and what the import changed.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The Cargo package name the project takes by default.
    pub package: String,
    /// The connector type's name.
    pub connector: String,
    /// The app's display name.
    pub app_name: String,
    /// The light logo's file name.
    pub logo: String,
    /// The dark logo's file name.
    pub logo_dark: String,
    /// `src/lib.rs`.
    pub lib_rs: String,
    /// The files of the source the project gets, by path in the package: the logos and the
    /// wheels the connector lists.
    pub files: BTreeMap<String, Vec<u8>>,
    /// What was dropped or corrected, and why.
    pub notes: Notes,
}

/// Imports the app of `source`.
pub fn import(source: &Source) -> Result<Imported, Refusal> {
    let root = Pointer::root();
    let document: Value = serde_json::from_slice(&source.app_json)
        .map_err(|error| Refusal::at(&root, format!("not JSON: {error}")))?;
    let app = read_model(&document)?;
    let mut notes = Notes::default();
    let mut connector_source = String::new();
    let mut connector = app::write(&app, &source.files, &mut connector_source, &mut notes)?;
    let mut actions_source = String::new();
    let uses = actions::write(&app, &mut connector, &mut actions_source, &mut notes)?;
    let mut text = format!(
        "//! {}: imported by `cargo soar import` from the app's JSON. The metadata declared here is\n//! the original app's; every handler says it is not ported yet. `IMPORT.md` lists what the\n//! import changed.\n\n",
        app.name.replace('\n', " ")
    );
    match (uses.outputs, uses.views) {
        (true, _) => text.push_str("use serde::{Deserialize, Serialize};\n"),
        (false, true) => text.push_str("use serde::Serialize;\n"),
        (false, false) => {}
    }
    text.push_str("use soar_runtime::prelude::*;\n");
    if uses.views {
        text.push_str("use soar_runtime::view::{AppRun, Markup};\n");
    }
    match uses.values.as_slice() {
        [] => {}
        [one] => text.push_str(&format!("use soar_runtime::values::{one};\n")),
        many => text.push_str(&format!(
            "use soar_runtime::values::{{{}}};\n",
            many.join(", ")
        )),
    }
    text.push('\n');
    text.push_str(&connector_source);
    text.push_str(&actions_source);
    Ok(Imported {
        package: connector.package.clone(),
        connector: connector.type_name.clone(),
        app_name: app.name.clone(),
        logo: app.logo.clone(),
        logo_dark: app.logo_dark.clone(),
        lib_rs: text,
        files: source
            .files
            .iter()
            .filter(|(path, _)| {
                [&app.logo, &app.logo_dark].contains(path) || connector.wheels.contains(*path)
            })
            .map(|(path, data)| (path.clone(), data.clone()))
            .collect(),
        notes,
    })
}

/// The app model of a document, or the pointer of the first part that does not fit it.
fn read_model(document: &Value) -> Result<AppJson, Refusal> {
    let root = Pointer::root();
    let Some(object) = document.as_object() else {
        return Err(Refusal::at(
            &root,
            "not an app JSON: the document is not an object",
        ));
    };
    for key in soar_app_json::REQUIRED_KEYS {
        let value = object.get(key).ok_or_else(|| {
            Refusal::at(
                &root.child(key),
                format!("not an app JSON: the key `{key}` is missing"),
            )
        })?;
        let structured = matches!(key, "actions" | "configuration" | "python_version");
        if !structured && !value.is_string() {
            return Err(Refusal::at(
                &root.child(key),
                format!(
                    "not an app JSON: `{key}` is {}, not a string",
                    soar_app_json::json_kind(value)
                ),
            ));
        }
    }
    for (key, is_kind, kind) in [
        (
            "configuration",
            Value::is_object as fn(&Value) -> bool,
            "an object",
        ),
        ("actions", Value::is_array, "a list"),
    ] {
        if !object.get(key).is_some_and(is_kind) {
            return Err(Refusal::at(
                &root.child(key),
                format!("not an app JSON: `{key}` must be {kind}"),
            ));
        }
    }
    let problem = |at: Pointer, error: serde_json::Error| {
        Refusal::at(&at, format!("not an app JSON: {error}"))
    };
    if let Some(actions) = object.get("actions").and_then(Value::as_array) {
        for (index, action) in actions.iter().enumerate() {
            serde_json::from_value::<soar_app_json::Action>(action.clone())
                .map_err(|error| problem(root.child("actions").child(index), error))?;
        }
    }
    if let Some(fields) = object.get("configuration").and_then(Value::as_object) {
        for (name, field) in fields {
            serde_json::from_value::<soar_app_json::ConfigField>(field.clone())
                .map_err(|error| problem(root.child("configuration").child(name), error))?;
        }
    }
    serde_json::from_value(document.clone()).map_err(|error| problem(root, error))
}

/// Runs `cargo soar import`: imports the source and writes the project, or writes nothing.
pub fn run(request: &ImportRequest) -> Outcome<()> {
    let source = read_source(&request.source)?;
    let imported = import(&source).map_err(|refusal| {
        Failure::unusable(format!(
            "{} cannot be imported: {} (at {:?})",
            request.source.display(),
            refusal.message,
            refusal.pointer
        ))
    })?;
    let out = request
        .out
        .clone()
        .unwrap_or_else(|| PathBuf::from(&imported.package));
    let files = project_files(&imported, &request.runtime, &out)?;
    crate::new::refuse_non_empty(&out)?;
    let borrowed: Vec<(&str, Vec<u8>)> = files
        .iter()
        .map(|(name, data)| (name.as_str(), data.clone()))
        .collect();
    crate::new::write_all(&out, &borrowed)?;
    for note in imported.notes.iter() {
        eprintln!("{note}");
    }
    eprintln!(
        "imported {} into {} ({} changes, listed in IMPORT.md)",
        request.source.display(),
        out.display(),
        imported.notes.iter().count()
    );
    eprintln!(
        "next: cd {} && cargo test && cargo soar bundle",
        out.display()
    );
    Ok(())
}

/// The files of an imported project at `out`, laid out as `cargo soar new` lays out its own.
pub fn project_files(
    imported: &Imported,
    runtime: &RuntimeDependency,
    out: &Path,
) -> Outcome<Vec<(String, Vec<u8>)>> {
    let names = crate::new::names(out, None)?;
    let runtime = crate::new::runtime_line(runtime)?;
    let fill = |template: &str| {
        template
            .replace("{{crate}}", &names.package)
            .replace("{{lib}}", &names.lib)
            .replace("{{type}}", &imported.connector)
            .replace("{{app}}", &imported.app_name)
            .replace("{{runtime}}", &runtime)
            .into_bytes()
    };
    let mut manifest = fill(include_str!("../templates/new/Cargo.toml.in"));
    manifest.extend_from_slice(
        b"\n# The doc comments are the app's own texts (HTML, indented code), not Rust examples.\n[lib]\ndoctest = false\n",
    );
    let mut files = vec![
        ("Cargo.toml".to_owned(), manifest),
        (
            "src/main.rs".to_owned(),
            fill(include_str!("../templates/import/main.rs.in")),
        ),
        (
            "src/lib.rs".to_owned(),
            imported.lib_rs.clone().into_bytes(),
        ),
        (
            "README.md".to_owned(),
            fill(include_str!("../templates/import/README.md.in")),
        ),
        ("IMPORT.md".to_owned(), import_md(imported).into_bytes()),
        (
            ".gitignore".to_owned(),
            include_bytes!("../templates/new/gitignore").to_vec(),
        ),
        (
            "release_notes/unreleased.md".to_owned(),
            include_bytes!("../templates/new/unreleased.md").to_vec(),
        ),
        (
            "LICENSE".to_owned(),
            crate::licence::spdx_text("Apache-2.0")?.into_bytes(),
        ),
    ];
    // Logos and wheels the source holds come along; the bundler supplies the framework's logos
    // for the others.
    files.extend(imported.files.clone());
    Ok(files)
}

/// The project's `IMPORT.md`: what the import changed.
fn import_md(imported: &Imported) -> String {
    let mut text = "# Imported\n\nThis project was written by `cargo soar import`. Its metadata is the original app's; every handler in `src/lib.rs` returns \"'<action>' is not ported yet\" until it is written.\n\n".to_owned();
    if imported.notes.is_empty() {
        text.push_str("The import changed nothing.\n");
    } else {
        text.push_str("What the import changed (JSON Pointers into the original app JSON):\n\n");
        for note in imported.notes.iter() {
            text.push_str(&format!("- {note}\n"));
        }
    }
    text
}
