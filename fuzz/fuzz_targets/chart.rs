//! Arbitrary action sequences on a chart built from one of a few small fixed datasets: no panic,
//! and after every action the state is consistent (selection among the visible groups, hovered
//! and focused are segment indices, one segment per visible group, hidden keys exist, the visible
//! groups count every unit not hidden). The final state is painted to SVG.
#![no_main]

use arbitrary::Arbitrary;
use channel_sprawl::chart::{Action, Chart, Key, Options};
use channel_sprawl::dataset::{self, Dataset};
use channel_sprawl::geometry::Shape;
use channel_sprawl::group::{GroupBy, NOT_SET, OTHER};
use channel_sprawl::palette::{DARK, LIGHT};
use channel_sprawl::render;
use libfuzzer_sys::fuzz_target;
use plotters::backend::SVGBackend;
use std::sync::OnceLock;

/// Twelve spaces: five listed themes and one unlisted, small groups that fold, departments with
/// and without a value, shared functions for dedupe. Then a single space, then no space at all.
const DATASETS: [&str; 3] = [
    r##"{"company": "Acme", "themes": [{"id": "jobs"}, {"id": "news", "color": "#336699"}, {"id": "support"}, {"id": "events"}, {"id": "csr"}],
        "spaces": [
          {"name": "Careers FR", "platform": "LinkedIn", "themes": ["jobs"], "country": "FR", "department": "HR", "function": "careers"},
          {"name": "Careers DE", "platform": "LinkedIn", "themes": ["jobs"], "country": "DE", "department": "hr", "function": "Careers"},
          {"name": "Careers UK", "platform": "X", "themes": ["jobs", "news"], "country": "GB", "department": "HR", "function": "CAREERS"},
          {"name": "Newsroom", "platform": "Twitter", "themes": ["news"], "country": "WW", "department": "Comms", "function": "newsroom"},
          {"name": "Newsroom DE", "platform": "twitter", "themes": ["news"], "country": "DE", "function": "newsroom"},
          {"name": "Help", "platform": "Facebook", "themes": ["support", "news"], "country": "FR"},
          {"name": "Forum", "platform": "Forum", "theme": "support", "department": "Support"},
          {"name": "Blog", "platform": "Blog", "themes": ["news"], "department": "Comms"},
          {"name": "Meetups", "platform": "Meetup", "themes": ["events"], "url": "https://example.com/meetups"},
          {"name": "Green", "platform": "YouTube", "themes": ["csr"], "url": "javascript:alert(1)"},
          {"name": "Labs", "platform": "Mastodon", "themes": ["r-and-d"]},
          {"name": "Store", "platform": "Instagram", "themes": ["news"], "country": "us", "internal": true}
        ]}"##,
    r##"{"company": "Solo", "spaces": [{"name": "Only", "platform": "Blog", "theme": "news"}]}"##,
    r##"{"company": "Empty", "themes": [{"id": "news"}], "spaces": []}"##,
];

fn datasets() -> &'static [Dataset] {
    static PARSED: OnceLock<Vec<Dataset>> = OnceLock::new();
    PARSED.get_or_init(|| {
        DATASETS
            .iter()
            .map(|text| dataset::parse_json(text).expect("fixed dataset is valid"))
            .collect()
    })
}

const KEYS: [&str; 16] = ["jobs", "news", "support", "events", "csr", "r-and-d", "twitter", "linkedin", "hr", "comms", "FR", "DE", NOT_SET, OTHER, "", "nope"];

#[derive(Debug, Arbitrary)]
enum Op {
    Hover(Option<(f64, f64)>),
    Click(f64, f64),
    Tap(f64, f64),
    /// Pointer actions aimed at the anchor of segment `n mod segments`.
    HoverAnchor(u8),
    ClickAnchor(u8),
    TapAnchor(u8),
    Focus(bool),
    Key(u8),
    Select(Option<u8>),
    SelectText(String),
    ToggleSelect(u8),
    GroupBy(u8),
    Dedupe(bool),
    Shape(u8),
    ToggleHidden(u8),
    Isolate(u8),
    ShowAll,
    ExpandOther(bool),
    Resize(f64, f64, f64),
    ResizeSane(u16, u16, u8),
    TextScale(f64),
    Scheme(bool),
    Fill(u8),
    KeyOrder(Vec<u8>),
}

#[derive(Debug, Arbitrary)]
struct Input {
    dataset: u8,
    group_by: u8,
    shape: u8,
    dedupe: bool,
    other_below: u8,
    /// The digit-group separator of the direct labels (any text).
    thousands: Option<String>,
    ops: Vec<Op>,
}

fn key(n: u8) -> String {
    KEYS[n as usize % KEYS.len()].to_owned()
}

fn anchor(chart: &Chart, n: u8) -> (f64, f64) {
    let count = chart.layout.segments.len();
    let (x, y) = if count == 0 { (chart.layout.cx, chart.layout.cy) } else { chart.layout.anchor(n as usize % count).unwrap() };
    (x / chart.size.2, y / chart.size.2)
}

