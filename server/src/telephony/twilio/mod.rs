//! A thin client of Twilio's REST API (2010-04-01): the calls the Numbers page needs.

mod account_check;
mod client;
mod error;
pub mod signature;
mod wire;

pub use client::TwilioClient;
pub use error::TwilioError;
pub use wire::IncomingPhoneNumber;
