//! The Variants page's content: the draft, where each variant is published, and the history.

use super::{Environment, ProjectSummary, Publications, Variant, VariantNumbers};
use serde::{Deserialize, Serialize};

/// One draft variant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VariantRow {
    /// The variant.
    pub variant: Variant,
    /// The first draft variant is the default.
    pub is_default: bool,
    /// Environments whose published version holds it.
    pub published_in: Vec<Environment>,
    /// How many numbers in use it handles.
    pub number_count: u64,
    /// The first few of them (E.164).
    pub numbers: Vec<String>,
}

/// What one environment has published.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnvironmentStatus {
    /// The environment.
    pub environment: Environment,
    /// Variant names in its published version; `None` when never published.
    pub variants: Option<Vec<String>>,
}

/// One publish or promote, as recorded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishRecord {
    /// Where it was published.
    pub environment: Environment,
    /// The environment's version number it created.
    pub version: i32,
    /// Who did it.
    pub published_by: String,
    /// When, formatted for people.
    pub published_at: String,
    /// The variants it held.
    pub variants: Vec<String>,
}

/// Everything the Variants page renders.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VariantsPage {
    /// The project.
    pub project: ProjectSummary,
    /// Draft variants, default first.
    pub variants: Vec<VariantRow>,
    /// Sandbox, Pre-release, Live.
    pub environments: Vec<EnvironmentStatus>,
    /// Publishes and promotes, newest first.
    pub history: Vec<PublishRecord>,
    /// Whether the member may change variants (Edit); with Read the page is view-only.
    pub can_edit: bool,
}

impl VariantsPage {
    /// Builds the page from stored facts; `can_edit` is the member's permission to change.
    pub fn build(
        project: ProjectSummary,
        draft: &[Variant],
        publications: &Publications,
        numbers: &[VariantNumbers],
        history: Vec<PublishRecord>,
        can_edit: bool,
    ) -> Self {
        let handled = |variant: &Variant| numbers.iter().find(|n| n.variant == variant.id);
        let variants = draft
            .iter()
            .enumerate()
            .map(|(i, variant)| VariantRow {
                variant: variant.clone(),
                is_default: i == 0,
                published_in: publications.environments_of(variant.id),
                number_count: handled(variant).map_or(0, |n| n.count),
                numbers: handled(variant)
                    .map(|n| n.sample.clone())
                    .unwrap_or_default(),
            })
            .collect();
        let environments = Environment::ALL
            .into_iter()
            .map(|environment| EnvironmentStatus {
                environment,
                variants: publications
                    .variants_in(environment)
                    .map(|vs| vs.iter().map(|v| v.name.clone()).collect()),
            })
            .collect();
        Self {
            project,
            variants,
            environments,
            history,
            can_edit,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::VariantId;

    fn v(id: i64, name: &str) -> Variant {
        Variant {
            id: VariantId(id),
            name: name.into(),
        }
    }

    #[test]
    fn default_publication_and_numbers_per_variant() {
        let draft = [v(1, "Default"), v(2, "London")];
        let pubs = Publications::default().with(Environment::Sandbox, vec![v(1, "Default")]);
        let numbers = [VariantNumbers {
            variant: VariantId(2),
            count: 1200,
            sample: vec!["+447700900001".into()],
        }];
        let project = ProjectSummary {
            slug: "p".into(),
            name: "P".into(),
        };
        let page = VariantsPage::build(project, &draft, &pubs, &numbers, vec![], true);
        assert!(page.variants[0].is_default && !page.variants[1].is_default);
        assert_eq!(page.variants[0].published_in, [Environment::Sandbox]);
        assert!(page.variants[1].published_in.is_empty());
        assert_eq!(page.variants[1].numbers, ["+447700900001"]);
        assert_eq!(page.variants[1].number_count, 1200);
        assert_eq!(page.variants[0].number_count, 0);
        assert_eq!(
            page.environments[0].variants,
            Some(vec!["Default".to_owned()])
        );
        assert_eq!(page.environments[2].variants, None);
    }

    #[test]
    fn deleting_the_default_makes_the_next_one_default() {
        let draft = [v(2, "London"), v(3, "Leeds")];
        let project = ProjectSummary {
            slug: "p".into(),
            name: "P".into(),
        };
        let page =
            VariantsPage::build(project, &draft, &Publications::default(), &[], vec![], true);
        assert!(page.variants[0].is_default);
        assert_eq!(page.variants[0].variant.name, "London");
    }
}
