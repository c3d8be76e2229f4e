//! The authorisation matrix: every server function and every page, called as each kind of
//! member on a project they can see and one they cannot, with the exact outcome of each cell.
//! A server function or page without a row here fails the test.

use crate::support::TestDb;
use crate::support::http::{
    app_error, demo_router, form_request, get_as, load_page, send, send_for_bytes, sign_in,
};
use app::api::{
    AssignVariant, BuyNumber, CheckTwilio, ConnectNumber, ConnectTwilio, CreateApiKey,
    CreateVariant, DeleteNumber, DeleteVariant, DisconnectTwilio, ImportNumbers, LoadApiKeysPage,
    LoadIntegrationsPage, LoadNumbersPage, LoadVariantsPage, NumberHistory, PreviewImport,
    ProjectHistory, Promote, PublishDraft, RenameVariant, RetryRelease, RevokeApiKey, SignIn,
    SignOut, SignedInAs, TestRouting, UndoDelete, UpdateTwilioCredentials,
};
use app::error::AppError;
use axum::Router;
use axum::body::Bytes;
use axum::http::{StatusCode, header};
use leptos::server_fn::ServerFn;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    Set,
};
use server::db::entities::{account, member, number, number_event, project, published_version};
use std::collections::BTreeSet;

/// Who is asking.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    /// No session.
    SignedOut,
    /// Signed in, a member of no project.
    Outsider,
    /// Signed in, a member of acme with permission None.
    NoneMember,
    /// Read on acme.
    Reader,
    /// Edit on acme.
    Editor,
}

const EVERYONE: [Who; 5] = [
    Who::SignedOut,
    Who::Outsider,
    Who::NoneMember,
    Who::Reader,
    Who::Editor,
];

impl Who {
    fn email(self) -> Option<&'static str> {
        match self {
            Who::SignedOut => None,
            Who::Outsider => Some("outsider@example.com"),
            Who::NoneMember => Some("nobody@example.com"),
            Who::Reader => Some("viewer@example.com"),
            Who::Editor => Some("editor@example.com"),
        }
    }
}

/// What a function needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Need {
    Read,
    Edit,
}

/// The project a member can see (acme) and one they cannot (solo: only admin is a member).
const VISIBLE: &str = "acme";
const HIDDEN: &str = "solo";

/// One number of each project, in Sandbox.
fn number_of(project: &str) -> &'static str {
    if project == VISIBLE {
        "+442079460123"
    } else {
        "+441632960001"
    }
}

