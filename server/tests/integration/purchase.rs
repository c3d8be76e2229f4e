//! Buying from the built-in pool: validation, idempotency, no double-buys, reconciliation.
//! Runs on SQLite and on PostgreSQL; after every step the pool and the numbers agree.

use crate::support::TestDb;
use crate::support::http::{
    ADMIN, app_error, as_member, call_for_bytes, router_for, state_at, state_for,
};
use crate::support::{T0, TestClock};
use app::domain::E164;
use app::domain::idempotency::ABANDONED_AFTER_SECS;
use app::domain::idempotency::IdempotencyKey;
use app::domain::{AreaCode, Country, Environment, ProjectSlug};
use app::error::AppError;
use app::ports::{BuyRequest, Services};
use app::usecases::buy_number::{BuyNumber, buy_number};
use app::usecases::settle::{INTERRUPTED, SettleReport, settle};
use leptos::server_fn::ServerFn;
use sea_orm::{EntityTrait, PaginatorTrait};
use server::db::entities::{number, pool_number, purchase};

/// Pool stock plus numbers bought: constant, so nothing is lost or doubled.
async fn ledger(t: &TestDb) -> (u64, u64) {
    let stock = pool_number::Entity::find().count(&t.db).await.unwrap();
    let numbers = number::Entity::find().count(&t.db).await.unwrap();
    (stock, numbers)
}

async fn services(t: &TestDb) -> Services {
    server::demo::seed_if_empty(&t.db, &crate::support::keyring())
        .await
        .unwrap();
    state_for(t).await.services
}

/// A purchase for acme, as the Buy server function builds it from valid input.
fn form(environment: &str, country: &str, area: &str, key: &str) -> BuyNumber {
    let country = Country::parse(country).unwrap();
    BuyNumber {
        project: ProjectSlug::parse("acme").unwrap(),
        environment: Environment::parse(environment).unwrap(),
        country,
        area_code: AreaCode::parse_for(country, area).unwrap(),
        variant: None,
        key: IdempotencyKey::parse(key).unwrap(),
        actor: "test".into(),
    }
}

/// The Buy server function's answer for `args` (acme, as the admin).
async fn buy_through_the_page(t: &TestDb, args: &[(&str, &str)]) -> AppError {
    let router = as_member(router_for(t).await, ADMIN).await;
    let mut form = vec![("project", "acme"), ("variant", "")];
    form.retain(|(k, _)| !args.iter().any(|(a, _)| a == k));
    form.extend_from_slice(args);
    let (_, body) = call_for_bytes(&router, app::api::BuyNumber::PATH, &form).await;
    app_error("buying", &body)
}

async fn buying_takes_one_number_from_stock(t: &TestDb) {
    let services = services(t).await;
    let (stock, numbers) = ledger(t).await;
    assert_eq!(
        stock,
        4500 - 5,
        "drama ranges (UK, US 212/415/646, Canada 416/604) minus the five demo numbers in them"
    );
    let uk = buy_number(&services, form("sandbox", "UK", "", "key-uk-00001"))
        .await
        .unwrap();
    assert!(uk.as_str().starts_with("+44"), "{uk}");
    let us = buy_number(&services, form("live", "US", "212", "key-us-00001"))
        .await
        .unwrap();
    assert!(us.as_str().starts_with("+1212555"), "{us}");
    assert_eq!(ledger(t).await, (stock - 2, numbers + 2));
    let row = services
        .projects
        .number(&app::domain::ProjectSlug::parse("acme").unwrap(), &us)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.environment, app::domain::Environment::Live);
}

