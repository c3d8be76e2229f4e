//! What part of a project's numbers the Numbers page shows: a search, filters, a sort and one
//! page per environment section, all read from and written to the page's URL query
//! (UI-CONTRACT "Finding numbers"). Bad or unknown values fall back to the default.

use super::{Environment, IntegrationKind, VariantId};
use serde::{Deserialize, Serialize};

/// Rows per section page.
pub const PAGE_SIZE: u64 = 50;

/// The longest search the page keeps, in characters (longer input is cut, never refused).
pub const MAX_SEARCH_CHARS: usize = 64;

/// One way a number's E.164 form can match a search; its digits are ASCII `0`-`9` only, so
/// they are safe inside a SQL `LIKE` pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DigitsPattern {
    /// The E.164 form starts with `+` and these digits (typed with `+`, `00` or `011`).
    Prefix(String),
    /// The E.164 form holds these digits anywhere.
    Contains(String),
    /// The national number (after a 1-3 digit country code, ITU-T E.164) starts with these
    /// digits: a national form typed with its trunk `0`, which E.164 drops.
    National(String),
}

impl DigitsPattern {
    /// The pattern's digits (ASCII, 1 to 15 of them).
    pub fn digits(&self) -> &str {
        match self {
            Self::Prefix(d) | Self::Contains(d) | Self::National(d) => d,
        }
    }
}

/// What a search matches: a number matching any of its patterns (none: nothing matches).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DigitsMatch(Vec<DigitsPattern>);

impl DigitsMatch {
    /// Reads a search as typed; `digit` gives a character's decimal value (the server reads
    /// every script's digits). Separators are ignored: `+44 20 7946`, `020 7946 0123`, `7946`,
    /// `+1 (212) 555` all work; `011…` is NANP's exit code or a UK national number (Leeds is
    /// `0113`), so it matches both. `None`: an empty search. E.164 numbers hold at most 15
    /// digits (ITU-T E.164 §6); a longer search matches nothing.
    pub fn parse(typed: &str, digit: impl Fn(char) -> Option<u32>) -> Option<Self> {
        use DigitsPattern::{Contains, National, Prefix};
        let typed = typed.trim();
        if typed.is_empty() {
            return None;
        }
        let digits: String = typed
            .chars()
            .filter_map(|c| digit(c).and_then(|d| char::from_digit(d, 10)))
            .collect();
        let fits = |d: &str| !d.is_empty() && d.len() <= 15;
        let plus = typed.starts_with('+') || typed.starts_with('\u{FF0B}');
        let mut patterns = Vec::new();
        if plus {
            patterns.push(Prefix(digits));
        } else if let Some(rest) = digits.strip_prefix("00").filter(|r| !r.is_empty()) {
            // `00` is the international prefix: no national number starts with it.
            patterns.push(Prefix(rest.to_owned()));
        } else if let Some(national) = digits.strip_prefix('0').filter(|n| !n.is_empty()) {
            if let Some(rest) = digits.strip_prefix(super::area_code::NANP_EXIT_CODE) {
                patterns.push(Prefix(rest.to_owned()));
            }
            patterns.push(National(national.to_owned()));
            patterns.push(Contains(digits.clone()));
        } else {
            patterns.push(Contains(digits));
        }
        patterns.retain(|p| fits(p.digits()));
        Some(Self(patterns))
    }

    /// The patterns, any of which matches (empty: nothing does).
    pub fn patterns(&self) -> &[DigitsPattern] {
        &self.0
    }
}

