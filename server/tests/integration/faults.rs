//! Telephony under faults and races, against a stateful fake Twilio: answers that come too
//! late or never, offers another buyer took, refusals a customer can act on, and many requests
//! at once. After each case the database and the provider agree number by number: nothing
//! lost, leaked or bought twice.

use crate::support::fake_twilio::{FakeTwilio, Op};
use crate::support::http::config_for;
use crate::support::{T0, TestClock, TestDb, twilio_only_project};
use app::domain::idempotency::ABANDONED_AFTER_SECS;
use app::domain::idempotency::IdempotencyKey;
use app::domain::lifecycle::STALE_CLAIM_SECS;
use app::domain::{Country, E164, Environment, NumbersView, PageBody, ProjectSlug, VariantName};
use app::error::AppError;
use app::ports::{Clock, Services};
use app::usecases::buy_number::{BuyNumber, PURCHASE_UNANSWERED, buy_number};
use app::usecases::connect_number::{CONNECTION_UNANSWERED, ConnectNumber, connect_number};
use app::usecases::delete_number::{LiveConfirmation, NumberChange, delete_number, release_due};
use app::usecases::pages::numbers_page;
use app::usecases::settle::{NOTHING_BOUGHT, SettleReport, settle};
use app::usecases::variants::{VariantChange, assign_variant, create_variant};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use server::db::entities::{number, number_event, pool_number, project, purchase, variant};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::time::Duration;
use tokio::task::JoinSet;

/// Longer than the client waits for Twilio here (1 s): Twilio acts, its answer comes too late.
const LATE: Duration = Duration::from_secs(2);

/// Where connected numbers send their calls (the test configuration's public URL).
const OUR_VOICE_URL: &str = "https://numbers.test/telephony/twilio/voice";

/// The customer's own voice URL, before connecting.
const THEIR_VOICE_URL: &str = "https://customer.example/voice";

/// No digits typed: only Live numbers ask for them.
const NO_DIGITS: LiveConfirmation = LiveConfirmation::TypedDigits(String::new());

/// Numbers the fake sells, in the order its searches offer them.
const FOR_SALE: [&str; 12] = [
    "+12125550101",
    "+12125550102",
    "+12125550103",
    "+12125550104",
    "+12125550105",
    "+12125550106",
    "+12125550107",
    "+12125550108",
    "+12125550109",
    "+12125550110",
    "+12125550111",
    "+12125550112",
];

/// The server's services over a test database, a fake Twilio and a clock the test moves.
struct World {
    services: Services,
    clock: Arc<TestClock>,
    twilio: FakeTwilio,
}

async fn world(t: &TestDb) -> World {
    world_waiting(t, 1).await
}

/// Project `tw` (Twilio only) on SQLite, and its world.
async fn twilio_world() -> (TestDb, World) {
    let t = TestDb::sqlite().await;
    twilio_only_project(&t).await;
    let w = world(&t).await;
    (t, w)
}

/// A world whose requests wait `timeout_secs` for Twilio.
async fn world_waiting(t: &TestDb, timeout_secs: u64) -> World {
    let twilio = FakeTwilio::start(&FOR_SALE).await;
    let clock = TestClock::at(T0);
    let mut config = config_for(t);
    config.twilio_base_url = twilio.url.clone();
    config.twilio_timeout_secs = timeout_secs;
    let services = server::prepare(&config, clock.clone())
        .await
        .unwrap()
        .services;
    World {
        services,
        clock,
        twilio,
    }
}

impl World {
    /// One pass of the settle worker, once the grace period (30 s here) has passed.
    async fn settle(&self) -> SettleReport {
        self.clock.set(self.clock.now() + 31);
        settle(&self.services).await.unwrap()
    }

    /// What the Numbers page of `tw` says about checks with Twilio: (still checking, text).
    async fn notices(&self) -> Vec<(bool, String)> {
        let page = numbers_page(&self.services, &tw(), &NumbersView::default(), true)
            .await
            .unwrap();
        let PageBody::Sections { checks, .. } = page.body else {
            panic!("the page has sections");
        };
        checks.into_iter().map(|c| (c.checking, c.text)).collect()
    }
}

fn tw() -> ProjectSlug {
    ProjectSlug::parse("tw").unwrap()
}

/// A Sandbox US purchase in `tw` under `key`, as the Buy server function builds it.
fn buy(key: &str) -> BuyNumber {
    BuyNumber {
        project: tw(),
        environment: Environment::Sandbox,
        country: Country::Us,
        area_code: None,
        variant: None,
        key: IdempotencyKey::parse(key).unwrap(),
        actor: "test".into(),
    }
}

