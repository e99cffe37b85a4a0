//! CSV datasets: RFC 4180 text in, the same dataset as the equivalent JSON out, or every problem
//! located by row (the CSV line) and column.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use channel_sprawl::csv;
use channel_sprawl::dataset::{Dataset, Problem, Space, MAX_PROBLEMS, MAX_SPACES};
use common::{dataset, space, with};
use serde_json::json;

/// A CSV that must be valid.
#[track_caller]
fn valid(text: &str) -> Dataset {
    csv::parse(text, Some("Acme"), None).unwrap_or_else(|problems| {
        let list: Vec<String> = problems.iter().map(|p| format!("  {p}")).collect();
        panic!("expected a valid CSV, got:\n{}", list.join("\n"))
    })
}

/// The problems of a CSV that must be invalid, as they print: `path: message`.
#[track_caller]
fn problems(text: &str) -> Vec<String> {
    match csv::parse(text, Some("Acme"), None) {
        Ok(d) => panic!("expected problems, got a valid dataset: {d:#?}"),
        Err(problems) => problems.iter().map(Problem::to_string).collect(),
    }
}

fn names(d: &Dataset) -> Vec<&str> {
    d.spaces.iter().map(|s| s.name.as_str()).collect()
}

fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

// ---------------------------------------------------------------- the same dataset as JSON

#[test]
fn a_csv_reads_as_the_equivalent_json() {
    let from_csv = csv::parse(
        "name,platform,themes,url,country,language,department,function,audience,last_post,internal\n\
         Acme Careers France,LinkedIn,jobs,https://www.linkedin.com/company/acme-fr,fr,fr,HR,careers,1250,2024-05-06,no\n\
         Acme on X,X,news;support,,WW,,,,,,\n\
         Yammer,microblog,jobs,,,,,,,,yes\n",
        Some("Acme"),
        Some("Our spaces"),
    )
    .unwrap();
    let from_json = dataset(json!({
        "company": "Acme",
        "title": "Our spaces",
        "spaces": [
            with(space("Acme Careers France", "LinkedIn", &["jobs"]), json!({
                "url": "https://www.linkedin.com/company/acme-fr", "country": "fr", "language": "fr",
                "department": "HR", "function": "careers", "audience": 1250, "last_post": "2024-05-06", "internal": false
            })),
            with(space("Acme on X", "X", &["news", "support"]), json!({ "country": "WW" })),
            with(space("Yammer", "microblog", &["jobs"]), json!({ "internal": true })),
        ]
    }));
    assert_eq!(from_csv, from_json);
    // Theme colours are generated: the CSV lists no themes.
    assert!(from_csv.themes.iter().all(|t| t.color.is_none() && !t.listed));
}

#[test]
fn header_names_ignore_case_and_blanks_and_unknown_columns_are_ignored() {
    let d = valid(" Name ,PLATFORM,Theme,Notes,Last Post,last-post\nBlog,blog,news,written by Ann,2024-01-02,\n");
    assert_eq!(names(&d), ["Blog"]);
    assert_eq!(d.spaces[0].last_post.as_deref(), Some("2024-01-02"), "an empty later column does not hide a filled one");
    assert_eq!(d.themes[0].id, "news", "`theme` names the themes column too");
}

#[test]
fn several_themes_are_separated_by_semicolons_and_blank_ones_are_dropped() {
    let d = valid("name,platform,themes\nHelp,forum, support ; ;news;\n");
    let ids: Vec<&str> = d.spaces[0].themes.iter().map(|&t| d.themes[t].id.as_str()).collect();
    assert_eq!(ids, ["support", "news"]);
}

#[test]
fn values_are_trimmed_and_an_empty_value_is_an_absent_field() {
    let d = valid("name,platform,themes,country,department\n  Blog  , blog ,news,  ,\n");
    assert_eq!(d.spaces[0], Space { name: "Blog".into(), platform: "blog".into(), themes: vec![0], ..Space::default() });
}