/// A combobox of the finder whose choice is a URL value (UI-CONTRACT "Finding numbers").
pub trait ViewChoice: Copy + PartialEq + Default + 'static {
    /// Each choice with its URL value (`""` for the default) and its label, in order.
    const CHOICES: &'static [(Self, &'static str, &'static str)];

    /// The URL value (`""` for the default).
    fn slug(self) -> &'static str {
        Self::CHOICES
            .iter()
            .find(|c| c.0 == self)
            .map_or("", |c| c.1)
    }

    /// What the combobox shows.
    fn label(self) -> &'static str {
        Self::CHOICES
            .iter()
            .find(|c| c.0 == self)
            .map_or("", |c| c.2)
    }

    /// Every choice, in the combobox's order.
    fn all() -> impl Iterator<Item = Self> {
        Self::CHOICES.iter().map(|c| c.0)
    }

    /// The choice of a URL value; an unknown one is the default.
    fn parse(value: &str) -> Self {
        Self::CHOICES
            .iter()
            .find(|c| !c.1.is_empty() && c.1 == value)
            .map_or_else(Self::default, |c| c.0)
    }
}

/// Which deletion state the sections list (UI-CONTRACT values in brackets).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum StateFilter {
    /// In use (the default; deleted numbers are listed above the sections).
    #[default]
    All,
    /// In use (`active`).
    Active,
    /// Deleted, inside the undo window or being released (`pending-release`).
    BeingDeleted,
    /// The provider refused or failed to take it back (`release-failed`).
    ReleaseFailed,
}

impl ViewChoice for StateFilter {
    const CHOICES: &'static [(Self, &'static str, &'static str)] = &[
        (Self::All, "", "All"),
        (Self::Active, "active", "Active"),
        (Self::BeingDeleted, "pending-release", "Being deleted"),
        (Self::ReleaseFailed, "release-failed", "Release failed"),
    ];
}

/// Which variant the sections list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum VariantFilter {
    /// Any (the default).
    #[default]
    All,
    /// Numbers without a variant (`none`).
    Unassigned,
    /// Numbers assigned this variant (its id).
    Assigned(VariantId),
}

impl VariantFilter {
    /// The URL value (`""` for the default).
    pub fn slug(self) -> String {
        match self {
            Self::All => String::new(),
            Self::Unassigned => "none".into(),
            Self::Assigned(id) => id.0.to_string(),
        }
    }

    fn parse(value: &str) -> Self {
        match value {
            "none" => Self::Unassigned,
            _ => value
                .parse::<i64>()
                .ok()
                .filter(|id| *id > 0)
                .map_or(Self::All, |id| Self::Assigned(VariantId(id))),
        }
    }
}

/// The order of each section's rows; every order ends with the row's identity, so pages never
/// overlap or skip a row.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum NumberSort {
    /// Date added, oldest first (the default).
    #[default]
    Oldest,
    /// Date added, newest first (`newest`).
    Newest,
    /// By E.164 number (`number`).
    Number,
}

impl ViewChoice for NumberSort {
    const CHOICES: &'static [(Self, &'static str, &'static str)] = &[
        (Self::Oldest, "", "Date added, oldest first"),
        (Self::Newest, "newest", "Date added, newest first"),
        (Self::Number, "number", "Number"),
    ];
}

/// The most numbers one REST API list answer holds.
pub const MAX_LIST_LIMIT: u64 = 200;

/// One page of the REST API's number list: the page's filters (search, source, variant,
/// state; its sort and section pages unused), one environment or all, in E.164 order after the
/// cursor `after` (the last number of the previous page), at most `limit` numbers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumbersQuery {
    /// Only this environment's numbers (`None`: every environment's).
    pub environment: Option<Environment>,
    /// The filters, as the Numbers page reads them.
    pub filters: NumbersView,
    /// Start after this number (`None`: from the first).
    pub after: Option<super::E164>,
    /// At most this many, 1 to [`MAX_LIST_LIMIT`].
    pub limit: u64,
}

/// The source filter's URL value of an integration (UI-CONTRACT: `polyai`, `twilio`).
pub fn source_slug(source: IntegrationKind) -> &'static str {
    match source {
        IntegrationKind::BuiltInPool => "polyai",
        IntegrationKind::Twilio => "twilio",
    }
}

