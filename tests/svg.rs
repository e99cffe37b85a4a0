//! The static SVG (noscript, RSS, social previews, export): title, summary, legend, colours, and
//! hostile dataset text kept as text.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use channel_sprawl::chart::{Chart, Options};
use channel_sprawl::dataset::Dataset;
use channel_sprawl::geometry::Shape;
use channel_sprawl::group::GroupBy;
use channel_sprawl::palette::Rgb;
use channel_sprawl::svg::{self, render, summary};
use common::{dataset, space, with};
use serde_json::json;

/// Jobs 3, news 3, support 1; two careers spaces share a function; five platforms (X and
/// Twitter are one).
fn acme() -> Dataset {
    dataset(json!({
        "company": "Acme",
        "title": "Acme's spaces",
        "themes": [{ "id": "jobs", "label": "Careers", "color": "#abcdef" }, { "id": "news" }, { "id": "support" }],
        "spaces": [
            with(space("Careers FR", "LinkedIn", &["jobs"]), json!({ "function": "careers", "department": "HR", "country": "FR" })),
            with(space("Careers DE", "LinkedIn", &["jobs"]), json!({ "function": "careers", "department": "HR", "country": "DE" })),
            with(space("Careers UK", "X", &["jobs", "news"]), json!({ "country": "WW" })),
            space("Newsroom", "Twitter", &["news"]),
            space("Blog", "blog", &["news"]),
            space("Help", "forum", &["support"]),
            space("Videos", "YouTube", &["news"]),
        ]
    }))
}

fn options(group_by: GroupBy, dedupe: bool) -> Options {
    Options { group_by, dedupe, ..Options::default() }
}

/// Every `<text>` element as `(attributes, content)`, in order (content as written: escaped).
fn text_elements(svg: &str) -> Vec<(&str, &str)> {
    svg.split("<text ")
        .skip(1)
        .filter_map(|t| {
            let (attrs, rest) = t.split_once(">\n")?;
            Some((attrs, rest.split_once("\n</text>")?.0))
        })
        .collect()
}

/// The texts of the picture but the segments' direct labels (centred on their segment): title,
/// summary, the count in the hole, then per legend entry its count and label.
fn texts(svg: &str) -> Vec<&str> {
    text_elements(svg)
        .into_iter()
        .filter(|(a, _)| !(a.contains("text-anchor=\"middle\"") && a.contains("dy=\"0.5ex\"")))
        .map(|(_, t)| t)
        .collect()
}

/// The segments' direct labels (their counts), in painting order.
fn segment_labels(svg: &str) -> Vec<&str> {
    text_elements(svg)
        .into_iter()
        .filter(|(a, _)| a.contains("text-anchor=\"middle\"") && a.contains("dy=\"0.5ex\""))
        .map(|(_, t)| t)
        .collect()
}

/// The legend: `(label, count)` per entry.
fn legend(svg: &str) -> Vec<(&str, &str)> {
    let entries: Vec<&str> = text_elements(svg)
        .into_iter()
        .filter(|(a, _)| a.contains("dy=\"0.5ex\"") && !a.contains("text-anchor=\"middle\""))
        .map(|(_, t)| t)
        .collect();
    entries.chunks(2).map(|c| (c[1], c[0])).collect()
}

/// The `fill` of every legend swatch (14 × 14 rectangles), in order.
fn swatches(svg: &str) -> Vec<&str> {
    svg.lines()
        .filter(|l| l.starts_with("<rect") && l.contains("width=\"14\" height=\"14\""))
        .filter_map(|l| l.split("fill=\"").nth(1)?.split('"').next())
        .collect()
}

