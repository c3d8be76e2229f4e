//! [`IntegrationStore`] over sea-orm: a project's Twilio integration, its secrets sealed with
//! the store's keyring, every change recorded in the project history (never a secret).

use super::change_log::{Noted, note};
use super::history_store::{Event, record};
use super::{SeaStore, load, utc};
use crate::db::entities::{number, purchase, telephony_integration};
use crate::secrets::SecretColumn;
use app::domain::history::TWILIO_ACCOUNT_SUBJECT;
use app::domain::live::Change;
use app::domain::{E164, Environment, EventKind, IntegrationKind, Ownership, ProjectSlug};
use app::ports::{
    ChangeError, IntegrationConflict, IntegrationStore, StoredTwilio, TwilioSave, VerifiedAccount,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, PaginatorTrait,
    QueryFilter, QueryOrder, Set, SqlErr, TransactionTrait, TryIntoModel,
};

/// `trial` or `full`, as stored.
fn account_type(trial: bool) -> &'static str {
    if trial { "trial" } else { "full" }
}

/// The account as the history describes it: SID, name and type, and the API key if any.
fn described(row: &telephony_integration::Model) -> String {
    let mut text = row.twilio_account_sid.clone().unwrap_or_default();
    if let Some(name) = &row.twilio_account_name {
        text.push_str(&format!(" ({name}"));
        if let Some(kind) = &row.twilio_account_type {
            text.push_str(&format!(", {kind} account"));
        }
        text.push(')');
    }
    if let Some(key) = &row.twilio_api_key_sid {
        text.push_str(&format!(" with API key {key}"));
    }
    text
}

/// The project's Twilio integration row, if any.
async fn twilio_row(
    conn: &impl ConnectionTrait,
    project_id: i32,
) -> Result<Option<telephony_integration::Model>, ChangeError> {
    Ok(telephony_integration::Entity::find()
        .filter(telephony_integration::Column::ProjectId.eq(project_id))
        .filter(telephony_integration::Column::Kind.eq(IntegrationKind::Twilio.slug()))
        .one(conn)
        .await?)
}

/// One number carried by integration `id`, if any.
async fn carried_number(
    conn: &impl ConnectionTrait,
    id: i32,
) -> Result<Option<number::Model>, ChangeError> {
    Ok(number::Entity::find()
        .filter(number::Column::IntegrationId.eq(id))
        .one(conn)
        .await?)
}

#[async_trait::async_trait]
impl IntegrationStore for SeaStore {
    async fn twilio_integration(
        &self,
        slug: &ProjectSlug,
    ) -> Result<Option<StoredTwilio>, ChangeError> {
        let project = load::project(&self.db, slug).await?;
        let Some(row) = twilio_row(&self.db, project.id).await? else {
            return Ok(None);
        };
        let numbers = number::Entity::find()
            .filter(number::Column::IntegrationId.eq(row.id))
            .order_by_asc(number::Column::CreatedAt)
            .order_by_asc(number::Column::Id)
            .all(&self.db)
            .await?
            .into_iter()
            .filter_map(|n| {
                let e164 = E164::parse(&n.e164).ok()?;
                let environment = Environment::parse(&n.environment).ok()?;
                let ownership = Ownership::parse(&n.ownership)?;
                Some((e164, environment, ownership))
            })
            .collect();
        let purchases_in_progress = purchase::Entity::find()
            .filter(purchase::Column::ProjectId.eq(project.id))
            .filter(purchase::Column::Provider.eq(IntegrationKind::Twilio.slug()))
            .filter(purchase::Column::Status.is_in([super::PENDING, super::CHECKING]))
            .count(&self.db)
            .await?;
        let secrets_readable = SecretColumn::ALL.into_iter().all(|column| {
            column
                .stored_in(&row)
                .is_none_or(|sealed| self.open_secret(&row, column, sealed).is_ok())
        });
        let account = row.twilio_account_name.clone().map(|name| VerifiedAccount {
            name,
            trial: row.twilio_account_type.as_deref() == Some("trial"),
        });
        Ok(Some(StoredTwilio {
            account_sid: row.twilio_account_sid.clone().unwrap_or_default(),
            api_key_sid: row.twilio_api_key_sid.clone(),
            account,
            verified_at: row
                .twilio_verified_at
                .map(|at| at.format("%Y-%m-%d %H:%M UTC").to_string()),
            numbers,
            purchases_in_progress,
            secrets_readable,
        }))
    }

