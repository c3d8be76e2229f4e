//! Built-in accounts: Argon2id password hashes, server-side sessions, sign-in limits.

mod password;
mod proxy;

pub use password::{hash_password, verify_password};
pub use proxy::ProxySignOn;

use crate::db::entities::{account, session};
use crate::db::utc as at;
use app::domain::{UnixSeconds, throttle};
use app::ports::{Identity, Member, NewSession, SignInError, StoreError};
use base64::Engine;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::Mutex;

/// Past this many tracked keys, stale ones are swept at the next failure.
const MAX_TRACKED_KEYS: usize = 10_000;

/// Accounts and sessions in the database; sign-in failures counted in memory per process.
pub struct BuiltInAccounts {
    db: DatabaseConnection,
    session_ttl_secs: i64,
    failures: Mutex<HashMap<String, Vec<UnixSeconds>>>,
}

impl BuiltInAccounts {
    /// Accounts over `db`, sessions lasting `session_ttl_secs`.
    pub fn new(db: DatabaseConnection, session_ttl_secs: i64) -> Self {
        Self {
            db,
            session_ttl_secs,
            failures: Mutex::new(HashMap::new()),
        }
    }

    /// The limit keys of an attempt: its account and its address.
    fn keys(email: &str, address: Option<&str>) -> Vec<String> {
        let mut keys = vec![format!("account:{email}")];
        keys.extend(address.map(|a| format!("address:{a}")));
        keys
    }

    fn throttled(&self, keys: &[String], now: UnixSeconds) -> Result<(), SignInError> {
        let failures = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        for key in keys {
            if let Some(list) = failures.get(key)
                && let Err(wait) = throttle::check(list, now)
            {
                return Err(SignInError::Throttled((wait + 59) / 60));
            }
        }
        Ok(())
    }

    fn record_failure(&self, keys: &[String], now: UnixSeconds) {
        let mut failures = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        // Keys whose failures all left the window are dropped, so the map cannot grow forever.
        if failures.len() > MAX_TRACKED_KEYS {
            failures.retain(|_, list| {
                throttle::prune(list, now);
                !list.is_empty()
            });
        }
        for key in keys {
            let list = failures.entry(key.clone()).or_default();
            throttle::prune(list, now);
            list.push(now);
        }
    }
}

/// SHA-256 of a token, hex: what the database keeps.
fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[async_trait::async_trait]
impl Identity for BuiltInAccounts {
    async fn sign_in(
        &self,
        email: &str,
        password: &str,
        address: Option<&str>,
        replaced: Option<&str>,
        now: UnixSeconds,
    ) -> Result<NewSession, SignInError> {
        let email = email.trim().to_lowercase();
        let keys = Self::keys(&email, address);
        self.throttled(&keys, now)?;
        let found = account::Entity::find()
            .filter(account::Column::Email.eq(&email))
            .one(&self.db)
            .await?;
        // Unknown emails cost a hash too, so timing does not tell which accounts exist.
        let hash = found.as_ref().map(|a| a.password_hash.clone());
        let matches = verify_password(password, hash.as_deref()).await;
        let Some(account) = found.filter(|_| matches) else {
            self.record_failure(&keys, now);
            tracing::warn!(email, address, "failed sign-in");
            return Err(SignInError::Mismatch);
        };
        if let Some(old) = replaced {
            self.sign_out(old).await?;
        }
        // The account's expired sessions are of no use to anyone: drop them.
        session::Entity::delete_many()
            .filter(session::Column::AccountId.eq(account.id))
            .filter(session::Column::ExpiresAt.lte(at(now)))
            .exec(&self.db)
            .await?;
        let mut bytes = [0u8; 32];
        rand::fill(&mut bytes);
        let token = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
        session::ActiveModel {
            token_hash: Set(token_hash(&token)),
            account_id: Set(account.id),
            created_at: Set(at(now)),
            expires_at: Set(at(now + self.session_ttl_secs)),
            ..Default::default()
        }
        .insert(&self.db)
        .await?;
        tracing::info!(email, "signed in");
        Ok(NewSession {
            token,
            max_age_secs: self.session_ttl_secs,
            member: Member {
                email: account.email,
            },
        })
    }

    async fn member(&self, token: &str, now: UnixSeconds) -> Result<Option<Member>, StoreError> {
        let Some(found) = session::Entity::find()
            .filter(session::Column::TokenHash.eq(token_hash(token)))
            .one(&self.db)
            .await?
        else {
            return Ok(None);
        };
        if found.expires_at <= at(now) {
            return Ok(None);
        }
        Ok(account::Entity::find_by_id(found.account_id)
            .one(&self.db)
            .await?
            .map(|a| Member { email: a.email }))
    }

    async fn sign_out(&self, token: &str) -> Result<(), StoreError> {
        session::Entity::delete_many()
            .filter(session::Column::TokenHash.eq(token_hash(token)))
            .exec(&self.db)
            .await
            .map(drop)
            .map_err(StoreError::from)
    }
}
