//! Deleting numbers: release after the undo window (pool and Twilio), disconnecting customer
//! numbers without ever sending Twilio a DELETE, failures kept visible until a retry works,
//! restarts during the window, and delete racing reassign. Every step lands in the history.

use crate::support::TestDb;
use crate::support::http::state_at;
use crate::support::{T0, TestClock};
use app::domain::{
    DeleteOutcome, E164, EventKind, IntegrationKind, NumberState, Ownership, ProjectSlug, VariantId,
};
use app::error::AppError;
use app::ports::{NewNumber, Services};
use app::usecases::delete_number::{self as usecase, NumberChange, ReleaseReport};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use server::db::entities::{number, pool_number};
use std::sync::Arc;
use wiremock::matchers::{body_string_contains, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const WINDOW: i64 = 600;
const BASE: &str = "/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef";
const POOL_NUMBER: &str = "+442079460123";
const CUSTOMER_NUMBER: &str = "+12125550142";
const LIVE_NUMBER: &str = "+447700900321";
const TWILIO_BOUGHT: &str = "+14155550177";
const TWILIO_BOUGHT_SID: &str = "PN00000000000000000000000000000077";

fn acme() -> ProjectSlug {
    ProjectSlug::parse("acme").unwrap()
}

fn e164(s: &str) -> E164 {
    E164::parse(s).unwrap()
}

/// Services and the clock they read, which each step below sets to the time it names.
struct Timed {
    services: Services,
    clock: Arc<TestClock>,
}

impl std::ops::Deref for Timed {
    type Target = Services;
    fn deref(&self) -> &Services {
        &self.services
    }
}

/// A server over `t` (its state as `main` prepares it), talking to Twilio at `twilio`.
async fn server(t: &TestDb, twilio: &str) -> Timed {
    let clock = TestClock::at(T0);
    let services = state_at(t, twilio, clock.clone()).await.services;
    Timed { services, clock }
}

async fn demo_services(t: &TestDb, twilio: &str) -> Timed {
    server::demo::seed_if_empty(&t.db, &crate::support::keyring())
        .await
        .unwrap();
    server(t, twilio).await
}

/// `number` of `project` changed by `actor`, as the server functions build it.
fn change(project: &str, number: &str, actor: &str) -> NumberChange {
    NumberChange {
        project: ProjectSlug::parse(project).unwrap(),
        number: e164(number),
        actor: actor.into(),
    }
}

async fn delete_number(
    s: &Timed,
    project: &str,
    number: &str,
    digits: &str,
    actor: &str,
    now: i64,
) -> Result<DeleteOutcome, AppError> {
    s.clock.set(now);
    let confirmation = usecase::LiveConfirmation::TypedDigits(digits.to_owned());
    usecase::delete_number(s, change(project, number, actor), &confirmation).await
}

async fn undo_delete(
    s: &Timed,
    project: &str,
    number: &str,
    actor: &str,
    now: i64,
) -> Result<(), AppError> {
    s.clock.set(now);
    usecase::undo_delete(s, change(project, number, actor)).await
}

async fn retry_release(
    s: &Timed,
    project: &str,
    number: &str,
    actor: &str,
    now: i64,
) -> Result<(), AppError> {
    s.clock.set(now);
    usecase::retry_release(s, change(project, number, actor)).await
}

async fn release_due(s: &Timed, now: i64) -> Result<ReleaseReport, AppError> {
    s.clock.set(now);
    usecase::release_due(s).await
}

async fn state(services: &Services, number: &str) -> Option<NumberState> {
    services
        .lifecycle
        .deletion_facts(&acme(), &e164(number))
        .await
        .unwrap()
        .map(|f| f.state)
}

async fn kinds(services: &Services, number: &str) -> Vec<EventKind> {
    services
        .history
        .number_history(&acme(), &e164(number))
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect()
}

async fn in_pool_stock(t: &TestDb, number: &str) -> bool {
    pool_number::Entity::find_by_id(number.to_owned())
        .one(&t.db)
        .await
        .unwrap()
        .is_some_and(|row| row.reserved_by.is_none())
}

async fn variant(services: &Services, name: &str) -> VariantId {
    services
        .projects
        .overview(&acme())
        .await
        .unwrap()
        .unwrap()
        .draft_variants
        .into_iter()
        .find(|v| v.name == name)
        .unwrap()
        .id
}

async fn number_variant(t: &TestDb, number: &str) -> Option<i32> {
    number::Entity::find()
        .filter(number::Column::E164.eq(number))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap()
        .variant_id
}

async fn pool_numbers_are_released_after_the_window_unless_undone(t: &TestDb) {
    let services = demo_services(t, "http://127.0.0.1:9").await;
    let deleted = delete_number(&services, "acme", POOL_NUMBER, "", "ann", 1000).await;
    assert_eq!(
        deleted,
        Ok(DeleteOutcome::ReleasePending {
            until: "00:26 UTC".into()
        })
    );
    assert_eq!(
        state(&services, POOL_NUMBER).await,
        Some(NumberState::PendingRelease { release_at: 1600 })
    );
    let facts = services
        .routing
        .route_facts(&e164(POOL_NUMBER))
        .await
        .unwrap()
        .unwrap();
    assert!(facts.being_deleted, "out of routing at once");
    let leeds = variant(&services, "Leeds").await;
    let reassign = services
        .variants
        .assign_variant(&acme(), &e164(POOL_NUMBER), leeds, "ann")
        .await;
    assert!(
        reassign.is_err(),
        "a number being deleted keeps its variant"
    );
    assert!(matches!(
        delete_number(&services, "acme", POOL_NUMBER, "", "ann", 1001).await,
        Err(AppError::Rejected(_))
    ));

    undo_delete(&services, "acme", POOL_NUMBER, "bob", 1599)
        .await
        .unwrap();
    assert_eq!(
        state(&services, POOL_NUMBER).await,
        Some(NumberState::Active)
    );
    let london = variant(&services, "London").await;
    assert_eq!(
        number_variant(t, POOL_NUMBER).await.map(i64::from),
        Some(london.0),
        "undo keeps the variant"
    );

    delete_number(&services, "acme", POOL_NUMBER, "", "ann", 2000)
        .await
        .unwrap();
    assert!(
        undo_delete(&services, "acme", POOL_NUMBER, "bob", 2600)
            .await
            .is_err()
    );
    assert_eq!(release_due(&services, 2599).await.unwrap().released, 0);
    assert!(!in_pool_stock(t, POOL_NUMBER).await);
    let report = release_due(&services, 2600).await.unwrap();
    assert_eq!((report.released, report.failed), (1, 0));
    assert_eq!(
        state(&services, POOL_NUMBER).await,
        None,
        "gone from the project"
    );
    assert!(in_pool_stock(t, POOL_NUMBER).await, "back in the pool");
    assert_eq!(release_due(&services, 9999).await.unwrap().released, 0);
    assert_eq!(
        undo_delete(&services, "acme", POOL_NUMBER, "bob", 9999).await,
        Err(AppError::NumberNotFound(POOL_NUMBER.into())),
        "too late: released"
    );
    assert_eq!(
        kinds(&services, POOL_NUMBER).await,
        [
            EventKind::Released,
            EventKind::DeletionRequested,
            EventKind::DeletionUndone,
            EventKind::DeletionRequested,
            EventKind::Bought,
        ]
    );
    let history = services
        .history
        .number_history(&acme(), &e164(POOL_NUMBER))
        .await
        .unwrap();
    let requested = &history[1];
    assert_eq!(requested.actor, "ann");
    assert_eq!(requested.before.as_deref(), Some("Sandbox · London"));
    assert_eq!(requested.after.as_deref(), Some("Release at 00:43 UTC"));
    assert_eq!(history[0].actor, "system");
}

async fn live_numbers_need_their_last_four_digits(t: &TestDb) {
    let services = demo_services(t, "http://127.0.0.1:9").await;
    for typed in ["", "1234", "321", "0321x"] {
        let err = delete_number(&services, "acme", LIVE_NUMBER, typed, "ann", 1000)
            .await
            .unwrap_err();
        assert_eq!(
            err.for_field("confirm_digits").as_deref(),
            Some("Type the number's last four digits, 0321, to confirm.")
        );
        assert_eq!(
            state(&services, LIVE_NUMBER).await,
            Some(NumberState::Active)
        );
    }
    assert_eq!(kinds(&services, LIVE_NUMBER).await, [EventKind::Bought]);
    delete_number(&services, "acme", LIVE_NUMBER, "0321", "ann", 1000)
        .await
        .unwrap();
    assert_eq!(
        state(&services, LIVE_NUMBER).await,
        Some(NumberState::PendingRelease { release_at: 1600 })
    );
}

async fn unknown_and_malformed_numbers_change_nothing(t: &TestDb) {
    let services = demo_services(t, "http://127.0.0.1:9").await;
    for (project, number) in [
        ("acme", "+441632960001"), // solo's number
        ("solo", POOL_NUMBER),
    ] {
        let err = delete_number(&services, project, number, "", "ann", 1)
            .await
            .unwrap_err();
        assert_eq!(
            err,
            AppError::NumberNotFound(number.into()),
            "{project} {number}"
        );
    }
    assert!(matches!(
        delete_number(&services, "nope", POOL_NUMBER, "", "ann", 1).await,
        Err(AppError::ProjectNotFound(_))
    ));
    // A malformed number is refused by the server function before any use case runs.
    let router = crate::support::http::router_for(t).await;
    let router = crate::support::http::as_member(router, crate::support::http::ADMIN).await;
    let (_, body) = crate::support::http::call_for_bytes(
        &router,
        <app::api::DeleteNumber as leptos::server_fn::ServerFn>::PATH,
        &[
            ("project", "acme"),
            ("e164", "not a number"),
            ("confirm_digits", ""),
        ],
    )
    .await;
    let err = crate::support::http::app_error("deleting", &body);
    assert_eq!(err, AppError::NumberNotFound("not a number".into()));
    assert_eq!(
        state(&services, POOL_NUMBER).await,
        Some(NumberState::Active)
    );
}

/// Twilio's answer to "find +1 212 555 0142", pointing at `voice_url`.
fn owned_customer_number(voice_url: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(serde_json::json!({
        "incoming_phone_numbers": [{
            "sid": "PN00000000000000000000000000000042",
            "phone_number": CUSTOMER_NUMBER,
            "voice_url": voice_url,
        }],
        "next_page_uri": null,
    }))
}

#[tokio::test]
async fn customer_numbers_are_disconnected_with_their_voice_url_restored_and_never_deleted() {
    let t = TestDb::sqlite().await;
    let twilio = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!("{BASE}/IncomingPhoneNumbers.json")))
        .and(query_param("PhoneNumber", CUSTOMER_NUMBER))
        .respond_with(owned_customer_number(
            "https://old-address.example/telephony/twilio/voice",
        ))
        .mount(&twilio)
        .await;
    Mock::given(method("POST"))
        .and(path(format!(
            "{BASE}/IncomingPhoneNumbers/PN00000000000000000000000000000042.json"
        )))
        .and(body_string_contains(
            "VoiceUrl=https%3A%2F%2Fcustomer.example%2Foriginal-voice",
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "sid": "PN00000000000000000000000000000042", "phone_number": CUSTOMER_NUMBER
        })))
        .expect(1)
        .mount(&twilio)
        .await;
    Mock::given(method("DELETE"))
        .respond_with(ResponseTemplate::new(204))
        .expect(0)
        .mount(&twilio)
        .await;
    let services = demo_services(&t, &twilio.uri()).await;

    let outcome = delete_number(&services, "acme", CUSTOMER_NUMBER, "", "ann", 1000).await;
    assert_eq!(outcome, Ok(DeleteOutcome::Disconnected));
    assert_eq!(
        state(&services, CUSTOMER_NUMBER).await,
        None,
        "forgotten at once"
    );
    assert_eq!(release_due(&services, 9999).await.unwrap().released, 0);
    let history = services
        .history
        .number_history(&acme(), &e164(CUSTOMER_NUMBER))
        .await
        .unwrap();
    assert_eq!(history[0].kind, EventKind::Disconnected);
    assert_eq!(
        history[0].after.as_deref(),
        Some("Disconnected; voice URL back to https://customer.example/original-voice")
    );
    twilio.verify().await;
}

