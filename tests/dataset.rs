//! The dataset contract: what is accepted, and every problem reported with its path and code.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use channel_sprawl::dataset::{self, Problem, Space, MAX_PROBLEMS};
use channel_sprawl::palette::Rgb;
use channel_sprawl::value::{Value, MAX_DEPTH};
use common::{company, dataset, parse, problems, space, value, with};
use serde_json::json;

/// The dataset `json` is refused with exactly these `(path, code)` problems, in this order.
#[track_caller]
fn check(json: serde_json::Value, expected: &[(&str, &str)]) {
    let got = problems(json);
    let got: Vec<(&str, &str)> = got.iter().map(|(p, c)| (p.as_str(), *c)).collect();
    assert_eq!(got, expected);
}

/// One space, `fields` merged over a valid one, must give exactly `expected`.
#[track_caller]
fn check_space(fields: serde_json::Value, expected: &[(&str, &str)]) {
    check(company(vec![with(space("Acme jobs", "LinkedIn", &["jobs"]), fields)]), expected);
}

// ---------------------------------------------------------------- accepted datasets

#[test]
fn a_minimal_dataset_is_valid() {
    let d = dataset(json!({
        "company": "Acme",
        "spaces": [{ "name": "Acme on X", "platform": "X", "themes": ["news"] }]
    }));
    assert_eq!(d.company, "Acme");
    assert_eq!(d.title, None);
    assert_eq!(d.themes.len(), 1);
    assert_eq!((d.themes[0].id.as_str(), d.themes[0].label.as_str(), d.themes[0].listed), ("news", "News", false));
    assert_eq!(d.spaces, vec![Space { name: "Acme on X".into(), platform: "X".into(), themes: vec![0], ..Space::default() }]);
    assert!(d.warnings.is_empty());
}

#[test]
fn an_empty_list_of_spaces_is_valid() {
    let d = dataset(json!({ "company": "Acme", "spaces": [] }));
    assert!(d.spaces.is_empty() && d.themes.is_empty());
}

#[test]
fn every_field_of_a_space_is_read_and_normalised() {
    let d = dataset(json!({
        "company": "Acme",
        "title": "Our spaces",
        "themes": [{ "id": "jobs", "label": "Careers", "color": "#AbCdEf" }],
        "spaces": [{
            "name": "Acme Careers France",
            "platform": "  LinkedIn ",
            "themes": [" jobs ", "jobs"],
            "url": "https://www.linkedin.com/company/acme-fr",
            "country": " fr ",
            "language": "fr",
            "department": " HR ",
            "function": " careers ",
            "audience": 1250,
            "last_post": " 2024-05-06 ",
            "internal": true
        }]
    }));
    assert_eq!(d.title.as_deref(), Some("Our spaces"));
    assert_eq!(d.themes[0].label, "Careers");
    assert_eq!(d.themes[0].color, Some(Rgb(0xab, 0xcd, 0xef)));
    assert!(d.themes[0].listed);
    let s = &d.spaces[0];
    assert_eq!(s.platform, "LinkedIn");
    assert_eq!(s.themes, vec![0], "a theme named twice counts once");
    assert_eq!(s.link(), Some("https://www.linkedin.com/company/acme-fr"));
    assert_eq!(s.country.as_deref(), Some("FR"));
    assert_eq!(s.language.as_deref(), Some("fr"));
    assert_eq!(s.department.as_deref(), Some("HR"));
    assert_eq!(s.function.as_deref(), Some("careers"));
    assert_eq!(s.audience, Some(1250.0));
    assert_eq!(s.last_post.as_deref(), Some("2024-05-06"));
    assert!(s.internal);
}

#[test]
fn a_blank_title_and_blank_optional_fields_count_as_absent() {
    let d = dataset(json!({
        "company": "Acme",
        "title": "   ",
        "spaces": [with(space("Blog", "blog", &["news"]), json!({ "country": "", "department": " ", "url": "" }))]
    }));
    assert_eq!(d.title, None);
    let s = &d.spaces[0];
    assert_eq!((s.country.as_deref(), s.department.as_deref(), s.url.as_deref()), (None, None, None));
}

