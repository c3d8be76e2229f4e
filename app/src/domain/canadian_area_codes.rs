//! Canada's geographic NANP area codes: Canadian numbers are +1 numbers told apart from US
//! ones by these codes. Source: the Canadian Numbering Administrator's list of area codes in
//! service and announced for relief (cnac.ca, "Area codes"; overlays to 2026 included, such
//! as 257, 263, 354, 368, 382, 387, 468, 474, 584, 683, 742, 753 and 942).

/// Every Canadian geographic area code, ascending.
const CANADIAN_AREA_CODES: &[u16] = &[
    204, 226, 236, 249, 250, 257, 263, 289, 306, 343, 354, 365, 367, 368, 382, 387, 403, 416, 418,
    428, 431, 437, 438, 450, 468, 474, 506, 514, 519, 548, 579, 581, 584, 587, 604, 613, 639, 647,
    672, 683, 705, 709, 742, 753, 778, 780, 782, 807, 819, 825, 867, 873, 879, 902, 905, 942,
];

/// Whether `code` (e.g. 416) is a Canadian geographic area code.
pub fn is_canadian(code: u16) -> bool {
    CANADIAN_AREA_CODES.binary_search(&code).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_sorted_and_geographic() {
        assert!(CANADIAN_AREA_CODES.windows(2).all(|w| w[0] < w[1]));
        for &code in CANADIAN_AREA_CODES {
            assert_eq!(
                super::super::AreaCode::parse_optional(&code.to_string())
                    .map(|c| c.map(|c| c.value())),
                Ok(Some(code)),
                "{code} is geographic"
            );
        }
    }

    #[test]
    fn tells_canadian_codes_from_us_ones() {
        for canadian in [416, 604, 514, 867, 942, 257] {
            assert!(is_canadian(canadian), "{canadian}");
        }
        for us in [212, 415, 646, 907, 202, 310] {
            assert!(!is_canadian(us), "{us}");
        }
    }
}
