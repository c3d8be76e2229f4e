//! The first schema: projects, members, integrations, variants, publications, numbers.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

/// Creates every table of the first release.
#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Projects {
    Table,
    Id,
    Slug,
    Name,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Members {
    Table,
    Id,
    ProjectId,
    Email,
    NumbersPermission,
}

#[derive(DeriveIden)]
enum TelephonyIntegrations {
    Table,
    Id,
    ProjectId,
    Kind,
    TwilioAccountSid,
    TwilioAuthToken,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Variants {
    Table,
    Id,
    ProjectId,
    Name,
    Position,
    CreatedAt,
    DeletedAt,
}

#[derive(DeriveIden)]
enum PublishedVersions {
    Table,
    Id,
    ProjectId,
    Environment,
    Version,
    PublishedBy,
    PublishedAt,
}

#[derive(DeriveIden)]
enum PublishedVersionVariants {
    Table,
    PublishedVersionId,
    VariantId,
}

#[derive(DeriveIden)]
enum Numbers {
    Table,
    Id,
    E164,
    ProjectId,
    Environment,
    IntegrationId,
    Ownership,
    VariantId,
    PreviousVoiceUrl,
    CreatedBy,
    CreatedAt,
}

/// A foreign key from `table.column` to `projects.id`, deleted with the project.
fn to_project(table: impl IntoIden, column: impl IntoIden) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, column)
        .to(Projects::Table, Projects::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Projects::Table)
                    .col(pk_auto(Projects::Id))
                    .col(string_uniq(Projects::Slug))
                    .col(string(Projects::Name))
                    .col(timestamp_with_time_zone(Projects::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Members::Table)
                    .col(pk_auto(Members::Id))
                    .col(integer(Members::ProjectId))
                    .col(string(Members::Email))
                    .col(string(Members::NumbersPermission))
                    .foreign_key(&mut to_project(Members::Table, Members::ProjectId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_members_project_email")
                    .table(Members::Table)
                    .col(Members::ProjectId)
                    .col(Members::Email)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(TelephonyIntegrations::Table)
                    .col(pk_auto(TelephonyIntegrations::Id))
                    .col(integer(TelephonyIntegrations::ProjectId))
                    .col(string(TelephonyIntegrations::Kind))
                    .col(string_null(TelephonyIntegrations::TwilioAccountSid))
                    .col(string_null(TelephonyIntegrations::TwilioAuthToken))
                    .col(timestamp_with_time_zone(TelephonyIntegrations::CreatedAt))
                    .foreign_key(&mut to_project(
                        TelephonyIntegrations::Table,
                        TelephonyIntegrations::ProjectId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Variants::Table)
                    .col(pk_auto(Variants::Id))
                    .col(integer(Variants::ProjectId))
                    .col(string(Variants::Name))
                    .col(integer(Variants::Position))
                    .col(timestamp_with_time_zone(Variants::CreatedAt))
                    .col(timestamp_with_time_zone_null(Variants::DeletedAt))
                    .foreign_key(&mut to_project(Variants::Table, Variants::ProjectId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PublishedVersions::Table)
                    .col(pk_auto(PublishedVersions::Id))
                    .col(integer(PublishedVersions::ProjectId))
                    .col(string(PublishedVersions::Environment))
                    .col(integer(PublishedVersions::Version))
                    .col(string(PublishedVersions::PublishedBy))
                    .col(timestamp_with_time_zone(PublishedVersions::PublishedAt))
                    .foreign_key(&mut to_project(
                        PublishedVersions::Table,
                        PublishedVersions::ProjectId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_published_versions_project_env_version")
                    .table(PublishedVersions::Table)
                    .col(PublishedVersions::ProjectId)
                    .col(PublishedVersions::Environment)
                    .col(PublishedVersions::Version)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PublishedVersionVariants::Table)
                    .col(integer(PublishedVersionVariants::PublishedVersionId))
                    .col(integer(PublishedVersionVariants::VariantId))
                    .primary_key(
                        Index::create()
                            .col(PublishedVersionVariants::PublishedVersionId)
                            .col(PublishedVersionVariants::VariantId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                PublishedVersionVariants::Table,
                                PublishedVersionVariants::PublishedVersionId,
                            )
                            .to(PublishedVersions::Table, PublishedVersions::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                PublishedVersionVariants::Table,
                                PublishedVersionVariants::VariantId,
                            )
                            .to(Variants::Table, Variants::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Numbers::Table)
                    .col(pk_auto(Numbers::Id))
                    .col(string_uniq(Numbers::E164))
                    .col(integer(Numbers::ProjectId))
                    .col(string(Numbers::Environment))
                    .col(integer(Numbers::IntegrationId))
                    .col(string(Numbers::Ownership))
                    .col(integer_null(Numbers::VariantId))
                    .col(string_null(Numbers::PreviousVoiceUrl))
                    .col(string(Numbers::CreatedBy))
                    .col(timestamp_with_time_zone(Numbers::CreatedAt))
                    .foreign_key(&mut to_project(Numbers::Table, Numbers::ProjectId))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Numbers::Table, Numbers::IntegrationId)
                            .to(TelephonyIntegrations::Table, TelephonyIntegrations::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Numbers::Table, Numbers::VariantId)
                            .to(Variants::Table, Variants::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_numbers_project")
                    .table(Numbers::Table)
                    .col(Numbers::ProjectId)
                    .to_owned(),
            )
            .await
    }
}