/// The Numbers page's view: what is searched and filtered, the order, and each section's page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NumbersView {
    /// The search as typed (trimmed, at most [`MAX_SEARCH_CHARS`]); empty: none.
    pub search: String,
    /// Only numbers of this source.
    pub source: Option<IntegrationKind>,
    /// Only numbers of this variant (or without one).
    pub variant: VariantFilter,
    /// Which deletion state.
    pub state: StateFilter,
    /// The rows' order.
    pub sort: NumberSort,
    /// Each section's page, from 1, in [`Environment::ALL`]'s order.
    pub pages: [u64; 3],
}

impl Default for NumbersView {
    /// Everything, oldest first, first pages.
    fn default() -> Self {
        Self {
            search: String::new(),
            source: None,
            variant: VariantFilter::All,
            state: StateFilter::All,
            sort: NumberSort::Oldest,
            pages: [1; 3],
        }
    }
}

/// The URL parameter of an environment's page (`sandbox_page`, `pre-release_page`, `live_page`).
fn page_param(environment: Environment) -> String {
    format!("{}_page", environment.slug())
}

impl NumbersView {
    /// Reads the view from URL query pairs; anything unknown or bad is the default.
    pub fn from_query<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut view = Self::default();
        for (key, value) in pairs {
            match key {
                "q" => view.search = value.trim().chars().take(MAX_SEARCH_CHARS).collect(),
                "source" => {
                    view.source = [IntegrationKind::BuiltInPool, IntegrationKind::Twilio]
                        .into_iter()
                        .find(|s| source_slug(*s) == value);
                }
                "variant" => view.variant = VariantFilter::parse(value),
                "state" => view.state = StateFilter::parse(value),
                "sort" => view.sort = NumberSort::parse(value),
                _ => {
                    if let Some((i, _)) = Environment::ALL
                        .iter()
                        .enumerate()
                        .find(|(_, env)| page_param(**env) == key)
                    {
                        view.pages[i] = read_page(value);
                    }
                }
            }
        }
        view
    }

    /// The URL query of this view (`?…`, or `""` for the default), leaving defaults out.
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(String, String)> = Vec::new();
        if !self.search.is_empty() {
            pairs.push(("q".into(), self.search.clone()));
        }
        if let Some(source) = self.source {
            pairs.push(("source".into(), source_slug(source).into()));
        }
        let variant = self.variant.slug();
        if !variant.is_empty() {
            pairs.push(("variant".into(), variant));
        }
        if self.state != StateFilter::All {
            pairs.push(("state".into(), self.state.slug().into()));
        }
        if self.sort != NumberSort::Oldest {
            pairs.push(("sort".into(), self.sort.slug().into()));
        }
        for (i, env) in Environment::ALL.iter().enumerate() {
            if self.pages[i] > 1 {
                pairs.push((page_param(*env), self.pages[i].to_string()));
            }
        }
        if pairs.is_empty() {
            return String::new();
        }
        let encoded: Vec<String> = pairs
            .iter()
            .map(|(k, v)| format!("{k}={}", encode(v)))
            .collect();
        format!("?{}", encoded.join("&"))
    }

    /// The page of `environment`'s section.
    pub fn page(&self, environment: Environment) -> u64 {
        self.pages[env_index(environment)]
    }

    /// This view showing page `page` of `environment`.
    pub fn at_page(&self, environment: Environment, page: u64) -> Self {
        let mut view = self.clone();
        view.pages[env_index(environment)] = page.max(1);
        view
    }

    /// Whether a search or filter narrows the sections.
    pub fn is_filtered(&self) -> bool {
        !self.search.is_empty()
            || self.source.is_some()
            || self.variant != VariantFilter::All
            || self.state != StateFilter::All
    }

    /// This view with its variant filter ignored unless it names one of `variants` (the
    /// project's draft, which the Assigned variant combobox offers).
    pub fn with_known_variants(&self, variants: &[VariantId]) -> Self {
        let mut view = self.clone();
        if let VariantFilter::Assigned(id) = view.variant
            && !variants.contains(&id)
        {
            view.variant = VariantFilter::All;
        }
        view
    }

    /// This view without search and filters (sort kept), from the first page.
    pub fn cleared(&self) -> Self {
        Self {
            sort: self.sort,
            ..Self::default()
        }
    }
}

