//! Pure domain types and rules, compiled for both the server and the browser.

pub mod e164;
pub mod environment;
pub mod numbers_page;
#[cfg(feature = "ssr")]
pub mod phone_format;
pub mod project;
pub mod source;
pub mod variant;

pub use e164::{E164, E164Error};
pub use environment::Environment;
pub use numbers_page::{EnvironmentSection, NumberRow, NumbersPage, PageBody, VariantCell};
pub use project::{NumberRecord, ProjectOverview, ProjectSlug, ProjectSummary};
pub use source::{IntegrationKind, Ownership};
pub use variant::{Variant, VariantId};
