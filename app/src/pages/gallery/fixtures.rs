//! Fixture data for the gallery: plain values, no server, no database.

use crate::components::DeleteTarget;
use crate::domain::{
    CallRecord, CheckedPurchase, DeleteAction, DeletePlan, DeletionNotice, DeletionStatus,
    Environment, EnvironmentSection, EventKind, HistoryEntry, NumberDisplay, NumberRow,
    ProviderNotice, PurchaseCheck, RouteDecision, RoutingPreview, SipRoute, Variant, VariantCell,
    VariantId,
};

/// A variant with `id` and `name`.
pub fn variant(id: i64, name: &str) -> Variant {
    Variant {
        id: VariantId(id),
        name: name.into(),
    }
}

/// The variants published to Sandbox in the fixtures.
pub fn published() -> Vec<Variant> {
    vec![
        variant(1, "Default"),
        variant(2, "London"),
        variant(3, "Leeds"),
    ]
}

/// A row for `e164`, shown as `international`, with `source` and `cell`.
pub fn row(e164: &str, international: &str, source: &str, cell: VariantCell) -> NumberRow {
    let us = e164.starts_with("+1");
    let variant_id = match &cell {
        VariantCell::Assigned(name) => published()
            .into_iter()
            .find(|v| v.name == *name)
            .map(|v| v.id),
        _ => None,
    };
    NumberRow {
        e164: e164.into(),
        display: NumberDisplay {
            country: if us { "US" } else { "UK" }.into(),
            country_name: if us {
                "United States"
            } else {
                "United Kingdom"
            }
            .into(),
            international: international.into(),
        },
        source: source.into(),
        variant: cell,
        variant_id,
        status: None,
        status_action: None,
        delete_plan: DeletePlan {
            action: if source == "PolyAI" {
                DeleteAction::Release
            } else {
                DeleteAction::Disconnect
            },
            live_warning: false,
            confirm_digits: None,
        },
    }
}

/// A typical Sandbox: a pool number on London and a connected Twilio number unassigned.
pub fn typical_rows() -> Vec<NumberRow> {
    vec![
        row(
            "+442079460123",
            "+44 20 7946 0123",
            "PolyAI",
            VariantCell::Assigned("London".into()),
        ),
        row(
            "+12125550142",
            "+1 212-555-0142",
            "Twilio",
            VariantCell::Unassigned,
        ),
    ]
}

/// `count` pool numbers from the mobile drama range.
pub fn many_rows(count: usize) -> Vec<NumberRow> {
    (0..count)
        .map(|n| {
            let names = ["Default", "London", "Leeds"];
            row(
                &format!("+447700900{n:03}"),
                &format!("+44 7700 900{n:03}"),
                "PolyAI",
                VariantCell::Assigned(names[n % names.len()].into()),
            )
        })
        .collect()
}

/// Page 2 of a Sandbox section holding 10,000 numbers, as the default view shows it.
pub fn paged_section() -> EnvironmentSection {
    EnvironmentSection {
        total: 10_000,
        pager: crate::domain::numbers_page::Pager::of(
            &crate::paths::numbers("acme"),
            &crate::domain::NumbersView::default(),
            Environment::Sandbox,
            2,
            10_000,
        ),
        ..section(Environment::Sandbox, many_rows(50))
    }
}

/// A section a search left empty.
pub fn unmatched_section() -> EnvironmentSection {
    EnvironmentSection {
        empty_text: "No numbers match".into(),
        ..section(Environment::Live, vec![])
    }
}

/// The search and filters of acme, showing `view`.
pub fn finder(view: crate::domain::NumbersView) -> crate::domain::numbers_page::Finder {
    crate::domain::numbers_page::Finder::new(crate::paths::numbers("acme"), &view, published())
}

/// Rows with every variant cell and long names.
pub fn edge_rows() -> Vec<NumberRow> {
    vec![
        row(
            "+441134960456",
            "+44 113 496 0456",
            "PolyAI",
            VariantCell::Assigned("Leeds".into()),
        ),
        row(
            "+441632960001",
            "+44 1632 960001",
            "PolyAI",
            VariantCell::Unassigned,
        ),
        row(
            "+447700900321",
            "+44 7700 900321",
            "PolyAI",
            VariantCell::Deleted("Glasgow".into()),
        ),
        row(
            "+16465550199",
            "+1 646-555-0199",
            "Twilio",
            VariantCell::Assigned(
                "Weekend overflow for the north-east customer care team (pilot)".into(),
            ),
        ),
    ]
}

/// The section of `environment` with `rows` (all of it: one page).
pub fn section(environment: Environment, rows: Vec<NumberRow>) -> EnvironmentSection {
    EnvironmentSection {
        environment,
        total: rows.len() as u64,
        pager: None,
        empty_text: format!("No numbers in {}", environment.label()),
        rows,
        assignable: published(),
        sip: Some(SipRoute {
            main: format!("sip:acme-{}@sip.numbers.test", environment.slug()),
            fallback: format!("sip:acme-{}-fallback@sip.numbers.test", environment.slug()),
        }),
    }
}

