//! Server-side flows that span several ports (server only).

pub mod buy_number;
pub mod connect_number;
pub mod delete_number;
