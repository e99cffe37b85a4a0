//! Native benchmarks of the core with divan: parse + validate (JSON and CSV), grouping, layout and
//! drawing, hit-testing; each for 100, 10,000 and 1,000,000 spaces of generated, seeded data.
//!
//! ```text
//! make bench-native                                        # = cargo bench --bench core
//! cargo bench --bench core -- parse                        # only the benches whose path matches
//! ```
//!
//! The data (see `data` below) is shaped like `tests/fixtures/valid.json`: a listed themes list and
//! spaces with name, platform, 1–2 themes, country, url, function and audience. The large sizes
//! use 1,000 themes (100 spaces: 30) drawn with a Zipf law, so most of them fold into "Other".
//!
//! 1,000,000 spaces is over `dataset::MAX_SPACES` (200,000): at that size `parse` measures the
//! refusal (`too-many`), not a dataset, so the parse benches also run at `MAX_SPACES`, the largest
//! dataset a reader can load. Grouping, layout, drawing and hit-testing start from a `Dataset`
//! built directly from the generated spaces (the same one `dataset::parse_json` gives, checked at
//! start-up for the small sizes), which is how they reach 1,000,000.
//!
//! Time: the 1,000,000 cases are bounded by `sample_size = 1` and `max_time` (a bench stops
//! sampling once its time is spent, whatever its `sample_count`); the whole run takes under a
//! minute on two cores, plus the first build (the bench profile inherits `[profile.release]`:
//! `opt-level = "z"` and LTO, as the wasm ships).

use channel_sprawl::chart::{Chart, Options};
use channel_sprawl::dataset::{self, MAX_SPACES};
use channel_sprawl::geometry::{Layout, Shape};
use channel_sprawl::group::{self, GroupBy, DEFAULT_OTHER_BELOW};
use channel_sprawl::palette::LIGHT;
use channel_sprawl::render::{self, PAD, SEPARATOR};
use channel_sprawl::value::{self, Value};
use channel_sprawl::{csv, svg};
use divan::{black_box, Bencher};
use plotters::backend::SVGBackend;

/// The sizes of every bench, in spaces.
const SIZES: &[usize] = &[100, 10_000, 1_000_000];
/// The parse benches also run at the largest size `dataset::parse` accepts.
const PARSE_SIZES: &[usize] = &[100, 10_000, MAX_SPACES, 1_000_000];

/// The canvas of the chart benches: 320 × 320 CSS pixels at a device-pixel ratio of 2.
const CSS: f64 = 320.0;
const DPR: f64 = 2.0;

fn main() {
    data::check();
    divan::main();
}

/// Text → `Value` → `Dataset`.
mod parse {
    use super::*;

    /// JSON text → validated `Dataset`: `dataset::parse_json`, i.e. the crate's own JSON reader
    /// (`value::parse`, strings borrowed from the text) then validation. The browser's path: the
    /// loader hands the wasm the dataset's text.
    #[divan::bench(args = PARSE_SIZES, sample_count = 20, sample_size = 1, max_time = 4)]
    fn json(bencher: Bencher, n: usize) {
        let text = data::get(n).json();
        bencher.bench(|| dataset::parse_json(black_box(text)));
    }

