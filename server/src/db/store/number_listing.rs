//! Reading a project's numbers a page at a time: every query filters by project (and
//! environment and state), orders by an indexed key, and reads at most one page of rows
//! (migration 10's indexes), so its cost follows the page, not the project.

use super::{corrupt, load};
use crate::db::entities::number;
use app::domain::{
    DigitsMatch, DigitsPattern, E164, Environment, IntegrationKind, NumberRecord, NumberSort,
    NumberState, NumbersListing, NumbersView, Ownership, PAGE_SIZE, ProjectSlug, SectionListing,
    StateFilter, Variant, VariantFilter, VariantId, VariantNumbers,
    numbers_view::{NumbersQuery, page_count},
};
use app::ports::StoreError;
use sea_orm::sea_query::{Condition, Expr, NullOrdering, Order};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Select,
};
use std::collections::HashMap;

/// What turns stored rows into records: the project's integrations and variants (a few rows).
struct Context {
    project_id: i32,
    kinds: HashMap<i32, IntegrationKind>,
    variants: HashMap<i32, Variant>,
}

impl Context {
    async fn load(
        conn: &impl ConnectionTrait,
        project: &ProjectSlug,
    ) -> Result<Option<Self>, StoreError> {
        let Some(project) = load::project_by_slug(conn, project.as_str()).await? else {
            return Ok(None);
        };
        let kinds = load::integrations_of(conn, project.id)
            .await?
            .into_iter()
            .collect();
        let variants = load::variants_of(conn, project.id)
            .await?
            .iter()
            .map(|v| (v.id, load::to_variant(v)))
            .collect();
        Ok(Some(Self {
            project_id: project.id,
            kinds,
            variants,
        }))
    }

    fn record(&self, row: number::Model) -> Result<NumberRecord, StoreError> {
        Ok(NumberRecord {
            e164: E164::parse(&row.e164).map_err(|_| corrupt("numbers", row.id, "e164"))?,
            environment: Environment::parse(&row.environment)
                .map_err(|_| corrupt("numbers", row.id, "environment"))?,
            source: *self
                .kinds
                .get(&row.integration_id)
                .ok_or_else(|| corrupt("numbers", row.id, "integration"))?,
            ownership: Ownership::parse(&row.ownership)
                .ok_or_else(|| corrupt("numbers", row.id, "ownership"))?,
            variant: match row.variant_id {
                None => None,
                Some(id) => Some(
                    self.variants
                        .get(&id)
                        .cloned()
                        .ok_or_else(|| corrupt("numbers", row.id, "variant"))?,
                ),
            },
            state: load::state_of(&row)?,
        })
    }

    /// The rows of the project that `view`'s filters and `search` leave.
    fn filtered(&self, view: &NumbersView, search: Option<&DigitsMatch>) -> Condition {
        let states: &[&str] = match view.state {
            StateFilter::All | StateFilter::Active => &[NumberState::ACTIVE],
            StateFilter::BeingDeleted => &[NumberState::PENDING_RELEASE, NumberState::RELEASING],
            StateFilter::ReleaseFailed => &[NumberState::RELEASE_FAILED],
        };
        let mut condition = Condition::all()
            .add(number::Column::ProjectId.eq(self.project_id))
            .add(number::Column::State.is_in(states.iter().copied()));
        if let Some(source) = view.source {
            let ids: Vec<i32> = self
                .kinds
                .iter()
                .filter(|(_, kind)| **kind == source)
                .map(|(id, _)| *id)
                .collect();
            condition = condition.add(number::Column::IntegrationId.is_in(ids));
        }
        condition = match view.variant {
            VariantFilter::All => condition,
            VariantFilter::Unassigned => condition.add(number::Column::VariantId.is_null()),
            VariantFilter::Assigned(VariantId(id)) => match i32::try_from(id) {
                Ok(id) => condition.add(number::Column::VariantId.eq(id)),
                Err(_) => condition.add(Expr::val(false)),
            },
        };
        let Some(search) = search else {
            return condition;
        };
        // Only ASCII digits reach these patterns (`DigitsPattern::digits`): no `LIKE` wildcard.
        let mut any = Condition::any().add(Expr::val(false));
        for pattern in search.patterns() {
            let d = pattern.digits();
            if !d.bytes().all(|b| b.is_ascii_digit()) {
                continue;
            }
            any = match pattern {
                DigitsPattern::Prefix(_) => any.add(number::Column::E164.like(format!("+{d}%"))),
                DigitsPattern::Contains(_) => any.add(number::Column::E164.like(format!("%{d}%"))),
                DigitsPattern::National(_) => {
                    ["_", "__", "___"].into_iter().fold(any, |any, code| {
                        any.add(number::Column::E164.like(format!("+{code}{d}%")))
                    })
                }
            };
        }
        condition.add(any)
    }
}