#[test]
fn a_spreadsheet_saved_with_semicolons_or_pasted_with_tabs_reads_the_same() {
    let commas = valid("name,platform,themes,country\n\"Acme, Inc.\",blog,news,FR\nHelp,forum,support;news,FR\n");
    // Excel in French (or German…) separates with `;` and quotes a list of themes; the header may
    // follow a blank line (an inline script starts with one).
    let semicolons = valid("\nname;platform;themes;country\n\"Acme, Inc.\";blog;news;FR\nHelp;forum;\"support;news\";FR\n");
    let tabs = valid("name\tplatform\tthemes\tcountry\r\nAcme, Inc.\tblog\tnews\tFR\r\nHelp\tforum\tsupport;news\tFR\r\n");
    assert_eq!(names(&semicolons), ["Acme, Inc.", "Help"]);
    assert_eq!(semicolons.spaces[1].themes.len(), 2);
    assert_eq!(semicolons, commas);
    assert_eq!(tabs, commas);
    // Where the header has as many commas as semicolons, commas separate.
    let missing = |f: &str| format!("row 1: the data cannot be read: the header row (name, platform;themes) has no \"{f}\" column");
    assert_eq!(problems("name,platform;themes\nBlog,blog;news\n"), [missing("platform"), missing("themes")]);
    // Separators inside a quoted header name do not count.
    assert_eq!(names(&valid("name,platform,themes,\"notes; a; b; c; d\"\nBlog,blog,news,x\n")), ["Blog"]);
}

#[test]
fn a_row_with_more_cells_than_the_header_has_columns_is_reported_not_slid() {
    // "Dell, Inc." unquoted: its values would slide one column to the right.
    assert_eq!(
        problems("name,platform,themes\nDell, Inc.,Facebook,promotions\nHelp,forum,support\nA,b,c,d,e\n"),
        [
            "row 2: 4 cells, more than the header's columns: a value that holds the separator needs quotes",
            "row 4: 5 cells, more than the header's columns: a value that holds the separator needs quotes"
        ]
    );
    // Empty cells past the last column (a spreadsheet's trailing separators) are fine.
    assert_eq!(names(&valid("name;platform;themes\nBlog;blog;news;;\n")), ["Blog"]);
}

// ---------------------------------------------------------------- RFC 4180 quoting

#[test]
fn quoted_fields_hold_commas_doubled_quotes_and_line_breaks() {
    let d = valid(
        "name,platform,themes\n\
         \"Acme, Inc.\",blog,news\n\
         \"The \"\"real\"\" Acme\",X,news\n\
         \"Two\nlines\",forum,\"support;news\"\n",
    );
    assert_eq!(names(&d), ["Acme, Inc.", "The \"real\" Acme", "Two\nlines"]);
    assert_eq!(d.spaces[2].themes.len(), 2);
}

#[test]
fn a_quoted_empty_name_is_reported_like_an_empty_one() {
    assert_eq!(problems("name,platform,themes\n\"\",blog,news\n"), ["row 2, column name: this field is required"]);
}

#[test]
fn blanks_around_quoted_fields_are_allowed() {
    let d = valid("name, platform, themes\nBlog,  \"blog\" , \"news; jobs\"\n");
    assert_eq!(d.spaces[0].platform, "blog");
    assert_eq!(d.themes.len(), 2);
}

#[test]
fn a_quote_inside_an_unquoted_field_is_kept_as_text() {
    let d = valid("name,platform,themes\nThe 12\" blog,blog,news\n");
    assert_eq!(names(&d), ["The 12\" blog"]);
}

#[test]
fn lf_crlf_and_cr_line_ends_read_the_same() {
    let lf = valid("name,platform,themes\nBlog,blog,news\nHelp,forum,support\n");
    let crlf = valid("name,platform,themes\r\nBlog,blog,news\r\nHelp,forum,support\r\n");
    let cr = valid("name,platform,themes\rBlog,blog,news\rHelp,forum,support\r");
    let no_final_newline = valid("name,platform,themes\nBlog,blog,news\nHelp,forum,support");
    assert_eq!(lf, crlf);
    assert_eq!(lf, cr);
    assert_eq!(lf, no_final_newline);
    assert_eq!(names(&lf), ["Blog", "Help"]);
}

#[test]
fn a_line_break_inside_quotes_is_a_newline_whatever_the_line_ends() {
    let d = valid("name,platform,themes\r\n\"a\r\nb\rc\",blog,news\r\n");
    assert_eq!(names(&d), ["a\nb\nc"]);
}

