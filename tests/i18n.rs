//! Every problem the core can report is worded in every language of the loader's tables
//! (`js/lang/<code>.js`), so a French reader never sees an untranslated error.
#![cfg(not(target_arch = "wasm32"))]

use channel_sprawl::dataset::{Problem, CODES};
use channel_sprawl::value;
use std::collections::BTreeSet;

#[test]
fn every_problem_code_is_worded_in_english_and_french() {
    for lang in ["en", "fr"] {
        let path = format!("{}/js/lang/{lang}.js", env!("CARGO_MANIFEST_DIR"));
        let table = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let problems = &table[table.find("problems: {").unwrap_or_else(|| panic!("{lang}: no problems table"))..];
        for code in CODES {
            let key = if code.contains('-') { format!("\"{code}\":") } else { format!(" {code}:") };
            assert!(problems.contains(&key), "{lang}: no wording for the problem code `{code}`");
        }
    }
}

#[test]
fn every_code_has_an_english_message_in_the_core() {
    for code in CODES {
        let p = Problem { path: "spaces[0].x".into(), code, detail: "D".into() };
        let message = p.message();
        assert!(!message.is_empty() && message != "D", "`{code}` has no message of its own: {message:?}");
    }
}

#[test]
fn every_message_of_the_json_reader_is_translated() {
    // Text that makes the reader say each of its messages, one each (a message added to
    // src/value.rs needs its text here, and its translation).
    let deep = "[".repeat(100);
    let bad = [
        "",
        "{\"a\" 1}",
        "{'a': 1}",
        "[1 2]",
        "{\"a\": 1 \"b\": 2}",
        "[1,]",
        "\"abc",
        "\"a\nb\"",
        r#""\x""#,
        r#""\u12G4""#,
        "{} {}",
        "01",
        &deep,
        "{\u{201c}a\u{201d}: 1}",
    ];
    let messages: BTreeSet<&str> = bad.iter().map(|text| value::parse(text).map(|_| "").unwrap_or_else(|e| e.message)).collect();
    assert_eq!(messages.len(), bad.len(), "{messages:?}");
    let path = format!("{}/js/lang/fr.js", env!("CARGO_MANIFEST_DIR"));
    let table = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let syntax = &table[table.find("syntax: {").unwrap_or_else(|| panic!("fr: no syntax table"))..];
    for message in messages {
        assert!(syntax.contains(&format!("{message:?}:")), "fr: no wording for the JSON reader's {message:?}");
    }
}
