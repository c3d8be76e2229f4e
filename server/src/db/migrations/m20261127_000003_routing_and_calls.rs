//! SIP routing per project environment, and the calls Twilio reported.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

/// Creates `routing_settings` and `calls`.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum RoutingSettings {
    Table,
    Id,
    ProjectId,
    Environment,
    MainSip,
    FallbackSip,
}

#[derive(DeriveIden)]
enum Calls {
    Table,
    Id,
    E164,
    CallSid,
    FromNumber,
    Status,
    ReceivedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(RoutingSettings::Table)
                    .col(pk_auto(RoutingSettings::Id))
                    .col(integer(RoutingSettings::ProjectId))
                    .col(string(RoutingSettings::Environment))
                    .col(string(RoutingSettings::MainSip))
                    .col(string(RoutingSettings::FallbackSip))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_routing_settings_project_env")
                    .table(RoutingSettings::Table)
                    .col(RoutingSettings::ProjectId)
                    .col(RoutingSettings::Environment)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Calls::Table)
                    .col(pk_auto(Calls::Id))
                    .col(string(Calls::E164))
                    .col(string(Calls::CallSid))
                    .col(string(Calls::FromNumber))
                    .col(string(Calls::Status))
                    .col(timestamp_with_time_zone(Calls::ReceivedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_calls_e164")
                    .table(Calls::Table)
                    .col(Calls::E164)
                    .to_owned(),
            )
            .await
    }
}
