//! The measure of what the corpus apps declare that the macros cannot express yet (issue 10).
//! Run with `--nocapture` to read the tally.

use serde_json::Value;
use soar_tests::app_json_corpus::{app_files, file_name, read_json};
use soar_tests::corpus_gaps::{gaps, tally};
use whois::connector::Whois;

#[test]
fn the_app_json_the_macros_write_has_no_gap() {
    let app = soar_runtime::testing::pinned_app_json::<Whois>();
    let written: Value = serde_json::from_str(&app.to_json_pretty()).unwrap();
    assert_eq!(gaps(&written), []);
}

#[test]
fn the_corpus_tally_prints_every_feature_with_its_apps() {
    let apps: Vec<(String, Value)> = app_files()
        .iter()
        .map(|path| (file_name(path), read_json(path)))
        .collect();
    let tallies = tally(apps.iter().map(|(name, app)| (name.as_str(), app)));
    println!("{:>6} {:>4}  feature (first seen at)", "times", "apps");
    for (feature, found) in &tallies {
        let (app, pointer) = &found.first;
        println!(
            "{:>6} {:>4}  {feature} ({app} {pointer})",
            found.occurrences,
            found.apps.len()
        );
    }
    let apps_of = |feature: &str| tallies.get(feature).map(|found| found.apps.len());
    // Facts of the corpus that issue 10 counts: the measure finds them.
    assert_eq!(apps_of("webhook key `routes`"), Some(1));
    // What the macros have learnt is no gap any more.
    for learnt in [
        "app key `rest_handler`",
        "app key `webhook`",
        "app key `app_config_render`",
        "app key `latest_tested_versions`",
        "render key `menu_name`",
        "configuration `data_type` `ph`",
        "configuration `data_type` `file`",
        "the app's own `wheel` dependencies of `pip39_dependencies`",
        "the app's own `wheel` dependencies of `pip313_dependencies`",
    ] {
        assert_eq!(apps_of(learnt), None, "{learnt}");
    }
}

#[test]
fn a_gap_names_its_pointer_with_escaped_keys() {
    let app = serde_json::json!({
        "name": "A/B",
        "configuration": {"a/b": {"data_type": "object", "order": 0}},
        "actions": [{
            "action": "x",
            "render": {"type": "default"},
            "lock": {"enabled": true, "data_path": "p~"},
            "parameters": {"p~": {"data_type": "string", "order": 3, "name": "p~"}},
            "output": [{"data_path": "a", "column_order": 2}]
        }],
        "pip39_dependencies": {"wheel": [{"module": "x", "input_file": "wheels/py3/x-1-py3-none-any.whl"}], "pypi": [{"module": "requests"}]},
        "pip_dependencies": {"wheel": [{"module": "x", "input_file": "wheels/py3/x-1-py3-none-any.whl"}]}
    });
    let found: Vec<(String, String)> = gaps(&app)
        .into_iter()
        .map(|gap| (gap.feature, gap.pointer))
        .collect();
    let expected = [
        ("app key `pip_dependencies`", "/pip_dependencies"),
        (
            "the app's own `pypi` dependencies of `pip39_dependencies`",
            "/pip39_dependencies/pypi",
        ),
        (
            "the app's own `wheel` dependencies of `pip_dependencies`",
            "/pip_dependencies/wheel",
        ),
        (
            "configuration `data_type` `object`",
            "/configuration/a~1b/data_type",
        ),
        ("parameter key `name`", "/actions/0/parameters/p~0/name"),
        (
            "parameter `order` that is not its position",
            "/actions/0/parameters/p~0/order",
        ),
        (
            "output entry `column_order` without `column_name`",
            "/actions/0/output/0/column_order",
        ),
        ("render `type` `default`", "/actions/0/render/type"),
        (
            "lock `data_path` that is not a parameter",
            "/actions/0/lock/data_path",
        ),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(feature, pointer)| ((*feature).to_owned(), (*pointer).to_owned()))
        .collect();
    assert_eq!(found, expected);
}