/// `query` in `sort`'s order, ending with the row's identity so pages never overlap.
fn ordered(query: Select<number::Entity>, sort: NumberSort) -> Select<number::Entity> {
    match sort {
        NumberSort::Oldest => query
            .order_by_asc(number::Column::CreatedAt)
            .order_by_asc(number::Column::Id),
        NumberSort::Newest => query
            .order_by_desc(number::Column::CreatedAt)
            .order_by_desc(number::Column::Id),
        NumberSort::Number => query.order_by_asc(number::Column::E164),
    }
}

/// See [`app::ports::ProjectStore::list_numbers`].
pub async fn list(
    conn: &impl ConnectionTrait,
    project: &ProjectSlug,
    view: &NumbersView,
    search: Option<&DigitsMatch>,
) -> Result<Option<NumbersListing>, StoreError> {
    let Some(context) = Context::load(conn, project).await? else {
        return Ok(None);
    };
    let filtered = context.filtered(view, search);
    let counts: Vec<(String, i64)> = number::Entity::find()
        .select_only()
        .column(number::Column::Environment)
        .column_as(number::Column::Id.count(), "count")
        .filter(filtered.clone())
        .group_by(number::Column::Environment)
        .into_tuple()
        .all(conn)
        .await?;
    if let Some((stored, _)) = counts
        .iter()
        .find(|(env, _)| Environment::parse(env).is_err())
    {
        return Err(StoreError(format!(
            "numbers of project {} hold an invalid environment {stored:?}",
            project.as_str()
        )));
    }
    let mut sections = Vec::with_capacity(Environment::ALL.len());
    for environment in Environment::ALL {
        let total = counts
            .iter()
            .find(|(env, _)| env == environment.slug())
            .map_or(0, |(_, n)| u64::try_from(*n).unwrap_or(0));
        let page = view.page(environment).clamp(1, page_count(total));
        let numbers = if total == 0 {
            Vec::new()
        } else {
            ordered(
                number::Entity::find()
                    .filter(filtered.clone())
                    .filter(number::Column::Environment.eq(environment.slug())),
                view.sort,
            )
            .offset((page - 1) * PAGE_SIZE)
            .limit(PAGE_SIZE)
            .all(conn)
            .await?
            .into_iter()
            .map(|row| context.record(row))
            .collect::<Result<_, _>>()?
        };
        sections.push(SectionListing {
            environment,
            total,
            page,
            numbers,
        });
    }
    // Most recent deletions first (the ones a member may still undo), then the rest; the
    // State filter lists every one of them with its Undo or Retry.
    let unsettled = number::Entity::find()
        .filter(number::Column::ProjectId.eq(context.project_id))
        .filter(number::Column::State.is_in(NumberState::UNSETTLED))
        .order_by_with_nulls(number::Column::ReleaseAt, Order::Desc, NullOrdering::Last)
        .order_by_desc(number::Column::Id)
        .limit(PAGE_SIZE)
        .all(conn)
        .await?
        .into_iter()
        .map(|row| context.record(row))
        .collect::<Result<_, _>>()?;
    Ok(Some(NumbersListing {
        sections,
        unsettled,
        assigned: context.variants_in_use(conn).await?,
    }))
}

