//! The first stage: attribute arguments and items read into plain receivers (darling), without
//! judging them. Every error is accumulated, never panicked on.

pub mod action;
pub mod connector;
pub mod literal;
pub mod output;

use darling::FromMeta;
use darling::ast::NestedMeta;
use proc_macro2::TokenStream;

/// Reads the arguments of an attribute macro into `T`.
pub fn args<T: FromMeta>(args: TokenStream) -> darling::Result<T> {
    let items = NestedMeta::parse_meta_list(args)?;
    T::from_list(&items)
}

/// A `crate = "..."` override: the path under which generated code finds the runtime.
pub fn runtime_path(krate: Option<&syn::Path>) -> syn::Path {
    krate
        .cloned()
        .unwrap_or_else(|| syn::parse_quote!(::soar_runtime))
}

/// The `crate = "..."` override among arguments that may not parse as a whole: what the stubs
/// of an item with errors use, so that they name the runtime where the rest of the crate does.
pub fn lenient_runtime_path(items: &[NestedMeta]) -> syn::Path {
    let krate = items.iter().find_map(|item| match item {
        NestedMeta::Meta(syn::Meta::NameValue(pair)) if pair.path.is_ident("crate") => {
            syn::Path::from_expr(&pair.value).ok()
        }
        _ => None,
    });
    runtime_path(krate.as_ref())
}

/// Whether arguments that may not parse as a whole hold the flag `name`.
pub fn lenient_flag(items: &[NestedMeta], name: &str) -> bool {
    items
        .iter()
        .any(|item| matches!(item, NestedMeta::Meta(syn::Meta::Path(path)) if path.is_ident(name)))
}

/// The arguments of an attribute as a list of items; empty when even that fails.
pub fn lenient_items(args: &TokenStream) -> Vec<NestedMeta> {
    NestedMeta::parse_meta_list(args.clone()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    #[test]
    fn the_runtime_override_is_found_among_arguments_with_errors() {
        let items = lenient_items(&quote!(appid = 3, crate = "crate::rt", hooks, name()));
        assert_eq!(
            lenient_runtime_path(&items),
            crate::test_support::path("crate::rt")
        );
        assert!(lenient_flag(&items, "hooks"));
        assert!(!lenient_flag(&items, "appid"));
        let items = lenient_items(&quote!(= =));
        assert!(items.is_empty());
        assert_eq!(
            lenient_runtime_path(&items),
            crate::test_support::path("::soar_runtime")
        );
    }
}