    /// `MAX_SPACES` spaces, each bringing a theme of its own (ids in descending order): the
    /// theme index at its largest, and the worst case for an index kept sorted (20 s before the
    /// hash table).
    #[divan::bench(sample_count = 10, sample_size = 1, max_time = 4)]
    fn json_theme_each(bencher: Bencher) {
        let text: String =
            (0..MAX_SPACES).map(|i| format!(r#"{{"name":"s{i}","platform":"blog","themes":["t{:06}"]}},"#, MAX_SPACES - i)).collect();
        let text = format!(r#"{{"company":"Many","spaces":[{}]}}"#, text.trim_end_matches(','));
        bencher.bench(|| dataset::parse_json(black_box(&text)));
    }

    /// For comparison, the same through `serde_json` into `value::Value` (owned strings), the
    /// path before `value::parse` existed.
    #[divan::bench(args = PARSE_SIZES, sample_count = 20, sample_size = 1, max_time = 4)]
    fn json_serde(bencher: Bencher, n: usize) {
        let text = data::get(n).json();
        bencher.bench(|| {
            let value: Value = serde_json::from_str(black_box(text)).expect("generated JSON parses");
            dataset::parse(&value)
        });
    }

    /// Only the validation: `Value` → `Dataset`, the tree read beforehand by `value::parse`.
    #[divan::bench(args = PARSE_SIZES, sample_count = 20, sample_size = 1, max_time = 3)]
    fn validate(bencher: Bencher, n: usize) {
        let value = value::parse(data::get(n).json()).expect("generated JSON parses");
        bencher.bench(|| dataset::parse(black_box(&value)));
    }

    /// CSV text → validated `Dataset` (`csv::parse(text, None, None)`, as the loader calls it
    /// without `data-company`).
    #[divan::bench(args = PARSE_SIZES, sample_count = 20, sample_size = 1, max_time = 3)]
    fn csv(bencher: Bencher, n: usize) {
        let text = data::get(n).csv();
        bencher.bench(|| csv::parse(black_box(text), None, None));
    }
}

/// `Dataset` → groups, and the chart state built on them.
mod grouping {
    use super::*;

    fn grouped(bencher: Bencher, n: usize, by: GroupBy, dedupe: bool) {
        let d = data::get(n).dataset();
        bencher.bench(|| {
            let groups = group::group(black_box(d), by, dedupe, &LIGHT);
            group::fold(groups, DEFAULT_OTHER_BELOW, &[], &LIGHT)
        });
    }

    /// `group` by theme + `fold` into "Other".
    #[divan::bench(args = SIZES, sample_count = 30, max_time = 3)]
    fn theme(bencher: Bencher, n: usize) {
        grouped(bencher, n, GroupBy::Theme, false);
    }

    /// The same with `dedupe` (spaces sharing a `function` count once).
    #[divan::bench(args = SIZES, sample_count = 30, max_time = 3)]
    fn theme_dedupe(bencher: Bencher, n: usize) {
        grouped(bencher, n, GroupBy::Theme, true);
    }

    /// By platform: keys are computed per space and sorted (`firsts`), not indexed.
    #[divan::bench(args = SIZES, sample_count = 30, max_time = 3)]
    fn platform(bencher: Bencher, n: usize) {
        grouped(bencher, n, GroupBy::Platform, false);
    }

    /// `Chart::new(dataset, Options::default())`: platform index, grouping, folding, labels and
    /// layout. The dataset it takes by value is cloned outside the timing.
    #[divan::bench(args = SIZES, sample_count = 20, sample_size = 1, max_time = 4)]
    fn chart_new(bencher: Bencher, n: usize) {
        let d = data::get(n).dataset();
        bencher.with_inputs(|| d.clone()).bench_values(|d| Chart::new(d, Options::default()));
    }
}

/// Groups' counts → pixels → SVG.
mod layout {
    use super::*;

    fn donut(bencher: Bencher, chart: &Chart) {
        let counts: Vec<usize> = chart.groups.iter().map(|g| g.count).collect();
        bencher.bench(|| Layout::new(Shape::Donut, black_box(&counts), CSS * DPR, CSS * DPR, 1.0, PAD * DPR, SEPARATOR * DPR));
    }

    /// `Layout::new` of the donut for the chart's visible groups (small ones folded).
    #[divan::bench(args = SIZES)]
    fn donut_folded(bencher: Bencher, n: usize) {
        donut(bencher, data::get(n).chart());
    }

    /// The same with "Other" expanded: one segment per group (up to ~1,000).
    #[divan::bench(args = SIZES)]
    fn donut_expanded(bencher: Bencher, n: usize) {
        donut(bencher, data::get(n).expanded());
    }

    fn draw(bencher: Bencher, chart: &Chart) {
        let (w, h) = ((CSS * DPR) as u32, (CSS * DPR) as u32);
        bencher.bench(|| {
            let mut out = String::new();
            {
                let mut backend = SVGBackend::with_string(&mut out, (w, h));
                let colors = chart.colors();
                render::draw(&mut backend, &chart.picture(&colors)).expect("drawing to a string cannot fail");
            }
            out
        });
    }

    /// One frame of the chart (`render::draw` of `Chart::picture`) into plotters' SVG backend, to a
    /// `String`: what the canvas gets on every redraw, minus the canvas.
    #[divan::bench(args = SIZES, sample_count = 50, max_time = 2)]
    fn draw_folded(bencher: Bencher, n: usize) {
        draw(bencher, data::get(n).chart());
    }

    /// The same frame with "Other" expanded.
    #[divan::bench(args = SIZES, sample_count = 50, max_time = 2)]
    fn draw_expanded(bencher: Bencher, n: usize) {
        draw(bencher, data::get(n).expanded());
    }

    /// The static SVG export (`svg::render`: title, summary, chart and legend, 640 px wide). It
    /// clones the dataset and builds its own `Chart`, so it grows with the spaces.
    #[divan::bench(args = SIZES, sample_count = 20, sample_size = 1, max_time = 4)]
    fn svg_export(bencher: Bencher, n: usize) {
        let d = data::get(n).dataset();
        let options = Options::default();
        bencher.bench(|| svg::render(black_box(d), &options, "en", 640));
    }
}

/// Which segment is under the pointer.
mod hit_test {
    use super::*;

    /// Points per side of the grid: 64 × 64 = 4,096 pointer positions over the canvas, per iteration.
    const GRID: usize = 64;

    fn grid(bencher: Bencher, chart: &Chart) {
        let step = CSS / GRID as f64;
        let points: Vec<(f64, f64)> =
            (0..GRID * GRID).map(|i| ((i % GRID) as f64 * step + step / 2.0, (i / GRID) as f64 * step + step / 2.0)).collect();
        bencher.counter(divan::counter::ItemsCount::new(points.len())).bench(|| {
            let mut hits = 0usize;
            for &(x, y) in black_box(&points) {
                hits += chart.segment_at(x, y).is_some() as usize;
            }
            hits
        });
    }

    /// `Chart::segment_at` (CSS pixels → device pixels → `Layout::segment_at`) over the grid, with
    /// small groups folded into "Other".
    #[divan::bench(args = SIZES, sample_count = 50, max_time = 2)]
    fn folded(bencher: Bencher, n: usize) {
        grid(bencher, data::get(n).chart());
    }

    /// The same with "Other" expanded: one segment per group.
    #[divan::bench(args = SIZES, sample_count = 50, max_time = 2)]
    fn expanded(bencher: Bencher, n: usize) {
        grid(bencher, data::get(n).expanded());
    }
}

/// Generated, seeded, deterministic datasets. Each size is generated once and shared by every
/// bench (as JSON text, CSV text, a `Dataset` and charts, each made on first use).
///
/// Not `tests/common`: its helpers build small datasets from `serde_json::json!` literals; here a
/// million spaces are written straight to text.
mod data {
    use super::{CSS, DPR};
    use channel_sprawl::chart::{Action, Chart, Options};
    use channel_sprawl::dataset::{self, Dataset, Space, Theme, MAX_SPACES};
    use channel_sprawl::palette::Rgb;
    use channel_sprawl::value::Value;
    use std::fmt::Write;
    use std::sync::OnceLock;

    const PLATFORMS: &[&str] =
        &["Twitter", "X", "LinkedIn", "Facebook", "Instagram", "YouTube", "TikTok", "blog", "forum", "Mastodon", "Threads", "Pinterest"];
    const COUNTRIES: &[&str] = &["US", "FR", "DE", "GB", "WW", "JP", "BR", "IN", "ES", "IT", "CA", "MX", "NL", "SE", "AU", "KR"];
    /// Colours given to a few listed themes (every tenth), the others take the palette's.
    const COLORS: &[&str] = &["#1b6ca8", "#c4501b", "#117d55", "#7a3e9d", "#a0522d"];

    /// Spaces per theme follow a Zipf law of this exponent.
    const ZIPF: f64 = 1.0;

    /// splitmix64: small, seeded, the same on every machine.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^ (z >> 31)
        }
        /// Uniform in `0..n`.
        fn below(&mut self, n: usize) -> usize {
            ((self.next() >> 11) as f64 / (1u64 << 53) as f64 * n as f64) as usize % n.max(1)
        }
        /// `true` with probability `p`.
        fn chance(&mut self, p: f64) -> bool {
            ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
        }
    }

    struct GenSpace {
        platform: &'static str,
        themes: Vec<usize>,
        country: Option<&'static str>,
        url: bool,
        function: Option<usize>,
        audience: Option<u32>,
    }

    pub struct Fixture {
        n: usize,
        themes: usize,
        spaces: Vec<GenSpace>,
        json: OnceLock<String>,
        csv: OnceLock<String>,
        dataset: OnceLock<Dataset>,
        chart: OnceLock<Chart>,
        expanded: OnceLock<Chart>,
    }

    /// The fixture of `n` spaces, generated on first use.
    pub fn get(n: usize) -> &'static Fixture {
        static CACHE: [OnceLock<Fixture>; 4] = [OnceLock::new(), OnceLock::new(), OnceLock::new(), OnceLock::new()];
        let slot = match n {
            100 => 0,
            10_000 => 1,
            MAX_SPACES => 2,
            1_000_000 => 3,
            _ => panic!("no fixture of {n} spaces"),
        };
        CACHE[slot].get_or_init(|| Fixture::generate(n))
    }

