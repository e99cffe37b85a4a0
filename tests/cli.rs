//! The command-line tool: `check`, `render`, `snippet`, their output and exit status.
//! Needs the binary: `cargo test --features cli`.
#![cfg(not(target_arch = "wasm32"))]
#![cfg(feature = "cli")]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name).display().to_string()
}

/// A fresh path under cargo's temporary directory for integration tests.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    let _ = std::fs::remove_file(&path);
    path
}

fn write(name: &str, text: &str) -> String {
    let path = scratch(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_channel-sprawl")).args(args).output().expect("the binary runs")
}

/// `(exit code, stdout, stderr)`.
fn outcome(args: &[&str]) -> (i32, String, String) {
    let out = run(args);
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

// ---------------------------------------------------------------- check

#[test]
fn check_accepts_a_valid_json_dataset_with_a_one_line_summary() {
    let (code, out, err) = outcome(&["check", &fixture("valid.json")]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "OK: Acme's social spaces by theme: 4 spaces · 3 themes · 3 platforms\n");
    assert_eq!(err, "warning: spaces[3].url: only http: and https: URLs become links (https://…): \"Acme Newsroom\" (\"javascript:alert(1)\") is shown without one\n");
}

#[test]
fn check_lists_every_problem_of_an_invalid_dataset_and_exits_1() {
    let (code, out, _) = outcome(&["check", &fixture("invalid.json")]);
    assert_eq!(code, 1);
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        [
            "company: this field is required",
            "themes[0].color: a colour is written #rrggbb, not \"blue\"",
            "spaces[0].themes: a space needs at least one theme",
            "spaces[1].name: this field is required",
            "spaces[1].country: a country is a two-letter ISO 3166 code or WW, not \"France\"",
            "spaces[2].audience: an audience is a number of at least 0, in digits alone (1200), not a negative number",
            "spaces[2].last_post: a date is a day of the calendar written YYYY-MM-DD, not \"2024-02-30\"",
        ]
    );
}

#[test]
fn check_reads_csv_by_its_extension_and_locates_problems_by_row_and_column() {
    let (code, out, _) = outcome(&["check", &fixture("spaces.csv"), "--company", "Acme", "--dedupe", "--lang", "fr"]);
    assert_eq!(code, 0);
    assert_eq!(out, "OK: Acme: 5 espaces → 4 une fois les copies fusionnées · 3 thèmes · 4 plateformes\n");
    let (code, out, _) = outcome(&["check", &fixture("bad.csv")]);
    assert_eq!(code, 1);
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        [
            "row 3, column Themes: a space needs at least one theme",
            "row 5, column Country: a country is a two-letter ISO 3166 code or WW, not \"France\"",
            "row 5, column Audience: an audience is a number of at least 0, in digits alone (1200), not \"lots\"",
            "row 5, column Last_Post: a date is a day of the calendar written YYYY-MM-DD, not \"yesterday\"",
            "row 7, column Name: this field is required",
        ]
    );
}

#[test]
fn a_csv_without_company_checks_with_just_the_summary() {
    let (code, out, _) = outcome(&["check", &fixture("spaces.csv")]);
    assert_eq!((code, out.as_str()), (0, "OK: 5 spaces · 3 themes · 4 platforms\n"));
}

