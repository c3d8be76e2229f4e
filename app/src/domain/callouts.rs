//! The Numbers page's variant callouts, from the draft, the published versions and the numbers.

use super::{Environment, Publications, VariantId};
use serde::{Deserialize, Serialize};

/// A message shown above the sections when variant changes need a publish.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Callout {
    /// The draft has a variant that Sandbox's published version lacks.
    NewVariantAdded,
    /// Some number is assigned to a variant no longer in the draft.
    VariantDeleted,
    /// The draft has variants and no published version has any.
    DraftVariants,
}

impl Callout {
    /// The title, which the status text starts with.
    pub fn title(self) -> &'static str {
        match self {
            Self::NewVariantAdded => "New variant added",
            Self::VariantDeleted => "Variant deleted",
            Self::DraftVariants => "Draft variants",
        }
    }

    /// What it means and what to do, worded as on the product page.
    pub fn message(self) -> &'static str {
        match self {
            Self::NewVariantAdded => {
                "publish the project so you can assign the new variant to numbers"
            }
            Self::VariantDeleted => {
                "some assigned variants were removed; publish to see the changes"
            }
            Self::DraftVariants => "your project now uses variants; publish so you can assign them",
        }
    }
}

/// The callouts to show, in a fixed order.
///
/// `assigned` is the variant of every number that has one. Draft variants and New variant
/// added never show together: before anything with variants is published, the first is the
/// one that applies.
pub fn callouts(
    draft: &[VariantId],
    publications: &Publications,
    assigned: &[VariantId],
) -> Vec<Callout> {
    let draft_only = !draft.is_empty() && !publications.any_variants();
    let new_variant = !draft_only
        && draft
            .iter()
            .any(|id| !publications.holds(Environment::Sandbox, *id));
    let deleted = assigned.iter().any(|id| !draft.contains(id));
    [
        (new_variant, Callout::NewVariantAdded),
        (deleted, Callout::VariantDeleted),
        (draft_only, Callout::DraftVariants),
    ]
    .into_iter()
    .filter_map(|(show, callout)| show.then_some(callout))
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Variant;
    use Callout::*;

    fn ids(ids: &[i64]) -> Vec<VariantId> {
        ids.iter().copied().map(VariantId).collect()
    }

    fn published(env: Environment, list: &[i64]) -> Publications {
        Publications::default().with(
            env,
            list.iter()
                .map(|&id| Variant {
                    id: VariantId(id),
                    name: format!("v{id}"),
                })
                .collect(),
        )
    }

    /// (name, draft, publications, assigned, expected callouts).
    type Case<'a> = (
        &'a str,
        Vec<VariantId>,
        &'a Publications,
        Vec<VariantId>,
        Vec<Callout>,
    );

    /// Every combination that matters: (draft, publications, assigned) → callouts.
    #[test]
    fn truth_table() {
        let none = Publications::default();
        let sandbox_12 = published(Environment::Sandbox, &[1, 2]);
        let live_only_1 = published(Environment::Live, &[1]);
        let sandbox_empty = published(Environment::Sandbox, &[]);
        let cases: Vec<Case> = vec![
            ("no variants anywhere", ids(&[]), &none, ids(&[]), vec![]),
            (
                "first variants, nothing published",
                ids(&[1]),
                &none,
                ids(&[]),
                vec![DraftVariants],
            ),
            (
                "published version without variants",
                ids(&[1]),
                &sandbox_empty,
                ids(&[]),
                vec![DraftVariants],
            ),
            (
                "all published",
                ids(&[1, 2]),
                &sandbox_12,
                ids(&[1, 2]),
                vec![],
            ),
            (
                "a new variant in the draft",
                ids(&[1, 2, 3]),
                &sandbox_12,
                ids(&[1]),
                vec![NewVariantAdded],
            ),
            (
                "new variant, Sandbox lacks even the old ones",
                ids(&[1]),
                &live_only_1,
                ids(&[]),
                vec![NewVariantAdded],
            ),
            (
                "an assigned variant deleted",
                ids(&[1]),
                &sandbox_12,
                ids(&[2]),
                vec![VariantDeleted],
            ),
            (
                "deleted but unassigned",
                ids(&[1]),
                &sandbox_12,
                ids(&[1]),
                vec![],
            ),
            (
                "new and deleted together",
                ids(&[1, 3]),
                &sandbox_12,
                ids(&[2]),
                vec![NewVariantAdded, VariantDeleted],
            ),
            (
                "every variant deleted, numbers still point at one",
                ids(&[]),
                &sandbox_12,
                ids(&[1]),
                vec![VariantDeleted],
            ),
            (
                "draft variants and a stale assignment",
                ids(&[5]),
                &none,
                ids(&[9]),
                vec![VariantDeleted, DraftVariants],
            ),
        ];
        for (name, draft, pubs, assigned, expected) in cases {
            assert_eq!(callouts(&draft, pubs, &assigned), expected, "{name}");
        }
    }

    #[test]
    fn titles_and_messages_match_the_product_page() {
        assert_eq!(NewVariantAdded.title(), "New variant added");
        assert_eq!(VariantDeleted.title(), "Variant deleted");
        assert_eq!(DraftVariants.title(), "Draft variants");
        assert!(
            DraftVariants
                .message()
                .starts_with("your project now uses variants")
        );
    }
}
