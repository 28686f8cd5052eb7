//! An action: an `#[action]`, `#[test_connectivity]` or `#[on_poll]` function, its parameters
//! and its return type.

use darling::util::{Flag, SpannedValue};
use darling::{Error, FromAttributes};
use proc_macro2::{Span, TokenStream};
use syn::visit_mut::{self, VisitMut};
use syn::{Attribute, FnArg, Ident, Pat, ReturnType, Signature, Type};

use super::Text;
use crate::docs::Docs;
use crate::names;
use crate::parse::action::{
    ActionArgs, ActionAttr, LockArgs, ParamArgs, RenderArgs, ReservedArgs, WholeArgs,
};
use crate::parse::literal::{ContainsItem, Literal};

/// The description of an undocumented test connectivity action.
const TEST_CONNECTIVITY_DESCRIPTION: &str =
    "Validate the asset configuration for connectivity using supplied configuration";
/// The description of an undocumented on poll action.
const ON_POLL_DESCRIPTION: &str = "Callback action for the on_poll ingest functionality";

/// Where the action function is.
#[derive(Debug, Clone)]
pub enum Target {
    /// A free function whose first argument is the connector.
    Free,
    /// A method of the connector, in an `#[actions]` impl block of this type.
    Method(Box<Type>),
}

/// Where an action is declared: the place of its attribute (of its name, for a method of an
/// `#[actions]` block). It tells two actions apart in the markers that make a duplicate
/// identifier an error, and messages show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Site {
    /// The source file, as the compiler names it.
    pub file: String,
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1.
    pub column: usize,
}

/// An action function.
#[derive(Debug)]
pub struct Action {
    /// Which attribute declared it.
    pub attr: ActionAttr,
    /// The function's name.
    pub function: Ident,
    /// Where it is declared.
    pub site: Site,
    /// How messages name the function: `lookup_domain`, or `Whois::lookup_domain` for a method.
    pub display: String,
    /// Where the function is.
    pub target: Target,
    /// Where generated code finds the runtime.
    pub runtime: syn::Path,
    /// The connector type.
    pub connector: Type,
    /// Where the function takes the context (right after the connector), if it does: the span
    /// of the argument's type, where a `Ctx` that is not the runtime's is reported.
    pub context: Option<Span>,
    /// The identifier, with the span of what decided it.
    pub identifier: SpannedValue<String>,
    /// The action's name.
    pub name: SpannedValue<String>,
    /// The action `type`.
    pub kind: SpannedValue<String>,
    /// Whether the action changes nothing.
    pub read_only: bool,
    /// The description (doc comment, first paragraph, final period dropped).
    pub description: Text,
    /// The rest of the doc comment.
    pub verbose: Text,
    /// How the platform shows the result.
    pub render: Option<RenderArgs>,
    /// Serialisation of concurrent runs.
    pub lock: Option<LockArgs>,
    /// Name of the reversing action.
    pub undo: Option<SpannedValue<String>>,
    /// Platform versions.
    pub versions: String,
    /// Whole values listed as data paths of their own.
    pub whole: WholeArgs,
    /// The parameter arguments.
    pub params: Vec<Param>,
    /// The arguments an on poll function takes its parameters as (at most one).
    pub poll_args: Vec<Type>,
    /// The return type (`()` when none is written).
    pub output: Type,
}

/// One parameter argument.
#[derive(Debug)]
pub struct Param {
    /// The parameter's name.
    pub name: SpannedValue<String>,
    /// Its type.
    pub ty: Type,
    /// Its description.
    pub description: Text,
    /// Whether it is primary.
    pub primary: Flag,
    /// The `contains` the attribute adds.
    pub contains: Vec<ContainsItem>,
    /// The default.
    pub default: Option<Literal>,
    /// The values to choose from.
    pub value_list: Vec<Literal>,
    /// Example values of its output entry.
    pub examples: Vec<Literal>,
    /// Heading of its column in the result table.
    pub column: Option<String>,
    /// Position of that column, when given.
    pub column_order: Option<SpannedValue<u32>>,
}

/// The attribute arguments, whatever the attribute.
struct Settings {
    identifier: Option<SpannedValue<String>>,
    name: Option<SpannedValue<String>>,
    kind: Option<SpannedValue<String>>,
    read_only: bool,
    render: Option<RenderArgs>,
    lock: Option<LockArgs>,
    undo: Option<SpannedValue<String>>,
    versions: Option<String>,
    whole: WholeArgs,
    krate: Option<syn::Path>,
}