#[test]
fn a_utf8_byte_order_mark_is_skipped() {
    let d = valid("\u{feff}name,platform,themes\nBlog,blog,news\n");
    assert_eq!(names(&d), ["Blog"]);
}

#[test]
fn blank_lines_and_rows_of_empty_fields_are_skipped() {
    let d = valid("\n\nname,platform,themes\n\n,,\n  ,  ,\nBlog,blog,news\n\n\n");
    assert_eq!(names(&d), ["Blog"]);
}

#[test]
fn a_header_alone_is_a_valid_dataset_without_spaces() {
    let d = valid("name,platform,themes\n");
    assert!(d.spaces.is_empty());
}

// ---------------------------------------------------------------- numbers and booleans

#[test]
fn audience_is_a_number_when_it_reads_as_one() {
    let d = valid("name,platform,themes,audience\nA,blog,news,1250\nB,blog,news,1e3\nC,blog,news,\" 0.5 \"\n");
    let audiences: Vec<Option<f64>> = d.spaces.iter().map(|s| s.audience).collect();
    assert_eq!(audiences, [Some(1250.0), Some(1000.0), Some(0.5)]);
}

#[test]
fn audience_numbers_read_as_json_would() {
    let cells = ["+3", ".5", "1.", "2.5E-1", "1e+2", "0.1", "007", "123456789012345678901234", "0.000000000000000000001"];
    let rows: String = cells.iter().map(|c| format!("a,blog,news,{c}\n")).collect();
    let d = valid(&format!("name,platform,themes,audience\n{rows}"));
    let got: Vec<f64> = d.spaces.iter().map(|s| s.audience.unwrap()).collect();
    let expected: Vec<f64> = cells.iter().map(|c| c.parse::<f64>().unwrap()).collect();
    assert_eq!(got[..8], expected[..8]);
    assert!((got[8] - 1e-21).abs() < 1e-35, "{}", got[8]);
}

#[test]
fn an_audience_that_is_not_a_finite_number_of_at_least_0_is_reported() {
    assert_eq!(
        problems(
            "name,platform,themes,audience\nA,blog,news,lots\nB,blog,news,-3\nC,blog,news,inf\nD,blog,news,\"1,200\"\n\
             E,blog,news,NaN\nF,blog,news,1e400\nG,blog,news,0x10\nH,blog,news,1e\nI,blog,news,.\nJ,blog,news,1.2.3\n"
        ),
        ["\"lots\"", "a negative number", "\"inf\"", "\"1,200\"", "\"NaN\"", "\"1e400\"", "\"0x10\"", "\"1e\"", "\".\"", "\"1.2.3\""]
            .iter()
            .zip(2..)
            .map(|(v, row)| format!("row {row}, column audience: an audience is a number of at least 0, in digits alone (1200), not {v}"))
            .collect::<Vec<_>>()
    );
}

#[test]
fn internal_reads_true_false_1_0_yes_no_oui_non_in_any_case() {
    let d = valid(
        "name,platform,themes,internal\na,x,t,TRUE\nb,x,t,1\nc,x,t,Yes\nd,x,t,oui\ne,x,t,false\nf,x,t,0\ng,x,t,NO\nh,x,t,non\ni,x,t,\n",
    );
    let internal: Vec<bool> = d.spaces.iter().map(|s| s.internal).collect();
    assert_eq!(internal, [true, true, true, true, false, false, false, false, false]);
    assert_eq!(
        problems("name,platform,themes,internal\na,x,t,maybe\n"),
        ["row 2, column internal: write true or false (in a CSV, also yes or no, 1 or 0), not \"maybe\""]
    );
}

// ---------------------------------------------------------------- problems located by row and column

#[test]
fn problems_name_the_row_and_the_column_as_written_in_the_header() {
    assert_eq!(
        problems(
            "name,platform,Themes,country,last_post\n\
             Careers,LinkedIn,jobs,FR,2024-05-06\n\
             Help,forum,support,US,\n\
             News,X,news,,\n\
             Blog,blog,news,France,\n\
             Forum,forum,support,,2024-13-01\n\
             Yammer,microblog,,,\n"
        ),
        [
            "row 5, column country: a country is a two-letter ISO 3166 code or WW, not \"France\"",
            "row 6, column last_post: a date is a day of the calendar written YYYY-MM-DD, not \"2024-13-01\"",
            "row 7, column Themes: a space needs at least one theme",
        ]
    );
}

