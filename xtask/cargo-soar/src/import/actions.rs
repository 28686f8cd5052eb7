//! The actions of an imported app: one function per action with its `#[action]` (or
//! `#[test_connectivity]`, `#[on_poll]`) attribute, typed parameters and output types, whose
//! body says the action is not ported yet.

use std::collections::HashSet;

use soar_app_json::{
    Action, AppJson, DataType, DefaultValue, Loose, OutputEntry, Parameter, Pointer,
};
use soar_vocab::text;

use super::app::{Connector, capitalised, description_text};
use super::idents::{self, Scope};
use super::notes::Notes;
use super::outputs::{
    self, DATA_PREFIX, Leaf, Node, PlainNewtype, PlainOrKeys, SUMMARY_PREFIX, StructDef, TypeDef,
};
use super::text::{doc, fits_doc_rest, list, string};
use super::{Refusal, values};

/// What the written actions use: for the source's `use` lines.
#[derive(Debug, Default)]
pub struct Uses {
    /// Whether there are output types (which derive `Serialize`).
    pub outputs: bool,
    /// The value types of `soar_runtime::values` the parameters have, sorted.
    pub values: Vec<String>,
    /// Whether there are view stubs (which use `Serialize`, `AppRun` and `Markup`).
    pub views: bool,
}

/// Writes every action, then the output types; refuses duplicate or malformed identifiers and
/// names.
pub fn write(
    app: &AppJson,
    connector: &mut Connector,
    out: &mut String,
    notes: &mut Notes,
) -> Result<Uses, Refusal> {
    let root = Pointer::root().child("actions");
    let mut identifiers = HashSet::new();
    let mut names = HashSet::new();
    for (index, action) in app.actions.iter().enumerate() {
        let at = root.child(index);
        unique_and_valid(
            &at.child("identifier"),
            &action.identifier,
            text::is_action_identifier,
            "lowercase letters, digits, `_` and `-`, starting with a letter or `_`",
            &mut identifiers,
        )?;
        unique_and_valid(
            &at.child("action"),
            &action.action,
            text::is_action_name,
            "lowercase letters, digits and spaces",
            &mut names,
        )?;
    }
    let mut functions = std::mem::take(&mut connector.functions);
    let mut structs: Vec<TypeDef> = Vec::new();
    let mut values = std::collections::BTreeSet::new();
    let mut views = false;
    for (index, action) in app.actions.iter().enumerate() {
        out.push('\n');
        let (params, view) = write_action(
            action,
            &root.child(index),
            connector,
            &mut functions,
            &mut structs,
            out,
            notes,
        );
        values.extend(params.into_iter().filter_map(|param| param.value_type));
        views |= view;
    }
    for def in &structs {
        out.push('\n');
        match def {
            TypeDef::Struct(def) => write_struct(def, out),
            TypeDef::PlainOrKeys(def) => write_plain_or_keys(def, out),
            TypeDef::Newtype(def) => write_newtype(def, out),
        }
    }
    Ok(Uses {
        outputs: !structs.is_empty(),
        values: values.into_iter().collect(),
        views,
    })
}

/// Refuses a value that breaks its rule (`what` says the rule) or that another action has.
fn unique_and_valid<'a>(
    at: &Pointer,
    value: &'a str,
    valid: fn(&str) -> bool,
    what: &str,
    seen: &mut HashSet<&'a str>,
) -> Result<(), Refusal> {
    let key = if at.as_str().ends_with("/action") {
        "name"
    } else {
        "identifier"
    };
    if !valid(value) {
        return Err(Refusal::at(
            at,
            format!("{value:?} is no action {key}: {what}"),
        ));
    }
    if !seen.insert(value) {
        return Err(Refusal::at(
            at,
            format!("a second action has the {key} {value:?}"),
        ));
    }
    Ok(())
}

/// The special an action is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Special {
    TestConnectivity,
    OnPoll,
    None,
}

