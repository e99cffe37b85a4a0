//! Rendering to SVG, compared with checked-in references under `tests/reference/`.
//!
//! `UPDATE_REFERENCES=1 cargo test --test render` (re)writes the references; look at them before
//! committing. On a mismatch the actual picture is written to
//! `target/reference-diff/<name>.actual.svg`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use channel_sprawl::chart::{Action, Chart, Key, Options};
use channel_sprawl::geometry::Shape;
use channel_sprawl::palette::{Rgb, LIGHT};
use channel_sprawl::render::{draw, Emphasis, Picture};
use common::{dataset, space};
use plotters::backend::SVGBackend;
use serde_json::json;
use std::path::{Path, PathBuf};

/// Jobs 3, news 2, support 1, on a 200 × 200 canvas at pixel ratio 1.
fn three_themes(shape: Shape) -> Chart {
    let d = dataset(json!({
        "company": "Acme",
        // Explicit colours: the references do not move when the default palette is reordered.
        "themes": [
            { "id": "jobs", "color": "#1b6ca8" },
            { "id": "news", "color": "#c4501b" },
            { "id": "support", "color": "#117d55" }
        ],
        "spaces": [
            space("Careers FR", "LinkedIn", &["jobs"]),
            space("Careers DE", "LinkedIn", &["jobs"]),
            space("Careers UK", "X", &["jobs", "news"]),
            space("Newsroom", "X", &["news"]),
            space("Help", "forum", &["support"]),
        ]
    }));
    let mut chart = Chart::new(d, Options { shape, ..Options::default() });
    chart.apply(Action::Resize(200.0, 200.0, 1.0));
    chart
}

/// The chart as SVG text, the way plotters-svg writes it.
fn svg(chart: &Chart) -> String {
    svg_with(chart, chart.emphasis())
}

fn svg_with(chart: &Chart, emphasis: Emphasis) -> String {
    let (w, h, dpr) = chart.size;
    let mut out = String::new();
    {
        let mut backend = SVGBackend::with_string(&mut out, ((w * dpr) as u32, (h * dpr) as u32));
        let colors = chart.colors();
        let picture = Picture { emphasis, ..chart.picture(&colors) };
        draw(&mut backend, &picture).expect("drawing to a string cannot fail");
    }
    out
}

/// The fill attribute plotters-svg writes (`make_svg_color`: `#{:02X}{:02X}{:02X}`, upper case).
fn fill(c: Rgb) -> String {
    format!("fill=\"#{:02X}{:02X}{:02X}\"", c.0, c.1, c.2)
}

/// The fills of the polygons, in painting order.
fn polygon_fills(svg: &str) -> Vec<&str> {
    svg.lines().filter(|l| l.starts_with("<polygon")).filter_map(|l| l.split("fill=\"").nth(1)?.split('"').next()).collect()
}

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| manifest().join("target"))
}

/// `actual` equals `tests/reference/<name>.svg`, or is written there with `UPDATE_REFERENCES=1`.
#[track_caller]
fn check_reference(name: &str, actual: &str) {
    let reference = manifest().join("tests/reference").join(format!("{name}.svg"));
    if std::env::var("UPDATE_REFERENCES").is_ok_and(|v| v == "1") {
        std::fs::create_dir_all(reference.parent().unwrap()).unwrap();
        std::fs::write(&reference, actual).unwrap_or_else(|e| panic!("cannot write {}: {e}", reference.display()));
        return;
    }
    let expected = std::fs::read_to_string(&reference).unwrap_or_else(|e| {
        panic!("no reference {} ({e}); create it with UPDATE_REFERENCES=1 cargo test --test render", reference.display())
    });
    if expected == actual {
        return;
    }
    let dir = target_dir().join("reference-diff");
    std::fs::create_dir_all(&dir).unwrap();
    let written = dir.join(format!("{name}.actual.svg"));
    std::fs::write(&written, actual).unwrap();
    let line = expected.lines().zip(actual.lines()).position(|(e, a)| e != a).map_or_else(
        || format!("the files differ in length ({} vs {} lines)", expected.lines().count(), actual.lines().count()),
        |i| {
            format!(
                "first difference on line {}:\n  expected: {}\n  actual:   {}",
                i + 1,
                expected.lines().nth(i).unwrap(),
                actual.lines().nth(i).unwrap()
            )
        },
    );
    panic!(
        "{name}: the rendering differs from {}\n{line}\nactual picture: {}\nif the change is intended: UPDATE_REFERENCES=1 cargo test --test render",
        reference.display(),
        written.display()
    );
}

