//! Twilio's JSON, as much of it as we read. Unknown fields are ignored; most are nullable.

use serde::Deserialize;

/// An IncomingPhoneNumber resource (a number the account owns).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct IncomingPhoneNumber {
    /// `PN…` identifier.
    pub sid: String,
    /// E.164.
    pub phone_number: Option<String>,
    /// Where calls are sent.
    pub voice_url: Option<String>,
    /// The account's label for it (we set it to the purchase's key).
    #[serde(default)]
    pub friendly_name: Option<String>,
    /// A TwiML App its calls go to instead of the voice URL (`AP…`).
    #[serde(default)]
    pub voice_application_sid: Option<String>,
    /// A SIP trunk its calls go to instead of the voice URL (`TK…`).
    #[serde(default)]
    pub trunk_sid: Option<String>,
}

impl IncomingPhoneNumber {
    /// What Twilio sends its calls to instead of its voice URL, if anything (an empty SID
    /// means none).
    pub fn routed_elsewhere(&self) -> Option<String> {
        [&self.voice_application_sid, &self.trunk_sid]
            .into_iter()
            .flatten()
            .find(|sid| !sid.is_empty())
            .cloned()
    }
}

/// A page of IncomingPhoneNumbers.
#[derive(Debug, Deserialize)]
pub struct IncomingPhoneNumberPage {
    /// The numbers on this page.
    #[serde(default)]
    pub incoming_phone_numbers: Vec<IncomingPhoneNumber>,
}

/// Twilio's error body: `{"code": 20404, "message": "...", "status": 404}`.
#[derive(Debug, Deserialize)]
pub struct ErrorBody {
    /// Twilio's error code.
    pub code: Option<u32>,
    /// Twilio's message (not shown to people: it may echo request details).
    pub message: Option<String>,
}

/// A number Twilio offers for sale.
#[derive(Clone, Debug, Deserialize)]
pub struct AvailablePhoneNumber {
    /// E.164.
    pub phone_number: String,
    /// `none`, `any`, `local` or `foreign`: whether buying it needs an address on file.
    #[serde(default)]
    pub address_requirements: Option<String>,
}

/// Search results for numbers for sale (empty: no stock).
#[derive(Debug, Deserialize)]
pub struct AvailablePhoneNumberPage {
    /// The numbers offered.
    #[serde(default)]
    pub available_phone_numbers: Vec<AvailablePhoneNumber>,
}

/// An Account resource, as much of it as verifying credentials reads.
#[derive(Debug, Deserialize)]
pub struct AccountResource {
    /// The account's name in the Twilio Console.
    #[serde(default)]
    pub friendly_name: Option<String>,
    /// `active`, `suspended` or `closed`.
    #[serde(default)]
    pub status: Option<String>,
    /// `Trial` or `Full`.
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
}
