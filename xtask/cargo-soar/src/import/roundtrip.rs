//! The metadata round trip of `cargo soar import`: an app is imported, built, its connector's
//! `app-json` printed, and compared with the original under the rules of
//! `docs/import-round-trip.md`:
//!
//! 1. key order does not count (objects are compared as maps), and `actions` and each action's
//!    `output` are compared by `identifier` and `data_path`, not by position;
//! 2. what `cargo soar bundle` fills in is not compared: `utctime_updated`, and the
//!    connector's own wheel in `pip39_dependencies` and `pip313_dependencies` (the connector's
//!    `app-json` lists only the app's wheels);
//! 3. what the import lists as dropped is taken off the original, and what it lists as
//!    corrected is not compared (each is in the app's notes, with its reason);
//! 4. the platform's own defaults are the same as their absence: `false` for `required`,
//!    `primary`, `allow_list` and `fips_compliant`, an empty `verbose` or `description`, an
//!    empty list of `contributors`, `contains`, `value_list`, `example_values`, `wheel` or
//!    `pypi`, and a `pip*_dependencies` object with nothing in it;
//! 5. `contains` lists are compared as sets (the platform matches by membership);
//! 6. the four standard output entries (`action_result.status`, `action_result.message`,
//!    `summary.total_objects`, `summary.total_objects_successful`), which the framework writes for
//!    every action as the SDK does, are not compared, nor is an `action_result.parameter.<name>`
//!    entry that the original does not list (the framework writes one for every parameter).

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Map, Value};
use soar_app_json::Pointer;

use super::{Change, Notes, read};
use crate::new::RuntimeDependency;
use crate::{Failure, Outcome};

/// Stands for a value the import corrected: not compared.
const CORRECTED: &str = "\u{0}corrected";
/// Stands for a value the import dropped: taken off.
const DROPPED: &str = "\u{0}dropped";

/// Keys whose `false` is the platform's default when they are absent.
const FALSE_DEFAULTS: [&str; 4] = ["required", "primary", "allow_list", "fips_compliant"];

/// Keys whose empty text is the same as their absence.
const EMPTY_TEXT_DEFAULTS: [&str; 2] = ["verbose", "description"];

/// Keys whose empty list is the same as their absence.
const EMPTY_DEFAULTS: [&str; 6] = [
    "contributors",
    "contains",
    "value_list",
    "example_values",
    "wheel",
    "pypi",
];

/// One remaining difference: where, in the compared form, and the two values.
#[derive(Debug, Clone, PartialEq)]
pub struct Difference {
    /// The JSON Pointer into the compared form (actions by identifier, outputs by data path).
    pub pointer: String,
    /// The original's value there, if any.
    pub original: Option<Value>,
    /// The generated value there, if any.
    pub generated: Option<Value>,
}

/// The differences between an original app JSON and the one its import generates, under the
/// round trip's rules.
pub fn compare(original: &Value, notes: &Notes, generated: &Value) -> Vec<Difference> {
    let mut original = original.clone();
    for note in notes.iter() {
        let marker = Value::String(
            match note.change {
                Change::Dropped => DROPPED,
                Change::Corrected => CORRECTED,
            }
            .to_owned(),
        );
        if let Some(value) = original.pointer_mut(note.pointer.as_str()) {
            *value = marker;
        } else if let Some((parent, key)) = note.pointer.as_str().rsplit_once('/')
            && let Some(Value::Object(parent)) = original.pointer_mut(parent)
        {
            // A corrected key the original lacks: what the macros write there is not compared.
            parent.insert(key.replace("~1", "/").replace("~0", "~"), marker);
        }
    }
    let original = canonical(original);
    let mut generated = canonical(generated.clone());
    unlisted_parameter_outputs(&original, &mut generated);
    let mut differences = Vec::new();
    diff(&original, &generated, &Pointer::root(), &mut differences);
    differences
}

/// Takes off the generated `action_result.parameter.<name>` entries that the original does not
/// list: the framework writes one for every parameter, as the SDK does.
fn unlisted_parameter_outputs(original: &Value, generated: &mut Value) {
    let Some(actions) = generated.get_mut("actions").and_then(Value::as_object_mut) else {
        return;
    };
    for (identifier, action) in actions.iter_mut() {
        let listed = original
            .pointer(
                &Pointer::root()
                    .child("actions")
                    .child(identifier)
                    .child("output")
                    .to_string(),
            )
            .and_then(Value::as_object);
        if let Some(output) = action.get_mut("output").and_then(Value::as_object_mut) {
            output.retain(|path, _| {
                !path.starts_with("action_result.parameter.")
                    || listed.is_some_and(|listed| listed.contains_key(path))
            });
        }
    }
}

