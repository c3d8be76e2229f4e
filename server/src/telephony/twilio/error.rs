//! Twilio failures, mapped from HTTP status and the codes of Twilio's error dictionary
//! (<https://www.twilio.com/docs/api/errors>) for the calls this product makes: searching,
//! buying, finding, updating and releasing IncomingPhoneNumbers.

use super::wire::ErrorBody;
use app::ports::ProviderError;

/// What went wrong talking to Twilio. Messages never contain credentials.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TwilioError {
    /// 401 / 20003: the account SID and token (or API key and secret) were refused.
    #[error("Twilio refused the project's credentials")]
    AuthFailed,
    /// 20005: the account is suspended or closed.
    #[error("the Twilio account is not active")]
    AccountInactive,
    /// 20008: test credentials, which cannot buy or change numbers.
    #[error("Twilio test credentials were used")]
    TestCredentials,
    /// 404 / 20404: no such resource.
    #[error("Twilio has no such resource")]
    NotFound,
    /// 429 / 20429: too many requests.
    #[error("Twilio is rate limiting requests")]
    RateLimited,
    /// 10002 / 21404: a trial account cannot do this (buy a second number, buy this number).
    #[error("the Twilio account is a trial account")]
    TrialAccount,
    /// 21452: no numbers in that area code.
    #[error("Twilio has no numbers in that area code")]
    NoStock,
    /// 21451: invalid area code.
    #[error("Twilio says the area code is invalid")]
    InvalidAreaCode,
    /// 21421: the number is not a valid phone number.
    #[error("Twilio says the number is invalid")]
    InvalidNumber,
    /// 21422: the number is not for sale (any more).
    #[error("the number is not available at Twilio")]
    NumberNotAvailable,
    /// 21615 / 21631: an address is required to buy this number.
    #[error("Twilio requires an address for this number")]
    AddressRequired,
    /// 21649: a regulatory bundle is required (most non-US numbers, GB included).
    #[error("Twilio requires a regulatory bundle for this number")]
    BundleRequired,
    /// The connection could not be made: the request never reached Twilio.
    #[error("Twilio could not be reached ({0})")]
    Unreachable(String),
    /// The request was sent but no answer came (timeout, reset, or a 5xx): Twilio may or may
    /// not have done it.
    #[error("Twilio did not answer ({0})")]
    NoAnswer(String),
    /// An error answer without a Twilio error code.
    #[error("Twilio answered HTTP {0}")]
    Status(u16),
    /// Another Twilio error code.
    #[error("Twilio error {code}")]
    Other {
        /// Twilio's code.
        code: u32,
    },
}

impl TwilioError {
    /// Classifies an error answer from its status and body.
    pub fn from_response(status: u16, body: &str) -> Self {
        let parsed: Option<ErrorBody> = serde_json::from_str(body).ok();
        let code = parsed.as_ref().and_then(|b| b.code);
        if let Some(message) = parsed.as_ref().and_then(|b| b.message.as_deref()) {
            tracing::debug!(status, ?code, message, "Twilio error answer");
        }
        match (status, code) {
            (_, Some(20005)) => Self::AccountInactive,
            (_, Some(20008)) => Self::TestCredentials,
            (_, Some(20429)) | (429, _) => Self::RateLimited,
            (_, Some(10002 | 21404)) => Self::TrialAccount,
            (_, Some(21452)) => Self::NoStock,
            (_, Some(21451)) => Self::InvalidAreaCode,
            (_, Some(21421)) => Self::InvalidNumber,
            (_, Some(21422)) => Self::NumberNotAvailable,
            (_, Some(21615 | 21631)) => Self::AddressRequired,
            (_, Some(21649)) => Self::BundleRequired,
            (_, Some(20003)) | (401, _) => Self::AuthFailed,
            (_, Some(20404)) | (404, _) => Self::NotFound,
            (s, _) if s >= 500 => Self::NoAnswer(format!("HTTP {s}")),
            (_, Some(code)) => Self::Other { code },
            (s, None) => Self::Status(s),
        }
    }

