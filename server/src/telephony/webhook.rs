//! Twilio's webhooks: the voice webhook answers TwiML from the routing decision; the dial
//! fallback tries the fallback SIP address; the status callback records call attempts.
//! Every request must carry a valid `X-Twilio-Signature`.

use super::twilio::signature;
use crate::router::AppState;
use app::domain::{E164, RouteDecision, route, twiml};
use axum::Router;
use axum::extract::{Form, State};
use axum::http::{HeaderMap, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;

/// Path of the voice webhook (connected numbers point their VoiceUrl here).
pub const VOICE_PATH: &str = app::ports::VOICE_WEBHOOK_PATH;
const FALLBACK_PATH: &str = "/telephony/twilio/voice/fallback";
const STATUS_PATH: &str = "/telephony/twilio/status";

/// The webhook routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(VOICE_PATH, post(voice))
        .route(FALLBACK_PATH, post(fallback))
        .route(STATUS_PATH, post(status))
}

type Fields = Vec<(String, String)>;

fn field<'a>(fields: &'a Fields, name: &str) -> &'a str {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map_or("", |(_, v)| v.as_str())
}

fn xml(body: String) -> Response {
    ([(header::CONTENT_TYPE, "text/xml")], body).into_response()
}

/// Checks the signature against the tokens of the request's Twilio account, using the URL
/// rebuilt from the configured public base URL (never the Host header).
async fn verified(
    state: &AppState,
    headers: &HeaderMap,
    uri: &Uri,
    fields: &Fields,
) -> Result<(), Response> {
    let forbidden = |why: &str| {
        tracing::warn!(why, uri = %uri, "refused an unsigned or wrongly signed Twilio request");
        (StatusCode::FORBIDDEN, "invalid Twilio signature").into_response()
    };
    let Some(signature) = headers
        .get("x-twilio-signature")
        .and_then(|v| v.to_str().ok())
    else {
        return Err(forbidden("no signature"));
    };
    let path = uri.path_and_query().map_or(uri.path(), |p| p.as_str());
    let url = format!("{}{path}", state.public_url);
    let tokens = state
        .services
        .routing
        .twilio_tokens(
            field(fields, "AccountSid"),
            E164::parse(field(fields, "To")).ok().as_ref(),
        )
        .await
        .map_err(|err| {
            tracing::error!(%err, "loading Twilio tokens failed");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        })?;
    if tokens
        .iter()
        .any(|token| signature::is_valid(token, &url, fields, signature))
    {
        Ok(())
    } else {
        Err(forbidden("signature mismatch"))
    }
}

/// The routing decision for the request's `To` number.
async fn decide(
    state: &AppState,
    fields: &Fields,
) -> Result<(Option<E164>, RouteDecision), Response> {
    let called = E164::parse(field(fields, "To")).ok();
    let facts = match &called {
        Some(number) => state
            .services
            .routing
            .route_facts(number)
            .await
            .map_err(|err| {
                tracing::error!(%err, "loading routing facts failed");
                StatusCode::SERVICE_UNAVAILABLE.into_response()
            })?,
        None => None,
    };
    Ok((called, route(facts.as_ref())))
}

async fn voice(
    State(state): State<AppState>,
    headers: HeaderMap,
    uri: Uri,
    Form(fields): Form<Fields>,
) -> Response {
    if let Err(refused) = verified(&state, &headers, &uri, &fields).await {
        return refused;
    }
    let (called, decision) = match decide(&state, &fields).await {
        Ok(found) => found,
        Err(failed) => return failed,
    };
    if let Some(number) = &called {
        let status = match &decision {
            RouteDecision::Dial { .. } => "routed",
            RouteDecision::Refuse(_) => "refused",
        };
        if let Err(err) = state
            .services
            .routing
            .record_call(
                number,
                field(&fields, "CallSid"),
                field(&fields, "From"),
                status,
            )
            .await
        {
            tracing::error!(%err, "recording a call failed");
        }
    }
    if let RouteDecision::Refuse(why) = &decision {
        tracing::info!(
            to = field(&fields, "To"),
            reason = why.reason(),
            "refused a call"
        );
    }
    xml(twiml::for_decision(
        &decision,
        &format!("{}{FALLBACK_PATH}", state.public_url),
    ))
}

async fn fallback(
    State(state): State<AppState>,
    headers: HeaderMap,
    uri: Uri,
    Form(fields): Form<Fields>,
) -> Response {
    if let Err(refused) = verified(&state, &headers, &uri, &fields).await {
        return refused;
    }
    if matches!(field(&fields, "DialCallStatus"), "completed" | "answered") {
        return xml(twiml::hang_up());
    }
    match decide(&state, &fields).await {
        Ok((_, RouteDecision::Dial { fallback_uri, .. })) => xml(twiml::dial_last(&fallback_uri)),
        Ok((_, RouteDecision::Refuse(_))) => xml(twiml::reject()),
        Err(failed) => failed,
    }
}

async fn status(
    State(state): State<AppState>,
    headers: HeaderMap,
    uri: Uri,
    Form(fields): Form<Fields>,
) -> Response {
    if let Err(refused) = verified(&state, &headers, &uri, &fields).await {
        return refused;
    }
    let Ok(number) = E164::parse(field(&fields, "To")) else {
        return StatusCode::NO_CONTENT.into_response();
    };
    let recorded = state
        .services
        .routing
        .record_call(
            &number,
            field(&fields, "CallSid"),
            field(&fields, "From"),
            field(&fields, "CallStatus"),
        )
        .await;
    match recorded {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(err) => {
            tracing::error!(%err, "recording a call status failed");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}