#[tokio::test]
async fn a_customer_who_re_pointed_their_number_keeps_their_new_voice_url() {
    let t = TestDb::sqlite().await;
    let twilio = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!("{BASE}/IncomingPhoneNumbers.json")))
        .respond_with(owned_customer_number("https://customer.example/new-flow"))
        .mount(&twilio)
        .await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200))
        .expect(0)
        .mount(&twilio)
        .await;
    Mock::given(method("DELETE"))
        .respond_with(ResponseTemplate::new(204))
        .expect(0)
        .mount(&twilio)
        .await;
    let services = demo_services(&t, &twilio.uri()).await;
    let outcome = delete_number(&services, "acme", CUSTOMER_NUMBER, "", "ann", 1000).await;
    assert_eq!(outcome, Ok(DeleteOutcome::Disconnected));
    twilio.verify().await;
}

#[tokio::test]
async fn a_disconnect_twilio_cannot_hear_keeps_the_number_connected() {
    let t = TestDb::sqlite().await;
    let services = demo_services(&t, "http://127.0.0.1:9").await;
    let err = delete_number(&services, "acme", CUSTOMER_NUMBER, "", "ann", 1000)
        .await
        .unwrap_err();
    assert_eq!(
        err,
        AppError::Provider(
            "Twilio could not be reached, so the number is still connected. Please try again."
                .into()
        )
    );
    assert_eq!(
        state(&services, CUSTOMER_NUMBER).await,
        Some(NumberState::Active)
    );
    assert_eq!(
        kinds(&services, CUSTOMER_NUMBER).await,
        [EventKind::Connected]
    );
}