#[test]
fn without_a_known_extension_the_first_character_decides() {
    let json = write("data.txt", r#"  {"company": "A", "spaces": []}"#);
    assert_eq!(outcome(&["check", &json]).1, "OK: A: 0 spaces · 0 themes · 0 platforms\n");
    let csv = write("data.tsv", "name,platform,themes\nBlog,blog,news\n");
    assert_eq!(outcome(&["check", &csv]).1, "OK: 1 space · 1 theme · 1 platform\n");
}

#[test]
fn unreadable_json_is_invalid_data() {
    let file = write("broken.json", "{\"company\": \"A\",");
    let (code, out, _) = outcome(&["check", &file]);
    assert_eq!(code, 1);
    assert_eq!(out, "line 1, column 17: the data cannot be read: the data ends too soon\n");
}

#[test]
fn an_array_of_datasets_is_checked_one_by_one() {
    let file = write(
        "compare.json",
        r#"[{"company": "Dell", "spaces": [{"name": "a", "platform": "x", "themes": ["t"]}]},
            {"company": "BT", "spaces": [{"name": "b", "platform": "x"}]}]"#,
    );
    let (code, out, _) = outcome(&["check", &file]);
    assert_eq!((code, out.as_str()), (1, "[1].spaces[0].themes: a space needs at least one theme\n"));
    let file = write("compare-ok.json", r#"[{"company": "Dell", "spaces": []}, {"company": "BT", "spaces": []}]"#);
    let (code, out, _) = outcome(&["check", &file]);
    assert_eq!((code, out.as_str()), (0, "OK: Dell: 0 spaces · 0 themes · 0 platforms; BT: 0 spaces · 0 themes · 0 platforms\n"));
}

// ---------------------------------------------------------------- usage and I/O errors

#[test]
fn usage_and_io_errors_exit_2() {
    for args in [
        vec![],
        vec!["frobnicate", "x.json"],
        vec!["check"],
        vec!["check", "a.json", "b.json"],
        vec!["check", "valid.json", "--colour", "red"],
        vec!["render", "valid.json", "--group-by", "mood", "--svg", "x.svg"],
        vec!["render", "valid.json", "--lang", "de", "--svg", "x.svg"],
        vec!["render", "valid.json", "--width", "12", "--svg", "x.svg"],
        vec!["render", "valid.json", "--svg"],
        vec!["check", "valid.json", "--svg", "x.svg"],
        vec!["check", "/nonexistent/spaces.json"],
    ] {
        let (code, out, err) = outcome(&args);
        assert_eq!(code, 2, "{args:?}: {out}{err}");
        assert!(err.starts_with("channel-sprawl: "), "{args:?}: {err}");
    }
    let (code, out, _) = outcome(&["render", &fixture("valid.json")]);
    assert_eq!((code, out.as_str()), (2, ""), "render needs --svg");
}

#[test]
fn help_and_version_exit_0() {
    let (code, out, _) = outcome(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("channel-sprawl render FILE --svg OUT"));
    let (code, out, _) = outcome(&["check", "-h"]);
    assert!(code == 0 && out.starts_with("channel-sprawl: check"));
    let (code, out, _) = outcome(&["--version"]);
    assert_eq!((code, out), (0, format!("channel-sprawl {}\n", env!("CARGO_PKG_VERSION"))));
}

// ---------------------------------------------------------------- render

#[test]
fn render_writes_the_static_svg() {
    let out = scratch("acme.svg");
    let (code, stdout, err) =
        outcome(&["render", &fixture("valid.json"), "--svg", out.to_str().unwrap(), "--group-by", "platform", "--lang", "fr"]);
    assert_eq!((code, stdout.as_str()), (0, ""), "{err}");
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(svg.starts_with("<svg width=\"640\" "), "{svg}");
    assert!(svg.contains("<desc>4 espaces · 3 thèmes · 3 plateformes</desc>"));
    assert!(svg.contains("\nTwitter\n") && svg.contains("\nLinkedIn\n"), "grouped by platform");
    assert!(svg.ends_with("</svg>\n"));
}

#[test]
fn render_to_standard_output_with_options() {
    let (code, svg, _) =
        outcome(&["render", &fixture("spaces.csv"), "--svg", "-", "--width=320", "--chart", "bar", "--dedupe", "--title", "Acme & co"]);
    assert_eq!(code, 0);
    assert!(svg.starts_with("<svg width=\"320\" "));
    assert!(svg.contains("<title>Acme &amp; co</title>"));
    assert!(svg.contains("5 spaces → 4 once copies are merged"));
}

#[test]
fn render_refuses_invalid_data_and_writes_nothing() {
    let out = scratch("bad.svg");
    let (code, stdout, stderr) = outcome(&["render", &fixture("bad.csv"), "--svg", out.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!((stdout.as_str(), stderr.lines().count()), ("", 5), "problems on standard error: standard output may be the picture");
    assert!(!out.exists());
}

// ---------------------------------------------------------------- snippet

/// The JSON inside `<script type="application/json">` … `</script>`.
fn inline_json(html: &str) -> &str {
    html.split_once("<script type=\"application/json\">").unwrap().1.split_once("</script>").unwrap().0
}

#[test]
fn snippet_prints_the_loader_and_a_figure_with_the_data_inline() {
    let (code, html, err) = outcome(&["snippet", &fixture("valid.json"), "--svg", "/img/acme.svg", "--group-by", "country", "--dedupe"]);
    assert_eq!(code, 0, "{err}");
    assert!(html.starts_with("<script type=\"module\" src=\"/assets/channel-sprawl.js\"></script>\n\n<figure data-channel-sprawl data-group-by=\"country\" data-dedupe>\n"), "{html}");
    let data: serde_json::Value = serde_json::from_str(inline_json(&html)).unwrap();
    let original: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(fixture("valid.json")).unwrap()).unwrap();
    assert_eq!(data, original, "the inline data is the file's");
    assert!(
        html.ends_with("  <noscript><img src=\"/img/acme.svg\" alt=\"Acme&#39;s social spaces by country: 4 spaces → 3 once copies are merged · 3 themes · 3 platforms\"></noscript>\n</figure>\n"),
        "{html}"
    );
}

#[test]
fn snippet_without_svg_has_no_noscript_image() {
    let (code, html, _) = outcome(&["snippet", &fixture("valid.json"), "--script", "/js/cs.js", "--chart", "pie", "--lang", "fr"]);
    assert_eq!(code, 0);
    assert!(html.starts_with(
        "<script type=\"module\" src=\"/js/cs.js\"></script>\n\n<figure data-channel-sprawl data-chart=\"pie\" data-lang=\"fr\">\n"
    ));
    assert!(!html.contains("noscript"));
}

#[test]
fn snippet_data_can_never_close_the_script_or_open_a_comment() {
    let file = write(
        "hostile.json",
        r#"{"company": "</script><script>alert(1)</script>", "title": "<!-- & -->",
            "spaces": [{"name": "</SCRIPT >\u2028", "platform": "x", "themes": ["t"], "url": "https://a.example/?q=<b>&x='1'"}]}"#,
    );
    let (code, html, _) = outcome(&["snippet", &file, "--svg", "/x.svg?a=1&b=\"2\""]);
    assert_eq!(code, 0);
    assert_eq!(html.to_ascii_lowercase().matches("</script").count(), 2, "the loader's and the data's own: {html}");
    assert!(!html.contains("<!--"), "{html}");
    let json = inline_json(&html);
    assert!(!json.contains('<') && !json.contains('>') && !json.contains('&'));
    assert!(json.contains(r#""company": "\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e""#), "{json}");
    let data: serde_json::Value = serde_json::from_str(json).unwrap();
    assert_eq!(data["spaces"][0]["name"], "</SCRIPT >\u{2028}");
    assert_eq!(data["title"], "<!-- & -->");
    assert!(
        html.contains("<img src=\"/x.svg?a=1&amp;b=&quot;2&quot;\" alt=\"&lt;!-- &amp; --&gt;: 1 space · 1 theme · 1 platform\">"),
        "{html}"
    );
}

#[test]
fn a_file_that_is_not_utf8_is_read_as_windows_1252() {
    // As Excel saves a sheet as CSV in France: `;` between fields, é as E9, “ and ” as 93 and 94, € as 80.
    let (code, html, err) = outcome(&["snippet", &fixture("spaces-1252.csv"), "--company", "Acme"]);
    assert_eq!(code, 0, "{err}");
    let data: serde_json::Value = serde_json::from_str(inline_json(&html)).unwrap();
    assert_eq!(data["spaces"][0]["name"], "Café Acme");
    assert_eq!(data["spaces"][1]["name"], "Promos “5 €”");
    assert_eq!(data["spaces"][1]["themes"], serde_json::json!(["éducation"]));
}

#[test]
fn a_file_in_utf16_with_its_byte_order_mark_is_read_as_such() {
    // Excel's "Unicode text": UTF-16 little-endian, tabs between fields.
    let text = "name\tplatform\tthemes\nCafé Acme\tblog\tnews\n";
    for big in [false, true] {
        let mut bytes: Vec<u8> = if big { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
        for unit in text.encode_utf16() {
            bytes.extend(if big { unit.to_be_bytes() } else { unit.to_le_bytes() });
        }
        let path = scratch(if big { "utf16be.csv" } else { "utf16le.csv" });
        std::fs::write(&path, bytes).unwrap();
        let (code, html, err) = outcome(&["snippet", path.to_str().unwrap(), "--company", "Acme"]);
        assert_eq!(code, 0, "{err}");
        let data: serde_json::Value = serde_json::from_str(inline_json(&html)).unwrap();
        assert_eq!(data["spaces"][0]["name"], "Café Acme");
    }
}

#[test]
fn other_below_sets_the_fold_in_the_picture_and_the_snippet() {
    // 200 themes of one space each: every one under 2 %, all in one Other by default.
    let rows: String = (0..200).map(|i| format!("s{i},blog,t{i}\n")).collect();
    let file = write("many.csv", &format!("name,platform,themes\n{rows}"));
    let legend_rows = |svg: &str| svg.matches("width=\"14\" height=\"14\"").count();
    let (_, folded, _) = outcome(&["render", &file, "--svg", "-"]);
    let (code, all, err) = outcome(&["render", &file, "--svg", "-", "--other-below", "0"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!((legend_rows(&folded), legend_rows(&all)), (6, 39), "five and Other, or 39 rows and the line for the rest");
    let (_, html, _) = outcome(&["snippet", &file, "--company", "A", "--other-below", "0,5 %"]);
    assert!(html.contains("data-other-below=\"0,5 %\""), "{html}");
    let (code, _, err) = outcome(&["render", &file, "--svg", "-", "--other-below", "lots"]);
    assert_eq!(code, 2);
    assert!(err.contains("--other-below \"lots\": expected a fraction"), "{err}");
}

#[test]
fn snippet_from_csv_needs_a_company_and_inlines_json() {
    let (code, _, err) = outcome(&["snippet", &fixture("spaces.csv")]);
    assert_eq!(code, 2);
    assert!(err.contains("--company"), "{err}");
    let (code, html, _) = outcome(&["snippet", &fixture("spaces.csv"), "--company", "Acme", "--title", "Acme's spaces"]);
    assert_eq!(code, 0);
    let data: serde_json::Value = serde_json::from_str(inline_json(&html)).unwrap();
    assert_eq!(data["company"], "Acme");
    assert_eq!(data["title"], "Acme's spaces");
    assert_eq!(
        data["spaces"][2],
        serde_json::json!({
            "name": "Acme Careers, worldwide", "platform": "LinkedIn", "themes": ["jobs", "news"], "country": "WW", "audience": 3500
        })
    );
    assert_eq!(data["spaces"][4]["internal"], true);
    assert_eq!(data["spaces"].as_array().unwrap().len(), 5);
}

#[test]
fn snippet_refuses_invalid_data() {
    let (code, out, err) = outcome(&["snippet", &fixture("invalid.json")]);
    assert_eq!(code, 1);
    assert_eq!(out, "", "nothing to paste");
    assert!(err.starts_with("company: this field is required\n"));
}

#[test]
fn a_comparison_keeps_its_companies_names() {
    let file = scratch("two.json");
    let one = |c: &str| serde_json::json!({ "company": c, "spaces": [{ "name": "a", "platform": "blog", "themes": ["x"] }] });
    std::fs::write(&file, serde_json::json!([one("Dell"), one("BT")]).to_string()).unwrap();
    let (code, out, err) = outcome(&["snippet", file.to_str().unwrap(), "--company", "Foo"]);
    assert_eq!((code, out.as_str()), (2, ""), "one name for two companies is refused");
    assert!(err.contains("compares 2 companies"), "{err}");
    let (code, html, _) = outcome(&["snippet", file.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(html.contains("\"company\":\"Dell\"") || html.contains("\"company\": \"Dell\""), "{html}");
}
