//! Server functions of the Numbers page.

use crate::domain::NumbersPage;
use crate::error::AppError;
use leptos::prelude::*;

/// Loads the Numbers page of `project` as the URL query `view` (`?q=…&sandbox_page=2`; left
/// out: the default view) shows it; unknown or bad values in it are the default.
#[server(output = leptos::server_fn::codec::Postcard)]
pub async fn load_numbers_page(
    project: String,
    #[server(default)] view: String,
) -> Result<NumbersPage, AppError> {
    let allowed = super::require(&project, crate::domain::Need::Read).await?;
    let can_edit = allowed.permission.can_edit();
    let pairs: Vec<(String, String)> =
        url::form_urlencoded::parse(view.trim_start_matches('?').as_bytes())
            .into_owned()
            .collect();
    let view =
        crate::domain::NumbersView::from_query(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    crate::usecases::pages::numbers_page(&allowed.services, &allowed.slug, &view, can_edit).await
}
