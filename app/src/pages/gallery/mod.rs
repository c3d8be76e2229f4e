//! `/gallery`: every component of the Numbers page in each of its states, from fixture data.
//! Nothing here calls the server: the gallery proves the components stand on plain props.

mod fixtures;
mod imports;
mod integrations;

use crate::components::{
    ActionsMenu, AddNumberContext, AddNumberDialog, AddNumberPreset, ApiKeyForm, ApiKeyList,
    CalloutList, DeleteDialog, DeleteVariantDialog, DeletionList, EnvironmentPanel, ErrorAlert,
    HistoryDialog, IdScope, InlineDialogs, LiveNotice, MenuItem, NUMBERS_READ_ONLY,
    NewApiKeyNotice, NoIntegration, NumbersFinder, NumbersTable, PromoteLiveDialog, ProviderChecks,
    ReadOnlyNotice, ReassignDialog, ReassignTarget, RevokeApiKeyDialog, RoutingDialog, RowAction,
    RowActions, SessionEnded,
};
use crate::domain::{
    Callout, Country, DeleteAction, Environment, Refusal, RouteDecision, RoutingPreview,
};
use crate::error::AppError;
use fixtures::{
    delete_target, deletions, edge_rows, finder, history, paged_section, provider_notices,
    published, routing_preview, section, typical_rows, unmatched_section,
};
use leptos::prelude::*;
use leptos_meta::Title;

/// The components, in page order: anchor and title.
const COMPONENTS: [(&str, &str); 22] = [
    ("numbers-finder", "Search and filters"),
    ("environment-section", "Environment section"),
    ("numbers-table", "Numbers table"),
    ("row-actions", "Row actions menu"),
    ("callouts", "Callouts"),
    ("undo-bar", "Undo bar (deleted numbers)"),
    ("provider-checks", "Checks with Twilio"),
    ("toasts", "Toasts"),
    ("live-notice", "Live updates notice"),
    ("no-integration", "No telephony integration"),
    ("read-only", "View only (Read access)"),
    ("add-number-dialog", "Add number dialog"),
    ("import-dialog", "Import dialog"),
    ("reassign-dialog", "Reassign variant dialog"),
    ("delete-dialog", "Delete number dialog"),
    ("routing-dialog", "Test routing dialog"),
    ("history-dialog", "History dialog"),
    ("variant-confirmations", "Variant confirmations"),
    ("integration-list", "Integrations"),
    ("twilio-account-dialog", "Connect Twilio account dialog"),
    ("api-keys", "API keys"),
    (
        "disconnect-twilio-dialog",
        "Disconnect Twilio account confirmation",
    ),
];

/// The menu labels of the page's row actions, in order.
const ROW_ACTIONS: [&str; 4] = [
    "Reassign variant",
    "Test routing",
    "History",
    "Delete number",
];

/// Row actions that do nothing, so menus show as they do on the page.
fn inert_actions() -> RowActions {
    RowActions(
        ROW_ACTIONS
            .into_iter()
            .map(|label| RowAction {
                label,
                changes: label != "Test routing" && label != "History",
                needs_variants: label == "Reassign variant",
                unassigned_shortcut: (label == "Reassign variant").then_some("Assign variant"),
                run: Callback::new(|_| ()),
            })
            .collect(),
    )
}

/// The gallery page.
#[component]
pub fn GalleryScreen() -> impl IntoView {
    provide_context(InlineDialogs);
    view! {
        <Title text="Gallery · Numbers"/>
        <div class="page-head">
            <h1>"Component gallery"</h1>
            <p class="page-head__project">"Fixture data only: nothing here talks to a server."</p>
        </div>
        <nav class="gallery__toc" aria-label="Components">
            <ul>
                {COMPONENTS
                    .iter()
                    .map(|(id, title)| view! { <li><a href=format!("#{id}")>{*title}</a></li> })
                    .collect_view()}
            </ul>
        </nav>
        <Finders/>
        <EnvironmentSections/>
        <Tables/>
        <Menus/>
        <Notices/>
        <AddNumberStates/>
        <imports::ImportStates/>
        <OtherDialogs/>
        <VariantConfirmations/>
        <integrations::IntegrationStates/>
        <ApiKeyStates/>
    }
}

