//! Ports: the traits use cases call, by area (storage, telephony, identity, the clock), and
//! [`Services`], which bundles them with the settings they run under. Their adapters live in
//! the `server` crate (`db::store`, `telephony`, `identity`, `clock`).

mod api_key_store;
mod change_feed;
mod identity;
mod integration_store;
mod storage;
mod telephony;
mod work_leases;

pub use api_key_store::*;
pub use change_feed::*;
pub use identity::*;
pub use integration_store::*;
pub use storage::*;
pub use telephony::*;
pub use work_leases::*;

use crate::domain::UnixSeconds;
use std::sync::Arc;

/// Where the current time comes from, so tests can fix it.
pub trait Clock: Send + Sync {
    /// Seconds since the Unix epoch.
    fn now(&self) -> UnixSeconds;
}

/// Settings the use cases and server functions run under (from configuration).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// How long a deleted number can be restored before it is released, in seconds.
    pub undo_window_secs: i64,
    /// Whether session cookies are marked `Secure` (served over HTTPS).
    pub secure_cookies: bool,
    /// Where Twilio sends calls to connected numbers: `{public URL}/telephony/twilio/voice`.
    pub voice_webhook_url: String,
    /// How long after Twilio failed to answer a purchase, connection or disconnection the
    /// provider is asked what happened, in seconds (long enough for a late request to land).
    pub check_after_secs: i64,
    /// This instance's name in work leases (random per process).
    pub instance: String,
    /// Requests one API key may make per minute (`NUMBERS_API_RATE_LIMIT`).
    pub api_requests_per_minute: u64,
}

/// The ports bundled together and provided to server functions through Leptos context.
#[derive(Clone)]
pub struct Services {
    /// Project and number storage.
    pub projects: Arc<dyn ProjectStore>,
    /// Variant, publication and assignment changes.
    pub variants: Arc<dyn VariantStore>,
    /// Purchase attempts.
    pub purchases: Arc<dyn PurchaseStore>,
    /// The built-in number pool.
    pub pool: Arc<dyn TelephonyProvider>,
    /// Connected numbers.
    pub connections: Arc<dyn ConnectionStore>,
    /// Customers' Twilio accounts.
    pub twilio: Arc<dyn TwilioAccounts>,
    /// The Twilio integrations those accounts are stored in.
    pub integrations: Arc<dyn IntegrationStore>,
    /// Inbound routing.
    pub routing: Arc<dyn RoutingStore>,
    /// Deleting, undoing and releasing numbers.
    pub lifecycle: Arc<dyn LifecycleStore>,
    /// The audit log.
    pub history: Arc<dyn HistoryStore>,
    /// The feed of changes open pages follow.
    pub changes: Arc<dyn ChangeFeed>,
    /// Turns at background work shared with other instances.
    pub leases: Arc<dyn WorkLeases>,
    /// The projects' API keys.
    pub api_keys: Arc<dyn ApiKeyStore>,
    /// Built-in accounts and sessions.
    pub identity: Arc<dyn Identity>,
    /// The current time.
    pub clock: Arc<dyn Clock>,
    /// Settings from configuration.
    pub settings: Settings,
}