async fn the_same_key_never_buys_twice(t: &TestDb) {
    let services = services(t).await;
    let before = ledger(t).await;
    let (a, b) = tokio::join!(
        buy_number(&services, form("sandbox", "UK", "", "double-click-1")),
        buy_number(&services, form("sandbox", "UK", "", "double-click-1")),
    );
    let bought: Vec<_> = [&a, &b]
        .into_iter()
        .filter_map(|r| r.as_ref().ok())
        .collect();
    assert!(!bought.is_empty(), "{a:?} {b:?}");
    let retry = buy_number(&services, form("sandbox", "UK", "", "double-click-1"))
        .await
        .unwrap();
    assert_eq!(&retry, bought[0], "a retry returns the first result");
    assert_eq!(
        ledger(t).await,
        (before.0 - 1, before.1 + 1),
        "exactly one number bought"
    );

    let err = buy_number(&services, form("live", "UK", "", "double-click-1"))
        .await
        .unwrap_err();
    assert!(
        matches!(err, AppError::Rejected(ref m) if m.contains("already used")),
        "{err:?}"
    );
    assert_eq!(ledger(t).await, (before.0 - 1, before.1 + 1));
    let mut other_project = form("sandbox", "UK", "", "double-click-1");
    other_project.project = ProjectSlug::parse("solo").unwrap();
    let err = buy_number(&services, other_project).await.unwrap_err();
    assert!(
        matches!(err, AppError::Rejected(ref m) if m.contains("already used")),
        "a key is scoped to its project: {err:?}"
    );
    assert_eq!(ledger(t).await, (before.0 - 1, before.1 + 1));
}

async fn bad_requests_buy_nothing(t: &TestDb) {
    let services = services(t).await;
    let before = ledger(t).await;
    let field_of = |err: &AppError, field: &str| err.for_field(field).is_some();
    let ask = |environment: &'static str, country: &'static str, area: &'static str| {
        [
            ("environment", environment),
            ("country", country),
            ("area_code", area),
            ("idempotency_key", "key-bad-0001"),
        ]
    };
    for area in ["911", "800", "12", "abc"] {
        let err = buy_through_the_page(t, &ask("sandbox", "US", area)).await;
        assert!(field_of(&err, "area_code"), "{area}: {err:?}");
    }
    let err = buy_through_the_page(t, &ask("staging", "UK", "")).await;
    assert!(field_of(&err, "environment"), "{err:?}");
    let err = buy_through_the_page(t, &ask("sandbox", "FR", "")).await;
    assert!(field_of(&err, "country"), "{err:?}");
    let err = buy_through_the_page(t, &ask("sandbox", "UK", "212")).await;
    assert!(field_of(&err, "area_code"), "{err:?}");
    let mut short_key = ask("sandbox", "UK", "").to_vec();
    short_key[3] = ("idempotency_key", "short");
    let err = buy_through_the_page(t, &short_key).await;
    assert!(matches!(err, AppError::Malformed(_)), "{err:?}");

    let mut unpublished = form("sandbox", "UK", "", "key-bad-0005");
    unpublished.variant = Some(app::domain::VariantId(9999));
    let err = buy_number(&services, unpublished).await.unwrap_err();
    assert!(err.for_field("variant").is_some(), "{err:?}");
    let mut fresh = form("sandbox", "UK", "", "key-bad-0006");
    fresh.project = ProjectSlug::parse("fresh").unwrap();
    let err = buy_number(&services, fresh).await.unwrap_err();
    assert!(
        matches!(err, AppError::Rejected(ref m) if m.contains("no telephony integration")),
        "{err:?}"
    );

    let err = buy_number(&services, form("sandbox", "US", "907", "key-bad-0007"))
        .await
        .unwrap_err();
    assert_eq!(
        err,
        AppError::Rejected("No numbers are available in area code 907. Try another area code, or leave it empty for any.".into())
    );
    assert_eq!(ledger(t).await, before, "nothing bought");
}