fn connect(e164: &str) -> ConnectNumber {
    ConnectNumber {
        project: tw(),
        environment: Environment::Sandbox,
        number: E164::parse(e164).unwrap(),
        variant: None,
        actor: "test".into(),
    }
}

fn change(project: &str, e164: &str) -> NumberChange {
    NumberChange {
        project: ProjectSlug::parse(project).unwrap(),
        number: E164::parse(e164).unwrap(),
        actor: "test".into(),
    }
}

/// Saved numbers by E.164, with their state.
async fn saved(t: &TestDb) -> BTreeMap<String, String> {
    number::Entity::find()
        .all(&t.db)
        .await
        .unwrap()
        .into_iter()
        .map(|n| (n.e164, n.state))
        .collect()
}

async fn purchase_row(t: &TestDb, key: &str) -> purchase::Model {
    purchase::Entity::find()
        .filter(purchase::Column::IdempotencyKey.eq(key))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap()
}

/// The database and the fake agree on every bought number: each number the account holds
/// is saved, active, and the number its purchase (the key it is labelled with) recorded;
/// nothing is saved that the account does not hold.
async fn agree_on_bought_numbers(t: &TestDb, twilio: &FakeTwilio) {
    let owned = twilio.owned();
    let saved = saved(t).await;
    assert_eq!(
        saved.keys().collect::<BTreeSet<_>>(),
        owned.keys().collect::<BTreeSet<_>>(),
        "saved here and held at Twilio"
    );
    for (e164, held) in owned {
        assert_eq!(saved[&e164], "active", "{e164}");
        let purchase = purchase_row(t, &held.friendly_name).await;
        assert_eq!(
            (purchase.status.as_str(), purchase.e164.as_deref()),
            ("succeeded", Some(e164.as_str())),
            "{e164} is its purchase's number"
        );
    }
    assert!(
        !twilio.requests().iter().any(|r| r.starts_with("DELETE")),
        "nothing was released: {:?}",
        twilio.requests()
    );
}

#[tokio::test]
async fn a_purchase_answered_too_late_is_found_saved_and_replayed_to_its_retry() {
    let (t, w) = twilio_world().await;
    w.twilio.slow(Op::Buy, LATE);

    let err = buy_number(&w.services, buy("slow-purchase-1"))
        .await
        .unwrap_err();
    assert_eq!(err, AppError::OutcomeUnknown(PURCHASE_UNANSWERED.into()));
    assert_eq!(err.status(), 504);
    assert_eq!(purchase_row(&t, "slow-purchase-1").await.status, "checking");
    assert!(saved(&t).await.is_empty(), "not saved before the check");
    assert_eq!(w.twilio.bought(), 1, "Twilio did buy it");
    let notices = w.notices().await;
    assert!(
        matches!(notices.as_slice(), [(true, text)] if text.contains("checking")),
        "{notices:?}"
    );

    // The dialog retries with the same key: answered, never bought again.
    let err = buy_number(&w.services, buy("slow-purchase-1"))
        .await
        .unwrap_err();
    assert!(
        matches!(err, AppError::Rejected(ref m) if m.contains("being completed or checked")),
        "{err:?}"
    );
    w.twilio.heal();
    let report = w.settle().await;
    assert_eq!((report.bought, report.later), (1, 0));
    let bought = buy_number(&w.services, buy("slow-purchase-1"))
        .await
        .unwrap();
    assert_eq!(bought.as_str(), FOR_SALE[0]);
    assert_eq!(w.twilio.bought(), 1);
    agree_on_bought_numbers(&t, &w.twilio).await;
    let notices = w.notices().await;
    assert!(
        matches!(notices.as_slice(), [(false, text)] if text.contains("+1 212-555-0101") || text.contains("(212) 555-0101")),
        "the page says what the check found: {notices:?}"
    );
    assert_eq!(w.settle().await, SettleReport::default(), "settled once");
}

#[tokio::test]
async fn two_workers_settling_one_purchase_at_once_save_it_once() {
    let (t, w) = twilio_world().await;
    w.twilio.slow(Op::Buy, LATE);
    buy_number(&w.services, buy("two-workers-1"))
        .await
        .unwrap_err();
    w.twilio.heal();
    w.clock.set(T0 + 31);
    let (a, b) = tokio::join!(settle(&w.services), settle(&w.services));
    assert_eq!(a.unwrap().bought.max(b.unwrap().bought), 1);
    assert_eq!(w.twilio.bought(), 1);
    agree_on_bought_numbers(&t, &w.twilio).await;
}

