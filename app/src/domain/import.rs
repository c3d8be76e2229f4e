//! Importing numbers to connect from a pasted list or a CSV file (the Numbers page's `Import`
//! action): which column holds what, what each row asks for, and what became of it. The CSV
//! text is split into records by the server (the `csv` crate); the rules here are pure.

use super::Environment;
use serde::{Deserialize, Serialize};

/// The most rows one import takes.
pub const MAX_IMPORT_ROWS: usize = 100;

/// Header names read as the number column (compared without regard to case, `_`, `-`, space).
const NUMBER_HEADERS: [&str; 5] = ["phonenumber", "number", "phone", "e164", "twilionumber"];

/// Header names read as the variant column.
const VARIANT_HEADERS: [&str; 2] = ["variant", "assignedvariant"];

/// One row to import, as read: its line in the text (from 1), the number and variant as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportLine {
    /// Where it is in the text (from 1, counting a header).
    pub line: usize,
    /// The number as typed.
    pub number: String,
    /// The variant's name as typed, if given.
    pub variant: Option<String>,
}

fn folded(header: &str) -> String {
    header
        .chars()
        .filter(|c| !matches!(c, '_' | '-' | ' '))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Reads CSV `records` (each with its line number): with a header row naming a number column
/// (`phone_number`, `number`, …) and maybe a `variant` column, those columns; without one, the
/// first field is the number and a second, if any, the variant. Blank records are skipped. The
/// error says why nothing can be read: no rows, too many, or a header without a number column.
pub fn read_records(records: &[(usize, Vec<String>)]) -> Result<Vec<ImportLine>, String> {
    let records: Vec<&(usize, Vec<String>)> = records
        .iter()
        .filter(|(_, fields)| fields.iter().any(|f| !f.trim().is_empty()))
        .collect();
    let Some((_, first)) = records.first() else {
        return Err("Paste numbers, one per line, or choose a CSV file.".into());
    };
    let is_header = first.iter().any(|f| {
        NUMBER_HEADERS.contains(&folded(f).as_str())
            || VARIANT_HEADERS.contains(&folded(f).as_str())
    });
    let (number_at, variant_at, rows) = if is_header {
        let number_at = first
            .iter()
            .position(|f| NUMBER_HEADERS.contains(&folded(f).as_str()))
            .ok_or("The header row has no phone_number column.")?;
        let variant_at = first
            .iter()
            .position(|f| VARIANT_HEADERS.contains(&folded(f).as_str()));
        (number_at, variant_at, &records[1..])
    } else {
        (0, Some(1), &records[..])
    };
    if rows.len() > MAX_IMPORT_ROWS {
        return Err(format!(
            "An import takes at most {MAX_IMPORT_ROWS} numbers; this one has {}. Split it.",
            rows.len()
        ));
    }
    if rows.is_empty() {
        return Err("The file has a header but no numbers.".into());
    }
    Ok(rows
        .iter()
        .map(|(line, fields)| {
            let field = |at: usize| fields.get(at).map(|f| f.trim().to_owned());
            ImportLine {
                line: *line,
                number: field(number_at).unwrap_or_default(),
                variant: variant_at.and_then(field).filter(|v| !v.is_empty()),
            }
        })
        .collect())
}

/// What happens, or happened, to one row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RowOutcome {
    /// Previewed: importing will connect it.
    WillConnect,
    /// Previewed: importing will connect it, taking its calls from the voice URL it has now
    /// (shortened for people; deleting the number later restores it).
    WillTakeOver(String),
    /// Imported: connected.
    Connected,
    /// Not imported, and why, in plain words.
    Refused(String),
}

impl RowOutcome {
    /// What the table says.
    pub fn text(&self) -> String {
        match self {
            Self::WillConnect => "Will be connected".into(),
            Self::WillTakeOver(url) => {
                format!("Will be connected: its calls go to {url} now and will come here.")
            }
            Self::Connected => "Connected".into(),
            Self::Refused(why) => why.clone(),
        }
    }

    /// Whether the row is (or was) fine.
    pub fn is_ok(&self) -> bool {
        !matches!(self, Self::Refused(_))
    }
}

/// One row of an import's preview or result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportRow {
    /// Its line in the text (from 1).
    pub line: usize,
    /// The number as typed.
    pub typed: String,
    /// The number in E.164 form, when it could be read.
    pub e164: Option<String>,
    /// The variant asked for, if any.
    pub variant: Option<String>,
    /// What happens or happened to it.
    pub outcome: RowOutcome,
}

