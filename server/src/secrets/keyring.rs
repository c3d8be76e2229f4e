//! Keys and the seal format: `sealed.v1.{key id}.{base64url(24-byte nonce ‖ ciphertext ‖ tag)}`.

use super::SecretColumn;
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use sha2::{Digest, Sha256};
use std::fmt;

/// Prefix of every sealed value (a Twilio token or secret never contains a dot).
const SEALED_PREFIX: &str = "sealed.v1.";
/// Bytes of an XChaCha20-Poly1305 nonce.
const NONCE_LEN: usize = 24;
/// Bytes of a key.
const KEY_LEN: usize = 32;

/// A key's public name: 8 hex digits of SHA-256 over a label and the key, shown in logs and
/// stored beside each value it sealed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct KeyId([u8; 4]);

impl fmt::Display for KeyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.iter().try_for_each(|b| write!(f, "{b:02x}"))
    }
}

impl KeyId {
    /// Parses 8 lowercase hex digits.
    fn parse(text: &str) -> Option<Self> {
        if text.len() != 8 || !text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
            return None;
        }
        let mut id = [0; 4];
        for (i, byte) in id.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).ok()?;
        }
        Some(Self(id))
    }
}

/// Why a key's text was refused.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum SecretKeyError {
    /// No key at all.
    #[error("holds no key")]
    Empty,
    /// Not base64.
    #[error("key {position} is not base64 (create one with `server generate-secret-key`)")]
    NotBase64 {
        /// 1-based position in the list.
        position: usize,
    },
    /// Not 32 bytes.
    #[error(
        "key {position} is {bytes} bytes, not 32 (create one with `server generate-secret-key`)"
    )]
    WrongLength {
        /// 1-based position in the list.
        position: usize,
        /// Its decoded length.
        bytes: usize,
    },
    /// Listed twice.
    #[error("key {position} is listed twice")]
    Repeated {
        /// 1-based position of the second listing.
        position: usize,
    },
}

/// One 256-bit key; its bytes never appear in `Debug` output.
#[derive(Clone)]
pub struct SecretKey {
    id: KeyId,
    cipher: XChaCha20Poly1305,
    text: String,
}

impl fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SecretKey({})", self.id)
    }
}

impl SecretKey {
    /// A new random key from the operating system's generator.
    pub fn generate() -> Self {
        Self::from_bytes(&XChaCha20Poly1305::generate_key(&mut OsRng).into())
    }

    fn from_bytes(bytes: &[u8; KEY_LEN]) -> Self {
        let digest = Sha256::new()
            .chain_update(b"numbers secret key id\0")
            .chain_update(bytes)
            .finalize();
        let mut id = [0; 4];
        id.copy_from_slice(&digest[..4]);
        Self {
            id: KeyId(id),
            cipher: XChaCha20Poly1305::new(&chacha20poly1305::Key::from(*bytes)),
            text: STANDARD.encode(bytes),
        }
    }

    /// The key's id.
    pub fn id(&self) -> KeyId {
        self.id
    }

    /// The key as standard base64 (44 characters), the form [`Keyring::parse`] reads.
    pub fn to_base64(&self) -> &str {
        &self.text
    }
}

/// Why a stored value did not open.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum OpenError {
    /// Not in the sealed format (plain text from before sealing, or damaged).
    #[error("is not sealed")]
    NotSealed,
    /// Sealed under a key the keyring does not hold.
    #[error("is sealed under key {0}, which is not configured")]
    UnknownKey(KeyId),
    /// The authentication tag does not match: altered, or moved from another column.
    #[error("was altered or does not belong in this column")]
    Tampered,
}

/// The configured keys, newest first: the newest seals, any of them opens.
#[derive(Clone, Debug)]
pub struct Keyring {
    keys: Vec<SecretKey>,
}