/// A page number from the URL: a page past `u64` (all digits) is the last, anything else not a
/// page from 1 is the first.
fn read_page(value: &str) -> u64 {
    match value.parse::<u64>() {
        Ok(page) => page.max(1),
        Err(_) if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) => u64::MAX,
        Err(_) => 1,
    }
}

fn env_index(environment: Environment) -> usize {
    Environment::ALL
        .iter()
        .position(|e| *e == environment)
        .unwrap_or(0)
}

/// Percent-encodes a query value (RFC 3986 unreserved characters kept).
fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(char::from(byte));
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// A section's place in its rows: e.g. `51–100 of 10,000` (`0 of 0` when empty).
pub fn range_text(page: u64, total: u64) -> String {
    if total == 0 {
        return "0 of 0".into();
    }
    let page = page.clamp(1, page_count(total));
    let first = (page - 1) * PAGE_SIZE + 1;
    let last = (page * PAGE_SIZE).min(total);
    format!("{}–{} of {}", grouped(first), grouped(last), grouped(total))
}

/// The number of pages `total` rows fill (at least 1).
pub fn page_count(total: u64) -> u64 {
    total.div_ceil(PAGE_SIZE).max(1)
}

/// How many numbers, as people write it: `1 number`, `10,000 numbers` (`0 numbers`).
pub fn numbers_count(n: u64) -> String {
    match n {
        1 => "1 number".into(),
        n => format!("{} numbers", grouped(n)),
    }
}

