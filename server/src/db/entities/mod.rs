//! sea-orm entities, one file per table.

pub mod account;
pub mod api_key;
pub mod call;
pub mod member;
pub mod number;
pub mod number_event;
pub mod pool_number;
pub mod project;
pub mod project_change;
pub mod published_version;
pub mod published_version_variant;
pub mod purchase;
pub mod routing_setting;
pub mod session;
pub mod sign_in_failure;
pub mod telephony_integration;
pub mod variant;
pub mod work_lease;
