//! A stateful fake of the parts of Twilio's REST API the product calls, for one account:
//! numbers for sale, numbers owned, and the answers real Twilio gives (including its quirk of
//! answering 201 with the existing record when asked to buy a number the account owns). Each
//! operation can be made slow (it takes effect at once, its answer comes late) or fail.

use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::{Value, json};
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// A number the account owns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Owned {
    /// `PN…`.
    pub sid: String,
    /// E.164.
    pub phone_number: String,
    /// The account's label (the product sets it to the purchase's key).
    pub friendly_name: String,
    /// Where calls go.
    pub voice_url: Option<String>,
    /// A TwiML App the number sends calls to instead of its voice URL.
    pub voice_application_sid: Option<String>,
    /// A SIP trunk the number sends calls to instead of its voice URL.
    pub trunk_sid: Option<String>,
}

/// Which operation a delay or failure applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Op {
    /// `POST IncomingPhoneNumbers.json`.
    Buy,
    /// `POST IncomingPhoneNumbers/{PN}.json`.
    Update,
    /// `DELETE IncomingPhoneNumbers/{PN}.json`.
    Release,
    /// `GET IncomingPhoneNumbers.json` and `GET AvailablePhoneNumbers/…`.
    Read,
}

#[derive(Default)]
struct Inner {
    for_sale: Vec<String>,
    stale_offers: Vec<String>,
    owned: BTreeMap<String, Owned>,
    next_sid: u32,
    delays: HashMap<Op, Duration>,
    holds: HashMap<Op, tokio::sync::watch::Receiver<bool>>,
    gates: Vec<tokio::sync::watch::Sender<bool>>,
    failures: HashMap<Op, (u16, u32)>,
    bought: u32,
    requests: Vec<String>,
}

/// The fake; clones share its state.
#[derive(Clone)]
pub struct FakeTwilio {
    inner: Arc<Mutex<Inner>>,
    /// How many numbers were bought so far, for waiting on a purchase to land.
    bought_count: tokio::sync::watch::Sender<u32>,
    /// `http://127.0.0.1:port`, once started.
    pub url: String,
}

fn with<T>(fake: &FakeTwilio, f: impl FnOnce(&mut Inner) -> T) -> T {
    f(&mut fake.inner.lock().unwrap())
}

fn number_json(n: &Owned) -> Value {
    json!({
        "sid": n.sid,
        "phone_number": n.phone_number,
        "friendly_name": n.friendly_name,
        "voice_url": n.voice_url,
        "voice_application_sid": n.voice_application_sid,
        "trunk_sid": n.trunk_sid,
        "status": "in-use",
    })
}

fn error(status: u16, code: u32) -> Response {
    let status = StatusCode::from_u16(status).unwrap();
    (
        status,
        axum::Json(json!({"code": code, "message": "fake", "status": status.as_u16()})),
    )
        .into_response()
}

