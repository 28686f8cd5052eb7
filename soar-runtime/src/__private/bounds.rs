//! Compile-time checks that depend on types, written as trait bounds so that a violation is an
//! `E0277` with the message below, at the user's token (the macros span the bound there),
//! rather than a failed `const` assertion.

/// Whether a parameter's type brings a `contains` of its own: the macro writes
/// `HasContains<{ !<T as ActionParam>::CONTAINS.is_empty() }>` for a concrete `T`.
#[derive(Debug, Clone, Copy)]
pub struct HasContains<const ANY: bool>;

/// What a `primary` parameter without an attribute `contains` needs.
pub trait BringsContains {}

impl BringsContains for HasContains<true> {}

/// A `primary` parameter of type `T` needs a contains: its type's or the attribute's.
#[diagnostic::on_unimplemented(
    message = "a `primary` parameter of type `{T}` needs a contains",
    label = "`{T}` brings no contains of its own",
    note = "add `contains = [...]` to `#[param(primary)]`, or give the parameter a typed value that brings its own, such as `Domain`"
)]
pub trait PrimaryContains<T: ?Sized> {
    /// Named by the generated check, which fails to compile unless the bound holds.
    const CHECKED: () = ();
}

// The blanket impl keeps the impl itself out of the error, which then says only the message.
#[diagnostic::do_not_recommend]
impl<T: ?Sized, X: BringsContains> PrimaryContains<T> for X {}
