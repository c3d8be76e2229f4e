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
}
