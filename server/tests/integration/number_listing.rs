//! Listing a project of ten thousand numbers a page at a time: counts, pages, orders, search
//! and filters, on SQLite and on PostgreSQL.

use crate::support::TestDb;
use app::domain::{
    DigitsMatch, Environment, NumbersListing, NumbersView, ProjectSlug, phone_format::decimal_digit,
};
use app::ports::ProjectStore;
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use server::db::SeaStore;

/// The demo data plus 10,000 numbers in acme's Sandbox (added after the demo's, a minute
/// apart), in one transaction.
async fn big_acme(t: &TestDb) -> SeaStore {
    server::demo::seed_if_empty(&t.db, &crate::support::keyring())
        .await
        .unwrap();
    let since = chrono::DateTime::from_timestamp(1_900_000_000, 0).unwrap();
    let added =
        server::bulk_numbers::add_numbers(&t.db, "acme", Environment::Sandbox, 10_000, since)
            .await
            .unwrap();
    assert_eq!(added, 10_000);
    crate::support::store(&t.db)
}

async fn list(store: &SeaStore, query: &[(&str, &str)]) -> NumbersListing {
    let view = NumbersView::from_query(query.iter().copied());
    let search = DigitsMatch::parse(&view.search, decimal_digit);
    store
        .list_numbers(&ProjectSlug::parse("acme").unwrap(), &view, search.as_ref())
        .await
        .unwrap()
        .unwrap()
}

fn e164s(listing: &NumbersListing, section: usize) -> Vec<String> {
    listing.sections[section]
        .numbers
        .iter()
        .map(|n| n.e164.to_string())
        .collect()
}

async fn ten_thousand_numbers_are_listed_a_page_at_a_time(t: &TestDb) {
    let store = big_acme(t).await;
    let first = list(&store, &[]).await;
    let totals: Vec<u64> = first.sections.iter().map(|s| s.total).collect();
    assert_eq!(
        totals,
        [10_002, 1, 1],
        "the demo's two Sandbox numbers and the 10,000"
    );
    assert_eq!(first.sections[0].numbers.len(), 50);
    assert_eq!(first.sections[0].page, 1);
    assert!(first.assigned.len() >= 3, "{:?}", first.assigned);

    let second = list(&store, &[("sandbox_page", "2")]).await;
    let (a, b) = (e164s(&first, 0), e164s(&second, 0));
    assert!(a.iter().all(|n| !b.contains(n)), "pages never overlap");
    let last = list(&store, &[("sandbox_page", "201")]).await;
    assert_eq!(
        (last.sections[0].page, last.sections[0].numbers.len()),
        (201, 2)
    );
    for (asked, shown) in [
        ("202", 201),
        ("99999", 201),
        ("99999999999999999999999", 201),
        ("0", 1),
        ("-1", 1),
        ("x", 1),
    ] {
        let page = list(&store, &[("sandbox_page", asked)]).await.sections[0].page;
        assert_eq!(page, shown, "sandbox_page={asked}");
    }
    let newest = list(&store, &[("sort", "newest")]).await;
    assert_eq!(e164s(&newest, 0)[0], e164s(&last, 0)[1], "newest first");
    let by_number = list(&store, &[("sort", "number")]).await;
    let mut sorted = e164s(&by_number, 0);
    sorted.sort();
    assert_eq!(sorted, e164s(&by_number, 0));
}

