//! Two server instances on one PostgreSQL database behave as one product: started at the same
//! moment they migrate and seed once; 200 buys (distinct keys, keys sent to both at once, a
//! race for an area code's last stock), 50 reassigns and 50 deletes split across them, then
//! both workers, leave every invariant whole.

use crate::support::http::{ADMIN, config_for, form_request, send, sign_in};
use crate::support::{T0, TestClock, TestDb};
use app::api::{AssignVariant, BuyNumber, DeleteNumber};
use app::domain::IntegrationKind;
use axum::Router;
use axum::http::StatusCode;
use leptos::server_fn::ServerFn;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};
use server::db::entities::{
    number, number_event, pool_number, project, purchase, telephony_integration, variant,
};
use std::collections::{HashMap, HashSet};

/// Lines left in stock in area code 416 before the race for them.
const LAST_STOCK: usize = 5;
/// Buys with keys of their own.
const DISTINCT: usize = 100;
/// Keys each sent to both instances at once.
const SHARED: usize = 30;
/// Buys racing for the [`LAST_STOCK`].
const RACING: usize = 40;

/// A server function's arguments, by name.
type Args = Vec<(&'static str, String)>;

/// A call to make: the instance, the server function's path, its arguments.
type Call = (Router, &'static str, Args);

/// One server function call's answer.
#[derive(Clone, Debug)]
struct Answer {
    status: StatusCode,
    body: String,
}

impl Answer {
    /// The E.164 number a successful buy answered with.
    fn bought(&self) -> Option<String> {
        (self.status == StatusCode::OK)
            .then(|| serde_json::from_str::<String>(&self.body).expect("a number"))
    }
}

/// Calls the server function at `path` on `router` with `args`, as the signed-in `cookie`.
async fn call(router: Router, cookie: String, path: &'static str, args: Args) -> Answer {
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, _, body) = send(&router, form_request(path, &args, Some(&cookie))).await;
    Answer { status, body }
}

fn buy(country: &str, area: &str, key: String) -> Args {
    vec![
        ("project", "acme".into()),
        ("environment", "sandbox".into()),
        ("country", country.into()),
        ("area_code", area.into()),
        ("idempotency_key", key),
    ]
}

fn assign(e164: &str, variant: i32) -> Args {
    vec![
        ("project", "acme".into()),
        ("e164", e164.into()),
        ("variant", variant.to_string()),
    ]
}

fn delete(e164: &str) -> Args {
    vec![
        ("project", "acme".into()),
        ("e164", e164.into()),
        ("confirm_digits", String::new()),
    ]
}

/// Pool stock rows plus numbers held through the built-in pool.
async fn stock_and_held(db: &DatabaseConnection) -> u64 {
    let stock = pool_number::Entity::find().count(db).await.unwrap();
    let pools: Vec<i32> = telephony_integration::Entity::find()
        .filter(telephony_integration::Column::Kind.eq(IntegrationKind::BuiltInPool.slug()))
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|row| row.id)
        .collect();
    let held = number::Entity::find()
        .filter(number::Column::IntegrationId.is_in(pools))
        .count(db)
        .await
        .unwrap();
    stock + held
}

/// acme's draft variant ids by name.
async fn acme_variants(db: &DatabaseConnection) -> HashMap<String, i32> {
    let acme = project::Entity::find()
        .filter(project::Column::Slug.eq("acme"))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    variant::Entity::find()
        .filter(variant::Column::ProjectId.eq(acme.id))
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|v| (v.name, v.id))
        .collect()
}

/// Leaves [`LAST_STOCK`] free lines in area code 416.
async fn leave_last_stock(db: &DatabaseConnection) {
    let lines: Vec<String> = pool_number::Entity::find()
        .filter(pool_number::Column::AreaCode.eq(416))
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|row| row.e164)
        .collect();
    pool_number::Entity::delete_many()
        .filter(pool_number::Column::E164.is_in(lines.into_iter().skip(LAST_STOCK)))
        .exec(db)
        .await
        .unwrap();
}

async fn count_events(db: &DatabaseConnection, kind: &str) -> usize {
    number_event::Entity::find()
        .filter(number_event::Column::Kind.eq(kind))
        .count(db)
        .await
        .unwrap() as usize
}

