//! NANP area codes (NPAs) for buying local numbers, checked against the categories of NANPA's
//! NPA report (<https://nationalnanpa.com/nanp1/npa_report.csv>, columns `type_of_code`,
//! `ASSIGNABLE`, `EXPLANATION` and `USE`): only general-purpose geographic codes have local
//! numbers. A geographic code this product has no stock for is not refused here; buying
//! answers "no numbers available" for it.

use super::Country;
use super::canadian_area_codes::is_canadian;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The NANP's international prefix ("exit code"), dialled before a country code from the US
/// and Canada (ITU-T Operational Bulletin 994, list of international prefixes).
pub const NANP_EXIT_CODE: &str = "011";

/// A 3-digit NANP area code that may hold local numbers (NANPA use `G`, geographic).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AreaCode(u16);

/// What a non-geographic code is for, in the words of NANPA's `EXPLANATION`/`SERVICE` columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NonGeographic {
    /// Toll-free service (800, 833, 844, 855, 866, 877, 888; 822 assigned; 880-887, 889 set
    /// aside for toll-free).
    TollFree,
    /// Premium services (900).
    Premium,
    /// Interexchange carrier services (700).
    CarrierServices,
    /// Non-geographic personal communications services (500 and the 5XX codes NANPA marks `N`).
    PersonalCommunications,
    /// Inbound international services (456).
    InboundInternational,
    /// The US government (710).
    UsGovernment,
    /// Canadian non-geographic tariffed services (600, 622).
    CanadianServices,
    /// NANP directory assistance (555).
    DirectoryAssistance,
}

impl NonGeographic {
    /// What the code is for, as a person reads it.
    fn what(self) -> &'static str {
        match self {
            Self::TollFree => "a toll-free code",
            Self::Premium => "for premium-rate services",
            Self::CarrierServices => "for long-distance carrier services",
            Self::PersonalCommunications => {
                "a non-geographic code for personal communications services"
            }
            Self::InboundInternational => "for inbound international services",
            Self::UsGovernment => "for the US government",
            Self::CanadianServices => "for Canadian non-geographic services",
            Self::DirectoryAssistance => "for directory assistance",
        }
    }
}

/// Why an area code was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AreaCodeError {
    /// Not exactly three digits.
    #[error("An area code has exactly 3 digits.")]
    NotThreeDigits,
    /// Starts with 0 or 1.
    #[error("An area code starts with a digit from 2 to 9.")]
    BadFirstDigit,
    /// N11 codes (211, 311, … 911) are service codes (NANPA: "N11 Code", not assignable).
    #[error("{0} is a service code, not an area code.")]
    ServiceCode(String),
    /// A code for a non-geographic service, which has no local numbers.
    #[error("{code} is {}; choose a local area code.", .kind.what())]
    NonGeographic {
        /// The code.
        code: String,
        /// What it is for.
        kind: NonGeographic,
    },
    /// N9X codes are held for expanding the numbering plan (NANPA: "Expansion Code"); 37X and
    /// 96X are held for unanticipated purposes (NANPA: "Reserved by INC").
    #[error("{0} is reserved for the future of the numbering plan and has no numbers yet.")]
    Reserved(String),
    /// Easily recognisable codes (N00, and NXX with the last two digits equal) are kept for
    /// non-geographic services (NANPA `type_of_code` "Easily Recognizable Code", use `N`).
    #[error("{0} is kept for non-geographic services; choose a local area code.")]
    EasilyRecognizable(String),
    /// The country's numbers are not chosen by area code.
    #[error("Area codes can only be chosen for US and Canadian numbers.")]
    NotForCountry,
    /// A geographic code of another NANP country than the one chosen.
    #[error("{code} is {}.", other_country_phrase(*.chosen))]
    OtherCountry {
        /// The code.
        code: String,
        /// The country chosen in the dialog.
        chosen: Country,
    },
}

/// The 5XX general-purpose codes NANPA sets aside for non-geographic services (use `N`,
/// service "Non-Geographic Services"); the other 5XX codes are geographic.
const NON_GEOGRAPHIC_5XX: [u16; 26] = [
    521, 523, 524, 525, 526, 527, 528, 529, 532, 535, 538, 542, 543, 545, 546, 547, 549, 550, 552,
    553, 554, 556, 558, 569, 578, 589,
];