#[tokio::test]
async fn a_request_and_a_worker_finishing_one_purchase_keep_its_number() {
    let t = TestDb::sqlite().await;
    twilio_only_project(&t).await;
    let w = world_waiting(&t, 30).await;
    w.twilio.hold(Op::Buy);
    let services = w.services.clone();
    let mut request =
        tokio::spawn(async move { buy_number(&services, buy("raced-purchase-1")).await });
    // Twilio has sold the number; its answer is held while the request counts as abandoned
    // (as another instance's worker would judge it) and a worker saves the number.
    tokio::select! {
        () = w.twilio.until_bought(1) => {}
        early = &mut request => panic!("the request ended before Twilio sold: {early:?}"),
    }
    w.clock.set(T0 + ABANDONED_AFTER_SECS);
    assert_eq!(settle(&w.services).await.unwrap().bought, 1);
    w.twilio.let_go();
    let answered = request.await.unwrap().unwrap();
    assert_eq!(
        answered.as_str(),
        FOR_SALE[0],
        "the request answers with the saved number"
    );
    agree_on_bought_numbers(&t, &w.twilio).await;
}

#[tokio::test]
async fn a_retry_keeps_a_number_whose_purchase_landed_after_the_check() {
    let (t, w) = twilio_world().await;
    w.twilio.fail(Op::Buy, 503, 20503);
    buy_number(&w.services, buy("landed-late-1"))
        .await
        .unwrap_err();
    w.twilio.heal();
    assert_eq!(w.settle().await.nothing_bought, 1);
    // Twilio carried the purchase out after all, after the check.
    let late = w.twilio.own("+12125550199", None);
    w.twilio.edit(&late.phone_number, |n| {
        n.friendly_name = "landed-late-1".into();
    });

    let kept = buy_number(&w.services, buy("landed-late-1")).await.unwrap();
    assert_eq!(kept.as_str(), "+12125550199");
    assert_eq!(w.twilio.bought(), 0, "nothing else bought");
    assert_eq!(saved(&t).await.keys().collect::<Vec<_>>(), ["+12125550199"]);
}

#[tokio::test]
async fn a_release_twilio_answered_late_is_tried_again_once_its_claim_is_stale() {
    let (t, w) = twilio_world().await;
    let bought = buy_number(&w.services, buy("to-release-1")).await.unwrap();
    let outcome = delete_number(&w.services, change("tw", bought.as_str()), &NO_DIGITS)
        .await
        .unwrap();
    assert!(
        matches!(outcome, app::domain::DeleteOutcome::ReleasePending { .. }),
        "{outcome:?}"
    );
    w.twilio.slow(Op::Release, LATE);
    w.clock.set(T0 + 601);
    let report = release_due(&w.services).await.unwrap();
    assert_eq!((report.released, report.unanswered), (0, 1));
    assert_eq!(saved(&t).await[bought.as_str()], "releasing");
    assert!(w.twilio.owned().is_empty(), "Twilio did release it");

    w.twilio.heal();
    w.clock.set(T0 + 601 + STALE_CLAIM_SECS);
    let report = release_due(&w.services).await.unwrap();
    assert_eq!((report.released, report.failed), (1, 0));
    assert!(saved(&t).await.is_empty());
    let deletes = w
        .twilio
        .requests()
        .into_iter()
        .filter(|r| r.starts_with("DELETE"))
        .count();
    assert_eq!(
        deletes, 1,
        "the retry found it gone and released nothing else"
    );
}

#[tokio::test]
async fn an_unanswered_purchase_that_bought_nothing_says_so_and_may_be_retried() {
    let (t, w) = twilio_world().await;
    w.twilio.fail(Op::Buy, 503, 20503);

    let err = buy_number(&w.services, buy("lost-answer-1"))
        .await
        .unwrap_err();
    assert_eq!(err, AppError::OutcomeUnknown(PURCHASE_UNANSWERED.into()));
    w.twilio.heal();
    let report = w.settle().await;
    assert_eq!((report.bought, report.nothing_bought), (0, 1));
    let row = purchase_row(&t, "lost-answer-1").await;
    assert_eq!(
        (row.status.as_str(), row.error.as_deref()),
        ("failed", Some(NOTHING_BOUGHT))
    );
    assert!(
        matches!(w.notices().await.as_slice(), [(false, text)] if text.contains("nothing was bought")),
        "{:?}",
        w.notices().await
    );

    let bought = buy_number(&w.services, buy("lost-answer-1")).await.unwrap();
    assert_eq!(bought.as_str(), FOR_SALE[0]);
    assert_eq!(w.twilio.bought(), 1);
    agree_on_bought_numbers(&t, &w.twilio).await;
}

