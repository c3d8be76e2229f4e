//! Who may do what to a project's numbers: the permission model and the one rule that applies it.

use serde::{Deserialize, Serialize};

/// A member's permission on one project's Numbers (BRIEF.md "Permissions").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Permission {
    /// Sees nothing of the project (as if it did not exist).
    #[default]
    None,
    /// Lists and views numbers, routing previews and history.
    Read,
    /// Also adds, connects, reassigns, deletes, undoes, publishes, promotes and manages variants.
    Edit,
}

impl Permission {
    /// The stored form (`none`, `read`, `edit`).
    pub const fn slug(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Read => "read",
            Self::Edit => "edit",
        }
    }

    /// Reads the stored form; anything unknown grants nothing.
    pub fn from_slug(slug: &str) -> Self {
        match slug {
            "read" => Self::Read,
            "edit" => Self::Edit,
            _ => Self::None,
        }
    }

    /// Whether changes are allowed.
    pub const fn can_edit(self) -> bool {
        matches!(self, Self::Edit)
    }
}

/// What a request needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Need {
    /// Looking: lists, pages, previews, history.
    Read,
    /// Changing anything.
    Edit,
}

/// Why a request is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Denied {
    /// Nobody is signed in.
    SignedOut,
    /// The member may not see the project: answer as if it did not exist.
    Hidden,
    /// The member may look but not change.
    ReadOnly,
}

/// Decides a request for `need` by a member holding `permission` (`None` when signed out).
pub fn authorise(permission: Option<Permission>, need: Need) -> Result<Permission, Denied> {
    match (permission, need) {
        (None, _) => Err(Denied::SignedOut),
        (Some(Permission::None), _) => Err(Denied::Hidden),
        (Some(Permission::Read), Need::Edit) => Err(Denied::ReadOnly),
        (Some(granted), _) => Ok(granted),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_permission_against_every_need() {
        use Denied::*;
        let cases = [
            (None, Need::Read, Err(SignedOut)),
            (None, Need::Edit, Err(SignedOut)),
            (Some(Permission::None), Need::Read, Err(Hidden)),
            (Some(Permission::None), Need::Edit, Err(Hidden)),
            (Some(Permission::Read), Need::Read, Ok(Permission::Read)),
            (Some(Permission::Read), Need::Edit, Err(ReadOnly)),
            (Some(Permission::Edit), Need::Read, Ok(Permission::Edit)),
            (Some(Permission::Edit), Need::Edit, Ok(Permission::Edit)),
        ];
        for (permission, need, expected) in cases {
            assert_eq!(
                authorise(permission, need),
                expected,
                "{permission:?} {need:?}"
            );
        }
    }

    #[test]
    fn stored_forms_round_trip_and_unknown_ones_grant_nothing() {
        for p in [Permission::None, Permission::Read, Permission::Edit] {
            assert_eq!(Permission::from_slug(p.slug()), p);
        }
        assert_eq!(Permission::from_slug("EDIT"), Permission::None);
        assert_eq!(Permission::from_slug("admin"), Permission::None);
        assert!(Permission::Edit.can_edit());
        assert!(!Permission::Read.can_edit());
    }
}
