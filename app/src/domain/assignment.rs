//! Which variants a number may be assigned.

use super::{Environment, Publications, VariantId};

/// Why an assignment was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AssignError {
    /// The variant is not in the version published to the number's environment.
    #[error("That variant is not published to {}: publish or promote it there first.", .0.label())]
    NotPublished(Environment),
}

/// Checks that `variant` may route calls for a number in `environment`.
pub fn check_assignment(
    publications: &Publications,
    environment: Environment,
    variant: VariantId,
) -> Result<(), AssignError> {
    if publications.holds(environment, variant) {
        Ok(())
    } else {
        Err(AssignError::NotPublished(environment))
    }
}

/// The variant published to `environment` named `name` (trimmed, compared without regard to
/// case), for automation that names variants instead of giving their ids; `None` if there is
/// none.
pub fn published_named(
    publications: &Publications,
    environment: Environment,
    name: &str,
) -> Option<VariantId> {
    let name = name.trim().to_lowercase();
    publications
        .variants_in(environment)?
        .iter()
        .find(|v| v.name.to_lowercase() == name)
        .map(|v| v.id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Variant;

    #[test]
    fn only_variants_published_to_the_environment() {
        let london = Variant {
            id: VariantId(2),
            name: "London".into(),
        };
        let pubs = Publications::default().with(Environment::Sandbox, vec![london]);
        assert_eq!(
            check_assignment(&pubs, Environment::Sandbox, VariantId(2)),
            Ok(())
        );
        assert_eq!(
            check_assignment(&pubs, Environment::Live, VariantId(2)),
            Err(AssignError::NotPublished(Environment::Live))
        );
        assert_eq!(
            check_assignment(&pubs, Environment::Sandbox, VariantId(3)),
            Err(AssignError::NotPublished(Environment::Sandbox))
        );
    }

    #[test]
    fn variants_are_found_by_name_in_the_environment_only() {
        let london = Variant {
            id: VariantId(2),
            name: "London".into(),
        };
        let publications = Publications::default().with(Environment::Sandbox, vec![london]);
        let find = |env, name| published_named(&publications, env, name);
        assert_eq!(find(Environment::Sandbox, " london "), Some(VariantId(2)));
        assert_eq!(find(Environment::Sandbox, "Leeds"), None);
        assert_eq!(find(Environment::Live, "London"), None);
    }
}
