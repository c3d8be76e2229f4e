//! [`SignedTwilioRequest`]: an extractor that lets a webhook run only for a request carrying a
//! valid `X-Twilio-Signature`, checked against the URL rebuilt from the configured public base
//! URL (never the `Host` header) with the auth token of the Twilio account that sent it.

use crate::telephony::twilio::signature;
use app::domain::E164;
use app::ports::RoutingStore;
use axum::extract::{Form, FromRef, FromRequest, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

/// What the webhooks need: routing facts and Twilio tokens, and the public base URL that
/// Twilio's signatures and TwiML callbacks are built on.
#[derive(Clone)]
pub struct WebhookState {
    /// Routing facts, Twilio tokens, call records.
    pub routing: Arc<dyn RoutingStore>,
    /// Public base URL, e.g. `https://numbers.example.com`.
    pub public_url: String,
}

/// The form fields of a signed Twilio request.
pub struct SignedTwilioRequest(pub Vec<(String, String)>);

impl SignedTwilioRequest {
    /// The value of the form field `name` (empty when absent).
    pub fn field(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }

    /// The called number (`To`), if it is in E.164 form.
    pub fn called(&self) -> Option<E164> {
        E164::parse(self.field("To")).ok()
    }
}

impl<S> FromRequest<S> for SignedTwilioRequest
where
    S: Send + Sync,
    WebhookState: FromRef<S>,
{
    type Rejection = Response;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let state = WebhookState::from_ref(state);
        let path = request.uri().path_and_query().map_or_else(
            || request.uri().path().to_owned(),
            |p| p.as_str().to_owned(),
        );
        let given = request
            .headers()
            .get("x-twilio-signature")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let forbidden = |why: &str| {
            tracing::warn!(
                why,
                path,
                "refused an unsigned or wrongly signed Twilio request"
            );
            (StatusCode::FORBIDDEN, "invalid Twilio signature").into_response()
        };
        let Some(given) = given else {
            return Err(forbidden("no signature"));
        };
        let Form(fields) = Form::<Vec<(String, String)>>::from_request(request, &state)
            .await
            .map_err(IntoResponse::into_response)?;
        let signed = Self(fields);
        let url = format!("{}{path}", state.public_url);
        let tokens = state
            .routing
            .twilio_tokens(signed.field("AccountSid"), signed.called().as_ref())
            .await
            .map_err(|err| {
                tracing::error!(%err, "loading Twilio tokens failed");
                StatusCode::SERVICE_UNAVAILABLE.into_response()
            })?;
        let urls = signature::signed_urls(&url);
        if tokens.iter().any(|token| {
            urls.iter()
                .any(|url| signature::is_valid(token, url, &signed.0, &given))
        }) {
            Ok(signed)
        } else {
            Err(forbidden("signature mismatch"))
        }
    }
}
