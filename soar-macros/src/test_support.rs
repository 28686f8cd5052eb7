//! What the unit tests read generated tokens with: parsed back into syn items, so that a test
//! asserts the structure of the output (an impl of this trait for this type, a macro of this
//! name, a call with these arguments) rather than substrings of its text.

use proc_macro2::TokenStream;
use syn::visit::Visit;

use crate::model::action::{Action, Site, Target};
use crate::parse::action::ActionAttr;

/// Where the actions of the tests are declared.
pub fn site() -> Site {
    Site {
        file: "src/domains.rs".to_owned(),
        line: 12,
        column: 5,
    }
}

/// The model of a free function with this attribute and these arguments.
pub fn free_action(
    attr: ActionAttr,
    args: TokenStream,
    item: &syn::ItemFn,
) -> darling::Result<Action> {
    crate::model::action::build(attr, args, &item.attrs, &item.sig, Target::Free, site())
}

/// The model of a method of an `#[actions]` block of `self_type`.
pub fn method_action(
    attr: ActionAttr,
    signature: &syn::Signature,
    self_type: &str,
) -> darling::Result<Action> {
    let target = Target::Method(Box::new(ty(self_type)));
    crate::model::action::build(attr, TokenStream::new(), &[], signature, target, site())
}

/// The segments of a path, as text.
fn segments(path: &syn::Path) -> Vec<String> {
    path.segments
        .iter()
        .map(|segment| segment.ident.to_string())
        .collect()
}

/// A path from its text.
pub fn path(text: &str) -> syn::Path {
    syn::parse_str(text).unwrap_or_else(|error| panic!("not a path: {text}: {error}"))
}

/// A type from its text.
pub fn ty(text: &str) -> syn::Type {
    syn::parse_str(text).unwrap_or_else(|error| panic!("not a type: {text}: {error}"))
}

/// Generated tokens as the items they are, with every item nested in `const _: () = { ... };`
/// blocks and inline modules listed too, in order.
pub fn items(tokens: &TokenStream) -> Vec<syn::Item> {
    let file: syn::File = syn::parse2(tokens.clone())
        .unwrap_or_else(|error| panic!("the output is not items: {error}\n{tokens}"));
    let mut all = Vec::new();
    for item in file.items {
        flatten(item, &mut all);
    }
    all
}

fn flatten(item: syn::Item, all: &mut Vec<syn::Item>) {
    let nested: Vec<syn::Item> = match &item {
        syn::Item::Const(constant) => match &*constant.expr {
            syn::Expr::Block(block) => block
                .block
                .stmts
                .iter()
                .filter_map(|stmt| match stmt {
                    syn::Stmt::Item(item) => Some(item.clone()),
                    syn::Stmt::Macro(mac) => Some(syn::Item::Macro(syn::ItemMacro {
                        attrs: mac.attrs.clone(),
                        ident: None,
                        mac: mac.mac.clone(),
                        semi_token: mac.semi_token,
                    })),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        },
        syn::Item::Mod(module) => module
            .content
            .as_ref()
            .map(|(_, items)| items.clone())
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    all.push(item);
    for item in nested {
        flatten(item, all);
    }
}

/// The last segment of a path, as text.
pub fn last(path: &syn::Path) -> String {
    path.segments
        .last()
        .map(|segment| segment.ident.to_string())
        .unwrap_or_default()
}

/// The impls of the trait whose last path segment is `name`.
pub fn trait_impls<'a>(items: &'a [syn::Item], name: &str) -> Vec<&'a syn::ItemImpl> {
    items
        .iter()
        .filter_map(|item| match item {
            syn::Item::Impl(block) => Some(block),
            _ => None,
        })
        .filter(|block| {
            block
                .trait_
                .as_ref()
                .is_some_and(|(path, _)| last(path) == name)
        })
        .collect()
}

/// The names of the `macro_rules!` the items define, with whether each is `#[macro_export]`.
pub fn macro_definitions(items: &[syn::Item]) -> Vec<(String, bool)> {
    items
        .iter()
        .filter_map(|item| match item {
            syn::Item::Macro(mac) => mac.ident.as_ref().map(|ident| {
                let exported = mac
                    .attrs
                    .iter()
                    .any(|attr| attr.path().is_ident("macro_export"));
                (ident.to_string(), exported)
            }),
            _ => None,
        })
        .collect()
}

/// The macro invocations among the items (not definitions): the macro's last path segment and
/// its tokens.
pub fn invocations(items: &[syn::Item]) -> Vec<(String, TokenStream)> {
    items
        .iter()
        .filter_map(|item| match item {
            syn::Item::Macro(mac) if mac.ident.is_none() => {
                Some((last(&mac.mac.path), mac.mac.tokens.clone()))
            }
            _ => None,
        })
        .collect()
}

/// The messages of the `compile_error!`s among the items.
pub fn errors(items: &[syn::Item]) -> Vec<String> {
    invocations(items)
        .into_iter()
        .filter(|(name, _)| name == "compile_error")
        .map(|(_, tokens)| {
            syn::parse2::<syn::LitStr>(tokens)
                .map(|message| message.value())
                .unwrap_or_else(|error| panic!("a compile_error! without a message: {error}"))
        })
        .collect()
}

/// The function of this name among the items.
pub fn function<'a>(items: &'a [syn::Item], name: &str) -> Option<&'a syn::ItemFn> {
    items.iter().find_map(|item| match item {
        syn::Item::Fn(function) if function.sig.ident == name => Some(function),
        _ => None,
    })
}

