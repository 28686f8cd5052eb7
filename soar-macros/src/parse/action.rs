//! `#[action(...)]`, `#[test_connectivity]` and `#[on_poll]` on functions, and `#[param(...)]`
//! on their arguments.

use darling::util::{Flag, SpannedValue};
use darling::{Error, FromAttributes, FromMeta};
use syn::spanned::Spanned;
use syn::{Attribute, Expr};

use super::literal::{ContainsList, Literal, LiteralList};

/// The arguments of `#[action(...)]`.
#[derive(Debug, Default, FromMeta)]
#[darling(default)]
pub struct ActionArgs {
    /// The identifier, the function's name unless given.
    pub identifier: Option<SpannedValue<String>>,
    /// The action's name, derived from the identifier unless given.
    pub name: Option<SpannedValue<String>>,
    /// The action `type`, `generic` unless given.
    pub kind: Option<SpannedValue<String>>,
    /// Whether the action changes nothing.
    pub read_only: Flag,
    /// How the platform shows the result.
    pub render: Option<RenderArgs>,
    /// Serialisation of concurrent runs.
    pub lock: Option<LockArgs>,
    /// Name of the reversing action.
    pub undo: Option<SpannedValue<String>>,
    /// Platform versions, `EQ(*)` unless given.
    pub versions: Option<String>,
    /// Whole values listed as data paths of their own.
    pub whole: Option<WholeArgs>,
    /// Where generated code finds the runtime.
    #[darling(rename = "crate")]
    pub krate: Option<syn::Path>,
}

/// `whole(data, summary)`: the data list (`action_result.data`) and the summary
/// (`action_result.summary`) listed as data paths themselves, as many real apps list them, so
/// that a playbook can select the whole value.
#[derive(Debug, Clone, Copy, Default, FromMeta)]
#[darling(default)]
pub struct WholeArgs {
    /// `action_result.data`.
    pub data: Flag,
    /// `action_result.summary`.
    pub summary: Flag,
}

/// The arguments of `#[test_connectivity(...)]` and `#[on_poll(...)]`.
#[derive(Debug, Default, FromMeta)]
#[darling(default)]
pub struct ReservedArgs {
    /// The identifier (test connectivity only: `test_asset_connectivity` or
    /// `test_connectivity`).
    pub identifier: Option<SpannedValue<String>>,
    /// Where generated code finds the runtime.
    #[darling(rename = "crate")]
    pub krate: Option<syn::Path>,
}

/// `render = "table"`, or `render(view = my_view, title = "...", width = 6, height = 4)` (a
/// custom render, whose view is a Rust function of the app runs, see `soar_runtime::view`).
#[derive(Debug, Clone, Default)]
pub struct RenderArgs {
    /// `table`, `json` or `custom` (implied by a view).
    pub kind: SpannedValue<String>,
    /// The view function of a custom render.
    pub view: Option<syn::Path>,
    /// Widget width.
    pub width: Option<u32>,
    /// Widget height.
    pub height: Option<u32>,
    /// Widget title.
    pub title: Option<String>,
    /// The menu entry that opens a custom view.
    pub menu_name: Option<String>,
}

/// The long form of `render(...)`.
#[derive(Debug, FromMeta)]
struct RenderList {
    kind: Option<SpannedValue<String>>,
    view: Option<syn::Path>,
    width: Option<u32>,
    height: Option<u32>,
    title: Option<String>,
    menu_name: Option<String>,
}

impl FromMeta for RenderArgs {
    fn from_value(value: &syn::Lit) -> darling::Result<Self> {
        let kind = String::from_value(value)?;
        Ok(Self {
            kind: SpannedValue::new(kind, value.span()),
            ..Self::default()
        })
    }

    fn from_list(items: &[darling::ast::NestedMeta]) -> darling::Result<Self> {
        let list = RenderList::from_list(items)?;
        let kind = match (list.kind, &list.view) {
            (Some(kind), _) => kind,
            (None, Some(view)) => SpannedValue::new("custom".to_owned(), view.span()),
            (None, None) => {
                return Err(Error::custom(
                    "`render(...)` names its view (`view = my_view`) or its kind (`kind = \"table\"`)",
                ));
            }
        };
        Ok(Self {
            kind,
            view: list.view,
            width: list.width,
            height: list.height,
            title: list.title,
            menu_name: list.menu_name,
        })
    }
}

