//! Failed sign-ins are limited per account and per address: a pure rule over failure times.

use super::UnixSeconds;

/// Failures allowed within [`WINDOW_SECS`] before sign-in is refused.
pub const MAX_FAILURES: usize = 5;
/// How far back failures count.
pub const WINDOW_SECS: i64 = 15 * 60;

/// `Ok` if another attempt may be made at `now` after `failures` (any order); otherwise the
/// seconds until the oldest counted failure leaves the window.
pub fn check(failures: &[UnixSeconds], now: UnixSeconds) -> Result<(), i64> {
    let mut recent: Vec<UnixSeconds> = failures
        .iter()
        .copied()
        .filter(|at| now - at < WINDOW_SECS)
        .collect();
    if recent.len() < MAX_FAILURES {
        return Ok(());
    }
    recent.sort_unstable();
    let oldest_needed = recent[recent.len() - MAX_FAILURES];
    Err(WINDOW_SECS - (now - oldest_needed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_failures_in_the_window_block_until_the_oldest_expires() {
        let failures = [100, 200, 300, 400];
        assert_eq!(check(&failures, 500), Ok(()));
        let failures = [100, 200, 300, 400, 500];
        assert_eq!(check(&failures, 501), Err(WINDOW_SECS - 401));
        assert_eq!(
            check(&failures, 100 + WINDOW_SECS),
            Ok(()),
            "the first left the window"
        );
        assert_eq!(
            check(&[500, 100, 400, 200, 300], 501),
            Err(WINDOW_SECS - 401)
        );
    }
}