/// Runs every call at once; returns the answers in the order given.
async fn all_at_once(calls: Vec<Call>, cookie: &str) -> Vec<Answer> {
    let mut running = tokio::task::JoinSet::new();
    for (n, (router, path, args)) in calls.into_iter().enumerate() {
        let cookie = cookie.to_owned();
        running.spawn(async move { (n, call(router, cookie, path, args).await) });
    }
    let mut answers: Vec<_> = running.join_all().await;
    answers.sort_by_key(|(n, _)| *n);
    answers.into_iter().map(|(_, answer)| answer).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_instances_on_one_database_behave_as_one() {
    let t = TestDb::postgres_unmigrated().await;
    let mut config = config_for(&t);
    config.demo = true;
    let clock = TestClock::at(T0);
    let (first, second) = tokio::join!(
        server::prepare(&config, clock.clone()),
        server::prepare(&config, clock.clone())
    );
    let (first, second) = (
        first.expect("first instance"),
        second.expect("second instance"),
    );
    let workers = [first.services.clone(), second.services.clone()];
    let instances = [server::http::router(first), server::http::router(second)];
    let on = |n: usize| instances[n % 2].clone();
    // A session made on one instance is good on the other.
    let cookie = sign_in(&instances[0], ADMIN).await;
    leave_last_stock(&t.db).await;
    let constant = stock_and_held(&t.db).await;
    let variants = acme_variants(&t.db).await;
    let mut seeded = HashMap::new();
    for kind in ["bought", "deletion-requested", "released"] {
        seeded.insert(kind, count_events(&t.db, kind).await);
    }
    let new_events = |kind: &'static str| {
        let db = t.db.clone();
        let seeded = seeded[kind];
        async move { count_events(&db, kind).await - seeded }
    };

    // Buys and reassigns, all at once.
    let mut calls = Vec::new();
    for n in 0..DISTINCT {
        calls.push((
            on(n),
            BuyNumber::PATH,
            buy("UK", "", format!("distinct-key-{n:04}")),
        ));
    }
    for n in 0..SHARED {
        for instance in 0..2 {
            calls.push((
                on(instance),
                BuyNumber::PATH,
                buy("UK", "", format!("shared-key-{n:04}")),
            ));
        }
    }
    for n in 0..RACING {
        calls.push((
            on(n),
            BuyNumber::PATH,
            buy("CA", "416", format!("last-stock-{n:04}")),
        ));
    }
    let cycle = ["London", "Leeds", "Default"];
    for n in 0..40 {
        let e164 = if n % 2 == 0 {
            "+442079460123"
        } else {
            "+12125550142"
        };
        calls.push((
            on(n),
            AssignVariant::PATH,
            assign(e164, variants[cycle[n % 3]]),
        ));
    }
    let first_round = all_at_once(calls, &cookie).await;

    let (distinct, rest) = first_round.split_at(DISTINCT);
    let (shared, rest) = rest.split_at(2 * SHARED);
    let (last_stock, reassigns) = rest.split_at(RACING);
    let mut everything: Vec<&Answer> = first_round.iter().collect();
    let distinct: Vec<String> = distinct
        .iter()
        .map(|a| {
            a.bought()
                .unwrap_or_else(|| panic!("a distinct buy failed: {a:?}"))
        })
        .collect();
    let mut shared_bought = Vec::new();
    for pair in shared.chunks(2) {
        let numbers: HashSet<_> = pair.iter().filter_map(Answer::bought).collect();
        assert!(numbers.len() <= 1, "one key bought two numbers: {pair:?}");
        assert!(
            pair.iter()
                .all(|a| a.status == StatusCode::OK || a.body.contains("still being completed")),
            "a shared key's other request either replays or waits: {pair:?}"
        );
        shared_bought.extend(numbers);
    }
    let won: Vec<String> = last_stock.iter().filter_map(Answer::bought).collect();
    assert_eq!(
        won.len(),
        LAST_STOCK,
        "exactly the last stock is sold: {last_stock:?}"
    );
    assert!(
        reassigns.iter().all(|a| a.status == StatusCode::OK),
        "{reassigns:?}"
    );

    // Deletes, some sent to both instances at once, racing reassigns of the same numbers.
    let mut calls = Vec::new();
    for (n, e164) in distinct.iter().take(30).enumerate() {
        calls.push((on(n), DeleteNumber::PATH, delete(e164)));
    }
    for e164 in distinct.iter().skip(30).take(10) {
        calls.push((on(0), DeleteNumber::PATH, delete(e164)));
        calls.push((on(1), DeleteNumber::PATH, delete(e164)));
    }
    for (n, e164) in distinct.iter().skip(30).take(10).enumerate() {
        calls.push((on(n), AssignVariant::PATH, assign(e164, variants["Leeds"])));
    }
    let second_round = all_at_once(calls, &cookie).await;
    everything.extend(second_round.iter());
    let deleted = second_round
        .iter()
        .take(50)
        .filter(|a| a.status == StatusCode::OK)
        .count();
    assert_eq!(deleted, 40, "each number is deleted once: {second_round:?}");
    assert_eq!(everything.len(), DISTINCT + 2 * SHARED + RACING + 40 + 60);
    assert!(
        everything.iter().all(|a| a.status.as_u16() < 500),
        "no 5xx: {:?}",
        everything
            .iter()
            .filter(|a| a.status.as_u16() >= 500)
            .collect::<Vec<_>>()
    );

    // Both workers, once the undo window has closed.
    clock.set(T0 + 601);
    let passes = workers.iter().map(|services| {
        let services = services.clone();
        tokio::spawn(async move {
            app::usecases::delete_number::release_due(&services)
                .await
                .unwrap();
            app::usecases::settle::settle(&services).await.unwrap();
        })
    });
    for pass in passes.collect::<Vec<_>>() {
        pass.await.unwrap();
    }

    let numbers = number::Entity::find().all(&t.db).await.unwrap();
    let unique: HashSet<_> = numbers.iter().map(|n| n.e164.as_str()).collect();
    assert_eq!(unique.len(), numbers.len(), "no number held twice");
    assert!(
        numbers.iter().all(|n| n.state == "active"),
        "nothing left mid-way"
    );
    assert_eq!(
        stock_and_held(&t.db).await,
        constant,
        "stock + held is constant"
    );
    let purchases = purchase::Entity::find().all(&t.db).await.unwrap();
    assert!(
        purchases
            .iter()
            .all(|p| p.status == "succeeded" || p.status == "failed"),
        "no purchase left pending or being checked"
    );
    let succeeded: Vec<_> = purchases
        .iter()
        .filter(|p| p.status == "succeeded")
        .collect();
    assert_eq!(
        succeeded.len(),
        DISTINCT + shared_bought.len() + LAST_STOCK,
        "each key bought once"
    );
    assert_eq!(shared_bought.len(), SHARED, "every shared key bought");
    assert_eq!(
        new_events("bought").await,
        succeeded.len(),
        "one entry per purchase"
    );
    assert_eq!(
        new_events("deletion-requested").await,
        40,
        "one entry per delete"
    );
    assert_eq!(
        new_events("released").await,
        40,
        "each number released once"
    );
    assert_variant_history_is_a_chain(&t.db).await;
    t.drop_database().await;
}

