//! Limits on what a request may make the server read.

/// The largest request body read, in bytes (forms and webhooks are a few kilobytes).
pub const MAX_REQUEST_BODY: usize = 1024 * 1024;
