//! Components of the Numbers page: plain props and callbacks, no server calls,
//! so the gallery and tests can render every state from fixture data.

mod account_bar;
mod actions_menu;
mod add_number_dialog;
mod add_variant_form;
mod api_key_list;
mod callout_list;
mod copy_button;
mod delete_dialog;
mod delete_variant_dialog;
mod deletion_list;
mod dialog_buttons;
mod disconnect_twilio_dialog;
mod environment_panel;
mod error_alert;
mod history_dialog;
mod history_list;
mod icons;
mod id_scope;
mod import_dialog;
mod integration_list;
mod live_notice;
mod modal;
mod no_integration;
mod numbers_content;
mod numbers_finder;
mod numbers_table;
mod promote_live_dialog;
mod provider_checks;
mod publish_history;
mod publish_panel;
mod read_only_notice;
mod reassign_dialog;
mod routing_dialog;
mod row_actions;
mod section_pager;
mod session_ended;
mod sip_settings;
mod twilio_account_dialog;
mod variant_list;

pub use account_bar::AccountBar;
pub use actions_menu::{ActionsMenu, MenuItem};
pub use add_number_dialog::{
    AddNumberContext, AddNumberDialog, AddNumberDialogProps, AddNumberPreset, BuyInput,
};
pub use add_variant_form::AddVariantForm;
pub use api_key_list::{
    ApiKeyForm, ApiKeyList, KEY_NAME_ID, NewApiKeyNotice, RevokeApiKeyDialog, revoke_button_id,
};
pub use callout_list::{CalloutList, publish_button_id};
pub use copy_button::CopyButton;
pub use delete_dialog::{DeleteDialog, DeleteDialogProps, DeleteTarget};
pub use delete_variant_dialog::DeleteVariantDialog;
pub use deletion_list::{DeletionList, retry_button_id, undo_button_id};
pub use dialog_buttons::{DialogButtons, Emphasis, SubmitButton};
pub use disconnect_twilio_dialog::DisconnectTwilioDialog;
pub use environment_panel::{EnvironmentPanel, add_button_id, toggle_button_id};
pub use error_alert::ErrorAlert;
pub use history_dialog::{HistoryDialog, HistoryDialogProps};
pub use history_list::HistoryList;
pub use id_scope::{IdScope, InlineDialogs, scoped_id};
pub use import_dialog::{ImportDialog, ImportDialogProps, import_button_id};
pub use integration_list::{
    CONNECT_BUTTON, DISCONNECT_BUTTON, IntegrationList, TWILIO_HEADING, TwilioActions,
    UPDATE_BUTTON,
};
pub use live_notice::{ChangedMeanwhile, LiveNotice};
pub use modal::Modal;
pub use no_integration::NoIntegration;
pub use numbers_content::{ExpandedSections, NUMBERS_READ_ONLY, NumbersContent};
pub use numbers_finder::{FinderControl, NumbersFinder};
pub use numbers_table::{NumbersTable, StatusCallbacks, actions_button_id};
pub use promote_live_dialog::PromoteLiveDialog;
pub use provider_checks::ProviderChecks;
pub use publish_history::PublishHistory;
pub use publish_panel::PublishPanel;
pub use read_only_notice::ReadOnlyNotice;
pub use reassign_dialog::{ReassignDialog, ReassignDialogProps, ReassignTarget};
pub use routing_dialog::{RoutingDialog, RoutingDialogProps};
pub use row_actions::{RowAction, RowActions, RowTarget};
pub use section_pager::SectionPager;
pub use session_ended::SessionEnded;
pub use sip_settings::SipSettings;
pub use twilio_account_dialog::{TwilioAccountDialog, TwilioForm};
pub use variant_list::VariantList;
