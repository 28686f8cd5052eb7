//! The first stage: attribute arguments and items read into plain receivers (darling), without
//! judging them. Every error is accumulated, never panicked on.

pub mod action;
pub mod connector;
pub mod literal;
pub mod output;
pub mod serde_attrs;

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
