//! Twilio credentials as typed into the Connect Twilio account form, checked for shape before
//! Twilio is asked. Shapes from Twilio's docs ("API keys", "Auth tokens"): an Account SID is
//! `AC` and an API key SID `SK`, each followed by 32 hexadecimal digits; tokens and secrets are
//! opaque strings.

use serde::{Deserialize, Serialize};

/// Longest auth token or API key secret accepted (Twilio's are 32 characters).
const MAX_SECRET_LEN: usize = 128;

/// A secret as typed or configured (an auth token, an API key secret, a sealing key):
/// serialised as the plain string, shown as `<redacted>` by `Debug` so a logged request or
/// configuration never carries it.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SecretText(pub String);

impl std::fmt::Debug for SecretText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("<redacted>")
    }
}

/// An API key: its SID and the secret shown once when it was created.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiKey {
    /// `SK` + 32 lowercase hex digits.
    pub sid: String,
    /// The key's secret.
    pub secret: String,
}

/// Checked credentials: the account, its auth token (Twilio signs webhooks with it), and
/// optionally an API key the REST calls use instead of the token. `Debug` hides secrets.
#[derive(Clone, PartialEq, Eq)]
pub struct TwilioCredentials {
    /// `AC` + 32 lowercase hex digits.
    pub account_sid: String,
    /// The account's auth token.
    pub auth_token: String,
    /// An API key for REST calls, if given.
    pub api_key: Option<ApiKey>,
}

impl std::fmt::Debug for TwilioCredentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TwilioCredentials")
            .field("account_sid", &self.account_sid)
            .field("api_key_sid", &self.api_key.as_ref().map(|k| &k.sid))
            .finish_non_exhaustive()
    }
}

/// A field of the form that was refused, and why (in the words the form shows).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CredentialsError {
    /// `account_sid`, `auth_token`, `api_key_sid` or `api_key_secret`.
    pub field: &'static str,
    /// What to fix.
    pub message: String,
}

impl CredentialsError {
    fn new(field: &'static str, message: impl Into<String>) -> Self {
        Self {
            field,
            message: message.into(),
        }
    }
}

/// `prefix` + 32 hex digits (either case), returned with the digits in lowercase.
fn sid(input: &str, prefix: &str) -> Option<String> {
    let digits = input.strip_prefix(prefix)?;
    (digits.len() == 32 && digits.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| format!("{prefix}{}", digits.to_ascii_lowercase()))
}

/// A token or secret: present, without spaces, at most [`MAX_SECRET_LEN`] characters.
fn secret(input: &str, field: &'static str, what: &str) -> Result<String, CredentialsError> {
    if input.is_empty() {
        return Err(CredentialsError::new(field, format!("Enter the {what}.")));
    }
    if input.chars().any(char::is_whitespace) || input.chars().count() > MAX_SECRET_LEN {
        return Err(CredentialsError::new(
            field,
            format!("That is not a Twilio {what}: paste it exactly as Twilio shows it."),
        ));
    }
    Ok(input.to_owned())
}

impl TwilioCredentials {
    /// Checks the four fields as typed (surrounding spaces ignored); the API key SID and
    /// secret go together or not at all. Every field in error is named, in form order.
    pub fn parse(
        account_sid: &str,
        auth_token: &str,
        api_key_sid: &str,
        api_key_secret: &str,
    ) -> Result<Self, Vec<CredentialsError>> {
        let account_sid = sid(account_sid.trim(), "AC").ok_or_else(|| {
            CredentialsError::new(
                "account_sid",
                "An Account SID is AC followed by 32 letters and digits (0-9, a-f), e.g. AC0123456789abcdef0123456789abcdef.",
            )
        });
        let auth_token = secret(auth_token.trim(), "auth_token", "auth token");
        let api_key = match (api_key_sid.trim(), api_key_secret.trim()) {
            ("", "") => Ok(None),
            ("", _) => Err(vec![CredentialsError::new(
                "api_key_sid",
                "Enter the API key's SID too, or leave both API key fields empty.",
            )]),
            (key_sid, key_secret) => {
                let sid = sid(key_sid, "SK").ok_or_else(|| {
                    CredentialsError::new(
                        "api_key_sid",
                        "An API key SID is SK followed by 32 letters and digits (0-9, a-f).",
                    )
                });
                let secret = secret(key_secret, "api_key_secret", "API key secret");
                match (sid, secret) {
                    (Ok(sid), Ok(secret)) => Ok(Some(ApiKey { sid, secret })),
                    (sid, secret) => Err([sid.err(), secret.err()].into_iter().flatten().collect()),
                }
            }
        };
        match (account_sid, auth_token, api_key) {
            (Ok(account_sid), Ok(auth_token), Ok(api_key)) => Ok(Self {
                account_sid,
                auth_token,
                api_key,
            }),
            (account_sid, auth_token, api_key) => {
                let mut errors: Vec<CredentialsError> = [account_sid.err(), auth_token.err()]
                    .into_iter()
                    .flatten()
                    .collect();
                errors.extend(api_key.err().unwrap_or_default());
                Err(errors)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SID: &str = "AC0123456789abcdef0123456789abcdef";
    const KEY: &str = "SK0123456789ABCDEF0123456789abcdef";

    fn refused(sid: &str, token: &str, key: &str, secret: &str) -> (&'static str, String) {
        let err = TwilioCredentials::parse(sid, token, key, secret).unwrap_err();
        (err[0].field, err[0].message.clone())
    }

    #[test]
    fn reads_a_token_alone_or_with_an_api_key() {
        let plain = TwilioCredentials::parse(&format!(" {SID} "), "demo-token", "", "").unwrap();
        assert_eq!(plain.account_sid, SID);
        assert_eq!(plain.auth_token, "demo-token");
        assert!(plain.api_key.is_none());
        let keyed = TwilioCredentials::parse(SID, "t", KEY, "key-secret").unwrap();
        let key = keyed.api_key.clone().unwrap();
        assert_eq!(key.sid, "SK0123456789abcdef0123456789abcdef");
        assert_eq!(key.secret, "key-secret");
        let shown = format!("{keyed:?}");
        assert!(
            !shown.contains("key-secret") && !shown.contains("\"t\""),
            "{shown}"
        );
    }

    #[test]
    fn names_the_field_to_fix() {
        assert_eq!(refused("AC123", "t", "", "").0, "account_sid");
        assert_eq!(
            refused("SK0123456789abcdef0123456789abcdef", "t", "", "").0,
            "account_sid"
        );
        assert_eq!(
            refused(SID, "", "", ""),
            ("auth_token", "Enter the auth token.".into())
        );
        assert_eq!(refused(SID, "two words", "", "").0, "auth_token");
        assert_eq!(refused(SID, "t", "", "secret").0, "api_key_sid");
        assert_eq!(refused(SID, "t", "SK12", "secret").0, "api_key_sid");
        assert_eq!(
            refused(SID, "t", KEY, ""),
            ("api_key_secret", "Enter the API key secret.".into())
        );
        assert_eq!(refused(SID, &"x".repeat(129), "", "").0, "auth_token");
        let all = TwilioCredentials::parse("", "", "SK1", "").unwrap_err();
        let fields: Vec<&str> = all.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            ["account_sid", "auth_token", "api_key_sid", "api_key_secret"]
        );
    }
}