#[tokio::test]
async fn an_offer_taken_meanwhile_is_skipped_for_the_next_and_one_number_is_bought() {
    let (t, w) = twilio_world().await;
    w.twilio.stale_offer("+12125550100");

    let bought = buy_number(&w.services, buy("next-offer-1")).await.unwrap();
    assert_eq!(bought.as_str(), FOR_SALE[0]);
    let posts = w
        .twilio
        .requests()
        .into_iter()
        .filter(|r| r.starts_with("POST IncomingPhoneNumbers "))
        .count();
    assert_eq!(posts, 2, "the taken offer, then the next");
    assert_eq!(w.twilio.bought(), 1);
    agree_on_bought_numbers(&t, &w.twilio).await;
}

#[tokio::test]
async fn refusals_a_customer_can_act_on_say_what_to_do_and_change_nothing() {
    let (t, w) = twilio_world().await;
    for (status, code, says) in [
        (400, 21404, "trial account"),
        (400, 10002, "trial account"),
        (401, 20005, "suspended or closed"),
        (403, 20008, "test credentials"),
        (400, 21631, "address"),
        (400, 21649, "regulatory bundle"),
        (429, 20429, "Wait a minute"),
    ] {
        w.twilio.fail(Op::Buy, status, code);
        let key = format!("refused-{code}");
        let err = buy_number(&w.services, buy(&key)).await.unwrap_err();
        assert!(
            matches!(err, AppError::Provider(ref m) if m.contains(says)),
            "{code}: {err:?}"
        );
        assert_eq!(purchase_row(&t, &key).await.status, "failed", "{code}");
    }
    assert!(saved(&t).await.is_empty());
    assert!(w.twilio.owned().is_empty());
}

#[tokio::test]
async fn a_connection_answered_too_late_is_confirmed_by_reading_twilio() {
    let (t, w) = twilio_world().await;
    w.twilio.own("+14155550150", Some(THEIR_VOICE_URL));
    w.twilio.slow(Op::Update, LATE);

    let err = connect_number(&w.services, connect("+14155550150"))
        .await
        .unwrap_err();
    assert_eq!(err, AppError::OutcomeUnknown(CONNECTION_UNANSWERED.into()));
    assert_eq!(saved(&t).await["+14155550150"], "connecting");
    assert!(matches!(w.notices().await.as_slice(), [(true, _)]));
    w.twilio.heal();
    let report = w.settle().await;
    assert_eq!((report.connected, report.not_connected), (1, 0));
    assert_eq!(saved(&t).await["+14155550150"], "active");
    assert_eq!(
        w.twilio.owned()["+14155550150"].voice_url.as_deref(),
        Some(OUR_VOICE_URL)
    );
}

#[tokio::test]
async fn a_connection_twilio_never_made_is_undone_and_the_number_left_as_it_was() {
    let (t, w) = twilio_world().await;
    w.twilio.own("+14155550151", Some(THEIR_VOICE_URL));
    w.twilio.fail(Op::Update, 502, 20500);

    let err = connect_number(&w.services, connect("+14155550151"))
        .await
        .unwrap_err();
    assert_eq!(err, AppError::OutcomeUnknown(CONNECTION_UNANSWERED.into()));
    w.twilio.heal();
    let report = w.settle().await;
    assert_eq!((report.connected, report.not_connected), (0, 1));
    assert!(saved(&t).await.is_empty(), "forgotten again");
    assert_eq!(
        w.twilio.owned()["+14155550151"].voice_url.as_deref(),
        Some(THEIR_VOICE_URL)
    );
    // Connecting again works.
    connect_number(&w.services, connect("+14155550151"))
        .await
        .unwrap();
    assert_eq!(saved(&t).await["+14155550151"], "active");
}