#[test]
fn null_counts_as_absent() {
    let d = dataset(json!({
        "company": "Acme",
        "title": null,
        "themes": null,
        "spaces": [with(space("Blog", "blog", &["news"]), json!({ "country": null, "audience": null }))]
    }));
    assert_eq!((d.spaces[0].country.as_deref(), d.spaces[0].audience), (None, None));
    check(json!({ "company": null, "spaces": [] }), &[("company", "required")]);
}

#[test]
fn a_single_theme_may_be_given_as_theme() {
    let d = dataset(company(vec![json!({ "name": "Help", "platform": "forum", "theme": "support" })]));
    assert_eq!(d.themes[0].id, "support");
    assert_eq!(d.spaces[0].themes, vec![0]);
}

#[test]
fn unknown_fields_are_ignored() {
    let d = dataset(json!({
        "company": "Acme",
        "version": 3,
        "generator": { "name": "export.py" },
        "themes": [{ "id": "jobs", "icon": "briefcase" }],
        "spaces": [with(space("Careers", "LinkedIn", &["jobs"]), json!({ "followers_2019": [1, 2], "owner": null }))]
    }));
    assert_eq!(d.spaces.len(), 1);
    assert_eq!(d.themes.len(), 1);
}

#[test]
fn a_duplicate_json_key_keeps_the_last_value_like_json_parse() {
    let v = value(r#"{"company": "First", "company": "Acme", "spaces": []}"#);
    assert_eq!(dataset::parse(&v).unwrap().company, "Acme");
}

#[test]
fn unlisted_themes_get_a_humanized_label_and_follow_the_listed_ones_in_order_of_appearance() {
    let d = dataset(json!({
        "company": "Acme",
        "themes": [{ "id": "jobs" }, { "id": "news", "label": "Press & news" }],
        "spaces": [
            space("a", "blog", &["product-marketing"]),
            space("b", "blog", &["news", "hr_updates"]),
            space("c", "blog", &["product-marketing", "jobs"]),
        ]
    }));
    let themes: Vec<(&str, &str, bool)> = d.themes.iter().map(|t| (t.id.as_str(), t.label.as_str(), t.listed)).collect();
    assert_eq!(
        themes,
        [
            ("jobs", "Jobs", true),
            ("news", "Press & news", true),
            ("product-marketing", "Product marketing", false),
            ("hr_updates", "Hr updates", false),
        ]
    );
    let indices: Vec<&[usize]> = d.spaces.iter().map(|s| s.themes.as_slice()).collect();
    assert_eq!(indices, [&[2][..], &[1, 3], &[2, 0]]);
    assert_eq!(d.used_themes(), 4);
}

#[test]
fn an_unlisted_theme_id_of_two_letters_reads_as_an_acronym() {
    let d = dataset(json!({
        "company": "Acme",
        "spaces": [space("a", "blog", &["hr", "pr", " it ", "hr_updates", "x", "é3", "faq"])]
    }));
    let labels: Vec<&str> = d.themes.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(labels, ["HR", "PR", "IT", "Hr updates", "X", "É3", "Faq"]);
}

#[test]
fn a_listed_theme_that_no_space_uses_is_kept_but_not_counted_as_used() {
    let d = dataset(json!({
        "company": "Acme",
        "themes": [{ "id": "jobs" }, { "id": "news" }],
        "spaces": [space("a", "blog", &["news"])]
    }));
    assert_eq!(d.themes.len(), 2);
    assert_eq!(d.used_themes(), 1);
}

// ---------------------------------------------------------------- problems, one by one

#[test]
fn company_is_required() {
    check(json!({ "spaces": [] }), &[("company", "required")]);
}

#[test]
fn spaces_are_required() {
    check(json!({ "company": "Acme" }), &[("spaces", "required")]);
}

#[test]
fn company_must_not_be_blank() {
    check(json!({ "company": "  ", "spaces": [] }), &[("company", "empty")]);
}

#[test]
fn a_space_needs_at_least_one_theme() {
    check(
        company(vec![space("a", "blog", &["news"]), space("b", "blog", &["news"]), space("c", "blog", &["news"]), space("d", "blog", &[])]),
        &[("spaces[3].themes", "no-theme")],
    );
    check(company(vec![json!({ "name": "e", "platform": "blog" })]), &[("spaces[0].themes", "no-theme")]);
}

#[test]
fn a_space_name_must_not_be_empty() {
    check_space(json!({ "name": "" }), &[("spaces[0].name", "empty")]);
    check_space(json!({ "name": " \t " }), &[("spaces[0].name", "empty")]);
}

#[test]
fn a_theme_id_in_a_space_must_not_be_empty() {
    check_space(json!({ "themes": ["jobs", " "] }), &[("spaces[0].themes[1]", "empty")]);
    check_space(json!({ "themes": null, "theme": "" }), &[("spaces[0].theme", "empty")]);
}

#[test]
fn a_space_needs_a_name_and_a_platform() {
    check(company(vec![json!({ "themes": ["jobs"] })]), &[("spaces[0].name", "required"), ("spaces[0].platform", "required")]);
}

#[test]
fn the_root_must_be_an_object() {
    for root in ["[]", "\"Acme\"", "42", "true", "null"] {
        let problems = dataset::parse(&value(root)).unwrap_err();
        let got: Vec<(&str, &str)> = problems.iter().map(|p| (p.path.as_str(), p.code)).collect();
        assert_eq!(got, [("", "type")], "root {root}");
    }
    let problems = dataset::parse(&value("[]")).unwrap_err();
    assert_eq!(problems[0].to_string(), "dataset: expected an object with \"company\" and \"spaces\", got array");
}

#[test]
fn spaces_must_be_an_array() {
    check(json!({ "company": "Acme", "spaces": {} }), &[("spaces", "type")]);
    check(json!({ "company": "Acme", "spaces": "none" }), &[("spaces", "type")]);
    let p = parse(json!({ "company": "Acme", "spaces": 3 })).unwrap_err();
    assert_eq!(p[0].to_string(), "spaces: expected an array of spaces, got number");
}

#[test]
fn wrong_types_are_reported_in_every_top_level_field() {
    check(json!({ "company": 7, "spaces": [] }), &[("company", "type")]);
    check(json!({ "company": "Acme", "title": ["a"], "spaces": [] }), &[("title", "type")]);
    check(json!({ "company": "Acme", "themes": "jobs", "spaces": [] }), &[("themes", "type")]);
    check(json!({ "company": "Acme", "themes": ["jobs"], "spaces": [] }), &[("themes[0]", "type")]);
    check(json!({ "company": "Acme", "spaces": [[], "x"] }), &[("spaces[0]", "type"), ("spaces[1]", "type")]);
}

#[test]
fn wrong_types_are_reported_in_every_theme_field() {
    check(json!({ "company": "Acme", "themes": [{ "label": "Jobs" }], "spaces": [] }), &[("themes[0].id", "required")]);
    check(json!({ "company": "Acme", "themes": [{ "id": 1 }], "spaces": [] }), &[("themes[0].id", "type")]);
    check(json!({ "company": "Acme", "themes": [{ "id": "" }], "spaces": [] }), &[("themes[0].id", "empty")]);
    check(json!({ "company": "Acme", "themes": [{ "id": "a", "label": false }], "spaces": [] }), &[("themes[0].label", "type")]);
    check(json!({ "company": "Acme", "themes": [{ "id": "a", "color": 0xff0000 }], "spaces": [] }), &[("themes[0].color", "type")]);
}

#[test]
fn wrong_types_are_reported_in_every_space_field() {
    let cases = [
        (json!({ "name": 1 }), "spaces[0].name", "type"),
        (json!({ "platform": true }), "spaces[0].platform", "type"),
        (json!({ "themes": "jobs" }), "spaces[0].themes", "type"),
        (json!({ "themes": [3] }), "spaces[0].themes[0]", "type"),
        (json!({ "themes": null, "theme": ["jobs"] }), "spaces[0].theme", "type"),
        (json!({ "url": { "href": "https://x.test" } }), "spaces[0].url", "type"),
        (json!({ "country": 33 }), "spaces[0].country", "type"),
        (json!({ "language": ["fr"] }), "spaces[0].language", "type"),
        (json!({ "department": 5 }), "spaces[0].department", "type"),
        (json!({ "function": false }), "spaces[0].function", "type"),
        (json!({ "audience": "1200" }), "spaces[0].audience", "audience"),
        (json!({ "last_post": 20240506 }), "spaces[0].last_post", "type"),
        (json!({ "internal": "yes" }), "spaces[0].internal", "yes-no"),
        (json!({ "internal": 1 }), "spaces[0].internal", "type"),
    ];
    for (fields, path, code) in cases {
        check_space(fields, &[(path, code)]);
    }
}

#[test]
fn a_theme_colour_is_written_rrggbb() {
    let p = parse(json!({
        "company": "Acme",
        "themes": [{ "id": "jobs", "color": "#1b6ca8" }, { "id": "news", "color": "#abc" }, { "id": "hr", "color": "red" }],
        "spaces": []
    }))
    .unwrap_err();
    let got: Vec<(&str, &str, &str)> = p.iter().map(|p| (p.path.as_str(), p.code, p.detail.as_str())).collect();
    assert_eq!(got, [("themes[1].color", "color", "\"#abc\""), ("themes[2].color", "color", "\"red\"")]);
    assert_eq!(p[0].to_string(), "themes[1].color: a colour is written #rrggbb, not \"#abc\"");
}

#[test]
fn a_theme_id_may_be_listed_only_once() {
    let p = parse(json!({
        "company": "Acme",
        "themes": [{ "id": "jobs" }, { "id": " jobs " }],
        "spaces": []
    }))
    .unwrap_err();
    assert_eq!((p[0].path.as_str(), p[0].code, p[0].detail.as_str()), ("themes[1].id", "duplicate", "jobs"));
    assert_eq!(p.len(), 1);
}

#[test]
fn a_country_is_two_letters_or_ww() {
    for ok in ["FR", "de", "Ww", " gb "] {
        let d = dataset(company(vec![with(space("a", "blog", &["x"]), json!({ "country": ok }))]));
        assert_eq!(d.spaces[0].country.as_deref(), Some(ok.trim().to_ascii_uppercase().as_str()));
    }
    for bad in ["FRA", "F", "F1", "France", "é!"] {
        check_space(json!({ "country": bad }), &[("spaces[0].country", "country")]);
    }
}

#[test]
fn an_audience_is_a_finite_number_of_at_least_zero() {
    check_space(json!({ "audience": -1 }), &[("spaces[0].audience", "audience")]);
    check_space(json!({ "audience": -0.5 }), &[("spaces[0].audience", "audience")]);
    assert_eq!(dataset(company(vec![with(space("a", "blog", &["x"]), json!({ "audience": 0 }))])).spaces[0].audience, Some(0.0));
    // JSON text cannot carry NaN or infinities; a JS object (through serde-wasm-bindgen) can.
    for n in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let root = Value::Object(vec![
            ("company".into(), Value::String("Acme".into())),
            (
                "spaces".into(),
                Value::Array(vec![Value::Object(vec![
                    ("name".into(), Value::String("a".into())),
                    ("platform".into(), Value::String("blog".into())),
                    ("theme".into(), Value::String("x".into())),
                    ("audience".into(), Value::Number(n)),
                ])]),
            ),
        ]);
        let p = dataset::parse(&root).unwrap_err();
        assert_eq!((p[0].path.as_str(), p[0].code), ("spaces[0].audience", "audience"), "audience {n}");
    }
}