async fn search_and_filters_narrow_every_section(t: &TestDb) {
    let store = big_acme(t).await;
    let total = |listing: &NumbersListing| -> Vec<u64> {
        listing.sections.iter().map(|s| s.total).collect()
    };
    let found = list(&store, &[("q", "020 7946 0123")]).await;
    assert_eq!(total(&found), [1, 0, 0]);
    assert_eq!(e164s(&found, 0), ["+442079460123"]);
    // Ofcom's 0113 496 0500-0599: all in the bulk set, none in the demo's other sections.
    let prefix = list(&store, &[("q", "+44 113 496 05")]).await;
    assert_eq!(total(&prefix), [100, 0, 0]);
    assert!(
        e164s(&prefix, 0)
            .iter()
            .all(|n| n.starts_with("+441134960"))
    );
    let national = list(&store, &[("q", "0113 496 05")]).await;
    assert_eq!(total(&national), [100, 0, 0]);
    // A last four starting with 0: numbers holding `0500`, or whose national number starts
    // `500`; never every number that merely holds `500`.
    let last_four = list(&store, &[("q", "0500")]).await;
    assert!(e164s(&last_four, 0).contains(&"+441134960500".to_owned()));
    for n in e164s(&last_four, 0) {
        let national = [2, 3, 4].map(|cc| n.get(cc..).unwrap_or_default().starts_with("500"));
        assert!(n.contains("0500") || national.contains(&true), "{n}");
    }
    // `LIKE` wildcards typed in a search are not digits: they match nothing by themselves.
    for typed in ["%", "_", "%5%", "5_5"] {
        let found = list(&store, &[("q", typed)]).await;
        let digits: String = typed.chars().filter(char::is_ascii_digit).collect();
        for n in e164s(&found, 0) {
            assert!(!digits.is_empty() && n.contains(&digits), "{typed}: {n}");
        }
    }
    let nothing = list(&store, &[("q", "no digits here")]).await;
    assert_eq!(total(&nothing), [0, 0, 0]);
    let long = "7".repeat(5000);
    assert_eq!(
        total(&list(&store, &[("q", long.as_str())]).await),
        [0, 0, 0]
    );

    let twilio = list(&store, &[("source", "twilio")]).await;
    assert_eq!(total(&twilio), [1_001, 0, 0], "every tenth, and the demo's");
    let unassigned = list(&store, &[("variant", "none")]).await;
    assert_eq!(total(&unassigned)[0], 2_000, "every fifth");
    let combined = list(&store, &[("variant", "none"), ("source", "twilio")]).await;
    assert_eq!(
        total(&combined)[0],
        1_000,
        "every tenth is also a fifth's fourth"
    );
    for state in ["pending-release", "release-failed"] {
        assert_eq!(total(&list(&store, &[("state", state)]).await), [0, 0, 0]);
    }
    let unknown = list(
        &store,
        &[("source", "vonage"), ("state", "?"), ("variant", "x")],
    )
    .await;
    assert_eq!(total(&unknown), [10_002, 1, 1], "bad values are ignored");
}

/// The database's plan of `sql`, one line per step.
async fn plan(t: &TestDb, sql: &str) -> String {
    let backend = t.db.get_database_backend();
    let explain = match backend {
        DbBackend::Sqlite => format!("EXPLAIN QUERY PLAN {sql}"),
        _ => format!("EXPLAIN {sql}"),
    };
    let rows =
        t.db.query_all_raw(Statement::from_string(backend, explain))
            .await
            .unwrap();
    let column = if backend == DbBackend::Sqlite {
        "detail"
    } else {
        "QUERY PLAN"
    };
    rows.iter()
        .map(|row| row.try_get::<String>("", column).unwrap())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The queries a page and the lifecycle worker repeat, shaped as the store writes them, find
/// their rows through an index on both databases (migration 10), not by reading the table.
async fn page_queries_are_index_scans(t: &TestDb) {
    big_acme(t).await;
    if t.db.get_database_backend() == DbBackend::Postgres {
        t.db.execute_unprepared("ANALYZE numbers").await.unwrap();
    }
    let acme = "(SELECT id FROM projects WHERE slug = 'acme')";
    let section = format!(
        "FROM numbers WHERE project_id = {acme} AND environment = 'sandbox' AND state IN ('active')"
    );
    let queries = [
        (
            "a page by date added",
            format!("SELECT * {section} ORDER BY created_at, id LIMIT 50 OFFSET 4950"),
        ),
        (
            "a page, newest first",
            format!("SELECT * {section} ORDER BY created_at DESC, id DESC LIMIT 50"),
        ),
        (
            "a page by number",
            format!("SELECT * {section} ORDER BY e164 LIMIT 50 OFFSET 50"),
        ),
        (
            "one number",
            "SELECT * FROM numbers WHERE e164 = '+441134960042'".to_owned(),
        ),
        (
            "numbers not in use",
            format!(
                "SELECT * FROM numbers WHERE project_id = {acme} AND state IN ('pending-release', 'releasing', 'release-failed', 'connecting', 'disconnecting') ORDER BY release_at DESC, id DESC LIMIT 50"
            ),
        ),
        (
            "due releases",
            "SELECT * FROM numbers WHERE (state = 'pending-release' AND release_at <= 0) OR (state = 'releasing' AND claimed_at <= 0)".to_owned(),
        ),
    ];
    for (what, sql) in queries {
        let plan = plan(t, &sql).await;
        let indexed = plan.contains("SEARCH numbers USING")
            || plan.contains("Index Scan")
            || plan.contains("Index Only Scan")
            || plan.contains("Bitmap Index Scan");
        let reads_table = plan.lines().any(|l| l.starts_with("SCAN numbers"))
            || plan.contains("Seq Scan on numbers");
        assert!(indexed && !reads_table, "{what}: {sql}\n{plan}");
    }
}

on_both_backends!(
    ten_thousand_numbers_are_listed_a_page_at_a_time,
    search_and_filters_narrow_every_section,
    page_queries_are_index_scans,
);