/// Every number's variant entries follow on from each other (one entry per change, none
/// lost or doubled), ending at the variant it has.
async fn assert_variant_history_is_a_chain(db: &DatabaseConnection) {
    let mut events = number_event::Entity::find()
        .filter(number_event::Column::Kind.is_in([
            "variant-assigned",
            "variant-changed",
            "bought",
            "connected",
        ]))
        .all(db)
        .await
        .unwrap();
    events.sort_by_key(|e| e.id);
    let mut placement: HashMap<String, Option<String>> = HashMap::new();
    for event in events {
        let known = placement.get(&event.e164).cloned().flatten();
        match (event.kind.as_str(), known) {
            ("variant-changed", Some(known)) => {
                assert_eq!(event.before.as_deref(), Some(known.as_str()), "{event:?}");
            }
            ("variant-assigned", Some(known)) => {
                assert!(!known.contains(" · "), "assigned over a variant: {event:?}");
            }
            _ => {}
        }
        placement.insert(event.e164.clone(), event.after.clone());
    }
    let variants = variant::Entity::find().all(db).await.unwrap();
    let name = |id: Option<i32>| {
        id.and_then(|id| variants.iter().find(|v| v.id == id))
            .map(|v| v.name.clone())
    };
    for number in number::Entity::find().all(db).await.unwrap() {
        if let Some(Some(after)) = placement.get(&number.e164) {
            let said = after.split_once(" · ").map(|(_, variant)| variant);
            assert_eq!(
                name(number.variant_id).as_deref(),
                said,
                "{}: its history ends at {after}",
                number.e164
            );
        }
    }
}