/// One deleted number in each state.
pub fn deletions() -> Vec<DeletionNotice> {
    let notice = |e164: &str, international: &str, status| DeletionNotice {
        e164: e164.into(),
        international: international.into(),
        environment: Environment::Sandbox,
        status,
    };
    vec![
        notice(
            "+442079460123",
            "+44 20 7946 0123",
            DeletionStatus::Pending {
                until: "14:35 UTC".into(),
            },
        ),
        notice(
            "+441134960456",
            "+44 113 496 0456",
            DeletionStatus::Releasing,
        ),
        notice(
            "+14155550177",
            "+1 415-555-0177",
            DeletionStatus::Failed {
                reason: "the provider could not be reached".into(),
            },
        ),
    ]
}

/// A Delete number target of each kind.
pub fn delete_target(action: DeleteAction, live: bool) -> DeleteTarget {
    let (e164, international, source) = match action {
        DeleteAction::Release => ("+447700900321", "+44 7700 900321", "PolyAI"),
        DeleteAction::Disconnect => ("+12125550142", "+1 212-555-0142", "Twilio"),
    };
    DeleteTarget {
        e164: e164.into(),
        international: international.into(),
        environment: if live {
            Environment::Live
        } else {
            Environment::Sandbox
        },
        source: source.into(),
        plan: DeletePlan {
            action,
            live_warning: live,
            confirm_digits: live.then(|| e164[e164.len() - 4..].to_owned()),
        },
    }
}

/// A routing preview that dials, with two calls.
pub fn routing_preview() -> RoutingPreview {
    RoutingPreview {
        e164: "+442079460123".into(),
        decision: RouteDecision::Dial {
            environment: Environment::Sandbox,
            variant: Some("London".into()),
            sip_uri: "sip:acme-sandbox@sip.numbers.test?X-PolyAI-Variant=London".into(),
            fallback_uri: "sip:acme-sandbox-fallback@sip.numbers.test?X-PolyAI-Variant=London"
                .into(),
        },
        calls: vec![
            CallRecord {
                at: "2026-11-27 14:02:11 UTC".into(),
                from: "+447700900777".into(),
                status: "completed".into(),
            },
            CallRecord {
                at: "2026-11-27 13:58:40 UTC".into(),
                from: "+14155550100".into(),
                status: "routed".into(),
            },
        ],
    }
}

/// A number's history, newest first.
pub fn history() -> Vec<HistoryEntry> {
    let entry =
        |kind, at: &str, actor: &str, before: Option<&str>, after: Option<&str>| HistoryEntry {
            e164: "+442079460123".into(),
            kind,
            actor: actor.into(),
            at: at.into(),
            before: before.map(Into::into),
            after: after.map(Into::into),
        };
    vec![
        entry(
            EventKind::DeletionUndone,
            "2026-11-27 14:26:02 UTC",
            "editor@example.com",
            Some("Pending release"),
            Some("Sandbox · Leeds"),
        ),
        entry(
            EventKind::DeletionRequested,
            "2026-11-27 14:25:40 UTC",
            "editor@example.com",
            Some("Sandbox · Leeds"),
            Some("Release at 14:35 UTC"),
        ),
        entry(
            EventKind::VariantChanged,
            "2026-11-27 11:03:19 UTC",
            "admin@example.com",
            Some("Sandbox · London"),
            Some("Sandbox · Leeds"),
        ),
        entry(
            EventKind::Bought,
            "2026-11-20 09:00:00 UTC",
            "admin@example.com",
            None,
            Some("Sandbox · London"),
        ),
    ]
}

/// Notices of what is being checked with Twilio, and what checks found.
pub fn provider_notices() -> Vec<ProviderNotice> {
    let display = |n: &crate::domain::E164| NumberDisplay {
        country: "US".into(),
        country_name: "United States".into(),
        international: n.as_str().replacen("+1212", "+1 212-", 1),
    };
    let checked = |environment, outcome| CheckedPurchase {
        environment,
        outcome,
    };
    let bought = crate::domain::E164::parse("+12125550177").ok();
    let mut notices = vec![
        ProviderNotice::of_purchase(
            &checked(Environment::Sandbox, PurchaseCheck::Checking),
            &display,
        ),
        ProviderNotice::of_purchase(
            &checked(Environment::PreRelease, PurchaseCheck::NothingBought),
            &display,
        ),
    ];
    notices.extend(bought.map(|n| {
        ProviderNotice::of_purchase(
            &checked(Environment::Live, PurchaseCheck::Bought(n)),
            &display,
        )
    }));
    notices.push(ProviderNotice {
        environment: Environment::Sandbox,
        text: "Connecting +1 415-555-0123 to Sandbox: Twilio did not answer in time, so we are checking whether it now sends its calls here.".into(),
        checking: true,
    });
    notices
}
