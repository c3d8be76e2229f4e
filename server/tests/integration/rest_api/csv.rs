//! The Numbers page's CSV import (server functions) and export (`…/numbers.csv`), on the same
//! world as the REST API.

use super::world;
use crate::support::http::{as_member, call, get};
use app::api::{ImportNumbers, PreviewImport};
use app::domain::import::{ImportReport, RowOutcome};
use axum::http::{StatusCode, header};
use leptos::server_fn::ServerFn;

async fn import(
    router: &axum::Router,
    path: &str,
    environment: &str,
    text: &str,
) -> (StatusCode, String) {
    call(
        router,
        path,
        &[
            ("project", "acme"),
            ("environment", environment),
            ("text", text),
        ],
    )
    .await
}

fn outcomes(report: &ImportReport) -> Vec<(usize, RowOutcome)> {
    report
        .rows
        .iter()
        .map(|r| (r.line, r.outcome.clone()))
        .collect()
}

#[tokio::test]
async fn a_preview_changes_nothing_and_the_import_connects_each_good_row() {
    let w = world().await;
    w.twilio
        .own("+14155550100", Some("https://customer.example/voice"));
    w.twilio.own("+14155550101", None);
    let text = "Phone Number;Variant\n+1 415 555 0100;london\n+14155550101;\n+14155550199;\n+442079460123;\n\n(415) 555-0100;\n+14155550102;Glasgow\n";
    let (status, body) = import(&w.admin, PreviewImport::PATH, "sandbox", text).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let preview: ImportReport = serde_json::from_str(&body).unwrap();
    assert!(!preview.applied);
    let refused = |why: &str| RowOutcome::Refused(why.into());
    assert_eq!(
        outcomes(&preview),
        [
            (
                2,
                RowOutcome::WillTakeOver("https://customer.example/voice".into())
            ),
            (3, RowOutcome::WillConnect),
            (
                4,
                refused(
                    "+14155550199 is not in this project's Twilio account. Check the number, or buy it in Twilio first."
                )
            ),
            (5, refused("Already in this project.")),
            (7, refused("Listed already, on line 2.")),
            (
                8,
                refused("No variant named \u{201c}Glasgow\u{201d} is published to Sandbox.")
            ),
        ]
    );
    assert_eq!(
        preview.summary(),
        "2 of 6 numbers will be connected; 4 cannot be."
    );
    assert_eq!(
        w.twilio.owned()["+14155550100"].voice_url.as_deref(),
        Some("https://customer.example/voice"),
        "a preview changes nothing"
    );

    let (status, body) = import(&w.admin, ImportNumbers::PATH, "sandbox", text).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let done: ImportReport = serde_json::from_str(&body).unwrap();
    assert!(done.applied);
    assert_eq!(done.rows[0].outcome, RowOutcome::Connected);
    assert_eq!(done.rows[1].outcome, RowOutcome::Connected);
    assert_eq!(done.summary(), "2 of 6 numbers were connected; 4 were not.");
    let key = w.key("acme", "read").await;
    let london = w
        .get("/api/v1/projects/acme/phone-numbers/%2B14155550100", &key)
        .await
        .expect(StatusCode::OK);
    assert_eq!(london["variant"]["name"], "London");
    assert_eq!(london["ownership"], "connected");
    let history = w
        .get(
            "/api/v1/projects/acme/history?phone_number=%2B14155550101",
            &key,
        )
        .await
        .expect(StatusCode::OK);
    assert_eq!(history["entries"][0]["actor"], "admin@example.com");
    assert_eq!(history["entries"][0]["event"], "connected");

    // Again: every row is refused now, nothing changes.
    let (_, body) = import(&w.admin, ImportNumbers::PATH, "sandbox", text).await;
    let again: ImportReport = serde_json::from_str(&body).unwrap();
    assert_eq!(again.good(), 0, "{again:?}");
}

#[tokio::test]
async fn imports_are_refused_whole_when_they_cannot_be_read_or_asked_by_read_members() {
    let w = world().await;
    for (text, message) in [
        ("", "Paste numbers"),
        ("phone_number,variant\n", "no numbers"),
        ("colour,variant\nred,London", "no phone_number column"),
    ] {
        let (status, body) = import(&w.admin, PreviewImport::PATH, "sandbox", text).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{text}: {body}");
        assert!(body.contains(message), "{body}");
    }
    let many: String = (0..101).map(|i| format!("+1415555{i:04}\n")).collect();
    let (status, body) = import(&w.admin, PreviewImport::PATH, "sandbox", &many).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let (status, _) = import(&w.admin, PreviewImport::PATH, "staging", "+14155550100").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let viewer = as_member(w.router.clone(), "viewer@example.com").await;
    let (status, _) = import(&viewer, ImportNumbers::PATH, "sandbox", "+14155550100").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let solo = call(
        &w.admin,
        PreviewImport::PATH,
        &[
            ("project", "solo"),
            ("environment", "sandbox"),
            ("text", "+14155550100"),
        ],
    )
    .await;
    assert_eq!(
        solo.0,
        StatusCode::CONFLICT,
        "solo has no Twilio integration: {}",
        solo.1
    );
}

#[tokio::test]
async fn the_export_is_the_views_numbers_as_csv_for_members_who_may_read() {
    let w = world().await;
    let viewer = as_member(w.router.clone(), "viewer@example.com").await;
    let (status, headers, body) = get(&viewer, "/projects/acme/numbers.csv").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(headers[header::CONTENT_TYPE], "text/csv; charset=utf-8");
    assert_eq!(
        headers[header::CONTENT_DISPOSITION],
        "attachment; filename=\"acme-numbers.csv\""
    );
    assert_eq!(
        body.lines().collect::<Vec<_>>(),
        [
            "phone_number,environment,source,ownership,variant,state",
            "+12125550142,sandbox,twilio,connected,Default,active",
            "+442079460123,sandbox,polyai,bought,London,active",
            "+441134960456,pre-release,polyai,bought,London,active",
            "+447700900321,live,polyai,bought,Default,active",
        ]
    );
    let (_, _, filtered) = get(
        &viewer,
        "/projects/acme/numbers.csv?source=twilio&sandbox_page=9",
    )
    .await;
    assert_eq!(filtered.lines().count(), 2, "{filtered}");
    let (_, _, searched) = get(&viewer, "/projects/acme/numbers.csv?q=020%207946").await;
    assert!(searched.ends_with("+442079460123,sandbox,polyai,bought,London,active\n"));

    let (status, headers, _) = get(&w.router, "/projects/acme/numbers.csv").await;
    assert_eq!(
        status,
        StatusCode::SEE_OTHER,
        "signed out: to the sign-in page"
    );
    assert!(
        headers[header::LOCATION]
            .to_str()
            .unwrap()
            .starts_with("/signin")
    );
    let outsider = as_member(w.router.clone(), "outsider@example.com").await;
    let (status, _, _) = get(&outsider, "/projects/acme/numbers.csv").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, _) = get(&viewer, "/projects/nope/numbers.csv").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
