//! The check that a `#[connector]` struct has no inherent method named like a lifecycle hook.
//!
//! Hooks are the methods of [`Hooks`](crate::connector::Hooks), so an inherent `initialize` is
//! a method the runtime never calls: the mistake of writing the hook in the wrong place, which
//! would otherwise compile and leave the default running. The generated check names each hook
//! as `super::Connector::<hook>` from a module that imports only [`HookSlots`]: path resolution
//! prefers an inherent item, and finds the [`Slot`] constant of [`HookSlots`] otherwise. A
//! method is a zero-sized value and a [`Slot`] is not, so the check is
//! `IsSlot<{ size_of_val(&super::Connector::<hook>) == SLOT_SIZE }>: NotInherent<hook>`, which
//! fails with the hook's message for an inherent method. An inherent method that is not
//! visible from the connector's module cannot be called from anywhere else either.

/// What a hook's name denotes on a connector without an inherent method of that name.
#[derive(Debug, Clone, Copy)]
pub struct Slot {
    _size: [u8; SLOT_SIZE],
}

/// The size of a [`Slot`]: not zero, which a method is.
pub const SLOT_SIZE: usize = 13;

/// The names of the lifecycle hooks as constants, for every type.
#[allow(non_upper_case_globals)]
pub trait HookSlots {
    /// `initialize`.
    const initialize: Slot = SLOT;
    /// `validate_parameters`.
    const validate_parameters: Slot = SLOT;
    /// `finalize`.
    const finalize: Slot = SLOT;
    /// `handle_exception`.
    const handle_exception: Slot = SLOT;
    /// `handle_cancel`.
    const handle_cancel: Slot = SLOT;
}

const SLOT: Slot = Slot {
    _size: [0; SLOT_SIZE],
};

impl<T: ?Sized> HookSlots for T {}

/// Whether a hook's name denotes a [`Slot`] (`true`) or something of the connector's own.
#[derive(Debug, Clone, Copy)]
pub struct IsSlot<const YES: bool>;

/// What a hook's name must denote.
pub trait Unclaimed {}

impl Unclaimed for IsSlot<true> {}

/// One marker trait per hook, whose message names it.
macro_rules! not_inherent {
    ($($trait:ident: $message:literal,)*) => {$(
        /// Refuses an inherent method named like a hook (see the module's documentation).
        #[diagnostic::on_unimplemented(
            message = $message,
            label = "an inherent method of this connector has a lifecycle hook's name",
            note = "lifecycle hooks are the methods of `impl soar_runtime::connector::Hooks for MyConnector`, with `hooks` in `#[connector(...)]`: move the method there, or rename it"
        )]
        pub trait $trait {
            /// Named by the generated check, which fails to compile unless the bound holds.
            const CHECKED: () = ();
        }

        // The blanket impl keeps the impl itself out of the error, which says only the message.
        #[diagnostic::do_not_recommend]
        impl<T: Unclaimed> $trait for T {}
    )*};
}

not_inherent! {
    NotInherentInitialize: "the connector's inherent method `initialize` is not its `initialize` hook, and the runtime never calls it",
    NotInherentValidateParameters: "the connector's inherent method `validate_parameters` is not its `validate_parameters` hook, and the runtime never calls it",
    NotInherentFinalize: "the connector's inherent method `finalize` is not its `finalize` hook, and the runtime never calls it",
    NotInherentHandleException: "the connector's inherent method `handle_exception` is not its `handle_exception` hook, and the runtime never calls it",
    NotInherentHandleCancel: "the connector's inherent method `handle_cancel` is not its `handle_cancel` hook, and the runtime never calls it",
}