fn write_action(
    action: &Action,
    at: &Pointer,
    connector: &mut Connector,
    functions: &mut Scope,
    structs: &mut Vec<TypeDef>,
    out: &mut String,
    notes: &mut Notes,
) -> (Vec<Param>, bool) {
    let special = if action.is_test_connectivity() {
        Special::TestConnectivity
    } else if action.is_on_poll() {
        Special::OnPoll
    } else {
        Special::None
    };
    let function = functions.unique(idents::snake(&action.identifier, "action"));
    let view = action
        .render
        .as_ref()
        .and_then(|render| render.view.as_ref())
        .map(|_| functions.unique(format!("{function}_view")));
    let description = action_description(action, at, notes);
    doc(out, "", &description);
    if let Some(verbose) = action
        .verbose
        .as_deref()
        .filter(|verbose| !verbose.is_empty())
    {
        let mut verbose = verbose.to_owned();
        if !fits_doc_rest(&verbose) {
            verbose = verbose.trim().replace('\r', "");
            notes.corrected(
                &at.child("verbose"),
                "space around it or carriage returns, which a doc comment does not keep: trimmed"
                    .to_owned(),
            );
        }
        if text::description_problem(&verbose).is_some() {
            verbose = capitalised(&verbose);
            notes.corrected(
                &at.child("verbose"),
                "starts with a lowercase letter, which the CI schema refuses: capitalised"
                    .to_owned(),
            );
        }
        out.push_str("///\n");
        doc(out, "", &verbose);
    }
    let params = parameters(action, at, special, notes);
    let mut params = params;
    let outputs = output_plan(action, at, &mut params, connector, &function, notes);
    structs.extend(outputs.structs.iter().cloned());
    special_notes(action, at, special, notes);
    match special {
        Special::TestConnectivity => {
            if action.identifier == soar_vocab::TEST_CONNECTIVITY_IDENTIFIER {
                out.push_str("#[test_connectivity]\n");
            } else if soar_vocab::TEST_CONNECTIVITY_IDENTIFIERS
                .contains(&action.identifier.as_str())
            {
                out.push_str(&format!(
                    "#[test_connectivity(identifier = {})]\n",
                    string(&action.identifier)
                ));
            } else {
                notes.corrected(
                    &at.child("identifier"),
                    format!(
                        "test connectivity is `{}`",
                        soar_vocab::TEST_CONNECTIVITY_IDENTIFIER
                    ),
                );
                out.push_str("#[test_connectivity]\n");
            }
        }
        Special::OnPoll => out.push_str("#[on_poll]\n"),
        Special::None => {
            let args = action_args(
                action,
                &function,
                view.as_deref(),
                &params,
                &outputs.whole,
                at,
                notes,
            );
            out.push_str(&format!("#[action({})]\n", args.join(", ")));
        }
    }
    out.push_str(&format!(
        "fn {function}(\n    connector: &mut {},\n    ctx: &mut Ctx,\n",
        connector.type_name
    ));
    let mut bindings = vec!["connector".to_owned(), "ctx".to_owned()];
    if special == Special::OnPoll {
        out.push_str("    params: PollParams,\n");
        bindings.push("params".to_owned());
    }
    for param in &params {
        if !param.description.is_empty() {
            doc(out, "    ", &param.description);
        }
        if !param.attrs.is_empty() {
            out.push_str(&format!("    #[param({})]\n", param.attrs.join(", ")));
        }
        out.push_str(&format!("    {}: {},\n", param.ident, param.ty));
        bindings.push(param.ident.clone());
    }
    out.push_str(&format!(
        ") -> Result<{}, ActionError> {{\n    let _ = ({});\n    Err(ActionError::new({}))\n}}\n",
        outputs.return_type,
        bindings.join(", "),
        string(&format!("'{}' is not ported yet", action.action)),
    ));
    let has_view = special == Special::None && view.is_some();
    if let Some(view) = view.as_deref().filter(|_| has_view) {
        write_view_stub(action, view, out);
    }
    (params, has_view)
}

