//! What the Integrations page shows: the project's telephony integrations (the built-in pool
//! read-only; the Twilio account with what the Connect form needs). SIP peering has no
//! integration kind in this product yet, so no project shows it.

use super::{Environment, ProjectSummary};
use serde::{Deserialize, Serialize};

/// A number a Twilio account carries, as the page lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CarriedNumber {
    /// E.164.
    pub e164: String,
    /// International grouping, e.g. `+1 415-555-0123`.
    pub international: String,
    /// Where it serves.
    pub environment: Environment,
    /// Bought through the account (billed there), rather than the customer's own connected.
    pub bought: bool,
}

/// The project's Twilio account, without its secrets.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TwilioStatus {
    /// `AC…`.
    pub account_sid: String,
    /// The API key REST calls use, if any.
    pub api_key_sid: Option<String>,
    /// The account's friendly name at Twilio, once verified.
    pub account_name: Option<String>,
    /// `Trial` or `Full`, once verified.
    pub account_type: Option<String>,
    /// When Twilio last accepted the credentials (`2026-11-30 09:00 UTC`).
    pub verified_at: Option<String>,
    /// Whether the server can open the stored secrets (if not, they must be entered again).
    pub credentials_readable: bool,
    /// The numbers connected or bought through it.
    pub numbers: Vec<CarriedNumber>,
}

/// The Integrations page of one project.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntegrationsPage {
    /// The project.
    pub project: ProjectSummary,
    /// Whether the member may connect, update and disconnect (Edit).
    pub can_edit: bool,
    /// Whether the platform's number pool serves the project.
    pub built_in: bool,
    /// The Twilio account, if connected.
    pub twilio: Option<TwilioStatus>,
}
