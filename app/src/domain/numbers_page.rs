//! The Numbers page's content, computed from a [`ProjectOverview`].
//!
//! Display strings are computed here (on the server) so the browser needs no
//! phone-number metadata.

use super::{
    Callout, DeletePlan, Environment, IntegrationKind, NumberRecord, NumberState, NumbersListing,
    NumbersView, ProjectOverview, ProjectSummary, Variant, VariantId, callouts, delete_plan,
    lifecycle::clock_utc,
};
use serde::{Deserialize, Serialize};

/// How a number is shown: country and readable grouping.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NumberDisplay {
    /// Short country name, e.g. `UK`.
    pub country: String,
    /// Full country name for assistive text, e.g. `United Kingdom`.
    pub country_name: String,
    /// International grouping, e.g. `+44 7700 900123`.
    pub international: String,
}

/// The Assigned variant cell.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum VariantCell {
    /// No variant assigned.
    Unassigned,
    /// A variant that is in the draft.
    Assigned(String),
    /// A variant deleted from the draft that the number still points at.
    Deleted(String),
}

/// One row of an environment's table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NumberRow {
    /// E.164 form, for `data-e164` and copying.
    pub e164: String,
    /// How the number is shown.
    pub display: NumberDisplay,
    /// The Source column's text.
    pub source: String,
    /// The Assigned variant column.
    pub variant: VariantCell,
    /// The assigned variant's identity, to preselect it when reassigning.
    pub variant_id: Option<VariantId>,
    /// What deleting it does and asks for.
    pub delete_plan: DeletePlan,
    /// For a number not in use (listed by the State filter): its state, e.g. `Being deleted`;
    /// such a row offers only `status_action`, as the deletions above do.
    pub status: Option<String>,
    /// What a member may do about a number not in use from its row.
    pub status_action: Option<StatusAction>,
}

/// The deletion list's action on a number not in use, offered again on its row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum StatusAction {
    /// Undo the delete (inside the undo window).
    Undo,
    /// Try the release again (after it failed).
    RetryRelease,
}

impl StatusAction {
    /// Its menu item's text.
    pub fn label(self) -> &'static str {
        match self {
            Self::Undo => "Undo delete",
            Self::RetryRelease => "Retry release",
        }
    }

    /// The action on a number in `state`, if any.
    pub fn of(state: &NumberState) -> Option<Self> {
        match state {
            NumberState::PendingRelease { .. } => Some(Self::Undo),
            NumberState::ReleaseFailed { .. } => Some(Self::RetryRelease),
            _ => None,
        }
    }
}

/// Where a deleted number's release stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DeletionStatus {
    /// Undo is possible until the given time (`HH:MM UTC`).
    Pending {
        /// When the undo window closes, for people.
        until: String,
    },
    /// The release is being carried out now.
    Releasing,
    /// The provider refused or failed; a retry is possible.
    Failed {
        /// Why, in plain words.
        reason: String,
    },
}

/// A number deleted but not yet released, shown above the sections.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeletionNotice {
    /// E.164 form.
    pub e164: String,
    /// Readable international grouping.
    pub international: String,
    /// The environment it served.
    pub environment: Environment,
    /// Where its release stands.
    pub status: DeletionStatus,
}

/// What became of a purchase whose provider did not answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PurchaseCheck {
    /// Still being checked.
    Checking,
    /// The provider had bought this number: it is now the project's.
    Bought(super::E164),
    /// The provider had bought nothing.
    NothingBought,
}

/// A purchase whose provider did not answer, and its environment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckedPurchase {
    /// Where the number was to serve.
    pub environment: Environment,
    /// Where the check stands.
    pub outcome: PurchaseCheck,
}

/// One line the page shows about something checked with the provider (a purchase, a
/// connection or a disconnection Twilio did not answer), announced politely.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProviderNotice {
    /// The environment it is about.
    pub environment: Environment,
    /// What happened and what happens next, in plain words.
    pub text: String,
    /// Still being checked (else: the answer is in).
    pub checking: bool,
}