/// An import's rows, previewed (nothing changed yet) or applied.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    /// Where the numbers go.
    pub environment: Environment,
    /// Every row, in the text's order.
    pub rows: Vec<ImportRow>,
    /// Applied (`true`) or a preview.
    pub applied: bool,
}

impl ImportReport {
    /// How many rows will be (preview) or were (applied) connected.
    pub fn good(&self) -> usize {
        self.rows.iter().filter(|r| r.outcome.is_ok()).count()
    }

    /// One line for people: `2 of 3 numbers will be connected; 1 cannot be.`
    pub fn summary(&self) -> String {
        let (good, bad) = (self.good(), self.rows.len() - self.good());
        let total = self.rows.len();
        let noun = if total == 1 { "number" } else { "numbers" };
        let done = match (self.applied, good) {
            (false, _) => "will be connected",
            (true, 1) => "was connected",
            (true, _) => "were connected",
        };
        let rest = match (self.applied, bad) {
            (_, 0) => String::new(),
            (false, 1) => "; 1 cannot be".into(),
            (false, n) => format!("; {n} cannot be"),
            (true, 1) => "; 1 was not".into(),
            (true, n) => format!("; {n} were not"),
        };
        format!("{good} of {total} {noun} {done}{rest}.")
    }
}

/// The line of an earlier row in `seen` that will connect `e164`, if any (a refused row
/// connects nothing, so a later one may still).
pub fn listed_before(seen: &[ImportRow], e164: &str) -> Option<usize> {
    seen.iter()
        .find(|r| r.e164.as_deref() == Some(e164) && r.outcome.is_ok())
        .map(|r| r.line)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(rows: &[&[&str]]) -> Vec<(usize, Vec<String>)> {
        rows.iter()
            .enumerate()
            .map(|(i, r)| (i + 1, r.iter().map(|f| (*f).to_owned()).collect()))
            .collect()
    }

    #[test]
    fn a_header_names_the_columns_in_any_order_and_case() {
        let read = read_records(&records(&[
            &["Variant", "Phone Number"],
            &["London", "+14155550100"],
            &["", " 0113 496 0456 "],
            &["", ""],
        ]))
        .unwrap();
        assert_eq!(
            read,
            [
                ImportLine {
                    line: 2,
                    number: "+14155550100".into(),
                    variant: Some("London".into())
                },
                ImportLine {
                    line: 3,
                    number: "0113 496 0456".into(),
                    variant: None
                },
            ]
        );
    }

    #[test]
    fn without_a_header_the_number_comes_first() {
        let read =
            read_records(&records(&[&["+14155550100"], &["+14155550101", "Leeds"]])).unwrap();
        assert_eq!(read[0].number, "+14155550100");
        assert_eq!(read[0].variant, None);
        assert_eq!(read[1].variant.as_deref(), Some("Leeds"));
        assert_eq!(read[1].line, 2);
    }

    #[test]
    fn nothing_to_read_says_why() {
        assert!(
            read_records(&records(&[&[""], &[" "]]))
                .unwrap_err()
                .contains("Paste numbers")
        );
        assert!(
            read_records(&records(&[&["variant", "colour"]]))
                .unwrap_err()
                .contains("phone_number")
        );
        assert!(
            read_records(&records(&[&["phone_number"]]))
                .unwrap_err()
                .contains("no numbers")
        );
        let many: Vec<(usize, Vec<String>)> = (1..=101)
            .map(|i| (i, vec![format!("+1415555{i:04}")]))
            .collect();
        assert!(read_records(&many).unwrap_err().contains("at most 100"));
    }

    #[test]
    fn summaries_count_good_and_bad_rows() {
        let row = |outcome| ImportRow {
            line: 1,
            typed: "x".into(),
            e164: None,
            variant: None,
            outcome,
        };
        let mut report = ImportReport {
            environment: Environment::Sandbox,
            rows: vec![
                row(RowOutcome::WillConnect),
                row(RowOutcome::Refused("no".into())),
                row(RowOutcome::WillConnect),
            ],
            applied: false,
        };
        assert_eq!(
            report.summary(),
            "2 of 3 numbers will be connected; 1 cannot be."
        );
        report.applied = true;
        report.rows = vec![row(RowOutcome::Connected)];
        assert_eq!(report.summary(), "1 of 1 number was connected.");
        assert_eq!(
            listed_before(
                &[ImportRow {
                    e164: Some("+1".into()),
                    line: 4,
                    ..row(RowOutcome::WillConnect)
                }],
                "+1"
            ),
            Some(4)
        );
    }
}