async fn an_interrupted_purchase_is_undone_once_abandoned(t: &TestDb) {
    let services = services(t).await;
    let before = ledger(t).await;
    // The process dies after the provider handed out a number and before it was saved.
    services
        .purchases
        .start_purchase(&crate::support::intent(
            "acme",
            "crashed-purchase",
            app::domain::IntegrationKind::BuiltInPool,
        ))
        .await
        .unwrap();
    let request = BuyRequest {
        country: app::domain::Country::Uk,
        area_code: None,
    };
    let taken: E164 = services
        .pool
        .buy(&request, "crashed-purchase")
        .await
        .unwrap();
    drop(services);

    // Any instance's worker, once the purchase has been pending too long; not before.
    let clock = TestClock::at(T0 + ABANDONED_AFTER_SECS - 1);
    let worker = state_at(t, "http://127.0.0.1:9", clock.clone())
        .await
        .services;
    assert_eq!(settle(&worker).await.unwrap(), SettleReport::default());
    clock.set(T0 + ABANDONED_AFTER_SECS);
    assert_eq!(settle(&worker).await.unwrap().nothing_bought, 1);
    assert_eq!(
        ledger(t).await,
        before,
        "the reserved number is back in stock, none saved"
    );
    let row = pool_number::Entity::find_by_id(taken.as_str().to_owned())
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.reserved_by, None);
    let attempt = purchase::Entity::find()
        .all(&t.db)
        .await
        .unwrap()
        .pop()
        .unwrap();
    assert_eq!(
        (attempt.status.as_str(), attempt.error.as_deref()),
        ("failed", Some(INTERRUPTED))
    );

    // The attempt failed before anything was kept, so retrying with the same key buys.
    let services = state_for(t).await.services;
    let bought = buy_number(&services, form("sandbox", "UK", "", "crashed-purchase"))
        .await
        .unwrap();
    assert_eq!(ledger(t).await, (before.0 - 1, before.1 + 1));
    let replayed = buy_number(&services, form("sandbox", "UK", "", "crashed-purchase"))
        .await
        .unwrap();
    assert_eq!(
        replayed, bought,
        "the same key now replays the number it bought"
    );
    assert_eq!(ledger(t).await, (before.0 - 1, before.1 + 1));
}

async fn released_numbers_return_to_stock(t: &TestDb) {
    let services = services(t).await;
    let before = ledger(t).await;
    let request = BuyRequest {
        country: app::domain::Country::Us,
        area_code: app::domain::AreaCode::parse_optional("415").unwrap(),
    };
    let n = services.pool.buy(&request, "tag-release-1").await.unwrap();
    services.pool.confirm(&n, "tag-release-1").await.unwrap();
    assert_eq!(ledger(t).await.0, before.0 - 1);
    services.pool.release(&n, "tag-release-1").await.unwrap();
    assert_eq!(ledger(t).await, before);
}

async fn canadian_numbers_come_from_canadian_stock(t: &TestDb) {
    let services = services(t).await;
    let (stock, numbers) = ledger(t).await;
    let any = buy_number(&services, form("sandbox", "CA", "", "key-ca-00001"))
        .await
        .unwrap();
    assert_eq!(Country::of(&any), Some(Country::Ca), "{any}");
    let vancouver = buy_number(&services, form("sandbox", "CA", "604", "key-ca-00002"))
        .await
        .unwrap();
    assert!(vancouver.as_str().starts_with("+1604555"), "{vancouver}");
    let montreal = buy_number(&services, form("sandbox", "CA", "514", "key-ca-00003"))
        .await
        .unwrap_err();
    assert_eq!(
        montreal.to_string(),
        "No numbers are available in area code 514. Try another area code, or leave it empty for any."
    );
    assert_eq!(ledger(t).await, (stock - 2, numbers + 2));
    let (stock, _) = ledger(t).await;
    let mut config = crate::support::http::config_for(t);
    config.pool_ca_area_codes = vec![416, 604, 514];
    crate::support::http::prepare(&config).await;
    assert_eq!(
        ledger(t).await.0,
        stock + 100,
        "514 is stocked at the next start, and only it"
    );
    config.pool_ca_area_codes = vec![212];
    let refused = server::prepare(&config, TestClock::at(T0))
        .await
        .err()
        .unwrap();
    assert_eq!(
        refused.to_string(),
        "configuration error: NUMBERS_POOL_CA_AREA_CODES: 212 is not a Canadian area code."
    );
}

on_both_backends!(
    canadian_numbers_come_from_canadian_stock,
    buying_takes_one_number_from_stock,
    the_same_key_never_buys_twice,
    bad_requests_buy_nothing,
    an_interrupted_purchase_is_undone_once_abandoned,
    released_numbers_return_to_stock,
);