#[component]
fn ApiKeyStates() -> impl IntoView {
    use crate::domain::api_keys::{ApiKeyRow, ApiKeyScope};
    let keys = vec![
        ApiKeyRow {
            id: "3f9c2a61b0de".into(),
            name: "CI deploys".into(),
            scope: ApiKeyScope::ReadWrite,
            created_by: "admin@example.com".into(),
            created_at: "2026-11-30 09:00 UTC".into(),
            last_used_at: Some("2026-11-30 09:12 UTC".into()),
        },
        ApiKeyRow {
            id: "a07d51e9c4b2".into(),
            name: "Nightly report".into(),
            scope: ApiKeyScope::Read,
            created_by: "editor@example.com".into(),
            created_at: "2026-11-29 17:40 UTC".into(),
            last_used_at: None,
        },
    ];
    let read_only_keys = keys.clone();
    let refused = Signal::stored(Some(crate::error::AppError::invalid(
        "name",
        "Give the key a name, e.g. the script that will use it.",
    )));
    view! {
        <Component id="api-keys">
            <State label="Create" scope="api-key-form">
                <ApiKeyForm on_create=|_| ()/>
            </State>
            <State label="Create: name missing" scope="api-key-form-refused">
                <ApiKeyForm on_create=|_| () error=refused/>
            </State>
            <State label="The new key, shown once" scope="api-key-new">
                <NewApiKeyNotice name="CI deploys" key="nmbr_3f9c2a61b0de_Q2hvb3NlIGEgbG9uZyByYW5kb20ga2V5IGhlcmUgcGxlYXNl"/>
            </State>
            <State label="Keys (Edit)" scope="api-key-list">
                <ApiKeyList keys on_revoke=Some(Callback::new(|_| ()))/>
            </State>
            <State label="Keys (Read)" scope="api-key-list-read">
                <ApiKeyList keys=read_only_keys on_revoke=None/>
            </State>
            <State label="No keys" scope="api-key-list-empty">
                <ApiKeyList keys=vec![] on_revoke=None/>
            </State>
            <State label="Revoke" scope="api-key-revoke">
                <RevokeApiKeyDialog name="CI deploys" on_revoke=|()| () on_close=|()| ()/>
            </State>
        </Component>
    }
}

/// One component's heading and its states.
#[component]
fn Component(id: &'static str, children: Children) -> impl IntoView {
    let title = COMPONENTS
        .iter()
        .find(|(anchor, _)| *anchor == id)
        .map_or(id, |(_, title)| *title);
    view! {
        <section class="gallery__component" id=id aria-labelledby=format!("{id}-title")>
            <h2 id=format!("{id}-title")>{title}</h2>
            <div class="gallery__states">{children()}</div>
        </section>
    }
}

/// One labelled state; ids inside are prefixed with `scope` so states never clash.
#[component]
fn State(label: &'static str, scope: &'static str, children: Children) -> impl IntoView {
    provide_context(IdScope(scope.to_owned()));
    view! {
        <figure class="gallery__state">
            <figcaption>{label}</figcaption>
            <div class="gallery__frame">{children()}</div>
        </figure>
    }
}

#[component]
fn Finders() -> impl IntoView {
    let filtered = crate::domain::NumbersView::from_query([
        ("q", "020 7946"),
        ("variant", "none"),
        ("sort", "newest"),
    ]);
    view! {
        <Component id="numbers-finder">
            <State label="Nothing set" scope="finder-default">
                <NumbersFinder finder=finder(crate::domain::NumbersView::default()) uses_variants=true/>
            </State>
            <State label="Search and filters set" scope="finder-filtered">
                <NumbersFinder finder=finder(filtered) uses_variants=true/>
            </State>
            <State label="Project without variants" scope="finder-plain">
                <NumbersFinder finder=finder(crate::domain::NumbersView::default()) uses_variants=false/>
            </State>
        </Component>
    }
}