/// `10000` as `10,000`.
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ascii(c: char) -> Option<u32> {
        c.to_digit(10)
    }

    #[test]
    fn searches_read_numbers_as_people_type_them() {
        use DigitsPattern::{Contains, National, Prefix};
        let parse = |s: &str| DigitsMatch::parse(s, ascii).map(|m| m.patterns().to_vec());
        let cases: [(&str, Vec<DigitsPattern>); 13] = [
            ("+44 20 7946", vec![Prefix("44207946".into())]),
            ("+1 (212) 555", vec![Prefix("1212555".into())]),
            ("0044 20", vec![Prefix("4420".into())]),
            (
                "011 1 212",
                vec![
                    Prefix("1212".into()),
                    National("111212".into()),
                    Contains("0111212".into()),
                ],
            ),
            (
                "0113 496",
                vec![
                    Prefix("3496".into()),
                    National("113496".into()),
                    Contains("0113496".into()),
                ],
            ),
            (
                "020 7946 0123",
                vec![
                    National("2079460123".into()),
                    Contains("02079460123".into()),
                ],
            ),
            // A last four that starts with 0 still finds numbers holding those four digits.
            (
                "0123",
                vec![National("123".into()), Contains("0123".into())],
            ),
            ("7946", vec![Contains("7946".into())]),
            // While typing: a lone 0 or 00 is a run of digits like any other.
            ("0", vec![Contains("0".into())]),
            ("00", vec![National("0".into()), Contains("00".into())]),
            ("London", vec![]),
            ("+", vec![]),
            (&"9".repeat(16), vec![]),
        ];
        for (typed, patterns) in cases {
            assert_eq!(parse(typed), Some(patterns), "{typed}");
        }
        assert_eq!(parse("   "), None);
        assert_eq!(
            DigitsMatch::parse("\u{FF10}\u{FF12}\u{FF10}", |c| {
                c.to_digit(10)
                    .or_else(|| u32::from(c).checked_sub(0xFF10).filter(|d| *d < 10))
            })
            .map(|m| m.patterns().to_vec()),
            Some(vec![National("20".into()), Contains("020".into())]),
            "full-width digits"
        );
    }

    #[test]
    fn the_view_round_trips_through_the_url() {
        let view = NumbersView {
            search: "+44 20".into(),
            source: Some(IntegrationKind::Twilio),
            variant: VariantFilter::Assigned(VariantId(7)),
            state: StateFilter::ReleaseFailed,
            sort: NumberSort::Newest,
            pages: [2, 1, 3],
        };
        let query = view.to_query();
        assert_eq!(
            query,
            "?q=%2B44%2020&source=twilio&variant=7&state=release-failed&sort=newest&sandbox_page=2&live_page=3"
        );
        let pairs: Vec<(String, String)> = url_pairs(&query);
        let read = NumbersView::from_query(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        assert_eq!(read, view);
        assert_eq!(NumbersView::from_query([]).to_query(), "");
    }

    /// Decodes `?a=b&…` the way a browser's URLSearchParams would, for the round trip.
    fn url_pairs(query: &str) -> Vec<(String, String)> {
        query
            .trim_start_matches('?')
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .map(|(k, v)| {
                let bytes = v.as_bytes();
                let mut out = Vec::new();
                let mut i = 0;
                while i < bytes.len() {
                    if bytes[i] == b'%' {
                        out.push(u8::from_str_radix(&v[i + 1..i + 3], 16).unwrap());
                        i += 3;
                    } else {
                        out.push(bytes[i]);
                        i += 1;
                    }
                }
                (k.to_owned(), String::from_utf8(out).unwrap())
            })
            .collect()
    }

    #[test]
    fn bad_values_fall_back_to_the_default() {
        let view = NumbersView::from_query([
            ("source", "vonage"),
            ("variant", "-3"),
            ("state", "gone"),
            ("sort", "random"),
            ("sandbox_page", "0"),
            ("live_page", "-2"),
            ("unknown", "x"),
        ]);
        assert_eq!(view, NumbersView::from_query([]));
        let past_the_end =
            NumbersView::from_query([("pre-release_page", "99999999999999999999999")]);
        assert_eq!(
            past_the_end.page(Environment::PreRelease),
            u64::MAX,
            "the last page"
        );
        let long = "٣".repeat(500);
        let view = NumbersView::from_query([("q", long.as_str()), ("variant", "none")]);
        assert_eq!(view.search.chars().count(), MAX_SEARCH_CHARS);
        assert_eq!(view.variant, VariantFilter::Unassigned);
        assert!(view.is_filtered());
        assert!(!view.cleared().is_filtered());
    }

    #[test]
    fn a_variant_the_project_does_not_have_is_ignored() {
        let view = NumbersView::from_query([("variant", "7"), ("q", "7946")]);
        let known = [VariantId(3), VariantId(7)];
        assert_eq!(view.with_known_variants(&known), view);
        let other = view.with_known_variants(&[VariantId(3)]);
        assert_eq!(other.variant, VariantFilter::All);
        assert_eq!(other.search, "7946", "the rest of the view stays");
        let none = NumbersView::from_query([("variant", "none")]);
        assert_eq!(none.with_known_variants(&[]), none);
    }

    #[test]
    fn ranges_read_like_people_count() {
        assert_eq!(range_text(2, 10_000), "51–100 of 10,000");
        assert_eq!(range_text(1, 7), "1–7 of 7");
        assert_eq!(range_text(200, 10_000), "9,951–10,000 of 10,000");
        assert_eq!(range_text(0, 7), "1–7 of 7");
        assert_eq!(range_text(u64::MAX, 120), "101–120 of 120");
        assert_eq!(page_count(0), 1);
        assert_eq!(page_count(50), 1);
        assert_eq!(page_count(51), 2);
        assert_eq!(grouped(1_234_567), "1,234,567");
        assert_eq!(numbers_count(1), "1 number");
        assert_eq!(numbers_count(10_002), "10,002 numbers");
    }
}
