#![cfg(not(target_arch = "wasm32"))]
//! The JSON text reader (`value::parse`) that the wasm uses: what it accepts and refuses, where
//! it says an error is, and that it builds exactly the tree serde_json builds (differential).

use channel_sprawl::value::{digits, parse, Json, Value};
use proptest::prelude::*;
use std::borrow::Cow;

/// The tree through serde (`Deserialize for Value`), the reference.
fn reference(text: &str) -> Value<'static> {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("serde_json refuses {text:?}: {e}"))
}

/// Equal trees, numbers within 1e-15 relative: `decimal` is exact up to 15 digits and 10^22,
/// a few units in the last place beyond (1e308); serde_json is always exact.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x == y || (x - y).abs() <= 1e-15 * x.abs().max(y.abs()),
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b)),
        (Value::Object(x), Value::Object(y)) => x.len() == y.len() && x.iter().zip(y).all(|((k, a), (l, b))| k == l && same(a, b)),
        _ => a == b,
    }
}

fn error(text: &str) -> String {
    parse(text).expect_err(text).to_string()
}

#[test]
fn reads_every_kind_of_value() {
    let v = parse(r#" {"a": [1, -2.5, 3e2, 0, true, false, null, "x"], "b": {}, "c": []} "#).unwrap();
    let expected = reference(r#"{"a": [1, -2.5, 300, 0, true, false, null, "x"], "b": {}, "c": []}"#);
    assert_eq!(v, expected);
}

#[test]
fn strings_without_escapes_borrow_from_the_text() {
    let Value::Object(members) = parse(r#"{"name": "@DellCares", "quoted": "say \"hi\""}"#).unwrap() else { panic!() };
    assert!(matches!(members[0].0, Cow::Borrowed("name")));
    assert!(matches!(members[0].1, Value::String(Cow::Borrowed("@DellCares"))));
    assert!(matches!(&members[1].1, Value::String(Cow::Owned(s)) if s == "say \"hi\""));
}

#[test]
fn escapes_and_surrogates_read_as_json_parse_reads_them() {
    let text = r#"["\"\\\/\b\f\n\r\t", "\u00e9\u20AC", "\ud83d\ude00", "a\ud83db", "\udc00", "é 😀 ש"]"#;
    assert_eq!(parse(text).unwrap(), reference(&text.replace(r"a\ud83db", "a\u{fffd}b").replace(r"\udc00", "\u{fffd}")));
    assert_eq!(parse(r#""x\ud83d""#).unwrap(), Value::String("x\u{fffd}".into()));
}

#[test]
fn a_byte_order_mark_is_skipped() {
    assert_eq!(parse("\u{feff}{\"a\": 1}").unwrap(), reference("{\"a\": 1}"));
}

#[test]
fn duplicate_keys_are_kept_and_the_last_one_wins() {
    let v = parse(r#"{"a": 1, "a": 2}"#).unwrap();
    assert_eq!(v.get("a"), Some(&Value::Number(2.0)));
}

#[test]
fn numbers_follow_the_json_grammar() {
    for ok in ["0", "-0", "7", "-12", "1.5", "0.25", "1e3", "1E+3", "25e-1", "123456789012345"] {
        assert_eq!(parse(ok).unwrap(), reference(ok), "{ok}");
    }
    for bad in ["01", "1.", ".5", "+1", "-", "1e", "1e+", "--1", "0x10", "1.2.3", "NaN", "Infinity"] {
        assert!(parse(bad).is_err(), "{bad} was accepted");
    }
    // Too large for a double: infinite, as JSON.parse reads it (the validator then refuses it).
    assert_eq!(parse("1e400").unwrap(), Value::Number(f64::INFINITY));
}

#[test]
fn errors_say_where_and_what() {
    assert_eq!(error("{\"a\": 1,\n  \"b\" 2}"), "line 2, column 7: expected : after the key");
    assert_eq!(error("[1, 2"), "line 1, column 6: the data ends too soon");
    assert_eq!(error("{\"a\": 1 \"b\": 2}"), "line 1, column 9: expected , or }");
    assert_eq!(error("{'a': 1}"), "line 1, column 2: expected a key in quotes");
    assert_eq!(error("{\"a\": tru}"), "line 1, column 7: expected a value");
    assert_eq!(error("\"abc"), "line 1, column 5: a string is never closed");
    assert_eq!(error("\"a\nb\""), "line 1, column 3: a control character in a string");
    assert_eq!(error(r#""\x""#), "line 1, column 3: an unknown escape in a string");
    assert_eq!(error(r#""\u12G4""#), "line 1, column 6: expected four hex digits after \\u");
    assert_eq!(error("{} {}"), "line 1, column 4: more text after the data");
    assert_eq!(error(""), "line 1, column 1: the data ends too soon");
    assert_eq!(error("[1,]"), "line 1, column 4: expected a value");
    assert_eq!(error("{\"a\": [1, "), "line 1, column 11: the data ends too soon");
    assert_eq!(error("{\"a\""), "line 1, column 5: the data ends too soon");
    // Quotes as a word processor or a blog editor makes them: said as such.
    assert_eq!(error("{\u{201c}company\u{201d}: 1}"), "line 1, column 2: curly quotes: JSON's are straight (\")");
    assert_eq!(error("{\"a\": \u{ab}b\u{bb}}"), "line 1, column 7: curly quotes: JSON's are straight (\")");
    // Columns count characters, not bytes.
    assert_eq!(error("[\"été\" x]"), "line 1, column 8: expected , or ]");
}

#[test]
fn digits_are_what_to_string_writes() {
    for n in [0u64, 7, 10, 999, 1_000, 123_456_789, u64::MAX] {
        assert_eq!(digits(n), n.to_string());
    }
}

#[test]
fn the_writer_writes_json_that_reads_back() {
    let tricky = "say \"hi\" \\ to\n\t\u{1}é😀\u{7f}";
    let mut j = Json::default();
    j.open('{');
    j.key("text").str(tricky);
    j.key("none").opt_str(None);
    j.key("flags").open('[').bool(true).bool(false).close(']');
    j.key("names").strs(["a", "", "c"]);
    j.key("ints").open('[').int(0).int(12_345).close(']');
    j.key("nums").open('[').num(0.5).num(-2.25).num(1.0 / 3.0).num(17.0).num(-0.0000001).num(f64::NAN).num(f64::INFINITY).close(']');
    j.key("empty").open('{').close('}');
    j.close('}');
    let expected = serde_json::json!({
        "text": tricky, "none": null, "flags": [true, false], "names": ["a", "", "c"], "ints": [0, 12345],
        "nums": [0.5, -2.25, 0.333333, 17, 0, null, null], "empty": {},
    });
    assert_eq!(serde_json::from_str::<serde_json::Value>(&j.text).unwrap(), expected, "{}", j.text);
    assert!(parse(&j.text).is_ok());
}

proptest! {
    /// Any string survives the writer and both readers.
    #[test]
    fn written_strings_read_back(text in any::<String>()) {
        let mut j = Json::default();
        j.str(&text);
        prop_assert_eq!(serde_json::from_str::<String>(&j.text).unwrap(), text.clone());
        prop_assert_eq!(parse(&j.text).unwrap(), Value::String(text.into()));
    }
}

#[test]
fn every_fixture_and_demo_dataset_reads_as_serde_json_reads_it() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut seen = 0;
    for dir in ["tests/fixtures", "tests/fixtures/invalid", "tests/fixtures/hostile", "www/data"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().and_then(|e| e.to_str()) != Some("json") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let text = text.trim_start_matches('\u{feff}');
            match serde_json::from_str::<Value>(text) {
                Ok(expected) => assert!(same(&parse(text).unwrap(), &expected), "{}", path.display()),
                Err(_) => assert!(parse(text).is_err(), "{} is accepted by us, refused by serde_json", path.display()),
            }
            seen += 1;
        }
    }
    assert!(seen >= 15, "{seen} files");
}

fn any_json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        (-1_000_000_000i64..1_000_000_000).prop_map(|n| n.into()),
        (-1_000_000i32..1_000_000, 0u32..4).prop_map(|(m, e)| serde_json::json!(f64::from(m) / 10f64.powi(e as i32))),
        "\\PC{0,12}".prop_map(serde_json::Value::String),
        any::<String>().prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(serde_json::Value::Array),
            prop::collection::vec((any::<String>(), inner), 0..8).prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    /// Any JSON text serde_json writes (compact or pretty) reads back to the tree serde_json reads.
    #[test]
    fn reads_what_serde_json_reads(json in any_json(), pretty in any::<bool>()) {
        let text = if pretty { serde_json::to_string_pretty(&json).unwrap() } else { json.to_string() };
        let (ours, theirs) = (parse(&text).unwrap(), reference(&text));
        prop_assert!(same(&ours, &theirs), "{:?} vs {:?}", ours, theirs);
    }

    /// Any text: never a panic, and refused exactly when serde_json refuses it (but for nesting).
    #[test]
    fn refuses_what_serde_json_refuses(text in "[\\[\\]{}\",:0-9a-z.eE+\\- \\\\]{0,24}") {
        let ours = parse(&text);
        let theirs = serde_json::from_str::<Value>(&text);
        prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "{:?}: ours {:?}", text, ours);
    }
}