/// The view of a custom render: a function of the action's app runs that shows the runtime's
/// default table, for the author to replace with the original view's port. It is generic in
/// the data and summary types so that it compiles whatever the action returns.
fn write_view_stub(action: &Action, view: &str, out: &mut String) {
    let original = action
        .render
        .as_ref()
        .and_then(|render| render.view.as_deref())
        .unwrap_or_default();
    out.push('\n');
    doc(
        out,
        "",
        &format!(
            "The view of '{}' (`{original}` in the original app): the default table until it is ported.",
            action.action
        ),
    );
    out.push_str(&format!(
        "fn {view}<D: Serialize, S>(runs: &[AppRun<D, S>]) -> Markup {{\n    soar_runtime::view::parts::default_table(runs)\n}}\n"
    ));
}

/// What the framework declares for test connectivity and on poll in place of what the app
/// wrote: the platform's on poll parameters, the special's type, read-only, no render, lock or
/// undo.
fn special_notes(action: &Action, at: &Pointer, special: Special, notes: &mut Notes) {
    let kind = match special {
        Special::TestConnectivity => soar_vocab::TEST_CONNECTIVITY_KIND,
        Special::OnPoll => soar_vocab::ON_POLL_KIND,
        Special::None => return,
    };
    if special == Special::OnPoll {
        notes.corrected(
            &at.child("parameters"),
            "on poll's parameters are the platform's; the framework declares them as the platform does".to_owned(),
        );
    }
    if action.kind != kind {
        notes.corrected(
            &at.child("type"),
            format!("the framework gives this action type {kind:?}"),
        );
    }
    if !action.read_only {
        notes.corrected(
            &at.child("read_only"),
            "the framework declares this action read-only".to_owned(),
        );
    }
    for (key, present) in [
        ("render", action.render.is_some()),
        ("lock", action.lock.is_some()),
        ("undo", action.undo.is_some()),
    ] {
        if present {
            notes.dropped(
                &at.child(key),
                "the framework declares none for this action".to_owned(),
            );
        }
    }
}

/// The action's description as the macros write it (the CI schema's rules applied).
fn action_description(action: &Action, at: &Pointer, notes: &mut Notes) -> String {
    let at = at.child("description");
    let mut description =
        description_text(&action.description, &at, notes, || action.action.clone());
    while description.ends_with('.') {
        description.pop();
        notes.corrected(
            &at,
            "ends with a period, which the CI schema refuses: dropped".to_owned(),
        );
    }
    if text::action_description_end_problem(&description).is_some() || description.is_empty() {
        notes.corrected(
            &at,
            "too short for the CI schema: the action's name is written".to_owned(),
        );
        description = capitalised(&action.action);
    }
    description
}

/// The arguments of `#[action(...)]`.
fn action_args(
    action: &Action,
    function: &str,
    view: Option<&str>,
    params: &[Param],
    whole: &[&str],
    at: &Pointer,
    notes: &mut Notes,
) -> Vec<String> {
    let mut args = Vec::new();
    if idents::plain(function) != action.identifier {
        args.push(format!("identifier = {}", string(&action.identifier)));
    }
    let default_name = action.identifier.replace(['_', '-'], " ").trim().to_owned();
    if default_name != action.action {
        args.push(format!("name = {}", string(&action.action)));
    }
    if soar_vocab::ACTION_KINDS.contains(&action.kind.as_str()) {
        if action.kind != "generic" {
            args.push(format!("kind = {}", string(&action.kind)));
        }
    } else {
        notes.corrected(
            &at.child("type"),
            format!(
                "{:?} is no action type; written as \"generic\"",
                action.kind
            ),
        );
    }
    if action.read_only {
        args.push("read_only".to_owned());
    }
    if let Some(versions) = &action.versions
        && versions != "EQ(*)"
    {
        args.push(format!("versions = {}", string(versions)));
    }
    if let Some(render) = render(action, view, at, notes) {
        args.push(render);
    }
    if let Some(undo) = &action.undo {
        if text::is_action_name(undo) {
            args.push(format!("undo = {}", string(undo)));
        } else {
            notes.dropped(&at.child("undo"), format!("{undo:?} is no action name"));
        }
    }
    if let Some(lock) = lock(action, params, at, notes) {
        args.push(lock);
    }
    if !whole.is_empty() {
        let mut parts = whole.to_vec();
        parts.sort_unstable();
        args.push(format!("whole({})", parts.join(", ")));
    }
    for key in action.extra.keys() {
        notes.dropped(
            &at.child(key),
            "a key of actions the macros do not write".to_owned(),
        );
    }
    args
}

