//! Buying through a project's Twilio account (no built-in pool), against a fake Twilio.

use crate::support::TestDb;
use crate::support::http::{state_at, state_with_twilio};
use crate::support::{T0, TestClock};
use app::domain::idempotency::ABANDONED_AFTER_SECS;
use app::domain::idempotency::IdempotencyKey;
use app::domain::{AreaCode, Country, Environment};
use app::domain::{IntegrationKind, ProjectSlug};
use app::error::AppError;
use app::ports::TwilioAccount;
use app::usecases::buy_number::{BuyNumber, buy_number};
use app::usecases::settle::{SettleReport, settle};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use server::db::entities::{number, purchase};
use server::telephony::twilio::{TwilioClient, TwilioError};
use std::time::Duration;
use wiremock::matchers::{body_string_contains, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::TWILIO_ACCOUNT_SID as SID;
const BASE: &str = "/2010-04-01/Accounts/AC00000000000000000000000000000001";

/// A US purchase for the Twilio-only project, as the Buy server function builds it.
fn form(area: &str, key: &str) -> BuyNumber {
    BuyNumber {
        project: ProjectSlug::parse("tw").unwrap(),
        environment: Environment::Sandbox,
        country: Country::Us,
        area_code: AreaCode::parse_optional(area).unwrap(),
        variant: None,
        key: IdempotencyKey::parse(key).unwrap(),
        actor: "test".into(),
    }
}

fn error(code: u32, status: u16) -> ResponseTemplate {
    ResponseTemplate::new(status)
        .set_body_json(serde_json::json!({"code": code, "message": "m", "status": status}))
}

#[tokio::test]
async fn buys_through_twilio_and_records_a_purchased_twilio_number() {
    let t = TestDb::sqlite().await;
    crate::support::twilio_only_project(&t).await;
    let twilio = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!("{BASE}/AvailablePhoneNumbers/US/Local.json")))
        .and(query_param("AreaCode", "212"))
        .and(query_param("VoiceEnabled", "true"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "available_phone_numbers": [{"phone_number": "+12125550177", "address_requirements": "none"}]
        })))
        .mount(&twilio)
        .await;
    Mock::given(method("POST"))
        .and(path(format!("{BASE}/IncomingPhoneNumbers.json")))
        .and(body_string_contains("PhoneNumber=%2B12125550177"))
        .and(body_string_contains("FriendlyName=twilio-key-001"))
        .respond_with(ResponseTemplate::new(201).set_body_json(serde_json::json!({
            "sid": "PN00000000000000000000000000000077", "phone_number": "+12125550177",
            "friendly_name": "twilio-key-001", "status": "in-use"
        })))
        .expect(1)
        .mount(&twilio)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{BASE}/AvailablePhoneNumbers/US/Local.json")))
        .and(query_param("AreaCode", "907"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(serde_json::json!({"available_phone_numbers": []})),
        )
        .mount(&twilio)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{BASE}/AvailablePhoneNumbers/US/Local.json")))
        .and(query_param("AreaCode", "415"))
        .respond_with(error(21452, 400))
        .mount(&twilio)
        .await;
    let services = state_with_twilio(&t, &twilio.uri()).await.services;

    let bought = buy_number(&services, form("212", "twilio-key-001"))
        .await
        .unwrap();
    assert_eq!(bought.as_str(), "+12125550177");
    let again = buy_number(&services, form("212", "twilio-key-001"))
        .await
        .unwrap();
    assert_eq!(
        again, bought,
        "a retry buys nothing more (the POST mock expects one call)"
    );
    let row = number::Entity::find()
        .filter(number::Column::E164.eq("+12125550177"))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.ownership, "purchased");

    for area in ["907", "415"] {
        let err = buy_number(&services, form(area, &format!("twilio-key-{area}")))
            .await
            .unwrap_err();
        assert_eq!(
            err,
            AppError::Rejected(format!(
                "No numbers are available in area code {area}. Try another area code, or leave it empty for any."
            ))
        );
    }
}

#[tokio::test]
async fn canadian_numbers_are_searched_in_canada() {
    let t = TestDb::sqlite().await;
    crate::support::twilio_only_project(&t).await;
    let twilio = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!("{BASE}/AvailablePhoneNumbers/CA/Local.json")))
        .and(query_param("AreaCode", "416"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "available_phone_numbers": [{"phone_number": "+14165550177", "address_requirements": "none"}]
        })))
        .expect(1)
        .mount(&twilio)
        .await;
    Mock::given(method("POST"))
        .and(path(format!("{BASE}/IncomingPhoneNumbers.json")))
        .and(body_string_contains("PhoneNumber=%2B14165550177"))
        .respond_with(ResponseTemplate::new(201).set_body_json(serde_json::json!({
            "sid": "PN00000000000000000000000000000078", "phone_number": "+14165550177",
            "friendly_name": "twilio-key-ca", "status": "in-use"
        })))
        .expect(1)
        .mount(&twilio)
        .await;
    let services = state_with_twilio(&t, &twilio.uri()).await.services;
    let mut canadian = form("", "twilio-key-ca");
    canadian.country = Country::Ca;
    canadian.area_code = AreaCode::parse_for(Country::Ca, "416").unwrap();
    let bought = buy_number(&services, canadian).await.unwrap();
    assert_eq!(bought.as_str(), "+14165550177");
    assert_eq!(Country::of(&bought), Some(Country::Ca));
}

