//! [`TwilioClient`]: HTTP Basic auth, form-encoded bodies, Twilio errors mapped to ours.

use super::error::TwilioError;
use super::wire::{AvailablePhoneNumberPage, IncomingPhoneNumber, IncomingPhoneNumberPage};
use app::domain::E164;
use app::ports::{BoughtNumber, BuyRequest, OwnedNumber, ProviderError, TwilioAccount};
use reqwest::{Method, RequestBuilder};
use std::time::Duration;
use url::Url;

/// A Twilio REST client for one base URL (Twilio's, or a local fake in tests).
#[derive(Clone, Debug)]
pub struct TwilioClient {
    http: reqwest::Client,
    base: Url,
}

/// An account SID is `AC` followed by 32 hex digits.
fn valid_sid(sid: &str) -> bool {
    sid.len() == 34 && sid.starts_with("AC") && sid[2..].bytes().all(|b| b.is_ascii_hexdigit())
}

impl TwilioClient {
    /// A client for `base_url` (e.g. `https://api.twilio.com`) giving up after `timeout`.
    pub fn new(base_url: &str, timeout: Duration) -> Result<Self, String> {
        let base = Url::parse(base_url)
            .map_err(|e| format!("invalid Twilio base URL {base_url:?}: {e}"))?;
        let http = reqwest::Client::builder()
            .timeout(timeout)
            .build()
            .map_err(|e| format!("cannot build the HTTP client: {e}"))?;
        Ok(Self { http, base })
    }

    /// `{base}/2010-04-01/Accounts/{sid}/{path}`.
    pub(super) fn url(&self, account: &TwilioAccount, path: &[&str]) -> Result<Url, TwilioError> {
        if !valid_sid(&account.account_sid) {
            return Err(TwilioError::AuthFailed);
        }
        let mut url = self.base.clone();
        url.path_segments_mut()
            .map_err(|_| TwilioError::Unreachable("the base URL cannot have a path".into()))?
            .pop_if_empty()
            .extend(["2010-04-01", "Accounts", account.account_sid.as_str()])
            .extend(path);
        Ok(url)
    }

    pub(super) fn request(
        &self,
        method: Method,
        url: Url,
        account: &TwilioAccount,
    ) -> RequestBuilder {
        self.http.request(method, url).basic_auth(
            account
                .api_key_sid
                .as_deref()
                .unwrap_or(&account.account_sid),
            Some(&account.auth_token),
        )
    }

    /// Sends a request and reads its status and body, mapping failures: a connection that was
    /// never made is [`TwilioError::Unreachable`] (nothing reached Twilio); a request sent
    /// whose answer did not come back is [`TwilioError::NoAnswer`] (Twilio may have acted).
    pub(super) async fn exchange(
        &self,
        request: RequestBuilder,
    ) -> Result<(u16, String), TwilioError> {
        let no_answer = |e: reqwest::Error| {
            if e.is_connect() {
                TwilioError::Unreachable(format!("connection failed: {}", e.without_url()))
            } else if e.is_timeout() {
                TwilioError::NoAnswer("timed out".into())
            } else {
                TwilioError::NoAnswer(format!("{}", e.without_url()))
            }
        };
        let response = request.send().await.map_err(no_answer)?;
        let status = response.status().as_u16();
        let body = response.text().await.map_err(no_answer)?;
        Ok((status, body))
    }

    /// Sends a request and reads a JSON answer, mapping errors.
    async fn send<T: serde::de::DeserializeOwned>(
        &self,
        request: RequestBuilder,
    ) -> Result<T, TwilioError> {
        let (status, body) = self.exchange(request).await?;
        if !(200..300).contains(&status) {
            return Err(TwilioError::from_response(status, &body));
        }
        serde_json::from_str(&body)
            .map_err(|e| TwilioError::NoAnswer(format!("an answer we cannot read: {e}")))
    }

    /// The account's IncomingPhoneNumber for `number`, if it owns it.
    pub async fn find_incoming(
        &self,
        account: &TwilioAccount,
        number: &E164,
    ) -> Result<Option<IncomingPhoneNumber>, TwilioError> {
        let mut url = self.url(account, &["IncomingPhoneNumbers.json"])?;
        url.query_pairs_mut()
            .append_pair("PhoneNumber", number.as_str());
        let page: IncomingPhoneNumberPage =
            self.send(self.request(Method::GET, url, account)).await?;
        Ok(page
            .incoming_phone_numbers
            .into_iter()
            .find(|n| n.phone_number.as_deref() == Some(number.as_str())))
    }

