//! Identity for trusted-proxy mode: the console signs members in, so this server does not.

use app::domain::UnixSeconds;
use app::ports::{Identity, Member, NewSession, SignInError, StoreError};

/// Refuses sign-in here (the console's proxy names the member on each request) and holds no
/// sessions.
pub struct ProxySignOn;

#[async_trait::async_trait]
impl Identity for ProxySignOn {
    async fn sign_in(
        &self,
        _email: &str,
        _password: &str,
        _address: Option<&str>,
        _replaced: Option<&str>,
        _now: UnixSeconds,
    ) -> Result<NewSession, SignInError> {
        Err(SignInError::Elsewhere)
    }

    async fn member(&self, _token: &str, _now: UnixSeconds) -> Result<Option<Member>, StoreError> {
        Ok(None)
    }

    async fn sign_out(&self, _token: &str) -> Result<(), StoreError> {
        Ok(())
    }
}
