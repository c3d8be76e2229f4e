//! Versioned schema migrations, applied in order at start-up.

mod m20261127_000001_initial;
mod m20261127_000002_pool_and_purchases;
mod m20261127_000003_routing_and_calls;
mod m20261127_000004_twilio_api_keys;
mod m20261128_000005_lifecycle_and_history;
mod m20261128_000006_twilio_webhook_tokens;
mod m20261128_000007_accounts_and_sessions;
mod m20261130_000008_unique_draft_variant_names;
mod m20261130_000009_purchase_checks;
mod m20261130_000010_number_listing_indexes;
mod m20261130_000011_twilio_account_details;
mod m20261130_000012_sign_in_failures;
mod m20261201_000013_project_changes_and_leases;
mod m20261201_000014_api_keys;
mod m20261201_000015_api_rate_windows;

use sea_orm_migration::prelude::*;

/// All migrations of the Numbers database.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261127_000001_initial::Migration),
            Box::new(m20261127_000002_pool_and_purchases::Migration),
            Box::new(m20261127_000003_routing_and_calls::Migration),
            Box::new(m20261127_000004_twilio_api_keys::Migration),
            Box::new(m20261128_000005_lifecycle_and_history::Migration),
            Box::new(m20261128_000006_twilio_webhook_tokens::Migration),
            Box::new(m20261128_000007_accounts_and_sessions::Migration),
            Box::new(m20261130_000008_unique_draft_variant_names::Migration),
            Box::new(m20261130_000009_purchase_checks::Migration),
            Box::new(m20261130_000010_number_listing_indexes::Migration),
            Box::new(m20261130_000011_twilio_account_details::Migration),
            Box::new(m20261130_000012_sign_in_failures::Migration),
            Box::new(m20261201_000013_project_changes_and_leases::Migration),
            Box::new(m20261201_000014_api_keys::Migration),
            Box::new(m20261201_000015_api_rate_windows::Migration),
        ]
    }
}
