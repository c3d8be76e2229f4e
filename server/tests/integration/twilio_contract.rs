//! Contract check: every request our Twilio client makes is accepted by Prism serving
//! Twilio's own OpenAPI description, trimmed to the paths we call (`twilio-oai/` beside this
//! file, MIT, its licence with it). Needs `make test`'s npm install.

use app::domain::E164;
use app::ports::TwilioAccount;
use server::telephony::twilio::{TwilioClient, TwilioError};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// Prism, stopped when dropped.
struct Prism(Child);

impl Drop for Prism {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

async fn start_prism() -> (Prism, String) {
    let bin = repo_root().join("end2end/node_modules/.bin/prism");
    let spec = repo_root().join("server/tests/integration/twilio-oai/twilio_api_v2010.json");
    assert!(
        bin.exists(),
        "{} is missing: run `make test` (it installs the end2end npm packages)",
        bin.display()
    );
    assert!(
        spec.exists(),
        "Twilio's OpenAPI description is missing at {}",
        spec.display()
    );
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(bin)
        .args([
            "mock",
            &spec.to_string_lossy(),
            "-h",
            "127.0.0.1",
            "-p",
            &port.to_string(),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start prism");
    let prism = Prism(child);
    let url = format!("http://127.0.0.1:{port}");
    for _ in 0..120 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_ok()
        {
            return (prism, url);
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    panic!("prism did not start on port {port}");
}

#[tokio::test]
async fn our_requests_match_twilios_openapi_description() {
    let (_prism, url) = start_prism().await;
    let client = TwilioClient::new(&url, Duration::from_secs(10)).unwrap();
    let account = TwilioAccount {
        account_sid: "AC0123456789abcdef0123456789abcdef".into(),
        auth_token: "demo-token".into(),
        api_key_sid: None,
    };
    let number = E164::parse("+12125550142").unwrap();
    let checked = client
        .fetch_account(&account)
        .await
        .expect("account fetch accepted by the spec");
    assert!(
        matches!(checked, app::ports::AccountCheck::Active(_)),
        "{checked:?}"
    );
    // Prism answers with the spec's example, not our number: success is what counts.
    client
        .find_incoming(&account, &number)
        .await
        .expect("lookup accepted by the spec");
    let updated = client
        .update_voice_url(
            &account,
            "PN0123456789abcdef0123456789abcdef",
            "https://numbers.test/telephony/twilio/voice",
        )
        .await
        .expect("voice URL update accepted by the spec");
    assert!(updated.sid.starts_with("PN"));
    let request = app::ports::BuyRequest {
        country: app::domain::Country::Us,
        area_code: app::domain::AreaCode::parse_optional("212").unwrap(),
    };
    client
        .search(&account, &request)
        .await
        .expect("US search accepted");
    let uk = app::ports::BuyRequest {
        country: app::domain::Country::Uk,
        area_code: None,
    };
    client
        .search(&account, &uk)
        .await
        .expect("GB search accepted");
    let canada = app::ports::BuyRequest {
        country: app::domain::Country::Ca,
        area_code: app::domain::AreaCode::parse_for(app::domain::Country::Ca, "416").unwrap(),
    };
    client
        .search(&account, &canada)
        .await
        .expect("CA search accepted");
    client
        .buy(
            &account,
            &number,
            "purchase-key-1",
            "https://numbers.test/telephony/twilio/voice",
        )
        .await
        .expect("purchase accepted");
    client
        .find_by_friendly_name(&account, "purchase-key-1")
        .await
        .expect("lookup by tag accepted");
    client
        .release(&account, "PN0123456789abcdef0123456789abcdef")
        .await
        .expect("release accepted");

    // The check can fail: Prism refuses what breaks the spec.
    let err = client
        .update_voice_url(&account, "not-a-sid", "https://numbers.test/x")
        .await
        .unwrap_err();
    assert_eq!(
        err,
        TwilioError::Status(422),
        "a malformed PN sid breaks the spec"
    );
}
