//! Reading a project's numbers and variants for automation (the REST API), and naming a
//! variant the way a script does: by id or by name.

use crate::domain::numbers_view::NumbersQuery;
use crate::domain::{
    DigitsMatch, E164, Environment, NumberRecord, ProjectSlug, Variant, VariantId,
    check_assignment, phone_format, published_named,
};
use crate::error::{AppError, OrInvalid};
use crate::ports::Services;

/// One page of a number list and where the next starts.
#[derive(Clone, Debug)]
pub struct NumbersChunk {
    /// The numbers, in E.164 order.
    pub numbers: Vec<NumberRecord>,
    /// The last number of this page when more follow (the next page's cursor).
    pub next: Option<E164>,
}

/// The numbers of `project` that `query` asks for, a page at a time.
pub async fn list_numbers(
    services: &Services,
    project: &ProjectSlug,
    query: &NumbersQuery,
) -> Result<NumbersChunk, AppError> {
    let search = DigitsMatch::parse(&query.filters.search, phone_format::decimal_digit);
    // One more than asked for says whether another page follows.
    let probe = NumbersQuery {
        limit: query.limit + 1,
        ..query.clone()
    };
    let mut numbers = services
        .projects
        .numbers_after(project, &probe, search.as_ref())
        .await?
        .ok_or_else(|| AppError::ProjectNotFound(project.as_str().into()))?;
    let limit = usize::try_from(query.limit).unwrap_or(usize::MAX);
    let next = if numbers.len() > limit {
        numbers.truncate(limit);
        numbers.last().map(|n| n.e164.clone())
    } else {
        None
    };
    Ok(NumbersChunk { numbers, next })
}

/// Every number of `project` that `filters` (the Numbers page's search and filters) leave, by
/// environment (Sandbox, Pre-release, Live), then E.164: the page's CSV export.
pub async fn export_numbers(
    services: &Services,
    project: &ProjectSlug,
    filters: &crate::domain::NumbersView,
) -> Result<Vec<NumberRecord>, AppError> {
    let overview = super::overview(services, project).await?;
    let draft: Vec<_> = overview.draft_variants.iter().map(|v| v.id).collect();
    let filters = filters.with_known_variants(&draft);
    let mut out = Vec::new();
    for environment in Environment::ALL {
        let mut query = NumbersQuery {
            environment: Some(environment),
            filters: filters.clone(),
            after: None,
            limit: crate::domain::numbers_view::MAX_LIST_LIMIT,
        };
        loop {
            let chunk = list_numbers(services, project, &query).await?;
            out.extend(chunk.numbers);
            match chunk.next {
                Some(next) => query.after = Some(next),
                None => break,
            }
        }
    }
    Ok(out)
}

/// The number `e164` of `project`, in whatever state it is;
/// [`AppError::NumberNotFound`] if the project does not have it.
pub async fn number(
    services: &Services,
    project: &ProjectSlug,
    e164: &E164,
) -> Result<NumberRecord, AppError> {
    services
        .projects
        .number(project, e164)
        .await?
        .ok_or_else(|| AppError::NumberNotFound(e164.to_string()))
}

/// A variant of a project as automation sees it.
#[derive(Clone, Debug)]
pub struct VariantSummary {
    /// The variant.
    pub variant: Variant,
    /// Whether it is in the draft (deleted variants stay published until the next publish).
    pub in_draft: bool,
    /// The environments whose published version holds it.
    pub published_to: Vec<Environment>,
}

/// The draft's variants in order, then variants deleted from the draft but still published.
pub async fn variants(
    services: &Services,
    project: &ProjectSlug,
) -> Result<Vec<VariantSummary>, AppError> {
    let overview = super::overview(services, project).await?;
    let publications = &overview.publications;
    let mut out: Vec<VariantSummary> = overview
        .draft_variants
        .iter()
        .map(|v| VariantSummary {
            variant: v.clone(),
            in_draft: true,
            published_to: publications.environments_of(v.id),
        })
        .collect();
    for environment in Environment::ALL {
        for variant in publications.variants_in(environment).unwrap_or_default() {
            if !out.iter().any(|s| s.variant.id == variant.id) {
                out.push(VariantSummary {
                    variant: variant.clone(),
                    in_draft: false,
                    published_to: publications.environments_of(variant.id),
                });
            }
        }
    }
    Ok(out)
}

/// How a request names a variant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VariantChoice {
    /// By its id (from the variants list).
    Id(VariantId),
    /// By its name, as published to the number's environment.
    Name(String),
}

/// The id of the variant `choice` names among those published to `environment` of `project`;
/// an id or name no variant there has is an invalid `variant` field.
pub async fn chosen_variant(
    services: &Services,
    project: &ProjectSlug,
    environment: Environment,
    choice: VariantChoice,
) -> Result<VariantId, AppError> {
    let overview = super::overview(services, project).await?;
    match choice {
        VariantChoice::Id(id) => check_assignment(&overview.publications, environment, id)
            .map(|()| id)
            .or_invalid("variant"),
        VariantChoice::Name(name) => published_named(&overview.publications, environment, &name)
            .ok_or_else(|| {
                AppError::invalid(
                    "variant",
                    format!(
                        "No variant named \u{201c}{}\u{201d} is published to {}.",
                        crate::domain::text::excerpt(&name),
                        environment.label()
                    ),
                )
            }),
    }
}
