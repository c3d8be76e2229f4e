//! Built-in accounts: Argon2id password hashes, server-side sessions, sign-in limits.

mod password;
mod proxy;

pub use password::{hash_password, verify_password};
pub use proxy::ProxySignOn;

use crate::db::entities::{account, session, sign_in_failure};
use crate::db::utc as at;
use app::domain::{UnixSeconds, throttle};
use app::ports::{Identity, Member, NewSession, SignInError, StoreError};
use base64::Engine;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use sha2::{Digest, Sha256};

/// Accounts, sessions and failed sign-ins in the database (every instance shares them).
pub struct BuiltInAccounts {
    db: DatabaseConnection,
    session_ttl_secs: i64,
}

impl BuiltInAccounts {
    /// Accounts over `db`, sessions lasting `session_ttl_secs`.
    pub fn new(db: DatabaseConnection, session_ttl_secs: i64) -> Self {
        Self {
            db,
            session_ttl_secs,
        }
    }

    /// The limit keys of an attempt: its account and its address.
    fn keys(email: &str, address: Option<&str>) -> Vec<String> {
        let mut keys = vec![format!("account:{email}")];
        keys.extend(address.map(|a| format!("address:{a}")));
        keys
    }

    /// Refused while any of `keys` has too many recent failures ([`throttle::check`]).
    async fn throttled(&self, keys: &[String], now: UnixSeconds) -> Result<(), SignInError> {
        let since = at(now - throttle::WINDOW_SECS);
        for key in keys {
            let failures: Vec<UnixSeconds> = sign_in_failure::Entity::find()
                .filter(sign_in_failure::Column::LimitKey.eq(key.as_str()))
                .filter(sign_in_failure::Column::FailedAt.gt(since))
                .all(&self.db)
                .await
                .map_err(StoreError::from)?
                .into_iter()
                .map(|f| f.failed_at.timestamp())
                .collect();
            if let Err(wait) = throttle::check(&failures, now) {
                return Err(SignInError::Throttled((wait + 59) / 60));
            }
        }
        Ok(())
    }

    /// Counts a failure against each of `keys`, forgetting failures older than the window.
    async fn record_failure(&self, keys: &[String], now: UnixSeconds) -> Result<(), StoreError> {
        sign_in_failure::Entity::delete_many()
            .filter(sign_in_failure::Column::FailedAt.lte(at(now - throttle::WINDOW_SECS)))
            .exec(&self.db)
            .await?;
        for key in keys {
            sign_in_failure::ActiveModel {
                limit_key: Set(key.clone()),
                failed_at: Set(at(now)),
                ..Default::default()
            }
            .insert(&self.db)
            .await?;
        }
        Ok(())
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
        self.throttled(&keys, now).await?;
        let found = account::Entity::find()
            .filter(account::Column::Email.eq(&email))
            .one(&self.db)
            .await?;
        // Unknown emails cost a hash too, so timing does not tell which accounts exist.
        let hash = found.as_ref().map(|a| a.password_hash.clone());
        let matches = verify_password(password, hash.as_deref()).await;
        let Some(account) = found.filter(|_| matches) else {
            self.record_failure(&keys, now).await?;
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