    /// The generator agrees with the validator: the `Dataset` built directly equals what
    /// `dataset::parse_json` (and the serde path) makes of the JSON, and the CSV reads to as many
    /// spaces.
    pub fn check() {
        for n in [100, 10_000] {
            let f = get(n);
            let parsed = dataset::parse_json(f.json()).unwrap_or_else(|p| panic!("generated JSON of {n} spaces is invalid: {p:?}"));
            assert!(parsed == *f.dataset(), "the generated dataset of {n} spaces differs from the parsed JSON");
            let value: Value = serde_json::from_str(f.json()).expect("generated JSON parses");
            assert!(dataset::parse(&value).as_ref() == Ok(&parsed), "serde_json and value::parse disagree at {n}");
            let from_csv = channel_sprawl::csv::parse(f.csv(), None, None).unwrap_or_else(|p| panic!("generated CSV is invalid: {p:?}"));
            assert_eq!(from_csv.spaces.len(), n);
            assert!(f.chart().groups.iter().any(|g| g.key == channel_sprawl::group::OTHER), "nothing folds into Other at {n}");
        }
    }

    impl Fixture {
        fn generate(n: usize) -> Fixture {
            let mut rng = Rng(0x5eed_0000 ^ n as u64);
            let themes = if n <= 100 { 30 } else { 1_000 };
            // Cumulative Zipf weights: theme `k` (0-based) is drawn ∝ 1 / (k + 1)^ZIPF.
            let mut cdf = Vec::with_capacity(themes);
            let mut total = 0.0;
            for k in 0..themes {
                total += 1.0 / ((k + 1) as f64).powf(ZIPF);
                cdf.push(total);
            }
            let theme = |rng: &mut Rng| {
                let u = (rng.next() >> 11) as f64 / (1u64 << 53) as f64 * total;
                cdf.partition_point(|&c| c <= u).min(themes - 1)
            };
            let functions = (n / 4).max(1);
            let spaces = (0..n)
                .map(|_| {
                    let first = theme(&mut rng);
                    let mut ts = vec![first];
                    if rng.chance(0.3) {
                        let second = theme(&mut rng);
                        if second != first {
                            ts.push(second);
                        }
                    }
                    GenSpace {
                        platform: PLATFORMS[rng.below(PLATFORMS.len())],
                        themes: ts,
                        country: rng.chance(0.85).then(|| COUNTRIES[rng.below(COUNTRIES.len())]),
                        url: rng.chance(0.8),
                        function: rng.chance(0.4).then(|| rng.below(functions)),
                        audience: rng.chance(0.7).then(|| rng.below(1_000_000) as u32),
                    }
                })
                .collect();
            Fixture {
                n,
                themes,
                spaces,
                json: OnceLock::new(),
                csv: OnceLock::new(),
                dataset: OnceLock::new(),
                chart: OnceLock::new(),
                expanded: OnceLock::new(),
            }
        }

