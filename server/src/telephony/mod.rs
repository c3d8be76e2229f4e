//! Telephony adapters: the built-in pool, and start-up reconciliation of interrupted purchases.

pub mod pool;
pub mod reconcile;
pub mod release_worker;
pub mod sip_templates;
pub mod twilio;
pub mod webhook;