/// The category NANPA gives `code` (three digits, the first 2-9), if it is not geographic.
fn category(code: u16) -> Result<(), AreaCodeError> {
    let text = code.to_string();
    let (middle, last) = ((code / 10) % 10, code % 10);
    let non_geographic = |kind| {
        Err(AreaCodeError::NonGeographic {
            code: text.clone(),
            kind,
        })
    };
    match code {
        _ if middle == 1 && last == 1 => Err(AreaCodeError::ServiceCode(text)),
        800 | 822 | 833 | 844 | 855 | 866 | 877 | 888 | 880..=887 | 889 => {
            non_geographic(NonGeographic::TollFree)
        }
        900 => non_geographic(NonGeographic::Premium),
        700 => non_geographic(NonGeographic::CarrierServices),
        500 | 522 | 533 | 544 | 566 | 577 | 588 => {
            non_geographic(NonGeographic::PersonalCommunications)
        }
        c if NON_GEOGRAPHIC_5XX.contains(&c) => {
            non_geographic(NonGeographic::PersonalCommunications)
        }
        456 => non_geographic(NonGeographic::InboundInternational),
        710 => non_geographic(NonGeographic::UsGovernment),
        600 | 622 => non_geographic(NonGeographic::CanadianServices),
        555 => non_geographic(NonGeographic::DirectoryAssistance),
        _ if middle == 9 => Err(AreaCodeError::Reserved(text)),
        370..=379 | 960..=969 => Err(AreaCodeError::Reserved(text)),
        _ if middle == last => Err(AreaCodeError::EasilyRecognizable(text)),
        _ => Ok(()),
    }
}

impl AreaCode {
    /// Parses what was typed, in parentheses or not (`(415)`, as NANP numbers are written);
    /// empty (after trimming) means "any area code".
    pub fn parse_optional(input: &str) -> Result<Option<Self>, AreaCodeError> {
        let input = input.trim();
        let input = input
            .strip_prefix('(')
            .and_then(|i| i.strip_suffix(')'))
            .map_or(input, str::trim);
        if input.is_empty() {
            return Ok(None);
        }
        if input.len() != 3 || !input.bytes().all(|b| b.is_ascii_digit()) {
            return Err(AreaCodeError::NotThreeDigits);
        }
        let code: u16 = input.parse().map_err(|_| AreaCodeError::NotThreeDigits)?;
        if code < 200 {
            return Err(AreaCodeError::BadFirstDigit);
        }
        category(code)?;
        Ok(Some(Self(code)))
    }

    /// Parses what was typed for a number in `country`: US and Canadian numbers take an area
    /// code of their own country (a Canadian code for the US, or any other for Canada, is
    /// refused naming the country); UK numbers take none.
    pub fn parse_for(country: Country, input: &str) -> Result<Option<Self>, AreaCodeError> {
        if !country.has_area_codes() {
            return match input.trim() {
                "" => Ok(None),
                _ => Err(AreaCodeError::NotForCountry),
            };
        }
        let Some(code) = Self::parse_optional(input)? else {
            return Ok(None);
        };
        if (country == Country::Ca) != is_canadian(code.0) {
            return Err(AreaCodeError::OtherCountry {
                code: code.to_string(),
                chosen: country,
            });
        }
        Ok(Some(code))
    }

    /// The code as a number, e.g. 212.
    pub fn value(self) -> u16 {
        self.0
    }
}

/// How an area code of another NANP country is refused for the `chosen` one.
fn other_country_phrase(chosen: Country) -> &'static str {
    match chosen {
        Country::Ca => "not a Canadian area code",
        _ => "a Canadian area code; choose Canada to buy in it",
    }
}