    /// Numbers for sale matching `request` (US: by area code; GB: any local number), one page.
    pub async fn search(
        &self,
        account: &TwilioAccount,
        request: &BuyRequest,
    ) -> Result<Vec<E164>, TwilioError> {
        let country = request.country.iso_code();
        let mut url = self.url(account, &["AvailablePhoneNumbers", country, "Local.json"])?;
        {
            let mut query = url.query_pairs_mut();
            if let Some(area) = request.area_code {
                query.append_pair("AreaCode", &area.to_string());
            }
            query
                .append_pair("VoiceEnabled", "true")
                .append_pair("PageSize", OFFERS_PER_SEARCH);
        }
        let page: AvailablePhoneNumberPage =
            self.send(self.request(Method::GET, url, account)).await?;
        let offered = page.available_phone_numbers.len();
        let buyable: Vec<E164> = page
            .available_phone_numbers
            .into_iter()
            .filter(|n| {
                n.address_requirements
                    .as_deref()
                    .is_none_or(|r| r == "none")
            })
            .filter_map(|n| E164::parse(&n.phone_number).ok())
            .collect();
        if offered > 0 && buyable.is_empty() {
            // Every offer needs an address (common for GB): say so rather than "no stock".
            return Err(TwilioError::AddressRequired);
        }
        Ok(buyable)
    }

    /// Buys `number`, naming it `friendly_name` and sending its calls to `voice_url`.
    pub async fn buy(
        &self,
        account: &TwilioAccount,
        number: &E164,
        friendly_name: &str,
        voice_url: &str,
    ) -> Result<IncomingPhoneNumber, TwilioError> {
        let url = self.url(account, &["IncomingPhoneNumbers.json"])?;
        let form = [
            ("PhoneNumber", number.as_str()),
            ("FriendlyName", friendly_name),
            ("VoiceUrl", voice_url),
            ("VoiceMethod", "POST"),
        ];
        self.send(self.request(Method::POST, url, account).form(&form))
            .await
    }

    /// The account's numbers named `friendly_name` (how an interrupted purchase is found).
    pub async fn find_by_friendly_name(
        &self,
        account: &TwilioAccount,
        friendly_name: &str,
    ) -> Result<Vec<IncomingPhoneNumber>, TwilioError> {
        let mut url = self.url(account, &["IncomingPhoneNumbers.json"])?;
        url.query_pairs_mut()
            .append_pair("FriendlyName", friendly_name);
        let page: IncomingPhoneNumberPage =
            self.send(self.request(Method::GET, url, account)).await?;
        Ok(page
            .incoming_phone_numbers
            .into_iter()
            .filter(|n| n.friendly_name.as_deref() == Some(friendly_name))
            .collect())
    }

    /// Releases the account's number `sid` (billing stops; irreversible at Twilio).
    pub async fn release(&self, account: &TwilioAccount, sid: &str) -> Result<(), TwilioError> {
        let resource = format!("{sid}.json");
        let url = self.url(account, &["IncomingPhoneNumbers", resource.as_str()])?;
        let (status, body) = self
            .exchange(self.request(Method::DELETE, url, account))
            .await?;
        if (200..300).contains(&status) {
            return Ok(());
        }
        Err(TwilioError::from_response(status, &body))
    }

    /// Sets the voice URL of the account's number `sid`.
    pub async fn update_voice_url(
        &self,
        account: &TwilioAccount,
        sid: &str,
        voice_url: &str,
    ) -> Result<IncomingPhoneNumber, TwilioError> {
        let resource = format!("{sid}.json");
        let url = self.url(account, &["IncomingPhoneNumbers", resource.as_str()])?;
        let form = [("VoiceUrl", voice_url), ("VoiceMethod", "POST")];
        self.send(self.request(Method::POST, url, account).form(&form))
            .await
    }
}

/// Offers one search returns, and so the most one purchase tries: an offer another buyer took
/// meanwhile is skipped for the next (Twilio error 21422, or the account's own number answered
/// back), so concurrent buyers all succeed while the page has an offer for each.
const OFFERS_PER_SEARCH: &str = "20";

#[async_trait::async_trait]
impl app::ports::TwilioAccounts for TwilioClient {
    async fn check_account(
        &self,
        account: &TwilioAccount,
    ) -> Result<app::ports::AccountCheck, ProviderError> {
        self.fetch_account(account).await.map_err(read_error)
    }

