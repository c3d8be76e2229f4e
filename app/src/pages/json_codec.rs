//! [`JsonCodec`]: how a page's data travels from the server's render to hydration.

use serde::Serialize;
use serde::de::DeserializeOwned;

/// JSON, as Leptos's default resource codec writes it, but read with `serde_json::from_slice`
/// like a server function's answer: the browser then carries one JSON reader per data type
/// instead of two (`from_str` and `from_slice` are separate instantiations of every type's
/// deserializer). Errors are `serde_json`'s.
pub struct JsonCodec;

impl<T: Serialize> codee::Encoder<T> for JsonCodec {
    type Error = serde_json::Error;
    type Encoded = String;

    fn encode(value: &T) -> Result<String, serde_json::Error> {
        serde_json::to_string(value)
    }
}

impl<T: DeserializeOwned> codee::Decoder<T> for JsonCodec {
    type Error = serde_json::Error;
    type Encoded = str;

    fn decode(text: &str) -> Result<T, serde_json::Error> {
        serde_json::from_slice(text.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::JsonCodec;
    use codee::{Decoder, Encoder};

    #[test]
    fn reads_what_it_writes() {
        let value = (
            String::from("+442079460123"),
            Some(3_u64),
            vec![true, false],
        );
        let text = JsonCodec::encode(&value).unwrap();
        assert_eq!(text, r#"["+442079460123",3,[true,false]]"#);
        let back: (String, Option<u64>, Vec<bool>) = JsonCodec::decode(&text).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn refuses_what_is_not_json() {
        let read: Result<Vec<u8>, _> = JsonCodec::decode("[1, 2");
        assert!(read.is_err());
    }
}
