//! The app JSON of a `#[connector]`, assembled from the metadata the macros wrote and the
//! actions registered for the connector.

use indexmap::IndexMap;
use serde_json::Value;

use super::registry::{ActionRegistration, actions_of};
use crate::app_json::{
    Action, AppJson, ConfigField, Contributor, DataType, Dependencies, Lock, OutputEntry,
    Parameter, PythonVersion, Render, Webhook, WheelDependency,
};
use crate::bundle;
use crate::meta::{
    ConfigFieldMeta, ConnectorMeta, Literal, LockMeta, OutputSpec, ParamMeta, Rank, RenderMeta,
    WebhookMeta,
};
use crate::output::{DATA_LIST_PATH, SUMMARY_PATH, add_contains};

/// The app JSON of connector `C`. `utctime_updated` is the time that `SOURCE_DATE_EPOCH` names,
/// when it is set (see [`crate::time`]).
pub fn app_json<C: 'static>(meta: &ConnectorMeta) -> AppJson {
    let actions = actions_of::<C>();
    let has_views = actions.iter().any(|action| {
        action
            .meta
            .render
            .is_some_and(|render| render.view.is_some())
    });
    AppJson {
        name: meta.name.to_owned(),
        description: meta.description.to_owned(),
        appid: meta.appid.to_owned(),
        app_type: meta.app_type.to_owned(),
        product_vendor: meta.product_vendor.to_owned(),
        app_version: meta.app_version.to_owned(),
        license: meta.license.to_owned(),
        min_phantom_version: soar_vocab::min_phantom_version(meta.min_phantom_version, has_views),
        package_name: meta.package_name.to_owned(),
        main_module: meta.main_module.to_owned(),
        logo: meta.logo.to_owned(),
        logo_dark: meta.logo_dark.to_owned(),
        product_name: meta.product_name.to_owned(),
        python_version: PythonVersion::Text(meta.python_version.to_owned()),
        product_version_regex: meta.product_version_regex.to_owned(),
        publisher: meta.publisher.to_owned(),
        utctime_updated: crate::time::source_date(),
        fips_compliant: Some(meta.fips_compliant),
        contributors: Some(
            meta.contributors
                .iter()
                .map(|name| Contributor {
                    name: (*name).to_owned(),
                    extra: IndexMap::new(),
                })
                .collect(),
        ),
        latest_tested_versions: strings(meta.latest_tested_versions),
        app_wizard_version: meta.app_wizard_version.map(str::to_owned),
        app_config_render: meta.app_config_render.map(str::to_owned),
        consolidate_widgets: meta.consolidate_widgets,
        rest_handler: meta
            .rest_handler
            .then(|| bundle::rest_handler_path(meta.main_module)),
        webhook: meta
            .webhook
            .map(|webhook| webhook_of(&webhook, meta.main_module)),
        pip39_dependencies: wheels(meta.pip39_wheels),
        pip313_dependencies: wheels(meta.pip313_wheels),
        configuration: meta
            .configuration
            .iter()
            .enumerate()
            .map(|(order, field)| (field.name.to_owned(), config_field(order, field)))
            .collect(),
        actions: actions
            .into_iter()
            .map(|registration| action(registration, meta.main_module))
            .collect(),
        ..AppJson::default()
    }
}

/// The app JSON's `webhook`: every key the official SDK writes, the handler the bundle's webhook
/// module. No `routes`: the handler answers every path, and the SDK's routes only record where
/// its Python router declared them.
fn webhook_of(webhook: &WebhookMeta, main_module: &str) -> Webhook {
    Webhook {
        handler: Some(bundle::webhook_handler_path(main_module)),
        requires_auth: Some(webhook.requires_auth),
        allowed_headers: Some(owned(webhook.allowed_headers)),
        ip_allowlist: Some(owned(webhook.ip_allowlist)),
        ..Webhook::default()
    }
}

/// The dependencies of the app's own wheels at `paths`, `None` without any: each wheel's
/// `module` is the distribution its file name spells, as the official SDK writes it. The
/// bundler adds the connector's wheel.
fn wheels(paths: &[&str]) -> Option<Dependencies> {
    (!paths.is_empty()).then(|| Dependencies {
        wheel: Some(
            paths
                .iter()
                .map(|path| WheelDependency {
                    module: soar_vocab::wheel::distribution(path)
                        .unwrap_or_default()
                        .to_owned(),
                    input_file: (*path).to_owned(),
                    ..WheelDependency::default()
                })
                .collect(),
        ),
        ..Dependencies::default()
    })
}

/// A list of strings, owned.
fn owned(items: &[&str]) -> Vec<String> {
    items.iter().map(|item| (*item).to_owned()).collect()
}

fn config_field(order: usize, field: &ConfigFieldMeta) -> ConfigField {
    ConfigField {
        data_type: DataType::from(field.data_type),
        required: Some(field.required),
        description: Some(field.description.to_owned()),
        order: Some(position(order).into()),
        default: field.default.map(|default| default.to_value().into()),
        value_list: values(field.value_list),
        ..ConfigField::default()
    }
}

