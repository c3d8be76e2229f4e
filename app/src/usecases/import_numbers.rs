//! Importing numbers to connect from a pasted list or CSV file: a preview that changes nothing
//! and says what each row will do, then the import, each row connected on its own through
//! [`connect_number`] (one bad row never blocks the others).

use super::connect_number::{ConnectNumber, connect_number, connectable};
use crate::domain::import::{
    ImportLine, ImportReport, ImportRow, RowOutcome, listed_before, read_records,
};
use crate::domain::{E164, Environment, ProjectSlug, Publications, phone_format, published_named};
use crate::error::AppError;
use crate::ports::{Services, TwilioAccount};

/// An import asked for by a member with Edit.
#[derive(Clone, Debug)]
pub struct ImportNumbers {
    /// The project.
    pub project: ProjectSlug,
    /// Where the numbers go.
    pub environment: Environment,
    /// The pasted list or the CSV file's text.
    pub text: String,
    /// Who imports.
    pub actor: String,
}

/// `text` split into CSV records, one per line (`,`, `;` or tab separated, as spreadsheets
/// save them), each with its line number from 1; the error says why a line cannot be read.
fn records(text: &str) -> Result<Vec<(usize, Vec<String>)>, AppError> {
    // Spreadsheets often save UTF-8 with a byte order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default();
    let delimiter = [b'\t', b';']
        .into_iter()
        .find(|d| first.as_bytes().contains(d) && !first.contains(','))
        .unwrap_or(b',');
    let mut out = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(line.as_bytes());
        let fields = match reader.records().next() {
            None => Vec::new(),
            Some(Ok(record)) => record.iter().map(str::to_owned).collect(),
            Some(Err(e)) => {
                let message = format!("Line {} could not be read: {e}.", index + 1);
                return Err(AppError::invalid("text", message));
            }
        };
        out.push((index + 1, fields));
    }
    Ok(out)
}

/// Which pass over the rows: the preview asks Twilio about each number; the import leaves that
/// to [`connect_number`], which asks anyway.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pass {
    Preview,
    Import,
}

/// What the project has for an import: its Twilio account and publications.
async fn setting(
    services: &Services,
    project: &ProjectSlug,
) -> Result<(TwilioAccount, Publications), AppError> {
    let overview = super::overview(services, project).await?;
    let account = services.connections.twilio_account(project).await?.ok_or_else(|| {
        AppError::Rejected(
            "This project has no Twilio integration to connect numbers from: connect a Twilio account on its Integrations page first.".into(),
        )
    })?;
    Ok((account, overview.publications))
}

/// What `line` will do, given the rows before it; `None` for its number when unreadable.
async fn preview_line(
    services: &Services,
    command: &ImportNumbers,
    (account, publications): &(TwilioAccount, Publications),
    line: ImportLine,
    before: &[ImportRow],
    pass: Pass,
) -> Result<ImportRow, AppError> {
    let mut row = ImportRow {
        line: line.line,
        typed: line.number.clone(),
        e164: None,
        variant: line.variant.clone(),
        outcome: RowOutcome::WillConnect,
    };
    let e164 = match phone_format::normalise(&line.number) {
        Ok(e164) => e164,
        Err(e) => {
            row.outcome = RowOutcome::Refused(e.to_string());
            return Ok(row);
        }
    };
    row.e164 = Some(e164.to_string());
    let facts = Facts {
        account,
        publications,
        before,
        pass,
    };
    row.outcome = outcome(services, command, &facts, &line, &e164).await?;
    Ok(row)
}

/// What a row is checked against.
struct Facts<'a> {
    account: &'a TwilioAccount,
    publications: &'a Publications,
    /// The rows before it.
    before: &'a [ImportRow],
    pass: Pass,
}

