//! `cargo soar import`: the Rust written for real apps (snapshots, read them), what it notes,
//! and what it refuses.

use std::path::PathBuf;

use cargo_soar::import::{Imported, Source, import};
use serde_json::{Value, json};

/// A corpus app of the repository (`tests/corpus/apps/`).
fn corpus_app(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/corpus/apps")
        .join(format!("{name}.json"));
    std::fs::read(&path).unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()))
}

fn imported(name: &str) -> Imported {
    import(&Source::json(&corpus_app(name))).unwrap_or_else(|refusal| panic!("{name}: {refusal:?}"))
}

fn notes(imported: &Imported) -> String {
    imported
        .notes
        .iter()
        .map(|note| format!("{note}\n"))
        .collect()
}

#[test]
fn whois_is_written_as_rust() {
    let whois = imported("whois");
    insta::assert_snapshot!("whois_lib_rs", whois.lib_rs);
    insta::assert_snapshot!("whois_notes", notes(&whois));
}

#[test]
fn an_app_with_custom_views_and_ingestion_is_written_as_rust() {
    let elasticsearch = imported("elasticsearch");
    assert!(elasticsearch.lib_rs.contains("#[on_poll]"));
    assert!(
        elasticsearch
            .lib_rs
            .contains("soar_runtime::view::parts::default_table(runs)")
    );
    insta::assert_snapshot!("elasticsearch_lib_rs", elasticsearch.lib_rs);
    insta::assert_snapshot!("elasticsearch_notes", notes(&elasticsearch));
}

