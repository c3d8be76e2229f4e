//! The server's integration tests, in one binary (one link step): each suite is a module,
//! the helpers they share are in `support`.

#[macro_use]
mod support;

mod api_keys;
mod authorisation;
mod deletion;
mod faults;
mod history;
mod identity;
mod instances;
mod integrations;
mod live;
mod migrations;
mod number_listing;
mod purchase;
mod refusals;
mod rest_api;
mod router;
mod secrets;
mod store;
mod trusted_proxy;
mod twilio;
mod twilio_buy;
mod twilio_contract;
mod variant_api;
mod variant_store;
mod webhook;
