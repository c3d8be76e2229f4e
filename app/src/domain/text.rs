//! Quoting what someone typed back to them, safely: a bounded excerpt.

/// At most this many characters of an input are quoted back in a message.
pub const EXCERPT_CHARS: usize = 40;

/// `input` as a message may quote it: at most [`EXCERPT_CHARS`] characters, control
/// characters shown as `\u{fffd}`, and `…` when cut.
pub fn excerpt(input: &str) -> String {
    let mut out: String = input
        .chars()
        .take(EXCERPT_CHARS)
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect();
    if input.chars().nth(EXCERPT_CHARS).is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_inputs_are_quoted_whole() {
        assert_eq!(excerpt("acme"), "acme");
        assert_eq!(excerpt(""), "");
    }

    #[test]
    fn long_inputs_are_cut_and_control_characters_replaced() {
        let quoted = excerpt(&"a".repeat(100_000));
        assert_eq!(quoted.chars().count(), EXCERPT_CHARS + 1);
        assert!(quoted.ends_with('…'));
        assert_eq!(excerpt("a\r\nb\0"), "a\u{fffd}\u{fffd}b\u{fffd}");
    }
}
