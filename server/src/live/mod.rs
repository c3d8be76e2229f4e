//! Live updates across instances: [`LiveHub`] wakes the streams of open pages when a change to
//! their project is saved, on this instance or (PostgreSQL `LISTEN/NOTIFY`) on any other.
//! The changes themselves are read back from `project_changes`, so a wake-up carries nothing
//! that could be lost.

mod hub;
mod pg_listener;

pub use hub::{LiveHub, Wake};