#[test]
fn last_post_is_an_iso_date() {
    for ok in ["2024-05-06", "1999-12-31", "2024-05-06T10:30:00Z"] {
        let d = dataset(company(vec![with(space("a", "blog", &["x"]), json!({ "last_post": ok }))]));
        assert_eq!(d.spaces[0].last_post.as_deref(), Some(ok));
    }
    for bad in ["06/05/2024", "2024-13-01", "2024-00-10", "2024-05-32", "2024-5-6", "2024-05-06 10:30", "yesterday"] {
        check_space(json!({ "last_post": bad }), &[("spaces[0].last_post", "date")]);
    }
}

#[test]
fn overlong_text_is_refused() {
    let long = "x".repeat(dataset::MAX_TEXT + 1);
    check(json!({ "company": "Acme", "title": long, "spaces": [] }), &[("title", "too-long")]);
}

// ---------------------------------------------------------------- every problem, capped

#[test]
fn all_problems_are_reported_not_just_the_first() {
    check(
        json!({
            "title": 3,
            "themes": [{ "id": "jobs", "color": "blue" }, { "id": "jobs" }],
            "spaces": [
                { "name": "", "platform": "blog", "themes": ["jobs"], "country": "FRA" },
                space("fine", "blog", &["jobs"]),
                { "platform": 1, "themes": [], "audience": -3, "last_post": "soon" }
            ]
        }),
        &[
            ("company", "required"),
            ("title", "type"),
            ("themes[0].color", "color"),
            ("themes[1].id", "duplicate"),
            ("spaces[0].name", "empty"),
            ("spaces[0].country", "country"),
            ("spaces[2].name", "required"),
            ("spaces[2].platform", "type"),
            ("spaces[2].themes", "no-theme"),
            ("spaces[2].audience", "audience"),
            ("spaces[2].last_post", "date"),
        ],
    );
}

