//! Twilio's voice webhook through the router: signed requests get TwiML for the routing
//! decision; anything unsigned or wrongly signed gets 403.

use crate::support::http::{demo_router, send};
use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use server::secrets::SecretColumn;
use server::telephony::twilio::signature::sign;

const ACCOUNT: &str = "AC0123456789abcdef0123456789abcdef";
const PUBLIC: &str = "https://numbers.test";

fn fields(to: &str) -> Vec<(String, String)> {
    [
        ("AccountSid", ACCOUNT),
        ("CallSid", "CA0001"),
        ("From", "+447700900999"),
        ("To", to),
        ("CallStatus", "ringing"),
    ]
    .iter()
    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
    .collect()
}

fn encode(fields: &[(String, String)]) -> String {
    fields
        .iter()
        .map(|(k, v)| format!("{k}={}", v.replace('+', "%2B")))
        .collect::<Vec<_>>()
        .join("&")
}

async fn post(
    router: &Router,
    path: &str,
    fields: &[(String, String)],
    signature: Option<String>,
) -> (StatusCode, String, String) {
    let mut request =
        Request::post(path).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    if let Some(signature) = signature {
        request = request.header("X-Twilio-Signature", signature);
    }
    let (status, headers, body) =
        send(router, request.body(Body::from(encode(fields))).unwrap()).await;
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (status, content_type, body)
}

async fn signed(
    router: &Router,
    path: &str,
    fields: &[(String, String)],
) -> (StatusCode, String, String) {
    let signature = sign("demo-token", &format!("{PUBLIC}{path}"), fields);
    post(router, path, fields, Some(signature)).await
}

fn dial(sip: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><Response><Dial action="{PUBLIC}/telephony/twilio/voice/fallback" method="POST"><Sip>{sip}</Sip></Dial></Response>"#
    )
}

#[tokio::test]
async fn each_demo_number_is_dialled_to_its_environment_and_variant() {
    let (router, _t) = demo_router().await;
    let expected = [
        (
            "+442079460123",
            "sip:acme-sandbox@sip.numbers.test?X-PolyAI-Variant=London",
        ),
        (
            "+12125550142",
            "sip:acme-sandbox@sip.numbers.test?X-PolyAI-Variant=Default",
        ),
        (
            "+441134960456",
            "sip:acme-pre-release@sip.numbers.test?X-PolyAI-Variant=London",
        ),
        (
            "+447700900321",
            "sip:acme-live@sip.numbers.test?X-PolyAI-Variant=Default",
        ),
        ("+441632960001", "sip:solo-sandbox@sip.numbers.test"),
    ];
    for (to, sip) in expected {
        let (status, content_type, body) =
            signed(&router, "/telephony/twilio/voice", &fields(to)).await;
        assert_eq!(
            (status, content_type.as_str()),
            (StatusCode::OK, "text/xml"),
            "{to}"
        );
        assert_eq!(body, dial(sip), "{to}");
    }
}

