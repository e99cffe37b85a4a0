//! Hostile datasets: each gives a clear list of problems or a safe rendering, quickly, and never
//! a panic or a link that is not http(s). The small cases are files in `tests/fixtures/hostile/`;
//! the large ones are made here (100 KB strings, 100,000 spaces, 10,000 themes, deep nesting).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use channel_sprawl::chart::{Action, Chart, Options};
use channel_sprawl::dataset::{self, Dataset};
use channel_sprawl::group::GroupBy;
use channel_sprawl::value::Value;
use serde_json::json;
use std::time::{Duration, Instant};

/// Reads JSON text the way the browser does, then validates.
fn load(text: &str) -> Result<Dataset, Vec<dataset::Problem>> {
    dataset::parse_json(text)
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/hostile/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// The JSON text of `n` blog spaces, space `i` listing the theme ids `themes(i)` (JSON strings,
/// comma-separated): written directly, as 200,000 `json!` values take seconds to build.
fn spaces_text(n: usize, themes: impl Fn(usize) -> String) -> String {
    let spaces: Vec<String> = (0..n).map(|i| format!(r#"{{"name":"s{i}","platform":"blog","themes":[{}]}}"#, themes(i))).collect();
    format!(r#"{{"company":"Many","spaces":[{}]}}"#, spaces.join(","))
}

/// Groups and lays out every way, as a reader clicking through the controls would.
fn exercise(d: Dataset) -> Chart {
    let mut chart = Chart::new(d, Options::default());
    for by in GroupBy::ALL {
        chart.apply(channel_sprawl::chart::Action::GroupBy(by));
        chart.apply(channel_sprawl::chart::Action::Dedupe(true));
        chart.apply(channel_sprawl::chart::Action::Resize(320.0, 320.0, 2.0));
    }
    chart
}

#[test]
fn markup_in_every_field_stays_text() {
    let d = load(&fixture("markup-everywhere.json")).expect("markup is text, not an error");
    assert_eq!(d.company, "<script>alert('company')</script>");
    assert_eq!(d.spaces[0].name, "<img src=x onerror=alert('name')>");
    assert_eq!(
        d.spaces[1].link(),
        Some("https://example.com/?q=<script>"),
        "an http(s) URL stays a link; the loader sets it as an attribute"
    );
    exercise(d);
}

#[test]
fn only_http_and_https_urls_become_links() {
    let d = load(&fixture("hostile-urls.json")).expect("bad URLs are warnings, not errors");
    let links: Vec<_> = d.spaces.iter().filter_map(|s| s.link()).collect();
    assert_eq!(links, ["https://example.com/fine"]);
    assert_eq!(d.warnings.len(), 8, "{:?}", d.warnings);
    assert!(d.warnings.iter().all(|w| w.code == "url" && w.path.ends_with(".url")));
}

#[test]
fn rtl_combining_and_emoji_text_is_kept_whole() {
    let d = load(&fixture("scripts-of-the-world.json")).unwrap();
    assert_eq!(d.company, "مرحبا بالعالم");
    assert_eq!(d.spaces[2].name, "🏳️‍🌈🧑🏽‍💻");
    let chart = exercise(d);
    assert!(!chart.groups.is_empty());
}

#[test]
fn out_of_range_and_non_numeric_audiences_are_problems() {
    let problems = load(&fixture("numbers.json")).unwrap_err();
    let paths: Vec<_> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["spaces[1].audience", "spaces[2].audience"]);
    // 1e400 does not even parse as a finite number: JSON.parse gives Infinity, which is refused.
    let infinite = dataset::parse(&Value::Object(vec![
        ("company".into(), Value::String("x".into())),
        (
            "spaces".into(),
            Value::Array(vec![
                common::value_of(json!({"name": "a", "platform": "b", "themes": ["t"]})),
                Value::Object(vec![
                    ("name".into(), Value::String("b".into())),
                    ("platform".into(), Value::String("b".into())),
                    ("themes".into(), Value::Array(vec![Value::String("t".into())])),
                    ("audience".into(), Value::Number(f64::INFINITY)),
                ]),
            ]),
        ),
    ]))
    .unwrap_err();
    assert_eq!(infinite[0].path, "spaces[1].audience");
}

#[test]
fn a_bom_duplicate_keys_and_empty_strings() {
    assert_eq!(load(&fixture("bom.json")).unwrap().company, "BOM");
    let d = load(&fixture("duplicate-keys.json")).unwrap();
    assert_eq!((d.company.as_str(), d.spaces[0].name.as_str()), ("Second", "b"), "the last key wins, as in JSON.parse");
    let problems: Vec<_> = load(&fixture("empty-strings.json")).unwrap_err().into_iter().map(|p| (p.path, p.code)).collect();
    assert!(problems.contains(&("company".into(), "empty")));
    assert!(problems.contains(&("themes[0].id".into(), "empty")));
    assert!(problems.contains(&("spaces[0].name".into(), "empty")));
    assert!(problems.contains(&("spaces[0].platform".into(), "empty")));
}

#[test]
fn a_hundred_kilobyte_label_is_kept_whole() {
    let long = "é".repeat(50_000); // 100 KB of UTF-8
    let d = dataset::parse(&common::value_of(json!({
        "company": long, "themes": [{"id": "t", "label": long}],
        "spaces": [{"name": long, "platform": long, "themes": ["t"], "department": long}]
    })))
    .unwrap();
    assert_eq!(d.themes[0].label.len(), 100_000);
    exercise(d);
}

#[test]
fn a_hundred_thousand_spaces_in_a_thousand_groups_in_well_under_a_second() {
    let spaces: Vec<_> = (0..100_000)
        .map(|i| json!({"name": format!("s{i}"), "platform": format!("p{}", i % 37), "themes": [format!("t{}", i % 1000)], "function": format!("f{}", i % 5000), "country": "FR"}))
        .collect();
    let value = common::value_of(json!({"company": "Big", "spaces": spaces}));
    let start = Instant::now();
    let chart = exercise(dataset::parse(&value).unwrap());
    let took = start.elapsed();
    assert_eq!(chart.dataset.spaces.len(), 100_000);
    // Not a benchmark (see `make bench`): only a guard against quadratic work hanging the page.
    assert!(took < Duration::from_secs(20), "{took:?}");
}

#[test]
fn ten_thousand_themes_fold_into_other() {
    let themes: Vec<_> = (0..10_000).map(|i| json!({"id": format!("t{i}")})).collect();
    let spaces: Vec<_> = (0..10_000).map(|i| json!({"name": format!("s{i}"), "platform": "blog", "themes": [format!("t{i}")]})).collect();
    let chart = Chart::new(
        dataset::parse(&common::value_of(json!({"company": "Many", "themes": themes, "spaces": spaces}))).unwrap(),
        Options::default(),
    );
    assert_eq!(chart.all_groups.len(), 10_000);
    // Every group under 2 %: the five largest (the first of equal ones) and one Other.
    assert_eq!(chart.groups.len(), 6);
    assert_eq!(chart.groups.iter().map(|g| g.count).sum::<usize>(), 10_000);
    assert_eq!(chart.groups[5].count, 9_995);
}

#[test]
fn a_theme_of_its_own_for_each_of_the_most_spaces() {
    // Ids in descending order: each new theme sorts first, the worst case for an index kept
    // sorted (the list this replaced shifted every id on each insert: 20 s natively).
    let n = dataset::MAX_SPACES;
    let id = |i: usize| format!("t{:06}", n - i);
    let text = spaces_text(n, |i| format!(r#""{}","{}""#, id(i), id(i / 2)));
    let start = Instant::now();
    let d = load(&text).unwrap();
    let took = start.elapsed();
    assert_eq!(d.themes.len(), n, "every id once, however often it is met");
    for (i, space) in d.spaces.iter().enumerate().step_by(997) {
        let ids: Vec<_> = space.themes.iter().map(|&t| d.themes[t].id.as_str()).collect();
        let expected: Vec<String> = if i == 0 { vec![id(0)] } else { vec![id(i), id(i / 2)] };
        assert_eq!(ids, expected, "spaces[{i}]");
    }
    assert!(d.themes.iter().all(|t| !t.listed));
    // Not a benchmark (`make bench-native`: parse/json_theme_each): a guard against quadratic work.
    assert!(took < Duration::from_secs(5), "{took:?}");
    let chart = Chart::new(d, Options::default());
    assert_eq!(chart.groups.len(), 6, "every group under 2 %: the five largest and one Other");
}

#[test]
fn one_space_with_the_most_theme_ids_many_of_them_repeated() {
    // Each id listed twice, the repeats at the end: the space keeps each once, in order of first
    // appearance (a `contains` per id made this quadratic: 7 s natively for 200,000 ids).
    let n = dataset::MAX_SPACES;
    let ids: Vec<String> = (0..n).chain(0..n).map(|i| format!("t{i}")).collect();
    let start = Instant::now();
    let d =
        dataset::parse(&common::value_of(json!({"company": "x", "spaces": [{"name": "a", "platform": "blog", "themes": ids}]}))).unwrap();
    let took = start.elapsed();
    assert_eq!(d.spaces[0].themes, (0..n).collect::<Vec<_>>());
    assert_eq!(d.themes[n - 1].id, format!("t{}", n - 1));
    // Not a benchmark: a guard against quadratic work.
    assert!(took < Duration::from_secs(5), "{took:?}");
}

#[test]
fn a_comparison_of_two_companies_with_a_hundred_thousand_themes_each() {
    // The shared colour order of a comparison lists every key of both; each chart looks its
    // groups up in it (a scan per group was quadratic). Every tenth theme has its own colour,
    // which the order never overrides.
    let n = 100_000;
    let dataset = |offset: usize| {
        let themes: Vec<_> = (0..n).step_by(10).map(|i| json!({"id": format!("t{}", i + offset), "color": "#123456"})).collect();
        let spaces: Vec<_> =
            (0..n).map(|i| json!({"name": format!("s{i}"), "platform": "blog", "themes": [format!("t{}", i + offset)]})).collect();
        dataset::parse(&common::value_of(json!({"company": "x", "themes": themes, "spaces": spaces}))).unwrap()
    };
    let order: Vec<String> = (0..n + n / 2).rev().map(|i| format!("t{i}")).chain(["t7".to_owned()]).collect();
    let start = Instant::now();
    let mut chart = Chart::new(dataset(n / 2), Options::default());
    chart.apply(Action::KeyOrder(order.clone()));
    let took = start.elapsed();
    chart.apply(Action::ExpandOther(true));
    let by_key = |key: &str| chart.all_groups.iter().find(|g| g.key == key).unwrap().color;
    let own = channel_sprawl::palette::Rgb::parse_hex("#123456");
    assert_eq!(Some(by_key(&format!("t{}", n / 2))), own, "a theme's own colour stays");
    let last = n / 2 + n - 1; // not a multiple of 10 past the offset, and first in the order
    assert_ne!(Some(by_key(&format!("t{last}"))), own);
    assert_eq!(
        by_key(&format!("t{last}")),
        channel_sprawl::palette::generated(chart.scheme, order.iter().position(|k| *k == format!("t{last}")).unwrap())
    );
    // Not a benchmark: a guard against quadratic work.
    assert!(took < Duration::from_secs(5), "{took:?}");
}

#[test]
fn isolating_one_of_the_most_groups_hides_all_the_others() {
    let n = dataset::MAX_SPACES;
    let mut chart = Chart::new(load(&spaces_text(n, |i| format!(r#""t{i}""#))).unwrap(), Options::default());
    let start = Instant::now();
    chart.apply(Action::Isolate("t7".into()));
    let took = start.elapsed();
    assert_eq!(chart.groups.iter().map(|g| g.key.as_str()).collect::<Vec<_>>(), ["t7"]);
    assert_eq!(chart.hidden.len(), n - 1);
    chart.apply(Action::ToggleHidden("t9".into()));
    assert_eq!(chart.groups.iter().map(|g| g.key.as_str()).collect::<Vec<_>>(), ["t7", "t9"], "shown again, in its place");
    chart.apply(Action::ShowAll);
    assert_eq!(chart.groups.len(), n, "every group, Other still expanded");
    // Not a benchmark: a guard against quadratic work (this took minutes: a search of the hidden
    // list per group).
    assert!(took < Duration::from_secs(5), "{took:?}");
}

#[test]
fn painting_an_expanded_other_of_the_most_groups_compares_no_pairs() {
    // Every segment's dot pattern looks at the colours before it: all of them made a paint of
    // 200,000 segments quadratic (47 s in the browser).
    let n = dataset::MAX_SPACES;
    let mut chart = Chart::new(load(&spaces_text(n, |i| format!(r#""t{i}""#))).unwrap(), Options::default());
    chart.apply(Action::ExpandOther(true));
    let colors: Vec<_> = chart.groups.iter().map(|g| g.color).collect();
    let start = Instant::now();
    let dotted = (0..n).filter(|&i| channel_sprawl::render::twin_level(&colors, i) > 0).count();
    let took = start.elapsed();
    assert_eq!(dotted, n - 10, "the palette repeats past ten groups");
    // Not a benchmark: a guard against quadratic work.
    assert!(took < Duration::from_secs(5), "{took:?}");
}

#[test]
fn a_listed_theme_twice_is_a_problem_among_thousands() {
    let mut themes: Vec<_> = (0..5_000).map(|i| json!({"id": format!("theme-{i}")})).collect();
    themes.push(json!({"id": "theme-4321"}));
    let value = common::value_of(
        json!({"company": "x", "themes": themes, "spaces": [{"name": "a", "platform": "blog", "themes": ["theme-17", "new"]}]}),
    );
    let problems = dataset::parse(&value).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!((problems[0].path.as_str(), problems[0].code, problems[0].detail.as_str()), ("themes[5000].id", "duplicate", "theme-4321"));
    themes.pop();
    let value = common::value_of(
        json!({"company": "x", "themes": themes, "spaces": [{"name": "a", "platform": "blog", "themes": ["theme-17", "new", "theme-17"]}]}),
    );
    let d = dataset::parse(&value).unwrap();
    assert_eq!(d.themes.len(), 5_001);
    assert_eq!(d.spaces[0].themes, [17, 5_000], "listed ids keep their place; a new one comes after; repeats count once");
    assert_eq!((d.themes[5_000].id.as_str(), d.themes[5_000].listed), ("new", false));
}

#[test]
fn limits_past_which_the_reader_sees_an_error() {
    let too_many: Vec<_> = (0..dataset::MAX_SPACES + 1).map(|_| Value::Null).collect();
    let problems =
        dataset::parse(&Value::Object(vec![("company".into(), Value::String("x".into())), ("spaces".into(), Value::Array(too_many))]))
            .unwrap_err();
    assert_eq!((problems[0].path.as_str(), problems[0].code), ("spaces", "too-many"));
    let problems = dataset::parse(&common::value_of(json!({"company": "x".repeat(dataset::MAX_TEXT + 1), "spaces": []}))).unwrap_err();
    assert_eq!((problems[0].path.as_str(), problems[0].code), ("company", "too-long"));
}

#[test]
fn too_many_spaces_in_json_text_is_one_problem_after_the_others() {
    // Past the limit the spaces are not validated: one "too many", in the validator's order
    // (company, title, themes, spaces) whatever the order in the text.
    // The title after the spaces in the text, then before them.
    let spaces = "{},".repeat(dataset::MAX_SPACES);
    for text in [
        format!("{{\"company\": \"\", \"spaces\": [{spaces}{{}}], \"title\": 3}}"),
        format!("{{\"company\": \"\", \"title\": 3, \"spaces\": [{spaces}{{}}]}}"),
    ] {
        let problems = dataset::parse_json(&text).unwrap_err();
        let got: Vec<_> = problems.iter().map(|p| (p.path.as_str(), p.code)).collect();
        assert_eq!(got, [("company", "empty"), ("title", "type"), ("spaces", "too-many")]);
    }
}

#[test]
fn a_flood_of_broken_spaces_lists_the_first_problems_and_counts_the_rest() {
    let n = dataset::MAX_SPACES;
    let text = format!("{{\"company\": \"x\", \"spaces\": [{}{{}}]}}", "{},".repeat(n - 1));
    let problems = dataset::parse_json(&text).unwrap_err();
    assert_eq!(problems.len(), dataset::MAX_PROBLEMS);
    assert_eq!((problems[0].path.as_str(), problems[0].code), ("spaces[0].name", "required"));
    // Each empty space lacks a name, a platform and a theme: 3 problems each.
    let last = problems.last().unwrap();
    assert_eq!((last.code, last.detail.as_str()), ("more", (3 * n - (dataset::MAX_PROBLEMS - 1)).to_string().as_str()));
}

#[test]
fn nesting_past_the_limit_is_refused_not_a_stack_overflow() {
    let deep = format!("{{\"company\": \"x\", \"spaces\": [], \"extra\": {}{}}}", "[".repeat(10_000), "]".repeat(10_000));
    assert_eq!(load(&deep).unwrap_err()[0].detail, "the data is nested too deeply");
}

#[test]
fn wrong_types_in_every_field_are_all_reported() {
    let problems: Vec<_> =
        load(&std::fs::read_to_string(format!("{}/tests/fixtures/invalid/wrong-types.json", env!("CARGO_MANIFEST_DIR"))).unwrap())
            .unwrap_err()
            .into_iter()
            .map(|p| p.path)
            .collect();
    for path in [
        "company",
        "title",
        "themes",
        "spaces[0].name",
        "spaces[0].platform",
        "spaces[0].themes",
        "spaces[0].audience",
        "spaces[0].internal",
        "spaces[0].country",
    ] {
        assert!(problems.contains(&path.to_string()), "{path} not reported in {problems:?}");
    }
}

/// The members of the dataset's object in any order, and repeated, read as `JSON.parse` reads them.
#[test]
fn json_members_in_any_order() {
    let space = r#"{"name": "a", "platform": "blog", "themes": ["new", "jobs"]}"#;
    let cases = [
        // The themes after the spaces: the listed theme still comes first.
        format!(r#"{{"spaces": [{space}], "company": "x", "themes": [{{"id": "jobs"}}]}}"#),
        // `spaces` twice: the last one counts, as in JSON.parse.
        format!(r#"{{"company": "x", "spaces": [{{"name": "broken"}}], "spaces": [{space}]}}"#),
        format!(r#"{{"company": "x", "spaces": 3, "spaces": [{space}]}}"#),
        format!(r#"{{"company": "x", "spaces": [{space}], "spaces": null}}"#),
    ];
    let read: Vec<_> = cases.iter().map(|text| dataset::parse_json(text)).collect();
    let d = read[0].as_ref().unwrap();
    assert_eq!((d.themes[0].id.as_str(), d.themes[1].id.as_str(), d.spaces[0].themes.as_slice()), ("jobs", "new", &[1, 0][..]));
    assert_eq!(read[1].as_ref().unwrap().spaces.len(), 1);
    assert_eq!(read[2].as_ref().unwrap().spaces.len(), 1);
    assert_eq!(read[3].as_ref().unwrap_err()[0].code, "required");
}
