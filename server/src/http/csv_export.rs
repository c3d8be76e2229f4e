//! `GET /projects/{project}/numbers.csv`: the Numbers page's view (search and filters from the
//! query, as the page reads them) as a CSV file, for members who may read the project.

use super::rest::schema::{EnvironmentName, OwnershipName, PhoneNumber, SourceName, StateName};
use app::domain::{NumberRecord, NumbersView};
use app::error::AppError;
use app::ports::{CurrentMember, Services};
use app::usecases::live::may_watch;
use app::usecases::numbers::export_numbers;
use axum::Extension;
use axum::extract::{Path, RawQuery, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// The file's columns: a number as the REST API names it ([`PhoneNumber`]), its variant by name.
const COLUMNS: [&str; 6] = [
    "phone_number",
    "environment",
    "source",
    "ownership",
    "variant",
    "state",
];

/// One number as a CSV record, in [`COLUMNS`]' order.
#[derive(Serialize)]
struct Row {
    phone_number: String,
    environment: EnvironmentName,
    source: SourceName,
    ownership: OwnershipName,
    variant: String,
    state: StateName,
}

impl From<PhoneNumber> for Row {
    fn from(number: PhoneNumber) -> Self {
        Self {
            phone_number: number.phone_number,
            environment: number.environment,
            source: number.source,
            ownership: number.ownership,
            variant: number.variant.map(|v| literal(&v.name)).unwrap_or_default(),
            state: number.state,
        }
    }
}

/// `text` as a spreadsheet reads it literally: text that would start a formula (`=`, `+`,
/// `-`, `@`, tab, carriage return; OWASP "CSV Injection") gets a leading `'`. Only for text
/// members type (variant names): numbers and slugs never start so, except E.164's `+digits`.
fn literal(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// `numbers` as CSV text (RFC 4180, a header row first).
fn write(numbers: Vec<NumberRecord>) -> Result<Vec<u8>, csv::Error> {
    // The header is written even for no numbers, so not by `serialize`.
    let mut out = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    out.write_record(COLUMNS)?;
    for number in numbers {
        out.serialize(Row::from(PhoneNumber::from(number)))?;
    }
    out.into_inner().map_err(|e| e.into_error().into())
}

fn refused(error: &AppError) -> Response {
    let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::SERVICE_UNAVAILABLE);
    (status, error.to_string()).into_response()
}

/// The CSV of `project`'s numbers in the view the query names.
pub async fn numbers_csv(
    State(services): State<Services>,
    Extension(current): Extension<CurrentMember>,
    Path(project): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    let watcher = match may_watch(&services, &current, &project).await {
        Ok(watcher) => watcher,
        Err(error) => return refused(&error),
    };
    let pairs: Vec<(String, String)> =
        url::form_urlencoded::parse(query.unwrap_or_default().as_bytes())
            .into_owned()
            .collect();
    let view = NumbersView::from_query(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let numbers = match export_numbers(&services, &watcher.project, &view).await {
        Ok(numbers) => numbers,
        Err(error) => return refused(&error),
    };
    let Ok(body) = write(numbers) else {
        return refused(&AppError::Unavailable);
    };
    let file = format!(
        "attachment; filename=\"{}-numbers.csv\"",
        watcher.project.as_str()
    );
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, file),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        body,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_text_never_reaches_a_spreadsheet_as_a_formula() {
        assert_eq!(literal("London"), "London");
        assert_eq!(literal("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(literal("+1 sales"), "'+1 sales");
        assert_eq!(literal("@SUM(A1)"), "'@SUM(A1)");
    }
}