    async fn save_twilio(&self, slug: &ProjectSlug, save: &TwilioSave) -> Result<(), ChangeError> {
        let txn = self.db.begin().await?;
        let project = load::project(&txn, slug).await?;
        let existing = twilio_row(&txn, project.id).await?;
        match (&save.replacing, &existing) {
            (None, Some(_)) => return Err(IntegrationConflict::AlreadyConnected.into()),
            (Some(_), None) => return Err(IntegrationConflict::NotConnected.into()),
            (Some(seen), Some(row)) => {
                let stored = row.twilio_account_sid.as_deref().unwrap_or_default();
                if stored != seen {
                    return Err(IntegrationConflict::ChangedMeanwhile.into());
                }
                if stored != save.credentials.account_sid
                    && carried_number(&txn, row.id).await?.is_some()
                {
                    return Err(IntegrationConflict::CarriesNumbers(stored.to_owned()).into());
                }
            }
            (None, None) => {}
        }
        let credentials = &save.credentials;
        let (rest_secret, webhook_token, key_sid) = match &credentials.api_key {
            Some(key) => (
                key.secret.as_str(),
                Some(self.keyring.seal(
                    SecretColumn::TwilioWebhookToken,
                    project.id,
                    &credentials.auth_token,
                )),
                Some(key.sid.clone()),
            ),
            None => (credentials.auth_token.as_str(), None, None),
        };
        let now = utc(save.verified_at);
        let before = existing.as_ref().map(described);
        let mut row = match existing {
            Some(row) => row.into_active_model(),
            None => telephony_integration::ActiveModel {
                project_id: Set(project.id),
                kind: Set(IntegrationKind::Twilio.slug().into()),
                created_at: Set(now),
                ..Default::default()
            },
        };
        row.twilio_account_sid = Set(Some(credentials.account_sid.clone()));
        row.twilio_auth_token = Set(Some(self.keyring.seal(
            SecretColumn::TwilioAuthToken,
            project.id,
            rest_secret,
        )));
        row.twilio_api_key_sid = Set(key_sid);
        row.twilio_webhook_token = Set(webhook_token);
        row.twilio_account_name = Set(Some(save.account.name.clone()));
        row.twilio_account_type = Set(Some(account_type(save.account.trial).into()));
        row.twilio_verified_at = Set(Some(now));
        let saved = match row.save(&txn).await {
            Ok(saved) => saved.try_into_model()?,
            // Another connect won the race (one Twilio integration per project, unique index).
            Err(err) if matches!(err.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
                return Err(IntegrationConflict::AlreadyConnected.into());
            }
            Err(err) => return Err(err.into()),
        };
        let kind = if before.is_some() {
            EventKind::TwilioCredentialsUpdated
        } else {
            EventKind::TwilioAccountConnected
        };
        record(
            &txn,
            Event {
                project_id: project.id,
                e164: TWILIO_ACCOUNT_SUBJECT,
                kind,
                actor: &save.actor,
                at: now,
                before,
                after: Some(described(&saved)),
            },
        )
        .await?;
        self.commit_and_announce(txn, slug).await?;
        Ok(())
    }

    async fn record_verified(
        &self,
        slug: &ProjectSlug,
        account: &VerifiedAccount,
        at: app::domain::UnixSeconds,
        actor: &str,
    ) -> Result<(), ChangeError> {
        let txn = self.db.begin().await?;
        let project = load::project(&txn, slug).await?;
        let Some(row) = twilio_row(&txn, project.id).await? else {
            return Err(IntegrationConflict::NotConnected.into());
        };
        let mut row = row.into_active_model();
        row.twilio_account_name = Set(Some(account.name.clone()));
        row.twilio_account_type = Set(Some(account_type(account.trial).into()));
        row.twilio_verified_at = Set(Some(utc(at)));
        row.update(&txn).await?;
        let noted = Noted {
            project_id: project.id,
            actor,
            e164: None,
            change: Change::TwilioChecked,
        };
        note(&txn, noted, utc(at)).await?;
        self.commit_and_announce(txn, slug).await?;
        Ok(())
    }

    async fn remove_twilio(&self, slug: &ProjectSlug, actor: &str) -> Result<(), ChangeError> {
        let txn = self.db.begin().await?;
        let project = load::project(&txn, slug).await?;
        let Some(row) = twilio_row(&txn, project.id).await? else {
            return Ok(());
        };
        if carried_number(&txn, row.id).await?.is_some() {
            return Err(IntegrationConflict::NumbersAddedMeanwhile.into());
        }
        telephony_integration::Entity::delete_by_id(row.id)
            .exec(&txn)
            .await?;
        record(
            &txn,
            Event {
                project_id: project.id,
                e164: TWILIO_ACCOUNT_SUBJECT,
                kind: EventKind::TwilioAccountDisconnected,
                actor,
                at: self.now(),
                before: Some(described(&row)),
                after: None,
            },
        )
        .await?;
        self.commit_and_announce(txn, slug).await?;
        Ok(())
    }
}
