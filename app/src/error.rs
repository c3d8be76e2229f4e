//! The error type that crosses the wire from server functions to the page.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// What can go wrong, worded as the person using the page should read it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// Nobody is signed in (or the session ended).
    #[error("You are signed out. Sign in again to continue.")]
    SignInRequired,
    /// The member has Read access and the request would change something.
    #[error(
        "You have Read access to this project's numbers, so you can view them but not change them. Ask a project admin for Edit access."
    )]
    ReadOnly,
    /// The project does not exist (or the member may not see it).
    #[error("There is no project called \"{0}\".")]
    ProjectNotFound(String),
    /// No such variant in this project.
    #[error("That variant does not exist in this project (it may have been deleted).")]
    VariantNotFound,
    /// No such number in this project.
    #[error("The number {0} is not in this project.")]
    NumberNotFound(String),
    /// One field of a form is invalid; shown next to that field.
    #[error("{message}")]
    Invalid {
        /// The field, as the form names it (e.g. `area_code`).
        field: String,
        /// What is wrong, in plain words.
        message: String,
    },
    /// The number provider refused or failed; nothing was bought.
    #[error("{0}")]
    Provider(String),
    /// The request breaks a rule; the message says which.
    #[error("{0}")]
    Rejected(String),
    /// Storage failed; details are in the server log, not here.
    #[error("Numbers could not be loaded right now. Please try again in a moment.")]
    Unavailable,
    /// The request never reached the server, or its answer could not be read.
    #[error("The server could not be reached ({0}). Check your connection and try again.")]
    Transport(String),
}

impl AppError {
    /// An invalid `field` with `message`.
    pub fn invalid(field: &str, message: impl ToString) -> Self {
        Self::Invalid {
            field: field.to_owned(),
            message: message.to_string(),
        }
    }

    /// The message for `field`, if this error is about it.
    pub fn for_field(&self, field: &str) -> Option<String> {
        match self {
            Self::Invalid { field: f, message } if f == field => Some(message.clone()),
            _ => None,
        }
    }
}

/// Turns a domain parse error into [`AppError::Invalid`] for one form field.
pub trait OrInvalid<T> {
    /// `Ok` as is; an error becomes the message shown next to `field`.
    fn or_invalid(self, field: &str) -> Result<T, AppError>;
}

impl<T, E: std::fmt::Display> OrInvalid<T> for Result<T, E> {
    fn or_invalid(self, field: &str) -> Result<T, AppError> {
        self.map_err(|e| AppError::invalid(field, e))
    }
}

#[cfg(feature = "ssr")]
impl From<crate::ports::StoreError> for AppError {
    fn from(err: crate::ports::StoreError) -> Self {
        tracing::error!(%err, "storage failed");
        AppError::Unavailable
    }
}

#[cfg(feature = "ssr")]
impl From<crate::ports::ChangeError> for AppError {
    fn from(err: crate::ports::ChangeError) -> Self {
        use crate::ports::ChangeError;
        match err {
            ChangeError::ProjectNotFound(slug) => AppError::ProjectNotFound(slug.as_str().into()),
            ChangeError::VariantNotFound(_) => AppError::VariantNotFound,
            ChangeError::NumberNotFound(number) => AppError::NumberNotFound(number.to_string()),
            ChangeError::NumberTaken(number) => {
                AppError::Rejected(format!("{number} is already in use."))
            }
            ChangeError::Name(e) => AppError::Rejected(e.to_string()),
            ChangeError::Publish(e) => AppError::Rejected(e.to_string()),
            ChangeError::Assign(e) => AppError::Rejected(e.to_string()),
            ChangeError::Lifecycle(e) => AppError::Rejected(e.to_string()),
            ChangeError::Concurrent => AppError::Rejected(
                "Someone changed this number at the same moment. Reload the page and try again."
                    .into(),
            ),
            ChangeError::Store(e) => e.into(),
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Transport(value.to_string())
    }
}