// ---------------------------------------------------------------- references

#[test]
fn donut_of_three_themes() {
    check_reference("donut-3-themes", &svg(&three_themes(Shape::Donut)));
}

#[test]
fn pie() {
    check_reference("pie", &svg(&three_themes(Shape::Pie)));
}

#[test]
fn bar() {
    check_reference("bar", &svg(&three_themes(Shape::Bar)));
}

#[test]
fn donut_with_a_selected_and_a_focused_segment() {
    let mut chart = three_themes(Shape::Donut);
    chart.apply(Action::Select(Some("jobs".into())));
    chart.apply(Action::Focus(true));
    chart.apply(Action::Key(Key::Next));
    assert_eq!(chart.emphasis(), Emphasis { hovered: None, selected: Some(0), focused: Some(1) });
    check_reference("donut-selected-focused", &svg(&chart));
}

// ---------------------------------------------------------------- what the picture holds

#[test]
fn the_svg_is_the_canvas_size_in_device_pixels_on_the_background() {
    let mut chart = three_themes(Shape::Donut);
    chart.apply(Action::Resize(200.0, 150.0, 2.0));
    let svg = svg(&chart);
    assert!(svg.starts_with("<svg width=\"400\" height=\"300\" viewBox=\"0 0 400 300\""), "{}", svg.lines().next().unwrap());
    let first_shape = svg.lines().nth(1).unwrap();
    assert!(first_shape.starts_with("<rect") && first_shape.contains(&fill(LIGHT.background)), "{first_shape}");
}

#[test]
fn every_group_colour_appears_as_a_fill() {
    for shape in Shape::ALL {
        let chart = three_themes(shape);
        let svg = svg(&chart);
        assert_eq!(chart.colors(), [Rgb(0x1b, 0x6c, 0xa8), Rgb(0xc4, 0x50, 0x1b), Rgb(0x11, 0x7d, 0x55)]);
        for c in chart.colors() {
            assert!(svg.contains(&fill(c)), "{}: no {} in\n{svg}", shape.as_str(), fill(c));
        }
        assert_eq!(polygon_fills(&svg), ["#1B6CA8", "#C4501B", "#117D55"], "{}", shape.as_str());
    }
}

#[test]
fn a_selected_segment_keeps_its_colour_and_is_painted_last() {
    let mut chart = three_themes(Shape::Donut);
    chart.apply(Action::Select(Some("news".into())));
    let svg = svg(&chart);
    assert_eq!(polygon_fills(&svg), ["#1B6CA8", "#117D55", "#C4501B"]);
}

#[test]
fn while_one_segment_is_hovered_the_others_fade_toward_the_background() {
    let chart = three_themes(Shape::Donut);
    let svg = svg_with(&chart, Emphasis { hovered: Some(1), ..Emphasis::default() });
    // #1b6ca8 and #117d55 35 % of the way to white (27 + 228 × 0.35 = 106.8 → 0x6B, …); #c4501b (hovered) unchanged, painted last.
    assert_eq!(polygon_fills(&svg), ["#6B9FC6", "#64AB91", "#C4501B"]);
}

#[test]
fn a_selected_segment_does_not_fade_while_another_is_hovered() {
    let chart = three_themes(Shape::Donut);
    let svg = svg_with(&chart, Emphasis { hovered: Some(1), selected: Some(0), focused: None });
    let fills = polygon_fills(&svg);
    assert_eq!(fills.len(), 3);
    assert!(fills.contains(&"#1B6CA8"), "{fills:?}");
    assert!(fills.contains(&"#C4501B"), "{fills:?}");
    assert!(!fills.contains(&"#117D55"), "{fills:?}");
}

// ---------------------------------------------------------------- colour is never the only cue

/// The `<text>` elements of an SVG: (content, fill).
fn texts(svg: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut lines = svg.lines();
    while let Some(line) = lines.next() {
        if line.starts_with("<text") {
            let fill = line.split("fill=\"").nth(1).and_then(|r| r.split('"').next()).unwrap_or("").to_owned();
            out.push((lines.next().unwrap_or("").trim().to_owned(), fill));
        }
    }
    out
}