/// The `render` of the action; `view` is the name of its view stub when it has a custom render.
fn render(action: &Action, view: Option<&str>, at: &Pointer, notes: &mut Notes) -> Option<String> {
    let render = action.render.as_ref()?;
    let at = at.child("render");
    let Some(kind) = render
        .kind
        .as_deref()
        .filter(|kind| soar_vocab::RENDER_TYPES.contains(kind))
    else {
        notes.dropped(
            &at,
            format!(
                "render type {:?} is none of table, custom, json",
                render.kind.as_deref().unwrap_or("")
            ),
        );
        return None;
    };
    let custom = kind == "custom";
    if custom != render.view.is_some() {
        notes.dropped(
            &at,
            "a custom render names its view, and only a custom render has one".to_owned(),
        );
        return None;
    }
    let mut args = vec![format!("kind = {}", string(kind))];
    if let (Some(original), Some(view)) = (&render.view, view) {
        // The original's view is Python code of its own; the bundle writes the view module of
        // a Rust connector, whose view is the stub until the original is ported.
        args = vec![format!("view = {view}")];
        notes.corrected(
            &at.child("view"),
            format!(
                "{original:?} is the original's Python; the bundle names the Rust view ({view}, the default table until the view is ported)"
            ),
        );
    }
    for (key, value) in [("width", &render.width), ("height", &render.height)] {
        match value {
            Some(Loose::Typed(number)) => args.push(format!("{key} = {number}")),
            Some(Loose::Other(other)) => {
                notes.dropped(&at.child(key), format!("{other} is not a whole number"))
            }
            None => {}
        }
    }
    if let Some(title) = &render.title {
        args.push(format!("title = {}", string(title)));
    }
    if let Some(menu) = &render.menu_name {
        args.push(format!("menu_name = {}", string(menu)));
    }
    for key in render.extra.keys() {
        notes.dropped(
            &at.child(key),
            "a key of render the macros do not write".to_owned(),
        );
    }
    Some(if args.len() == 1 && !custom {
        format!("render = {}", string(kind))
    } else {
        format!("render({})", args.join(", "))
    })
}

fn lock(action: &Action, params: &[Param], at: &Pointer, notes: &mut Notes) -> Option<String> {
    let lock = action.lock.as_ref()?;
    let at = at.child("lock");
    let mut args = Vec::new();
    if lock.enabled != Some(true) {
        args.push(format!("enabled = {}", lock.enabled == Some(true)));
    }
    if let Some(path) = &lock.data_path {
        match path
            .strip_prefix("parameters.")
            .filter(|name| params.iter().any(|param| param.name == *name))
        {
            Some(name) => args.push(format!("parameter = {}", string(name))),
            None => notes.dropped(
                &at.child("data_path"),
                format!("{path:?} names no parameter of the action"),
            ),
        }
    }
    if let Some(concurrency) = lock.concurrency {
        args.push(format!("concurrency = {concurrency}"));
    }
    match &lock.timeout {
        Some(Loose::Typed(seconds)) => args.push(format!("timeout = {seconds}")),
        Some(Loose::Other(other)) => notes.dropped(
            &at.child("timeout"),
            format!("{other} is not a whole number of seconds"),
        ),
        None => {}
    }
    for key in lock.extra.keys() {
        notes.dropped(
            &at.child(key),
            "a key of lock the macros do not write".to_owned(),
        );
    }
    Some(match args.as_slice() {
        [only] if only.starts_with("parameter = ") => {
            format!("lock = {}", &only["parameter = ".len()..])
        }
        _ => format!("lock({})", args.join(", ")),
    })
}

/// One parameter as the function declares it.
#[derive(Debug, Clone)]
struct Param {
    /// The parameter's name in the app JSON.
    name: String,
    ident: String,
    ty: String,
    description: String,
    attrs: Vec<String>,
    /// The contains the type and the attribute declare.
    contains: Vec<String>,
    /// The value type of `soar_runtime::values` it has, if any.
    value_type: Option<String>,
    /// The `data_type` its Rust type has.
    data_type: &'static str,
    /// Whether its `action_result.parameter.<name>` entry has been seen.
    has_output: bool,
}