fn nameless_spaces(n: usize) -> serde_json::Value {
    company((0..n).map(|_| json!({ "platform": "blog", "theme": "x" })).collect())
}

#[test]
fn the_problem_list_is_capped_with_a_final_more_entry() {
    assert_eq!(MAX_PROBLEMS, 25);
    let p = parse(nameless_spaces(30)).unwrap_err();
    assert_eq!(p.len(), 25);
    assert_eq!(p[0].path, "spaces[0].name");
    assert_eq!(p[23].path, "spaces[23].name");
    // 30 problems: 24 listed, the 25th entry counts the other 6.
    assert_eq!((p[24].path.as_str(), p[24].code, p[24].detail.as_str()), ("", "more", "6"));
    assert_eq!(p[24].to_string(), "dataset: 6 more problems not listed");
}

#[test]
fn exactly_max_problems_are_listed_without_a_more_entry() {
    let p = parse(nameless_spaces(25)).unwrap_err();
    assert_eq!(p.len(), 25);
    assert!(p.iter().all(|p| p.code == "required"));
    let p = parse(nameless_spaces(26)).unwrap_err();
    assert_eq!(p.len(), 25);
    assert_eq!((p[24].code, p[24].detail.as_str()), ("more", "2"));
}

#[test]
fn a_problem_displays_as_path_colon_message() {
    let p =
        parse(company(vec![space("a", "blog", &["x"]), space("b", "blog", &["x"]), space("c", "blog", &["x"]), space("d", "blog", &[])]))
            .unwrap_err();
    assert_eq!(p[0].to_string(), "spaces[3].themes: a space needs at least one theme");
    let required = Problem { path: "company".into(), code: "required", detail: String::new() };
    assert_eq!(required.to_string(), "company: this field is required");
}

