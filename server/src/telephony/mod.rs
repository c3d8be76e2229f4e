//! Telephony adapters: the built-in pool, the Twilio client, and the worker that releases
//! deleted numbers and settles what Twilio did not answer.

pub mod pool;
pub mod sip_templates;
pub mod twilio;
pub mod worker;