fn settings(attr: ActionAttr, args: TokenStream) -> darling::Result<Settings> {
    if attr == ActionAttr::Action {
        let args: ActionArgs = crate::parse::args(args)?;
        return Ok(Settings {
            identifier: args.identifier,
            name: args.name,
            kind: args.kind,
            read_only: args.read_only.is_present(),
            render: args.render,
            lock: args.lock,
            undo: args.undo,
            versions: args.versions,
            whole: args.whole.unwrap_or_default(),
            krate: args.krate,
        });
    }
    let args: ReservedArgs = crate::parse::args(args)?;
    let span = Span::call_site();
    let (identifier, name, kind) = if attr == ActionAttr::TestConnectivity {
        let identifier = args.identifier.unwrap_or_else(|| {
            SpannedValue::new(soar_vocab::TEST_CONNECTIVITY_IDENTIFIER.to_owned(), span)
        });
        (
            identifier,
            soar_vocab::TEST_CONNECTIVITY_ACTION,
            soar_vocab::TEST_CONNECTIVITY_KIND,
        )
    } else {
        if let Some(identifier) = &args.identifier {
            return Err(Error::custom(format!(
                "the on poll action's identifier is always `{}`",
                soar_vocab::ON_POLL_IDENTIFIER
            ))
            .with_span(&identifier.span()));
        }
        let identifier = SpannedValue::new(soar_vocab::ON_POLL_IDENTIFIER.to_owned(), span);
        (
            identifier,
            soar_vocab::ON_POLL_ACTION,
            soar_vocab::ON_POLL_KIND,
        )
    };
    Ok(Settings {
        identifier: Some(identifier),
        name: Some(SpannedValue::new(name.to_owned(), span)),
        kind: Some(SpannedValue::new(kind.to_owned(), span)),
        read_only: true,
        render: None,
        lock: None,
        undo: None,
        versions: None,
        whole: WholeArgs::default(),
        krate: args.krate,
    })
}

/// Builds the model of an action function from its attribute's arguments, its attributes (for
/// the doc comment) and its signature.
pub fn build(
    attr: ActionAttr,
    args: TokenStream,
    attrs: &[Attribute],
    signature: &Signature,
    target: Target,
    site: Site,
) -> darling::Result<Action> {
    let mut errors = Error::accumulator();
    let settings = errors.handle(settings(attr, args));
    let inputs = errors.handle(inputs(attr, signature, &target));
    let (Some(settings), Some(inputs)) = (settings, inputs) else {
        return Err(Error::multiple(errors.into_inner()));
    };
    let function = signature.ident.clone();
    let identifier = settings.identifier.unwrap_or_else(|| {
        SpannedValue::new(
            function.to_string().trim_start_matches("r#").to_owned(),
            function.span(),
        )
    });
    let name = settings
        .name
        .unwrap_or_else(|| SpannedValue::new(names::action_name(&identifier), identifier.span()));
    let docs = Docs::of(attrs);
    let fallback = || match attr {
        ActionAttr::TestConnectivity => TEST_CONNECTIVITY_DESCRIPTION.to_owned(),
        ActionAttr::OnPoll => ON_POLL_DESCRIPTION.to_owned(),
        ActionAttr::Action => String::new(),
    };
    let mut description = Text::described(None, &docs, fallback, function.span());
    if let Some(stripped) = description.value.strip_suffix('.') {
        description.value = stripped.to_owned();
    }
    let verbose = Text::new(docs.rest(), docs.span().unwrap_or(function.span()));
    let mut output = match &signature.output {
        ReturnType::Default => syn::parse_quote!(()),
        ReturnType::Type(_, ty) => (**ty).clone(),
    };
    let mut inputs = inputs;
    if let Target::Method(self_type) = &target {
        // The registration is outside the impl block, where `Self` means nothing.
        let mut replace = ReplaceSelf(self_type);
        replace.visit_type_mut(&mut output);
        for param in &mut inputs.params {
            replace.visit_type_mut(&mut param.ty);
        }
        for ty in &mut inputs.poll_args {
            replace.visit_type_mut(ty);
        }
    }
    let display = match &target {
        Target::Free => function.to_string(),
        Target::Method(self_type) => {
            format!("{}::{function}", names::type_text(self_type))
        }
    };
    errors.finish_with(Action {
        attr,
        function,
        site,
        display,
        target,
        runtime: crate::parse::runtime_path(settings.krate.as_ref()),
        connector: inputs.connector,
        context: inputs.context,
        identifier,
        name,
        kind: settings
            .kind
            .unwrap_or_else(|| SpannedValue::new("generic".to_owned(), Span::call_site())),
        read_only: settings.read_only,
        description,
        verbose,
        render: settings.render,
        lock: settings.lock,
        undo: settings.undo,
        versions: settings.versions.unwrap_or_else(|| "EQ(*)".to_owned()),
        whole: settings.whole,
        params: inputs.params,
        poll_args: inputs.poll_args,
        output,
    })
}