// ---------------------------------------------------------------- links

fn with_url(url: &str) -> channel_sprawl::dataset::Dataset {
    dataset(company(vec![with(space("Careers", "blog", &["jobs"]), json!({ "url": url }))]))
}

#[test]
fn http_and_https_urls_become_links() {
    for url in ["https://acme.example/careers", "http://acme.example", "HTTPS://ACME.EXAMPLE/"] {
        let d = with_url(url);
        assert_eq!(d.spaces[0].link(), Some(url));
        assert!(d.warnings.is_empty(), "{url}: {:?}", d.warnings);
    }
    // Surrounding blanks are trimmed off the link.
    assert_eq!(with_url("  https://acme.example/ \n").spaces[0].link(), Some("https://acme.example/"));
}

#[test]
fn unsafe_urls_give_no_link_and_a_warning_but_no_error() {
    for url in [
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        " JaVaScRiPt:alert(1)",
        "https://acme.example/\u{7}careers",
        "https://acme.\nexample/",
        "ftp://acme.example/",
        "//acme.example/",
        "https://",
    ] {
        let d = with_url(url);
        assert_eq!(d.spaces[0].link(), None, "{url:?}");
        assert_eq!(d.spaces[0].url.as_deref(), Some(url), "the text is kept, unlinked");
        let w: Vec<(&str, &str)> = d.warnings.iter().map(|w| (w.path.as_str(), w.code)).collect();
        assert_eq!(w, [("spaces[0].url", "url")], "{url:?}");
    }
}

