//! How data travels between the server and the browser: Postcard
//! (<https://postcard.jamesmunns.com/wire-format>) for the pages' data (their server functions
//! answer with `output = Postcard`, and their hydration data), for errors ([`AppError`]'s
//! encoding) and for live updates. A binary reader is far smaller in the wasm than a JSON one
//! (no field names to match, no text to parse, no float formatting for its messages), and the
//! browser carries one reader per type. Where text is needed (hydration data in the page, a
//! Server-Sent Event's data) the bytes are unpadded standard base64, as Leptos writes them.
//!
//! Postcard writes no field names: the order of a type's fields and of an enum's variants is
//! its wire format (the tests below pin [`AppError`]'s and [`LiveChange`]'s). Reordering them,
//! or adding a field anywhere, changes what an open tab from before a deploy reads; such a tab
//! then sees its reload fail with a transport error.
//!
//! [`AppError`]: crate::error::AppError

use crate::domain::live::LiveChange;
use leptos::server::{FromEncodedStr, IntoEncodedString};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// The codec of a page's resources ([`leptos::prelude::Resource`]): Postcard bytes, which
/// Leptos writes into the page as base64. Errors are postcard's.
pub struct PageCodec;

impl<T: Serialize> codee::Encoder<T> for PageCodec {
    type Error = postcard::Error;
    type Encoded = Vec<u8>;

    fn encode(value: &T) -> Result<Vec<u8>, postcard::Error> {
        postcard::to_allocvec(value)
    }
}

impl<T: DeserializeOwned> codee::Decoder<T> for PageCodec {
    type Error = postcard::Error;
    type Encoded = [u8];

    fn decode(bytes: &[u8]) -> Result<T, postcard::Error> {
        read_whole(bytes)
    }
}

/// `bytes` read as one `T` with nothing left over (postcard itself ignores trailing bytes).
/// Errors: postcard's; [`postcard::Error::DeserializeBadEncoding`] for bytes left over.
pub fn read_whole<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, postcard::Error> {
    match postcard::take_from_bytes(bytes)? {
        (value, []) => Ok(value),
        _ => Err(postcard::Error::DeserializeBadEncoding),
    }
}

/// The data of the Server-Sent Event that announces `change`: its Postcard bytes in base64.
/// Errors: postcard's (not expected for strings and integers).
pub fn live_event_data(change: &LiveChange) -> Result<String, postcard::Error> {
    Ok(postcard::to_allocvec(change)?.into_encoded_string())
}

/// Reads what [`live_event_data`] wrote; `None` when `data` is not such a change.
pub fn read_live_event(data: &str) -> Option<LiveChange> {
    let bytes = <[u8]>::from_encoded_str(data).ok()?;
    read_whole(&bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::{PageCodec, live_event_data, read_live_event};
    use crate::domain::live::LiveChange;
    use codee::{Decoder, Encoder};

    #[test]
    fn pages_read_what_the_server_writes() {
        let value = (
            String::from("+442079460123"),
            Some(3_u64),
            vec![true, false],
        );
        let bytes = PageCodec::encode(&value).unwrap();
        let back: (String, Option<u64>, Vec<bool>) = PageCodec::decode(&bytes).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn data_cut_short_or_with_bytes_left_over_is_refused() {
        let bytes = PageCodec::encode(&vec![String::from("+442079460123")]).unwrap();
        let cut: Result<Vec<String>, _> = PageCodec::decode(&bytes[..bytes.len() - 1]);
        assert!(cut.is_err());
        let longer = [bytes.as_slice(), &[0]].concat();
        let read: Result<Vec<String>, _> = PageCodec::decode(&longer);
        assert!(read.is_err());
    }

    /// The bytes of errors and live changes as open pages read them: a change here breaks
    /// pages loaded before a deploy, so it must be deliberate (see the module's documentation).
    #[test]
    fn errors_and_live_changes_keep_their_bytes() {
        use crate::error::AppError;
        use leptos::server_fn::error::FromServerFnError;
        assert_eq!(AppError::SignInRequired.ser().as_ref(), [0]);
        assert_eq!(AppError::ReadOnly.ser().as_ref(), [1]);
        assert_eq!(
            AppError::NumberNotFound("+1".into()).ser().as_ref(),
            [4, 2, b'+', b'1']
        );
        let change = LiveChange {
            id: 300,
            actor: "a".into(),
            sentence: "s".into(),
            number: None,
            by_you: true,
        };
        assert_eq!(
            live_event_data(&change).unwrap(),
            "2AQBYQFzAAE",
            "zigzag varint 300, two one-byte strings, None, true"
        );
    }

    #[test]
    fn a_live_change_survives_its_event() {
        let change = LiveChange {
            id: 9_007_199_254_740_993,
            actor: "editor@example.com".into(),
            sentence: "editor@example.com deleted +44 20 7946 0123 \u{2192} \u{201c}x\u{201d}"
                .into(),
            number: Some("+442079460123".into()),
            by_you: false,
        };
        let data = live_event_data(&change).unwrap();
        assert!(
            data.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '+' || c == '/'),
            "one line of base64: {data}"
        );
        assert_eq!(read_live_event(&data), Some(change));
    }

    #[test]
    fn what_is_not_a_live_change_is_none() {
        for data in ["", "not base64!", "AAAA", "{\"id\":1}"] {
            assert_eq!(read_live_event(data), None, "{data}");
        }
    }
}
