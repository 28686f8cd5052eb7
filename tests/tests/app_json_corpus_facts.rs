//! Known facts about the corpus are found: the model keeps what real apps write, and the
//! validator reports their sloppiness as warnings.

use soar_runtime::app_json::{AppJson, Finding, Loose, Rule, Severity, validate_value};
use soar_tests::app_json_corpus::app;

/// The findings of `rule` for the corpus app `name`.
fn findings(name: &str, rule: Rule) -> Vec<Finding> {
    validate_value(&app(name))
        .into_iter()
        .filter(|finding| finding.rule == rule)
        .collect()
}

/// The corpus app `name`, read into the model.
fn model(name: &str) -> AppJson {
    serde_json::from_value(app(name)).unwrap()
}

#[test]
fn carbonblackappcontrol_lists_data_paths_twice() {
    let duplicates = findings("carbonblackappcontrol", Rule::DuplicateDataPath);
    let app = model("carbonblackappcontrol");
    let found: Vec<(&str, &str)> = duplicates
        .iter()
        .map(|finding| {
            let mut tokens = finding.pointer.split('/').skip(2);
            let action = &app.actions[tokens.next().unwrap().parse::<usize>().unwrap()];
            let entry = &action.output[tokens.nth(1).unwrap().parse::<usize>().unwrap()];
            (action.action.as_str(), entry.data_path.as_str())
        })
        .collect();
    let analyze: Vec<&str> = found
        .iter()
        .filter(|(action, _)| *action == "analyze file")
        .map(|(_, path)| *path)
        .collect();
    assert_eq!(analyze.len(), 14, "{found:?}");
    assert!(analyze.contains(&"action_result.data.*.fileCatalogId"));
    assert!(found.contains(&("block hash", "action_result.data.*.policyIds")));
    assert_eq!(found.len(), 15);
    assert!(
        duplicates
            .iter()
            .all(|finding| finding.severity == Severity::Warning)
    );
}

#[test]
fn panorama_has_a_parameter_key_with_a_comma() {
    let unknown = findings("panorama", Rule::UnknownKey);
    let commas: Vec<&Finding> = unknown
        .iter()
        .filter(|finding| finding.pointer.ends_with("/name,"))
        .collect();
    assert_eq!(commas.len(), 10, "{commas:#?}");
    assert!(
        commas
            .iter()
            .all(|finding| finding.pointer.contains("/parameters/")
                && finding.severity == Severity::Warning)
    );
    let app = model("panorama");
    let kept = app
        .actions
        .iter()
        .flat_map(|action| action.parameters.values())
        .filter(|p| p.extra.contains_key("name,"));
    assert_eq!(kept.count(), 10);
}

#[test]
fn wildfire_writes_column_orders_as_strings() {
    let spelled = findings("wildfire", Rule::ColumnOrderSpelling);
    assert_eq!(spelled.len(), 9);
    let app = model("wildfire");
    let texts: Vec<&Loose<u32>> = app
        .actions
        .iter()
        .flat_map(|action| &action.output)
        .filter_map(|entry| entry.column_order.as_ref())
        .filter(|order| matches!(order, Loose::Other(value) if value.is_string()))
        .collect();
    assert_eq!(texts.len(), 9);
    assert!(texts.iter().all(|order| order.position().is_some()));
    // The string spellings run 0..n-1 like numbers would: no ordering warning.
    assert!(findings("wildfire", Rule::ColumnOrder).is_empty());
}

#[test]
fn venafi_lacks_outputs_for_two_parameters() {
    let missing = findings("venafi", Rule::ParameterOutput);
    let messages: Vec<&str> = missing
        .iter()
        .map(|finding| finding.message.as_str())
        .collect();
    assert_eq!(
        messages,
        [
            "no output `action_result.parameter.keystore_password`",
            "no output `action_result.parameter.password`"
        ]
    );
    let app = model("venafi");
    let pointer = &missing[0].pointer;
    let index: usize = pointer.split('/').nth(2).unwrap().parse().unwrap();
    assert_eq!(app.actions[index].action, "get certificate");
    assert_eq!(pointer, &format!("/actions/{index}/output"));
}

#[test]
fn every_wheel_of_the_corpus_installs_on_the_python_of_its_list() {
    let mut wheels = 0;
    for path in soar_tests::app_json_corpus::app_files() {
        let (name, document) = (
            soar_tests::app_json_corpus::file_name(&path),
            soar_tests::app_json_corpus::read_json(&path),
        );
        let listed: AppJson = serde_json::from_value(document.clone()).unwrap();
        for (key, dependencies) in listed.dependency_sets() {
            if soar_vocab::wheel::dependencies_minor(key).is_some() {
                wheels += dependencies.wheel.iter().flatten().count();
            }
        }
        let refused: Vec<Finding> = validate_value(&document)
            .into_iter()
            .filter(|finding| finding.rule == Rule::WheelPython)
            .collect();
        assert!(refused.is_empty(), "{name}: {refused:?}");
    }
    // Of the 625 wheels, those of `pip_dependencies` (10) name no single Python version.
    assert_eq!(wheels, 615);
}