    async fn find_owned(
        &self,
        account: &TwilioAccount,
        number: &E164,
    ) -> Result<Option<OwnedNumber>, ProviderError> {
        let found = self
            .find_incoming(account, number)
            .await
            .inspect_err(|err| {
                tracing::warn!(%err, account = account.account_sid, "Twilio lookup failed");
            })
            .map_err(read_error)?;
        Ok(found.map(|n| OwnedNumber {
            routed_elsewhere: n.routed_elsewhere(),
            sid: n.sid,
            voice_url: n.voice_url,
        }))
    }

    async fn find_tagged(
        &self,
        account: &TwilioAccount,
        tag: &str,
    ) -> Result<Vec<BoughtNumber>, ProviderError> {
        let found = self
            .find_by_friendly_name(account, tag)
            .await
            .map_err(read_error)?;
        Ok(found
            .into_iter()
            .filter_map(|n| {
                let e164 = E164::parse(n.phone_number.as_deref()?).ok()?;
                Some(BoughtNumber { e164, sid: n.sid })
            })
            .collect())
    }

    async fn buy(
        &self,
        account: &TwilioAccount,
        request: &BuyRequest,
        tag: &str,
        voice_url: &str,
    ) -> Result<BoughtNumber, ProviderError> {
        let no_stock = || match request.area_code {
            Some(area) => ProviderError::NoStockInArea(area),
            None => ProviderError::NoStock(request.country),
        };
        let offered = self
            .search(account, request)
            .await
            .map_err(|err| match err {
                TwilioError::NoStock => no_stock(),
                other => read_error(other),
            })?;
        for number in &offered {
            match TwilioClient::buy(self, account, number, tag, voice_url).await {
                // Ours only if it carries this attempt's label: Twilio answers a number the
                // account already owns with that number's record, which is not ours to keep.
                Ok(bought) if bought.friendly_name.as_deref() == Some(tag) => {
                    let e164 = bought
                        .phone_number
                        .as_deref()
                        .and_then(|p| E164::parse(p).ok())
                        .unwrap_or_else(|| number.clone());
                    return Ok(BoughtNumber {
                        e164,
                        sid: bought.sid,
                    });
                }
                Ok(theirs) => {
                    tracing::warn!(sid = theirs.sid, %number, "Twilio answered with a number the account already owned; trying the next offer");
                }
                Err(TwilioError::NumberNotAvailable) => {
                    tracing::info!(%number, "an offered number was taken meanwhile; trying the next offer");
                }
                // Unanswered: Twilio may have bought it, so nothing more is tried.
                Err(err) => return Err(err.into()),
            }
        }
        Err(no_stock())
    }

    async fn release(&self, account: &TwilioAccount, number: &E164) -> Result<(), ProviderError> {
        match self
            .find_incoming(account, number)
            .await
            .map_err(read_error)?
        {
            Some(owned) => Ok(TwilioClient::release(self, account, &owned.sid).await?),
            None => Ok(()),
        }
    }

    async fn release_sid(&self, account: &TwilioAccount, sid: &str) -> Result<(), ProviderError> {
        match TwilioClient::release(self, account, sid).await {
            Ok(()) | Err(TwilioError::NotFound) => Ok(()),
            Err(err) => Err(err.into()),
        }
    }

    async fn set_voice_url(
        &self,
        account: &TwilioAccount,
        sid: &str,
        voice_url: &str,
    ) -> Result<(), ProviderError> {
        self.update_voice_url(account, sid, voice_url)
            .await
            .map(drop)
            .inspect_err(|err| tracing::warn!(%err, sid, "Twilio voice URL update failed"))
            .map_err(Into::into)
    }
}

/// A failed read (search, lookup): it changed nothing, so an unanswered one is simply
/// unavailable, never of unknown outcome.
fn read_error(err: TwilioError) -> ProviderError {
    match err {
        TwilioError::NoAnswer(detail) => ProviderError::Unavailable(detail),
        other => other.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_sids_are_checked() {
        assert!(valid_sid("AC0123456789abcdef0123456789abcdef"));
        assert!(!valid_sid("AC0123"));
        assert!(!valid_sid("SK0123456789abcdef0123456789abcdef"));
        assert!(!valid_sid("AC0123456789abcdef0123456789abcdeg"));
    }
}