impl Keyring {
    /// Reads keys as standard base64 of 32 bytes each, separated by commas or line breaks,
    /// newest first (`openssl rand -base64 32` prints one).
    pub fn parse(text: &str) -> Result<Self, SecretKeyError> {
        let mut keys: Vec<SecretKey> = Vec::new();
        let entries = text
            .split([',', '\n'])
            .map(str::trim)
            .filter(|t| !t.is_empty());
        for (index, entry) in entries.enumerate() {
            let position = index + 1;
            let bytes = STANDARD
                .decode(entry)
                .map_err(|_| SecretKeyError::NotBase64 { position })?;
            let bytes: [u8; KEY_LEN] =
                bytes
                    .as_slice()
                    .try_into()
                    .map_err(|_| SecretKeyError::WrongLength {
                        position,
                        bytes: bytes.len(),
                    })?;
            let key = SecretKey::from_bytes(&bytes);
            if keys.iter().any(|k| k.id == key.id) {
                return Err(SecretKeyError::Repeated { position });
            }
            keys.push(key);
        }
        if keys.is_empty() {
            return Err(SecretKeyError::Empty);
        }
        Ok(Self { keys })
    }

    /// The ids of its keys, newest first.
    pub fn ids(&self) -> Vec<KeyId> {
        self.keys.iter().map(|k| k.id).collect()
    }

    /// The key that seals.
    pub fn newest(&self) -> &SecretKey {
        &self.keys[0]
    }

    /// Seals `plaintext` for `column` of project `project_id`'s row under the newest key, with
    /// a fresh random nonce; both are bound in as associated data.
    pub fn seal(&self, column: SecretColumn, project_id: i32, plaintext: &str) -> String {
        let key = self.newest();
        let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
        let aad = associated_data(column, project_id);
        let payload = Payload {
            msg: plaintext.as_bytes(),
            aad: aad.as_bytes(),
        };
        // Encryption fails only for messages beyond 256 GiB; a token is tens of bytes.
        let sealed = key
            .cipher
            .encrypt(&nonce, payload)
            .expect("XChaCha20-Poly1305 seals any message under 256 GiB");
        let mut bytes = nonce.to_vec();
        bytes.extend_from_slice(&sealed);
        format!(
            "{SEALED_PREFIX}{}.{}",
            key.id,
            URL_SAFE_NO_PAD.encode(bytes)
        )
    }

    /// Opens a value [`seal`](Self::seal) produced for `column` of project `project_id`.
    pub fn open(
        &self,
        column: SecretColumn,
        project_id: i32,
        stored: &str,
    ) -> Result<String, OpenError> {
        let (id, body) = split(stored).ok_or(OpenError::NotSealed)?;
        let key = self
            .keys
            .iter()
            .find(|k| k.id == id)
            .ok_or(OpenError::UnknownKey(id))?;
        let bytes = URL_SAFE_NO_PAD
            .decode(body)
            .map_err(|_| OpenError::NotSealed)?;
        let (nonce, sealed) = bytes
            .split_first_chunk::<NONCE_LEN>()
            .ok_or(OpenError::NotSealed)?;
        let aad = associated_data(column, project_id);
        let payload = Payload {
            msg: sealed,
            aad: aad.as_bytes(),
        };
        let plain = key
            .cipher
            .decrypt(&XNonce::from(*nonce), payload)
            .map_err(|_| OpenError::Tampered)?;
        String::from_utf8(plain).map_err(|_| OpenError::Tampered)
    }
}

/// What a seal is bound to: `{column}:{project id}`, so a value copied into another column or
/// another project's row does not open there.
fn associated_data(column: SecretColumn, project_id: i32) -> String {
    format!("{}:{project_id}", column.name())
}

/// The key id of a sealed value, or `None` for a value that is not sealed.
pub fn sealed_key_id(stored: &str) -> Option<KeyId> {
    split(stored).map(|(id, _)| id)
}

