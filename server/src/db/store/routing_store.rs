//! [`RoutingStore`] over sea-orm.

use super::{SeaStore, load};
use crate::db::entities::{call, number, routing_setting, telephony_integration, variant};
use crate::secrets::SecretColumn;
use app::domain::{
    CallRecord, E164, Environment, IntegrationKind, NumberState, RouteFacts, SipRoute,
};
use app::ports::{RoutingStore, StoreError};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

#[async_trait::async_trait]
impl RoutingStore for SeaStore {
    async fn route_facts(&self, e164: &E164) -> Result<Option<RouteFacts>, StoreError> {
        let Some(row) = number::Entity::find()
            .filter(number::Column::E164.eq(e164.as_str()))
            .one(&self.db)
            .await?
        else {
            return Ok(None);
        };
        let environment = Environment::parse(&row.environment)
            .map_err(|_| super::corrupt("numbers", row.id, "environment"))?;
        let variants = load::variants_of(&self.db, row.project_id).await?;
        let variant = row
            .variant_id
            .and_then(|id| variants.iter().find(|v| v.id == id))
            .map(|v| v.name.clone());
        let default_variant = variants
            .iter()
            .find(|v: &&variant::Model| v.deleted_at.is_none())
            .map(|v| v.name.clone());
        let sip = routing_setting::Entity::find()
            .filter(routing_setting::Column::ProjectId.eq(row.project_id))
            .filter(routing_setting::Column::Environment.eq(environment.slug()))
            .one(&self.db)
            .await?
            .map(|r| SipRoute {
                main: r.main_sip,
                fallback: r.fallback_sip,
            });
        Ok(Some(RouteFacts {
            environment,
            variant,
            default_variant,
            sip,
            // A number whose connection or disconnection is being checked still takes the
            // calls Twilio sends it.
            being_deleted: matches!(
                load::state_of(&row)?,
                NumberState::PendingRelease { .. }
                    | NumberState::Releasing { .. }
                    | NumberState::ReleaseFailed { .. }
            ),
        }))
    }

    async fn twilio_tokens(
        &self,
        account_sid: &str,
        called: Option<&E164>,
    ) -> Result<Vec<String>, StoreError> {
        // A number carried by a Twilio integration is signed by that integration's account only.
        let carrier = match called {
            Some(e164) => number::Entity::find()
                .filter(number::Column::E164.eq(e164.as_str()))
                .one(&self.db)
                .await?
                .map(|n| n.integration_id),
            None => None,
        };
        let mut query = telephony_integration::Entity::find()
            .filter(telephony_integration::Column::Kind.eq(IntegrationKind::Twilio.slug()))
            .filter(telephony_integration::Column::TwilioAccountSid.eq(account_sid));
        if let Some(integration_id) = carrier {
            let carried_by_twilio = telephony_integration::Entity::find_by_id(integration_id)
                .one(&self.db)
                .await?
                .is_some_and(|i| i.kind == IntegrationKind::Twilio.slug());
            if carried_by_twilio {
                query = query.filter(telephony_integration::Column::Id.eq(integration_id));
            }
        }
        let mut tokens = Vec::new();
        for i in query.all(&self.db).await? {
            // Twilio signs with the account's auth token, never with an API key's secret.
            let sealed = match (&i.twilio_api_key_sid, &i.twilio_webhook_token) {
                (_, Some(token)) => Some((SecretColumn::TwilioWebhookToken, token)),
                (None, None) => i
                    .twilio_auth_token
                    .as_ref()
                    .map(|token| (SecretColumn::TwilioAuthToken, token)),
                (Some(_), None) => None,
            };
            match sealed {
                Some((column, token)) => match self.open_secret(&i, column, token) {
                    Ok(token) => tokens.push(token),
                    Err(err) => tracing::error!(%err, "its calls are refused"),
                },
                None => tracing::error!(
                    integration = i.id,
                    "this Twilio integration uses an API key but has no auth token for webhook signatures: its calls are refused"
                ),
            }
        }
        Ok(tokens)
    }

    async fn record_call(
        &self,
        e164: &E164,
        call_sid: &str,
        from: &str,
        status: &str,
    ) -> Result<(), StoreError> {
        call::ActiveModel {
            e164: Set(e164.as_str().to_owned()),
            call_sid: Set(call_sid.to_owned()),
            from_number: Set(from.to_owned()),
            status: Set(status.to_owned()),
            received_at: Set(self.now()),
            ..Default::default()
        }
        .insert(&self.db)
        .await
        .map(drop)
        .map_err(StoreError::from)
    }

    async fn recent_calls(&self, e164: &E164, limit: u64) -> Result<Vec<CallRecord>, StoreError> {
        Ok(call::Entity::find()
            .filter(call::Column::E164.eq(e164.as_str()))
            .order_by_desc(call::Column::ReceivedAt)
            .order_by_desc(call::Column::Id)
            .limit(limit)
            .all(&self.db)
            .await?
            .into_iter()
            .map(|c| CallRecord {
                at: c.received_at.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
                from: c.from_number,
                status: c.status,
            })
            .collect())
    }
}