impl fmt::Display for AreaCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:03}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(code: &str) -> AreaCodeError {
        AreaCode::parse_optional(code).expect_err(code)
    }

    #[test]
    fn empty_means_any() {
        assert_eq!(AreaCode::parse_optional(""), Ok(None));
        assert_eq!(AreaCode::parse_optional("   "), Ok(None));
        assert_eq!(
            AreaCode::parse_optional(" (415) ").map(|c| c.map(AreaCode::value)),
            Ok(Some(415))
        );
        assert_eq!(
            AreaCode::parse_optional("(415"),
            Err(AreaCodeError::NotThreeDigits)
        );
    }

    #[test]
    fn only_us_numbers_take_an_area_code() {
        assert_eq!(
            AreaCode::parse_for(Country::Us, "212").map(|c| c.map(AreaCode::value)),
            Ok(Some(212))
        );
        assert_eq!(AreaCode::parse_for(Country::Uk, " "), Ok(None));
        assert_eq!(
            AreaCode::parse_for(Country::Uk, "212"),
            Err(AreaCodeError::NotForCountry)
        );
    }

    #[test]
    fn canadian_codes_are_for_canada_and_the_others_for_the_us() {
        let parsed =
            |country, code| AreaCode::parse_for(country, code).map(|c| c.map(AreaCode::value));
        assert_eq!(parsed(Country::Ca, "416"), Ok(Some(416)));
        assert_eq!(parsed(Country::Ca, ""), Ok(None));
        let us_for_canada = AreaCode::parse_for(Country::Ca, "212").unwrap_err();
        assert_eq!(
            us_for_canada.to_string(),
            "212 is not a Canadian area code."
        );
        let canadian_for_us = AreaCode::parse_for(Country::Us, "604").unwrap_err();
        assert_eq!(
            canadian_for_us.to_string(),
            "604 is a Canadian area code; choose Canada to buy in it."
        );
        assert_eq!(
            AreaCode::parse_for(Country::Ca, "800")
                .unwrap_err()
                .to_string(),
            "800 is a toll-free code; choose a local area code."
        );
    }

    #[test]
    fn geographic_codes_are_local_whether_or_not_there_is_stock() {
        for ok in [
            "212", " 415 ", "646", "907", "201", "226", "501", "551", "587", "989",
        ] {
            let code = AreaCode::parse_optional(ok).unwrap().unwrap();
            assert_eq!(code.to_string(), ok.trim());
        }
    }

    #[test]
    fn malformed_codes() {
        use AreaCodeError::*;
        for (input, expected) in [
            ("12", NotThreeDigits),
            ("2125", NotThreeDigits),
            ("abc", NotThreeDigits),
            ("2 1", NotThreeDigits),
            ("+12", NotThreeDigits),
            ("２１２", NotThreeDigits),
            ("012", BadFirstDigit),
            ("123", BadFirstDigit),
        ] {
            assert_eq!(AreaCode::parse_optional(input), Err(expected), "{input}");
        }
    }

    #[test]
    fn n11_codes_are_service_codes() {
        for n11 in ["211", "311", "411", "511", "611", "711", "811", "911"] {
            assert_eq!(refused(n11), AreaCodeError::ServiceCode(n11.into()));
        }
    }

    #[test]
    fn non_geographic_codes_say_what_they_are_for() {
        use NonGeographic::*;
        for (code, kind) in [
            ("800", TollFree),
            ("833", TollFree),
            ("844", TollFree),
            ("855", TollFree),
            ("866", TollFree),
            ("877", TollFree),
            ("888", TollFree),
            ("822", TollFree),
            ("880", TollFree),
            ("887", TollFree),
            ("889", TollFree),
            ("900", Premium),
            ("700", CarrierServices),
            ("500", PersonalCommunications),
            ("521", PersonalCommunications),
            ("533", PersonalCommunications),
            ("558", PersonalCommunications),
            ("589", PersonalCommunications),
            ("456", InboundInternational),
            ("710", UsGovernment),
            ("600", CanadianServices),
            ("622", CanadianServices),
            ("555", DirectoryAssistance),
        ] {
            assert_eq!(
                refused(code),
                AreaCodeError::NonGeographic {
                    code: code.into(),
                    kind
                },
                "{code}"
            );
        }
        assert_eq!(
            refused("800").to_string(),
            "800 is a toll-free code; choose a local area code."
        );
        assert_eq!(
            refused("900").to_string(),
            "900 is for premium-rate services; choose a local area code."
        );
    }

    #[test]
    fn expansion_and_reserved_codes() {
        for code in [
            "290", "298", "390", "597", "690", "890", "999", "370", "379", "960", "969",
        ] {
            assert_eq!(
                refused(code),
                AreaCodeError::Reserved(code.into()),
                "{code}"
            );
        }
    }

    #[test]
    fn other_easily_recognizable_codes_are_kept_for_non_geographic_use() {
        for code in [
            "200", "222", "300", "333", "400", "444", "677", "733", "922",
        ] {
            assert_eq!(
                refused(code),
                AreaCodeError::EasilyRecognizable(code.into()),
                "{code}"
            );
        }
    }
}