#[test]
fn a_semicolon_alone_is_no_theme() {
    assert_eq!(problems("name,platform,themes\nBlog,blog, ; \n"), ["row 2, column themes: a space needs at least one theme"]);
}

#[test]
fn a_line_break_inside_quotes_shifts_the_rows_that_follow() {
    // Row 2 spans lines 2 to 4: the next record starts on line 5.
    assert_eq!(
        problems("name,platform,themes\n\"Three\nline\nname\",blog,news\nHelp,,support\n"),
        ["row 5, column platform: this field is required"]
    );
    let sheet = csv::read("name,platform,themes\n\"a\r\nb\",x,t\r\n\r\nc,x,t\n", None, None).unwrap();
    assert_eq!(sheet.rows, [2, 5]);
}

#[test]
fn blank_lines_count_as_rows() {
    assert_eq!(problems("\nname,platform,themes\n\nBlog,blog,\n"), ["row 4, column themes: a space needs at least one theme"]);
}

#[test]
fn a_theme_id_problem_names_the_themes_column() {
    let long = "x".repeat(channel_sprawl::dataset::MAX_TEXT + 1);
    let got = problems(&format!("name,platform,theme\nBlog,blog,news;{long}\n"));
    assert_eq!(got, [format!("row 2, column theme: longer than {} characters", channel_sprawl::dataset::MAX_TEXT)]);
}

#[test]
fn warnings_are_located_too() {
    let d = valid("name,platform,themes,url\nBlog,blog,news,javascript:alert(1)\n");
    assert_eq!(d.spaces[0].link(), None);
    let warnings: Vec<(&str, &str)> = d.warnings.iter().map(|w| (w.path.as_str(), w.code)).collect();
    assert_eq!(warnings, [("row 2, column url", "url")]);
}

#[test]
fn the_problem_count_is_capped_as_for_json() {
    let rows: String = (0..30).map(|i| format!("Space {i},,news\n")).collect();
    let got = csv::parse(&format!("name,platform,themes\n{rows}"), None, None).unwrap_err();
    assert_eq!(got.len(), MAX_PROBLEMS);
    assert_eq!(got[0].to_string(), "row 2, column platform: this field is required");
    assert_eq!((got[MAX_PROBLEMS - 1].path.as_str(), got[MAX_PROBLEMS - 1].code, got[MAX_PROBLEMS - 1].detail.as_str()), ("", "more", "6"));
}

#[test]
fn an_unclosed_quote_is_a_syntax_problem_on_the_row_where_it_opens() {
    let got = csv::parse("name,platform,themes\nBlog,blog,news\nHelp,\"forum,support\nNews,X,news\n", Some("Acme"), None).unwrap_err();
    assert_eq!(got.len(), 1);
    assert_eq!((got[0].path.as_str(), got[0].code), ("row 3", "syntax"));
    assert_eq!(got[0].to_string(), "row 3: the data cannot be read: the quote opened in column platform is never closed");
    // In the header itself.
    let got = csv::parse("name,\"platform,themes\n", None, None).unwrap_err();
    assert_eq!(got[0].to_string(), "row 1: the data cannot be read: the quote opened in field 2 is never closed");
}

#[test]
fn a_missing_required_column_is_reported_once_on_the_header() {
    assert_eq!(
        problems("Name,Network,Topics\nBlog,blog,news\n"),
        [
            "row 1: the data cannot be read: the header row (Name, Network, Topics) has no \"platform\" column",
            "row 1: the data cannot be read: the header row (Name, Network, Topics) has no \"themes\" column",
        ]
    );
}

#[test]
fn an_empty_csv_has_no_header() {
    for text in ["", "\n\n", "\u{feff}", " , ,\n"] {
        assert_eq!(problems(text), ["row 1: the data cannot be read: there is no header row naming the columns"], "{text:?}");
    }
}