fn parameters(action: &Action, at: &Pointer, special: Special, notes: &mut Notes) -> Vec<Param> {
    let at = at.child("parameters");
    if special != Special::None {
        if special == Special::TestConnectivity && !action.parameters.is_empty() {
            notes.dropped(&at, "test connectivity takes no parameters".to_owned());
        }
        return Vec::new();
    }
    let ordered = values::in_order(&action.parameters, |parameter| parameter.order.as_ref());
    let mut scope = Scope::with(&["connector", "ctx"]);
    let mut params = Vec::new();
    for (position, (name, parameter)) in ordered.into_iter().enumerate() {
        let at = at.child(name);
        if !values::is_position(
            parameter.order.as_ref(),
            u64::try_from(position).unwrap_or(u64::MAX),
        ) {
            notes.corrected(&at.child("order"), format!("the parameters' orders are written as their positions; this one is at {position}"));
        }
        params.push(parameter_of(name, parameter, &at, &mut scope, notes));
    }
    params
}

fn parameter_of(
    name: &str,
    parameter: &Parameter,
    at: &Pointer,
    scope: &mut Scope,
    notes: &mut Notes,
) -> Param {
    let ident = scope.unique(idents::snake(name, "param"));
    let mut attrs = Vec::new();
    if idents::plain(&ident) != name {
        attrs.push(format!("name = {}", string(name)));
    }
    let contains = parameter.contains();
    let (base, type_contains): (String, Vec<String>) = match &parameter.data_type {
        DataType::String => {
            typed_value("string", contains).unwrap_or(("String".to_owned(), Vec::new()))
        }
        DataType::Numeric => typed_value("numeric", contains).unwrap_or_else(|| {
            (
                values::numeric_type(
                    parameter
                        .default
                        .as_ref()
                        .map(DefaultValue::to_value)
                        .as_ref(),
                    parameter.value_list.as_deref(),
                )
                .to_owned(),
                Vec::new(),
            )
        }),
        DataType::Boolean => ("bool".to_owned(), Vec::new()),
        DataType::Password => ("Secret".to_owned(), Vec::new()),
        DataType::Ph => ("Spacer".to_owned(), Vec::new()),
        other => {
            notes.corrected(
                &at.child("data_type"),
                format!("`{other}` is no parameter data type; written as `string`"),
            );
            ("String".to_owned(), Vec::new())
        }
    };
    let extra: Vec<&String> = contains
        .iter()
        .filter(|item| !type_contains.contains(item))
        .collect();
    if !extra.is_empty() {
        attrs.push(contains_attr(extra.iter().map(|item| item.as_str())));
    }
    if parameter.is_primary() {
        if contains.is_empty() {
            notes.dropped(
                &at.child("primary"),
                "a primary parameter needs a contains".to_owned(),
            );
        } else {
            attrs.push("primary".to_owned());
        }
    }
    let default = parameter.default.as_ref().map(DefaultValue::to_value);
    attrs.extend(values::default_and_values(
        &base,
        default.as_ref(),
        parameter.value_list.as_deref(),
        at,
        notes,
    ));
    let spacer = base == "Spacer";
    let description = match parameter.description.as_deref() {
        Some(text) if !text.trim().is_empty() => {
            description_text(text, &at.child("description"), notes, || name.to_owned())
        }
        // A spacer shows no label; without a description the macros would title its name.
        _ if spacer => {
            attrs.push("description = \"\"".to_owned());
            String::new()
        }
        _ => {
            notes.corrected(
                &at.child("description"),
                "missing; the macros write the parameter name's title".to_owned(),
            );
            String::new()
        }
    };
    if parameter
        .name
        .as_deref()
        .is_some_and(|repeated| repeated == name)
    {
        notes.dropped(
            &at.child("name"),
            "the parameter's name repeated; the macros do not write it".to_owned(),
        );
    } else if parameter.name.is_some() {
        notes.dropped(
            &at.child("name"),
            "a name other than the parameter's key".to_owned(),
        );
    }
    for key in parameter.extra.keys() {
        notes.dropped(
            &at.child(key),
            "a key of parameters the macros do not write".to_owned(),
        );
    }
    // A spacer is never required and has no value to list: it is its own type.
    let mut ty = base.clone();
    if parameter.is_allow_list() && !spacer {
        ty = format!("Vec<{ty}>");
    }
    if !parameter.is_required() && !spacer {
        ty = format!("Option<{ty}>");
    }
    let mut declared: Vec<String> = type_contains;
    declared.extend(extra.into_iter().cloned());
    let value_type = soar_vocab::VALUE_TYPES
        .iter()
        .any(|(name, _, _)| *name == base)
        .then(|| base.clone());
    let data_type = match base.as_str() {
        "bool" => "boolean",
        "Secret" => "password",
        "i64" | "f64" | "Port" => "numeric",
        "Spacer" => "ph",
        _ => "string",
    };
    Param {
        value_type,
        data_type,
        has_output: false,
        name: name.to_owned(),
        ident,
        ty,
        description,
        attrs,
        contains: declared,
    }
}

