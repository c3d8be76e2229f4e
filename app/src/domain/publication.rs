//! Publishing: the draft goes to Sandbox, Sandbox is promoted to Pre-release, Pre-release to Live.

use super::{Environment, Variant, VariantId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The variants held by the version published to each environment (absent: never published).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Publications(BTreeMap<Environment, Vec<Variant>>);

/// Why a publish or promote was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PublishError {
    /// Sandbox is published from the draft, never promoted into.
    #[error("Sandbox is published from the draft: use Publish.")]
    SandboxIsPublished,
    /// The environment to copy from has never been published.
    #[error("{env} has nothing published yet: publish or promote to {env} first.", env = .0.label())]
    SourceNotPublished(Environment),
}

impl Publications {
    /// Records that `env` holds `variants`.
    pub fn with(mut self, env: Environment, variants: Vec<Variant>) -> Self {
        self.0.insert(env, variants);
        self
    }

    /// The variants published to `env`, if it was ever published.
    pub fn variants_in(&self, env: Environment) -> Option<&[Variant]> {
        self.0.get(&env).map(Vec::as_slice)
    }

    /// Whether `variant` is in the version published to `env`.
    pub fn holds(&self, env: Environment, variant: VariantId) -> bool {
        self.variants_in(env)
            .is_some_and(|vs| vs.iter().any(|v| v.id == variant))
    }

    /// Whether any published version holds at least one variant.
    pub fn any_variants(&self) -> bool {
        self.0.values().any(|vs| !vs.is_empty())
    }

    /// The environments whose published version holds `variant`, in display order.
    pub fn environments_of(&self, variant: VariantId) -> Vec<Environment> {
        Environment::ALL
            .into_iter()
            .filter(|env| self.holds(*env, variant))
            .collect()
    }
}

/// The environment whose published version is copied when promoting into `target`.
pub fn promotion_source(target: Environment) -> Result<Environment, PublishError> {
    match target {
        Environment::Sandbox => Err(PublishError::SandboxIsPublished),
        Environment::PreRelease => Ok(Environment::Sandbox),
        Environment::Live => Ok(Environment::PreRelease),
    }
}

/// The variant set a promotion into `target` publishes.
pub fn promoted_variants(
    publications: &Publications,
    target: Environment,
) -> Result<Vec<Variant>, PublishError> {
    let source = promotion_source(target)?;
    publications
        .variants_in(source)
        .map(<[Variant]>::to_vec)
        .ok_or(PublishError::SourceNotPublished(source))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(id: i64) -> Variant {
        Variant {
            id: VariantId(id),
            name: format!("v{id}"),
        }
    }

    #[test]
    fn promotion_copies_the_previous_environment() {
        let pubs = Publications::default()
            .with(Environment::Sandbox, vec![v(1), v(2)])
            .with(Environment::PreRelease, vec![v(1)]);
        assert_eq!(
            promoted_variants(&pubs, Environment::PreRelease),
            Ok(vec![v(1), v(2)])
        );
        assert_eq!(promoted_variants(&pubs, Environment::Live), Ok(vec![v(1)]));
    }

    #[test]
    fn promotion_needs_a_published_source_and_never_targets_sandbox() {
        let pubs = Publications::default();
        assert_eq!(
            promoted_variants(&pubs, Environment::PreRelease),
            Err(PublishError::SourceNotPublished(Environment::Sandbox))
        );
        assert_eq!(
            promoted_variants(&pubs, Environment::Sandbox),
            Err(PublishError::SandboxIsPublished)
        );
        let message = PublishError::SourceNotPublished(Environment::PreRelease).to_string();
        assert_eq!(
            message,
            "Pre-release has nothing published yet: publish or promote to Pre-release first."
        );
    }

    #[test]
    fn holds_and_environments_of() {
        let pubs = Publications::default()
            .with(Environment::Sandbox, vec![v(1), v(2)])
            .with(Environment::Live, vec![v(1)]);
        assert!(pubs.holds(Environment::Sandbox, VariantId(2)));
        assert!(!pubs.holds(Environment::PreRelease, VariantId(1)));
        assert_eq!(
            pubs.environments_of(VariantId(1)),
            [Environment::Sandbox, Environment::Live]
        );
        assert!(pubs.any_variants());
        assert!(
            !Publications::default()
                .with(Environment::Sandbox, vec![])
                .any_variants()
        );
    }
}