#[tokio::test]
async fn a_disconnect_twilio_refuses_says_why_and_keeps_the_number_connected() {
    let t = TestDb::sqlite().await;
    let twilio = MockServer::start().await;
    // The credentials were rotated in the Twilio Console.
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(401).set_body_json(serde_json::json!({
            "code": 20003, "message": "Authenticate", "status": 401
        })))
        .mount(&twilio)
        .await;
    let services = demo_services(&t, &twilio.uri()).await;
    let err = delete_number(&services, "acme", CUSTOMER_NUMBER, "", "ann", 1000)
        .await
        .unwrap_err();
    assert_eq!(
        err,
        AppError::Provider(
            "The number is still connected. Twilio refused this project's credentials. Update them on the project's Integrations page (Update credentials), then try again."
                .into()
        )
    );
    assert_eq!(
        state(&services, CUSTOMER_NUMBER).await,
        Some(NumberState::Active)
    );
}

/// Records a number bought through acme's Twilio account.
async fn bought_through_twilio(services: &Services) {
    let key = "twilio-bought-0001";
    services
        .purchases
        .start_purchase(&crate::support::intent(
            "acme",
            key,
            IntegrationKind::Twilio,
        ))
        .await
        .unwrap();
    services
        .purchases
        .finish_purchase(
            key,
            &NewNumber {
                project: acme(),
                e164: e164(TWILIO_BOUGHT),
                environment: app::domain::Environment::Sandbox,
                source: IntegrationKind::Twilio,
                ownership: Ownership::Purchased,
                variant: None,
                created_by: "ann".into(),
            },
        )
        .await
        .unwrap();
}

