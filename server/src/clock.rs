//! The system clock behind the [`Clock`] port.

use app::domain::UnixSeconds;
use app::ports::Clock;

/// The machine's clock (seconds since the Unix epoch, UTC).
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> UnixSeconds {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
    }
}