/// The calls inside `node` whose callee path ends with `name`, as their arguments' text.
pub fn calls(node: &syn::ItemFn, name: &str) -> Vec<Vec<String>> {
    struct Calls<'a> {
        name: &'a str,
        found: Vec<Vec<String>>,
    }
    impl<'ast> Visit<'ast> for Calls<'_> {
        fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
            if let syn::Expr::Path(callee) = &*call.func
                && last(&callee.path) == self.name
            {
                self.found.push(
                    call.args
                        .iter()
                        .map(|argument| quote::quote!(#argument).to_string())
                        .collect(),
                );
            }
            syn::visit::visit_expr_call(self, call);
        }
    }
    let mut calls = Calls {
        name,
        found: Vec::new(),
    };
    calls.visit_item_fn(node);
    calls.found
}

/// The types of the qualified paths (`<T as Trait>::item`) inside `node`, in order.
pub fn qualified_self_types(node: &syn::ItemFn) -> Vec<syn::Type> {
    struct Types(Vec<syn::Type>);
    impl<'ast> Visit<'ast> for Types {
        fn visit_expr_path(&mut self, path: &'ast syn::ExprPath) {
            if let Some(qself) = &path.qself {
                self.0.push((*qself.ty).clone());
            }
            syn::visit::visit_expr_path(self, path);
        }
    }
    let mut types = Types(Vec::new());
    types.visit_item_fn(node);
    types.0
}

/// Whether any attribute of these is `#[name]` or `#[name(...)]`.
pub fn has_attr(attrs: &[syn::Attribute], name: &str) -> bool {
    attrs.iter().any(|attr| attr.path().is_ident(name))
}

/// The qualified paths (`<T as Trait>::item`) inside the items (not inside the items nested in
/// them, which [`items`] lists on their own): the type, the trait's last segment and the item,
/// in order.
pub fn qualified_paths(items: &[syn::Item]) -> Vec<(syn::Type, String, String)> {
    struct Paths(Vec<(syn::Type, String, String)>, usize);
    impl<'ast> Visit<'ast> for Paths {
        fn visit_item(&mut self, item: &'ast syn::Item) {
            if self.1 == 0 {
                self.1 += 1;
                syn::visit::visit_item(self, item);
                self.1 -= 1;
            }
        }

        fn visit_expr_path(&mut self, path: &'ast syn::ExprPath) {
            if let Some(qself) = &path.qself {
                let segments = segments(&path.path);
                let item = segments.last().cloned().unwrap_or_default();
                let trait_name = qself
                    .position
                    .checked_sub(1)
                    .and_then(|index| segments.get(index).cloned())
                    .unwrap_or_default();
                self.0.push(((*qself.ty).clone(), trait_name, item));
            }
            syn::visit::visit_expr_path(self, path);
        }
    }
    let mut paths = Paths(Vec::new(), 0);
    for item in items {
        paths.visit_item(item);
    }
    paths.0
}

/// The struct expression a macro invocation's tokens are (`inventory::submit! { S { .. } }`).
pub fn struct_expr(tokens: &TokenStream) -> syn::ExprStruct {
    syn::parse2(tokens.clone())
        .unwrap_or_else(|error| panic!("not a struct expression: {error}\n{tokens}"))
}

/// The value of a field of a struct expression.
pub fn field<'a>(expr: &'a syn::ExprStruct, name: &str) -> &'a syn::Expr {
    expr.fields
        .iter()
        .find(|field| matches!(&field.member, syn::Member::Named(ident) if ident == name))
        .map(|field| &field.expr)
        .unwrap_or_else(|| panic!("no field {name}"))
}

/// A string literal expression's value.
pub fn text(expr: &syn::Expr) -> String {
    match expr {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(text),
            ..
        }) => text.value(),
        other => panic!("not a string literal: {}", quote::quote!(#other)),
    }
}

/// The plain paths (`a::b::c`, not qualified) of the expressions inside a node, as text.
pub fn expr_paths(node: &syn::Item) -> Vec<String> {
    struct Paths(Vec<String>);
    impl<'ast> Visit<'ast> for Paths {
        fn visit_expr_path(&mut self, path: &'ast syn::ExprPath) {
            if path.qself.is_none() {
                self.0.push(segments(&path.path).join("::"));
            }
            syn::visit::visit_expr_path(self, path);
        }
    }
    let mut paths = Paths(Vec::new());
    paths.visit_item(node);
    paths.0
}

/// The struct expressions inside a node, with their paths' last segment.
pub fn struct_exprs(node: &syn::Item) -> Vec<syn::ExprStruct> {
    struct Structs(Vec<syn::ExprStruct>);
    impl<'ast> Visit<'ast> for Structs {
        fn visit_expr_struct(&mut self, expr: &'ast syn::ExprStruct) {
            self.0.push(expr.clone());
            syn::visit::visit_expr_struct(self, expr);
        }
    }
    let mut structs = Structs(Vec::new());
    structs.visit_item(node);
    structs.0
}

/// The arguments of a function-like macro whose tokens are comma-separated expressions
/// (`assert!(a, "b")`).
pub fn macro_args(mac: &syn::Macro) -> Vec<syn::Expr> {
    mac.parse_body_with(syn::punctuated::Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated)
        .unwrap_or_else(|error| panic!("not expressions: {error}"))
        .into_iter()
        .collect()
}
