//! Components of the Numbers page: plain props and callbacks, no server calls,
//! so the gallery and tests can render every state from fixture data.

mod actions_menu;
mod add_number_dialog;
mod add_variant_form;
mod callout_list;
mod copy_button;
mod delete_dialog;
mod deletion_list;
mod environment_panel;
mod error_alert;
mod history_dialog;
mod history_list;
mod icons;
mod modal;
mod no_integration;
mod numbers_content;
mod numbers_table;
mod publish_history;
mod publish_panel;
mod reassign_dialog;
mod routing_dialog;
mod row_actions;
mod sip_settings;
mod variant_list;

pub use actions_menu::{ActionsMenu, MenuItem};
pub use add_number_dialog::{AddNumberContext, AddNumberDialog, BuyInput};
pub use add_variant_form::AddVariantForm;
pub use callout_list::CalloutList;
pub use copy_button::CopyButton;
pub use delete_dialog::DeleteDialog;
pub use deletion_list::{DeletionList, undo_button_id};
pub use environment_panel::{EnvironmentPanel, add_button_id};
pub use error_alert::ErrorAlert;
pub use history_dialog::HistoryDialog;
pub use history_list::HistoryList;
pub use modal::Modal;
pub use no_integration::NoIntegration;
pub use numbers_content::{ExpandedSections, NumbersContent};
pub use numbers_table::{NumbersTable, actions_button_id};
pub use publish_history::PublishHistory;
pub use publish_panel::PublishPanel;
pub use reassign_dialog::{ReassignDialog, ReassignTarget};
pub use routing_dialog::RoutingDialog;
pub use row_actions::{DeleteTarget, RowActions};
pub use sip_settings::SipSettings;
pub use variant_list::VariantList;