#[test]
fn more_than_max_spaces_rows_are_refused_while_reading() {
    let mut text = String::from("name,platform,themes\n");
    for _ in 0..=MAX_SPACES {
        text.push_str("a,b,c\n");
    }
    let got = csv::read(&text, None, None).unwrap_err();
    let row = MAX_SPACES + 2;
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].to_string(), format!("row {row}: more than {MAX_SPACES} entries; split the dataset"));
}

// ---------------------------------------------------------------- company and title

#[test]
fn a_csv_without_a_company_is_valid_and_has_an_empty_company() {
    for company in [None, Some(""), Some("   ")] {
        let d = csv::parse("name,platform,themes\nBlog,blog,news\n", company, None).unwrap();
        assert_eq!(d.company, "", "{company:?}");
        assert_eq!(names(&d), ["Blog"]);
    }
    let sheet = csv::read("name,platform,themes\n", None, None).unwrap();
    assert!(!sheet.has_company);
}

#[test]
fn company_and_title_come_from_the_arguments() {
    let d = csv::parse("name,platform,themes\nBlog,blog,news\n", Some("Dell"), Some("Dell's spaces")).unwrap();
    assert_eq!((d.company.as_str(), d.title.as_deref()), ("Dell", Some("Dell's spaces")));
    let d = csv::parse("name,platform,themes\n", Some("Dell"), Some("  ")).unwrap();
    assert_eq!(d.title, None);
}

#[test]
fn an_overlong_company_is_still_reported() {
    let long = "x".repeat(channel_sprawl::dataset::MAX_TEXT + 1);
    let got = csv::parse("name,platform,themes\n", Some(&long), None).unwrap_err();
    assert_eq!((got[0].path.as_str(), got[0].code), ("company", "too-long"));
}

// ---------------------------------------------------------------- fixtures

#[test]
fn the_spaces_fixture_is_valid() {
    let d = csv::parse(&fixture("spaces.csv"), None, None).unwrap();
    assert_eq!(d.company, "");
    assert_eq!(names(&d), ["@AcmeCares", "@AcmeCaresFR", "Acme Careers, worldwide", "The \"Acme\" blog", "Yammer"]);
    let ids: Vec<&str> = d.themes.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["support", "jobs", "news"]);
    assert_eq!(d.spaces[0].audience, Some(1200.0));
    assert_eq!(d.spaces[2].audience, Some(3500.0));
    assert_eq!(d.spaces[2].country.as_deref(), Some("WW"));
    assert!(!d.spaces[0].internal && d.spaces[4].internal);
}

#[test]
fn the_bad_fixture_lists_every_problem_by_row_and_column() {
    assert_eq!(
        problems(&fixture("bad.csv")),
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
fn what_spreadsheets_write_reads_as_meant() {
    // An inline CSV indented with tabs (in a page's HTML): the indent is no separator.
    let indented = valid("\n\t\t\tname,platform,themes\n\t\t\tHelp,forum,support\n\t\t\tNews,blog,news\n");
    assert_eq!(names(&indented), ["Help", "News"]);
    // Excel's `sep=;` line names the separator; the header is then row 2.
    let named = valid("sep=;\r\nname;platform;themes\r\nHelp;forum;support,news\r\n");
    assert_eq!(named.spaces[0].themes.len(), 1);
    let got = csv::parse("sep=;\nname;platform;themes\nHelp;forum;\n", Some("A"), None).unwrap_err();
    assert_eq!(got[0].path, "row 3, column themes");
    // Themes typed on lines of their own in one cell (Alt+Enter) are several.
    let lines = valid("name,platform,themes\nHelp,forum,\"support\nnews\"\n");
    assert_eq!(lines.spaces[0].themes.len(), 2);
    // A header that is not one says what it holds.
    assert_eq!(
        problems("Inventory 2024,,\nname,platform,themes\n")[0],
        "row 1: the data cannot be read: the header row (Inventory 2024) has no \"name\" column"
    );
}

#[test]
fn a_column_no_field_has_and_a_list_of_themes_with_commas_are_warned_of() {
    let d = valid("Name,Country code,Platform,Themes\nHelp,FR,forum,\"support, community\"\nNews,FR,blog,news\n");
    let warnings: Vec<String> = d.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(
        warnings,
        [
            "row 1, column Country code: not a space field, so this column is left out",
            "row 2, column Themes: \"support, community\" is read as one theme: several are separated by ;",
        ]
    );
}