    /// The message the person adding or removing a number sees: what happened and what to do.
    pub fn user_message(&self) -> String {
        match self {
            Self::AuthFailed => "Twilio refused this project's credentials. Update them on the project's Integrations page (Update credentials), then try again.".into(),
            Self::AccountInactive => "The project's Twilio account is suspended or closed. Reactivate it in Twilio's console, then try again.".into(),
            Self::TestCredentials => "The project's Twilio integration uses test credentials, which cannot buy or change numbers. Use the account's live credentials.".into(),
            Self::NotFound => "Twilio does not know that number.".into(),
            Self::RateLimited => "Twilio is busy right now. Wait a minute and try again.".into(),
            Self::TrialAccount => "The project's Twilio account is a trial account, which cannot buy this number (trial accounts hold one number). Upgrade the account in Twilio's console, or release its trial number.".into(),
            Self::NoStock => "Twilio has no numbers available in that area code. Try another area code, or leave it empty for any.".into(),
            Self::InvalidAreaCode => "Twilio does not accept that area code. Check it, or leave it empty for any.".into(),
            Self::InvalidNumber => "Twilio says that is not a valid phone number. Check it and try again.".into(),
            Self::NumberNotAvailable => "That number is no longer for sale at Twilio. Try again for another number.".into(),
            Self::AddressRequired => "Twilio needs an address on file before it sells this number. Add one in Twilio's console (Phone Numbers > Regulatory Compliance > Addresses), then try again.".into(),
            Self::BundleRequired => "Twilio needs an approved regulatory bundle before it sells this number. Create one in Twilio's console (Phone Numbers > Regulatory Compliance > Bundles), then try again.".into(),
            Self::Unreachable(_) => "Twilio could not be reached. Nothing was changed; please try again.".into(),
            Self::NoAnswer(_) => "Twilio did not answer in time; we are checking what happened.".into(),
            Self::Status(status) => format!("Twilio refused the request (HTTP {status}). Please try again; if it keeps happening, check the project's Twilio integration."),
            Self::Other { code } => format!("Twilio refused the request (error {code}); see https://www.twilio.com/docs/api/errors/{code} for what it means."),
        }
    }
}

impl From<TwilioError> for ProviderError {
    fn from(err: TwilioError) -> Self {
        match err {
            TwilioError::Unreachable(_) => ProviderError::Unavailable(err.to_string()),
            TwilioError::NoAnswer(_) => ProviderError::OutcomeUnknown(err.to_string()),
            other => ProviderError::Refused(other.user_message()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_every_code_of_the_calls_we_make() {
        let body = |code: u32| {
            format!(r#"{{"code": {code}, "message": "m", "more_info": "x", "status": 400}}"#)
        };
        for (status, code, expected) in [
            (401, 20003, TwilioError::AuthFailed),
            (401, 20005, TwilioError::AccountInactive),
            (403, 20008, TwilioError::TestCredentials),
            (404, 20404, TwilioError::NotFound),
            (429, 20429, TwilioError::RateLimited),
            (400, 10002, TwilioError::TrialAccount),
            (400, 21404, TwilioError::TrialAccount),
            (400, 21452, TwilioError::NoStock),
            (400, 21451, TwilioError::InvalidAreaCode),
            (400, 21421, TwilioError::InvalidNumber),
            (400, 21422, TwilioError::NumberNotAvailable),
            (400, 21615, TwilioError::AddressRequired),
            (400, 21631, TwilioError::AddressRequired),
            (400, 21649, TwilioError::BundleRequired),
            (400, 12345, TwilioError::Other { code: 12345 }),
        ] {
            assert_eq!(
                TwilioError::from_response(status, &body(code)),
                expected,
                "{code}"
            );
        }
        assert_eq!(
            TwilioError::from_response(429, "not json"),
            TwilioError::RateLimited
        );
        assert_eq!(
            TwilioError::from_response(400, "<html>"),
            TwilioError::Status(400)
        );
        assert_eq!(
            TwilioError::from_response(503, ""),
            TwilioError::NoAnswer("HTTP 503".into())
        );
    }

    #[test]
    fn only_a_missing_answer_leaves_the_outcome_unknown() {
        assert!(matches!(
            ProviderError::from(TwilioError::Unreachable("refused".into())),
            ProviderError::Unavailable(_)
        ));
        assert!(matches!(
            ProviderError::from(TwilioError::NumberNotAvailable),
            ProviderError::Refused(_)
        ));
        assert_eq!(
            ProviderError::from(TwilioError::NoAnswer("timeout".into())),
            ProviderError::OutcomeUnknown("Twilio did not answer (timeout)".into())
        );
    }

    #[test]
    fn user_messages_say_what_to_do_and_never_carry_secrets() {
        let all = [
            TwilioError::AuthFailed,
            TwilioError::AccountInactive,
            TwilioError::TestCredentials,
            TwilioError::TrialAccount,
            TwilioError::AddressRequired,
            TwilioError::BundleRequired,
            TwilioError::Unreachable("HTTP 500".into()),
            TwilioError::Status(418),
            TwilioError::Other { code: 1 },
        ];
        for err in all {
            let m = err.user_message();
            assert!(!m.contains("token=") && !m.contains("AC0"), "{m}");
            assert!(m.ends_with('.'), "{m}");
        }
    }
}
