//! The error type that crosses the wire from server functions to the page, and the HTTP
//! status each kind travels with ([`AppError::status`], the one place that decides it).

use leptos::server_fn::codec::PostcardEncoding;
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
    /// Too many attempts (failed sign-ins); the message says when to try again.
    #[error("{0}")]
    TooManyRequests(String),
    /// A REST API request without a usable key: missing, malformed, unknown or revoked.
    #[error(
        "This request needs a valid API key: send \"Authorization: Bearer <key>\" with a key that is not revoked, from the project's API keys page."
    )]
    ApiKeyRequired,
    /// A Read API key asked to change something.
    #[error(
        "This API key has Read access, so it can list and read but not change. Create a key with Read and write access on the project's API keys page."
    )]
    ApiKeyReadOnly,
    /// One API key made more requests than its rate limit allows in the current minute.
    #[error(
        "This API key made more than {limit} requests this minute. Try again in {retry_after_secs} seconds."
    )]
    RateLimited {
        /// Requests a key may make per minute.
        limit: u64,
        /// Seconds until the next minute starts (the `Retry-After` header).
        retry_after_secs: u64,
    },
    /// The number provider refused or failed; nothing was bought.
    #[error("{0}")]
    Provider(String),
    /// The request cannot be done as things stand (a name or number already taken, a key used
    /// for another request, a number being deleted, nothing to promote, no stock); the
    /// message says why.
    #[error("{0}")]
    Rejected(String),
    /// The request could not be read (a missing or malformed field, a body of the wrong
    /// type): a client's mistake, not the person's.
    #[error("The request was malformed ({0}). Reload the page and try again.")]
    Malformed(String),
    /// The provider was asked but did not answer, so whether it acted is being checked; the
    /// message says what and that the page will show the answer.
    #[error("{0}")]
    OutcomeUnknown(String),
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

    /// The HTTP status this error is answered with: 401 signed out, 403 read only, 404 not
    /// found, 400 malformed, 422 an invalid field, 409 a refusal as things stand, 429 too many
    /// attempts, 502 the provider failed, 503 our storage failed, 504 the provider did not
    /// answer (what it did is being checked).
    pub fn status(&self) -> u16 {
        match self {
            Self::SignInRequired | Self::ApiKeyRequired => 401,
            Self::ReadOnly | Self::ApiKeyReadOnly => 403,
            Self::ProjectNotFound(_) | Self::VariantNotFound | Self::NumberNotFound(_) => 404,
            Self::Malformed(_) => 400,
            Self::Invalid { .. } => 422,
            Self::Rejected(_) => 409,
            Self::TooManyRequests(_) | Self::RateLimited { .. } => 429,
            Self::Provider(_) | Self::Transport(_) => 502,
            Self::Unavailable => 503,
            Self::OutcomeUnknown(_) => 504,
        }
    }

    /// The message a dialog shows in its alert: any error but a field's (shown by its field).
    pub fn outside_fields(&self) -> Option<String> {
        (!matches!(self, Self::Invalid { .. })).then(|| self.to_string())
    }

    /// The message for `field` if this error is about it.
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
            ChangeError::Integration(e) => AppError::Rejected(e.to_string()),
            ChangeError::ApiKeyNotFound(_) => AppError::Rejected(
                "That API key does not exist or was revoked already; reload the page.".into(),
            ),
            ChangeError::ApiKeyNameTaken(name) => AppError::invalid(
                "name",
                format!("A key named \u{201c}{name}\u{201d} exists already; choose another name."),
            ),
            ChangeError::Store(e) => e.into(),
        }
    }
}

impl FromServerFnError for AppError {
    /// Postcard, like the pages' data (see [`crate::api::wire`]).
    type Encoder = PostcardEncoding;

    /// In the browser every such error is a transport failure (the network, an unreadable
    /// answer). On the server, a request that does not parse is malformed, and anything else
    /// is our failure (503, details in the log).
    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        let detail = crate::domain::text::excerpt(&value.to_string());
        if !cfg!(feature = "ssr") {
            return AppError::Transport(detail);
        }
        match value {
            ServerFnErrorErr::Args(_)
            | ServerFnErrorErr::MissingArg(_)
            | ServerFnErrorErr::Deserialization(_)
            | ServerFnErrorErr::Request(_) => AppError::Malformed(detail),
            _ => {
                #[cfg(feature = "ssr")]
                tracing::error!(%detail, "a server function failed outside its body");
                AppError::Unavailable
            }
        }
    }
}