/// The typed value for a parameter of `data_type` with these contains: the value type whose
/// `contains` are all among them and which covers every stock one of them (the platform's
/// rule for each is the type's), the one with the most contains first.
fn typed_value(data_type: &str, contains: &[String]) -> Option<(String, Vec<String>)> {
    let stock: Vec<&String> = contains
        .iter()
        .filter(|item| soar_vocab::is_stock_contains(item) || item.as_str() == "port")
        .collect();
    if stock.is_empty() {
        return None;
    }
    soar_vocab::VALUE_TYPES
        .iter()
        .filter(|(_, ty_data_type, _)| *ty_data_type == data_type)
        .filter(|(_, _, own)| own.iter().all(|item| contains.iter().any(|c| c == item)))
        .filter(|(_, _, own)| stock.iter().all(|item| own.contains(&item.as_str())))
        .max_by_key(|(_, _, own)| own.len())
        .map(|(name, _, own)| {
            (
                (*name).to_owned(),
                own.iter().map(|item| (*item).to_owned()).collect(),
            )
        })
}

/// The return type of an action, the output types it needs, and the whole values it lists
/// (`whole(data, summary)`).
struct OutputPlan {
    return_type: String,
    structs: Vec<TypeDef>,
    whole: Vec<&'static str>,
}

/// The part of `whole(...)` that lists `path`: `data` for `action_result.data`, `summary` for
/// `action_result.summary`.
fn whole_part(path: &str) -> Option<&'static str> {
    match path {
        "action_result.data" => Some("data"),
        "action_result.summary" => Some("summary"),
        _ => None,
    }
}

/// Notes what a whole value's entry says beyond the plain string `whole(...)` lists.
fn whole_entry_notes(entry: &OutputEntry, at: &Pointer, notes: &mut Notes) {
    if entry.data_type != DataType::String {
        notes.corrected(
            &at.child("data_type"),
            "`whole(...)` lists the whole value as a string, as most real apps do".to_owned(),
        );
    }
    let described = [
        ("contains", entry.contains.is_some()),
        ("example_values", entry.example_values.is_some()),
        ("column_name", entry.column_name.is_some()),
        ("column_order", entry.column_order.is_some()),
    ];
    for (key, _) in described.into_iter().filter(|(_, present)| *present) {
        notes.dropped(
            &at.child(key),
            "`whole(...)` lists the whole value without it".to_owned(),
        );
    }
}