impl Context {
    /// The project's variants (a few) that some number in use has: one index probe each, by
    /// `ix_numbers_variant`, however many numbers they handle.
    async fn variants_in_use(
        &self,
        conn: &impl ConnectionTrait,
    ) -> Result<Vec<VariantId>, StoreError> {
        let mut ids: Vec<i32> = self.variants.keys().copied().collect();
        ids.sort_unstable();
        let mut in_use = Vec::new();
        for id in ids {
            let handled = number::Entity::find()
                .select_only()
                .column(number::Column::Id)
                .filter(number::Column::ProjectId.eq(self.project_id))
                .filter(number::Column::VariantId.eq(id))
                .filter(number::Column::State.eq(NumberState::ACTIVE))
                .into_tuple::<i32>()
                .one(conn)
                .await?;
            if handled.is_some() {
                in_use.push(VariantId(i64::from(id)));
            }
        }
        Ok(in_use)
    }
}

/// See [`app::ports::ProjectStore::numbers_after`]: by the unique `(e164)` index, so a page
/// never repeats or skips a number, whatever is added or removed between pages.
pub async fn after(
    conn: &impl ConnectionTrait,
    project: &ProjectSlug,
    query: &NumbersQuery,
    search: Option<&DigitsMatch>,
) -> Result<Option<Vec<NumberRecord>>, StoreError> {
    let Some(context) = Context::load(conn, project).await? else {
        return Ok(None);
    };
    let mut rows = number::Entity::find().filter(context.filtered(&query.filters, search));
    if let Some(environment) = query.environment {
        rows = rows.filter(number::Column::Environment.eq(environment.slug()));
    }
    if let Some(after) = &query.after {
        rows = rows.filter(number::Column::E164.gt(after.as_str()));
    }
    rows.order_by_asc(number::Column::E164)
        .limit(query.limit)
        .all(conn)
        .await?
        .into_iter()
        .map(|row| context.record(row))
        .collect::<Result<_, _>>()
        .map(Some)
}

/// See [`app::ports::ProjectStore::number`].
pub async fn one(
    conn: &impl ConnectionTrait,
    project: &ProjectSlug,
    e164: &E164,
) -> Result<Option<NumberRecord>, StoreError> {
    let Some(context) = Context::load(conn, project).await? else {
        return Ok(None);
    };
    number::Entity::find()
        .filter(number::Column::ProjectId.eq(context.project_id))
        .filter(number::Column::E164.eq(e164.as_str()))
        .one(conn)
        .await?
        .map(|row| context.record(row))
        .transpose()
}

/// See [`app::ports::ProjectStore::numbers_by_variant`].
pub async fn by_variant(
    conn: &impl ConnectionTrait,
    project: &ProjectSlug,
    sample: u64,
) -> Result<Vec<VariantNumbers>, StoreError> {
    let Some(project) = load::project_by_slug(conn, project.as_str()).await? else {
        return Ok(Vec::new());
    };
    // Draft variants only (deleted ones have no row on the Variants page): a count and a
    // sample each, both from `ix_numbers_variant`.
    let ids: Vec<i32> = load::draft(&load::variants_of(conn, project.id).await?)
        .iter()
        .filter_map(|v| i32::try_from(v.id.0).ok())
        .collect();
    let mut out = Vec::new();
    for id in ids {
        let handled = || {
            number::Entity::find()
                .filter(number::Column::ProjectId.eq(project.id))
                .filter(number::Column::VariantId.eq(id))
                .filter(number::Column::State.eq(NumberState::ACTIVE))
        };
        let count = handled().count(conn).await?;
        if count == 0 {
            continue;
        }
        let sample = handled()
            .order_by_asc(number::Column::CreatedAt)
            .order_by_asc(number::Column::Id)
            .limit(sample)
            .all(conn)
            .await?
            .into_iter()
            .map(|n| n.e164)
            .collect();
        out.push(VariantNumbers {
            variant: VariantId(i64::from(id)),
            count,
            sample,
        });
    }
    Ok(out)
}
