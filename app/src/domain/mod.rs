//! Pure domain types and rules, compiled for both the server and the browser.

pub mod access;
pub mod api_keys;
pub mod area_code;
pub mod assignment;
pub mod callouts;
pub mod canadian_area_codes;
pub mod country;
pub mod e164;
pub mod environment;
pub mod history;
pub mod idempotency;
pub mod import;
pub mod integrations_page;
pub mod lifecycle;
pub mod live;
pub mod numbers_page;
pub mod numbers_view;
#[cfg(feature = "ssr")]
pub mod phone_format;
pub mod phone_input;
pub mod project;
pub mod publication;
pub mod routing;
pub mod source;
pub mod text;
pub mod throttle;
pub mod twilio_credentials;
pub mod twiml;
pub mod variant;
pub mod variants_page;

pub use access::{Denied, Need, Permission, authorise};
pub use area_code::{AreaCode, AreaCodeError};
pub use assignment::{AssignError, check_assignment, published_named};
pub use callouts::{Callout, callouts};
pub use country::Country;
pub use e164::{E164, E164Error};
pub use environment::Environment;
pub use history::{EventKind, HistoryEntry, HistoryPage, placement};
pub use lifecycle::{
    DeleteAction, DeleteOutcome, DeletePlan, LifecycleError, Next, NumberState, Step, UnixSeconds,
    delete_plan,
};
pub use numbers_page::{
    CheckedPurchase, DeletionNotice, DeletionStatus, EnvironmentSection, NumberDisplay, NumberRow,
    NumbersPage, PageBody, ProviderNotice, PurchaseCheck, StatusAction, VariantCell,
};
pub use numbers_view::{
    DigitsMatch, DigitsPattern, NumberSort, NumbersView, PAGE_SIZE, StateFilter, VariantFilter,
    ViewChoice,
};
pub use phone_input::PhoneInputError;
pub use project::{
    NumberRecord, NumbersListing, ProjectOverview, ProjectSlug, ProjectSummary, SectionListing,
    VariantNumbers,
};
pub use publication::{Publications, PublishError, promoted_variants, promotion_source};
pub use routing::{
    CallRecord, Refusal, RouteDecision, RouteFacts, RoutingPreview, SipRoute, route,
};
pub use source::{IntegrationKind, Ownership};
pub use variant::{Variant, VariantId, VariantName, VariantNameError};
pub use variants_page::{EnvironmentStatus, PublishRecord, VariantRow, VariantsPage};