#[test]
fn each_segment_with_room_carries_its_count_in_the_contrasting_ink() {
    // 3 / 2 / 1 of six (jobs counts Careers UK too): all three have room at 200 px.
    let svg = svg(&three_themes(Shape::Donut));
    let labels = texts(&svg);
    assert_eq!(labels, [("3".to_owned(), "#FFFFFF".to_owned()), ("2".into(), "#FFFFFF".into()), ("1".into(), "#FFFFFF".into())]);
}

#[test]
fn a_sliver_gets_no_label_and_bars_get_none_on_the_canvas() {
    let mut spaces: Vec<serde_json::Value> = (0..60).map(|i| space(&format!("s{i}"), "blog", &["big"])).collect();
    spaces.push(space("lone", "blog", &["tiny"]));
    let d = dataset(serde_json::json!({ "company": "Acme", "spaces": spaces }));
    let mut chart = Chart::new(d, Options { other_below: 0.0, ..Options::default() });
    chart.apply(Action::Resize(200.0, 200.0, 1.0));
    assert_eq!(texts(&svg(&chart)).iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>(), ["60"]);
    chart.apply(Action::Shape(Shape::Bar));
    assert!(texts(&svg(&chart)).is_empty(), "bars are labelled in HTML next to the canvas");
}

#[test]
fn counts_of_thousands_are_grouped_the_readers_way() {
    assert_eq!(channel_sprawl::chart::group_digits(1234567, "\u{202f}"), "1\u{202f}234\u{202f}567");
    assert_eq!(channel_sprawl::chart::group_digits(999, ","), "999");
    assert_eq!(channel_sprawl::chart::group_digits(1000, ","), "1,000");
}

#[test]
fn a_repeated_colour_gets_a_dot_pattern() {
    use channel_sprawl::render::twin_level;
    let (a, b) = (Rgb(0x1b, 0x6c, 0xa8), Rgb(0xc4, 0x50, 0x1b));
    let colors = [a, b, a, Rgb(0x1c, 0x6d, 0xa9), b];
    assert_eq!((0..5).map(|i| twin_level(&colors, i)).collect::<Vec<_>>(), [0, 0, 1, 2, 1]);
    // Only the last TWIN_WINDOW segments count: a far repeat is no neighbour.
    let far: Vec<Rgb> =
        std::iter::once(a).chain((0..channel_sprawl::render::TWIN_WINDOW).map(|k| Rgb(0, 0, (k * 3) as u8 + 60))).chain([a, a]).collect();
    let n = far.len();
    assert_eq!((twin_level(&far, n - 2), twin_level(&far, n - 1)), (0, 1));
    // Eleven platform groups: the eleventh repeats the first colour and is dotted.
    let spaces: Vec<serde_json::Value> = (0..11).map(|i| space(&format!("s{i}"), &format!("p{i}"), &["t"])).collect();
    let d = dataset(serde_json::json!({ "company": "Acme", "spaces": spaces }));
    let mut chart = Chart::new(d, Options { group_by: channel_sprawl::group::GroupBy::Platform, other_below: 0.0, ..Options::default() });
    chart.apply(Action::Resize(300.0, 300.0, 1.0));
    let svg = svg(&chart);
    let dots: Vec<(f64, f64)> = svg
        .lines()
        .filter(|l| l.starts_with("<circle") && l.contains(&fill(LIGHT.background)))
        .map(|l| (attribute(l, "cx"), attribute(l, "cy")))
        .collect();
    assert!(dots.len() >= 3, "{} dots", dots.len());
    // They run clear of the counts in the segments' middle: none inside a label's box.
    let lines: Vec<&str> = svg.lines().collect();
    let labels: Vec<(f64, f64, f64, usize)> = lines
        .windows(2)
        .filter(|w| w[0].starts_with("<text") && w[0].contains("text-anchor=\"middle\""))
        .map(|w| (attribute(w[0], "x"), attribute(w[0], "y"), attribute(w[0], "font-size"), w[1].trim().chars().count()))
        .collect();
    assert_eq!(labels.len(), 11);
    for &(x, y, size, chars) in &labels {
        let (half_width, half_height) = (0.31 * size * chars as f64 + 2.0, size / 2.0 + 2.0);
        for &(cx, cy) in &dots {
            assert!((cx - x).abs() > half_width || (cy - y).abs() > half_height, "a dot at ({cx}, {cy}) on the label at ({x}, {y})");
        }
    }
}