#[tokio::test]
async fn regulation_and_release_errors_are_mapped() {
    let twilio = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(format!("{BASE}/IncomingPhoneNumbers.json")))
        .respond_with(error(21631, 400))
        .mount(&twilio)
        .await;
    Mock::given(method("DELETE"))
        .respond_with(error(20404, 404))
        .mount(&twilio)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{BASE}/AvailablePhoneNumbers/GB/Local.json")))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            serde_json::json!({"available_phone_numbers": [
                {"phone_number": "+442079460998", "address_requirements": "local"},
                {"phone_number": "+442079460997", "address_requirements": "any"}
            ]}),
        ))
        .mount(&twilio)
        .await;
    let client = TwilioClient::new(&twilio.uri(), Duration::from_secs(2)).unwrap();
    let account = TwilioAccount {
        account_sid: SID.into(),
        auth_token: "secret".into(),
        api_key_sid: None,
    };
    let uk = app::ports::BuyRequest {
        country: app::domain::Country::Uk,
        area_code: None,
    };
    assert_eq!(
        client.search(&account, &uk).await.unwrap_err(),
        TwilioError::AddressRequired,
        "every GB offer needs an address"
    );
    let n = app::domain::E164::parse("+442079460999").unwrap();
    let err = client
        .buy(&account, &n, "k", "https://x")
        .await
        .unwrap_err();
    assert_eq!(err, TwilioError::AddressRequired);
    let err = client
        .release(&account, "PN00000000000000000000000000000001")
        .await
        .unwrap_err();
    assert_eq!(
        err,
        TwilioError::NotFound,
        "releasing twice: the second is 20404"
    );
}

#[tokio::test]
async fn an_interrupted_twilio_purchase_is_checked_and_completed_once_abandoned() {
    let t = TestDb::sqlite().await;
    crate::support::twilio_only_project(&t).await;
    let twilio = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!("{BASE}/IncomingPhoneNumbers.json")))
        .and(query_param("FriendlyName", "lost-purchase-1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({"incoming_phone_numbers": [
            {"sid": "PN00000000000000000000000000000055", "phone_number": "+12125550155", "friendly_name": "lost-purchase-1"}
        ]})))
        .mount(&twilio)
        .await;
    Mock::given(method("DELETE"))
        .respond_with(ResponseTemplate::new(204))
        .expect(0)
        .mount(&twilio)
        .await;
    let clock = TestClock::at(T0);
    let services = state_at(&t, &twilio.uri(), clock.clone()).await.services;
    // Died after Twilio sold the number, before we saved it.
    services
        .purchases
        .start_purchase(&crate::support::intent(
            "tw",
            "lost-purchase-1",
            IntegrationKind::Twilio,
        ))
        .await
        .unwrap();

    // Once it has been pending too long, a worker finds the number by its label.
    clock.set(T0 + ABANDONED_AFTER_SECS - 1);
    assert_eq!(settle(&services).await.unwrap(), SettleReport::default());
    clock.set(T0 + ABANDONED_AFTER_SECS);
    let report = settle(&services).await.unwrap();
    assert_eq!((report.bought, report.later), (1, 0));
    let p = purchase::Entity::find().one(&t.db).await.unwrap().unwrap();
    assert_eq!(
        (p.status.as_str(), p.e164.as_deref()),
        ("succeeded", Some("+12125550155"))
    );
    let saved = number::Entity::find().one(&t.db).await.unwrap().unwrap();
    assert_eq!(
        (saved.e164.as_str(), saved.ownership.as_str()),
        ("+12125550155", "purchased"),
        "known and owned: nothing lost, nothing released"
    );
    twilio.verify().await;
}

#[tokio::test]
async fn a_check_waits_while_twilio_is_unreachable() {
    let t = TestDb::sqlite().await;
    crate::support::twilio_only_project(&t).await;
    let clock = TestClock::at(T0);
    let services = state_at(&t, "http://127.0.0.1:9", clock.clone())
        .await
        .services;
    services
        .purchases
        .start_purchase(&crate::support::intent(
            "tw",
            "lost-purchase-2",
            IntegrationKind::Twilio,
        ))
        .await
        .unwrap();
    clock.set(T0 + ABANDONED_AFTER_SECS);
    let report = settle(&services).await.unwrap();
    assert_eq!(report.later, 1);
    let p = purchase::Entity::find().one(&t.db).await.unwrap().unwrap();
    assert_eq!(
        p.status, "checking",
        "kept for the next pass, not forgotten"
    );
}
