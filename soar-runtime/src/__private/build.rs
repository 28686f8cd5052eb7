//! The app JSON of a `#[connector]`, assembled from the metadata the macros wrote and the
//! actions registered for the connector.

use indexmap::IndexMap;

use super::registry::{ActionRegistration, actions_of};
use crate::app_json::{Action, AppJson, ConfigField, DataType, Parameter};
use crate::meta::{ConfigFieldMeta, ConnectorMeta, Literal, OutputSpec, ParamMeta, Rank};
use crate::output::add_contains;

/// The app JSON of connector `C`.
pub fn app_json<C: 'static>(meta: &ConnectorMeta) -> AppJson {
    AppJson {
        appid: meta.appid.to_owned(),
        name: meta.name.to_owned(),
        main_module: meta.main_module.to_owned(),
        app_version: meta.app_version.to_owned(),
        configuration: meta
            .configuration
            .iter()
            .map(|field| (field.name.to_owned(), config_field(field)))
            .collect(),
        actions: actions_of::<C>().into_iter().map(action).collect(),
    }
}

fn data_type(spelling: &str) -> DataType {
    match spelling {
        "password" => DataType::Password,
        "numeric" => DataType::Numeric,
        "boolean" => DataType::Boolean,
        _ => DataType::String,
    }
}

fn config_field(field: &ConfigFieldMeta) -> ConfigField {
    ConfigField {
        data_type: data_type(field.data_type),
        required: Some(field.required),
        description: Some(field.description.to_owned()),
        default: field.default.map(Literal::to_value),
    }
}

fn action(registration: &ActionRegistration) -> Action {
    let meta = &registration.meta;
    Action {
        action: meta.name.to_owned(),
        identifier: meta.identifier.to_owned(),
        parameters: parameters(meta.parameters),
    }
}

fn parameters(parameters: &[ParamMeta]) -> IndexMap<String, Parameter> {
    parameters
        .iter()
        .map(|parameter| {
            let contains = contains(parameter);
            let spec = Parameter {
                data_type: data_type(parameter.data_type),
                required: Some(parameter.required),
                contains: (!contains.is_empty())
                    .then(|| contains.iter().map(|item| (*item).to_owned()).collect()),
                allow_list: Some(parameter.allow_list),
            };
            (parameter.name.to_owned(), spec)
        })
        .collect()
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
            examples: Vec::new(),
            column: parameter.column,
        }));
        (registration.outputs)(&mut out);
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