/// Replaces `Self` in a type by the impl block's type.
struct ReplaceSelf<'a>(&'a Type);

impl VisitMut for ReplaceSelf<'_> {
    fn visit_type_mut(&mut self, ty: &mut Type) {
        if let Type::Path(path) = ty
            && path.qself.is_none()
            && path.path.is_ident("Self")
        {
            *ty = self.0.clone();
            return;
        }
        visit_mut::visit_type_mut(self, ty);
    }
}

/// What the function's arguments are.
struct Inputs {
    connector: Type,
    context: Option<Span>,
    params: Vec<Param>,
    poll_args: Vec<Type>,
}

/// The order of an action's arguments, for messages.
const ARGUMENT_ORDER: &str = "an action takes `(connector: &mut MyConnector, ctx: &mut Ctx, <parameters>)`, the context optional";

fn inputs(attr: ActionAttr, signature: &Signature, target: &Target) -> darling::Result<Inputs> {
    let mut errors = Error::accumulator();
    if let Some(asyncness) = &signature.asyncness {
        errors.push(Error::custom("an action cannot be `async`").with_span(asyncness));
    }
    if !signature.generics.params.is_empty() {
        errors.push(
            Error::custom("an action cannot be generic: the app JSON describes concrete types")
                .with_span(&signature.generics),
        );
    }
    let mut arguments = signature.inputs.iter();
    let connector = connector(target, arguments.next(), signature, &mut errors);
    let mut context = None;
    let mut params = Vec::new();
    let mut poll_args = Vec::new();
    for (position, argument) in arguments.enumerate() {
        let FnArg::Typed(typed) = argument else {
            errors.push(Error::custom("unexpected `self`").with_span(argument));
            continue;
        };
        if let Some(mutable) = context_reference(&typed.ty) {
            if !mutable {
                errors.push(
                    Error::custom("take the context mutably: `ctx: &mut Ctx`").with_span(typed),
                );
            } else if position > 0 || context.is_some() {
                errors.push(
                    Error::custom(format!(
                        "the context comes right after the connector, once: {ARGUMENT_ORDER}"
                    ))
                    .with_span(typed),
                );
            }
            context.get_or_insert(syn::spanned::Spanned::span(&typed.ty));
            continue;
        }
        if attr == ActionAttr::OnPoll {
            poll_args.push((*typed.ty).clone());
            continue;
        }
        if let Some(param) = errors.handle(param(typed)) {
            params.push(param);
        }
    }
    let connector = connector.unwrap_or_else(|| syn::parse_quote!(()));
    errors.finish_with(Inputs {
        connector,
        context,
        params,
        poll_args,
    })
}

/// The connector type, from the receiver of a method or the first argument of a free function.
fn connector(
    target: &Target,
    first: Option<&FnArg>,
    signature: &Signature,
    errors: &mut darling::error::Accumulator,
) -> Option<Type> {
    let not_a_connector = || {
        Error::custom(format!(
            "the first argument of an action is the connector: {ARGUMENT_ORDER}"
        ))
    };
    match (target, first) {
        (Target::Method(self_type), Some(FnArg::Receiver(receiver))) => {
            if !matches!(receiver.kind, syn::ReceiverKind::Reference(..)) {
                errors.push(
                    Error::custom("an action method takes `&self` or `&mut self`")
                        .with_span(receiver),
                );
            }
            Some((**self_type).clone())
        }
        (Target::Free, Some(FnArg::Receiver(receiver))) => {
            errors.push(
                Error::custom("an action that is a method needs `#[actions]` on its impl block")
                    .with_span(receiver),
            );
            None
        }
        (_, Some(FnArg::Typed(argument))) if context_reference(&argument.ty).is_some() => {
            errors.push(
                Error::custom(format!(
                    "the connector argument is missing: {ARGUMENT_ORDER}"
                ))
                .with_span(argument),
            );
            None
        }
        (_, Some(FnArg::Typed(argument))) => match &*argument.ty {
            Type::Reference(reference) => Some((*reference.elem).clone()),
            _ => {
                errors.push(not_a_connector().with_span(argument));
                None
            }
        },
        (_, None) => {
            errors.push(not_a_connector().with_span(&signature.ident));
            None
        }
    }
}

