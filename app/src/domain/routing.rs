//! Inbound routing: where a call to a number goes, decided in one pure function.

use super::Environment;
use serde::{Deserialize, Serialize};

/// The platform-managed SIP addresses of one project environment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SipRoute {
    /// Where calls go first.
    pub main: String,
    /// Where calls go when the main address fails.
    pub fallback: String,
}

/// A call attempt Twilio reported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallRecord {
    /// When it arrived, formatted for people.
    pub at: String,
    /// The caller.
    pub from: String,
    /// What happened (`routed`, `refused`, or Twilio's call status such as `completed`).
    pub status: String,
}

/// What the Test routing dialog shows for a number.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoutingPreview {
    /// The number, E.164.
    pub e164: String,
    /// Where a call would go right now.
    pub decision: RouteDecision,
    /// The latest calls, newest first.
    pub calls: Vec<CallRecord>,
}

/// Everything routing needs to know about a called number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RouteFacts {
    /// The number's environment.
    pub environment: Environment,
    /// Its assigned variant, if any.
    pub variant: Option<String>,
    /// The project's default variant (first in the draft), if it uses variants.
    pub default_variant: Option<String>,
    /// The environment's SIP addresses, if configured.
    pub sip: Option<SipRoute>,
    /// Deleted and waiting for (or undergoing) its release: it takes no calls.
    pub being_deleted: bool,
}

/// Why a call is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Refusal {
    /// The number belongs to no project.
    UnknownNumber,
    /// The number was deleted; its release is pending.
    BeingDeleted,
    /// The environment has no SIP addresses configured.
    NoRoute,
}

impl Refusal {
    /// Plain words for logs and the routing preview.
    pub fn reason(self) -> &'static str {
        match self {
            Self::UnknownNumber => "the number is not connected to any project",
            Self::BeingDeleted => "the number has been deleted and is waiting to be released",
            Self::NoRoute => "no SIP route is configured for this environment",
        }
    }
}

/// Where a call goes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RouteDecision {
    /// Dial `sip_uri`, and `fallback_uri` if that fails.
    Dial {
        /// The number's environment.
        environment: Environment,
        /// The variant handling the call (assigned, else the default).
        variant: Option<String>,
        /// The main SIP URI, carrying the variant as a URI header.
        sip_uri: String,
        /// The fallback SIP URI, carrying the variant too.
        fallback_uri: String,
    },
    /// Turn the call away.
    Refuse(Refusal),
}

/// `uri` with `X-PolyAI-Variant` as a SIP URI header (percent-encoded), when there is a variant.
fn with_variant(uri: &str, variant: Option<&str>) -> String {
    let Some(variant) = variant else {
        return uri.to_owned();
    };
    let encoded: String = variant
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect();
    let separator = if uri.contains('?') { '&' } else { '?' };
    format!("{uri}{separator}X-PolyAI-Variant={encoded}")
}

/// Decides where a call to a number with `facts` (or to an unknown number) goes.
pub fn route(facts: Option<&RouteFacts>) -> RouteDecision {
    let Some(facts) = facts else {
        return RouteDecision::Refuse(Refusal::UnknownNumber);
    };
    if facts.being_deleted {
        return RouteDecision::Refuse(Refusal::BeingDeleted);
    }
    let Some(sip) = &facts.sip else {
        return RouteDecision::Refuse(Refusal::NoRoute);
    };
    let variant = facts
        .variant
        .clone()
        .or_else(|| facts.default_variant.clone());
    RouteDecision::Dial {
        environment: facts.environment,
        sip_uri: with_variant(&sip.main, variant.as_deref()),
        fallback_uri: with_variant(&sip.fallback, variant.as_deref()),
        variant,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(variant: Option<&str>, default: Option<&str>) -> RouteFacts {
        RouteFacts {
            environment: Environment::Sandbox,
            variant: variant.map(Into::into),
            default_variant: default.map(Into::into),
            sip: Some(SipRoute {
                main: "sip:acme-sandbox@sip.numbers.test".into(),
                fallback: "sip:acme-sandbox-fallback@sip.numbers.test".into(),
            }),
            being_deleted: false,
        }
    }

    #[test]
    fn an_assigned_variant_travels_as_a_sip_header() {
        let decision = route(Some(&facts(Some("London"), Some("Default"))));
        assert_eq!(
            decision,
            RouteDecision::Dial {
                environment: Environment::Sandbox,
                variant: Some("London".into()),
                sip_uri: "sip:acme-sandbox@sip.numbers.test?X-PolyAI-Variant=London".into(),
                fallback_uri: "sip:acme-sandbox-fallback@sip.numbers.test?X-PolyAI-Variant=London"
                    .into(),
            }
        );
    }

    #[test]
    fn unassigned_numbers_use_the_default_variant_or_none() {
        let RouteDecision::Dial {
            variant, sip_uri, ..
        } = route(Some(&facts(None, Some("Default"))))
        else {
            panic!("dials");
        };
        assert_eq!(variant.as_deref(), Some("Default"));
        assert!(sip_uri.ends_with("?X-PolyAI-Variant=Default"));
        let RouteDecision::Dial {
            variant, sip_uri, ..
        } = route(Some(&facts(None, None)))
        else {
            panic!("dials");
        };
        assert_eq!(
            (variant, sip_uri.as_str()),
            (None, "sip:acme-sandbox@sip.numbers.test")
        );
    }

    #[test]
    fn variant_names_are_percent_encoded() {
        let RouteDecision::Dial { sip_uri, .. } = route(Some(&facts(Some("São Paulo & Co"), None)))
        else {
            panic!("dials");
        };
        assert!(
            sip_uri.ends_with("?X-PolyAI-Variant=S%C3%A3o%20Paulo%20%26%20Co"),
            "{sip_uri}"
        );
    }

    #[test]
    fn refusals() {
        assert_eq!(route(None), RouteDecision::Refuse(Refusal::UnknownNumber));
        let mut no_sip = facts(None, None);
        no_sip.sip = None;
        assert_eq!(
            route(Some(&no_sip)),
            RouteDecision::Refuse(Refusal::NoRoute)
        );
        let mut deleted = facts(Some("London"), None);
        deleted.being_deleted = true;
        assert_eq!(
            route(Some(&deleted)),
            RouteDecision::Refuse(Refusal::BeingDeleted)
        );
    }
}
