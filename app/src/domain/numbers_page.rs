//! The Numbers page's content, computed from a [`ProjectOverview`].
//!
//! Display strings are computed here (on the server) so the browser needs no
//! phone-number metadata.

use super::{
    Callout, DeletePlan, Environment, IntegrationKind, NumberState, ProjectOverview,
    ProjectSummary, Variant, VariantId, callouts, delete_plan, lifecycle::clock_utc,
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

/// One environment's section.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnvironmentSection {
    /// Which environment.
    pub environment: Environment,
    /// Its numbers, oldest first.
    pub rows: Vec<NumberRow>,
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
}

impl NumbersPage {
    /// Builds the page; `checked` are the purchases checked with the provider lately,
    /// `display` formats one E.164 number for people; `can_edit` is the member's permission
    /// to change numbers.
    pub fn build(
        overview: ProjectOverview,
        checked: &[CheckedPurchase],
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
            numbers,
            sip_routes,
        } = overview;
        if integrations.is_empty() {
            return Self {
                project,
                body: PageBody::NoIntegration,
                undo_window,
                can_edit,
            };
        }
        let cell = |variant: &Option<Variant>| match variant {
            None => VariantCell::Unassigned,
            Some(v) if draft_variants.iter().any(|d| d.id == v.id) => {
                VariantCell::Assigned(v.name.clone())
            }
            Some(v) => VariantCell::Deleted(v.name.clone()),
        };
        let (numbers, deleted): (Vec<_>, Vec<_>) =
            numbers.into_iter().partition(|n| n.state.is_active());
        let mut checks: Vec<ProviderNotice> = checked
            .iter()
            .map(|c| ProviderNotice::of_purchase(c, &display))
            .collect();
        checks.extend(deleted.iter().filter_map(|n| {
            let number = display(&n.e164).international;
            let env = n.environment.label();
            let text = match &n.state {
                NumberState::Connecting { .. } => format!("Connecting {number} to {env}: Twilio did not answer in time, so we are checking whether it now sends its calls here."),
                NumberState::Disconnecting { .. } => format!("Disconnecting {number} from {env}: Twilio did not answer in time, so we are checking that its own voice URL is back."),
                _ => return None,
            };
            Some(ProviderNotice {
                environment: n.environment,
                text,
                checking: true,
            })
        }));
        let deletions = deleted
            .iter()
            .filter_map(|n| {
                let status = match &n.state {
                    NumberState::Active
                    | NumberState::Connecting { .. }
                    | NumberState::Disconnecting { .. } => return None,
                    NumberState::PendingRelease { release_at } => DeletionStatus::Pending {
                        until: clock_utc(*release_at),
                    },
                    NumberState::Releasing { .. } => DeletionStatus::Releasing,
                    NumberState::ReleaseFailed { reason } => DeletionStatus::Failed {
                        reason: reason.clone(),
                    },
                };
                Some(DeletionNotice {
                    e164: n.e164.as_str().to_owned(),
                    international: display(&n.e164).international,
                    environment: n.environment,
                    status,
                })
            })
            .collect();
        let sections = Environment::ALL
            .into_iter()
            .map(|environment| EnvironmentSection {
                environment,
                rows: numbers
                    .iter()
                    .filter(|n| n.environment == environment)
                    .map(|n| NumberRow {
                        e164: n.e164.as_str().to_owned(),
                        display: display(&n.e164),
                        source: n.source.label().to_owned(),
                        variant: cell(&n.variant),
                        variant_id: n.variant.as_ref().map(|v| v.id),
                        delete_plan: delete_plan(&n.e164, n.ownership, environment),
                    })
                    .collect(),
                assignable: publications
                    .variants_in(environment)
                    .map(<[Variant]>::to_vec)
                    .unwrap_or_default(),
                sip: sip_routes
                    .iter()
                    .find(|(env, _)| *env == environment)
                    .map(|(_, sip)| sip.clone()),
            })
            .collect();
        let draft_ids: Vec<VariantId> = draft_variants.iter().map(|v| v.id).collect();
        let assigned: Vec<VariantId> = numbers
            .iter()
            .filter_map(|n| n.variant.as_ref().map(|v| v.id))
            .collect();
        Self {
            project,
            body: PageBody::Sections {
                uses_variants: !draft_variants.is_empty(),
                callouts: callouts(&draft_ids, &publications, &assigned),
                integrations,
                sections,
                deletions,
                checks,
            },
            undo_window,
            can_edit,
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
            numbers: vec![
                number("+441", Environment::Live, Some(variant(1, "Default"))),
                number("+442", Environment::Sandbox, None),
                number("+443", Environment::Sandbox, Some(variant(9, "Gone"))),
            ],
        }
    }

    #[test]
    fn groups_rows_by_environment_in_display_order() {
        let page = NumbersPage::build(
            overview(
                vec![IntegrationKind::BuiltInPool],
                vec![variant(1, "Default")],
            ),
            &[],
            fake_display,
            600,
            true,
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
        let page = NumbersPage::build(
            overview(
                vec![IntegrationKind::BuiltInPool],
                vec![variant(1, "Default")],
            ),
            &[],
            fake_display,
            600,
            true,
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
        let page = NumbersPage::build(
            overview(vec![IntegrationKind::Twilio], vec![variant(1, "Default")]),
            &[],
            fake_display,
            600,
            true,
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
        let page = NumbersPage::build(
            overview(vec![IntegrationKind::BuiltInPool], vec![]),
            &[],
            fake_display,
            600,
            true,
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
        let page = NumbersPage::build(overview(vec![], vec![]), &[], fake_display, 600, true);
        assert_eq!(page.body, PageBody::NoIntegration);
        assert_eq!(page.project.slug, "p");
    }

    #[test]
    fn numbers_being_deleted_leave_the_table_for_the_deletion_notices() {
        let mut data = overview(
            vec![IntegrationKind::BuiltInPool],
            vec![variant(1, "Default")],
        );
        data.numbers[0].state = NumberState::PendingRelease {
            release_at: 22 * 3600 + 51 * 60,
        };
        data.numbers[2].state = NumberState::ReleaseFailed {
            reason: "refused".into(),
        };
        let page = NumbersPage::build(data, &[], fake_display, 600, true);
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
        let mut data = overview(vec![IntegrationKind::Twilio], vec![]);
        data.numbers[0].ownership = Ownership::Connected;
        data.numbers[0].state = NumberState::Connecting { since: 1 };
        data.numbers[1].ownership = Ownership::Connected;
        data.numbers[1].state = NumberState::Disconnecting { since: 1 };
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
        let page = NumbersPage::build(data, &checked, fake_display, 600, true);
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
}
