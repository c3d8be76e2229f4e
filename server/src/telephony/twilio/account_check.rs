//! Fetching the account the credentials belong to (Twilio's "Fetch an Account",
//! `GET /2010-04-01/Accounts/{AccountSid}.json`): how credentials are verified before they
//! are stored.

use super::client::TwilioClient;
use super::error::TwilioError;
use super::wire::AccountResource;
use app::ports::{AccountCheck, TwilioAccount, VerifiedAccount};
use reqwest::Method;

impl TwilioClient {
    /// What Twilio says about `account` when asked with its credentials: refused (401 /
    /// 20003), unknown (404), suspended or closed (20005 or its `status`), test credentials
    /// (20008), or active with its name and type.
    pub async fn fetch_account(
        &self,
        account: &TwilioAccount,
    ) -> Result<AccountCheck, TwilioError> {
        let mut url = match self.url(account, &[]) {
            Ok(url) => url,
            Err(TwilioError::AuthFailed) => return Ok(AccountCheck::NotFound),
            Err(err) => return Err(err),
        };
        // `…/Accounts/{sid}/` (an empty last segment) becomes `…/Accounts/{sid}.json`.
        let path = format!("{}.json", url.path().trim_end_matches('/'));
        url.set_path(&path);
        let (status, body) = self
            .exchange(self.request(Method::GET, url, account))
            .await?;
        match status {
            200..=299 => {
                let found: AccountResource = serde_json::from_str(&body)
                    .map_err(|e| TwilioError::NoAnswer(format!("an answer we cannot read: {e}")))?;
                Ok(match found.status.as_deref() {
                    Some("suspended" | "closed") => AccountCheck::Inactive,
                    _ => AccountCheck::Active(VerifiedAccount {
                        name: found.friendly_name.unwrap_or_default(),
                        trial: found.kind.as_deref() == Some("Trial"),
                    }),
                })
            }
            // The error code says more than the status: a suspended account answers 401 too.
            _ => match TwilioError::from_response(status, &body) {
                TwilioError::AccountInactive => Ok(AccountCheck::Inactive),
                TwilioError::TestCredentials => Ok(AccountCheck::TestCredentials),
                TwilioError::AuthFailed => Ok(AccountCheck::Refused),
                TwilioError::NotFound => Ok(AccountCheck::NotFound),
                _ if status == 403 => Ok(AccountCheck::Refused),
                other => Err(other),
            },
        }
    }
}