#[component]
fn EnvironmentSections() -> impl IntoView {
    let sandbox = || section(Environment::Sandbox, typical_rows());
    view! {
        <Component id="environment-section">
            <State label="Expanded" scope="env-expanded">
                <EnvironmentPanel section=sandbox() uses_variants=true actions=inert_actions() on_add=Some(Callback::new(|_| ())) on_import=Some(Callback::new(|_| ()))/>
            </State>
            <State label="Collapsed" scope="env-collapsed">
                <EnvironmentPanel section=sandbox() uses_variants=true expanded=RwSignal::new(false) on_add=Some(Callback::new(|_| ()))/>
            </State>
            <State label="Empty" scope="env-empty">
                <EnvironmentPanel section=section(Environment::PreRelease, vec![]) uses_variants=true on_add=Some(Callback::new(|_| ()))/>
            </State>
            <State label="One number" scope="env-one">
                <EnvironmentPanel section=section(Environment::Live, typical_rows().into_iter().take(1).collect()) uses_variants=true actions=inert_actions()/>
            </State>
            <State label="Page 2 of 10,000 numbers" scope="env-many">
                <div class="gallery__scroll">
                    <EnvironmentPanel section=paged_section() uses_variants=true actions=inert_actions()/>
                </div>
            </State>
            <State label="No numbers match the search" scope="env-unmatched">
                <EnvironmentPanel section=unmatched_section() uses_variants=true clear=Some(crate::paths::numbers("acme"))/>
            </State>
            <State label="Loading" scope="env-loading">
                <p class="loading" aria-busy="true">"Loading numbers…"</p>
            </State>
            <State label="Error" scope="env-error">
                <ErrorAlert message=AppError::Unavailable.to_string()/>
            </State>
        </Component>
    }
}

#[component]
fn Tables() -> impl IntoView {
    view! {
        <Component id="numbers-table">
            <State label="With the Assigned variant column" scope="table-variants">
                <NumbersTable rows=typical_rows() uses_variants=true environment=Environment::Sandbox/>
            </State>
            <State label="Without variants (project uses none)" scope="table-plain">
                <NumbersTable rows=typical_rows() uses_variants=false environment=Environment::Sandbox/>
            </State>
            <State label="Unassigned, deleted variant, long name, both sources" scope="table-edges">
                <NumbersTable rows=edge_rows() uses_variants=true environment=Environment::Sandbox actions=inert_actions()/>
            </State>
        </Component>
    }
}

#[component]
fn Menus() -> impl IntoView {
    let items = ROW_ACTIONS
        .into_iter()
        .map(|label| MenuItem {
            label,
            on_select: Callback::new(|_| ()),
        })
        .collect::<Vec<_>>();
    view! {
        <Component id="row-actions">
            <State label="Open" scope="menu-open">
                <div class="gallery__menu">
                    <ActionsMenu label="Actions for +442079460123" id="gallery-menu" items open=true/>
                </div>
            </State>
        </Component>
    }
}

#[component]
fn Notices() -> impl IntoView {
    let publish = Callback::new(|_| ());
    view! {
        <Component id="callouts">
            {[
                (Callout::NewVariantAdded, "callout-new"),
                (Callout::VariantDeleted, "callout-deleted"),
                (Callout::DraftVariants, "callout-draft"),
            ]
                .into_iter()
                .map(|(callout, scope)| view! {
                    <State label=callout.title() scope>
                        <CalloutList callouts=vec![callout] on_publish=Some(publish) publishing=false/>
                    </State>
                })
                .collect_view()}
            <State label="Publishing" scope="callout-publishing">
                <CalloutList callouts=vec![Callout::NewVariantAdded] on_publish=Some(publish) publishing=true/>
            </State>
            <State label="Read access (no Publish)" scope="callout-read-only">
                <CalloutList callouts=vec![Callout::NewVariantAdded] on_publish=None publishing=false/>
            </State>
        </Component>
        <Component id="undo-bar">
            <State label="Pending, releasing, release failed" scope="undo">
                <DeletionList
                    deletions=deletions()
                    on_undo=Some(Callback::new(|_| ()))
                    on_retry=Some(Callback::new(|_| ()))
                />
            </State>
        </Component>
        <Component id="provider-checks">
            <State label="Checking, then what the checks found" scope="checks">
                <ProviderChecks notices=provider_notices()/>
            </State>
        </Component>
        <Component id="toasts">
            <State label="Success" scope="toast-ok">
                <p class="flash" role="status">"The number is back, with its environment and variant."</p>
            </State>
            <State label="Error" scope="toast-error">
                <ErrorAlert message="Twilio could not be reached, so the number is still connected. Please try again."/>
            </State>
            <State label="Session ended" scope="toast-signed-out">
                <SessionEnded here="/gallery#toasts"/>
            </State>
        </Component>
        <Component id="live-notice">
            <State label="Someone else's change" scope="live-change">
                <LiveNotice
                    message=Signal::stored(Some("editor@example.com deleted +44 20 7946 0123".to_owned()))
                    following=true
                    paused=false
                />
            </State>
            <State label="Updates paused (the server cannot be reached)" scope="live-paused">
                <LiveNotice message=Signal::stored(None::<String>) following=false paused=true/>
            </State>
        </Component>
        <Component id="no-integration">
            <State label="Blocked" scope="blocked">
                <NoIntegration integrations_href="/projects/fresh/integrations"/>
            </State>
        </Component>
        <Component id="read-only">
            <State label="View only (Read access)" scope="read-only">
                <ReadOnlyNotice message=NUMBERS_READ_ONLY/>
            </State>
        </Component>
    }
}

