//! Any bytes → JSON → `Value` → `dataset::parse`: never panics, every problem has a known path,
//! and whatever is accepted keeps the model's invariants and groups without losing a space.
#![no_main]

mod common;

use channel_sprawl::dataset;
use channel_sprawl::value::Value;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(value) = serde_json::from_slice::<Value>(data) else { return };
    let result = dataset::parse(&value);
    common::check_parsed(&result);
    // Parsing is a pure function of the tree.
    assert_eq!(dataset::parse(&value), result);
});
