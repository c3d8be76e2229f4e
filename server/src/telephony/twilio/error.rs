//! Twilio failures, mapped from HTTP status and Twilio's error codes.

use super::wire::ErrorBody;
use app::ports::ProviderError;

/// What went wrong talking to Twilio. Messages never contain credentials.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TwilioError {
    /// 401 / 20003: the account SID and token (or API key) were refused.
    #[error("Twilio refused the project's credentials")]
    AuthFailed,
    /// 404 / 20404: no such resource.
    #[error("Twilio has no such resource")]
    NotFound,
    /// 429 / 20429: too many requests.
    #[error("Twilio is rate limiting requests")]
    RateLimited,
    /// 21452: no numbers in that area code.
    #[error("Twilio has no numbers in that area code")]
    NoStock,
    /// 21451: invalid area code.
    #[error("Twilio says the area code is invalid")]
    InvalidAreaCode,
    /// 21421 / 21422: the number is invalid or not available.
    #[error("the number is not available at Twilio")]
    NumberNotAvailable,
    /// 21631 / 21649: an address or regulatory bundle is required.
    #[error("Twilio requires an address or regulatory bundle for this number")]
    RegulationRequired,
    /// 5xx, or an unreadable answer.
    #[error("Twilio is unavailable ({0})")]
    Unavailable(String),
    /// No answer in time.
    #[error("Twilio did not answer in time")]
    Timeout,
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
            (_, Some(20003)) | (401, _) => Self::AuthFailed,
            (_, Some(20429)) | (429, _) => Self::RateLimited,
            (_, Some(21452)) => Self::NoStock,
            (_, Some(21451)) => Self::InvalidAreaCode,
            (_, Some(21421 | 21422)) => Self::NumberNotAvailable,
            (_, Some(21631 | 21649)) => Self::RegulationRequired,
            (_, Some(20404)) | (404, _) => Self::NotFound,
            (s, _) if s >= 500 => Self::Unavailable(format!("HTTP {s}")),
            (_, Some(code)) => Self::Other { code },
            (s, None) => Self::Other { code: u32::from(s) },
        }
    }

    /// The message the person adding or removing a number sees.
    pub fn user_message(&self) -> String {
        match self {
            Self::AuthFailed => "Twilio refused this project's credentials. Ask your PolyAI account manager to update the Twilio integration.".into(),
            Self::NotFound => "Twilio does not know that number.".into(),
            Self::RateLimited => "Twilio is busy right now. Wait a minute and try again.".into(),
            Self::NoStock => "Twilio has no numbers available in that area code.".into(),
            Self::InvalidAreaCode => "Twilio does not accept that area code.".into(),
            Self::NumberNotAvailable => "That number is not available at Twilio.".into(),
            Self::RegulationRequired => "Twilio requires an approved address or regulatory bundle for this number.".into(),
            Self::Unavailable(_) | Self::Timeout => "Twilio could not be reached. Nothing was changed; please try again.".into(),
            Self::Other { code } => format!("Twilio refused the request (error {code})."),
        }
    }
}

impl From<TwilioError> for ProviderError {
    fn from(err: TwilioError) -> Self {
        match err {
            TwilioError::Unavailable(_) | TwilioError::Timeout => {
                ProviderError::Unavailable(err.to_string())
            }
            other => ProviderError::Refused(other.user_message()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_codes_and_statuses() {
        let body = |code: u32| {
            format!(r#"{{"code": {code}, "message": "m", "more_info": "x", "status": 400}}"#)
        };
        assert_eq!(
            TwilioError::from_response(401, &body(20003)),
            TwilioError::AuthFailed
        );
        assert_eq!(
            TwilioError::from_response(404, &body(20404)),
            TwilioError::NotFound
        );
        assert_eq!(
            TwilioError::from_response(429, "not json"),
            TwilioError::RateLimited
        );
        assert_eq!(
            TwilioError::from_response(400, &body(21452)),
            TwilioError::NoStock
        );
        assert_eq!(
            TwilioError::from_response(400, &body(21631)),
            TwilioError::RegulationRequired
        );
        assert_eq!(
            TwilioError::from_response(400, &body(21649)),
            TwilioError::RegulationRequired
        );
        assert_eq!(
            TwilioError::from_response(400, &body(21422)),
            TwilioError::NumberNotAvailable
        );
        assert_eq!(
            TwilioError::from_response(503, ""),
            TwilioError::Unavailable("HTTP 503".into())
        );
        assert_eq!(
            TwilioError::from_response(400, &body(12345)),
            TwilioError::Other { code: 12345 }
        );
    }

    #[test]
    fn user_messages_never_carry_secrets() {
        let all = [
            TwilioError::AuthFailed,
            TwilioError::Unavailable("HTTP 500".into()),
            TwilioError::Other { code: 1 },
        ];
        for err in all {
            let m = err.user_message();
            assert!(!m.contains("token") && !m.contains("AC0"), "{m}");
        }
    }
}