#[tokio::test]
async fn a_failed_release_is_kept_visible_until_a_retry_succeeds() {
    let t = TestDb::sqlite().await;
    let down = demo_services(&t, "http://127.0.0.1:9").await;
    bought_through_twilio(&down).await;
    delete_number(&down, "acme", TWILIO_BOUGHT, "", "ann", 1000)
        .await
        .unwrap();
    let report = release_due(&down, 1600).await.unwrap();
    assert_eq!((report.released, report.failed), (0, 1));
    assert_eq!(
        state(&down, TWILIO_BOUGHT).await,
        Some(NumberState::ReleaseFailed {
            reason: "the provider could not be reached".into()
        })
    );
    assert_eq!(
        release_due(&down, 99_999).await.unwrap(),
        Default::default(),
        "failed releases wait for a person"
    );
    assert!(
        retry_release(&down, "acme", TWILIO_BOUGHT, "bob", 1700)
            .await
            .is_err(),
        "still down"
    );

    let twilio = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!("{BASE}/IncomingPhoneNumbers.json")))
        .and(query_param("PhoneNumber", TWILIO_BOUGHT))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "incoming_phone_numbers": [{"sid": TWILIO_BOUGHT_SID, "phone_number": TWILIO_BOUGHT}],
        })))
        .mount(&twilio)
        .await;
    Mock::given(method("DELETE"))
        .and(path(format!(
            "{BASE}/IncomingPhoneNumbers/{TWILIO_BOUGHT_SID}.json"
        )))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&twilio)
        .await;
    let up = server(&t, &twilio.uri()).await;
    retry_release(&up, "acme", TWILIO_BOUGHT, "bob", 1800)
        .await
        .unwrap();
    assert_eq!(state(&up, TWILIO_BOUGHT).await, None);
    assert_eq!(
        kinds(&up, TWILIO_BOUGHT).await,
        [
            EventKind::Released,
            EventKind::ReleaseRetried,
            EventKind::ReleaseFailed,
            EventKind::ReleaseRetried,
            EventKind::ReleaseFailed,
            EventKind::DeletionRequested,
            EventKind::Bought,
        ]
    );
    twilio.verify().await;
}

