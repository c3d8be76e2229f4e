//! `X-Twilio-Signature`: base64(HMAC-SHA1(auth token, URL + sorted POST fields)).

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, Mac};
use sha1::Sha1;

/// The string Twilio signs: the full URL, then each field as key + value, sorted by key
/// (and repeated keys by value).
fn signed_payload(url: &str, fields: &[(String, String)]) -> String {
    let mut sorted: Vec<&(String, String)> = fields.iter().collect();
    sorted.sort();
    let mut payload = url.to_owned();
    for (key, value) in sorted {
        payload.push_str(key);
        payload.push_str(value);
    }
    payload
}

fn mac(token: &str, url: &str, fields: &[(String, String)]) -> Hmac<Sha1> {
    let mut mac =
        Hmac::<Sha1>::new_from_slice(token.as_bytes()).expect("HMAC takes keys of any length");
    mac.update(signed_payload(url, fields).as_bytes());
    mac
}

/// The signature Twilio would send for this request.
pub fn sign(token: &str, url: &str, fields: &[(String, String)]) -> String {
    STANDARD.encode(mac(token, url, fields).finalize().into_bytes())
}

/// Whether `signature` is right for this request (compared in constant time).
pub fn is_valid(token: &str, url: &str, fields: &[(String, String)], signature: &str) -> bool {
    let Ok(given) = STANDARD.decode(signature.trim()) else {
        return false;
    };
    mac(token, url, fields).verify_slice(&given).is_ok()
}

/// The URLs a valid signature may have been made for, given the one we rebuilt: as it is,
/// and with its port left off (when it has one) or with its scheme's default port written
/// out (when it has none). Twilio's own request validators accept both forms, because proxies
/// and Twilio itself write the port inconsistently.
pub fn signed_urls(url: &str) -> Vec<String> {
    let mut urls = vec![url.to_owned()];
    let Some(scheme_end) = url.find("://").map(|i| i + 3) else {
        return urls;
    };
    let default_port = match url[..scheme_end].to_ascii_lowercase().as_str() {
        "https://" => "443",
        "http://" => "80",
        _ => return urls,
    };
    let authority_end = url[scheme_end..]
        .find(['/', '?', '#'])
        .map_or(url.len(), |i| scheme_end + i);
    let authority = &url[scheme_end..authority_end];
    // `host[:port]`, where an IPv6 host is bracketed and holds colons of its own.
    let port_at = authority
        .rfind(':')
        .filter(|i| !authority[*i..].contains(']'));
    let other = match port_at {
        Some(i) => authority[..i].to_owned(),
        None => format!("{authority}:{default_port}"),
    };
    urls.push(format!(
        "{}{other}{}",
        &url[..scheme_end],
        &url[authority_end..]
    ));
    urls
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    const URL: &str = "https://mycompany.com/myapp.php?foo=1&bar=2";

    #[test]
    fn twilio_test_vectors() {
        let call = fields(&[
            ("CallSid", "CA1234567890ABCDE"),
            ("Caller", "+14158675309"),
            ("Digits", "1234"),
            ("From", "+14158675309"),
            ("To", "+18005551212"),
        ]);
        assert_eq!(sign("12345", URL, &call), "RSOYDt4T1cUTdK1PDd93/VVr8B8=");
        assert!(is_valid(
            "12345",
            URL,
            &call,
            "RSOYDt4T1cUTdK1PDd93/VVr8B8="
        ));
        let repeated = fields(&[
            ("Sid", "CA123"),
            ("SidAccount", "AC123"),
            ("Digits", "5678"),
            ("Digits", "1234"),
        ]);
        assert_eq!(
            sign("12345", URL, &repeated),
            "IK+Dwps556ElfBT0I3Rgjkr1wJU="
        );
    }

    #[test]
    fn the_port_may_be_written_out_or_left_off() {
        assert_eq!(
            signed_urls("https://numbers.example.com/telephony/twilio/voice"),
            [
                "https://numbers.example.com/telephony/twilio/voice",
                "https://numbers.example.com:443/telephony/twilio/voice"
            ]
        );
        assert_eq!(
            signed_urls("https://numbers.example.com:443/v?x=1"),
            [
                "https://numbers.example.com:443/v?x=1",
                "https://numbers.example.com/v?x=1"
            ]
        );
        assert_eq!(
            signed_urls("http://10.0.0.5:3000/v"),
            ["http://10.0.0.5:3000/v", "http://10.0.0.5/v"]
        );
        assert_eq!(
            signed_urls("http://[::1]/v"),
            ["http://[::1]/v", "http://[::1]:80/v"]
        );
        assert_eq!(signed_urls("not a url"), ["not a url"]);
        let call = fields(&[("To", "+18005551212")]);
        let signed_with_port = sign("12345", "https://mycompany.com:443/myapp.php", &call);
        assert!(
            signed_urls("https://mycompany.com/myapp.php")
                .iter()
                .any(|url| is_valid("12345", url, &call, &signed_with_port))
        );
    }

    #[test]
    fn tampering_fails() {
        let call = fields(&[
            ("CallSid", "CA1234567890ABCDE"),
            ("Caller", "+14158675309"),
            ("Digits", "1234"),
            ("From", "+14158675309"),
            ("To", "+18005551212"),
        ]);
        let good = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";
        assert!(!is_valid("12346", URL, &call, good), "another token");
        assert!(
            !is_valid(
                "12345",
                "https://mycompany.com/myapp.php?foo=1&bar=3",
                &call,
                good
            ),
            "another URL"
        );
        let mut changed = call.clone();
        changed[4].1 = "+18005551213".into();
        assert!(!is_valid("12345", URL, &changed, good), "another To");
        assert!(!is_valid("12345", URL, &call, "not base64!"), "garbage");
        assert!(!is_valid("12345", URL, &call, ""), "empty");
    }
}