/// `lock = "parameter"`, or `lock(parameter = "ip", concurrency = false, timeout = 60)`;
/// without a parameter the lock is on the whole action, and `lock(enabled = false)` writes a
/// lock that is off.
#[derive(Debug, Clone, Default)]
pub struct LockArgs {
    /// Whether the lock is on (`true` unless given).
    pub enabled: Option<bool>,
    /// The parameter whose value is locked; none for the whole action.
    pub parameter: Option<SpannedValue<String>>,
    /// Whether runs on different values may run concurrently.
    pub concurrency: Option<bool>,
    /// How long a run waits for the lock, in seconds.
    pub timeout: Option<u32>,
}

/// The long form of `lock(...)`.
#[derive(Debug, FromMeta)]
struct LockList {
    enabled: Option<bool>,
    parameter: Option<SpannedValue<String>>,
    concurrency: Option<bool>,
    timeout: Option<u32>,
}

impl FromMeta for LockArgs {
    fn from_value(value: &syn::Lit) -> darling::Result<Self> {
        let parameter = String::from_value(value)?;
        Ok(Self {
            parameter: Some(SpannedValue::new(parameter, value.span())),
            ..Self::default()
        })
    }

    fn from_list(items: &[darling::ast::NestedMeta]) -> darling::Result<Self> {
        let list = LockList::from_list(items)?;
        Ok(Self {
            enabled: list.enabled,
            parameter: list.parameter,
            concurrency: list.concurrency,
            timeout: list.timeout,
        })
    }
}

/// The `#[param(...)]` attribute of an action argument.
#[derive(Debug, Default, FromAttributes)]
#[darling(attributes(param), default)]
pub struct ParamArgs {
    /// The parameter's name, the argument's unless given.
    pub name: Option<SpannedValue<String>>,
    /// The description, the doc comment's unless given.
    pub description: Option<SpannedValue<String>>,
    /// Whether the action acts primarily on this parameter.
    pub primary: Flag,
    /// `contains` added to the type's own.
    pub contains: Option<ContainsList>,
    /// The default value.
    pub default: Option<Literal>,
    /// The values to choose from.
    pub value_list: Option<LiteralList>,
    /// Example values of the parameter's output entry.
    pub examples: Option<LiteralList>,
    /// Heading of the parameter's column in the result table.
    pub column: Option<String>,
    /// Position of that column, when not the order of the entries.
    pub column_order: Option<SpannedValue<u32>>,
}

/// Removes the `#[param]` and doc attributes of the function's arguments.
pub fn strip(signature: &mut syn::Signature) {
    for input in &mut signature.inputs {
        if let syn::FnArg::Typed(argument) = input {
            argument.attrs.retain(|attr| !is_param_attr(attr));
            crate::docs::strip(&mut argument.attrs);
        }
    }
}

fn is_param_attr(attr: &Attribute) -> bool {
    attr.path().is_ident("param")
}

/// Which of the action attributes this is, by its last path segment (`action`,
/// `soar_runtime::action`, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionAttr {
    /// `#[action]`.
    Action,
    /// `#[test_connectivity]`.
    TestConnectivity,
    /// `#[on_poll]`.
    OnPoll,
}

impl ActionAttr {
    /// The attribute's kind, if it is one of the three.
    pub fn of(attr: &Attribute) -> Option<Self> {
        let last = attr.path().segments.last()?;
        match last.ident.to_string().as_str() {
            "action" => Some(Self::Action),
            "test_connectivity" => Some(Self::TestConnectivity),
            "on_poll" => Some(Self::OnPoll),
            _ => None,
        }
    }

    /// The attribute's arguments, as tokens.
    pub fn arguments(attr: &Attribute) -> darling::Result<proc_macro2::TokenStream> {
        match &attr.meta {
            syn::Meta::Path(_) => Ok(proc_macro2::TokenStream::new()),
            syn::Meta::List(list) => Ok(list.tokens.clone()),
            syn::Meta::NameValue(name_value) => Err(Error::custom(
                "write the attribute's arguments in parentheses: #[action(identifier = \"...\")]",
            )
            .with_span(&name_value.value as &Expr)),
        }
    }
}
