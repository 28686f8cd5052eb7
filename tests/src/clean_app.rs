//! A clean app JSON built with the typed model, as the framework would write it: the validator
//! finds nothing in it. Tests break it one rule at a time.

use indexmap::IndexMap;
use serde_json::json;
use soar_runtime::app_json::{
    Action, AppJson, ConfigField, Contributor, DataType, Dependencies, OutputEntry, Parameter,
    PythonVersion, Render, WheelDependency,
};

/// The clean app: test connectivity (`/actions/0`), `whois domain` (`/actions/1`) and on poll
/// (`/actions/2`).
///
/// `whois domain` has one parameter, `domain`, and the outputs status (0), message (1), the
/// parameter (2), two table columns (3, 4), a summary field (5) and the two totals (6, 7).
pub fn clean_app() -> AppJson {
    AppJson {
        name: "WHOIS Sample".into(),
        description: "Query WHOIS servers for domain registration data".into(),
        appid: "776ab991-313e-48e7-bccd-e8c9650c239a".into(),
        app_type: "information".into(),
        product_vendor: "Generic".into(),
        app_version: "1.0.0".into(),
        license: "Copyright (c) Example Corp, 2026".into(),
        min_phantom_version: "6.3.0".into(),
        package_name: "phantom_whoissample".into(),
        main_module: "whoissample_connector.py".into(),
        logo: "logo.svg".into(),
        logo_dark: "logo_dark.svg".into(),
        product_name: "Whois Server".into(),
        python_version: PythonVersion::Text("3.9, 3.13".into()),
        product_version_regex: ".*".into(),
        publisher: "Example Corp".into(),
        utctime_updated: Some("2026-01-01T00:00:00.000000Z".into()),
        fips_compliant: Some(false),
        contributors: Some(vec![Contributor {
            name: "Jane Doe".into(),
            ..Default::default()
        }]),
        configuration: configuration(),
        actions: vec![test_connectivity(), whois_domain(), on_poll()],
        pip313_dependencies: Some(Dependencies {
            wheel: Some(vec![WheelDependency {
                module: "soar_whois".into(),
                input_file: "wheels/py3/soar_whois-1.0.0-cp39-abi3-manylinux_2_28_x86_64.whl"
                    .into(),
                input_file_aarch64: Some(
                    "wheels/py3/soar_whois-1.0.0-cp39-abi3-manylinux_2_28_aarch64.whl".into(),
                ),
                ..Default::default()
            }]),
            ..Default::default()
        }),
        ..Default::default()
    }
}

/// The asset configuration: a server with a value list, a password, a number and a flag.
fn configuration() -> IndexMap<String, ConfigField> {
    let field = |order: u32, data_type: DataType, description: &str| ConfigField {
        data_type,
        required: Some(false),
        description: Some(description.into()),
        order: Some(order.into()),
        ..Default::default()
    };
    IndexMap::from([
        (
            "whois_server".to_owned(),
            ConfigField {
                default: Some("whois.arin.net".into()),
                value_list: Some(vec![json!("whois.arin.net"), json!("whois.ripe.net")]),
                ..field(0, DataType::String, "Whois server to use to query")
            },
        ),
        (
            "api_key".to_owned(),
            field(1, DataType::Password, "API key of the server"),
        ),
        (
            "timeout".to_owned(),
            ConfigField {
                default: Some(30.into()),
                ..field(2, DataType::Numeric, "Timeout in seconds")
            },
        ),
        (
            "verify_server_cert".to_owned(),
            ConfigField {
                default: Some(false.into()),
                ..field(3, DataType::Boolean, "Verify the server certificate")
            },
        ),
    ])
}

/// An output entry without the optional keys.
fn output(data_path: &str, data_type: DataType) -> OutputEntry {
    OutputEntry {
        data_path: data_path.into(),
        data_type,
        ..Default::default()
    }
}

/// The status and message outputs that every action lists first.
fn status_and_message() -> Vec<OutputEntry> {
    vec![
        OutputEntry {
            example_values: Some(vec![json!("success"), json!("failed")]),
            ..output("action_result.status", DataType::String)
        },
        output("action_result.message", DataType::String),
    ]
}