/// The Add number dialog context of the fixtures.
fn add_context(can_buy: bool, can_connect: bool) -> AddNumberContext {
    AddNumberContext {
        environment: Environment::Sandbox,
        uses_variants: true,
        variants: published(),
        can_buy,
        buys_through_twilio: false,
        can_connect,
    }
}

#[component]
fn AddNumberStates() -> impl IntoView {
    let dialog = move |preset: AddNumberPreset,
                       context: AddNumberContext,
                       pending: bool,
                       error: Option<AppError>| {
        view! {
            <AddNumberDialog
                context
                preset
                on_buy=|_| ()
                on_connect=|_| ()
                on_close=|()| ()
                pending=pending
                error=Signal::stored(error)
            />
        }
    };
    let buy_in = |country: Country, area: &str| AddNumberPreset {
        connect: false,
        country: Some(country),
        text: area.into(),
    };
    let us = move |area: &str| buy_in(Country::Us, area);
    let connect = |typed: &str| AddNumberPreset {
        connect: true,
        country: None,
        text: typed.into(),
    };
    view! {
        <Component id="add-number-dialog">
            <State label="Buy a UK number" scope="add-uk">
                {dialog(AddNumberPreset::default(), add_context(true, true), false, None)}
            </State>
            <State label="Buy a US number with an area code" scope="add-us">
                {dialog(us("212"), add_context(true, true), false, None)}
            </State>
            <State label="Area code error" scope="add-area-error">
                {dialog(us("21"), add_context(true, true), false, None)}
            </State>
            <State label="Buy through the project's Twilio account (no built-in pool)" scope="add-twilio-buy">
                {dialog(AddNumberPreset::default(), AddNumberContext { buys_through_twilio: true, ..add_context(true, true) }, false, None)}
            </State>
            <State label="Buy a Canadian number with an area code" scope="add-ca">
                {dialog(buy_in(Country::Ca, "416"), add_context(true, true), false, None)}
            </State>
            <State label="A US area code refused for Canada" scope="add-ca-us-code">
                {dialog(buy_in(Country::Ca, "212"), add_context(true, true), false, None)}
            </State>
            <State label="Variant error (from the server)" scope="add-variant-error">
                {dialog(AddNumberPreset::default(), add_context(true, true), false, Some(AppError::invalid("variant", "London is not published to Sandbox; publish it first.")))}
            </State>
            <State label="No stock" scope="add-no-stock">
                {dialog(us("907"), add_context(true, true), false, Some(AppError::Rejected("No numbers are available in area code 907. Try another area code, or leave it empty for any.".into())))}
            </State>
            <State label="Submitting" scope="add-submitting">
                {dialog(AddNumberPreset::default(), add_context(true, true), true, None)}
            </State>
            <State label="Connect a Twilio number" scope="add-connect">
                {dialog(connect("+1 415 555 0123"), add_context(true, true), false, None)}
            </State>
            <State label="Connect: number error" scope="add-connect-error">
                {dialog(connect("+1 646 555 0100"), add_context(true, true), false, Some(AppError::invalid("phone_number", "+16465550100 is not in this project's Twilio account. Check the number, or buy it in Twilio first.")))}
            </State>
            <State label="Connect without a Twilio integration" scope="add-no-twilio">
                {dialog(connect(""), add_context(true, false), false, None)}
            </State>
        </Component>
    }
}

