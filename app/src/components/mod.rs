//! Components of the Numbers page: plain props and callbacks, no server calls,
//! so the gallery and tests can render every state from fixture data.

mod copy_button;
mod environment_panel;
mod error_alert;
mod icons;
mod no_integration;
mod numbers_content;
mod numbers_table;

pub use copy_button::CopyButton;
pub use environment_panel::EnvironmentPanel;
pub use error_alert::ErrorAlert;
pub use no_integration::NoIntegration;
pub use numbers_content::NumbersContent;
pub use numbers_table::NumbersTable;