#[tokio::test]
async fn a_disconnection_twilio_answered_late_or_not_at_all_is_finished_by_the_worker() {
    let (t, w) = twilio_world().await;
    for (e164, fault) in [
        ("+14155550152", Fault::Late),
        ("+14155550153", Fault::Unanswered),
    ] {
        w.twilio.own(e164, Some(THEIR_VOICE_URL));
        connect_number(&w.services, connect(e164)).await.unwrap();
        match fault {
            Fault::Late => w.twilio.slow(Op::Update, LATE),
            Fault::Unanswered => w.twilio.fail(Op::Update, 504, 20504),
        }
        let outcome = delete_number(&w.services, change("tw", e164), &NO_DIGITS)
            .await
            .unwrap();
        assert_eq!(
            outcome,
            app::domain::DeleteOutcome::DisconnectChecking,
            "{e164}"
        );
        assert_eq!(saved(&t).await[e164], "disconnecting");
        w.twilio.heal();
        let report = w.settle().await;
        assert_eq!((report.disconnected, report.later), (1, 0), "{e164}");
        assert!(!saved(&t).await.contains_key(e164), "{e164}");
        assert_eq!(
            w.twilio.owned()[e164].voice_url.as_deref(),
            Some(THEIR_VOICE_URL),
            "{e164}: the customer's voice URL is back"
        );
    }
}

enum Fault {
    /// Twilio acts, its answer comes too late.
    Late,
    /// Twilio answers 5xx without acting.
    Unanswered,
}

#[tokio::test]
async fn numbers_that_send_calls_to_a_twiml_app_or_a_trunk_are_refused_with_what_to_change() {
    let (t, w) = twilio_world().await;
    w.twilio.own("+14155550154", Some(THEIR_VOICE_URL));
    w.twilio.edit("+14155550154", |n| {
        n.voice_application_sid = Some("AP00000000000000000000000000000001".into());
    });
    w.twilio.own("+14155550155", Some(THEIR_VOICE_URL));
    w.twilio.edit("+14155550155", |n| {
        n.trunk_sid = Some("TK00000000000000000000000000000001".into());
    });
    for (e164, what) in [
        ("+14155550154", "a TwiML App"),
        ("+14155550155", "a SIP trunk"),
    ] {
        let err = connect_number(&w.services, connect(e164))
            .await
            .unwrap_err();
        let message = err.for_field("phone_number").unwrap_or_default();
        assert!(
            message.contains(what) && message.contains("Twilio's console"),
            "{e164}: {err:?}"
        );
    }
    assert!(saved(&t).await.is_empty());
    assert!(
        !w.twilio.requests().iter().any(|r| r.starts_with("POST")),
        "nothing was changed at Twilio"
    );
}

async fn ten_parallel_twilio_purchases_buy_ten_numbers(t: &TestDb) {
    twilio_only_project(t).await;
    let w = world(t).await;
    let mut buys = JoinSet::new();
    for i in 0..10 {
        let services = w.services.clone();
        buys.spawn(
            async move { buy_number(&services, buy(&format!("parallel-buy-{i:02}"))).await },
        );
    }
    let bought: BTreeSet<String> = buys
        .join_all()
        .await
        .into_iter()
        .map(|r| r.unwrap().to_string())
        .collect();
    assert_eq!(bought.len(), 10, "ten distinct numbers");
    assert_eq!(w.twilio.bought(), 10, "each bought once");
    agree_on_bought_numbers(t, &w.twilio).await;
}

async fn fifty_parallel_pool_purchases_all_succeed(t: &TestDb) {
    server::demo::seed_if_empty(&t.db, &crate::support::keyring())
        .await
        .unwrap();
    let w = world(t).await;
    let stock_before = pool_stock(t).await;
    let mut buys = JoinSet::new();
    for i in 0..50 {
        let services = w.services.clone();
        let mut command = buy(&format!("pool-buy-{i:02}"));
        command.project = ProjectSlug::parse("acme").unwrap();
        command.country = Country::Uk;
        buys.spawn(async move { buy_number(&services, command).await });
    }
    let bought: BTreeSet<String> = buys
        .join_all()
        .await
        .into_iter()
        .map(|r| r.expect("the pool has stock").to_string())
        .collect();
    assert_eq!(bought.len(), 50, "fifty distinct numbers");
    assert_eq!(pool_stock(t).await, stock_before - 50);
    let still_offered = pool_number::Entity::find()
        .filter(pool_number::Column::ReservedBy.is_null())
        .filter(pool_number::Column::E164.is_in(bought.iter().cloned()))
        .all(&t.db)
        .await
        .unwrap();
    assert!(
        still_offered.is_empty(),
        "sold numbers left the stock: {still_offered:?}"
    );
    let saved = saved(t).await;
    assert!(
        bought
            .iter()
            .all(|e164| saved.get(e164).map(String::as_str) == Some("active"))
    );
}

