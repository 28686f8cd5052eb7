//! [`LocalCipher`]: how secrets in the state are encrypted off the platform.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};

use super::HostError;

/// The prefix of a value encrypted by [`LocalCipher`], with the format's version.
const PREFIX: &str = "soar-local:v1:";
/// The length of a key, in bytes.
pub const KEY_LEN: usize = 32;
/// The length of the random nonce that starts every encrypted value, in bytes.
const NONCE_LEN: usize = 24;

/// Authenticated encryption (XChaCha20-Poly1305) with a key of the local store: the
/// stand-in, for local runs, of the platform's `encryption_helper`. The salt (the asset id) is
/// bound to the value as associated data, so a value moved to another asset does not decrypt.
pub struct LocalCipher {
    cipher: XChaCha20Poly1305,
}

impl LocalCipher {
    /// A cipher with a fresh random key; returns the key too, to be kept.
    pub fn generate() -> (Self, [u8; KEY_LEN]) {
        let key = XChaCha20Poly1305::generate_key(&mut OsRng);
        (Self::new(&key.into()), key.into())
    }

    /// The cipher of this key.
    pub fn new(key: &[u8; KEY_LEN]) -> Self {
        Self {
            cipher: XChaCha20Poly1305::new(key.into()),
        }
    }

    /// `plain` encrypted for `salt`: `soar-local:v1:` and the base64 of nonce and ciphertext.
    pub fn encrypt(&self, plain: &str, salt: &str) -> Result<String, HostError> {
        let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
        let payload = Payload {
            msg: plain.as_bytes(),
            aad: salt.as_bytes(),
        };
        let sealed = self
            .cipher
            .encrypt(&nonce, payload)
            .map_err(|_| HostError::new("encryption failed"))?;
        let mut bytes = nonce.to_vec();
        bytes.extend_from_slice(&sealed);
        Ok(format!("{PREFIX}{}", STANDARD.encode(bytes)))
    }

    /// The value [`LocalCipher::encrypt`] encrypted for `salt`. A value of another format, of
    /// another key or of another salt is an error, which never shows the value: it keeps no
    /// cause that holds any of it (base64's error names a byte, the UTF-8 one holds them all).
    pub fn decrypt(&self, sealed: &str, salt: &str) -> Result<String, HostError> {
        let encoded = sealed
            .strip_prefix(PREFIX)
            .ok_or_else(|| HostError::new("not a value encrypted by the local store"))?;
        let bytes = STANDARD
            .decode(encoded)
            .map_err(|_| HostError::new("the encrypted value is not base64"))?;
        if bytes.len() < NONCE_LEN {
            return Err(HostError::new("the encrypted value is too short"));
        }
        let (nonce, ciphertext) = bytes.split_at(NONCE_LEN);
        let payload = Payload {
            msg: ciphertext,
            aad: salt.as_bytes(),
        };
        let plain = self
            .cipher
            .decrypt(XNonce::from_slice(nonce), payload)
            .map_err(|_| {
                HostError::new("the encrypted value does not decrypt with this key and asset")
            })?;
        String::from_utf8(plain).map_err(|_| HostError::new("the decrypted value is not UTF-8"))
    }
}

impl std::fmt::Debug for LocalCipher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LocalCipher(********)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_binds_key_and_salt() {
        let (cipher, key) = LocalCipher::generate();
        let sealed = cipher.encrypt("tok-canary", "asset-1").unwrap();
        assert!(sealed.starts_with(PREFIX) && !sealed.contains("tok-canary"));
        assert_ne!(sealed, cipher.encrypt("tok-canary", "asset-1").unwrap());
        assert_eq!(
            LocalCipher::new(&key).decrypt(&sealed, "asset-1").unwrap(),
            "tok-canary"
        );
        assert!(cipher.decrypt(&sealed, "asset-2").is_err());
        assert!(
            LocalCipher::generate()
                .0
                .decrypt(&sealed, "asset-1")
                .is_err()
        );
        assert!(cipher.decrypt("tok-canary", "asset-1").is_err());
        assert!(cipher.decrypt("soar-local:v1:AAAA", "asset-1").is_err());
        assert_eq!(format!("{cipher:?}"), "LocalCipher(********)");
    }
}