/// What importing `e164` (read from `line`) will do: connect it (saying whose calls it takes
/// over), or why not; Twilio unreachable fails the whole preview.
async fn outcome(
    services: &Services,
    command: &ImportNumbers,
    facts: &Facts<'_>,
    line: &ImportLine,
    e164: &E164,
) -> Result<RowOutcome, AppError> {
    let refused = |why: String| Ok(RowOutcome::Refused(why));
    let Facts {
        account,
        publications,
        before,
        pass,
    } = facts;
    if let Some(first) = listed_before(before, e164.as_str()) {
        return refused(format!("Listed already, on line {first}."));
    }
    if let Some(name) = &line.variant
        && published_named(publications, command.environment, name).is_none()
    {
        return refused(format!(
            "No variant named \u{201c}{}\u{201d} is published to {}.",
            crate::domain::text::excerpt(name),
            command.environment.label()
        ));
    }
    if services
        .projects
        .number(&command.project, e164)
        .await?
        .is_some()
    {
        return refused("Already in this project.".into());
    }
    if services.routing.route_facts(e164).await?.is_some() {
        return refused(format!("{e164} is already connected to a project."));
    }
    if *pass == Pass::Import {
        return Ok(RowOutcome::WillConnect);
    }
    match connectable(services, account, e164).await {
        Ok(owned) => Ok(match owned.voice_url.filter(|url| !url.trim().is_empty()) {
            Some(url) => RowOutcome::WillTakeOver(crate::domain::text::excerpt(&url)),
            None => RowOutcome::WillConnect,
        }),
        Err(AppError::Invalid { message, .. }) => refused(message),
        Err(other) => Err(other),
    }
}

/// Each row of `command.text` checked, in order, by `pass`.
async fn checked_rows(
    services: &Services,
    command: &ImportNumbers,
    setting: &(TwilioAccount, Publications),
    pass: Pass,
) -> Result<Vec<ImportRow>, AppError> {
    let lines = read_records(&records(&command.text)?).map_err(|e| AppError::invalid("text", e))?;
    let mut rows: Vec<ImportRow> = Vec::with_capacity(lines.len());
    for line in lines {
        let row = preview_line(services, command, setting, line, &rows, pass).await?;
        rows.push(row);
    }
    Ok(rows)
}

/// What importing `command.text` would do, row by row; changes nothing.
pub async fn preview_import(
    services: &Services,
    command: &ImportNumbers,
) -> Result<ImportReport, AppError> {
    let setting = setting(services, &command.project).await?;
    Ok(ImportReport {
        environment: command.environment,
        rows: checked_rows(services, command, &setting, Pass::Preview).await?,
        applied: false,
    })
}

/// Imports `command.text`: every row the preview would connect is connected now (checked
/// again as it is, Twilio asked once per number), each on its own; returns what became of
/// each row.
pub async fn import_numbers(
    services: &Services,
    command: ImportNumbers,
) -> Result<ImportReport, AppError> {
    let setting = setting(services, &command.project).await?;
    let checked = checked_rows(services, &command, &setting, Pass::Import).await?;
    let mut rows = Vec::with_capacity(checked.len());
    // The line where Twilio failed: later rows are not tried (each would wait for it too).
    let mut twilio_failed: Option<usize> = None;
    for mut row in checked {
        if let (RowOutcome::WillConnect | RowOutcome::WillTakeOver(_), Some(e164)) =
            (&row.outcome, &row.e164)
        {
            if let Some(line) = twilio_failed {
                row.outcome = RowOutcome::Refused(format!(
                    "Not tried: Twilio failed on line {line}. Import this number again."
                ));
                rows.push(row);
                continue;
            }
            let number = E164::parse(e164).map_err(|_| AppError::Unavailable)?;
            // Checked by the row's pass against these same publications.
            let variant = row
                .variant
                .as_deref()
                .and_then(|name| published_named(&setting.1, command.environment, name));
            let connect = ConnectNumber {
                project: command.project.clone(),
                environment: command.environment,
                number,
                variant,
                actor: command.actor.clone(),
            };
            row.outcome = match connect_number(services, connect).await {
                Ok(_) => RowOutcome::Connected,
                Err(e @ (AppError::Provider(_) | AppError::OutcomeUnknown(_))) => {
                    // Nothing connected yet: the import fails as a whole, as its preview would.
                    if !rows
                        .iter()
                        .any(|r: &ImportRow| r.outcome == RowOutcome::Connected)
                    {
                        return Err(e);
                    }
                    twilio_failed = Some(row.line);
                    RowOutcome::Refused(e.to_string())
                }
                Err(e) => RowOutcome::Refused(e.to_string()),
            };
        }
        rows.push(row);
    }
    Ok(ImportReport {
        environment: command.environment,
        rows,
        applied: true,
    })
}
