//! Helpers shared by the integration tests: JSON text in, validated model out.
#![allow(dead_code)]

use channel_sprawl::dataset::{self, Dataset, Problem};
use channel_sprawl::group::Group;
use channel_sprawl::value::Value;

/// JSON text → `Value`, as the wasm reads it (`value::parse`), owned.
pub fn value(json: &str) -> Value<'static> {
    channel_sprawl::value::parse(json).unwrap_or_else(|e| panic!("test JSON does not parse: {e}\n{json}")).into_owned()
}

/// Written with `serde_json::json!` for readability, then read back as JSON text.
pub fn value_of(json: serde_json::Value) -> Value<'static> {
    value(&json.to_string())
}

pub fn parse(json: serde_json::Value) -> Result<Dataset, Vec<Problem>> {
    dataset::parse(&value_of(json))
}

/// A dataset that must be valid.
pub fn dataset(json: serde_json::Value) -> Dataset {
    parse(json).unwrap_or_else(|problems| {
        let list: Vec<String> = problems.iter().map(|p| format!("  {p}")).collect();
        panic!("expected a valid dataset, got:\n{}", list.join("\n"))
    })
}

/// The problems of a dataset that must be invalid, as `(path, code)`.
pub fn problems(json: serde_json::Value) -> Vec<(String, &'static str)> {
    match parse(json) {
        Ok(d) => panic!("expected problems, got a valid dataset: {d:#?}"),
        Err(problems) => problems.into_iter().map(|p| (p.path, p.code)).collect(),
    }
}

/// `[(key, count)]` of a list of groups, in order.
pub fn counts(groups: &[Group]) -> Vec<(String, usize)> {
    groups.iter().map(|g| (g.key.clone(), g.count)).collect()
}

/// `[("a", 2), …]` → owned pairs, for comparing with `counts`.
pub fn expect(pairs: &[(&str, usize)]) -> Vec<(String, usize)> {
    pairs.iter().map(|&(k, n)| (k.to_owned(), n)).collect()
}

/// A space with the given name, platform and themes (all other fields absent).
pub fn space(name: &str, platform: &str, themes: &[&str]) -> serde_json::Value {
    serde_json::json!({ "name": name, "platform": platform, "themes": themes })
}

/// `base` with extra fields merged in: `with(space(..), json!({"country": "FR"}))`.
pub fn with(mut base: serde_json::Value, extra: serde_json::Value) -> serde_json::Value {
    if let (Some(b), serde_json::Value::Object(e)) = (base.as_object_mut(), extra) {
        b.extend(e);
    }
    base
}

/// A company with these spaces and no themes list.
pub fn company(spaces: Vec<serde_json::Value>) -> serde_json::Value {
    serde_json::json!({ "company": "Acme", "spaces": spaces })
}