#[tokio::test]
async fn pending_releases_survive_a_restart_and_happen_exactly_once() {
    let t = TestDb::sqlite().await;
    let before = demo_services(&t, "http://127.0.0.1:9").await;
    delete_number(&before, "acme", POOL_NUMBER, "", "ann", 1000)
        .await
        .unwrap();
    delete_number(&before, "acme", "+441134960456", "", "ann", 1000)
        .await
        .unwrap();
    drop(before);

    // A new server over the same database.
    let after = server(&t, "http://127.0.0.1:9").await;
    undo_delete(&after, "acme", "+441134960456", "bob", 1500)
        .await
        .unwrap();
    let report = release_due(&after, 1600).await.unwrap();
    assert_eq!(report.released, 1, "only the number not undone");
    assert!(in_pool_stock(&t, POOL_NUMBER).await);
    assert_eq!(
        state(&after, "+441134960456").await,
        Some(NumberState::Active)
    );
    let again = server(&t, "http://127.0.0.1:9").await;
    assert_eq!(release_due(&again, 1700).await.unwrap().released, 0);
    assert_eq!(
        kinds(&again, POOL_NUMBER)
            .await
            .iter()
            .filter(|k| **k == EventKind::Released)
            .count(),
        1
    );
}

#[tokio::test]
async fn a_release_abandoned_half_way_is_taken_up_again_after_a_pause() {
    let t = TestDb::sqlite().await;
    let services = demo_services(&t, "http://127.0.0.1:9").await;
    delete_number(&services, "acme", POOL_NUMBER, "", "ann", 1000)
        .await
        .unwrap();
    // A worker claims the release, then the server stops before releasing.
    services
        .lifecycle
        .apply(
            &acme(),
            &e164(POOL_NUMBER),
            app::domain::Step::Claim,
            1600,
            WINDOW,
            "system",
        )
        .await
        .unwrap();
    let restarted = server(&t, "http://127.0.0.1:9").await;
    assert_eq!(
        release_due(&restarted, 1601).await.unwrap().released,
        0,
        "a fresh claim is left to its worker"
    );
    let stale = 1600 + app::domain::lifecycle::STALE_CLAIM_SECS;
    assert_eq!(release_due(&restarted, stale).await.unwrap().released, 1);
    assert!(in_pool_stock(&t, POOL_NUMBER).await);
}

async fn delete_racing_reassign_ends_in_one_consistent_state(t: &TestDb) {
    let services = demo_services(t, "http://127.0.0.1:9").await;
    let london = variant(&services, "London").await;
    let leeds = variant(&services, "Leeds").await;
    let mut expected_events = 1; // bought
    for round in 0..6_i64 {
        let now = 10_000 + round * 10;
        let before = number_variant(t, POOL_NUMBER).await;
        let target = if before.map(i64::from) == Some(london.0) {
            leeds
        } else {
            london
        };
        let number = e164(POOL_NUMBER);
        let project = acme();
        let (deleted, assigned) = tokio::join!(
            delete_number(&services, "acme", POOL_NUMBER, "", "ann", now),
            services
                .variants
                .assign_variant(&project, &number, target, "bob"),
        );
        let after = number_variant(t, POOL_NUMBER).await;
        let state = state(&services, POOL_NUMBER).await.unwrap();
        expected_events += usize::from(deleted.is_ok()) + usize::from(assigned.is_ok());
        assert_eq!(
            after.map(i64::from),
            if assigned.is_ok() {
                Some(target.0)
            } else {
                before.map(i64::from)
            },
            "round {round}: the variant changed exactly when the reassign succeeded"
        );
        assert_eq!(
            state.is_active(),
            deleted.is_err(),
            "round {round}: pending exactly when the delete succeeded"
        );
        assert!(
            deleted.is_ok() || assigned.is_ok(),
            "round {round}: one of them wins"
        );
        let history = kinds(&services, POOL_NUMBER).await;
        assert_eq!(history.len(), expected_events, "round {round}: {history:?}");
        if deleted.is_ok() {
            undo_delete(&services, "acme", POOL_NUMBER, "ann", now + 1)
                .await
                .unwrap();
            expected_events += 1;
            assert_eq!(
                number_variant(t, POOL_NUMBER).await,
                after,
                "undo restores the variant the race left"
            );
        }
    }
}

on_both_backends!(
    pool_numbers_are_released_after_the_window_unless_undone,
    live_numbers_need_their_last_four_digits,
    unknown_and_malformed_numbers_change_nothing,
    delete_racing_reassign_ends_in_one_consistent_state,
);
