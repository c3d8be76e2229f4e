//! Argon2id password hashing (PHC strings), run off the async threads.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

/// A PHC string for `password` with a fresh salt.
pub fn hash_password(password: &str) -> Result<String, String> {
    let mut bytes = [0u8; 16];
    rand::fill(&mut bytes);
    let salt = SaltString::encode_b64(&bytes).map_err(|e| e.to_string())?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| e.to_string())
}

/// A PHC string for nothing in particular, so unknown accounts cost the same work.
const DUMMY: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$3LvIXZ5EcgbB/oZ64ZMYxE2jGVBZn7L/rCBIwOvhKzU";

/// Whether `password` matches `hash` (`None`: an unknown account, checked against a dummy).
pub async fn verify_password(password: &str, hash: Option<&str>) -> bool {
    let known = hash.is_some();
    let hash = hash.unwrap_or(DUMMY).to_owned();
    let password = password.to_owned();
    let verified = tokio::task::spawn_blocking(move || {
        PasswordHash::new(&hash)
            .map(|parsed| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false);
    known && verified
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_verify_and_differ_per_salt() {
        let a = hash_password("numbers-demo").unwrap();
        let b = hash_password("numbers-demo").unwrap();
        assert!(a.starts_with("$argon2id$"));
        assert_ne!(a, b);
        assert!(verify_password("numbers-demo", Some(&a)).await);
        assert!(!verify_password("numbers-demo!", Some(&a)).await);
        assert!(!verify_password("anything", None).await);
        assert!(!verify_password("x", Some("not a hash")).await);
    }
}