/// The compared form of an app JSON.
fn canonical(mut document: Value) -> Value {
    if let Some(top) = document.as_object_mut() {
        top.remove("utctime_updated");
        if let Some(Value::Array(actions)) = top.remove("actions") {
            let keyed = keyed(actions, "identifier", |action| {
                if let Some(Value::Array(output)) = action.get_mut("output").map(Value::take) {
                    let mut entries = keyed(output, "data_path", |_| {});
                    entries.retain(|path, _| {
                        !soar_vocab::STANDARD_DATA_PATHS.contains(&path.as_str())
                    });
                    action["output"] = Value::Object(entries);
                }
            });
            top.insert("actions".to_owned(), Value::Object(keyed));
        }
    }
    tidy(&mut document);
    if let Some(top) = document.as_object_mut() {
        top.retain(|key, value| {
            let dependencies = key.starts_with("pip") && key.ends_with("_dependencies");
            !(dependencies && value.as_object().is_some_and(Map::is_empty))
        });
    }
    document
}

/// A list of objects as an object keyed by one of their string fields; dropped and unkeyed
/// items are left out.
fn keyed(items: Vec<Value>, key: &str, mut each: impl FnMut(&mut Value)) -> Map<String, Value> {
    let mut map = Map::new();
    for mut item in items {
        let Some(id) = item.get(key).and_then(Value::as_str).map(str::to_owned) else {
            continue;
        };
        each(&mut item);
        map.entry(id).or_insert(item);
    }
    map
}

/// Takes off dropped values and the platform's defaults, and sorts `contains`.
fn tidy(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.retain(|key, item| {
                let default = match item {
                    Value::Bool(false) => FALSE_DEFAULTS.contains(&key.as_str()),
                    Value::String(text) => {
                        text == DROPPED
                            || (text.is_empty() && EMPTY_TEXT_DEFAULTS.contains(&key.as_str()))
                    }
                    Value::Array(items) => {
                        items.is_empty() && EMPTY_DEFAULTS.contains(&key.as_str())
                    }
                    _ => false,
                };
                !default
            });
            for (key, item) in map.iter_mut() {
                if key == "contains"
                    && let Value::Array(items) = item
                {
                    items.sort_by_key(ToString::to_string);
                }
                tidy(item);
            }
        }
        Value::Array(items) => {
            items.retain(|item| item.as_str() != Some(DROPPED));
            items.iter_mut().for_each(tidy);
        }
        _ => {}
    }
}

fn diff(original: &Value, generated: &Value, at: &Pointer, out: &mut Vec<Difference>) {
    if original.as_str() == Some(CORRECTED) {
        return;
    }
    match (original, generated) {
        (Value::Object(left), Value::Object(right)) => {
            for (key, value) in left {
                match right.get(key) {
                    Some(other) => diff(value, other, &at.child(key), out),
                    None if value.as_str() == Some(CORRECTED) => {}
                    None => out.push(difference(at.child(key), Some(value), None)),
                }
            }
            for (key, value) in right {
                if !left.contains_key(key) {
                    out.push(difference(at.child(key), None, Some(value)));
                }
            }
        }
        (Value::Array(left), Value::Array(right)) if left.len() == right.len() => {
            for (index, (value, other)) in left.iter().zip(right).enumerate() {
                diff(value, other, &at.child(index), out);
            }
        }
        _ if original == generated => {}
        _ => out.push(difference(at.clone(), Some(original), Some(generated))),
    }
}

fn difference(at: Pointer, original: Option<&Value>, generated: Option<&Value>) -> Difference {
    Difference {
        pointer: at.to_string(),
        original: original.cloned(),
        generated: generated.cloned(),
    }
}

/// The outcome of one app's round trip.
#[derive(Debug, Clone)]
pub struct AppOutcome {
    /// The app JSON's file name.
    pub app: String,
    /// How many changes the import listed.
    pub notes: usize,
    /// What remains different; empty when the app came back equal.
    pub differences: Vec<Difference>,
}

/// Imports every app into a member of one workspace at `dir` (so that `soar-runtime` is built
/// once), builds it, and compares each connector's `app-json` with its original.
pub fn run(apps: &[PathBuf], dir: &Path, runtime: &RuntimeDependency) -> Outcome<Vec<AppOutcome>> {
    let failed = |what: &str, error: std::io::Error| {
        Failure::new(format!("{what} {}: {error}", dir.display()))
    };
    let members_dir = dir.join("apps");
    if members_dir.exists() {
        std::fs::remove_dir_all(&members_dir).map_err(|error| failed("cannot clear", error))?;
    }
    let mut imported = Vec::new();
    for path in apps {
        let source = read::read_source(path)?;
        let result = super::import(&source).map_err(|refusal| {
            Failure::new(format!(
                "{}: refused at {:?}: {}",
                path.display(),
                refusal.pointer,
                refusal.message
            ))
        })?;
        let member = member_name(path);
        let out = members_dir.join(&member);
        let files = super::project_files(&result, runtime, &out)?;
        let files: Vec<(&str, Vec<u8>)> = files
            .iter()
            .map(|(name, data)| (name.as_str(), data.clone()))
            .collect();
        crate::new::write_all(&out, &files)?;
        let original: Value = serde_json::from_slice(&source.app_json)
            .map_err(|error| Failure::new(format!("{}: {error}", path.display())))?;
        imported.push((path, member, original, result.notes));
    }
    // Without debug info: the binaries only print their app JSON, and link much faster.
    let manifest =
        "[workspace]\nresolver = \"3\"\nmembers = [\"apps/*\"]\n\n[profile.dev]\ndebug = false\n";
    std::fs::write(dir.join("Cargo.toml"), manifest)
        .map_err(|error| failed("cannot write the manifest of", error))?;
    crate::cmd::run(
        crate::cmd::cargo()
            .args(["build", "--workspace", "--quiet"])
            .current_dir(dir)
            .env("CARGO_TARGET_DIR", dir.join("target"))
            // Built as a user builds them, whatever flags the caller's build has.
            .env_remove("RUSTFLAGS")
            .env_remove("CARGO_ENCODED_RUSTFLAGS"),
        "cargo build of the imported apps",
    )?;
    let mut outcomes = Vec::new();
    for (path, member, original, notes) in imported {
        let binary = dir.join("target/debug").join(&member);
        let printed = crate::cmd::stdout(
            Command::new(&binary).arg("app-json"),
            &format!("{member} app-json"),
        )?;
        let generated: Value = serde_json::from_str(&printed)
            .map_err(|error| Failure::new(format!("{member} app-json printed no JSON: {error}")))?;
        outcomes.push(AppOutcome {
            app: path
                .file_name()
                .map(|name| name.to_string_lossy().into_owned())
                .unwrap_or_default(),
            notes: notes.iter().count(),
            differences: compare(&original, &notes, &generated),
        });
    }
    Ok(outcomes)
}