#[tokio::test]
async fn unsigned_or_wrongly_signed_requests_are_refused() {
    let (router, _t) = demo_router().await;
    let call = fields("+442079460123");
    let (status, _, _) = post(&router, "/telephony/twilio/voice", &call, None).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let wrong_token = sign(
        "not-the-token",
        &format!("{PUBLIC}/telephony/twilio/voice"),
        &call,
    );
    let (status, _, _) = post(&router, "/telephony/twilio/voice", &call, Some(wrong_token)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let wrong_host = sign(
        "demo-token",
        "http://evil.example/telephony/twilio/voice",
        &call,
    );
    let (status, _, _) = post(&router, "/telephony/twilio/voice", &call, Some(wrong_host)).await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "the URL is rebuilt from the public base URL"
    );
    let mut tampered = call.clone();
    let good = sign(
        "demo-token",
        &format!("{PUBLIC}/telephony/twilio/voice"),
        &call,
    );
    tampered[3].1 = "+447700900321".into();
    let (status, _, _) = post(&router, "/telephony/twilio/voice", &tampered, Some(good)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    for path in [
        "/telephony/twilio/voice/fallback",
        "/telephony/twilio/status",
    ] {
        let (status, _, _) = post(&router, path, &call, None).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{path}");
    }
}

#[tokio::test]
async fn a_signature_over_the_url_with_or_without_its_default_port_is_accepted() {
    let (router, _t) = demo_router().await;
    let path = "/telephony/twilio/voice";
    let call = fields("+442079460123");
    for (signed_url, accepted) in [
        ("https://numbers.test:443/telephony/twilio/voice", true),
        ("https://numbers.test/telephony/twilio/voice", true),
        ("https://numbers.test:8443/telephony/twilio/voice", false),
        ("http://numbers.test:443/telephony/twilio/voice", false),
    ] {
        let signature = sign("demo-token", signed_url, &call);
        let (status, _, _) = post(&router, path, &call, Some(signature)).await;
        assert_eq!(status == StatusCode::OK, accepted, "{signed_url}: {status}");
    }
}

#[tokio::test]
async fn one_customers_twilio_account_cannot_route_another_customers_numbers() {
    use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
    use server::db::entities::{number, project, telephony_integration};
    let (router, t) = demo_router().await;
    let solo = project::Entity::find()
        .filter(project::Column::Slug.eq("solo"))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let other = "AC00000000000000000000000000000002";
    let integration = telephony_integration::ActiveModel {
        project_id: Set(solo.id),
        kind: Set("twilio".into()),
        twilio_account_sid: Set(Some(other.into())),
        twilio_auth_token: Set(Some(crate::support::sealed(
            SecretColumn::TwilioAuthToken,
            solo.id,
            "other-token",
        ))),
        created_at: Set(crate::support::t0_utc()),
        ..Default::default()
    }
    .insert(&t.db)
    .await
    .unwrap();
    number::ActiveModel {
        e164: Set("+14155550100".into()),
        project_id: Set(solo.id),
        environment: Set("sandbox".into()),
        integration_id: Set(integration.id),
        ownership: Set("connected".into()),
        variant_id: Set(None),
        previous_voice_url: Set(None),
        created_by: Set("test".into()),
        created_at: Set(crate::support::t0_utc()),
        state: Set("active".into()),
        ..Default::default()
    }
    .insert(&t.db)
    .await
    .unwrap();
    // Correctly signed by acme's account, for a number of solo's own account: refused.
    let (status, _, _) = signed(&router, "/telephony/twilio/voice", &fields("+14155550100")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // Signed by the account that carries it: routed.
    let mut call = fields("+14155550100");
    call[0].1 = other.into();
    let signature = sign(
        "other-token",
        &format!("{PUBLIC}/telephony/twilio/voice"),
        &call,
    );
    let (status, _, body) = post(&router, "/telephony/twilio/voice", &call, Some(signature)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, dial("sip:solo-sandbox@sip.numbers.test"));
}

#[tokio::test]
async fn unknown_numbers_are_rejected_politely() {
    let (router, _t) = demo_router().await;
    let (status, _, body) =
        signed(&router, "/telephony/twilio/voice", &fields("+14155550100")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        body,
        r#"<?xml version="1.0" encoding="UTF-8"?><Response><Say>Sorry, this number is not in service.</Say><Hangup/></Response>"#
    );
}

#[tokio::test]
async fn a_reassigned_variant_takes_the_next_call() {
    use leptos::server_fn::ServerFn;
    let (router, _t) = crate::support::http::admin_router().await;
    let page: app::domain::VariantsPage = crate::support::http::load_page(
        &router,
        app::api::LoadVariantsPage::PATH,
        &[("project", "acme")],
        None,
    )
    .await
    .unwrap();
    let leeds = page
        .variants
        .iter()
        .find(|v| v.variant.name == "Leeds")
        .unwrap()
        .variant
        .id
        .0
        .to_string();
    let (status, _) = crate::support::http::call(
        &router,
        app::api::AssignVariant::PATH,
        &[
            ("project", "acme"),
            ("e164", "+442079460123"),
            ("variant", &leeds),
        ],
    )
    .await;
    assert!(status.is_success());
    let (_, _, body) = signed(&router, "/telephony/twilio/voice", &fields("+442079460123")).await;
    assert_eq!(
        body,
        dial("sip:acme-sandbox@sip.numbers.test?X-PolyAI-Variant=Leeds")
    );
}

#[tokio::test]
async fn a_deleted_number_is_rejected_until_the_delete_is_undone() {
    use leptos::server_fn::ServerFn;
    let (router, _t) = crate::support::http::admin_router().await;
    let number = [("project", "acme"), ("e164", "+442079460123")];
    let (status, body) = crate::support::http::call(
        &router,
        app::api::DeleteNumber::PATH,
        &[number[0], number[1], ("confirm_digits", "")],
    )
    .await;
    assert!(status.is_success(), "{body}");
    let (_, _, body) = signed(&router, "/telephony/twilio/voice", &fields("+442079460123")).await;
    assert_eq!(
        body,
        r#"<?xml version="1.0" encoding="UTF-8"?><Response><Say>Sorry, this number is not in service.</Say><Hangup/></Response>"#
    );
    let (status, _) =
        crate::support::http::call(&router, app::api::UndoDelete::PATH, &number).await;
    assert!(status.is_success());
    let (_, _, body) = signed(&router, "/telephony/twilio/voice", &fields("+442079460123")).await;
    assert_eq!(
        body,
        dial("sip:acme-sandbox@sip.numbers.test?X-PolyAI-Variant=London")
    );
}

#[tokio::test]
async fn a_failed_main_dial_tries_the_fallback_and_statuses_are_recorded() {
    let (router, t) = demo_router().await;
    let mut failed = fields("+447700900321");
    failed.push(("DialCallStatus".into(), "no-answer".into()));
    let (_, _, body) = signed(&router, "/telephony/twilio/voice/fallback", &failed).await;
    assert_eq!(
        body,
        r#"<?xml version="1.0" encoding="UTF-8"?><Response><Dial><Sip>sip:acme-live-fallback@sip.numbers.test?X-PolyAI-Variant=Default</Sip></Dial></Response>"#
    );
    let mut answered = fields("+447700900321");
    answered.push(("DialCallStatus".into(), "completed".into()));
    let (_, _, body) = signed(&router, "/telephony/twilio/voice/fallback", &answered).await;
    assert!(body.ends_with("<Response><Hangup/></Response>"));

    let mut done = fields("+447700900321");
    done[4].1 = "completed".into();
    let (status, _, _) = signed(&router, "/telephony/twilio/status", &done).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    use app::ports::RoutingStore;
    let store = crate::support::store(&t.db);
    let calls = store
        .recent_calls(&app::domain::E164::parse("+447700900321").unwrap(), 10)
        .await
        .unwrap();
    assert_eq!(calls.len(), 1);
    assert_eq!(
        (calls[0].from.as_str(), calls[0].status.as_str()),
        ("+447700900999", "completed")
    );
}

#[tokio::test]
async fn configured_sip_templates_route_projects_that_have_no_settings() {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    use server::db::entities::{project, routing_setting};
    let t = crate::support::TestDb::sqlite().await;
    server::demo::seed_if_empty(&t.db, &crate::support::keyring())
        .await
        .unwrap();
    let solo = project::Entity::find()
        .filter(project::Column::Slug.eq("solo"))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    routing_setting::Entity::delete_many()
        .filter(routing_setting::Column::ProjectId.eq(solo.id))
        .exec(&t.db)
        .await
        .unwrap();
    let mut config = crate::support::http::config_for(&t);
    config.sip_main_template = Some("sip:{project}-{environment}@sip.example.net".into());
    config.sip_fallback_template = Some("sip:{project}-{environment}-fb@sip.example.net".into());
    let router = server::http::router(crate::support::http::prepare(&config).await);
    // solo has no Twilio integration (no token signs its calls): its route is read directly.
    let facts = app::ports::RoutingStore::route_facts(
        &crate::support::store(&t.db),
        &app::domain::E164::parse("+441632960001").unwrap(),
    )
    .await
    .unwrap()
    .unwrap();
    assert_eq!(
        facts.sip.unwrap().main,
        "sip:solo-sandbox@sip.example.net",
        "filled from the template"
    );
    let (_, _, body) = signed(&router, "/telephony/twilio/voice", &fields("+447700900321")).await;
    assert_eq!(
        body,
        dial("sip:acme-live@sip.numbers.test?X-PolyAI-Variant=Default"),
        "stored settings are kept"
    );
}

#[tokio::test]
async fn api_key_integrations_check_signatures_with_the_account_token_only() {
    use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
    use server::db::entities::telephony_integration;
    let (router, t) = demo_router().await;
    let acme_twilio = telephony_integration::Entity::find()
        .filter(telephony_integration::Column::TwilioAccountSid.eq(ACCOUNT))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    // acme switches to an API key: the stored secret is the key's, not the account's token.
    let acme_id = acme_twilio.project_id;
    let mut switched: telephony_integration::ActiveModel = acme_twilio.into();
    switched.twilio_api_key_sid = Set(Some("SK0123456789abcdef0123456789abcdef".into()));
    switched.twilio_auth_token = Set(Some(crate::support::sealed(
        SecretColumn::TwilioAuthToken,
        acme_id,
        "api-key-secret",
    )));
    let switched = switched.update(&t.db).await.unwrap();
    let call = fields("+12125550142");
    let url = format!("{PUBLIC}/telephony/twilio/voice");
    for token in ["api-key-secret", "demo-token"] {
        let signature = sign(token, &url, &call);
        let (status, _, _) = post(&router, "/telephony/twilio/voice", &call, Some(signature)).await;
        assert_eq!(
            status,
            StatusCode::FORBIDDEN,
            "no account token stored yet ({token})"
        );
    }
    let mut with_token: telephony_integration::ActiveModel = switched.into();
    with_token.twilio_webhook_token = Set(Some(crate::support::sealed(
        SecretColumn::TwilioWebhookToken,
        acme_id,
        "demo-token",
    )));
    with_token.update(&t.db).await.unwrap();
    let (status, _, _) = post(
        &router,
        "/telephony/twilio/voice",
        &call,
        Some(sign("api-key-secret", &url, &call)),
    )
    .await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "an API key secret never signs"
    );
    let (status, _, body) = signed(&router, "/telephony/twilio/voice", &call).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        body,
        dial("sip:acme-sandbox@sip.numbers.test?X-PolyAI-Variant=Default")
    );
}
