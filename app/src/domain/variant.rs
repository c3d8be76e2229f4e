//! Variants: named configurations of a project for one site or market.

use serde::{Deserialize, Serialize};

/// Database identity of a variant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct VariantId(pub i64);

/// A variant as a number refers to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Variant {
    /// Identity.
    pub id: VariantId,
    /// Name shown to people.
    pub name: String,
}