#[component]
fn OtherDialogs() -> impl IntoView {
    let reassign = |options| ReassignTarget {
        e164: "+442079460123".into(),
        environment: Environment::Sandbox,
        options,
        current: Some(crate::domain::VariantId(2)),
    };
    let refused = RoutingPreview {
        e164: "+442079460123".into(),
        decision: RouteDecision::Refuse(Refusal::BeingDeleted),
        calls: vec![],
    };
    let none = Signal::stored(None::<String>);
    let meanwhile =
        |did: &str| Signal::stored(Some(format!("editor@example.com {did} +44 20 7946 0123")));
    view! {
        <Component id="reassign-dialog">
            <State label="Normal" scope="reassign">
                <ReassignDialog target=reassign(published()) variants_href="#" on_assign=|_| () on_close=|()| () pending=false error=none/>
            </State>
            <State label="Publish first" scope="reassign-empty">
                <ReassignDialog target=reassign(vec![]) variants_href="#" on_assign=|_| () on_close=|()| () pending=false error=none/>
            </State>
            <State label="Changed meanwhile (live updates)" scope="reassign-changed">
                <ReassignDialog target=reassign(published()) variants_href="#" on_assign=|_| () on_close=|()| () pending=false error=none changed=meanwhile("changed the variant of")/>
            </State>
        </Component>
        <Component id="delete-dialog">
            <State label="Release (bought through the platform)" scope="delete-release">
                <DeleteDialog target=delete_target(DeleteAction::Release, false) undo_window="10 minutes" on_delete=|_| () on_close=|()| () pending=false error=none/>
            </State>
            <State label="Disconnect (the customer's own Twilio number)" scope="delete-disconnect">
                <DeleteDialog target=delete_target(DeleteAction::Disconnect, false) undo_window="10 minutes" on_delete=|_| () on_close=|()| () pending=false error=none/>
            </State>
            <State label="Live: typed confirmation" scope="delete-live">
                <DeleteDialog target=delete_target(DeleteAction::Release, true) undo_window="10 minutes" on_delete=|_| () on_close=|()| () pending=false error=none/>
            </State>
            <State label="Deleted meanwhile (live updates)" scope="delete-changed">
                <DeleteDialog target=delete_target(DeleteAction::Release, false) undo_window="10 minutes" on_delete=|_| () on_close=|()| () pending=false error=none changed=meanwhile("deleted")/>
            </State>
        </Component>
        <Component id="routing-dialog">
            <State label="Dials the variant" scope="routing-dial">
                <RoutingDialog e164="+442079460123" preview=Signal::stored(Some(routing_preview())) error=none on_close=|()| ()/>
            </State>
            <State label="Refused (being deleted)" scope="routing-refused">
                <RoutingDialog e164="+442079460123" preview=Signal::stored(Some(refused)) error=none on_close=|()| ()/>
            </State>
            <State label="Loading" scope="routing-loading">
                <RoutingDialog e164="+442079460123" preview=Signal::stored(None) error=none on_close=|()| ()/>
            </State>
        </Component>
        <Component id="history-dialog">
            <State label="Entries" scope="history">
                <HistoryDialog e164="+442079460123" entries=Signal::stored(Some(history())) error=none project_href="#" on_close=|()| ()/>
            </State>
            <State label="Nothing yet" scope="history-empty">
                <HistoryDialog e164="+441632960001" entries=Signal::stored(Some(vec![])) error=none project_href="#" on_close=|()| ()/>
            </State>
        </Component>
    }
}

#[component]
fn VariantConfirmations() -> impl IntoView {
    let assigned = vec!["+44 20 7946 0123".to_owned(), "+44 113 496 0456".to_owned()];
    view! {
        <Component id="variant-confirmations">
            <State label="Delete variant: numbers still assigned" scope="delete-variant">
                <DeleteVariantDialog name="London" count=1240 numbers=assigned on_delete=|()| () on_close=|()| ()/>
            </State>
            <State label="Delete variant: no numbers" scope="delete-variant-empty">
                <DeleteVariantDialog name="Glasgow" count=0 numbers=vec![] on_delete=|()| () on_close=|()| ()/>
            </State>
            <State label="Promote to Live" scope="promote-live">
                <PromoteLiveDialog on_promote=|()| () on_close=|()| ()/>
            </State>
        </Component>
    }
}