        fn theme_id(k: usize) -> String {
            format!("theme-{k:04}")
        }
        fn theme_label(k: usize) -> String {
            format!("Theme {k}")
        }
        fn theme_color(k: usize) -> Option<&'static str> {
            (k % 10 == 0).then(|| COLORS[k / 10 % COLORS.len()])
        }
        fn name(i: usize, s: &GenSpace) -> String {
            format!("Acme {} {i}", s.platform)
        }
        fn url(i: usize, s: &GenSpace) -> String {
            format!("https://example.com/acme/{}/{i}", s.platform.to_ascii_lowercase())
        }
        fn function(f: usize) -> String {
            format!("fn-{f}")
        }
        const COMPANY: &'static str = "Acme";
        const TITLE: &'static str = "Acme's social spaces by theme";

        /// The dataset as JSON text (one space a line).
        pub fn json(&self) -> &str {
            self.json.get_or_init(|| {
                let mut out = String::with_capacity(self.n * 200 + self.themes * 80);
                write!(out, "{{\n  \"company\": \"{}\",\n  \"title\": \"{}\",\n  \"themes\": [", Self::COMPANY, Self::TITLE).unwrap();
                for k in 0..self.themes {
                    let sep = if k == 0 { "\n" } else { ",\n" };
                    write!(out, "{sep}    {{ \"id\": \"{}\", \"label\": \"{}\"", Self::theme_id(k), Self::theme_label(k)).unwrap();
                    if let Some(c) = Self::theme_color(k) {
                        write!(out, ", \"color\": \"{c}\"").unwrap();
                    }
                    out.push_str(" }");
                }
                out.push_str("\n  ],\n  \"spaces\": [");
                for (i, s) in self.spaces.iter().enumerate() {
                    let sep = if i == 0 { "\n" } else { ",\n" };
                    write!(out, "{sep}    {{ \"name\": \"{}\", \"platform\": \"{}\", \"themes\": [", Self::name(i, s), s.platform).unwrap();
                    for (j, &t) in s.themes.iter().enumerate() {
                        write!(out, "{}\"{}\"", if j == 0 { "" } else { ", " }, Self::theme_id(t)).unwrap();
                    }
                    out.push(']');
                    if let Some(c) = s.country {
                        write!(out, ", \"country\": \"{c}\"").unwrap();
                    }
                    if s.url {
                        write!(out, ", \"url\": \"{}\"", Self::url(i, s)).unwrap();
                    }
                    if let Some(f) = s.function {
                        write!(out, ", \"function\": \"{}\"", Self::function(f)).unwrap();
                    }
                    if let Some(a) = s.audience {
                        write!(out, ", \"audience\": {a}").unwrap();
                    }
                    out.push_str(" }");
                }
                out.push_str("\n  ]\n}\n");
                out
            })
        }