/// The number in attribute `name` of an SVG element's line.
fn attribute(line: &str, name: &str) -> f64 {
    let start = line.find(&format!(" {name}=\"")).map(|i| i + name.len() + 3).unwrap_or_else(|| panic!("no {name} in {line}"));
    line[start..].split('"').next().and_then(|v| v.parse().ok()).unwrap_or_else(|| panic!("{name} in {line}"))
}

/// The canvas labels' typeface is the stylesheet's default (`js/styles.js`), written twice because
/// the wasm and the stylesheet are different layers: if they part, the labels fall back to
/// another family than the text around them, and the page matches one more font.
#[test]
fn labels_use_the_stylesheets_default_typeface() {
    let path = manifest().join("js/styles.js");
    let css = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let start = css.find("var(--channel-sprawl-font, ").expect("no --channel-sprawl-font default in js/styles.js")
        + "var(--channel-sprawl-font, ".len();
    // The default: the variable's fallback and the generic family after it (`…, Arial), sans-serif;`).
    let stack = css[start..].split(';').next().unwrap_or_default().replace([')', '"'], "");
    assert_eq!(stack, channel_sprawl::render::FONT_FAMILY);
}

#[test]
fn thin_segments_keep_their_colour_under_a_thinner_separator() {
    // 200 groups of one space at 320 px: 1.8° each, 2.7 px of arc at the hole, where a 2 px
    // separator (1.5 rounded) would leave less than one.
    let spaces: Vec<_> = (0..200).map(|i| space(&format!("s{i}"), "blog", &[&format!("t{i}")])).collect();
    let mut thin = Chart::new(dataset(json!({ "company": "Acme", "spaces": spaces })), Options { other_below: 0.0, ..Options::default() });
    thin.apply(Action::Resize(320.0, 320.0, 1.0));
    let out = svg(&thin);
    let separators = |width: &str| {
        out.lines()
            .filter(|l| l.starts_with("<polyline") && l.contains("stroke=\"#FFFFFF\"") && l.contains(&format!("stroke-width=\"{width}\"")))
            .count()
    };
    assert_eq!((separators("2"), separators("1")), (0, 200));
    // Wide segments keep the full separator.
    assert!(svg(&three_themes(Shape::Donut)).contains("stroke=\"#FFFFFF\" stroke-width=\"2\""));
}

#[test]
fn an_enlarged_ring_has_larger_labels_up_to_half_again() {
    let sizes = |side: f64, dpr: f64| {
        let mut chart = three_themes(Shape::Donut);
        chart.apply(Action::Resize(side, side, dpr));
        let svg = svg(&chart);
        let sizes: Vec<f64> = svg
            .lines()
            .filter(|l| l.starts_with("<text") && l.contains("text-anchor=\"middle\""))
            .map(|l| attribute(l, "font-size") / dpr)
            .collect();
        assert!(!sizes.is_empty());
        sizes[0]
    };
    // In the post (340 px) and at twice the pixels: as it was. Enlarged: larger, then no more.
    let post = sizes(340.0, 1.0);
    assert_eq!(sizes(340.0, 2.0), post);
    assert!(sizes(660.0, 1.0) > post * 1.4, "{} against {post}", sizes(660.0, 1.0));
    assert_eq!(sizes(1200.0, 1.0), sizes(2000.0, 1.0));
}

/// The drawing of `chart` on a backend of `fine` units per device pixel, as SVG.
fn svg_fine(chart: &Chart, fine: f64) -> String {
    let (w, h, dpr) = chart.size;
    let mut out = String::new();
    {
        let mut backend = SVGBackend::with_string(&mut out, ((w * dpr * fine) as u32, (h * dpr * fine) as u32));
        let colors = chart.colors();
        draw(&mut backend, &Picture { fine, ..chart.picture(&colors) }).expect("drawing to a string cannot fail");
    }
    out
}