fn split(stored: &str) -> Option<(KeyId, &str)> {
    let rest = stored.strip_prefix(SEALED_PREFIX)?;
    let (id, body) = rest.split_once('.')?;
    Some((KeyId::parse(id)?, body))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOKEN: &str = "0123456789abcdef0123456789abcdef";

    fn ring_of(key: &SecretKey) -> Keyring {
        Keyring::parse(key.to_base64()).unwrap()
    }

    #[test]
    fn seals_and_opens() {
        let ring = ring_of(&SecretKey::generate());
        let sealed = ring.seal(SecretColumn::TwilioAuthToken, 7, TOKEN);
        assert!(!sealed.contains(TOKEN));
        assert!(sealed.starts_with(&format!("sealed.v1.{}.", ring.newest().id())));
        assert_eq!(
            ring.open(SecretColumn::TwilioAuthToken, 7, &sealed),
            Ok(TOKEN.into())
        );
        let again = ring.seal(SecretColumn::TwilioAuthToken, 7, TOKEN);
        assert_ne!(sealed, again, "each seal has its own nonce");
    }

    #[test]
    fn refuses_a_wrong_key_a_tampered_value_and_another_column_or_project() {
        let ring = ring_of(&SecretKey::generate());
        let other = ring_of(&SecretKey::generate());
        let sealed = ring.seal(SecretColumn::TwilioAuthToken, 7, TOKEN);
        assert_eq!(
            other.open(SecretColumn::TwilioAuthToken, 7, &sealed),
            Err(OpenError::UnknownKey(ring.newest().id()))
        );
        assert_eq!(
            ring.open(SecretColumn::TwilioWebhookToken, 7, &sealed),
            Err(OpenError::Tampered)
        );
        assert_eq!(
            ring.open(SecretColumn::TwilioAuthToken, 8, &sealed),
            Err(OpenError::Tampered),
            "another project's row"
        );
        let mut tampered = sealed.clone().into_bytes();
        let last = tampered.len() - 1;
        tampered[last] = if tampered[last] == b'A' { b'B' } else { b'A' };
        let tampered = String::from_utf8(tampered).unwrap();
        assert_eq!(
            ring.open(SecretColumn::TwilioAuthToken, 7, &tampered),
            Err(OpenError::Tampered)
        );
        assert_eq!(
            ring.open(SecretColumn::TwilioAuthToken, 7, TOKEN),
            Err(OpenError::NotSealed)
        );
        assert_eq!(
            ring.open(SecretColumn::TwilioAuthToken, 7, "sealed.v1.0000zzzz.AAAA"),
            Err(OpenError::NotSealed)
        );
    }

    #[test]
    fn an_older_key_still_opens_and_the_newest_seals() {
        let old = SecretKey::generate();
        let new = SecretKey::generate();
        let before = ring_of(&old).seal(SecretColumn::TwilioAuthToken, 7, TOKEN);
        let both = Keyring::parse(&format!("{}, {}", new.to_base64(), old.to_base64())).unwrap();
        assert_eq!(both.ids(), [new.id(), old.id()]);
        assert_eq!(
            both.open(SecretColumn::TwilioAuthToken, 7, &before),
            Ok(TOKEN.into())
        );
        let after = both.seal(SecretColumn::TwilioAuthToken, 7, TOKEN);
        assert_eq!(sealed_key_id(&after), Some(new.id()));
        assert_eq!(sealed_key_id(&before), Some(old.id()));
        assert_eq!(sealed_key_id(TOKEN), None);
    }

    #[test]
    fn parses_keys_and_says_what_is_wrong() {
        let key = SecretKey::generate();
        let parsed = Keyring::parse(&format!("\n{}\n", key.to_base64())).unwrap();
        assert_eq!(parsed.ids(), [key.id()]);
        assert_eq!(Keyring::parse(" , ").unwrap_err(), SecretKeyError::Empty);
        assert_eq!(
            Keyring::parse("not base64!").unwrap_err(),
            SecretKeyError::NotBase64 { position: 1 }
        );
        assert_eq!(
            Keyring::parse(&format!("{},c2hvcnQ=", key.to_base64())).unwrap_err(),
            SecretKeyError::WrongLength {
                position: 2,
                bytes: 5
            }
        );
        assert_eq!(
            Keyring::parse(&format!("{0},{0}", key.to_base64())).unwrap_err(),
            SecretKeyError::Repeated { position: 2 }
        );
        assert!(!format!("{parsed:?}").contains(key.to_base64()));
    }
}
