//! The variant server functions called directly, bypassing the browser: every rule holds.

use crate::support::http::{admin_router, app_error, call, call_for_bytes, load_page};
use app::api::{
    AssignVariant, CreateVariant, DeleteVariant, LoadNumbersPage, Promote, PublishDraft,
    RenameVariant,
};
use app::domain::{NumbersPage, PageBody};
use app::error::AppError;
use axum::Router;
use leptos::server_fn::ServerFn;

/// Calls a server function expected to fail and returns its typed error.
async fn refused(router: &Router, path: &str, args: &[(&str, &str)]) -> AppError {
    let (status, body) = call_for_bytes(router, path, args).await;
    assert!(
        !status.is_success(),
        "{path} {args:?} must be refused, got {status}: {}",
        String::from_utf8_lossy(&body)
    );
    app_error(path, &body)
}

async fn ok(router: &Router, path: &str, args: &[(&str, &str)]) {
    let (status, body) = call(router, path, args).await;
    assert!(status.is_success(), "{path} {args:?}: {status} {body}");
}

/// The variant id of `name` in `project`, read through the page's own server function.
async fn variant_of(router: &Router, project: &str, e164: &str) -> Option<String> {
    let page: NumbersPage = load_page(router, LoadNumbersPage::PATH, &[("project", project)], None)
        .await
        .unwrap();
    let PageBody::Sections { sections, .. } = page.body else {
        return None;
    };
    sections
        .iter()
        .flat_map(|s| &s.rows)
        .find(|r| r.e164 == e164)
        .and_then(|r| r.variant_id)
        .map(|id| id.0.to_string())
}

async fn id_of(router: &Router, project: &str, name: &str) -> String {
    let page: app::domain::VariantsPage = load_page(
        router,
        app::api::LoadVariantsPage::PATH,
        &[("project", project)],
        None,
    )
    .await
    .unwrap();
    page.variants
        .iter()
        .find(|v| v.variant.name == name)
        .map(|v| v.variant.id.0.to_string())
        .unwrap_or_else(|| panic!("{name} not in {project}"))
}

#[tokio::test]
async fn assigning_is_refused_unless_published_and_in_the_same_project() {
    let (router, _t) = admin_router().await;
    let glasgow = id_of(&router, "acme", "Glasgow").await;
    let leeds = id_of(&router, "acme", "Leeds").await;
    let before = variant_of(&router, "acme", "+442079460123").await;

    let err = refused(
        &router,
        AssignVariant::PATH,
        &[
            ("project", "acme"),
            ("e164", "+442079460123"),
            ("variant", &glasgow),
        ],
    )
    .await;
    assert_eq!(
        err,
        AppError::Rejected(
            "That variant is not published to Sandbox: publish or promote it there first.".into()
        )
    );
    let err = refused(
        &router,
        AssignVariant::PATH,
        &[
            ("project", "acme"),
            ("e164", "+447700900321"),
            ("variant", &leeds),
        ],
    )
    .await;
    assert_eq!(
        err,
        AppError::Rejected(
            "That variant is not published to Live: publish or promote it there first.".into()
        )
    );

    ok(
        &router,
        CreateVariant::PATH,
        &[("project", "solo"), ("name", "Clinic")],
    )
    .await;
    let clinic = id_of(&router, "solo", "Clinic").await;
    let err = refused(
        &router,
        AssignVariant::PATH,
        &[
            ("project", "acme"),
            ("e164", "+442079460123"),
            ("variant", &clinic),
        ],
    )
    .await;
    assert_eq!(
        err,
        AppError::VariantNotFound,
        "a variant of another project"
    );
    let err = refused(
        &router,
        AssignVariant::PATH,
        &[
            ("project", "acme"),
            ("e164", "+441632960001"),
            ("variant", &leeds),
        ],
    )
    .await;
    assert_eq!(
        err,
        AppError::NumberNotFound("+441632960001".into()),
        "a number of another project"
    );
    let err = refused(
        &router,
        AssignVariant::PATH,
        &[
            ("project", "acme"),
            ("e164", "07700 900123"),
            ("variant", &leeds),
        ],
    )
    .await;
    assert_eq!(err, AppError::NumberNotFound("07700 900123".into()));
    let err = refused(
        &router,
        AssignVariant::PATH,
        &[
            ("project", "nope"),
            ("e164", "+442079460123"),
            ("variant", &leeds),
        ],
    )
    .await;
    assert_eq!(err, AppError::ProjectNotFound("nope".into()));
    let (status, _) = call(
        &router,
        AssignVariant::PATH,
        &[
            ("project", "acme"),
            ("e164", "+442079460123"),
            ("variant", "not-a-number"),
        ],
    )
    .await;
    assert!(
        status.is_client_error() || status.is_server_error(),
        "malformed id refused: {status}"
    );

    assert_eq!(
        variant_of(&router, "acme", "+442079460123").await,
        before,
        "nothing changed"
    );
    ok(
        &router,
        AssignVariant::PATH,
        &[
            ("project", "acme"),
            ("e164", "+442079460123"),
            ("variant", &leeds),
        ],
    )
    .await;
    assert_eq!(
        variant_of(&router, "acme", "+442079460123").await,
        Some(leeds)
    );
}

#[tokio::test]
async fn variant_names_and_publishing_are_checked_on_the_server() {
    let (router, _t) = admin_router().await;
    let err = refused(
        &router,
        CreateVariant::PATH,
        &[("project", "acme"), ("name", "   ")],
    )
    .await;
    assert_eq!(
        err,
        AppError::invalid("name", "Enter a name for the variant.")
    );
    let long = "x".repeat(61);
    let err = refused(
        &router,
        CreateVariant::PATH,
        &[("project", "acme"), ("name", &long)],
    )
    .await;
    assert_eq!(
        err,
        AppError::invalid(
            "name",
            "A variant name has at most 60 characters (this one has 61)."
        )
    );
    let err = refused(
        &router,
        CreateVariant::PATH,
        &[("project", "acme"), ("name", " glasgow ")],
    )
    .await;
    assert_eq!(
        err,
        AppError::Rejected("There is already a variant called \"glasgow\".".into())
    );

    let london = id_of(&router, "acme", "London").await;
    let err = refused(
        &router,
        RenameVariant::PATH,
        &[("project", "solo"), ("variant", &london), ("name", "X")],
    )
    .await;
    assert_eq!(
        err,
        AppError::VariantNotFound,
        "renaming another project's variant"
    );
    let err = refused(
        &router,
        DeleteVariant::PATH,
        &[("project", "solo"), ("variant", &london)],
    )
    .await;
    assert_eq!(
        err,
        AppError::VariantNotFound,
        "deleting another project's variant"
    );

    let err = refused(
        &router,
        Promote::PATH,
        &[("project", "acme"), ("to", "production")],
    )
    .await;
    assert_eq!(
        err,
        AppError::invalid(
            "to",
            "\"production\" is not an environment: use sandbox, pre-release or live"
        )
    );
    let err = refused(
        &router,
        Promote::PATH,
        &[("project", "solo"), ("to", "live")],
    )
    .await;
    assert_eq!(
        err,
        AppError::Rejected(
            "Pre-release has nothing published yet: publish or promote to Pre-release first."
                .into()
        )
    );
    let err = refused(&router, PublishDraft::PATH, &[("project", "Not A Slug")]).await;
    assert_eq!(err, AppError::ProjectNotFound("Not A Slug".into()));
}