/// Whether a type is a reference to the context (`&mut Ctx`, `&mut soar_runtime::context::Ctx`):
/// `Some(mutable)` when it is. The macro sees tokens, so the context is recognised by the name
/// of its type wherever it is; the generated call passes the runtime's `Ctx` there, so a `Ctx`
/// that is something else is a type error at this argument.
fn context_reference(ty: &Type) -> Option<bool> {
    let Type::Reference(reference) = ungroup(ty) else {
        return None;
    };
    let Type::Path(path) = ungroup(&reference.elem) else {
        return None;
    };
    let last = path.path.segments.last()?;
    (path.qself.is_none() && last.ident == "Ctx" && last.arguments.is_empty())
        .then_some(reference.mutability.is_some())
}

/// The type inside any invisible groups (types passed through `macro_rules!`).
fn ungroup(mut ty: &Type) -> &Type {
    while let Type::Group(group) = ty {
        ty = &group.elem;
    }
    ty
}

fn param(argument: &syn::PatType) -> darling::Result<Param> {
    let args = ParamArgs::from_attributes(&argument.attrs)?;
    let name = match (args.name, &*argument.pat) {
        (Some(name), _) => name,
        (None, Pat::Ident(binding)) => SpannedValue::new(
            binding
                .ident
                .to_string()
                .trim_start_matches("r#")
                .to_owned(),
            binding.ident.span(),
        ),
        (None, other) => {
            return Err(Error::custom(
                "name this parameter: a plain binding (`domain: Domain`) or #[param(name = \"...\")]",
            )
            .with_span(other));
        }
    };
    let docs = Docs::of(&argument.attrs);
    let description = Text::described(
        args.description.as_ref(),
        &docs,
        || names::title(&name),
        name.span(),
    );
    Ok(Param {
        description,
        ty: (*argument.ty).clone(),
        primary: args.primary,
        contains: args.contains.map(|list| list.0).unwrap_or_default(),
        default: args.default,
        value_list: args.value_list.map(|list| list.0).unwrap_or_default(),
        examples: args.examples.map(|list| list.0).unwrap_or_default(),
        column: args.column,
        column_order: args.column_order,
        name,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{method_action, site, ty};
    use quote::quote;
    use syn::parse_quote;

    fn built(attr: ActionAttr, args: TokenStream, item: syn::ItemFn) -> darling::Result<Action> {
        crate::test_support::free_action(attr, args, &item)
    }

    fn action(args: TokenStream, item: syn::ItemFn) -> Action {
        built(ActionAttr::Action, args, item).unwrap()
    }

    fn messages(attr: ActionAttr, item: syn::ItemFn) -> Vec<String> {
        built(attr, TokenStream::new(), item)
            .unwrap_err()
            .into_iter()
            .map(|error| error.to_string())
            .collect()
    }

    fn param_names(action: &Action) -> Vec<&str> {
        action
            .params
            .iter()
            .map(|param| param.name.as_str())
            .collect()
    }

    #[test]
    fn names_and_texts_are_derived() {
        let action = action(
            quote!(),
            parse_quote! {
                /// Run whois lookup
                /// on a domain.
                ///
                /// More text.
                fn whois_domain(c: &mut Whois) {}
            },
        );
        assert_eq!(*action.identifier, "whois_domain");
        assert_eq!(*action.name, "whois domain");
        assert_eq!(*action.kind, "generic");
        assert!(!action.read_only);
        assert_eq!(action.description.value, "Run whois lookup on a domain");
        assert_eq!(action.verbose.value, "More text.");
        assert_eq!(action.versions, "EQ(*)");
        assert_eq!(action.connector, ty("Whois"));
        assert_eq!(action.output, ty("()"));
        assert_eq!(action.display, "whois_domain");
        assert_eq!(action.site, site());
        assert!(action.context.is_none() && action.params.is_empty());
    }

    #[test]
    fn the_attribute_decides_what_it_says() {
        let action = action(
            quote! {
                identifier = "lookup-ip", name = "look up ip", kind = "investigate", read_only,
                render(view = views::ip, width = 6), lock = "ip",
                undo = "forget ip", versions = "GE(6.0)"
            },
            parse_quote! {
                /// Look an address up.
                fn r#type(c: &Whois, ip: String) -> Result<Record, ActionError> { todo!() }
            },
        );
        assert_eq!(*action.identifier, "lookup-ip");
        assert_eq!(*action.name, "look up ip");
        assert_eq!(*action.kind, "investigate");
        assert!(action.read_only);
        let render = action.render.as_ref().unwrap();
        assert_eq!(
            (render.kind.as_str(), render.view.clone(), render.width),
            ("custom", Some(parse_quote!(views::ip)), Some(6))
        );
        let lock = action.lock.as_ref().unwrap();
        assert_eq!(lock.parameter.as_deref().map(String::as_str), Some("ip"));
        assert_eq!(lock.enabled, None);
        let whole = self::action(
            quote! {
                render(view = views::ip, menu_name = "Open view"),
                lock(enabled = false, concurrency = false)
            },
            parse_quote! {
                fn lookup(c: &Whois) -> Result<(), ActionError> { todo!() }
            },
        );
        let (render, lock) = (whole.render.unwrap(), whole.lock.unwrap());
        assert_eq!(render.menu_name.as_deref(), Some("Open view"));
        assert!(lock.parameter.is_none());
        assert_eq!((lock.enabled, lock.concurrency), (Some(false), Some(false)));
        assert_eq!(
            action.undo.as_deref().map(String::as_str),
            Some("forget ip")
        );
        assert_eq!(action.versions, "GE(6.0)");
        assert_eq!(action.output, ty("Result<Record, ActionError>"));
        let raw = built(
            ActionAttr::Action,
            quote!(),
            parse_quote!(
                fn r#type(c: &Whois) {}
            ),
        )
        .unwrap();
        assert_eq!(*raw.identifier, "type", "a raw identifier loses its `r#`");
    }

    #[test]
    fn the_context_is_recognised_by_its_type() {
        let action = action(
            quote!(),
            parse_quote! {
                /// Look up.
                fn f(c: &mut Whois, ctx: &mut soar_runtime::context::Ctx, name: &str, count: Option<u32>) {}
            },
        );
        assert!(action.context.is_some());
        assert_eq!(param_names(&action), ["name", "count"]);
        assert_eq!(
            action.params[0].ty,
            ty("&str"),
            "a reference is a parameter"
        );
        let action = self::action(
            quote!(),
            parse_quote! {
                /// Look up.
                fn f(c: &mut Whois, name: &str) {}
            },
        );
        assert!(
            action.context.is_none(),
            "position does not make the context"
        );
        assert_eq!(param_names(&action), ["name"]);
    }

    #[test]
    fn a_misplaced_context_says_the_order() {
        let first = messages(
            ActionAttr::Action,
            parse_quote!(
                fn f(ctx: &mut Ctx, name: String) {}
            ),
        );
        assert_eq!(first.len(), 1);
        assert!(first[0].starts_with("the connector argument is missing: an action takes `(connector: &mut MyConnector, ctx: &mut Ctx, <parameters>)`"), "{first:?}");
        let late = messages(
            ActionAttr::Action,
            parse_quote!(
                fn f(c: &mut Whois, name: String, ctx: &mut Ctx) {}
            ),
        );
        assert!(
            late[0].starts_with("the context comes right after the connector, once"),
            "{late:?}"
        );
        let twice = messages(
            ActionAttr::Action,
            parse_quote!(
                fn f(c: &mut Whois, ctx: &mut Ctx, again: &mut Ctx) {}
            ),
        );
        assert_eq!(twice.len(), 1);
        assert!(twice[0].starts_with("the context comes right after the connector, once"));
        let shared = messages(
            ActionAttr::Action,
            parse_quote!(
                fn f(c: &mut Whois, ctx: &Ctx) {}
            ),
        );
        assert_eq!(shared, ["take the context mutably: `ctx: &mut Ctx`"]);
    }

    #[test]
    fn the_connector_comes_first() {
        let none = messages(
            ActionAttr::Action,
            parse_quote!(
                fn f() {}
            ),
        );
        assert!(none[0].starts_with("the first argument of an action is the connector"));
        let by_value = messages(
            ActionAttr::Action,
            parse_quote!(
                fn f(c: Whois) {}
            ),
        );
        assert!(by_value[0].starts_with("the first argument of an action is the connector"));
        let method = messages(
            ActionAttr::Action,
            parse_quote!(
                fn f(&self) {}
            ),
        );
        assert_eq!(
            method,
            ["an action that is a method needs `#[actions]` on its impl block"]
        );
        let both = messages(
            ActionAttr::Action,
            parse_quote!(
                async fn f<T>(c: &mut Whois) {}
            ),
        );
        assert_eq!(both.len(), 2, "{both:?}");
        assert!(both[0].contains("`async`") && both[1].contains("generic"));
    }

    #[test]
    fn a_method_of_an_actions_block() {
        let signature: Signature =
            parse_quote!(fn ip(&self, ctx: &mut Ctx, ip: Option<Self>) -> Vec<Self>);
        let action = method_action(ActionAttr::Action, &signature, "Whois").unwrap();
        assert_eq!(action.connector, ty("Whois"));
        assert!(action.context.is_some());
        assert_eq!(action.params[0].ty, ty("Option<Whois>"));
        assert_eq!(action.output, ty("Vec<Whois>"));
        assert_eq!(action.display, "Whois::ip");
        let by_value: Signature = parse_quote!(fn ip(self));
        let error = method_action(ActionAttr::Action, &by_value, "Whois").unwrap_err();
        assert_eq!(
            error.to_string(),
            "an action method takes `&self` or `&mut self`"
        );
    }

    #[test]
    fn parameters_are_read_from_their_attributes() {
        let action = action(
            quote!(),
            parse_quote! {
                /// Look up.
                fn f(
                    c: &mut Whois,
                    /// The domain to query
                    #[param(primary, contains = ["domain", custom("zone")], column = "Domain")]
                    domain: String,
                    #[param(name = "type", default = "a", value_list = ["a", "mx"], description = "Record type", examples = ["mx"])]
                    record_type: Option<String>,
                    input_string: Option<String>,
                ) {}
            },
        );
        assert_eq!(param_names(&action), ["domain", "type", "input_string"]);
        let [domain, record, input] = &action.params[..] else {
            panic!("three parameters");
        };
        assert_eq!(domain.description.value, "The domain to query");
        assert!(domain.primary.is_present());
        let contains: Vec<(&str, bool)> = domain
            .contains
            .iter()
            .map(|item| (item.value.as_str(), item.custom))
            .collect();
        assert_eq!(contains, [("domain", false), ("zone", true)]);
        assert_eq!(domain.column.as_deref(), Some("Domain"));
        assert_eq!(record.description.value, "Record type");
        assert_eq!(
            record.default.as_ref().map(|literal| &literal.value),
            Some(&crate::parse::literal::Value::Text("a".into()))
        );
        assert_eq!(record.value_list.len(), 2);
        assert_eq!(record.examples.len(), 1);
        assert_eq!(
            input.description.value, "Input String",
            "the name in title case"
        );
        let unnamed = messages(
            ActionAttr::Action,
            parse_quote!(
                fn f(c: &mut Whois, (a, b): (u8, u8)) {}
            ),
        );
        assert!(unnamed[0].starts_with("name this parameter"), "{unnamed:?}");
    }

    #[test]
    fn the_reserved_actions() {
        let check = built(
            ActionAttr::TestConnectivity,
            quote!(),
            parse_quote!(
                fn check(c: &mut Whois, ctx: &mut Ctx) {}
            ),
        )
        .unwrap();
        assert_eq!(*check.identifier, soar_vocab::TEST_CONNECTIVITY_IDENTIFIER);
        assert_eq!(*check.name, "test connectivity");
        assert_eq!(*check.kind, "test");
        assert_eq!(check.description.value, TEST_CONNECTIVITY_DESCRIPTION);
        let renamed = built(
            ActionAttr::TestConnectivity,
            quote!(identifier = "test_connectivity"),
            parse_quote!(
                fn check(c: &mut Whois) {}
            ),
        )
        .unwrap();
        assert_eq!(*renamed.identifier, "test_connectivity");
        let poll = built(
            ActionAttr::OnPoll,
            quote!(),
            parse_quote!(
                fn poll(c: &mut Whois, ctx: &mut Ctx, params: PollParams, extra: u8) {}
            ),
        )
        .unwrap();
        assert_eq!(
            (
                poll.identifier.as_str(),
                poll.name.as_str(),
                poll.kind.as_str()
            ),
            ("on_poll", "on poll", "ingest")
        );
        assert_eq!(poll.poll_args, [ty("PollParams"), ty("u8")]);
        assert!(poll.params.is_empty());
        let error = built(
            ActionAttr::OnPoll,
            quote!(identifier = "poll"),
            parse_quote!(
                fn poll(c: &mut Whois) {}
            ),
        )
        .unwrap_err();
        assert_eq!(
            error.to_string(),
            "the on poll action's identifier is always `on_poll`"
        );
    }
}
