//! Secrets in the state: a [`Secret`](crate::secret::Secret) field of a typed state is written
//! encrypted and read decrypted, by the host's [`Sealer`] (the platform's encryption helper,
//! salted with the asset id; locally the local store's key). Outside `seal_scope` a secret
//! does not serialize at all, so it cannot reach a result, a log or a file by accident.

use std::cell::RefCell;
use std::sync::Arc;

use crate::platform::HostError;

/// Encrypts and decrypts secrets for the state. Its errors never show the value they were
/// given, in their message or in their causes.
pub trait Sealer: Send + Sync {
    /// Encrypts `plain` for `salt`.
    fn encrypt(&self, plain: &str, salt: &str) -> Result<String, HostError>;
    /// Decrypts what [`Sealer::encrypt`] returned for `salt`.
    fn decrypt(&self, sealed: &str, salt: &str) -> Result<String, HostError>;
}

impl Sealer for crate::platform::LocalCipher {
    fn encrypt(&self, plain: &str, salt: &str) -> Result<String, HostError> {
        crate::platform::LocalCipher::encrypt(self, plain, salt)
    }

    fn decrypt(&self, sealed: &str, salt: &str) -> Result<String, HostError> {
        crate::platform::LocalCipher::decrypt(self, sealed, salt)
    }
}

thread_local! {
    /// The sealer and salt of the (de)serialization running on this thread, if it is one of
    /// the state's.
    static SCOPE: RefCell<Option<(Arc<dyn Sealer>, String)>> = const { RefCell::new(None) };
}

/// Runs `body` (a serialization or deserialization of the state) with secrets sealed by
/// `sealer` for `salt`.
pub(crate) fn seal_scope<T>(sealer: Arc<dyn Sealer>, salt: &str, body: impl FnOnce() -> T) -> T {
    struct Reset(Option<(Arc<dyn Sealer>, String)>);
    impl Drop for Reset {
        fn drop(&mut self) {
            SCOPE.with(|scope| *scope.borrow_mut() = self.0.take());
        }
    }
    let previous = SCOPE.with(|scope| scope.borrow_mut().replace((sealer, salt.to_owned())));
    let _reset = Reset(previous);
    body()
}

/// Encrypts a secret being written into the state; `None` outside [`seal_scope`].
pub(crate) fn seal(plain: &str) -> Option<Result<String, HostError>> {
    SCOPE.with(|scope| {
        let scope = scope.borrow();
        let (sealer, salt) = scope.as_ref()?;
        Some(sealer.encrypt(plain, salt))
    })
}

/// Decrypts a secret being read from the state; `None` outside [`seal_scope`].
pub(crate) fn unseal(sealed: &str) -> Option<Result<String, HostError>> {
    SCOPE.with(|scope| {
        let scope = scope.borrow();
        let (sealer, salt) = scope.as_ref()?;
        Some(sealer.decrypt(sealed, salt))
    })
}