/// Pool numbers nobody holds.
async fn pool_stock(t: &TestDb) -> usize {
    pool_number::Entity::find()
        .filter(pool_number::Column::ReservedBy.is_null())
        .all(&t.db)
        .await
        .unwrap()
        .len()
}

async fn parallel_reassigns_keep_an_unbroken_history(t: &TestDb) {
    server::demo::seed_if_empty(&t.db, &crate::support::keyring())
        .await
        .unwrap();
    let w = world(t).await;
    let acme = ProjectSlug::parse("acme").unwrap();
    let number = "+442079460123";
    let acme_id = project::Entity::find()
        .filter(project::Column::Slug.eq("acme"))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    let variants: BTreeMap<String, i32> = variant::Entity::find()
        .filter(variant::Column::ProjectId.eq(acme_id))
        .filter(variant::Column::DeletedAt.is_null())
        .all(&t.db)
        .await
        .unwrap()
        .into_iter()
        .map(|v| (v.name, v.id))
        .collect();
    let mut reassigns = JoinSet::new();
    for i in 0..24 {
        let services = w.services.clone();
        let change = VariantChange {
            project: acme.clone(),
            actor: format!("member-{i}"),
        };
        let target = app::domain::VariantId(i64::from(if i % 2 == 0 {
            variants["Leeds"]
        } else {
            variants["Default"]
        }));
        reassigns.spawn(async move {
            assign_variant(&services, change, E164::parse(number).unwrap(), target).await
        });
    }
    for result in reassigns.join_all().await {
        result.unwrap();
    }
    let events = number_event::Entity::find()
        .filter(number_event::Column::E164.eq(number))
        .filter(number_event::Column::Kind.is_in(["variant-assigned", "variant-changed"]))
        .order_by_asc(number_event::Column::Id)
        .all(&t.db)
        .await
        .unwrap();
    assert!(!events.is_empty());
    assert_eq!(events[0].before.as_deref(), Some("Sandbox · London"));
    for pair in events.windows(2) {
        assert_eq!(
            pair[1].before, pair[0].after,
            "each entry's before is what the one before it set: {events:#?}"
        );
        assert_ne!(pair[1].before, pair[1].after, "no entry without a change");
    }
    let now = number::Entity::find()
        .filter(number::Column::E164.eq(number))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let name = variants
        .iter()
        .find(|(_, id)| Some(**id) == now.variant_id)
        .map(|(name, _)| name.clone())
        .unwrap();
    assert_eq!(
        events.last().unwrap().after.as_deref(),
        Some(format!("Sandbox · {name}").as_str()),
        "the last entry is where the number is"
    );
}

async fn racing_creates_of_one_name_let_exactly_one_through(t: &TestDb) {
    server::demo::seed_if_empty(&t.db, &crate::support::keyring())
        .await
        .unwrap();
    let w = world(t).await;
    for round in 0..5 {
        let mut creates = JoinSet::new();
        for (name, actor) in [
            (format!("Paris {round}"), "ann"),
            (format!("paris {round}"), "bob"),
        ] {
            let services = w.services.clone();
            let change = VariantChange {
                project: ProjectSlug::parse("acme").unwrap(),
                actor: actor.into(),
            };
            let name = VariantName::parse(&name).unwrap();
            creates.spawn(async move { create_variant(&services, change, name).await });
        }
        let results = creates.join_all().await;
        assert_eq!(
            results.iter().filter(|r| r.is_ok()).count(),
            1,
            "round {round}: {results:?}"
        );
        let refused = results.into_iter().find_map(Result::err).unwrap();
        assert!(
            matches!(refused, AppError::Rejected(ref m) if m.contains("already a variant called")),
            "round {round}: {refused:?}"
        );
        let kept = variant::Entity::find()
            .filter(variant::Column::DeletedAt.is_null())
            .all(&t.db)
            .await
            .unwrap()
            .into_iter()
            .filter(|v| v.name.eq_ignore_ascii_case(&format!("paris {round}")))
            .count();
        assert_eq!(kept, 1, "round {round}");
    }
}

on_both_backends!(
    ten_parallel_twilio_purchases_buy_ten_numbers,
    fifty_parallel_pool_purchases_all_succeed,
    parallel_reassigns_keep_an_unbroken_history,
    racing_creates_of_one_name_let_exactly_one_through,
);