fuzz_target!(|input: Input| {
    let all = datasets();
    let d = all[input.dataset as usize % all.len()].clone();
    let options = Options {
        group_by: GroupBy::ALL[input.group_by as usize % 4],
        dedupe: input.dedupe,
        shape: Shape::ALL[input.shape as usize % 3],
        other_below: input.other_below as f64 / 255.0,
        thousands: input.thousands.unwrap_or_else(|| ",".to_owned()),
        ..Options::default()
    };
    let mut chart = Chart::new(d, options);
    check(&chart, "new");
    for op in input.ops.into_iter().take(200) {
        let action = match op {
            Op::Hover(at) => Action::Hover(at),
            Op::Click(x, y) => Action::Click(x, y),
            Op::Tap(x, y) => Action::Tap(x, y),
            Op::HoverAnchor(n) => Action::Hover(Some(anchor(&chart, n))),
            Op::ClickAnchor(n) => {
                let (x, y) = anchor(&chart, n);
                Action::Click(x, y)
            }
            Op::TapAnchor(n) => {
                let (x, y) = anchor(&chart, n);
                Action::Tap(x, y)
            }
            Op::Focus(f) => Action::Focus(f),
            Op::Key(k) => Action::Key([Key::Next, Key::Previous, Key::First, Key::Last, Key::Activate, Key::Escape][k as usize % 6]),
            Op::Select(k) => Action::Select(k.map(key)),
            Op::SelectText(text) => Action::Select(Some(text)),
            Op::ToggleSelect(k) => Action::ToggleSelect(key(k)),
            Op::GroupBy(g) => Action::GroupBy(GroupBy::ALL[g as usize % 4]),
            Op::Dedupe(on) => Action::Dedupe(on),
            Op::Shape(s) => Action::Shape(Shape::ALL[s as usize % 3]),
            Op::ToggleHidden(k) => Action::ToggleHidden(key(k)),
            Op::Isolate(k) => Action::Isolate(key(k)),
            Op::ShowAll => Action::ShowAll,
            Op::ExpandOther(e) => Action::ExpandOther(e),
            Op::Resize(w, h, dpr) => Action::Resize(w, h, dpr),
            Op::ResizeSane(w, h, dpr) => Action::Resize((w % 2000) as f64, (h % 2000) as f64, 0.5 + (dpr % 8) as f64 * 0.5),
            Op::TextScale(t) => Action::TextScale(t),
            Op::Scheme(dark) => Action::Scheme(if dark { &DARK } else { &LIGHT }),
            Op::KeyOrder(keys) => Action::KeyOrder(keys.into_iter().take(32).map(key).collect()),
            Op::Fill(f) => {
                chart.set_fill(f as f64 / 255.0);
                check(&chart, "set_fill");
                continue;
            }
        };
        let label = format!("{action:?}");
        let before = chart.selected.clone();
        let change = chart.apply(action);
        check(&chart, &label);
        if chart.selected != before {
            assert!(change.selection, "after {label} the selection changed without saying so");
        }
    }
    paint(&chart);
});

fn check(chart: &Chart, after: &str) {
    let n = chart.groups.len();
    if let Some(key) = &chart.selected {
        assert!(chart.groups.iter().any(|g| &g.key == key), "after {after}: selected {key:?} is not a visible group");
    }
    assert!(chart.hovered.is_none_or(|i| i < n), "after {after}: hovered {:?} of {n}", chart.hovered);
    assert!(chart.focused.is_none_or(|i| i < n), "after {after}: focused {:?} of {n}", chart.focused);
    assert_eq!(chart.layout.segments.len(), n, "after {after}");
    assert_eq!(chart.picture(&chart.colors()).labels.len(), n, "after {after}: one label per segment");
    let e = chart.emphasis();
    assert!([e.hovered, e.selected, e.focused].into_iter().flatten().all(|i| i < n), "after {after}: {e:?}");
    assert!(chart.hidden.iter().all(|k| chart.all_groups.iter().any(|g| &g.key == k)), "after {after}: hidden {:?}", chart.hidden);
    let visible: usize = chart.all_groups.iter().filter(|g| !chart.hidden.contains(&g.key)).map(|g| g.count).sum();
    assert_eq!(chart.groups.iter().map(|g| g.count).sum::<usize>(), visible, "after {after}");
    let (w, h, dpr) = chart.size;
    assert!(w >= 1.0 && h >= 1.0 && dpr > 0.0, "after {after}: size {:?}", chart.size);
}

/// Paints the chart to an SVG string (at most 2000 × 2000 px, whatever the layout says).
fn paint(chart: &Chart) {
    let (w, h, dpr) = chart.size;
    let size = |v: f64| (v * dpr).clamp(1.0, 2000.0) as u32;
    let mut out = String::new();
    {
        let mut backend = SVGBackend::with_string(&mut out, (size(w), size(h)));
        let colors = chart.colors();
        render::draw(&mut backend, &chart.picture(&colors)).expect("drawing to a string");
    }
    assert!(out.starts_with("<svg"));
}