/// Row of the matrix: a server function, what it needs, its arguments for a project, and
/// the state it needs first (e.g. a deleted number to undo).
struct Row {
    path: &'static str,
    need: Need,
    args: fn(&Ids, &str) -> Vec<(&'static str, String)>,
    setup: Setup,
    /// What Edit on the visible project gets (Read functions answer with data).
    allowed: Allowed,
}

#[derive(Clone, Copy)]
enum Setup {
    Nothing,
    /// Both projects' numbers deleted (undo window open).
    Deleted,
    /// Both projects' numbers deleted and their release failed.
    ReleaseFailed,
}

#[derive(Clone, Copy)]
enum Allowed {
    Ok,
    /// Authorised, then refused by the provider (Twilio is unreachable here).
    Provider(&'static str),
    /// Authorised, then refused as things stand.
    Rejected(&'static str),
}

fn twilio_form(_: &Ids, project: &str) -> Vec<(&'static str, String)> {
    vec![
        ("project", project.to_owned()),
        ("account_sid", "AC0123456789abcdef0123456789abcdef".into()),
        ("auth_token", "demo-token".into()),
        ("api_key_sid", String::new()),
        ("api_key_secret", String::new()),
    ]
}

/// Variant ids of acme, looked up once per database.
struct Ids {
    london: String,
    leeds: String,
    glasgow: String,
}

fn project_only(_: &Ids, project: &str) -> Vec<(&'static str, String)> {
    vec![("project", project.to_owned())]
}

fn project_and_number(_: &Ids, project: &str) -> Vec<(&'static str, String)> {
    vec![
        ("project", project.to_owned()),
        ("e164", number_of(project).to_owned()),
    ]
}

/// An import of one number to Sandbox.
fn import_form(_: &Ids, project: &str) -> Vec<(&'static str, String)> {
    vec![
        ("project", project.to_owned()),
        ("environment", "sandbox".into()),
        ("text", "+14155550100".into()),
    ]
}

/// What a connection says while Twilio is unreachable (as it is in this world).
const TWILIO_DOWN: &str = "Twilio could not be reached. Nothing was changed; please try again.";

/// The matrix rows of the project-scoped server functions.
fn rows() -> Vec<Row> {
    let row = |path, need, args| Row {
        path,
        need,
        args,
        setup: Setup::Nothing,
        allowed: Allowed::Ok,
    };
    vec![
        row(LoadNumbersPage::PATH, Need::Read, project_only),
        row(LoadVariantsPage::PATH, Need::Read, project_only),
        row(NumberHistory::PATH, Need::Read, project_and_number),
        row(ProjectHistory::PATH, Need::Read, |_, p| {
            vec![("project", p.into()), ("page", "1".into())]
        }),
        row(TestRouting::PATH, Need::Read, project_and_number),
        row(BuyNumber::PATH, Need::Edit, |_, p| {
            vec![
                ("project", p.into()),
                ("environment", "sandbox".into()),
                ("country", "UK".into()),
                ("area_code", String::new()),
                ("idempotency_key", "matrix-buy".into()),
            ]
        }),
        Row {
            allowed: Allowed::Provider(TWILIO_DOWN),
            ..row(ConnectNumber::PATH, Need::Edit, |_, p| {
                vec![
                    ("project", p.into()),
                    ("environment", "sandbox".into()),
                    ("phone_number", "+14155550100".into()),
                ]
            })
        },
        row(DeleteNumber::PATH, Need::Edit, |_, p| {
            vec![
                ("project", p.into()),
                ("e164", number_of(p).into()),
                ("confirm_digits", String::new()),
            ]
        }),
        Row {
            setup: Setup::Deleted,
            ..row(UndoDelete::PATH, Need::Edit, project_and_number)
        },
        Row {
            setup: Setup::ReleaseFailed,
            ..row(RetryRelease::PATH, Need::Edit, project_and_number)
        },
        row(CreateVariant::PATH, Need::Edit, |_, p| {
            vec![("project", p.into()), ("name", "Madrid".into())]
        }),
        row(RenameVariant::PATH, Need::Edit, |ids, p| {
            vec![
                ("project", p.into()),
                ("variant", ids.london.clone()),
                ("name", "Londres".into()),
            ]
        }),
        row(DeleteVariant::PATH, Need::Edit, |ids, p| {
            vec![("project", p.into()), ("variant", ids.glasgow.clone())]
        }),
        row(PublishDraft::PATH, Need::Edit, project_only),
        row(Promote::PATH, Need::Edit, |_, p| {
            vec![("project", p.into()), ("to", "pre-release".into())]
        }),
        row(LoadIntegrationsPage::PATH, Need::Read, project_only),
        Row {
            allowed: Allowed::Rejected(
                "This project already has a Twilio account; update its credentials instead.",
            ),
            ..row(ConnectTwilio::PATH, Need::Edit, twilio_form)
        },
        Row {
            allowed: Allowed::Provider(
                "Twilio could not be reached to check the credentials. Nothing was saved; please try again.",
            ),
            ..row(UpdateTwilioCredentials::PATH, Need::Edit, twilio_form)
        },
        Row {
            allowed: Allowed::Provider(
                "Twilio could not be reached, so the number is still connected. Please try again.",
            ),
            ..row(DisconnectTwilio::PATH, Need::Edit, project_only)
        },
        Row {
            allowed: Allowed::Provider(
                "Twilio could not be reached to check the credentials; please try again.",
            ),
            ..row(CheckTwilio::PATH, Need::Edit, project_only)
        },
        row(AssignVariant::PATH, Need::Edit, |ids, p| {
            vec![
                ("project", p.into()),
                ("e164", number_of(p).into()),
                ("variant", ids.leeds.clone()),
            ]
        }),
        row(LoadApiKeysPage::PATH, Need::Read, project_only),
        row(CreateApiKey::PATH, Need::Edit, |_, p| {
            vec![
                ("project", p.into()),
                ("name", "CI".into()),
                ("access", "read".into()),
            ]
        }),
        Row {
            allowed: Allowed::Provider(TWILIO_DOWN),
            ..row(PreviewImport::PATH, Need::Edit, import_form)
        },
        Row {
            allowed: Allowed::Provider(TWILIO_DOWN),
            ..row(ImportNumbers::PATH, Need::Edit, import_form)
        },
        Row {
            allowed: Allowed::Rejected(
                "That API key does not exist or was revoked already; reload the page.",
            ),
            ..row(RevokeApiKey::PATH, Need::Edit, |_, p| {
                vec![("project", p.into()), ("key_id", "0123456789ab".into())]
            })
        },
    ]
}

/// Server functions anyone may call: signing in and out, and asking who is signed in.
/// Each is checked in `open_functions_need_no_member` below.
const OPEN: [&str; 3] = [SignIn::PATH, SignOut::PATH, SignedInAs::PATH];

/// A demo database with a None member of acme, its router, and everyone's session cookies.
struct World {
    router: Router,
    db: DatabaseConnection,
    cookies: Vec<(Who, String)>,
    ids: Ids,
    _t: TestDb,
}

impl World {
    async fn new() -> Self {
        let (router, t) = demo_router().await;
        let db = t.db.clone();
        add_none_member(&db).await;
        let mut cookies = Vec::new();
        for who in EVERYONE {
            if let Some(email) = who.email() {
                cookies.push((who, sign_in(&router, email).await));
            }
        }
        let ids = Ids {
            london: variant_id(&db, "London").await,
            leeds: variant_id(&db, "Leeds").await,
            glasgow: variant_id(&db, "Glasgow").await,
        };
        Self {
            router,
            db,
            cookies,
            ids,
            _t: t,
        }
    }

    fn cookie(&self, who: Who) -> Option<&str> {
        self.cookies
            .iter()
            .find(|(w, _)| *w == who)
            .map(|(_, c)| c.as_str())
    }

    /// Calls `row` on `project` as `who`: the status and the body.
    async fn call(&self, row: &Row, who: Who, project: &str) -> (StatusCode, Bytes) {
        let args = (row.args)(&self.ids, project);
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let (status, _, body) = send_for_bytes(
            &self.router,
            form_request(row.path, &args, self.cookie(who)),
        )
        .await;
        (status, body)
    }

    /// Everything a change could touch: numbers, variants, publications, and the audit log.
    async fn snapshot(&self) -> String {
        use server::db::entities::{telephony_integration, variant};
        let db = &self.db;
        format!(
            "{:?}\n{:?}\n{:?}\n{:?}\n{}",
            telephony_integration::Entity::find().all(db).await.unwrap(),
            number::Entity::find().all(db).await.unwrap(),
            variant::Entity::find().all(db).await.unwrap(),
            published_version::Entity::find().all(db).await.unwrap(),
            number_event::Entity::find().count(db).await.unwrap(),
        )
    }

    async fn prepare(&self, setup: Setup) {
        if matches!(setup, Setup::Nothing) {
            return;
        }
        for project in [VISIBLE, HIDDEN] {
            let admin = sign_in(&self.router, crate::support::http::ADMIN).await;
            let args = [
                ("project", project),
                ("e164", number_of(project)),
                ("confirm_digits", ""),
            ];
            let (status, _, body) = send(
                &self.router,
                form_request(DeleteNumber::PATH, &args, Some(&admin)),
            )
            .await;
            assert_eq!(status, StatusCode::OK, "setup delete: {body}");
            if matches!(setup, Setup::ReleaseFailed) {
                let row = number::Entity::find()
                    .filter(number::Column::E164.eq(number_of(project)))
                    .one(&self.db)
                    .await
                    .unwrap()
                    .unwrap();
                let mut failed: number::ActiveModel = row.into();
                failed.state = Set(app::domain::NumberState::RELEASE_FAILED.into());
                failed.release_error = Set(Some("the provider could not be reached".into()));
                failed.release_at = Set(None);
                failed.update(&self.db).await.unwrap();
            }
        }
    }
}

/// `nobody@example.com`: an account with a member row on acme granting None.
async fn add_none_member(db: &DatabaseConnection) {
    let acme = project::Entity::find()
        .filter(project::Column::Slug.eq(VISIBLE))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    account::ActiveModel {
        email: Set("nobody@example.com".into()),
        password_hash: Set(server::identity::hash_password("numbers-demo").unwrap()),
        created_at: Set(crate::support::t0_utc()),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    member::ActiveModel {
        project_id: Set(acme.id),
        email: Set("nobody@example.com".into()),
        numbers_permission: Set("none".into()),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
}

async fn variant_id(db: &DatabaseConnection, name: &str) -> String {
    use server::db::entities::variant;
    variant::Entity::find()
        .filter(variant::Column::Name.eq(name))
        .one(db)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("no variant {name}"))
        .id
        .to_string()
}

/// The outcome a refused cell must have, or `None` when the call is allowed.
fn refusal(who: Who, need: Need, project: &str) -> Option<(StatusCode, AppError)> {
    let hidden = || {
        Some((
            StatusCode::NOT_FOUND,
            AppError::ProjectNotFound(project.to_owned()),
        ))
    };
    match (who, need, project == VISIBLE) {
        (Who::SignedOut, ..) => Some((StatusCode::UNAUTHORIZED, AppError::SignInRequired)),
        (Who::Outsider | Who::NoneMember, ..) | (_, _, false) => hidden(),
        (Who::Reader, Need::Edit, true) => Some((StatusCode::FORBIDDEN, AppError::ReadOnly)),
        (Who::Reader | Who::Editor, _, true) => None,
    }
}

#[tokio::test]
async fn every_server_function_has_a_row_and_every_cell_its_exact_outcome() {
    let rows = rows();
    let registered: BTreeSet<&str> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path)
        .collect();
    let covered: BTreeSet<&str> = rows.iter().map(|r| r.path).chain(OPEN).collect();
    assert_eq!(
        registered, covered,
        "every registered server function needs a row in this matrix (and every row a function)"
    );

    for row in &rows {
        // A fresh world per function, so allowed changes cannot hide later refusals.
        let world = World::new().await;
        world.prepare(row.setup).await;
        let before = world.snapshot().await;
        let mut allowed = Vec::new();
        for who in EVERYONE {
            for project in [VISIBLE, HIDDEN] {
                match refusal(who, row.need, project) {
                    Some((status, error)) => {
                        let (got, body) = world.call(row, who, project).await;
                        let cell = format!("{} as {who:?} on {project}", row.path);
                        assert_eq!(got, status, "{cell}: {body:?}");
                        let got = app_error(&cell, &body);
                        assert_eq!(got, error, "{cell}");
                    }
                    None => allowed.push(who),
                }
            }
        }
        assert_eq!(
            world.snapshot().await,
            before,
            "{}: refused calls changed nothing",
            row.path
        );
        let expected_allowed: &[Who] = match row.need {
            Need::Read => &[Who::Reader, Who::Editor],
            Need::Edit => &[Who::Editor],
        };
        assert_eq!(allowed, expected_allowed, "{}", row.path);
        for who in allowed {
            let (status, body) = world.call(row, who, VISIBLE).await;
            let cell = format!("{} as {who:?} on {VISIBLE}", row.path);
            match row.allowed {
                Allowed::Ok => assert_eq!(status, StatusCode::OK, "{cell}: {body:?}"),
                Allowed::Provider(message) => {
                    let got = app_error(&cell, &body);
                    assert_eq!(got, AppError::Provider(message.into()), "{cell}");
                }
                Allowed::Rejected(message) => {
                    let got = app_error(&cell, &body);
                    assert_eq!(got, AppError::Rejected(message.into()), "{cell}");
                }
            }
        }
        if row.need == Need::Edit && matches!(row.allowed, Allowed::Ok) {
            assert_ne!(
                world.snapshot().await,
                before,
                "{}: the allowed change happened",
                row.path
            );
        }
    }
}

#[tokio::test]
async fn open_functions_need_no_member() {
    let world = World::new().await;
    let who_is = |cookie: Option<String>| {
        let router = world.router.clone();
        async move {
            load_page::<Option<app::api::SignedIn>>(
                &router,
                SignedInAs::PATH,
                &[],
                cookie.as_deref(),
            )
            .await
            .unwrap()
        }
    };
    assert_eq!(who_is(None).await, None);
    for who in [Who::Outsider, Who::NoneMember, Who::Reader, Who::Editor] {
        let signed_in = who_is(world.cookie(who).map(str::to_owned))
            .await
            .unwrap_or_else(|| panic!("{who:?} is signed in"));
        assert_eq!(Some(signed_in.email.as_str()), who.email());
        let names: Vec<_> = signed_in.projects.iter().map(|p| p.slug.as_str()).collect();
        let expected: &[&str] = match who {
            Who::Reader | Who::Editor => &["acme"],
            _ => &[],
        };
        assert_eq!(names, expected, "{who:?} sees only their projects");
    }
    // Signing in needs no session; signing out without one is harmless.
    let (status, _, _) = send(
        &world.router,
        form_request(
            SignIn::PATH,
            &[
                ("email", "viewer@example.com"),
                ("password", "numbers-demo"),
                ("next", "/"),
            ],
            None,
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _, _) = send(&world.router, form_request(SignOut::PATH, &[], None)).await;
    assert_eq!(status, StatusCode::OK);
}

/// Project pages and what each kind of member gets from them.
const PROJECT_PAGES: [&str; 5] = [
    "/projects/{project}/numbers",
    "/projects/{project}/api-keys",
    "/projects/{project}/variants",
    "/projects/{project}/history",
    "/projects/{project}/integrations",
];

/// Pages that are not about one project: open to all, or the member's own project list.
const OTHER_PAGES: [&str; 3] = ["/gallery", "/signin", "/projects"];

#[tokio::test]
async fn every_page_has_a_row_and_hidden_projects_are_404() {
    let pages: BTreeSet<String> = leptos_axum::generate_route_list(app::App)
        .into_iter()
        .map(|route| route.path().to_owned())
        .collect();
    let covered: BTreeSet<String> = PROJECT_PAGES
        .iter()
        .chain(&OTHER_PAGES)
        .map(|p| p.to_string())
        .collect();
    assert_eq!(pages, covered, "every page needs a row here");

    let world = World::new().await;
    for template in PROJECT_PAGES {
        for project in [VISIBLE, HIDDEN, "nope"] {
            let uri = template.replace("{project}", project);
            for who in EVERYONE {
                let cell = format!("{uri} as {who:?}");
                let (status, headers, html) = match world.cookie(who) {
                    Some(cookie) => get_as(&world.router, cookie, &uri).await,
                    None => crate::support::http::get(&world.router, &uri).await,
                };
                let visible = project == VISIBLE && matches!(who, Who::Reader | Who::Editor);
                match who {
                    Who::SignedOut => {
                        assert_eq!(status, StatusCode::SEE_OTHER, "{cell}");
                        assert!(
                            headers[header::LOCATION]
                                .to_str()
                                .unwrap()
                                .starts_with("/signin?next=%2Fprojects%2F"),
                            "{cell}"
                        );
                    }
                    _ if visible => {
                        assert_eq!(status, StatusCode::OK, "{cell}");
                        assert!(html.contains("Acme Support"), "{cell}");
                    }
                    _ => {
                        assert_eq!(status, StatusCode::NOT_FOUND, "{cell}");
                        assert!(html.contains("Page not found"), "{cell}");
                        let name = match project {
                            VISIBLE => "Acme Support",
                            HIDDEN => "Solo Clinic",
                            _ => "nope",
                        };
                        assert!(
                            !html.contains(&format!(">{name}<")),
                            "{cell} names no project"
                        );
                        assert!(!html.contains("data-e164="), "{cell} shows no numbers");
                    }
                }
            }
        }
    }
}

#[tokio::test]
async fn read_members_see_no_change_controls_and_edit_members_do() {
    let world = World::new().await;
    let page = |who| {
        let router = world.router.clone();
        let cookie = world.cookie(who).unwrap().to_owned();
        async move {
            let (_, _, numbers) = get_as(&router, &cookie, "/projects/acme/numbers").await;
            let (_, _, variants) = get_as(&router, &cookie, "/projects/acme/variants").await;
            (numbers, variants)
        }
    };
    let (numbers, variants) = page(Who::Reader).await;
    assert!(numbers.contains("View only"), "says why");
    assert!(!numbers.contains(r#"aria-label="Add number to Sandbox""#));
    assert!(
        numbers.contains(r#"aria-label="Actions for +442079460123""#),
        "Test routing and History stay"
    );
    assert!(!numbers.contains(">Publish<"), "no Publish for Read");
    assert!(variants.contains("View only"));
    for control in [
        ">Add variant<",
        r#"aria-label="Rename London""#,
        ">Publish<",
        "Promote to Live",
    ] {
        assert!(!variants.contains(control), "{control}");
    }

    let (numbers, variants) = page(Who::Editor).await;
    assert!(!numbers.contains("View only"));
    assert!(numbers.contains(r#"aria-label="Add number to Sandbox""#));
    assert!(numbers.contains(">Publish<"));
    for control in [
        ">Add variant<",
        r#"aria-label="Rename London""#,
        "Promote to Live",
    ] {
        assert!(variants.contains(control), "{control}");
    }
}
