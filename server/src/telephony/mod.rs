//! Telephony adapters: the built-in pool, the Twilio client, start-up reconciliation of
//! interrupted purchases, and the release worker.

pub mod pool;
pub mod reconcile;
pub mod release_worker;
pub mod sip_templates;
pub mod twilio;
