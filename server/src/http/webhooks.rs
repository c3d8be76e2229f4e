//! Twilio's webhooks: the voice webhook answers TwiML from the routing decision; the dial
//! fallback tries the fallback SIP address; the status callback records call attempts.
//! Each runs only for a signed request ([`SignedTwilioRequest`]).

pub use super::twilio_request::WebhookState;

use super::twilio_request::SignedTwilioRequest;
use app::domain::{RouteDecision, route, twiml};
use app::paths::{TWILIO_STATUS, TWILIO_VOICE, TWILIO_VOICE_FALLBACK};
use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;

/// The webhook routes, for any router state the [`WebhookState`] can be taken from.
pub fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    WebhookState: axum::extract::FromRef<S>,
{
    Router::new()
        .route(TWILIO_VOICE, post(voice))
        .route(TWILIO_VOICE_FALLBACK, post(fallback))
        .route(TWILIO_STATUS, post(status))
}

fn xml(body: String) -> Response {
    ([(header::CONTENT_TYPE, "text/xml")], body).into_response()
}

/// The routing decision for the request's called number.
async fn decide(
    state: &WebhookState,
    request: &SignedTwilioRequest,
) -> Result<RouteDecision, Response> {
    let facts = match request.called() {
        Some(number) => state.routing.route_facts(&number).await.map_err(|err| {
            tracing::error!(%err, "loading routing facts failed");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        })?,
        None => None,
    };
    Ok(route(facts.as_ref()))
}

async fn voice(State(state): State<WebhookState>, request: SignedTwilioRequest) -> Response {
    let decision = match decide(&state, &request).await {
        Ok(decision) => decision,
        Err(failed) => return failed,
    };
    if let Some(number) = request.called() {
        let status = match &decision {
            RouteDecision::Dial { .. } => "routed",
            RouteDecision::Refuse(_) => "refused",
        };
        let (call, from) = (request.field("CallSid"), request.field("From"));
        if let Err(err) = state.routing.record_call(&number, call, from, status).await {
            tracing::error!(%err, "recording a call failed");
        }
    }
    if let RouteDecision::Refuse(why) = &decision {
        tracing::info!(
            to = request.field("To"),
            reason = why.reason(),
            "refused a call"
        );
    }
    let fallback = format!("{}{TWILIO_VOICE_FALLBACK}", state.public_url);
    xml(twiml::for_decision(&decision, &fallback))
}

async fn fallback(State(state): State<WebhookState>, request: SignedTwilioRequest) -> Response {
    if matches!(request.field("DialCallStatus"), "completed" | "answered") {
        return xml(twiml::hang_up());
    }
    match decide(&state, &request).await {
        Ok(RouteDecision::Dial { fallback_uri, .. }) => xml(twiml::dial_last(&fallback_uri)),
        Ok(RouteDecision::Refuse(_)) => xml(twiml::reject()),
        Err(failed) => failed,
    }
}

async fn status(State(state): State<WebhookState>, request: SignedTwilioRequest) -> Response {
    let Some(number) = request.called() else {
        return StatusCode::NO_CONTENT.into_response();
    };
    let (call, from) = (request.field("CallSid"), request.field("From"));
    let recorded = state
        .routing
        .record_call(&number, call, from, request.field("CallStatus"))
        .await;
    match recorded {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(err) => {
            tracing::error!(%err, "recording a call status failed");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}
