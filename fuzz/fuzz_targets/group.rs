//! A parsed dataset grouped by every field, with and without dedupe, folded at several
//! thresholds: totals preserved, dedupe never counts more, no group alone in "Other".
#![no_main]

mod common;

use channel_sprawl::dataset;
use channel_sprawl::value::Value;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(value) = serde_json::from_slice::<Value>(data) else { return };
    let Ok(d) = dataset::parse(&value) else { return };
    common::check_grouping(&d);
});
