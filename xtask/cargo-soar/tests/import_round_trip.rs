//! The metadata round trip of `cargo soar import` in the suite: a subset of the corpus apps
//! that covers every metadata feature the corpus has (checked here) is imported into one
//! workspace, built, and each connector's app JSON compared with its original under the rules
//! of `docs/import-round-trip.md`; one of them is read from an app directory with its wheel
//! files, so that its wheels are carried and compared. `cargo xtask roundtrip` runs all 67.

use std::collections::BTreeSet;
use std::path::PathBuf;

use cargo_soar::import::roundtrip;
use cargo_soar::new::RuntimeDependency;
use serde_json::Value;

/// The apps the suite round-trips: together they have every feature of [`features`] that any
/// corpus app has.
const SUBSET: [&str; 16] = [
    "crowdstrikeoauth",
    "imap",
    "wildfire",
    "microsoftteams",
    "fortimanager",
    "apivoidv2",
    "microsoft365",
    "tabularreportgenerator",
    "screenshotmachine",
    "ciscoumbrella",
    "dns",
    "kafka",
    "rsasecureidam",
    "whois",
    "microsoftsccm",
    "greynoise",
];

fn repository() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn corpus() -> Vec<PathBuf> {
    let dir = repository().join("tests/corpus/apps");
    let mut apps: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("cannot list {}: {error}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == "json")
        })
        .collect();
    apps.sort();
    assert_eq!(apps.len(), 67, "the corpus has 67 apps");
    apps
}

fn subset() -> Vec<PathBuf> {
    SUBSET
        .iter()
        .map(|name| repository().join(format!("tests/corpus/apps/{name}.json")))
        .collect()
}

/// The metadata features an app uses, by name.
fn features(app: &Value) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut add = |feature: &str| {
        found.insert(feature.to_owned());
    };
    let top = app.as_object().expect("an app JSON is an object");
    for key in [
        "rest_handler",
        "webhook",
        "app_config_render",
        "consolidate_widgets",
        "latest_tested_versions",
        "app_wizard_version",
        "contributors",
    ] {
        if top.contains_key(key) {
            add(key);
        }
    }
    for (key, sets) in top {
        let own = sets.as_object().is_some_and(|sets| {
            sets.values()
                .any(|list| list.as_array().is_some_and(|list| !list.is_empty()))
        });
        if key.starts_with("pip") && key.ends_with("_dependencies") && own {
            add("own Python packages");
        }
    }
    for field in top["configuration"]
        .as_object()
        .into_iter()
        .flatten()
        .map(|(_, field)| field)
    {
        add(&format!(
            "configuration {}",
            field["data_type"].as_str().unwrap_or("")
        ));
        for key in ["value_list", "default"] {
            if field.get(key).is_some() {
                add(&format!("configuration {key}"));
            }
        }
    }
    for action in top["actions"].as_array().into_iter().flatten() {
        if action["action"] == "on poll" {
            add("on poll");
        }
        for key in ["verbose", "undo"] {
            if action
                .get(key)
                .and_then(Value::as_str)
                .is_some_and(|text| !text.is_empty())
            {
                add(key);
            }
        }
        if let Some(lock) = action.get("lock") {
            add(if lock.get("data_path").is_some() {
                "lock on a parameter"
            } else if lock["enabled"] == true {
                "lock on the action"
            } else {
                "lock off"
            });
        }
        if let Some(render) = action.get("render") {
            // Render types the platform does not know are dropped, as the import test shows.
            if let Some(kind) = render["type"]
                .as_str()
                .filter(|kind| soar_vocab::RENDER_TYPES.contains(kind))
            {
                add(&format!("render {kind}"));
            }
            if render.get("menu_name").is_some() {
                add("render menu_name");
            }
        }
        for parameter in action["parameters"]
            .as_object()
            .into_iter()
            .flatten()
            .map(|(_, p)| p)
        {
            let stock = parameter["contains"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|item| item.as_str().is_some_and(soar_vocab::is_stock_contains));
            if stock {
                add("typed parameter");
            }
            for key in ["allow_list", "primary"] {
                if parameter[key] == true {
                    add(&format!("parameter {key}"));
                }
            }
            if parameter.get("value_list").is_some() {
                add("parameter value_list");
            }
            add(&format!(
                "parameter {}",
                parameter["data_type"].as_str().unwrap_or("")
            ));
        }
        let paths: BTreeSet<&str> = action["output"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|entry| entry["data_path"].as_str())
            .collect();
        for path in &paths {
            let below = |prefix: String| -> Vec<&str> {
                paths
                    .iter()
                    .copied()
                    .filter(|other| other.starts_with(&prefix))
                    .collect()
            };
            if !below(format!("{path}.")).is_empty() {
                add("output plain and with keys");
            }
            if let Some(object) = path.strip_suffix(".*")
                && below(format!("{object}."))
                    .iter()
                    .any(|other| !other[object.len()..].starts_with(".*"))
            {
                add("output map beside named keys");
            }
        }
        for entry in action["output"].as_array().into_iter().flatten() {
            let path = entry["data_path"].as_str().unwrap_or("");
            if let Some(rest) = path.strip_prefix("action_result.data.*.") {
                if rest.contains('*') {
                    add("output list");
                }
                if rest.contains('.') {
                    add("output nested");
                }
            }
            if path.starts_with("action_result.summary.") {
                add("output summary");
            }
            match path {
                "action_result.data" | "action_result.summary" => add("output whole value"),
                "action_result.data.*" => add("output plain data items"),
                _ => {}
            }
            if entry.get("column_name").is_some() {
                add("output column");
            }
            if entry["contains"]
                .as_array()
                .is_some_and(|list| !list.is_empty())
            {
                add("output contains");
            }
        }
    }
    found
}

