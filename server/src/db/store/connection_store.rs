//! [`ConnectionStore`] over sea-orm.

use super::history_store::{Event, record};
use super::purchase_store::insert_number;
use super::{SeaStore, load};
use crate::db::entities::{number, telephony_integration};
use crate::secrets::SecretColumn;
use app::domain::live::SYSTEM_ACTOR;
use app::domain::{E164, EventKind, IntegrationKind, ProjectSlug};
use app::ports::{ChangeError, ConnectionStore, NewNumber, StoreError, TwilioAccount};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, TransactionTrait};

#[async_trait::async_trait]
impl ConnectionStore for SeaStore {
    async fn twilio_account(
        &self,
        slug: &ProjectSlug,
    ) -> Result<Option<TwilioAccount>, ChangeError> {
        let project = load::project(&self.db, slug).await?;
        let row = telephony_integration::Entity::find()
            .filter(telephony_integration::Column::ProjectId.eq(project.id))
            .filter(telephony_integration::Column::Kind.eq(IntegrationKind::Twilio.slug()))
            .one(&self.db)
            .await?;
        let Some(row) = row else { return Ok(None) };
        let (Some(account_sid), Some(sealed)) = (&row.twilio_account_sid, &row.twilio_auth_token)
        else {
            return Ok(None);
        };
        Ok(Some(TwilioAccount {
            account_sid: account_sid.clone(),
            auth_token: self.open_secret(&row, SecretColumn::TwilioAuthToken, sealed)?,
            api_key_sid: row.twilio_api_key_sid.clone(),
        }))
    }

    async fn insert_connected(
        &self,
        new: &NewNumber,
        previous_voice_url: Option<&str>,
    ) -> Result<(), ChangeError> {
        let txn = self.db.begin().await?;
        insert_number(&txn, new, previous_voice_url, self.now()).await?;
        self.commit_and_announce(txn, &new.project).await?;
        Ok(())
    }

    async fn remove_number(&self, e164: &E164, reason: &str) -> Result<(), StoreError> {
        let txn = self.db.begin().await?;
        let Some(row) = number::Entity::find()
            .filter(number::Column::E164.eq(e164.as_str()))
            .one(&txn)
            .await?
        else {
            return Ok(());
        };
        number::Entity::delete_by_id(row.id).exec(&txn).await?;
        record(
            &txn,
            Event {
                project_id: row.project_id,
                e164: &row.e164,
                kind: EventKind::Disconnected,
                actor: SYSTEM_ACTOR,
                at: self.now(),
                before: Some("Connecting".into()),
                after: Some(format!("Not connected: {reason}")),
            },
        )
        .await?;
        self.commit_and_announce_id(txn, row.project_id).await
    }
}
