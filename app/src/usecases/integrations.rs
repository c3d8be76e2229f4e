//! The Integrations page: what it shows; connecting a Twilio account, stored only once Twilio
//! accepts its credentials; replacing them (rotation), verified before the old ones go; and
//! disconnecting it, each of its numbers disconnected as Delete does (voice URL restored,
//! nothing released).

use super::delete_number::{Restore, apply, facts, restore_voice_url};
use crate::domain::integrations_page::{CarriedNumber, IntegrationsPage, TwilioStatus};
use crate::domain::twilio_credentials::TwilioCredentials;
use crate::domain::{IntegrationKind, NumberState, Ownership, ProjectSlug, Step, phone_format};
use crate::error::AppError;
use crate::ports::{
    AccountCheck, IntegrationConflict, Services, StoredTwilio, TwilioAccount, TwilioSave,
    VerifiedAccount,
};

/// A change to a project's integrations, by a member with Edit.
#[derive(Clone, Debug)]
pub struct IntegrationChange {
    /// The project.
    pub project: ProjectSlug,
    /// Who is changing it.
    pub actor: String,
}

/// The Integrations page of `project`, offering changes when the member `can_edit`.
pub async fn integrations_page(
    services: &Services,
    project: &ProjectSlug,
    can_edit: bool,
) -> Result<IntegrationsPage, AppError> {
    let overview = super::overview(services, project).await?;
    let twilio = services.integrations.twilio_integration(project).await?;
    Ok(IntegrationsPage {
        project: overview.project,
        can_edit,
        built_in: overview
            .integrations
            .contains(&IntegrationKind::BuiltInPool),
        twilio: twilio.map(status),
    })
}

fn status(stored: StoredTwilio) -> TwilioStatus {
    TwilioStatus {
        account_sid: stored.account_sid,
        api_key_sid: stored.api_key_sid,
        account_name: stored.account.as_ref().map(|a| a.name.clone()),
        account_type: stored
            .account
            .as_ref()
            .map(|a| if a.trial { "Trial" } else { "Full" }.to_owned()),
        verified_at: stored.verified_at,
        credentials_readable: stored.secrets_readable,
        numbers: stored
            .numbers
            .into_iter()
            .map(|(e164, environment, ownership)| CarriedNumber {
                international: phone_format::display(&e164).international,
                e164: e164.as_str().to_owned(),
                environment,
                bought: ownership == Ownership::Purchased,
            })
            .collect(),
    }
}

/// Connects a Twilio account to a project that has none, once Twilio accepts `credentials`.
pub async fn connect_twilio(
    services: &Services,
    change: IntegrationChange,
    credentials: TwilioCredentials,
) -> Result<(), AppError> {
    if services
        .integrations
        .twilio_integration(&change.project)
        .await?
        .is_some()
    {
        return Err(AppError::Rejected(
            IntegrationConflict::AlreadyConnected.to_string(),
        ));
    }
    save(services, change, credentials, None).await
}

/// Replaces the stored credentials once Twilio accepts the new ones (the old ones stay until
/// then). Another account may replace it only while it carries no numbers.
pub async fn update_twilio(
    services: &Services,
    change: IntegrationChange,
    credentials: TwilioCredentials,
) -> Result<(), AppError> {
    let Some(stored) = services
        .integrations
        .twilio_integration(&change.project)
        .await?
    else {
        return Err(AppError::Rejected(
            IntegrationConflict::NotConnected.to_string(),
        ));
    };
    if stored.account_sid != credentials.account_sid && !stored.numbers.is_empty() {
        return Err(AppError::invalid(
            "account_sid",
            IntegrationConflict::CarriesNumbers(stored.account_sid).to_string(),
        ));
    }
    save(services, change, credentials, Some(stored.account_sid)).await
}

/// Verifies `credentials`, then saves them (`replacing`: see [`TwilioSave::replacing`]).
async fn save(
    services: &Services,
    change: IntegrationChange,
    credentials: TwilioCredentials,
    replacing: Option<String>,
) -> Result<(), AppError> {
    let account = verify(services, &credentials).await?;
    let save = TwilioSave {
        replacing,
        credentials,
        account,
        verified_at: services.clock.now(),
        actor: change.actor,
    };
    services
        .integrations
        .save_twilio(&change.project, &save)
        .await?;
    Ok(())
}

/// Asks Twilio for the account with the REST credentials, then (with an API key) with the auth
/// token too, which Twilio signs webhooks with; a refusal names the field to fix.
async fn verify(
    services: &Services,
    credentials: &TwilioCredentials,
) -> Result<VerifiedAccount, AppError> {
    let with_token = TwilioAccount {
        account_sid: credentials.account_sid.clone(),
        auth_token: credentials.auth_token.clone(),
        api_key_sid: None,
    };
    let Some(key) = &credentials.api_key else {
        return check(services, &with_token, "auth_token").await;
    };
    let with_key = TwilioAccount {
        account_sid: credentials.account_sid.clone(),
        auth_token: key.secret.clone(),
        api_key_sid: Some(key.sid.clone()),
    };
    let account = check(services, &with_key, "api_key_secret").await?;
    check(services, &with_token, "auth_token").await?;
    Ok(account)
}

