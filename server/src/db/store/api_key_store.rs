//! [`ApiKeyStore`] over sea-orm: keys minted from the operating system's random source, kept
//! as the SHA-256 of the whole key, compared in constant time; creating and revoking one is
//! recorded in the project history (subject `API key "{name}"`).

use super::history_store::{Event, record};
use super::{SeaStore, load};
use crate::db::entities::api_key;
use app::domain::api_keys::{
    ApiKeyName, ApiKeyRow, ApiKeyScope, KEY_PREFIX, NewApiKey, key_id, named, rate_window,
};
use app::domain::{EventKind, ProjectSlug, UnixSeconds};
use app::ports::{ApiKeyStore, ChangeError, KeyHolder, StoreError};
use base64::Engine;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
    TransactionTrait,
};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// A new key: its id (6 random bytes, hex) and the whole key (`nmbr_{id}_{32 random bytes,
/// base64url}`).
fn mint() -> (String, String) {
    let id: [u8; 6] = rand::random();
    let secret: [u8; 32] = rand::random();
    let id: String = id.iter().map(|b| format!("{b:02x}")).collect();
    let secret = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(secret);
    let key = format!("{KEY_PREFIX}{id}_{secret}");
    (id, key)
}

/// The SHA-256 of `key`, lowercase hex.
fn hash(key: &str) -> String {
    Sha256::digest(key.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A stored time as the page shows it.
fn shown(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d %H:%M UTC").to_string()
}

#[async_trait::async_trait]
impl ApiKeyStore for SeaStore {
    async fn create_key(
        &self,
        slug: &ProjectSlug,
        name: &ApiKeyName,
        scope: ApiKeyScope,
        actor: &str,
    ) -> Result<NewApiKey, ChangeError> {
        let (id, key) = mint();
        let txn = self.db.begin().await?;
        let project = load::project(&txn, slug).await?;
        // Names tell keys apart (the list, the history, `Revoke {name}`): one live key each.
        let taken = api_key::Entity::find()
            .filter(api_key::Column::ProjectId.eq(project.id))
            .filter(api_key::Column::RevokedAt.is_null())
            .all(&txn)
            .await?
            .into_iter()
            .any(|key| key.name.to_lowercase() == name.as_str().to_lowercase());
        if taken {
            return Err(ChangeError::ApiKeyNameTaken(name.as_str().to_owned()));
        }
        api_key::ActiveModel {
            key_id: Set(id),
            project_id: Set(project.id),
            name: Set(name.as_str().to_owned()),
            scope: Set(scope.slug().to_owned()),
            key_hash: Set(hash(&key)),
            created_by: Set(actor.to_owned()),
            created_at: Set(self.now()),
            last_used_at: Set(None),
            revoked_at: Set(None),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        let subject = named(name.as_str());
        record(
            &txn,
            Event {
                project_id: project.id,
                e164: &subject,
                kind: EventKind::ApiKeyCreated,
                actor,
                at: self.now(),
                before: None,
                after: Some(scope.label().to_owned()),
            },
        )
        .await?;
        self.commit_and_announce(txn, slug).await?;
        Ok(NewApiKey {
            name: name.as_str().to_owned(),
            key,
        })
    }

    async fn keys(&self, slug: &ProjectSlug) -> Result<Vec<ApiKeyRow>, ChangeError> {
        let project = load::project(&self.db, slug).await?;
        let rows = api_key::Entity::find()
            .filter(api_key::Column::ProjectId.eq(project.id))
            .filter(api_key::Column::RevokedAt.is_null())
            .order_by_desc(api_key::Column::Id)
            .all(&self.db)
            .await?;
        rows.into_iter()
            .map(|row| {
                let scope = ApiKeyScope::parse(&row.scope)
                    .ok_or_else(|| super::corrupt("api_keys", row.id, "scope"))?;
                Ok(ApiKeyRow {
                    id: row.key_id,
                    name: row.name,
                    scope,
                    created_by: row.created_by,
                    created_at: shown(row.created_at),
                    last_used_at: row.last_used_at.map(shown),
                })
            })
            .collect()
    }

    async fn revoke_key(
        &self,
        slug: &ProjectSlug,
        id: &str,
        actor: &str,
    ) -> Result<(), ChangeError> {
        let txn = self.db.begin().await?;
        let project = load::project(&txn, slug).await?;
        let not_found = || ChangeError::ApiKeyNotFound(app::domain::text::excerpt(id));
        let row = api_key::Entity::find()
            .filter(api_key::Column::ProjectId.eq(project.id))
            .filter(api_key::Column::KeyId.eq(id))
            .filter(api_key::Column::RevokedAt.is_null())
            .one(&txn)
            .await?
            .ok_or_else(not_found)?;
        let revoked = api_key::Entity::update_many()
            .col_expr(api_key::Column::RevokedAt, Expr::value(self.now()))
            .filter(api_key::Column::Id.eq(row.id))
            .filter(api_key::Column::RevokedAt.is_null())
            .exec(&txn)
            .await?;
        if revoked.rows_affected != 1 {
            return Err(not_found());
        }
        let subject = named(&row.name);
        record(
            &txn,
            Event {
                project_id: project.id,
                e164: &subject,
                kind: EventKind::ApiKeyRevoked,
                actor,
                at: self.now(),
                before: ApiKeyScope::parse(&row.scope).map(|s| s.label().to_owned()),
                after: None,
            },
        )
        .await?;
        self.commit_and_announce(txn, slug).await?;
        Ok(())
    }

    async fn key_holder(
        &self,
        presented: &str,
        at: UnixSeconds,
    ) -> Result<Option<KeyHolder>, StoreError> {
        let Some(id) = key_id(presented) else {
            return Ok(None);
        };
        let Some(row) = api_key::Entity::find()
            .filter(api_key::Column::KeyId.eq(id))
            .one(&self.db)
            .await?
        else {
            return Ok(None);
        };
        let matches: bool = hash(presented)
            .as_bytes()
            .ct_eq(row.key_hash.as_bytes())
            .into();
        if !matches || row.revoked_at.is_some() {
            return Ok(None);
        }
        let scope = ApiKeyScope::parse(&row.scope)
            .ok_or_else(|| super::corrupt("api_keys", row.id, "scope"))?;
        let project = crate::db::entities::project::Entity::find_by_id(row.project_id)
            .one(&self.db)
            .await?
            .and_then(|p| ProjectSlug::parse(&p.slug).ok())
            .ok_or_else(|| super::corrupt("api_keys", row.id, "project"))?;
        // One statement, so requests on any instance add to the same count.
        let window = rate_window(at);
        let same_window = api_key::Column::RateWindowStart.eq(window);
        api_key::Entity::update_many()
            .col_expr(api_key::Column::LastUsedAt, Expr::value(super::utc(at)))
            .col_expr(
                api_key::Column::RateWindowCount,
                Expr::case(
                    same_window,
                    Expr::col(api_key::Column::RateWindowCount).add(1),
                )
                .finally(1)
                .into(),
            )
            .col_expr(api_key::Column::RateWindowStart, Expr::value(window))
            .filter(api_key::Column::Id.eq(row.id))
            // An instance whose clock lags never resets a newer window's count.
            .filter(api_key::Column::RateWindowStart.lte(window))
            .exec(&self.db)
            .await?;
        let counted: Option<(i64, i64)> = api_key::Entity::find_by_id(row.id)
            .select_only()
            .column(api_key::Column::RateWindowStart)
            .column(api_key::Column::RateWindowCount)
            .into_tuple()
            .one(&self.db)
            .await?;
        // Another request may have counted itself meanwhile: the count only errs high.
        let requests_in_window = match counted {
            Some((start, count)) if start == window => u64::try_from(count).unwrap_or(0),
            _ => 1,
        };
        Ok(Some(KeyHolder {
            project,
            name: row.name,
            scope,
            requests_in_window,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minted_keys_have_the_key_form_and_differ() {
        let (id, key) = mint();
        assert_eq!(key_id(&key), Some(id.as_str()));
        assert_ne!(mint().1, key);
        assert_eq!(hash(&key).len(), 64);
    }
}