impl ProviderNotice {
    /// The notice of a checked purchase; `display` formats numbers for people.
    pub fn of_purchase(
        checked: &CheckedPurchase,
        display: &impl Fn(&super::E164) -> NumberDisplay,
    ) -> Self {
        let env = checked.environment.label();
        let (text, checking) = match &checked.outcome {
            PurchaseCheck::Checking => (
                format!(
                    "Buying a number for {env}: Twilio did not answer in time, so we are checking whether it was bought. The answer will show here."
                ),
                true,
            ),
            PurchaseCheck::Bought(e164) => (
                format!(
                    "Twilio answered late: {} was bought for {env}.",
                    display(e164).international
                ),
                false,
            ),
            PurchaseCheck::NothingBought => (
                format!("Twilio did not buy a number for {env}: nothing was bought or charged."),
                false,
            ),
        };
        Self {
            environment: checked.environment,
            text,
            checking,
        }
    }
}

/// A section's pager: where its page stands and links to its neighbours.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pager {
    /// E.g. `51–100 of 10,000`.
    pub range: String,
    /// The previous page's URL (none on the first).
    pub previous: Option<String>,
    /// The next page's URL (none on the last).
    pub next: Option<String>,
}

impl Pager {
    /// The pager of `environment`'s section showing `page` of `total` rows in `view` on the
    /// Numbers page at `path`; none when the rows fit one page.
    pub fn of(
        path: &str,
        view: &NumbersView,
        environment: super::Environment,
        page: u64,
        total: u64,
    ) -> Option<Self> {
        use super::numbers_view::{PAGE_SIZE, page_count, range_text};
        let pages = page_count(total);
        let href = |page| format!("{path}{}", view.at_page(environment, page).to_query());
        (total > PAGE_SIZE).then(|| Self {
            range: range_text(page, total),
            previous: (page > 1).then(|| href(page - 1)),
            next: (page < pages).then(|| href(page + 1)),
        })
    }
}

/// The search and filters above the sections, and the view they show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finder {
    /// The page's path (the form's action; views add a query).
    pub path: String,
    /// The view shown.
    pub view: NumbersView,
    /// Draft variants (the Assigned variant filter's choices; empty without variants).
    pub variants: Vec<Variant>,
    /// The URL without search and filters, while any is set.
    pub clear: Option<String>,
    /// The CSV export of the view: `{path}.csv` with the view's query.
    pub export: String,
}

impl Finder {
    /// The finder of the Numbers page at `path` showing `view`, offering `variants`.
    pub fn new(path: String, view: &NumbersView, variants: Vec<Variant>) -> Self {
        Self {
            clear: view
                .is_filtered()
                .then(|| format!("{path}{}", view.cleared().to_query())),
            export: format!("{path}.csv{}", view.to_query()),
            path,
            view: view.clone(),
            variants,
        }
    }
}

/// One environment's section.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnvironmentSection {
    /// Which environment.
    pub environment: Environment,
    /// How many numbers the view's search and filters leave in it.
    pub total: u64,
    /// One page of them, in the view's order.
    pub rows: Vec<NumberRow>,
    /// Present when it holds more than one page.
    pub pager: Option<Pager>,
    /// What it says when no row is shown: `No numbers in Sandbox`, or `No numbers match`
    /// while a search or filter is set.
    pub empty_text: String,
    /// Variants published to this environment: the only ones its numbers may be assigned.
    pub assignable: Vec<Variant>,
    /// Its SIP addresses (read-only; managed by the platform).
    pub sip: Option<super::SipRoute>,
}

/// What the page shows below its heading.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PageBody {
    /// No telephony integration: numbers cannot exist yet.
    NoIntegration,
    /// The three environment sections.
    Sections {
        /// Whether the Assigned variant column is shown.
        uses_variants: bool,
        /// Variant callouts, in display order.
        callouts: Vec<Callout>,
        /// The project's integrations: the pool buys numbers, Twilio connects them.
        integrations: Vec<IntegrationKind>,
        /// Sandbox, Pre-release, Live, in that order.
        sections: Vec<EnvironmentSection>,
        /// Deleted numbers not yet released (undo or retry), oldest first.
        deletions: Vec<DeletionNotice>,
        /// Purchases, connections and disconnections being checked with the provider.
        checks: Vec<ProviderNotice>,
    },
}

/// Everything the Numbers page renders.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NumbersPage {
    /// The project.
    pub project: ProjectSummary,
    /// Sections or the no-integration notice.
    pub body: PageBody,
    /// How long a deleted number can be restored, for people (e.g. `10 minutes`).
    pub undo_window: String,
    /// Whether the member may change numbers (Edit); with Read the page is view-only.
    pub can_edit: bool,
    /// Search and filters (none without an integration).
    pub finder: Option<Finder>,
}