#[test]
fn a_finer_backend_places_the_rims_on_the_circle_between_pixels() {
    // An enlarged ring (the dialog's): its outer rim's vertices, back in device pixels, against
    // the circle. In whole pixels they stray up to half a pixel each way, and the rim shows facets.
    let mut chart = three_themes(Shape::Donut);
    chart.apply(Action::Resize(700.0, 700.0, 2.0));
    let (cx, cy, outer) = (chart.layout.cx, chart.layout.cy, chart.layout.outer);
    let stray = |fine: f64| {
        let svg = svg_fine(&chart, fine);
        let points = svg
            .lines()
            .find(|l| l.starts_with("<polygon"))
            .and_then(|l| l.split("points=\"").nth(1)?.split('"').next())
            .expect("a polygon");
        let distances: Vec<f64> = points
            .split_whitespace()
            .filter_map(|p| p.split_once(','))
            .map(|(x, y)| (x.parse::<f64>().unwrap_or(0.0) / fine - cx).hypot(y.parse::<f64>().unwrap_or(0.0) / fine - cy))
            .collect();
        // The outer rim: the vertices out past the middle of the ring (the separator grows it by half its width).
        let rim: Vec<f64> = distances.into_iter().filter(|d| *d > outer * 0.9).collect();
        assert!(rim.len() > 20, "{}", rim.len());
        let mean = rim.iter().sum::<f64>() / rim.len() as f64;
        rim.iter().map(|d| (d - mean).abs()).fold(0.0, f64::max)
    };
    let (whole, eighth) = (stray(1.0), stray(8.0));
    assert!(whole > 0.25, "whole pixels: {whole}");
    assert!(eighth < 0.1, "eighths: {eighth}");
    // The same picture otherwise: labels and strokes eight times the numbers, the same fills.
    let (one, eight) = (svg_fine(&chart, 1.0), svg_fine(&chart, 8.0));
    assert_eq!(polygon_fills(&one), polygon_fills(&eight));
    let font = |svg: &str| svg.lines().find(|l| l.starts_with("<text")).map(|l| attribute(l, "font-size")).expect("a label");
    assert_eq!(font(&eight), 8.0 * font(&one));
}

#[test]
fn labels_follow_the_readers_text_size_and_keep_the_usual_size_where_a_larger_one_does_not_fit() {
    let mut chart = three_themes(Shape::Donut);
    chart.apply(Action::Resize(300.0, 300.0, 2.0));
    let labels = |chart: &Chart| -> Vec<f64> {
        svg_fine(chart, 1.0).lines().filter(|l| l.starts_with("<text")).map(|l| attribute(l, "font-size")).collect()
    };
    let usual = labels(&chart);
    // (plotters-svg writes a size divided by 1.24: `svg::Figure`'s note.)
    assert!(!usual.is_empty() && usual.iter().all(|&s| (s * 1.24 - 2.0 * 13.0).abs() < 1e-9), "{usual:?}");
    chart.apply(Action::TextScale(1.5));
    let larger = labels(&chart);
    assert_eq!(larger.len(), usual.len());
    assert!(larger.iter().zip(&usual).all(|(l, u)| (l / u - 1.5).abs() < 1e-9), "{usual:?} → {larger:?}");
    // On a smaller ring, much larger text: a label that would no longer fit its segment keeps the
    // usual size instead of overflowing it or going, those that fit grow.
    chart.apply(Action::Resize(160.0, 160.0, 1.0));
    chart.apply(Action::TextScale(1.0));
    let small = labels(&chart);
    chart.apply(Action::TextScale(3.0));
    let large = labels(&chart);
    assert_eq!(large.len(), small.len());
    let ratios: Vec<f64> = large.iter().zip(&small).map(|(l, s)| (l / s * 100.0).round() / 100.0).collect();
    assert!(ratios.contains(&1.0) && ratios.iter().all(|&r| r == 1.0 || r == 3.0), "{ratios:?}");
}

#[test]
fn bars_keep_whole_pixel_edges_on_a_finer_backend() {
    // A bar's straight edges between two pixels would be a half-tone row on each side.
    let mut chart = three_themes(Shape::Bar);
    chart.apply(Action::Resize(333.0, 217.0, 1.0));
    let svg = svg_fine(&chart, 8.0);
    let coords: Vec<i64> = svg
        .lines()
        .filter(|l| l.starts_with("<polygon"))
        .filter_map(|l| l.split("points=\"").nth(1)?.split('"').next())
        .flat_map(|p| p.split([' ', ',']).filter_map(|n| n.parse::<i64>().ok()).collect::<Vec<_>>())
        .collect();
    assert!(coords.len() >= 24, "{}", coords.len());
    assert!(coords.iter().all(|c| c % 8 == 0), "{coords:?}");
}
