//! A parsed dataset grouped by every field, with and without dedupe, folded at several
//! thresholds: totals preserved, dedupe never counts more, no group alone in "Other".
#![no_main]

mod common;

use channel_sprawl::dataset;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(d) = dataset::parse_json(text) else { return };
    common::check_grouping(&d);
});
