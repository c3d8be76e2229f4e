//! [`ProjectStore`] over sea-orm.

use super::{SeaStore, load};
use crate::db::entities::{member, project, routing_setting};
use app::domain::numbers_view::NumbersQuery;
use app::domain::{
    DigitsMatch, E164, Environment, NumberRecord, NumbersListing, NumbersView, Permission,
    ProjectOverview, ProjectSlug, ProjectSummary, SipRoute, VariantNumbers,
};
use app::ports::{ProjectStore, StoreError};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

#[async_trait::async_trait]
impl ProjectStore for SeaStore {
    async fn overview(&self, slug: &ProjectSlug) -> Result<Option<ProjectOverview>, StoreError> {
        let Some(project) = load::project_by_slug(&self.db, slug.as_str()).await? else {
            return Ok(None);
        };
        let integrations = load::integrations_of(&self.db, project.id).await?;
        let variants = load::variants_of(&self.db, project.id).await?;
        let publications = load::publications(&self.db, project.id, &variants).await?;
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
        Ok(Some(ProjectOverview {
            project: ProjectSummary {
                slug: project.slug,
                name: project.name,
            },
            integrations: integrations.into_iter().map(|(_, kind)| kind).collect(),
            draft_variants: load::draft(&variants),
            publications,
            sip_routes,
        }))
    }

    async fn list_numbers(
        &self,
        project: &ProjectSlug,
        view: &NumbersView,
        search: Option<&DigitsMatch>,
    ) -> Result<Option<NumbersListing>, StoreError> {
        super::number_listing::list(&self.db, project, view, search).await
    }

    async fn numbers_after(
        &self,
        project: &ProjectSlug,
        query: &NumbersQuery,
        search: Option<&DigitsMatch>,
    ) -> Result<Option<Vec<NumberRecord>>, StoreError> {
        super::number_listing::after(&self.db, project, query, search).await
    }

    async fn number(
        &self,
        project: &ProjectSlug,
        e164: &E164,
    ) -> Result<Option<NumberRecord>, StoreError> {
        super::number_listing::one(&self.db, project, e164).await
    }

    async fn numbers_by_variant(
        &self,
        project: &ProjectSlug,
        sample: u64,
    ) -> Result<Vec<VariantNumbers>, StoreError> {
        super::number_listing::by_variant(&self.db, project, sample).await
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