/// The two totals that every action lists last.
fn totals() -> Vec<OutputEntry> {
    vec![
        OutputEntry {
            example_values: Some(vec![json!(1)]),
            ..output("summary.total_objects", DataType::Numeric)
        },
        OutputEntry {
            example_values: Some(vec![json!(1)]),
            ..output("summary.total_objects_successful", DataType::Numeric)
        },
    ]
}

/// An action with the keys every action has.
fn action(name: &str, identifier: &str, kind: &str, description: &str) -> Action {
    Action {
        action: name.into(),
        identifier: identifier.into(),
        description: description.into(),
        kind: kind.into(),
        read_only: true,
        versions: Some("EQ(*)".into()),
        ..Default::default()
    }
}

/// Test connectivity, as the framework generates it.
fn test_connectivity() -> Action {
    Action {
        verbose: Some("Checks that the WHOIS server answers.".into()),
        output: [status_and_message(), totals()].concat(),
        ..action(
            "test connectivity",
            "test_asset_connectivity",
            "test",
            "Validate the asset configuration",
        )
    }
}

/// An investigate action with a parameter, table columns and a summary.
fn whois_domain() -> Action {
    let domain = Parameter {
        order: Some(0.into()),
        name: Some("domain".into()),
        description: Some("Domain to query".into()),
        data_type: DataType::String,
        required: Some(true),
        primary: Some(true),
        allow_list: Some(false),
        contains: Some(vec!["domain".into()]),
        ..Default::default()
    };
    let column = |data_path: &str, name: &str, order: u32| OutputEntry {
        column_name: Some(name.into()),
        column_order: Some(order.into()),
        ..output(data_path, DataType::String)
    };
    let mut outputs = status_and_message();
    outputs.extend([
        OutputEntry {
            contains: Some(vec!["domain".into()]),
            ..output("action_result.parameter.domain", DataType::String)
        },
        OutputEntry {
            example_values: Some(vec![json!("MarkMonitor, Inc.")]),
            ..column("action_result.data.*.registrar", "Registrar", 0)
        },
        OutputEntry {
            contains: Some(vec!["host name".into()]),
            ..column("action_result.data.*.nameservers", "Name Servers", 1)
        },
        output("action_result.summary.organization", DataType::String),
    ]);
    outputs.extend(totals());
    Action {
        verbose: Some("Queries the registry, then the registrar named in its referral.".into()),
        parameters: IndexMap::from([("domain".to_owned(), domain)]),
        output: outputs,
        render: Some(Render {
            kind: Some("table".into()),
            width: Some(12.into()),
            height: Some(5.into()),
            title: Some("WHOIS".into()),
            ..Default::default()
        }),
        ..action(
            "whois domain",
            "whois_domain",
            "investigate",
            "Run a WHOIS lookup on a domain",
        )
    }
}

/// On poll with the platform's five parameters.
fn on_poll() -> Action {
    let parameter = |order: u32, data_type: DataType, description: &str| Parameter {
        order: Some(order.into()),
        description: Some(description.into()),
        data_type,
        required: Some(false),
        ..Default::default()
    };
    let parameters = IndexMap::from([
        (
            "container_id".to_owned(),
            Parameter {
                allow_list: Some(true),
                ..parameter(
                    0,
                    DataType::String,
                    "Container IDs to limit the ingestion to",
                )
            },
        ),
        (
            "start_time".to_owned(),
            parameter(
                1,
                DataType::Numeric,
                "Start of the time range, in epoch milliseconds",
            ),
        ),
        (
            "end_time".to_owned(),
            parameter(
                2,
                DataType::Numeric,
                "End of the time range, in epoch milliseconds",
            ),
        ),
        (
            "container_count".to_owned(),
            parameter(
                3,
                DataType::Numeric,
                "Maximum number of containers to ingest",
            ),
        ),
        (
            "artifact_count".to_owned(),
            parameter(
                4,
                DataType::Numeric,
                "Maximum number of artifacts to ingest",
            ),
        ),
    ]);
    Action {
        read_only: false,
        parameters,
        ..action("on poll", "on_poll", "ingest", "Ingest new registrations")
    }
}