impl FakeTwilio {
    /// Starts the fake on a free loopback port, selling `for_sale` (E.164).
    pub async fn start(for_sale: &[&str]) -> Self {
        let mut fake = Self {
            inner: Arc::default(),
            bought_count: tokio::sync::watch::Sender::new(0),
            url: String::new(),
        };
        with(&fake, |s| {
            s.for_sale = for_sale.iter().map(|n| (*n).to_owned()).collect()
        });
        let base = "/2010-04-01/Accounts/{account}";
        let app = Router::new()
            .route(
                &format!("{base}/IncomingPhoneNumbers.json"),
                get(list).post(buy),
            )
            .route(
                &format!("{base}/IncomingPhoneNumbers/{{sid}}"),
                axum::routing::post(update).delete(release),
            )
            .route(
                &format!("{base}/AvailablePhoneNumbers/{{country}}/Local.json"),
                get(search),
            )
            .with_state(fake.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        fake.url = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        fake
    }

    /// Gives the account `phone_number` (a customer's own number), answering with `voice_url`.
    pub fn own(&self, phone_number: &str, voice_url: Option<&str>) -> Owned {
        with(self, |s| {
            s.next_sid += 1;
            let owned = Owned {
                sid: format!("PN{:032}", s.next_sid),
                phone_number: phone_number.to_owned(),
                friendly_name: phone_number.to_owned(),
                voice_url: voice_url.map(str::to_owned),
                voice_application_sid: None,
                trunk_sid: None,
            };
            s.owned.insert(owned.sid.clone(), owned.clone());
            owned
        })
    }

    /// Changes an owned number in place.
    pub fn edit(&self, phone_number: &str, f: impl FnOnce(&mut Owned)) {
        with(self, |s| {
            if let Some(n) = s
                .owned
                .values_mut()
                .find(|n| n.phone_number == phone_number)
            {
                f(n);
            }
        });
    }

    /// Lists `phone_number` first in searches although buying it fails with 21422 (another
    /// buyer took it after the search).
    pub fn stale_offer(&self, phone_number: &str) {
        with(self, |s| s.stale_offers.push(phone_number.to_owned()));
    }

    /// Makes `op` answer `delay` late (its effect is applied at once).
    pub fn slow(&self, op: Op, delay: Duration) {
        with(self, |s| s.delays.insert(op, delay));
    }

    /// Makes `op` take effect at once but answer only once [`FakeTwilio::let_go`] is called.
    pub fn hold(&self, op: Op) {
        let (gate, held) = tokio::sync::watch::channel(false);
        with(self, |s| {
            s.holds.insert(op, held);
            s.gates.push(gate);
        });
    }

    /// Lets every held answer go.
    pub fn let_go(&self) {
        with(self, |s| {
            s.holds.clear();
            for gate in s.gates.drain(..) {
                gate.send_replace(true);
            }
        });
    }

    /// Waits until `n` numbers have been bought in all.
    pub async fn until_bought(&self, n: u32) {
        let mut bought = self.bought_count.subscribe();
        bought.wait_for(|b| *b >= n).await.unwrap();
    }

    /// Makes `op` answer HTTP `status` with Twilio error `code`, changing nothing.
    pub fn fail(&self, op: Op, status: u16, code: u32) {
        with(self, |s| s.failures.insert(op, (status, code)));
    }

    /// Back to answering at once and without failures.
    pub fn heal(&self) {
        with(self, |s| {
            s.delays.clear();
            s.failures.clear();
        });
    }

    /// The numbers the account owns, by E.164.
    pub fn owned(&self) -> BTreeMap<String, Owned> {
        with(self, |s| {
            s.owned
                .values()
                .map(|n| (n.phone_number.clone(), n.clone()))
                .collect()
        })
    }

    /// How many numbers were bought (POSTs that created one).
    pub fn bought(&self) -> u32 {
        with(self, |s| s.bought)
    }

    /// Every request, as `METHOD path`.
    pub fn requests(&self) -> Vec<String> {
        with(self, |s| s.requests.clone())
    }

    fn delay(&self, op: Op) -> Option<Duration> {
        with(self, |s| s.delays.get(&op).copied())
    }

    fn failure(&self, op: Op) -> Option<Response> {
        with(self, |s| s.failures.get(&op).copied()).map(|(status, code)| error(status, code))
    }

    fn log(&self, request: String) {
        with(self, |s| s.requests.push(request));
    }
}

/// Waits the delay or hold of `op`, if any (after the effect, so the answer is what arrives
/// late).
async fn answer_late(fake: &FakeTwilio, op: Op, response: Response) -> Response {
    if let Some(delay) = fake.delay(op) {
        tokio::time::sleep(delay).await;
    }
    let held = with(fake, |s| s.holds.get(&op).cloned());
    if let Some(mut held) = held {
        // An error means the fake was dropped: answer anyway.
        let _ = held.wait_for(|go| *go).await;
    }
    response
}

async fn list(
    State(fake): State<FakeTwilio>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    fake.log(format!("GET IncomingPhoneNumbers {q:?}"));
    if let Some(failed) = fake.failure(Op::Read) {
        return failed;
    }
    let found: Vec<Value> = with(&fake, |s| {
        s.owned
            .values()
            .filter(|n| q.get("PhoneNumber").is_none_or(|p| *p == n.phone_number))
            .filter(|n| q.get("FriendlyName").is_none_or(|f| *f == n.friendly_name))
            .map(number_json)
            .collect()
    });
    let page = axum::Json(json!({"incoming_phone_numbers": found, "next_page_uri": null}));
    answer_late(&fake, Op::Read, page.into_response()).await
}

async fn search(
    State(fake): State<FakeTwilio>,
    Path((_, country)): Path<(String, String)>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    fake.log(format!("GET AvailablePhoneNumbers/{country} {q:?}"));
    if let Some(failed) = fake.failure(Op::Read) {
        return failed;
    }
    let prefix = match (country.as_str(), q.get("AreaCode")) {
        ("US", Some(area)) => format!("+1{area}"),
        ("US", None) => "+1".to_owned(),
        ("GB", _) => "+44".to_owned(),
        _ => return axum::Json(json!({"available_phone_numbers": []})).into_response(),
    };
    let offered: Vec<Value> = with(&fake, |s| {
        s.stale_offers
            .iter()
            .chain(&s.for_sale)
            .filter(|n| n.starts_with(&prefix))
            .map(|n| json!({"phone_number": n, "address_requirements": "none"}))
            .collect()
    });
    axum::Json(json!({"available_phone_numbers": offered})).into_response()
}

async fn buy(
    State(fake): State<FakeTwilio>,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    fake.log(format!("POST IncomingPhoneNumbers {form:?}"));
    if let Some(failed) = fake.failure(Op::Buy) {
        return failed;
    }
    let phone = form.get("PhoneNumber").cloned().unwrap_or_default();
    // `None`: not for sale (any more).
    let answer = with(&fake, |s| {
        if let Some(mine) = s.owned.values().find(|n| n.phone_number == phone) {
            // Twilio's quirk: the account already owns it, and answers with its record.
            return Some(number_json(mine));
        }
        let index = s.for_sale.iter().position(|n| *n == phone)?;
        s.for_sale.remove(index);
        s.next_sid += 1;
        s.bought += 1;
        let owned = Owned {
            sid: format!("PN{:032}", s.next_sid),
            phone_number: phone.clone(),
            friendly_name: form.get("FriendlyName").cloned().unwrap_or_default(),
            voice_url: form.get("VoiceUrl").cloned(),
            voice_application_sid: None,
            trunk_sid: None,
        };
        s.owned.insert(owned.sid.clone(), owned.clone());
        fake.bought_count.send_replace(s.bought);
        Some(number_json(&owned))
    });
    match answer {
        Some(body) => {
            answer_late(
                &fake,
                Op::Buy,
                (StatusCode::CREATED, axum::Json(body)).into_response(),
            )
            .await
        }
        None => error(400, 21422),
    }
}

async fn update(
    State(fake): State<FakeTwilio>,
    Path((_, resource)): Path<(String, String)>,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    fake.log(format!("POST IncomingPhoneNumbers/{resource} {form:?}"));
    if let Some(failed) = fake.failure(Op::Update) {
        return failed;
    }
    let sid = resource.trim_end_matches(".json").to_owned();
    let updated = with(&fake, |s| {
        let n = s.owned.get_mut(&sid)?;
        if let Some(url) = form.get("VoiceUrl") {
            n.voice_url = Some(url.clone());
        }
        for (field, slot) in [
            ("VoiceApplicationSid", &mut n.voice_application_sid),
            ("TrunkSid", &mut n.trunk_sid),
        ] {
            if let Some(value) = form.get(field) {
                *slot = (!value.is_empty()).then(|| value.clone());
            }
        }
        Some(number_json(n))
    });
    match updated {
        Some(body) => answer_late(&fake, Op::Update, axum::Json(body).into_response()).await,
        None => error(404, 20404),
    }
}

async fn release(
    State(fake): State<FakeTwilio>,
    Path((_, resource)): Path<(String, String)>,
) -> Response {
    fake.log(format!("DELETE IncomingPhoneNumbers/{resource}"));
    if let Some(failed) = fake.failure(Op::Release) {
        return failed;
    }
    let sid = resource.trim_end_matches(".json").to_owned();
    match with(&fake, |s| s.owned.remove(&sid)) {
        Some(_) => answer_late(&fake, Op::Release, StatusCode::NO_CONTENT.into_response()).await,
        None => error(404, 20404),
    }
}