#[test]
fn a_webhook_and_a_rest_handler_are_bound_to_stub_handlers() {
    let teams = imported("microsoftteams");
    assert!(
        teams.lib_rs.contains(
            r#"    webhook(handler = handle_webhook, requires_auth = false, allowed_headers = ["Authorization"], ip_allowlist = ["0.0.0.0/0"]),"#
        ),
        "{}",
        teams.lib_rs
    );
    assert!(teams.lib_rs.contains(
        "/// The app's webhook (`microsoftteams_webhook.handle_webhook` in the original app): answers that it is not ported yet.\nfn handle_webhook(request: WebhookRequest) -> Result<WebhookResponse, ActionError> {\n    let _ = request;\n    Ok(WebhookResponse::text(501, \"the webhook of 'Microsoft Teams' is not ported yet\"))\n}\n"
    ), "{}", teams.lib_rs);
    assert!(
        teams
            .lib_rs
            .contains("    rest_handler(handler = handle_rest_request),\n"),
        "{}",
        teams.lib_rs
    );
    assert!(teams.lib_rs.contains(
        "/// The app's REST handler (`microsoftteams_connector._handle_rest_request` in the original app): answers that it is not ported yet.\nfn handle_rest_request(request: RestRequest) -> Result<RestResponse, ActionError> {\n    let _ = request;\n    Ok(RestResponse::text(501, \"the REST handler of 'Microsoft Teams' is not ported yet\"))\n}\n"
    ), "{}", teams.lib_rs);
    let noted = notes(&teams);
    for expected in [
        "corrected /webhook/handler: \"microsoftteams_webhook.handle_webhook\" is the original's Python",
        "corrected /rest_handler: \"microsoftteams_connector._handle_rest_request\" is the original's Python; the bundle writes its own REST module, which calls the Rust handler `handle_rest_request`",
        "dropped /webhook/routes: the platform calls the one handler for every path",
    ] {
        assert!(noted.contains(expected), "{expected} not in\n{noted}");
    }
    let sloppy = whois_with(|app| {
        app["actions"][1]["identifier"] = json!("handle_webhook");
        app["actions"][2]["identifier"] = json!("handle_rest_request");
        app["rest_handler"] = json!("not python at all");
        app["webhook"] = json!({"handler": "whois_webhook.handle", "ip_allowlist": ["10.0.0.1/8", "::/0"], "port": 1});
    });
    let imported = import(&Source::json(sloppy.as_bytes())).unwrap();
    assert!(
        imported
            .lib_rs
            .contains(r#"webhook(handler = handle_webhook, ip_allowlist = ["::/0"])"#),
        "{}",
        imported.lib_rs
    );
    assert!(
        imported.lib_rs.contains("fn handle_webhook_2(\n")
            && imported.lib_rs.contains("fn handle_rest_request_2(\n"),
        "the actions get other names"
    );
    let noted = notes(&imported);
    for expected in [
        "corrected /webhook/requires_auth: absent; the SDK's default, true, is written",
        "dropped /webhook/ip_allowlist/0: \"10.0.0.1/8\" is no network",
        "dropped /webhook/port",
    ] {
        assert!(noted.contains(expected), "{expected} not in\n{noted}");
    }
}

/// What `import` refuses, with the JSON Pointer of the problem.
fn refused(document: &str) -> (String, String) {
    let refusal = import(&Source::json(document.as_bytes())).expect_err("refused");
    (refusal.pointer, refusal.message)
}

/// The whois app with one change made by `edit`.
fn whois_with(edit: impl FnOnce(&mut Value)) -> String {
    let mut app: Value = serde_json::from_slice(&corpus_app("whois")).unwrap();
    edit(&mut app);
    app.to_string()
}

#[test]
fn bad_input_is_refused_with_its_pointer() {
    assert_eq!(refused("{not json").0, "");
    assert!(refused("{not json").1.starts_with("not JSON"));
    assert_eq!(refused("[1]").0, "");
    assert_eq!(refused(r#"{"appid": "x"}"#).0, "/actions");
    let no_description = whois_with(|app| {
        app.as_object_mut().unwrap().remove("description");
    });
    assert_eq!(refused(&no_description).0, "/description");
    let numeric_name = whois_with(|app| app["name"] = json!(5));
    assert_eq!(
        refused(&numeric_name),
        (
            "/name".to_owned(),
            "not an app JSON: `name` is a number, not a string".to_owned()
        )
    );
    let listed_configuration = whois_with(|app| app["configuration"] = json!([]));
    assert_eq!(refused(&listed_configuration).0, "/configuration");
    let bad_appid = whois_with(|app| app["appid"] = json!("not-a-uuid"));
    assert_eq!(refused(&bad_appid).0, "/appid");
    let duplicate = whois_with(|app| app["actions"][2]["identifier"] = json!("whois_domain"));
    let (pointer, message) = refused(&duplicate);
    assert_eq!(pointer, "/actions/2/identifier");
    assert!(message.contains("a second action"), "{message}");
    let bad_identifier = whois_with(|app| app["actions"][1]["identifier"] = json!("Whois Domain"));
    assert_eq!(refused(&bad_identifier).0, "/actions/1/identifier");
    let not_an_action = whois_with(|app| app["actions"][1]["read_only"] = json!("yes"));
    assert_eq!(refused(&not_an_action).0, "/actions/1");
}

#[test]
fn sloppy_input_is_imported_with_what_changed() {
    let sloppy = whois_with(|app| {
        app["actions"][1]["render"]["type"] = json!("default");
        app["actions"][1]["description"] = json!("execute a lookup.");
        app["actions"][1]["output"][3]["exampsle_values"] = json!(["x"]);
        app["actions"][1]["parameters"]["type"] = json!({"data_type": "string", "order": 1});
    });
    let imported = import(&Source::json(sloppy.as_bytes())).unwrap();
    let noted = notes(&imported);
    for expected in [
        "dropped /actions/1/render: render type \"default\"",
        "corrected /actions/1/description: starts with a lowercase letter",
        "corrected /actions/1/description: ends with a period",
        "dropped /actions/1/output/3/exampsle_values",
    ] {
        assert!(noted.contains(expected), "{expected} not in\n{noted}");
    }
    assert!(imported.lib_rs.contains("/// Execute a lookup\n"));
    assert!(
        imported.lib_rs.contains("    r#type: Option<String>,"),
        "{}",
        imported.lib_rs
    );
}

#[test]
fn the_largest_corpus_app_imports_in_well_under_a_second() {
    let github = Source::json(&corpus_app("github"));
    let started = std::time::Instant::now();
    let imported = import(&github).unwrap();
    let elapsed = started.elapsed();
    println!(
        "github.json imported in {elapsed:?} ({} bytes of Rust)",
        imported.lib_rs.len()
    );
    assert!(imported.lib_rs.contains("not ported yet"));
}

#[test]
fn the_command_writes_nothing_when_it_refuses() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("app.json");
    std::fs::write(&source, whois_with(|app| app["appid"] = json!("x"))).unwrap();
    let out = dir.path().join("whois");
    let failure = cargo_soar::import::run(&cargo_soar::import::ImportRequest {
        source,
        out: Some(out.clone()),
        runtime: cargo_soar::new::RuntimeDependency::Published,
    })
    .unwrap_err();
    assert_eq!(failure.code, cargo_soar::EXIT_UNUSABLE);
    assert!(failure.message.contains("\"/appid\""), "{failure}");
    assert!(!out.exists());
}

#[test]
fn the_wheels_the_source_holds_are_listed_and_carried_and_the_others_noted() {
    let wheel = "wheels/py3/dnspython-2.7.0-py3-none-any.whl";
    let mut source = Source::json(&corpus_app("whois"));
    source
        .files
        .insert(wheel.to_owned(), b"PK\x03\x04".to_vec());
    source.files.insert(
        "wheels/py3/unlisted-1-py3-none-any.whl".to_owned(),
        b"PK".to_vec(),
    );
    let imported = import(&source).unwrap();
    let attributes = format!("    pip39_wheels = [{wheel:?}],\n    pip313_wheels = [{wheel:?}],\n");
    assert!(imported.lib_rs.contains(&attributes), "{}", imported.lib_rs);
    let carried: Vec<&str> = imported.files.keys().map(String::as_str).collect();
    assert_eq!(carried, [wheel]);
    let notes = notes(&imported);
    for key in ["pip39_dependencies", "pip313_dependencies"] {
        let missing = notes
            .lines()
            .filter(|line| line.starts_with(&format!("dropped /{key}/wheel/")))
            .filter(|line| line.ends_with("is not in the import's source"))
            .count();
        assert_eq!(missing, 7, "{key}: {notes}");
    }
}