/// How a number not in use is described in a section listed by the State filter (which
/// lists those being deleted or whose release failed, never those being checked).
fn status_of(state: &NumberState) -> Option<String> {
    match state {
        NumberState::PendingRelease { .. } | NumberState::Releasing { .. } => {
            Some("Being deleted".into())
        }
        NumberState::ReleaseFailed { .. } => Some("Release failed".into()),
        NumberState::Active
        | NumberState::Connecting { .. }
        | NumberState::Disconnecting { .. } => None,
    }
}

/// What the page says above the sections about a number not in use, if anything: a check
/// with the provider, or a deletion.
fn notices(
    n: &NumberRecord,
    display: &impl Fn(&super::E164) -> NumberDisplay,
) -> (Option<ProviderNotice>, Option<DeletionNotice>) {
    let international = display(&n.e164).international;
    let env = n.environment.label();
    let checking = |text: String| ProviderNotice {
        environment: n.environment,
        text,
        checking: true,
    };
    let deletion = |status| DeletionNotice {
        e164: n.e164.as_str().to_owned(),
        international: international.clone(),
        environment: n.environment,
        status,
    };
    match &n.state {
        NumberState::Active => (None, None),
        NumberState::Connecting { .. } => (
            Some(checking(format!(
                "Connecting {international} to {env}: Twilio did not answer in time, so we are checking whether it now sends its calls here."
            ))),
            None,
        ),
        NumberState::Disconnecting { .. } => (
            Some(checking(format!(
                "Disconnecting {international} from {env}: Twilio did not answer in time, so we are checking that its own voice URL is back."
            ))),
            None,
        ),
        NumberState::PendingRelease { release_at } => (
            None,
            Some(deletion(DeletionStatus::Pending {
                until: clock_utc(*release_at),
            })),
        ),
        NumberState::Releasing { .. } => (None, Some(deletion(DeletionStatus::Releasing))),
        NumberState::ReleaseFailed { reason } => (
            None,
            Some(deletion(DeletionStatus::Failed {
                reason: reason.clone(),
            })),
        ),
    }
}

/// What [`NumbersPage::build`] reads besides the project's settings.
pub struct Listed<'a> {
    /// The numbers the view shows (one page per section), those not in use, the variants in use.
    pub listing: NumbersListing,
    /// The view they were listed for.
    pub view: &'a NumbersView,
    /// The purchases checked with the provider lately.
    pub checked: &'a [CheckedPurchase],
}