/// A position in a list, as the app JSON writes it.
fn position(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

/// A non-empty list of literals as JSON values.
fn values(literals: &[Literal]) -> Option<Vec<Value>> {
    (!literals.is_empty()).then(|| literals.iter().map(|literal| literal.to_value()).collect())
}

/// A non-empty list of strings.
fn strings(items: &[&str]) -> Option<Vec<String>> {
    (!items.is_empty()).then(|| owned(items))
}

fn action(registration: &ActionRegistration, main_module: &str) -> Action {
    let meta = &registration.meta;
    Action {
        action: meta.name.to_owned(),
        identifier: meta.identifier.to_owned(),
        description: meta.description.to_owned(),
        kind: meta.kind.to_owned(),
        read_only: meta.read_only,
        versions: Some(meta.versions.to_owned()),
        verbose: Some(meta.verbose.to_owned()),
        parameters: meta
            .parameters
            .iter()
            .enumerate()
            .map(|(order, parameter)| {
                (parameter.name.to_owned(), self::parameter(order, parameter))
            })
            .collect(),
        output: output_entries(&outputs(registration)),
        render: meta
            .render
            .as_ref()
            .map(|spec| render(spec, main_module, meta.identifier)),
        undo: meta.undo.map(str::to_owned),
        lock: meta.lock.as_ref().map(lock),
        extra: IndexMap::new(),
    }
}

fn parameter(order: usize, parameter: &ParamMeta) -> Parameter {
    Parameter {
        order: Some(position(order).into()),
        description: Some(parameter.description.to_owned()),
        data_type: DataType::from(parameter.data_type),
        required: Some(parameter.required),
        primary: Some(parameter.primary),
        allow_list: Some(parameter.allow_list),
        contains: strings(&contains(parameter)),
        default: parameter.default.map(|default| default.to_value().into()),
        value_list: values(parameter.value_list),
        ..Parameter::default()
    }
}

/// The output entries; a `column_order` the author did not give counts the entries with a
/// column, in order.
fn output_entries(specs: &[OutputSpec]) -> Vec<OutputEntry> {
    let mut columns = 0;
    specs
        .iter()
        .map(|spec| {
            let column_order = spec.column.map(|column| {
                columns += 1;
                column.order.unwrap_or(position(columns - 1)).into()
            });
            OutputEntry {
                data_path: spec.data_path.clone(),
                data_type: DataType::from(spec.data_type),
                contains: strings(&spec.contains),
                example_values: values(&spec.examples),
                column_name: spec.column.map(|column| column.name.to_owned()),
                column_order,
                ..OutputEntry::default()
            }
        })
        .collect()
}

/// The `render` of an action; a view is the function of the bundle's view module that
/// [`bundle::view_path`] names.
fn render(render: &RenderMeta, main_module: &str, identifier: &str) -> Render {
    Render {
        kind: Some(render.kind.to_owned()),
        view: render
            .view
            .map(|_| bundle::view_path(main_module, identifier)),
        width: render.width.map(Into::into),
        height: render.height.map(Into::into),
        title: render.title.map(str::to_owned),
        menu_name: render.menu_name.map(str::to_owned),
        ..Render::default()
    }
}

fn lock(lock: &LockMeta) -> Lock {
    Lock {
        enabled: Some(lock.enabled),
        data_path: lock
            .parameter
            .map(|parameter| format!("parameters.{parameter}")),
        concurrency: lock.concurrency,
        timeout: lock.timeout.map(Into::into),
        ..Lock::default()
    }
}

/// The `contains` of a parameter: its type's, then the attribute's.
pub fn contains(parameter: &ParamMeta) -> Vec<&'static str> {
    let mut contains = parameter.type_contains.to_vec();
    add_contains(&mut contains, parameter.contains);
    contains
}

/// The `output` entries of an action in the official SDK's order: status, message, one per
/// parameter, the data entries, the summary entries, the two totals. Test connectivity has the
/// four standard entries only; on poll has none.
pub fn outputs(registration: &ActionRegistration) -> Vec<OutputSpec> {
    let meta = &registration.meta;
    if meta.rank == Rank::OnPoll {
        return Vec::new();
    }
    let mut out = vec![
        standard(
            "action_result.status",
            "string",
            &[Literal::Text("success"), Literal::Text("failure")],
        ),
        standard("action_result.message", "string", &[]),
    ];
    if meta.rank == Rank::Action {
        out.extend(meta.parameters.iter().map(|parameter| OutputSpec {
            data_path: format!("action_result.parameter.{}", parameter.name),
            data_type: parameter.data_type,
            contains: contains(parameter),
            examples: parameter.examples.to_vec(),
            column: parameter.column,
        }));
        (registration.outputs)(&mut out);
        let whole = [
            (meta.whole.data, DATA_LIST_PATH),
            (meta.whole.summary, SUMMARY_PATH),
        ];
        for (_, path) in whole.into_iter().filter(|(listed, _)| *listed) {
            // Real apps list them as strings (277 summaries and 127 data lists in the corpus).
            out.push(standard(path, "string", &[]));
        }
    }
    out.push(standard(
        "summary.total_objects",
        "numeric",
        &[Literal::Integer(1)],
    ));
    out.push(standard(
        "summary.total_objects_successful",
        "numeric",
        &[Literal::Integer(1)],
    ));
    out
}

fn standard(path: &str, data_type: &'static str, examples: &[Literal]) -> OutputSpec {
    OutputSpec {
        data_path: path.to_owned(),
        data_type,
        contains: Vec::new(),
        examples: examples.to_vec(),
        column: None,
    }
}