fn features_of(apps: &[PathBuf]) -> BTreeSet<String> {
    apps.iter()
        .flat_map(|path| {
            let text = std::fs::read_to_string(path).unwrap();
            features(&serde_json::from_str(&text).unwrap())
        })
        .collect()
}

#[test]
fn the_subset_covers_every_feature_of_the_corpus() {
    let all = features_of(&corpus());
    let covered = features_of(&subset());
    let missing: Vec<&String> = all.difference(&covered).collect();
    assert!(missing.is_empty(), "the subset misses {missing:?}");
    assert!(all.len() >= 30, "{all:?}");
}

/// The subset app whose wheels the round trip carries: the import reads it from an app
/// directory that holds its wheel files, as a connector's repository does. Its Python 3.9 and
/// 3.13 lists differ (native wheels of each), so both lists are compared.
const WITH_WHEELS: &str = "ciscoumbrella";

/// An app directory at `dir` with the corpus app `name` and a stand-in file (a zip's first
/// bytes: the import only carries files) for every wheel it lists.
fn app_directory(name: &str, dir: &std::path::Path) -> PathBuf {
    let app_path = repository().join(format!("tests/corpus/apps/{name}.json"));
    let app: Value = serde_json::from_str(&std::fs::read_to_string(&app_path).unwrap()).unwrap();
    let app_dir = dir.join(name);
    if app_dir.exists() {
        std::fs::remove_dir_all(&app_dir).unwrap();
    }
    for (_, dependencies) in app
        .as_object()
        .unwrap()
        .iter()
        .filter(|(key, _)| key.starts_with("pip"))
    {
        for wheel in dependencies["wheel"].as_array().into_iter().flatten() {
            let file = app_dir.join(wheel["input_file"].as_str().unwrap());
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(file, b"PK\x03\x04").unwrap();
        }
    }
    std::fs::copy(&app_path, app_dir.join(format!("{name}.json"))).unwrap();
    app_dir
}

#[test]
fn the_subset_comes_back_equal() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("import-round-trip");
    std::fs::create_dir_all(&dir).unwrap();
    let with_wheels = app_directory(WITH_WHEELS, &dir.join("sources"));
    let notes = cargo_soar::import::import(&cargo_soar::import::read_source(&with_wheels).unwrap())
        .unwrap()
        .notes;
    let wheel_notes: Vec<String> = notes
        .iter()
        .filter(|note| note.pointer.as_str().starts_with("/pip3"))
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        wheel_notes,
        Vec::<String>::new(),
        "{WITH_WHEELS}'s wheels are all carried"
    );
    let apps: Vec<PathBuf> = subset()
        .into_iter()
        .map(|path| {
            if path.file_stem().is_some_and(|stem| stem == WITH_WHEELS) {
                with_wheels.clone()
            } else {
                path
            }
        })
        .collect();
    let outcomes = roundtrip::run(&apps, &dir, &RuntimeDependency::Path(repository()))
        .unwrap_or_else(|failure| panic!("{failure}"));
    roundtrip::print(&outcomes);
    let unequal: Vec<&str> = outcomes
        .iter()
        .filter(|outcome| !outcome.differences.is_empty())
        .map(|outcome| outcome.app.as_str())
        .collect();
    assert!(unequal.is_empty(), "not equal: {unequal:?}");
}