/// The workspace member of an app: `app-<its file stem, as a package name>`.
fn member_name(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    format!("app-{stem}")
}

/// Prints how many apps came back equal, then every remaining difference.
pub fn print(outcomes: &[AppOutcome]) {
    let equal = outcomes
        .iter()
        .filter(|outcome| outcome.differences.is_empty())
        .count();
    println!("{equal}/{} apps come back equal", outcomes.len());
    for outcome in outcomes {
        println!(
            "{}: {} ({} changes noted)",
            outcome.app,
            if outcome.differences.is_empty() {
                "equal".to_owned()
            } else {
                format!("{} differences", outcome.differences.len())
            },
            outcome.notes
        );
        for difference in &outcome.differences {
            let show = |value: &Option<Value>| {
                value.as_ref().map_or_else(
                    || "(absent)".to_owned(),
                    |value| {
                        let text = value.to_string();
                        if text.len() > 120 {
                            format!("{}...", &text[..text.floor_char_boundary(117)])
                        } else {
                            text
                        }
                    },
                )
            };
            println!(
                "  {}: original {} / generated {}",
                difference.pointer,
                show(&difference.original),
                show(&difference.generated)
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_rules_take_off_what_does_not_count() {
        let original = json!({
            "utctime_updated": "x",
            "pip39_dependencies": {"wheel": []},
            "pip313_dependencies": {"wheel": [
                {"module": "a", "input_file": "wheels/py3/a-1-py3-none-any.whl"},
                {"module": "b", "input_file": "wheels/py3/b-1-py3-none-any.whl"}
            ]},
            "pip_dependencies": {"wheel": [{"module": "a", "input_file": "wheels/py3/a-1-py3-none-any.whl"}]},
            "fips_compliant": false,
            "configuration": {"ph": {"data_type": "ph", "order": 0}},
            "actions": [{
                "identifier": "b", "verbose": "",
                "parameters": {"p": {"required": false, "contains": ["ip", "domain"], "junk": 1}},
                "output": [{"data_path": "action_result.status"}, {"data_path": "x", "data_type": "string"}]
            }, {"identifier": "a", "description": "Done."}]
        });
        let generated = json!({
            "pip313_dependencies": {"wheel": [{"module": "a", "input_file": "wheels/py3/a-1-py3-none-any.whl"}]},
            "configuration": {"ph": {"data_type": "ph", "order": 0, "description": ""}},
            "actions": [{"identifier": "a", "description": "Done"}, {
                "identifier": "b",
                "parameters": {"p": {"contains": ["domain", "ip"]}},
                "output": [{"data_path": "x", "data_type": "numeric"}, {"data_path": "summary.total_objects"}]
            }]
        });
        let mut notes = Notes::default();
        notes.dropped(
            &Pointer::root()
                .child("pip313_dependencies")
                .child("wheel")
                .child(1),
            String::new(),
        );
        notes.dropped(
            &Pointer::root().child("pip_dependencies").child("wheel"),
            String::new(),
        );
        notes.dropped(
            &Pointer::root()
                .child("actions")
                .child(0)
                .child("parameters")
                .child("p")
                .child("junk"),
            String::new(),
        );
        notes.corrected(
            &Pointer::root()
                .child("actions")
                .child(1)
                .child("description"),
            String::new(),
        );
        let differences = compare(&original, &notes, &generated);
        assert_eq!(
            differences,
            [Difference {
                pointer: "/actions/b/output/x/data_type".to_owned(),
                original: Some(json!("string")),
                generated: Some(json!("numeric")),
            }]
        );
    }

    #[test]
    fn members_are_package_names() {
        assert_eq!(member_name(Path::new("a/any.run.json")), "app-any-run");
    }
}