/// As plotters-svg writes a colour: `#RRGGBB`, upper case.
fn hex(c: Rgb) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// A small XML well-formedness check: balanced tags, quoted attributes without `<`, every `&` an
/// entity, no character XML 1.0 forbids.
#[track_caller]
fn assert_well_formed(svg: &str) {
    assert!(svg.starts_with("<svg "), "starts with the root element");
    let forbidden = svg.chars().find(|&c| (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{fffe}' || c == '\u{ffff}');
    assert_eq!(forbidden, None, "a character XML forbids");
    let entity_ok = |rest: &str| {
        let Some(end) = rest.find(';') else { return false };
        let name = &rest[1..end];
        matches!(name, "lt" | "gt" | "amp" | "quot" | "apos")
            || name.strip_prefix('#').is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
    };
    let mut stack: Vec<&str> = Vec::new();
    let mut roots = 0;
    let mut i = 0;
    let bytes = svg.as_bytes();
    while i < svg.len() {
        match bytes[i] {
            b'<' => {
                let end = i + svg[i..].find('>').expect("an unclosed tag");
                let tag = &svg[i + 1..end];
                if let Some(name) = tag.strip_prefix('/') {
                    assert_eq!(stack.pop(), Some(name.trim()), "tags close in order");
                } else {
                    let name = tag.split(|c: char| c.is_whitespace() || c == '/').next().unwrap_or("");
                    assert!(!name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric()), "a tag name: {tag:?}");
                    assert_eq!(tag.matches('"').count() % 2, 0, "attribute values are quoted: {tag:?}");
                    assert!(!tag.contains('<'), "no < inside a tag: {tag:?}");
                    for (k, _) in tag.match_indices('&') {
                        assert!(entity_ok(&tag[k..]), "an entity in {tag:?}");
                    }
                    if stack.is_empty() {
                        roots += 1;
                    }
                    if !tag.ends_with('/') {
                        stack.push(name);
                    }
                }
                i = end + 1;
            }
            b'&' => {
                assert!(entity_ok(&svg[i..]), "an entity at {:?}", &svg[i..(i + 12).min(svg.len())]);
                i += 1;
            }
            _ => i += 1,
        }
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
    assert_eq!(roots, 1, "one root element");
}

// ---------------------------------------------------------------- summary and title

#[test]
fn the_summary_counts_spaces_used_themes_and_platforms() {
    let d = acme();
    assert_eq!(summary(&d, &Options::default(), "en"), "7 spaces · 3 themes · 5 platforms");
    assert_eq!(summary(&d, &Options::default(), "fr"), "7 espaces · 3 thèmes · 5 plateformes");
}

#[test]
fn with_dedupe_the_summary_says_what_merging_copies_leaves() {
    let d = acme();
    assert_eq!(summary(&d, &options(GroupBy::Theme, true), "en"), "7 spaces → 6 once copies are merged · 3 themes · 5 platforms");
    assert_eq!(
        summary(&d, &options(GroupBy::Theme, true), "fr"),
        "7 espaces → 6 une fois les copies fusionnées · 3 thèmes · 5 plateformes"
    );
    // Nothing to merge: no arrow.
    let d = dataset(json!({ "company": "A", "spaces": [space("Blog", "blog", &["news"])] }));
    assert_eq!(summary(&d, &options(GroupBy::Theme, true), "en"), "1 space · 1 theme · 1 platform");
}

#[test]
fn numbers_are_grouped_as_intl_number_format_does() {
    assert_eq!(svg::number(7, "en"), "7");
    assert_eq!(svg::number(1234, "en"), "1,234");
    assert_eq!(svg::number(1234567, "en"), "1,234,567");
    assert_eq!(svg::number(1234, "fr"), "1\u{202f}234");
    assert_eq!(svg::number(123, "fr-CA"), "123");
}

#[test]
fn the_heading_is_the_title_else_the_company() {
    let mut d = acme();
    assert_eq!(svg::title(&d), "Acme's spaces");
    d.title = None;
    assert_eq!(svg::title(&d), "Acme");
}

#[test]
fn a_title_that_names_a_grouping_names_the_pictures_as_the_widgets_heading_does() {
    let mut d = acme();
    let heading = |d: &Dataset, by: GroupBy, lang: &str| texts(&render(d, &options(by, false), lang, 640))[0].to_owned();
    d.title = Some("Les espaces de Acme par thème".into());
    assert_eq!(heading(&d, GroupBy::Platform, "fr"), "Les espaces de Acme par plateforme");
    assert_eq!(heading(&d, GroupBy::Theme, "fr"), "Les espaces de Acme par thème");
    assert_eq!(heading(&d, GroupBy::Platform, "en"), "Les espaces de Acme par thème", "phrases of the picture's language only");
    d.title = Some("Acme spaces BY THEME".into());
    assert_eq!(heading(&d, GroupBy::Country, "en"), "Acme spaces by country");
    d.title = Some("Nearby theme".into());
    assert_eq!(heading(&d, GroupBy::Country, "en"), "Nearby theme", "a whole phrase, after a space");
}

// ---------------------------------------------------------------- the picture

#[test]
fn the_picture_has_title_summary_legend_and_the_count_in_the_hole() {
    let out = render(&acme(), &Options::default(), "en", 640);
    assert_well_formed(&out);
    assert!(out.contains("<title>Acme&apos;s spaces</title>\n<desc>7 spaces · 3 themes · 5 platforms</desc>"), "{out}");
    let t = texts(&out);
    // Title, summary, the count in the hole, then per group its count and label.
    assert_eq!(t, ["Acme&apos;s spaces", "7 spaces · 3 themes · 5 platforms", "7", "spaces", "3", "Careers", "4", "News", "1", "Support"]);
}

#[test]
fn every_group_colour_is_a_swatch_and_fills_its_segment() {
    for by in GroupBy::ALL {
        let d = acme();
        let chart = Chart::new(d.clone(), options(by, false));
        let colors: Vec<String> = chart.groups.iter().map(|g| hex(g.color)).collect();
        let out = render(&d, &options(by, false), "en", 640);
        assert_eq!(swatches(&out), colors, "by {}", by.as_str());
        for c in &colors {
            assert!(out.contains(&format!("<polygon opacity=\"1\" fill=\"{c}\"")), "a segment filled with {c} (by {})", by.as_str());
        }
    }
    // A dataset colour is used exactly.
    assert_eq!(swatches(&render(&acme(), &Options::default(), "en", 640))[0], "#ABCDEF");
}

#[test]
fn a_repeated_colours_swatch_carries_its_segments_dots() {
    let themes: Vec<_> = (0..12).map(|i| json!({ "id": format!("t{i}") })).collect();
    let spaces: Vec<_> = (0..12).map(|i| space(&format!("s{i}"), "blog", &[&format!("t{i}")])).collect();
    let d = dataset(json!({ "company": "Acme", "themes": themes, "spaces": spaces }));
    let out = render(&d, &Options::default(), "en", 640);
    let number = |l: &str, attr: &str| -> i32 {
        l.split(&format!(" {attr}=\"")).nth(1).and_then(|v| v.split('"').next()).and_then(|v| v.parse().ok()).unwrap_or(-1)
    };
    let rects: Vec<(i32, i32)> = out
        .lines()
        .filter(|l| l.starts_with("<rect") && l.contains("width=\"14\" height=\"14\""))
        .map(|l| (number(l, "x"), number(l, "y")))
        .collect();
    // The legend's dots, in the picture's own pixels (the chart's are inside its scaled <g>).
    let dots: Vec<(i32, i32)> =
        out.lines().filter(|l| l.starts_with("<circle") && l.contains(" r=\"1\"")).map(|l| (number(l, "cx"), number(l, "cy"))).collect();
    let per_swatch: Vec<usize> = rects
        .iter()
        .map(|&(x, y)| dots.iter().filter(|&&(cx, cy)| (x..x + 14).contains(&cx) && (y..y + 14).contains(&cy)).count())
        .collect();
    assert_eq!(per_swatch, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 3], "the 11th and 12th colours repeat the 1st and 2nd");
    assert_eq!(dots.len(), 6);
}

#[test]
fn bars_are_level_with_their_legend_rows_which_name_them() {
    let out = render(&acme(), &Options { shape: Shape::Bar, ..options(GroupBy::Platform, false) }, "en", 640);
    let attr = |a: &str, name: &str| -> f64 {
        a.split(&format!(" {name}=\"")).nth(1).and_then(|v| v.split('"').next()).and_then(|v| v.parse().ok()).unwrap_or(f64::NAN)
    };
    // The chart's group: translate(x y) scale(s); each bar a four-point polygon in it.
    let (_, group) = out.split_once("<g transform=\"translate(").unwrap();
    let (head, body) = group.split_once(")\">").unwrap();
    let numbers: Vec<f64> = head.split([' ', '(', ')']).filter_map(|n| n.parse().ok()).collect();
    let (top, scale) = (numbers[1], numbers[2]);
    let bars: Vec<f64> = body
        .split("</g>")
        .next()
        .unwrap()
        .lines()
        .filter(|l| l.starts_with("<polygon"))
        .map(|l| {
            let ys: Vec<f64> =
                l.split("points=\"").nth(1).unwrap().split([' ', '"']).filter_map(|p| p.split_once(',')?.1.parse().ok()).collect();
            top + scale * (ys.iter().cloned().fold(f64::MAX, f64::min) + ys.iter().cloned().fold(f64::MIN, f64::max)) / 2.0
        })
        .collect();
    let labels: Vec<f64> = text_elements(&out)
        .into_iter()
        .filter(|(a, _)| a.contains("dy=\"0.5ex\"") && a.contains("text-anchor=\"start\""))
        .map(|(a, _)| attr(a, "y"))
        .collect();
    assert_eq!(bars.len(), 5, "five platforms, five bars");
    assert_eq!(labels.len(), bars.len());
    for (bar, label) in bars.iter().zip(&labels) {
        assert!((bar - label).abs() <= 1.0, "bar at {bar}, its legend row at {label}");
    }
}

#[test]
fn legend_labels_and_counts_follow_the_grouping_and_dedupe() {
    let out = render(&acme(), &options(GroupBy::Platform, true), "en", 640);
    // By platform with dedupe: LinkedIn's two careers copies count once.
    assert_eq!(legend(&out), [("Twitter", "2"), ("LinkedIn", "1"), ("Blog", "1"), ("Forum", "1"), ("YouTube", "1")]);
    assert_eq!(texts(&out)[2], "6", "the hole counts units");
}

#[test]
fn french_names_the_interface_groups_and_the_summary() {
    let d = acme();
    let out = render(&d, &options(GroupBy::Department, false), "fr", 640);
    let t = texts(&out);
    assert_eq!(t[1], "7 espaces · 3 thèmes · 5 plateformes");
    assert_eq!(t[3], "espaces");
    assert!(t.contains(&"Non renseigné"), "{t:?}");
    let out = render(&d, &options(GroupBy::Country, false), "fr", 640);
    assert!(texts(&out).contains(&"Monde"), "WW is Worldwide");
    let out = render(&d, &options(GroupBy::Country, false), "en", 640);
    assert!(texts(&out).contains(&"Worldwide") && texts(&out).contains(&"Not set"));
}

#[test]
fn small_groups_fold_into_other() {
    let mut spaces: Vec<serde_json::Value> = (0..60).map(|i| space(&format!("S{i}"), "blog", &["big"])).collect();
    spaces.push(space("a", "blog", &["tiny-a"]));
    spaces.push(space("b", "blog", &["tiny-b"]));
    let d = dataset(json!({ "company": "A", "spaces": spaces }));
    let t_en = texts(&render(&d, &Options::default(), "en", 640)).join("|");
    assert!(t_en.ends_with("60|Big|2|Other"), "{t_en}");
    let t_fr = texts(&render(&d, &Options::default(), "fr", 640)).join("|");
    assert!(t_fr.ends_with("60|Big|2|Autres"), "{t_fr}");
}

#[test]
fn hostile_text_stays_text() {
    let d = dataset(json!({
        "company": "<script>alert(1)</script> & \"Co\"",
        "themes": [
            { "id": "a", "label": "</text><script>alert('x')</script>" },
            { "id": "b", "label": "Tom & Jerry <3 \u{0001}\u{0008} \u{fffe}]]><!--" }
        ],
        "spaces": [
            with(space("x", "<img src=x onerror=alert(1)>", &["a"]), json!({ "department": "R&D <dept>" })),
            space("y", "\"quoted\" & 'single'", &["b"]),
        ]
    }));
    for by in GroupBy::ALL {
        for lang in ["en", "fr"] {
            let out = render(&d, &options(by, false), lang, 640);
            assert_well_formed(&out);
            assert!(!out.contains("<script") && !out.contains("<img") && !out.contains("<!--") && !out.contains("<dept"), "{out}");
        }
    }
    let out = render(&d, &Options::default(), "en", 900);
    assert!(out.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;</title>"), "{out}");
    let t = texts(&out);
    assert!(t.contains(&"&lt;/text&gt;&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;"), "{t:?}");
    assert!(t.contains(&"Tom &amp; Jerry &lt;3     ]]&gt;&lt;!--"), "controls become blanks: {t:?}");
}

#[test]
fn long_text_wraps_or_ends_with_an_ellipsis() {
    let long = "Careers and employer branding across every country where the group recruits";
    let d = dataset(json!({
        "company": "A company with a rather long name that will not fit on one line of a narrow picture",
        "themes": [{ "id": "jobs", "label": long }],
        "spaces": [space("x", "blog", &["jobs"])]
    }));
    let out = render(&d, &Options::default(), "en", 300);
    let t = texts(&out);
    // 268 pixels at 20 × 0.55 × 1.15 (bold) per character: 21 characters a line, two lines at
    // most. ("A company with a rather" in bold measures 278 px in Chromium here: it overflowed.)
    assert_eq!(t[0], "A company with a");
    assert!(t[1].starts_with("rather long name") && t[1].ends_with('…') && t[1].chars().count() <= 21, "{}", t[1]);
    let label = t.iter().find(|l| l.starts_with("Careers")).unwrap();
    assert!(label.ends_with('…') && label.len() < long.len(), "{label}");
}

#[test]
fn a_narrow_picture_puts_the_legend_under_the_chart() {
    let d = acme();
    let wide = render(&d, &Options::default(), "en", 640);
    let narrow = render(&d, &Options::default(), "en", 320);
    let y_of_first_swatch = |svg: &str| -> i32 {
        let line = svg.lines().find(|l| l.starts_with("<rect") && l.contains("width=\"14\"")).unwrap();
        line.split("y=\"").nth(1).unwrap().split('"').next().unwrap().parse().unwrap()
    };
    assert!(narrow.starts_with("<svg width=\"320\" height=\""));
    assert!(y_of_first_swatch(&narrow) > 78 + 288, "under a 288-pixel chart");
    assert!(y_of_first_swatch(&wide) < 78 + 296, "beside the chart");
}

#[test]
fn the_width_is_clamped() {
    let d = acme();
    assert!(render(&d, &Options::default(), "en", 10).starts_with(&format!("<svg width=\"{}\"", svg::MIN_WIDTH)));
    assert!(render(&d, &Options::default(), "en", 100_000).starts_with(&format!("<svg width=\"{}\"", svg::MAX_WIDTH)));
}

#[test]
fn pie_and_bar_charts_have_no_count_in_a_hole() {
    for shape in [Shape::Pie, Shape::Bar] {
        let out = render(&acme(), &Options { shape, ..Options::default() }, "en", 640);
        assert_well_formed(&out);
        let t = texts(&out);
        assert_eq!(t[..4], ["Acme&apos;s spaces", "7 spaces · 3 themes · 5 platforms", "3", "Careers"], "{}", shape.as_str());
    }
}

#[test]
fn an_empty_dataset_says_so() {
    let d = dataset(json!({ "company": "Acme", "spaces": [] }));
    let out = render(&d, &Options::default(), "fr", 640);
    assert_well_formed(&out);
    assert_eq!(texts(&out), ["Acme", "0 espaces · 0 thèmes · 0 plateformes", "Ce jeu de données ne contient encore aucun espace."]);
    assert!(!out.contains("<polygon"));
}

#[test]
fn without_a_company_or_title_the_summary_names_the_picture() {
    let d = channel_sprawl::csv::parse("name,platform,themes\nBlog,blog,news\n", None, None).unwrap();
    let out = render(&d, &Options::default(), "en", 640);
    assert_well_formed(&out);
    assert!(out.contains("<title>1 space · 1 theme · 1 platform</title>"));
    assert_eq!(texts(&out)[0], "1 space · 1 theme · 1 platform");
}

#[test]
fn counts_group_digits_in_the_interface_language() {
    let mut spaces: Vec<serde_json::Value> = (0..1500).map(|i| space(&format!("S{i}"), "blog", &["big"])).collect();
    spaces.extend((0..500).map(|i| space(&format!("T{i}"), "forum", &["small"])));
    let d = dataset(json!({ "company": "A", "spaces": spaces }));
    let fr = render(&d, &Options::default(), "fr", 640);
    assert_eq!(legend(&fr), [("Big", "1\u{202f}500"), ("Small", "500")]);
    assert_eq!(segment_labels(&fr), ["1\u{202f}500", "500"], "the segments' direct labels too");
    assert_eq!(texts(&fr)[1], "2\u{202f}000 espaces · 2 thèmes · 2 plateformes");
    let en = render(&d, &Options::default(), "en", 640);
    assert_eq!(segment_labels(&en), ["1,500", "500"]);
    assert_eq!(texts(&en)[2], "2,000", "the count in the hole");
}

#[test]
fn segment_labels_are_as_large_as_on_the_canvas() {
    let out = render(&acme(), &Options::default(), "en", 640);
    let sizes: Vec<&str> = text_elements(&out)
        .into_iter()
        .filter(|(a, _)| a.contains("text-anchor=\"middle\"") && a.contains("dy=\"0.5ex\""))
        .filter_map(|(a, _)| a.split("font-size=\"").nth(1)?.split('"').next())
        .collect();
    assert!(!sizes.is_empty());
    // The labels are in the chart's group, which scales them back (see the next test).
    let scale = chart_scale(&out);
    for size in sizes {
        let px: f64 = size.parse().unwrap();
        assert!((px * scale - channel_sprawl::render::LABEL_SIZE).abs() < 1e-9, "{size} × {scale}: plotters-svg writes size / 1.24");
    }
}

/// The scale of the chart's group (`<g transform="translate(x y) scale(s)">`).
fn chart_scale(svg: &str) -> f64 {
    let transform = svg.split("<g transform=\"").nth(1).expect("the chart's group").split('"').next().unwrap();
    transform.split("scale(").nth(1).unwrap().trim_end_matches(')').parse().unwrap()
}

#[test]
fn the_chart_outlines_have_sub_pixel_corners() {
    // plotters' coordinates are whole numbers: drawn at its size, a ring's outline steps from
    // pixel to pixel, which shows as a wobble when the SVG is zoomed or drawn at twice its size.
    let out = render(&acme(), &Options::default(), "en", 640);
    let scale = chart_scale(&out);
    assert!(scale < 1.0);
    let corners: Vec<f64> = out
        .split("<polygon")
        .skip(1)
        .filter_map(|p| p.split("points=\"").nth(1)?.split('"').next())
        .flat_map(|points| {
            points.split([' ', ',']).filter(|n| !n.is_empty()).map(|n| n.parse::<f64>().unwrap() * scale).collect::<Vec<_>>()
        })
        .collect();
    assert!(corners.len() > 100);
    let between = corners.iter().filter(|c| c.fract() != 0.0).count();
    assert!(between * 2 > corners.len(), "{between} of {} coordinates between pixels", corners.len());
}

#[test]
fn a_readers_view_leaves_hidden_groups_out_counts_them_and_expands_other() {
    let mut spaces: Vec<serde_json::Value> = (0..60).map(|i| space(&format!("S{i}"), "blog", &["big"])).collect();
    spaces.push(space("a", "blog", &["tiny-a"]));
    spaces.push(space("b", "blog", &["tiny-b"]));
    spaces.push(space("n", "blog", &["news"]));
    spaces.push(space("m", "blog", &["news"]));
    let d = dataset(json!({ "company": "A", "spaces": spaces }));
    let picture = |hidden: &[String], other_expanded: bool| {
        svg::Figure::new(&d, &Options::default(), svg::Shown { hidden, other_expanded, labels: &[], fill: None }, "en", 640, svg::FINE)
            .svg()
    };
    let legend_of = |out: &str| legend(out).into_iter().map(|(label, _)| label.to_owned()).collect::<Vec<_>>();
    assert_eq!(picture(&[], false), render(&d, &Options::default(), "en", 640), "nothing changed: the plain picture");
    let hidden = picture(&["news".to_owned(), "unknown".to_owned()], false);
    assert_eq!(legend_of(&hidden), ["Big", "Other"]);
    assert!(texts(&hidden)[1].ends_with(" · 1 hidden"), "{:?}", texts(&hidden));
    // The hole counts what the ring draws, of how many: the two news spaces are hidden.
    assert_eq!(texts(&hidden)[2..4], ["62", "spaces of 64"], "{:?}", texts(&hidden));
    assert_well_formed(&hidden);
    let expanded = picture(&["news".to_owned()], true);
    assert_eq!(legend_of(&expanded), ["Big", "Tiny a", "Tiny b"]);
    // The legend's names as the reader's: the browser names countries, the core does not.
    let labels = [("tiny-a".to_owned(), "Très petit A".to_owned()), ("unknown".to_owned(), "?".to_owned())];
    let named = svg::Figure::new(
        &d,
        &Options::default(),
        svg::Shown { hidden: &[], other_expanded: true, labels: &labels, fill: None },
        "en",
        640,
        svg::FINE,
    );
    assert_eq!(legend_of(&named.svg()), ["Big", "News", "Très petit A", "Tiny b"]);
}

#[test]
fn a_legend_of_thousands_lists_the_first_groups_and_says_how_many_more() {
    // An Other expanded into 1,000 themes: a picture of 40 legend rows, not 1,000.
    let spaces: Vec<_> = (0..1000).map(|i| space(&format!("s{i}"), "blog", &[&format!("t{i}")])).collect();
    let d = dataset(json!({ "company": "A", "spaces": spaces }));
    let out = svg::Figure::new(
        &d,
        &Options::default(),
        svg::Shown { hidden: &[], other_expanded: true, labels: &[], fill: None },
        "en",
        640,
        svg::FINE,
    );
    assert_eq!(swatches(&out.svg()).len(), 39);
    assert!(texts(&out.svg()).contains(&"… and 961 more"));
    assert!(out.height < 40 * 24 + 400, "{} px tall", out.height);
}

#[test]
fn a_comparison_is_one_picture_of_every_companys_chart_on_one_scale() {
    let big =
        dataset(json!({ "company": "Big", "spaces": (0..40).map(|i| space(&format!("b{i}"), "blog", &["news"])).collect::<Vec<_>>() }));
    let small = dataset(json!({ "company": "Small", "spaces": [space("s", "blog", &["news"]), space("t", "blog", &["hr"])] }));
    let figure = |d: &Dataset, fill: Option<f64>| {
        svg::Figure::new(d, &Options::default(), svg::Shown { fill, ..Default::default() }, "en", 640, svg::FINE)
    };
    // On one scale, the small company's ring has a twentieth of the area: no room for its count.
    let alone = figure(&small, None).svg();
    let scaled = figure(&small, Some(2.0 / 40.0)).svg();
    assert!(texts(&alone).contains(&"2"), "{:?}", texts(&alone));
    assert!(!texts(&scaled).contains(&"2"), "{:?}", texts(&scaled));
    // The ring's width across (its polygons' corners), a twentieth of the area: √(1/20) of it.
    let across = |svg: &str| {
        let xs: Vec<f64> = svg
            .split("<polygon")
            .skip(1)
            .filter_map(|p| p.split("points=\"").nth(1)?.split('"').next())
            .flat_map(|points| points.split(' ').filter_map(|p| p.split_once(',')?.0.parse::<f64>().ok()).collect::<Vec<_>>())
            .collect();
        xs.iter().cloned().fold(f64::MIN, f64::max) - xs.iter().cloned().fold(f64::MAX, f64::min)
    };
    let ratio = across(&scaled) / across(&alone);
    assert!((ratio - (2.0f64 / 40.0).sqrt()).abs() < 0.02, "{ratio}");
    let row = svg::row(&[figure(&big, Some(1.0)), figure(&small, Some(2.0 / 40.0))]);
    assert_well_formed(&row);
    assert!(row.starts_with("<svg width=\"1280\" height=\""), "{}", &row[..60]);
    assert!(row.contains("<title>Big · Small</title>"));
    // Each company's picture, whole, in its own column.
    assert!(row.contains("<svg x=\"0\" width=\"640\""));
    assert!(row.contains("<svg x=\"640\" width=\"640\""));
    assert_eq!(legend(&row), [("News", "40"), ("News", "1"), ("HR", "1")]);
    assert!(row.trim_end().ends_with("</svg>\n</svg>"));
}

#[test]
fn wide_letters_are_measured_wide_a_label_of_them_is_cut_before_its_count() {
    // Thirty W's are some 400 px at 14 px, not the 230 an average letter would make them.
    let wide = "W".repeat(30);
    let d = dataset(json!({
        "company": "Acme",
        "themes": [{ "id": "w", "label": wide }, { "id": "i", "label": "i".repeat(30) }],
        "spaces": [space("a", "blog", &["w"]), space("b", "blog", &["i"])]
    }));
    let out = render(&d, &Options::default(), "en", 640);
    let labels = texts(&out);
    let w = labels.iter().find(|t| t.starts_with("WWW")).expect("the W label");
    assert!(w.ends_with('…') && w.chars().count() < 25, "{w}");
    // Letters of the average width are not cut for nothing.
    assert!(labels.contains(&"i".repeat(30).as_str()), "{labels:?}");
}

#[test]
fn a_picture_is_wide_enough_for_its_ring_to_be_as_large_as_on_the_screen() {
    assert_eq!(svg::width_for(None), svg::DEFAULT_WIDTH);
    assert_eq!(svg::width_for(Some(296.0)), svg::DEFAULT_WIDTH);
    // 340 px on the screen: two of them and three margins of 16.
    assert_eq!(svg::width_for(Some(340.0)), 728);
    assert_eq!(svg::width_for(Some(5000.0)), svg::width_for(Some(400.0)));
    assert_eq!(svg::width_for(Some(f64::NAN)), svg::DEFAULT_WIDTH);
}