fn output_plan(
    action: &Action,
    at: &Pointer,
    params: &mut [Param],
    connector: &mut Connector,
    function: &str,
    notes: &mut Notes,
) -> OutputPlan {
    let at = at.child("output");
    let mut data = Node::default();
    let mut summary = Node::default();
    let mut whole = Vec::new();
    let special = action.is_test_connectivity() || action.is_on_poll();
    for (index, entry) in action.output.iter().enumerate() {
        let at = at.child(index);
        for key in entry.extra.keys() {
            notes.dropped(
                &at.child(key),
                "a key of output entries the macros do not write".to_owned(),
            );
        }
        if entry.map_info.is_some() {
            notes.dropped(
                &at.child("map_info"),
                "the macros do not write it".to_owned(),
            );
        }
        let path = entry.data_path.as_str();
        if soar_vocab::STANDARD_DATA_PATHS.contains(&path) {
            continue;
        }
        if special {
            notes.dropped(
                &at,
                "test connectivity and on poll have the standard outputs only".to_owned(),
            );
            continue;
        }
        if let Some(name) = path.strip_prefix("action_result.parameter.") {
            parameter_output(entry, name, params, &at, notes);
        } else if path == outputs::DATA_ITEM {
            outputs::insert(&mut data, &[], outputs::leaf(entry, &at, notes), notes);
        } else if let Some((tree, rest)) = path
            .strip_prefix(DATA_PREFIX)
            .map(|rest| (&mut data, rest))
            .or_else(|| {
                path.strip_prefix(SUMMARY_PREFIX)
                    .map(|rest| (&mut summary, rest))
            })
        {
            let segments: Vec<&str> = rest.split('.').collect();
            outputs::insert(tree, &segments, outputs::leaf(entry, &at, notes), notes);
        } else if let Some(part) = whole_part(path) {
            if whole.contains(&part) {
                notes.dropped(&at, outputs::DECLARED_AGAIN.to_owned());
            } else {
                whole.push(part);
            }
            whole_entry_notes(entry, &at, notes);
        } else {
            notes.dropped(&at, "a data path outside action_result.data.*, action_result.summary and the parameters, which the macros do not write".to_owned());
        }
    }
    let summary = summary.fields;
    if data.fields.is_empty() && data.leaf.is_none() && summary.is_empty() {
        return OutputPlan {
            return_type: "()".to_owned(),
            structs: Vec::new(),
            whole,
        };
    }
    let stem = idents::camel(idents::plain(function), "Action");
    let data_name = connector.types.unique(format!("{stem}Data"));
    let mut structs = outputs::item_types(data_name.clone(), &data, &mut connector.types);
    let return_type = if summary.is_empty() {
        format!("Output<{data_name}>")
    } else {
        let summary_name = connector.types.unique(format!("{stem}Summary"));
        structs.extend(outputs::structs(
            summary_name.clone(),
            &summary,
            &mut connector.types,
        ));
        format!("Output<{data_name}, {summary_name}>")
    };
    OutputPlan {
        return_type,
        structs,
        whole,
    }
}

/// An `action_result.parameter.<name>` entry: the macros write it from the parameter.
fn parameter_output(
    entry: &OutputEntry,
    name: &str,
    params: &mut [Param],
    at: &Pointer,
    notes: &mut Notes,
) {
    let Some(param) = params.iter_mut().find(|param| param.name == name) else {
        notes.dropped(at, format!("the action has no parameter {name:?}"));
        return;
    };
    if param.has_output {
        notes.dropped(
            at,
            "the parameter's output is declared again; the first declaration is kept".to_owned(),
        );
        return;
    }
    param.has_output = true;
    if entry.data_type.as_str() != param.data_type {
        notes.corrected(
            &at.child("data_type"),
            format!(
                "the macros write the parameter's own data type, `{}`",
                param.data_type
            ),
        );
    }
    let mut declared: Vec<&str> = param.contains.iter().map(String::as_str).collect();
    let mut listed: Vec<&str> = entry.contains().iter().map(String::as_str).collect();
    declared.sort_unstable();
    listed.sort_unstable();
    if declared != listed {
        notes.corrected(
            &at.child("contains"),
            "the macros write the parameter's own contains for its output".to_owned(),
        );
    }
    let examples: Vec<String> = entry
        .example_values
        .iter()
        .flatten()
        .filter_map(super::text::literal)
        .collect();
    if !examples.is_empty() {
        param.attrs.push(format!("examples = {}", list(&examples)));
    }
    let unwritable = entry
        .example_values
        .iter()
        .flatten()
        .any(|value| super::text::literal(value).is_none());
    if unwritable {
        notes.dropped(
            &at.child("example_values"),
            "an example value that is not a string, number or boolean".to_owned(),
        );
    }
    if entry.column_order.is_some() && entry.column_name.is_none() {
        notes.dropped(
            &at.child("column_order"),
            "a column position without a column name".to_owned(),
        );
    }
    values::column_order_spelling(
        entry.column_order.as_ref(),
        &at.child("column_order"),
        notes,
    );
    if let Some(column) = &entry.column_name {
        param.attrs.push(format!("column = {}", string(column)));
        if let Some(order) = entry.column_order.as_ref().and_then(Loose::position) {
            param.attrs.push(format!("column_order = {order}"));
        }
    }
}

