//! Buying from the built-in pool: validation, idempotency, no double-buys, reconciliation.
//! Runs on SQLite and on PostgreSQL; after every step the pool and the numbers agree.

mod support;

use app::domain::E164;
use app::domain::idempotency::RequestFingerprint;
use app::error::AppError;
use app::ports::{BuyRequest, Services};
use app::usecases::buy_number::{BuyForm, buy_number};
use sea_orm::{EntityTrait, PaginatorTrait};
use server::db::entities::{number, pool_number, purchase};
use server::telephony::reconcile::{INTERRUPTED, reconcile_pool};
use support::TestDb;
use support::http::state_for;

/// Pool stock plus numbers bought: constant, so nothing is lost or doubled.
async fn ledger(t: &TestDb) -> (u64, u64) {
    let stock = pool_number::Entity::find().count(&t.db).await.unwrap();
    let numbers = number::Entity::find().count(&t.db).await.unwrap();
    (stock, numbers)
}

async fn services(t: &TestDb) -> Services {
    server::demo::seed_if_empty(&t.db).await.unwrap();
    state_for(t).await.services
}

fn form(environment: &str, country: &str, area: &str, key: &str) -> BuyForm {
    BuyForm {
        project: "acme".into(),
        environment: environment.into(),
        country: country.into(),
        area_code: area.into(),
        variant: None,
        idempotency_key: key.into(),
        actor: "test".into(),
    }
}

async fn buying_takes_one_number_from_stock(t: &TestDb) {
    let services = services(t).await;
    let (stock, numbers) = ledger(t).await;
    assert_eq!(
        stock,
        4300 - 5,
        "drama ranges minus the five demo numbers in them"
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
    let overview = services
        .projects
        .overview(&app::domain::ProjectSlug::parse("acme").unwrap())
        .await
        .unwrap()
        .unwrap();
    let row = overview.numbers.iter().find(|n| n.e164 == us).unwrap();
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
    other_project.project = "solo".into();
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
    for (area, field) in [
        ("911", "area_code"),
        ("800", "area_code"),
        ("12", "area_code"),
        ("abc", "area_code"),
    ] {
        let err = buy_number(&services, form("sandbox", "US", area, "key-bad-0001"))
            .await
            .unwrap_err();
        assert!(err.for_field(field).is_some(), "{area}: {err:?}");
    }
    let err = buy_number(&services, form("staging", "UK", "", "key-bad-0002"))
        .await
        .unwrap_err();
    assert!(err.for_field("environment").is_some(), "{err:?}");
    let err = buy_number(&services, form("sandbox", "FR", "", "key-bad-0003"))
        .await
        .unwrap_err();
    assert!(err.for_field("country").is_some(), "{err:?}");
    let err = buy_number(&services, form("sandbox", "UK", "212", "key-bad-0004"))
        .await
        .unwrap_err();
    assert!(err.for_field("area_code").is_some(), "{err:?}");
    let mut unpublished = form("sandbox", "UK", "", "key-bad-0005");
    unpublished.variant = Some(9999);
    let err = buy_number(&services, unpublished).await.unwrap_err();
    assert!(err.for_field("variant").is_some(), "{err:?}");
    let err = buy_number(&services, form("sandbox", "UK", "", "short"))
        .await
        .unwrap_err();
    assert!(matches!(err, AppError::Rejected(_)), "{err:?}");
    let mut fresh = form("sandbox", "UK", "", "key-bad-0006");
    fresh.project = "fresh".into();
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
        AppError::Provider("No numbers are available in area code 907. Try another area code, or leave it empty for any.".into())
    );
    assert_eq!(ledger(t).await, before, "nothing bought");
}

async fn an_interrupted_purchase_is_undone_at_the_next_start(t: &TestDb) {
    let services = services(t).await;
    let before = ledger(t).await;
    let acme = app::domain::ProjectSlug::parse("acme").unwrap();
    // The process dies after the provider handed out a number and before it was saved.
    services
        .purchases
        .start_purchase(
            &acme,
            "crashed-purchase",
            &RequestFingerprint("buy|sandbox|UK||".into()),
            app::domain::IntegrationKind::BuiltInPool,
        )
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

    // Next start.
    let reconciled = reconcile_pool(&t.db).await.unwrap();
    assert_eq!(reconciled.interrupted, 1);
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

    // Retrying with the same key says what happened; a new attempt buys normally.
    let services = state_for(t).await.services;
    let err = buy_number(&services, form("sandbox", "UK", "", "crashed-purchase"))
        .await
        .unwrap_err();
    assert_eq!(err, AppError::Provider(INTERRUPTED.into()));
    buy_number(&services, form("sandbox", "UK", "", "after-the-crash"))
        .await
        .unwrap();
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

on_both_backends!(
    buying_takes_one_number_from_stock,
    the_same_key_never_buys_twice,
    bad_requests_buy_nothing,
    an_interrupted_purchase_is_undone_at_the_next_start,
    released_numbers_return_to_stock,
);
