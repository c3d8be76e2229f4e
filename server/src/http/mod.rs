//! The HTTP surface: the router, its middleware (sessions, same-origin guard, server functions'
//! error statuses, body limits, compression), the browser bundle, health probes, the live
//! updates stream, Twilio's webhooks, the CSV export and the REST API. Each part takes only the
//! state it needs; nothing imports the router.

pub mod assets;
mod csv_export;
mod limits;
mod live_stream;
mod probes;
pub mod rest;
mod router;
pub mod same_origin;
mod server_fn_errors;
pub mod session;
mod state;
mod twilio_request;
pub mod webhooks;

pub use live_stream::RECHECK as LIVE_RECHECK;
pub use router::router;
pub use state::AppState;