/// Writes an output struct.
fn write_struct(def: &StructDef, out: &mut String) {
    // Deserialize for the action's view, which reads stored results back; `default` so that a
    // result with fewer keys (one saved by the original app, say) still fits.
    out.push_str("#[derive(Debug, Clone, Default, Serialize, Deserialize, ActionOutput)]\n");
    out.push_str("#[serde(default)]\n");
    out.push_str(&format!("pub struct {} {{\n", def.name));
    for field in &def.fields {
        if let Some(rename) = &field.rename {
            out.push_str(&format!("    #[serde(rename = {})]\n", string(rename)));
        }
        if field.flatten {
            out.push_str("    #[serde(flatten)]\n");
        }
        let attr = output_attr(field.leaf.as_ref());
        if !attr.is_empty() {
            out.push_str(&format!("    {}\n", attr.trim_end()));
        }
        out.push_str(&format!("    pub {}: {},\n", field.ident, field.ty));
    }
    out.push_str("}\n");
}

/// Writes the untagged enum of a value declared both plain and with keys below it: serde
/// reads a stored value back as whichever of the two it is.
fn write_plain_or_keys(def: &PlainOrKeys, out: &mut String) {
    out.push_str("#[derive(Debug, Clone, Serialize, Deserialize, ActionOutput)]\n");
    out.push_str("#[serde(untagged)]\n");
    out.push_str(&format!("pub enum {} {{\n", def.name));
    let (plain, leaf) = &def.plain;
    out.push_str(&format!("    Plain({}{plain}),\n", output_attr(Some(leaf))));
    let (keys, leaf) = &def.keys;
    out.push_str(&format!(
        "    Keys({}{keys}),\n",
        output_attr(leaf.as_ref())
    ));
    out.push_str("}\n");
}

/// Writes the newtype of data items declared as plain values.
fn write_newtype(def: &PlainNewtype, out: &mut String) {
    out.push_str("#[derive(Debug, Clone, Default, Serialize, Deserialize, ActionOutput)]\n");
    out.push_str("#[serde(transparent)]\n");
    let (plain, leaf) = &def.plain;
    out.push_str(&format!(
        "pub struct {}({}pub {plain});\n",
        def.name,
        output_attr(Some(leaf))
    ));
}

/// `#[output(...)] ` for a leaf that has something to say, or nothing.
fn output_attr(leaf: Option<&Leaf>) -> String {
    leaf.map(output_attrs)
        .filter(|attrs| !attrs.is_empty())
        .map(|attrs| format!("#[output({})] ", attrs.join(", ")))
        .unwrap_or_default()
}

fn output_attrs(leaf: &Leaf) -> Vec<String> {
    let mut attrs = Vec::new();
    if !leaf.contains.is_empty() {
        attrs.push(contains_attr(leaf.contains.iter().map(String::as_str)));
    }
    if let Some((name, order)) = &leaf.column {
        attrs.push(format!("column = {}", string(name)));
        if let Some(order) = order {
            attrs.push(format!("column_order = {order}"));
        }
    }
    let examples: Vec<String> = leaf
        .examples
        .iter()
        .filter_map(super::text::literal)
        .collect();
    if !examples.is_empty() {
        attrs.push(format!("examples = {}", list(&examples)));
    }
    attrs
}

/// `contains = [...]`: a contains the platform knows as its string, any other as `custom(...)`
/// (an app's own contains type, which the macros take as written).
fn contains_attr<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let items: Vec<String> = items
        .map(|item| {
            if soar_vocab::is_known_contains(item) {
                string(item)
            } else {
                format!("custom({})", string(item))
            }
        })
        .collect();
    format!("contains = {}", list(&items))
}
