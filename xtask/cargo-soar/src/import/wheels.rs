//! The app's own Python packages. The wheels of `pip39_dependencies` and `pip313_dependencies`
//! whose files the import's source holds become the connector's `pip39_wheels` and
//! `pip313_wheels`, and their files come along into the project, so that the bundle ships them
//! beside the connector's wheel as the original did. Everything else is dropped, with its
//! reason: the Rust connector does not need the original's Python packages to run.

use std::collections::{BTreeMap, BTreeSet};

use soar_app_json::{AppJson, Dependencies, Pointer};
use soar_vocab::wheel;

use super::notes::Notes;
use super::text::{list, string};

/// The dependency keys the connector attribute writes, with the attribute and the Python minor.
const LISTS: [(&str, &str, u32); 2] = [
    ("pip39_dependencies", "pip39_wheels", 9),
    ("pip313_dependencies", "pip313_wheels", 13),
];

/// The connector's wheel attributes (`pip39_wheels = [...]`) for the wheels of `app` whose
/// files are `carried`, and the set of those files; notes what is dropped.
pub fn write(
    app: &AppJson,
    carried: &BTreeMap<String, Vec<u8>>,
    notes: &mut Notes,
) -> (Vec<String>, BTreeSet<String>) {
    let root = Pointer::root();
    let mut args = Vec::new();
    let mut kept_files = BTreeSet::new();
    for (key, dependencies) in app.dependency_sets() {
        let at = root.child(key);
        dropped_extras(dependencies, &at, notes);
        let Some((_, attribute, minor)) = LISTS.iter().find(|(list, ..)| *list == key) else {
            if dependencies
                .wheel
                .as_ref()
                .is_some_and(|list| !list.is_empty())
            {
                notes.dropped(&at.child("wheel"), format!("`{key}` lists wheels for Python versions the connector's own wheel (CPython 3.9 and later, stable ABI) does not serve; the macros list the app's wheels for 3.9 and 3.13 (`pip39_wheels`, `pip313_wheels`)"));
            }
            continue;
        };
        let kept = kept_wheels(dependencies, *minor, &at.child("wheel"), carried, notes);
        if !kept.is_empty() {
            let paths: Vec<String> = kept.iter().map(|path| string(path)).collect();
            args.push(format!("{attribute} = {}", list(&paths)));
            kept_files.extend(kept);
        }
    }
    (args, kept_files)
}

/// The wheel paths of one list that the connector keeps; notes every other.
fn kept_wheels(
    dependencies: &Dependencies,
    minor: u32,
    at: &Pointer,
    carried: &BTreeMap<String, Vec<u8>>,
    notes: &mut Notes,
) -> Vec<String> {
    let wheels = dependencies.wheel.as_deref().unwrap_or_default();
    let missing = wheels
        .iter()
        .filter(|listed| !carried.contains_key(&listed.input_file))
        .count();
    if !wheels.is_empty() && missing == wheels.len() {
        notes.dropped(at, format!("the import's source holds none of the {missing} wheel files (import the app's directory or tarball to carry them); the Rust connector does not need the original's Python packages"));
        return Vec::new();
    }
    let mut kept = Vec::new();
    for (index, listed) in wheels.iter().enumerate() {
        let at = at.child(index);
        let path = &listed.input_file;
        let problem = if let Some(problem) = wheel::problem(path, minor) {
            Some(format!("{path:?} {problem}"))
        } else if !carried.contains_key(path) {
            Some(format!("{path:?} is not in the import's source"))
        } else if kept.contains(path) {
            Some(format!("{path:?} is listed twice"))
        } else {
            None
        };
        if let Some(problem) = problem {
            notes.dropped(&at, problem);
            continue;
        }
        if wheel::distribution(path) != Some(listed.module.as_str()) {
            notes.corrected(&at.child("module"), format!("{:?} is not the distribution the file name spells; the macros write the file's", listed.module));
        }
        if listed.input_file_aarch64.is_some() {
            notes.dropped(
                &at.child("input_file_aarch64"),
                "the platform's x86_64 build is the one the macros list".to_owned(),
            );
        }
        for key in listed.extra.keys() {
            notes.dropped(
                &at.child(key),
                "a key of a wheel the SDK does not know".to_owned(),
            );
        }
        kept.push(path.clone());
    }
    kept
}

/// Notes the PyPI packages and unknown keys of one dependency object.
fn dropped_extras(dependencies: &Dependencies, at: &Pointer, notes: &mut Notes) {
    if dependencies
        .pypi
        .as_ref()
        .is_some_and(|list| !list.is_empty())
    {
        notes.dropped(&at.child("pypi"), "packages the platform fetches from PyPI: the macros list wheels the bundle ships, and the Rust connector does not need the original's Python packages".to_owned());
    }
    for key in dependencies.extra.keys() {
        notes.dropped(
            &at.child(key),
            "a key of the dependencies the SDK does not know".to_owned(),
        );
    }
}