impl NumbersPage {
    /// Builds the page; `display` formats one E.164 number for people; `can_edit` is the
    /// member's permission to change numbers.
    pub fn build(
        overview: ProjectOverview,
        listed: Listed<'_>,
        display: impl Fn(&super::E164) -> NumberDisplay,
        undo_window_secs: i64,
        can_edit: bool,
    ) -> Self {
        let undo_window = super::lifecycle::describe_window(undo_window_secs);
        let ProjectOverview {
            project,
            integrations,
            draft_variants,
            publications,
            sip_routes,
        } = overview;
        if integrations.is_empty() {
            return Self {
                project,
                body: PageBody::NoIntegration,
                undo_window,
                can_edit,
                finder: None,
            };
        }
        let Listed {
            listing,
            view,
            checked,
        } = listed;
        let path = crate::paths::numbers(&project.slug);
        let cell = |variant: &Option<Variant>| match variant {
            None => VariantCell::Unassigned,
            Some(v) if draft_variants.iter().any(|d| d.id == v.id) => {
                VariantCell::Assigned(v.name.clone())
            }
            Some(v) => VariantCell::Deleted(v.name.clone()),
        };
        let mut checks: Vec<ProviderNotice> = checked
            .iter()
            .map(|c| ProviderNotice::of_purchase(c, &display))
            .collect();
        let mut deletions = Vec::new();
        for n in &listing.unsettled {
            let (check, deletion) = notices(n, &display);
            checks.extend(check);
            deletions.extend(deletion);
        }
        let filtered = view.is_filtered();
        let sections = listing
            .sections
            .into_iter()
            .map(|listed| {
                let environment = listed.environment;
                let pager = Pager::of(&path, view, environment, listed.page, listed.total);
                EnvironmentSection {
                    environment,
                    total: listed.total,
                    rows: listed
                        .numbers
                        .iter()
                        .map(|n| NumberRow {
                            e164: n.e164.as_str().to_owned(),
                            display: display(&n.e164),
                            source: n.source.label().to_owned(),
                            variant: cell(&n.variant),
                            variant_id: n.variant.as_ref().map(|v| v.id),
                            delete_plan: delete_plan(&n.e164, n.ownership, environment),
                            status: status_of(&n.state),
                            status_action: StatusAction::of(&n.state),
                        })
                        .collect(),
                    pager,
                    empty_text: if filtered {
                        "No numbers match".into()
                    } else {
                        format!("No numbers in {}", environment.label())
                    },
                    assignable: publications
                        .variants_in(environment)
                        .map(<[Variant]>::to_vec)
                        .unwrap_or_default(),
                    sip: sip_routes
                        .iter()
                        .find(|(env, _)| *env == environment)
                        .map(|(_, sip)| sip.clone()),
                }
            })
            .collect();
        let draft_ids: Vec<VariantId> = draft_variants.iter().map(|v| v.id).collect();
        let finder = Finder::new(path, view, draft_variants.clone());
        Self {
            project,
            body: PageBody::Sections {
                uses_variants: !draft_variants.is_empty(),
                callouts: callouts(&draft_ids, &publications, &listing.assigned),
                integrations,
                sections,
                deletions,
                checks,
            },
            undo_window,
            can_edit,
            finder: Some(finder),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{E164, IntegrationKind, NumberRecord, Ownership, VariantId};

    fn variant(id: i64, name: &str) -> Variant {
        Variant {
            id: VariantId(id),
            name: name.into(),
        }
    }

    fn number(e164: &str, env: Environment, variant: Option<Variant>) -> NumberRecord {
        NumberRecord {
            e164: E164::parse(e164).unwrap(),
            environment: env,
            source: IntegrationKind::BuiltInPool,
            ownership: Ownership::Purchased,
            variant,
            state: NumberState::Active,
        }
    }

    fn fake_display(n: &E164) -> NumberDisplay {
        NumberDisplay {
            country: "XX".into(),
            country_name: "Test".into(),
            international: format!("fmt {n}"),
        }
    }

    fn overview(integrations: Vec<IntegrationKind>, draft: Vec<Variant>) -> ProjectOverview {
        ProjectOverview {
            project: ProjectSummary {
                slug: "p".into(),
                name: "P".into(),
            },
            integrations,
            draft_variants: draft,
            publications: crate::domain::Publications::default()
                .with(Environment::Sandbox, vec![variant(1, "Default")]),
            sip_routes: vec![],
        }
    }

    fn demo_numbers() -> Vec<NumberRecord> {
        vec![
            number("+441", Environment::Live, Some(variant(1, "Default"))),
            number("+442", Environment::Sandbox, None),
            number("+443", Environment::Sandbox, Some(variant(9, "Gone"))),
        ]
    }

    /// What the store lists of `numbers` under the default view (all fit one page).
    fn listing(numbers: &[NumberRecord]) -> NumbersListing {
        let (active, unsettled): (Vec<_>, Vec<_>) =
            numbers.iter().cloned().partition(|n| n.state.is_active());
        NumbersListing {
            sections: Environment::ALL
                .into_iter()
                .map(|environment| {
                    let rows: Vec<NumberRecord> = active
                        .iter()
                        .filter(|n| n.environment == environment)
                        .cloned()
                        .collect();
                    crate::domain::SectionListing {
                        environment,
                        total: rows.len() as u64,
                        page: 1,
                        numbers: rows,
                    }
                })
                .collect(),
            unsettled,
            assigned: active
                .iter()
                .filter_map(|n| n.variant.as_ref().map(|v| v.id))
                .collect(),
        }
    }

    fn build(
        overview: ProjectOverview,
        numbers: &[NumberRecord],
        checked: &[CheckedPurchase],
    ) -> NumbersPage {
        let view = NumbersView::default();
        NumbersPage::build(
            overview,
            Listed {
                listing: listing(numbers),
                view: &view,
                checked,
            },
            fake_display,
            600,
            true,
        )
    }

    #[test]
    fn groups_rows_by_environment_in_display_order() {
        let page = build(
            overview(
                vec![IntegrationKind::BuiltInPool],
                vec![variant(1, "Default")],
            ),
            &demo_numbers(),
            &[],
        );
        let PageBody::Sections {
            uses_variants,
            sections,
            ..
        } = page.body
        else {
            panic!("expected sections");
        };
        assert!(uses_variants);
        let envs: Vec<_> = sections.iter().map(|s| s.environment).collect();
        assert_eq!(envs, Environment::ALL);
        let e164s =
            |i: usize| -> Vec<&str> { sections[i].rows.iter().map(|r| r.e164.as_str()).collect() };
        assert_eq!(e164s(0), ["+442", "+443"]);
        assert!(sections[1].rows.is_empty());
        assert_eq!(e164s(2), ["+441"]);
        assert_eq!(sections[2].rows[0].display.international, "fmt +441");
        assert_eq!(sections[2].rows[0].source, "PolyAI");
        assert_eq!(sections[0].assignable, [variant(1, "Default")]);
        assert!(
            sections[2].assignable.is_empty(),
            "nothing published to Live"
        );
    }

    #[test]
    fn callouts_follow_the_numbers_and_publications() {
        let page = build(
            overview(
                vec![IntegrationKind::BuiltInPool],
                vec![variant(1, "Default")],
            ),
            &demo_numbers(),
            &[],
        );
        let PageBody::Sections { callouts, .. } = page.body else {
            panic!("expected sections");
        };
        assert_eq!(
            callouts,
            [Callout::VariantDeleted],
            "+443 points at deleted variant 9"
        );
    }

    #[test]
    fn variant_cells_tell_assigned_unassigned_and_deleted_apart() {
        let page = build(
            overview(vec![IntegrationKind::Twilio], vec![variant(1, "Default")]),
            &demo_numbers(),
            &[],
        );
        let PageBody::Sections { sections, .. } = page.body else {
            panic!("expected sections");
        };
        assert_eq!(sections[0].rows[0].variant, VariantCell::Unassigned);
        assert_eq!(
            sections[0].rows[1].variant,
            VariantCell::Deleted("Gone".into())
        );
        assert_eq!(
            sections[2].rows[0].variant,
            VariantCell::Assigned("Default".into())
        );
    }

    #[test]
    fn no_draft_variants_means_no_variant_column() {
        let page = build(
            overview(vec![IntegrationKind::BuiltInPool], vec![]),
            &demo_numbers(),
            &[],
        );
        assert!(matches!(
            page.body,
            PageBody::Sections {
                uses_variants: false,
                ..
            }
        ));
    }

    #[test]
    fn no_integration_blocks_the_page() {
        let page = build(overview(vec![], vec![]), &demo_numbers(), &[]);
        assert_eq!(page.body, PageBody::NoIntegration);
        assert_eq!(page.project.slug, "p");
    }

    #[test]
    fn numbers_being_deleted_leave_the_table_for_the_deletion_notices() {
        let data = overview(
            vec![IntegrationKind::BuiltInPool],
            vec![variant(1, "Default")],
        );
        let mut numbers = demo_numbers();
        numbers[0].state = NumberState::PendingRelease {
            release_at: 22 * 3600 + 51 * 60,
        };
        numbers[2].state = NumberState::ReleaseFailed {
            reason: "refused".into(),
        };
        let page = build(data, &numbers, &[]);
        let PageBody::Sections {
            sections,
            deletions,
            callouts,
            ..
        } = page.body
        else {
            panic!("expected sections");
        };
        assert!(sections[2].rows.is_empty(), "+441 is pending release");
        let sandbox: Vec<&str> = sections[0].rows.iter().map(|r| r.e164.as_str()).collect();
        assert_eq!(sandbox, ["+442"]);
        assert_eq!(
            deletions,
            [
                DeletionNotice {
                    e164: "+441".into(),
                    international: "fmt +441".into(),
                    environment: Environment::Live,
                    status: DeletionStatus::Pending {
                        until: "22:51 UTC".into()
                    },
                },
                DeletionNotice {
                    e164: "+443".into(),
                    international: "fmt +443".into(),
                    environment: Environment::Sandbox,
                    status: DeletionStatus::Failed {
                        reason: "refused".into()
                    },
                },
            ]
        );
        assert!(
            callouts.is_empty(),
            "a number on its way out does not raise the Variant deleted callout"
        );
    }

    #[test]
    fn checks_with_the_provider_are_notices_not_rows() {
        let data = overview(vec![IntegrationKind::Twilio], vec![]);
        let mut numbers = demo_numbers();
        numbers[0].ownership = Ownership::Connected;
        numbers[0].state = NumberState::Connecting { since: 1 };
        numbers[1].ownership = Ownership::Connected;
        numbers[1].state = NumberState::Disconnecting { since: 1 };
        let bought = E164::parse("+12125550177").unwrap();
        let checked = [
            CheckedPurchase {
                environment: Environment::Sandbox,
                outcome: PurchaseCheck::Checking,
            },
            CheckedPurchase {
                environment: Environment::Live,
                outcome: PurchaseCheck::Bought(bought),
            },
            CheckedPurchase {
                environment: Environment::PreRelease,
                outcome: PurchaseCheck::NothingBought,
            },
        ];
        let page = build(data, &numbers, &checked);
        let PageBody::Sections {
            sections,
            deletions,
            checks,
            ..
        } = page.body
        else {
            panic!("expected sections");
        };
        let rows: Vec<&str> = sections
            .iter()
            .flat_map(|s| s.rows.iter().map(|r| r.e164.as_str()))
            .collect();
        assert_eq!(rows, ["+443"], "numbers being checked are not rows yet");
        assert!(deletions.is_empty());
        let said: Vec<(&str, bool)> = checks
            .iter()
            .map(|c| (c.text.as_str(), c.checking))
            .collect();
        assert_eq!(said.len(), 5);
        assert!(
            said[0]
                .0
                .starts_with("Buying a number for Sandbox: Twilio did not answer")
                && said[0].1
        );
        assert_eq!(
            said[1],
            (
                "Twilio answered late: fmt +12125550177 was bought for Live.",
                false
            )
        );
        assert!(said[2].0.contains("nothing was bought") && !said[2].1);
        assert!(said[3].0.starts_with("Connecting fmt +441 to Live") && said[3].1);
        assert!(said[4].0.starts_with("Disconnecting fmt +442 from Sandbox") && said[4].1);
    }

    #[test]
    fn a_section_longer_than_a_page_links_its_neighbours_within_the_view() {
        let view = NumbersView::from_query([("q", "7946"), ("sandbox_page", "2")]);
        let mut listed = listing(&demo_numbers());
        listed.sections[0].total = 10_000;
        listed.sections[0].page = 2;
        listed.sections[2].numbers.clear();
        listed.sections[2].total = 0;
        let page = NumbersPage::build(
            overview(vec![IntegrationKind::BuiltInPool], vec![]),
            Listed {
                listing: listed,
                view: &view,
                checked: &[],
            },
            fake_display,
            600,
            true,
        );
        let PageBody::Sections { sections, .. } = &page.body else {
            panic!("expected sections");
        };
        assert_eq!(
            sections[0].pager,
            Some(Pager {
                range: "51–100 of 10,000".into(),
                previous: Some("/projects/p/numbers?q=7946".into()),
                next: Some("/projects/p/numbers?q=7946&sandbox_page=3".into()),
            })
        );
        assert_eq!(sections[1].pager, None, "an empty section has no pager");
        assert_eq!(sections[2].empty_text, "No numbers match");
        let finder = page.finder.unwrap();
        assert_eq!(finder.clear.as_deref(), Some("/projects/p/numbers"));
    }

    #[test]
    fn rows_listed_by_the_state_filter_say_their_state() {
        let mut numbers = demo_numbers();
        numbers[1].state = NumberState::ReleaseFailed {
            reason: "refused".into(),
        };
        let mut listed = listing(&numbers);
        // As the store lists them under `state=release-failed`.
        listed.sections[0].numbers = vec![numbers[1].clone()];
        let view = NumbersView::from_query([("state", "release-failed")]);
        let page = NumbersPage::build(
            overview(vec![IntegrationKind::BuiltInPool], vec![]),
            Listed {
                listing: listed,
                view: &view,
                checked: &[],
            },
            fake_display,
            600,
            true,
        );
        let PageBody::Sections { sections, .. } = page.body else {
            panic!("expected sections");
        };
        assert_eq!(
            sections[0].rows[0].status.as_deref(),
            Some("Release failed")
        );
        assert_eq!(
            sections[0].rows[0].status_action,
            Some(StatusAction::RetryRelease),
            "its retry is on the row too"
        );
        assert_eq!(sections[2].rows[0].status, None);
        assert_eq!(sections[2].rows[0].status_action, None);
    }
}
