//! TwiML answers to Twilio's voice webhook, XML-escaped.

use super::RouteDecision;

const HEADER: &str = r#"<?xml version="1.0" encoding="UTF-8"?>"#;

/// Escapes text for XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// Dials `sip_uri`; when that fails Twilio posts to `fallback_action`, which dials the fallback.
pub fn dial(sip_uri: &str, fallback_action: &str) -> String {
    format!(
        r#"{HEADER}<Response><Dial action="{}" method="POST"><Sip>{}</Sip></Dial></Response>"#,
        escape(fallback_action),
        escape(sip_uri)
    )
}

/// Dials `sip_uri` with no further fallback.
pub fn dial_last(sip_uri: &str) -> String {
    format!(
        "{HEADER}<Response><Dial><Sip>{}</Sip></Dial></Response>",
        escape(sip_uri)
    )
}

/// Politely turns the call away.
pub fn reject() -> String {
    format!(
        "{HEADER}<Response><Say>Sorry, this number is not in service.</Say><Hangup/></Response>"
    )
}

/// Ends the call (the main route answered; nothing more to do).
pub fn hang_up() -> String {
    format!("{HEADER}<Response><Hangup/></Response>")
}

/// The TwiML for a routing decision; `fallback_action` is where Twilio reports a failed dial.
pub fn for_decision(decision: &RouteDecision, fallback_action: &str) -> String {
    match decision {
        RouteDecision::Dial { sip_uri, .. } => dial(sip_uri, fallback_action),
        RouteDecision::Refuse(_) => reject(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_documents() {
        assert_eq!(
            dial_last("sip:agent@example.net"),
            r#"<?xml version="1.0" encoding="UTF-8"?><Response><Dial><Sip>sip:agent@example.net</Sip></Dial></Response>"#
        );
        assert_eq!(
            dial(
                "sip:a@b?X-PolyAI-Variant=L&x=1",
                "https://n.test/telephony/twilio/voice/fallback?to=%2B1"
            ),
            r#"<?xml version="1.0" encoding="UTF-8"?><Response><Dial action="https://n.test/telephony/twilio/voice/fallback?to=%2B1" method="POST"><Sip>sip:a@b?X-PolyAI-Variant=L&amp;x=1</Sip></Dial></Response>"#
        );
        assert_eq!(
            reject(),
            r#"<?xml version="1.0" encoding="UTF-8"?><Response><Say>Sorry, this number is not in service.</Say><Hangup/></Response>"#
        );
    }

    #[test]
    fn escapes_everything_xml_cares_about() {
        assert_eq!(
            escape(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;"
        );
    }
}
