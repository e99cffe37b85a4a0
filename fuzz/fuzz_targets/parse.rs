//! Any bytes → `value::parse` (the wasm's JSON reader) → `dataset::parse`: never panics, reads
//! the text as serde_json does (accepts and refuses alike, but for nesting), every problem has a
//! known path, and whatever is accepted keeps the model's invariants and groups without losing a space.
#![no_main]

mod common;

use channel_sprawl::dataset;
use channel_sprawl::value::Value;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let ours = channel_sprawl::value::parse(text);
    let theirs = serde_json::from_str::<Value>(text);
    // Where JSON.parse (which we follow) and serde_json differ: a byte-order mark (the loader's
    // text may start with one), numbers beyond f64 (Infinity), lone surrogate escapes (JSON.parse
    // keeps them; we read U+FFFD), nesting limits.
    let differs = |e: &serde_json::Error| ["nested too deeply", "recursion limit", "out of range"].iter().any(|m| e.to_string().contains(m));
    if !text.starts_with('\u{feff}') && !surrogate_escape(text) && !matches!(&theirs, Err(e) if differs(e)) {
        assert_eq!(ours.is_ok(), theirs.is_ok(), "{text:?}: ours {ours:?}");
    }
    let Ok(value) = ours else { return };
    let result = dataset::parse(&value);
    common::check_parsed(&result);
    // Parsing is a pure function of the tree.
    assert_eq!(dataset::parse(&value), result);
});

/// `\uD800`–`\uDFFF` somewhere in the text (serde_json refuses lone ones; JSON.parse keeps them).
fn surrogate_escape(text: &str) -> bool {
    text.as_bytes().windows(4).any(|w| w[0] == b'\\' && w[1] == b'u' && matches!(w[2], b'd' | b'D') && matches!(w[3], b'8'..=b'9' | b'a'..=b'f' | b'A'..=b'F'))
}