/// Twilio's verdict on one set of credentials; `refused_field` is the field a refusal names.
async fn check(
    services: &Services,
    account: &TwilioAccount,
    refused_field: &str,
) -> Result<VerifiedAccount, AppError> {
    let sid = &account.account_sid;
    match services.twilio.check_account(account).await {
        Ok(AccountCheck::Active(verified)) => Ok(verified),
        Ok(AccountCheck::Refused) if refused_field == "api_key_secret" => Err(AppError::invalid(
            refused_field,
            format!(
                "Twilio refused this API key SID and secret for account {sid}: check both, and that the key was created in this account."
            ),
        )),
        Ok(AccountCheck::Refused) => Err(AppError::invalid(
            refused_field,
            format!(
                "Twilio refused this auth token for account {sid}: copy it again from Account Info in the Twilio Console (it changes when it is rotated there)."
            ),
        )),
        Ok(AccountCheck::NotFound) => Err(AppError::invalid(
            "account_sid",
            format!("Twilio has no account {sid} that these credentials can open."),
        )),
        Ok(AccountCheck::TestCredentials) => Err(AppError::invalid(
            "account_sid",
            "These are Twilio test credentials, which cannot buy or change numbers; use the live Account SID and auth token from Account Info.",
        )),
        Ok(AccountCheck::Inactive) => Err(AppError::invalid(
            "account_sid",
            format!("Twilio account {sid} is suspended or closed; reactivate it in Twilio first."),
        )),
        Err(err) => {
            tracing::warn!(%err, "checking Twilio credentials failed");
            Err(AppError::Provider(
                "Twilio could not be reached to check the credentials. Nothing was saved; please try again.".into(),
            ))
        }
    }
}

/// Asks Twilio again with the stored REST credentials; when it accepts them, records what it
/// said about the account (name, type, now as the last verification). A refusal says to update
/// the credentials; nothing changes either way.
pub async fn check_twilio(services: &Services, change: IntegrationChange) -> Result<(), AppError> {
    let project = change.project;
    let Some(account) = services.connections.twilio_account(&project).await? else {
        return Err(AppError::Rejected(
            IntegrationConflict::NotConnected.to_string(),
        ));
    };
    let sid = account.account_sid.clone();
    let update = "Update the credentials with the ones in the Twilio Console.";
    let verdict = services
        .twilio
        .check_account(&account)
        .await
        .map_err(|err| {
            tracing::warn!(%err, "checking the stored Twilio credentials failed");
            AppError::Provider(
                "Twilio could not be reached to check the credentials; please try again.".into(),
            )
        })?;
    let refused = |why: &str| Err(AppError::Rejected(format!("{why} {update}")));
    match verdict {
        AccountCheck::Active(verified) => {
            let now = services.clock.now();
            services
                .integrations
                .record_verified(&project, &verified, now, &change.actor)
                .await?;
            Ok(())
        }
        AccountCheck::Refused => refused(&format!(
            "Twilio refused the stored credentials of account {sid} (rotated in the Twilio Console?)."
        )),
        AccountCheck::NotFound => refused(&format!(
            "Twilio has no account {sid} that the stored credentials can open."
        )),
        AccountCheck::Inactive => Err(AppError::Rejected(format!(
            "Twilio account {sid} is suspended or closed; reactivate it in Twilio first."
        ))),
        AccountCheck::TestCredentials => refused(
            "The stored credentials are Twilio test credentials, which cannot change numbers.",
        ),
    }
}

/// Disconnects the project's Twilio account: each of its numbers has its voice URL restored
/// and leaves the project (nothing is released), then the integration and its secrets go.
/// Refused while one of its numbers is being deleted or checked.
pub async fn disconnect_twilio(
    services: &Services,
    change: IntegrationChange,
) -> Result<(), AppError> {
    let IntegrationChange { project, actor } = change;
    let Some(stored) = services.integrations.twilio_integration(&project).await? else {
        return Err(AppError::Rejected(
            IntegrationConflict::NotConnected.to_string(),
        ));
    };
    if stored.purchases_in_progress > 0 {
        return Err(AppError::Rejected(
            "A number is being bought through this Twilio account. Wait until that purchase has finished, then disconnect the account.".into(),
        ));
    }
    let mut all = Vec::with_capacity(stored.numbers.len());
    for (number, _, _) in &stored.numbers {
        let facts = facts(services, &project, number).await?;
        if facts.state != NumberState::Active {
            return Err(AppError::Rejected(format!(
                "{} is being deleted or checked with Twilio. Wait until that has finished (or undo its deletion), then disconnect the account.",
                phone_format::display(number).international
            )));
        }
        all.push(facts);
    }
    for facts in &all {
        match restore_voice_url(services, facts).await? {
            Restore::Done => {
                apply(
                    services,
                    &project,
                    &facts.e164,
                    Step::AccountDisconnected,
                    &actor,
                )
                .await?;
            }
            Restore::Unanswered => {
                return Err(AppError::Provider(format!(
                    "Twilio did not answer when {} was given back its voice URL, so the account is still connected. Please try again.",
                    phone_format::display(&facts.e164).international
                )));
            }
        }
    }
    services
        .integrations
        .remove_twilio(&project, &actor)
        .await?;
    Ok(())
}