        /// The spaces as CSV text (no themes list: the CSV format has none).
        pub fn csv(&self) -> &str {
            self.csv.get_or_init(|| {
                let mut out = String::with_capacity(self.n * 120);
                out.push_str("name,platform,themes,country,url,function,audience\n");
                for (i, s) in self.spaces.iter().enumerate() {
                    let themes: Vec<String> = s.themes.iter().map(|&t| Self::theme_id(t)).collect();
                    let url = if s.url { Self::url(i, s) } else { String::new() };
                    let function = s.function.map(Self::function).unwrap_or_default();
                    let audience = s.audience.map(|a| a.to_string()).unwrap_or_default();
                    writeln!(
                        out,
                        "{},{},{},{},{url},{function},{audience}",
                        Self::name(i, s),
                        s.platform,
                        themes.join(";"),
                        s.country.unwrap_or("")
                    )
                    .unwrap();
                }
                out
            })
        }

        /// The dataset the JSON describes, built without validation (so past `MAX_SPACES`).
        pub fn dataset(&self) -> &Dataset {
            self.dataset.get_or_init(|| Dataset {
                company: Self::COMPANY.to_owned(),
                title: Some(Self::TITLE.to_owned()),
                themes: (0..self.themes)
                    .map(|k| Theme {
                        id: Self::theme_id(k),
                        label: Self::theme_label(k),
                        color: Self::theme_color(k).and_then(Rgb::parse_hex),
                        listed: true,
                    })
                    .collect(),
                spaces: self
                    .spaces
                    .iter()
                    .enumerate()
                    .map(|(i, s)| Space {
                        name: Self::name(i, s),
                        platform: s.platform.to_owned(),
                        themes: s.themes.clone(),
                        url: s.url.then(|| Self::url(i, s)),
                        country: s.country.map(str::to_owned),
                        function: s.function.map(Self::function),
                        audience: s.audience.map(f64::from),
                        ..Space::default()
                    })
                    .collect(),
                as_of: None,
                warnings: Vec::new(),
            })
        }

        /// `Chart::new` with the default options on a 320 × 320 canvas at pixel ratio 2.
        pub fn chart(&self) -> &Chart {
            self.chart.get_or_init(|| {
                let mut chart = Chart::new(self.dataset().clone(), Options::default());
                chart.apply(Action::Resize(CSS, CSS, DPR));
                chart
            })
        }

        /// The same chart with "Other" expanded.
        pub fn expanded(&self) -> &Chart {
            self.expanded.get_or_init(|| {
                let mut chart = self.chart().clone();
                chart.apply(Action::ExpandOther(true));
                chart
            })
        }
    }
}
