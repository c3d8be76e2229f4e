//! [`ProjectStore`] over sea-orm.

use super::{SeaStore, corrupt, load};
use crate::db::entities::{member, number, project, routing_setting, telephony_integration};
use app::domain::{
    E164, Environment, IntegrationKind, NumberRecord, Ownership, Permission, ProjectOverview,
    ProjectSlug, ProjectSummary, SipRoute, Variant,
};
use app::ports::{ProjectStore, StoreError};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

#[async_trait::async_trait]
impl ProjectStore for SeaStore {
    async fn overview(&self, slug: &ProjectSlug) -> Result<Option<ProjectOverview>, StoreError> {
        let Some(project) = load::project_by_slug(&self.db, slug.as_str()).await? else {
            return Ok(None);
        };
        let integrations = telephony_integration::Entity::find()
            .filter(telephony_integration::Column::ProjectId.eq(project.id))
            .order_by_asc(telephony_integration::Column::Id)
            .all(&self.db)
            .await?
            .into_iter()
            .map(|row| {
                IntegrationKind::parse(&row.kind)
                    .map(|kind| (row.id, kind))
                    .ok_or_else(|| corrupt("telephony_integrations", row.id, "kind"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let variants = load::variants_of(&self.db, project.id).await?;
        let publications = load::publications(&self.db, project.id, &variants).await?;
        let numbers = number::Entity::find()
            .filter(number::Column::ProjectId.eq(project.id))
            .order_by_asc(number::Column::CreatedAt)
            .order_by_asc(number::Column::Id)
            .all(&self.db)
            .await?;

        let sip_routes = routing_setting::Entity::find()
            .filter(routing_setting::Column::ProjectId.eq(project.id))
            .all(&self.db)
            .await?
            .into_iter()
            .filter_map(|r| {
                Environment::parse(&r.environment).ok().map(|env| {
                    (
                        env,
                        SipRoute {
                            main: r.main_sip,
                            fallback: r.fallback_sip,
                        },
                    )
                })
            })
            .collect();
        let kinds: HashMap<i32, IntegrationKind> = integrations.iter().copied().collect();
        let by_id: HashMap<i32, Variant> = variants
            .iter()
            .map(|v| (v.id, load::to_variant(v)))
            .collect();
        let numbers = numbers
            .into_iter()
            .map(|row| {
                Ok(NumberRecord {
                    e164: E164::parse(&row.e164).map_err(|_| corrupt("numbers", row.id, "e164"))?,
                    environment: Environment::parse(&row.environment)
                        .map_err(|_| corrupt("numbers", row.id, "environment"))?,
                    source: *kinds
                        .get(&row.integration_id)
                        .ok_or_else(|| corrupt("numbers", row.id, "integration"))?,
                    ownership: Ownership::parse(&row.ownership)
                        .ok_or_else(|| corrupt("numbers", row.id, "ownership"))?,
                    variant: match row.variant_id {
                        None => None,
                        Some(id) => Some(
                            by_id
                                .get(&id)
                                .cloned()
                                .ok_or_else(|| corrupt("numbers", row.id, "variant"))?,
                        ),
                    },
                    state: load::state_of(&row)?,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;

        Ok(Some(ProjectOverview {
            project: ProjectSummary {
                slug: project.slug,
                name: project.name,
            },
            integrations: integrations.into_iter().map(|(_, kind)| kind).collect(),
            draft_variants: load::draft(&variants),
            publications,
            numbers,
            sip_routes,
        }))
    }

    async fn projects_of(&self, email: &str) -> Result<Vec<ProjectSummary>, StoreError> {
        let ids: Vec<i32> = member::Entity::find()
            .filter(member::Column::Email.eq(email.to_lowercase()))
            .filter(member::Column::NumbersPermission.is_in(["read", "edit"]))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|m| m.project_id)
            .collect();
        Ok(project::Entity::find()
            .filter(project::Column::Id.is_in(ids))
            .order_by_asc(project::Column::Id)
            .all(&self.db)
            .await?
            .into_iter()
            .map(|p| ProjectSummary {
                slug: p.slug,
                name: p.name,
            })
            .collect())
    }

    async fn permission(
        &self,
        email: &str,
        project: &ProjectSlug,
    ) -> Result<Permission, StoreError> {
        let Some(project) = load::project_by_slug(&self.db, project.as_str()).await? else {
            return Ok(Permission::None);
        };
        Ok(member::Entity::find()
            .filter(member::Column::ProjectId.eq(project.id))
            .filter(member::Column::Email.eq(email.to_lowercase()))
            .one(&self.db)
            .await?
            .map_or(Permission::None, |m| {
                Permission::from_slug(&m.numbers_permission)
            }))
    }
}