#[test]
fn a_non_ascii_url_gives_a_warning_not_a_panic() {
    // "www.exämple.com": the "ä" takes bytes 6 and 7, so `url[..7]` (for "http://") is not a char boundary.
    let d = with_url("www.exämple.com");
    assert_eq!(d.spaces[0].link(), None);
    assert_eq!(d.warnings.len(), 1);
    assert_eq!(with_url("https://exämple.com/").spaces[0].link(), Some("https://exämple.com/"));
}

// ---------------------------------------------------------------- hostile input

fn nested_arrays(depth: usize) -> String {
    format!("{}1{}", "[".repeat(depth), "]".repeat(depth))
}

#[test]
fn nesting_up_to_max_depth_is_read() {
    // The root is at depth 0; the number inside MAX_DEPTH arrays is at depth MAX_DEPTH.
    assert_eq!(MAX_DEPTH, 64);
    let text = nested_arrays(64);
    let v: Value = channel_sprawl::value::parse(&text).expect("64 levels are allowed");
    let mut depth = 0;
    let mut at = &v;
    while let Value::Array(items) = at {
        depth += 1;
        at = &items[0];
    }
    assert_eq!((depth, at), (64, &Value::Number(1.0)));
}

#[test]
fn nesting_beyond_max_depth_is_refused() {
    let parse = channel_sprawl::value::parse;
    let err = parse(&nested_arrays(65)).unwrap_err();
    assert_eq!(err.to_string(), "line 1, column 66: the data is nested too deeply");
    let objects = format!("{}1{}", "{\"a\":".repeat(65), "}".repeat(65));
    assert!(parse(&objects).unwrap_err().to_string().contains("nested too deeply"));
    // Far beyond: an error, not a stack overflow.
    assert!(parse(&nested_arrays(200_000)).is_err());
    // The serde route (`Deserialize for Value`) has the same limit.
    assert!(serde_json::from_str::<Value>(&nested_arrays(65)).unwrap_err().to_string().contains("nested too deeply"));
    assert!(serde_json::from_str::<Value>(&nested_arrays(64)).is_ok());
}

#[test]
fn every_invalid_fixture_is_refused_with_paths() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/fixtures/invalid") {
        let path = entry.expect("entry").path();
        let problems = channel_sprawl::dataset::parse_json(&std::fs::read_to_string(&path).expect("read"))
            .expect_err(&format!("{} was accepted", path.display()));
        assert!(!problems.is_empty());
        seen += 1;
    }
    assert!(seen >= 8, "{seen} fixtures");
}

#[test]
fn theme_ids_that_differ_only_in_case_are_one_theme_in_its_first_spelling() {
    // A sheet's rows spell a theme as they come.
    let d = dataset(json!({ "company": "A", "themes": [{ "id": "hr", "color": "#123456" }], "spaces": [
        space("a", "blog", &["Support"]),
        space("b", "blog", &["support", "HR"]),
        space("c", "blog", &["SUPPORT", "support"]),
    ] }));
    let ids: Vec<&str> = d.themes.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["hr", "Support"]);
    assert_eq!(d.spaces.iter().map(|s| s.themes.clone()).collect::<Vec<_>>(), [vec![1], vec![1, 0], vec![1]]);
    // Listed twice in two spellings: a duplicate.
    let problems = channel_sprawl::dataset::parse(&common::value_of(
        json!({ "company": "A", "themes": [{ "id": "HR" }, { "id": "hr" }], "spaces": [] }),
    ))
    .unwrap_err();
    assert_eq!(problems.iter().map(|p| (p.path.as_str(), p.code)).collect::<Vec<_>>(), [("themes[1].id", "duplicate")]);
}
