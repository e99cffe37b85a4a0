//! A static SVG of a chart, for where the widget cannot run: `<noscript>`, RSS readers, social
//! previews, and the widget's "save as SVG". Title, summary line, the chart painted by
//! `render::draw` (the same renderer as the canvas) and a legend with swatch, label and count
//! per group, in English or French.
//!
//! Invariant: dataset text reaches the SVG only as text content, escaped by plotters-svg
//! (`&`, `<`, `>`, quotes) or by `escape` here, with the control characters XML forbids replaced;
//! nothing from the dataset becomes markup or an attribute other than escaped text.
//!
//! Native only (plotters' SVG backend is enabled for non-wasm targets).

use crate::chart::{Action, Chart, Options};
use crate::dataset::Dataset;
use crate::geometry::Shape;
use crate::group::{self, NOT_SET, OTHER};
use crate::palette::Rgb;
use crate::render::{self, Emphasis};
use plotters::backend::SVGBackend;
use plotters::prelude::DrawingBackend;
use plotters_backend::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontFamily, FontStyle};
use std::convert::Infallible;

/// Narrowest and widest picture `render` draws, in pixels.
pub const MIN_WIDTH: u32 = 240;
pub const MAX_WIDTH: u32 = 4096;
/// Width of the picture when the caller has no preference (the CLI's default).
pub const DEFAULT_WIDTH: u32 = 640;

/// The width of a picture whose chart is at least `side` pixels wide (the chart beside its
/// legend), `DEFAULT_WIDTH` at least.
pub fn width_for(side: Option<f64>) -> u32 {
    let side = side.unwrap_or(0.0).clamp(0.0, MAX_CHART);
    ((2.0 * side).ceil() as u32 + 3 * MARGIN as u32).max(DEFAULT_WIDTH)
}

/// Below this width the legend goes under the chart instead of beside it.
const SIDE_BY_SIDE: u32 = 520;
/// The largest chart side, in pixels.
const MAX_CHART: f64 = 400.0;
const MARGIN: i32 = 16;
const TITLE_PX: f64 = 20.0;
const SUMMARY_PX: f64 = 14.0;
const LEGEND_PX: f64 = 14.0;
const ROW: i32 = 24;
const SWATCH: i32 = 14;
/// The widest legend: counts stay near their labels.
const MAX_LEGEND: i32 = 320;
/// Average advance of a character as a share of the font size (digits, most lower-case
/// letters): a sans-serif estimate; `em` has the others.
pub const CHAR_WIDTH: f64 = 0.55;
/// plotters-svg writes `font-size` as the style's size divided by 1.24; sizes here are in pixels.
const SVG_FONT_SCALE: f64 = 1.24;

/// Interface text, as in `www/i18n.js`.
struct Strings {
    spaces: [&'static str; 2],
    themes: [&'static str; 2],
    platforms: [&'static str; 2],
    merged: &'static str,
    hidden: [&'static str; 2],
    /// After the unit in the ring's centre when groups are hidden: "17 / spaces of 62".
    of: &'static str,
    /// The legend's last row when it cannot list every group.
    more: &'static str,
    not_set: &'static str,
    other: &'static str,
    worldwide: &'static str,
    empty: &'static str,
    /// "by theme", … in `GroupBy::ALL`'s order: a title ending with one names the grouping.
    by: [&'static str; 4],
    /// Digit group separator of `Intl.NumberFormat`.
    group: &'static str,
}

const EN: Strings = Strings {
    spaces: ["{n} space", "{n} spaces"],
    themes: ["{n} theme", "{n} themes"],
    platforms: ["{n} platform", "{n} platforms"],
    merged: "{n} once copies are merged",
    hidden: ["{n} hidden", "{n} hidden"],
    of: "of {n}",
    more: "… and {n} more",
    not_set: "Not set",
    other: "Other",
    worldwide: "Worldwide",
    empty: "This dataset has no spaces yet.",
    by: ["by theme", "by platform", "by department", "by country"],
    group: ",",
};

const FR: Strings = Strings {
    spaces: ["{n} espace", "{n} espaces"],
    themes: ["{n} thème", "{n} thèmes"],
    platforms: ["{n} plateforme", "{n} plateformes"],
    merged: "{n} une fois les copies fusionnées",
    hidden: ["{n} masqué", "{n} masqués"],
    of: "sur {n}",
    more: "… et {n} de plus",
    not_set: "Non renseigné",
    other: "Autres",
    worldwide: "Monde",
    empty: "Ce jeu de données ne contient encore aucun espace.",
    by: ["par thème", "par plateforme", "par service", "par pays"],
    group: "\u{202f}",
};

/// `fr`, `fr-CA`, `FR` → French; anything else → English.
fn strings(lang: &str) -> &'static Strings {
    let primary = lang.trim().split(['-', '_']).next().unwrap_or("");
    if primary.eq_ignore_ascii_case("fr") {
        &FR
    } else {
        &EN
    }
}

/// `n` with digit groups: `1,234` in English, `1 234` (narrow no-break space) in French.
pub fn number(n: usize, lang: &str) -> String {
    crate::chart::group_digits(n, strings(lang).group)
}

fn fill(template: &str, n: &str) -> String {
    template.replace("{n}", n)
}

fn plural(forms: &[&'static str; 2], n: usize, lang: &str) -> String {
    fill(forms[usize::from(n != 1)], &number(n, lang))
}

/// The chart's heading: the dataset title, else the company (may be empty).
pub fn title(dataset: &Dataset) -> &str {
    dataset.title.as_deref().unwrap_or(&dataset.company).trim()
}

/// The picture's heading: the title (else the company), cleaned, its ending naming the grouping
/// `by` when it names one (`grouped_title`).
pub fn heading(dataset: &Dataset, by: group::GroupBy, lang: &str) -> String {
    clean(&grouped_title(title(dataset), by, strings(lang)))
}

/// `title`, its ending renamed to the grouping `by` when it names one in the picture's language
/// ("… par thème" drawn by platform → "… par plateforme"), as the widget's heading does.
fn grouped_title(title: &str, by: group::GroupBy, t: &Strings) -> String {
    let named = group::GroupBy::ALL.iter().position(|g| *g == by).and_then(|i| t.by.get(i));
    for phrase in t.by {
        let cut = title.len().saturating_sub(phrase.len());
        let (Some(start), Some(end), Some(named)) = (title.get(..cut), title.get(cut..), named) else { continue };
        if start.ends_with(' ') && end.eq_ignore_ascii_case(phrase) {
            return [start, named].concat();
        }
    }
    title.to_owned()
}

/// The widget's summary line: `97 spaces · 9 themes · 11 platforms`; with dedupe, when it
/// merges anything, `97 spaces → 62 once copies are merged · 9 themes · 11 platforms`.
pub fn summary(dataset: &Dataset, options: &Options, lang: &str) -> String {
    let t = strings(lang);
    let spaces = dataset.spaces.len();
    let (_, units) = group::units(dataset, options.dedupe);
    let mut platforms: Vec<String> = dataset.platform_keys().collect();
    platforms.sort_unstable();
    platforms.dedup();
    let first = if options.dedupe && units != spaces {
        format!("{} → {}", plural(&t.spaces, spaces, lang), fill(t.merged, &number(units, lang)))
    } else {
        plural(&t.spaces, spaces, lang)
    };
    let themes = dataset.used_themes();
    [first, plural(&t.themes, themes, lang), plural(&t.platforms, platforms.len(), lang)].join(" · ")
}

/// What a reader changed on the chart beyond its options: the export of what they see.
#[derive(Debug, Default, Clone, Copy)]
pub struct Shown<'a> {
    /// Keys of the groups hidden from the chart and its legend (unknown keys are ignored).
    pub hidden: &'a [String],
    /// "Other" expanded into the groups it holds.
    pub other_expanded: bool,
    /// Group names as the reader's legend writes them, by key (countries named in the reader's
    /// language, which the browser knows and the core does not); other groups keep their own.
    pub labels: &'a [(String, String)],
    /// In a comparison, the chart's share of the full size on the charts' one scale
    /// (`Chart::set_fill`); `None`: full size.
    pub fill: Option<f64>,
}

/// The static SVG of `dataset` drawn with `options` (grouping, dedupe, shape, folding into
/// "Other"), `width` pixels wide (clamped to `MIN_WIDTH..=MAX_WIDTH`), its height following from
/// the content. Interface text in `lang` (`en` or `fr`). Title and summary wrap (the title on at
/// most two lines, the summary on three); legend labels too long for their row end with "…".
pub fn render(dataset: &Dataset, options: &Options, lang: &str, width: u32) -> String {
    Figure::new(dataset, options, Shown::default(), lang, width, FINE).svg()
}

/// The scale an SVG's chart is drawn at, and scaled back from: the corners of its outlines fall
/// on quarter pixels instead of whole ones (plotters' coordinates are integers), so that its
/// curves stay smooth when the picture is zoomed.
pub const FINE: f64 = 4.0;

/// A static picture of a chart laid out: heading, summary, the chart and its legend, `width` ×
/// `height` pixels. `svg` writes it as SVG; the PNG export paints it on a canvas (`paint` at
/// twice its size, and `paint_chart` in the canvas's own pixels).
pub struct Figure {
    pub width: u32,
    pub height: u32,
    chart: Chart,
    /// Heading and summary lines, each with its style and top-left corner.
    texts: Vec<(String, Text, BackendCoord)>,
    /// Where the chart goes (its top-left corner) and its legend; none for an empty dataset.
    body: Option<(BackendCoord, Legend)>,
    heading: String,
    line: String,
    t: &'static Strings,
    lang: String,
}

impl Figure {
    /// Lays out `dataset` as `render` describes, with the groups a reader hid left out (and
    /// counted in the summary, as the widget's summary counts them) and "Other" expanded if they
    /// expanded it; the chart's own drawing is `scale` times its size in pixels (its layout's
    /// device-pixel ratio).
    pub fn new(dataset: &Dataset, options: &Options, shown: Shown, lang: &str, width: u32, scale: f64) -> Figure {
        let t = strings(lang);
        let scheme = &crate::palette::LIGHT;
        let width = width.clamp(MIN_WIDTH, MAX_WIDTH);
        let w = width as i32;
        let heading = heading(dataset, options.group_by, lang);
        // The segments' direct labels group digits as the interface language does.
        let mut chart = Chart::new(dataset.clone(), Options { thousands: t.group.to_owned(), ..options.clone() });
        chart.apply(Action::ExpandOther(shown.other_expanded));
        for key in shown.hidden {
            if !chart.hidden.contains(key) {
                chart.apply(Action::ToggleHidden(key.clone()));
            }
        }
        for g in &mut chart.groups {
            if let Some((_, label)) = shown.labels.iter().find(|(key, _)| *key == g.key) {
                g.label.clone_from(label);
            }
        }
        let mut line = summary(dataset, options, lang);
        if !chart.hidden.is_empty() {
            line = format!("{line} · {}", plural(&t.hidden, chart.hidden.len(), lang));
        }
        let room = w - 2 * MARGIN;

        // Vertical layout: title, summary, then the chart with its legend.
        let mut y = MARGIN;
        let mut texts: Vec<(String, Text, BackendCoord)> = Vec::new();
        // Bold text runs about 15 % wider than the estimate (DejaVu Sans Bold, where Chromium
        // renders the SVG here): a title measured as regular ran past the right edge at 400 px.
        for text in wrap(&heading, room, TITLE_PX * 1.15, 2) {
            texts.push((text, Text::new(TITLE_PX, scheme.text).bold(), (MARGIN, y)));
            y += 26;
        }
        if !texts.is_empty() {
            y += 4;
        }
        for text in wrap(&line, room, SUMMARY_PX, 3) {
            texts.push((text, Text::new(SUMMARY_PX, scheme.text), (MARGIN, y)));
            y += 20;
        }
        y += 12;

        let side_by_side = width >= SIDE_BY_SIDE;
        let side = if side_by_side { (w - 3 * MARGIN) as f64 / 2.0 } else { room as f64 };
        let side = side.min(MAX_CHART).floor().max(1.0);
        // The legend's rows: every group, or the first ones and a line for the rest (an "Other"
        // expanded into thousands would make a picture thousands of rows tall).
        let rows = legend_rows(chart.groups.len()) as i32;
        // Bars: one legend row per bar, level with it (the legend names the bars: the widget's
        // labels beside them are HTML, not part of the chart).
        let bars = options.shape == Shape::Bar && rows as usize == chart.groups.len();
        let pad = render::PAD as i32;
        let chart_h = if bars { (rows * ROW + 2 * pad) as f64 } else { side };
        if let Some(fill) = shown.fill {
            chart.set_fill(fill);
        }
        chart.apply(Action::Resize(side, chart_h, scale));
        let s = side as i32;
        let h = chart_h as i32;
        let body = if dataset.spaces.is_empty() {
            texts.push((fit(t.empty, room, SUMMARY_PX), Text::new(SUMMARY_PX, scheme.text), (MARGIN, y)));
            None
        } else if side_by_side {
            let legend_x = MARGIN + s + MARGIN;
            // The shorter of chart and legend is centred beside the other; bars' rows are level
            // with the legend's.
            let legend_h = if bars { rows * ROW + 2 * pad } else { rows * ROW };
            let tallest = h.max(legend_h);
            let legend_y = y + (tallest - legend_h) / 2 + if bars { pad } else { 0 };
            let legend = Legend { at: (legend_x, legend_y), width: (w - legend_x - MARGIN).min(MAX_LEGEND) };
            let at = (MARGIN, y + (tallest - h) / 2);
            y += tallest;
            Some((at, legend))
        } else {
            let legend_width = room.min(MAX_LEGEND);
            let legend = Legend { at: ((w - legend_width) / 2, y + h + MARGIN / 2), width: legend_width };
            let at = ((w - s) / 2, y);
            y += h + MARGIN / 2 + rows * ROW;
            Some((at, legend))
        };
        let height = if body.is_some() { y + MARGIN } else { y + ROW + MARGIN } as u32;
        Figure { width, height, chart, texts, body, heading, line, t, lang: lang.to_owned() }
    }

    /// The chart's top-left corner in the picture, if it has one.
    pub fn chart_at(&self) -> Option<BackendCoord> {
        self.body.as_ref().map(|(at, _)| *at)
    }

    /// The picture as SVG: the chart, scaled back from its drawing scale, in a group.
    pub fn svg(&self) -> String {
        let mut out = String::new();
        {
            let mut svg = SVGBackend::with_string(&mut out, (self.width, self.height));
            // Drawing into a String cannot fail; were it to, the picture would only be incomplete.
            let _ = self.paint(&mut svg, true, true);
            let _ = svg.present();
        }
        // The accessible name and description, right after the opening tag.
        let head = format!("<title>{}</title>\n<desc>{}</desc>\n", escape(self.name()), escape(&self.line));
        let Some(open) = out.find(">\n").map(|i| i + 2) else { return out + &head };
        // The chart after the background (the first element), under everything else (the count
        // in its hole).
        if let Some((x, y)) = self.chart_at() {
            let (cw, ch, scale) = self.chart.size;
            let mut chart = String::new();
            {
                let mut svg = SVGBackend::with_string(&mut chart, ((cw * scale) as u32, (ch * scale) as u32));
                let _ = self.paint_chart(&mut svg, (0, 0), true);
                let _ = svg.present();
            }
            let start = chart.find(">\n").map_or(0, |i| i + 2);
            let end = chart.rfind("</svg>").unwrap_or(chart.len()).max(start);
            let group = format!("<g transform=\"translate({x} {y}) scale({})\">\n{}</g>\n", 1.0 / scale, &chart[start..end]);
            let after_background = out[open..].find("/>\n").map_or(open, |i| open + i + 3);
            out.insert_str(after_background, &group);
        }
        out.insert_str(open, &head);
        out
    }

    /// The picture's accessible name: its heading, else its summary.
    pub fn name(&self) -> &str {
        if self.heading.is_empty() {
            &self.line
        } else {
            &self.heading
        }
    }

    /// Everything but the chart: background, heading, summary, the count in the chart's hole
    /// (with `count`: else `paint_count`, over the chart) and legend, in the picture's pixels.
    /// `svg`: text sizes as plotters-svg reads them.
    pub fn paint<B: DrawingBackend>(&self, b: &mut B, svg: bool, count: bool) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        let scheme = self.chart.scheme;
        let text = |b: &mut B, s: &str, style: Text, at: BackendCoord| b.draw_text(s, &Text { svg, ..style }, at);
        b.draw_rect((0, 0), (self.width as i32, self.height as i32), &Solid(scheme.background), true)?;
        for (s, style, at) in &self.texts {
            text(b, s, *style, *at)?;
        }
        if count {
            self.paint_count(b, svg)?;
        }
        let Some((_, legend)) = &self.body else { return Ok(()) };
        let chart = &self.chart;
        let (x, mut y) = legend.at;
        let right = x + legend.width;
        let listed = legend_rows(chart.groups.len());
        let listed = if listed < chart.groups.len() { listed - 1 } else { listed };
        for (g, twin) in chart.groups.iter().zip(chart.twins()).take(listed) {
            let top = y + (ROW - SWATCH) / 2;
            b.draw_rect((x, top), (x + SWATCH, top + SWATCH), &Solid(g.color), true)?;
            // A repeated colour's rows of dots, as on its segment.
            for row in 0..twin as i32 {
                for dot in 0..3 {
                    b.draw_circle((x + 3 + 4 * dot, top + SWATCH * (2 * row + 1) / (2 * twin as i32)), 1, &Solid(scheme.background), true)?;
                }
            }
            let count = number(g.count, &self.lang);
            text(b, &count, Text::new(LEGEND_PX, scheme.text).anchor(HPos::Right, VPos::Center), (right, y + ROW / 2))?;
            let label_x = x + SWATCH + 8;
            let room = right - label_x - 12 - width_of(&count, LEGEND_PX);
            let style = Text::new(LEGEND_PX, scheme.text).anchor(HPos::Left, VPos::Center);
            text(b, &fit(&clean(&self.label(g)), room, LEGEND_PX), style, (label_x, y + ROW / 2))?;
            y += ROW;
        }
        if listed < chart.groups.len() {
            let more = fill(self.t.more, &number(chart.groups.len() - listed, &self.lang));
            text(b, &more, Text::new(LEGEND_PX, scheme.text).anchor(HPos::Left, VPos::Center), (x + SWATCH + 8, y + ROW / 2))?;
        }
        Ok(())
    }

    /// A donut's count in its hole, as the widget shows it, in the picture's pixels: over the
    /// chart, which paints its own square.
    pub fn paint_count<B: DrawingBackend>(&self, b: &mut B, svg: bool) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        let (Some((chart_at, _)), Shape::Donut) = (&self.body, self.chart.options.shape) else { return Ok(()) };
        let (chart, scheme) = (&self.chart, self.chart.scheme);
        // A comparison's small ring has no room for it (the widget hides it too).
        if chart.fill < MIN_COUNT_FILL {
            return Ok(());
        }
        let scale = chart.size.2;
        let (cx, cy) = (chart_at.0 + (chart.layout.cx / scale).round() as i32, chart_at.1 + (chart.layout.cy / scale).round() as i32);
        // The spaces the ring draws; of how many, when groups are hidden.
        let shown = chart.shown;
        let big = Text { svg, ..Text::new(28.0, scheme.text).bold().anchor(HPos::Center, VPos::Bottom) };
        b.draw_text(&number(shown, &self.lang), &big, (cx, cy + 6))?;
        let mut word = fill(self.t.spaces[usize::from(shown != 1)], "").trim().to_owned();
        if shown < chart.units {
            word = [word.as_str(), &fill(self.t.of, &number(chart.units, &self.lang))].join(" ");
        }
        let small = Text { svg, ..Text::new(12.0, scheme.text).anchor(HPos::Center, VPos::Top) };
        b.draw_text(&word, &small, (cx, cy + 8))
    }

    /// The chart alone, at `at` in the backend's pixels, at its drawing scale (`Figure::new`).
    pub fn paint_chart<B: DrawingBackend>(&self, b: &mut B, at: BackendCoord, svg: bool) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        let chart = &self.chart;
        let (w, h, scale) = chart.size;
        let colors = chart.colors();
        let picture = render::Picture { scheme: chart.scheme, emphasis: Emphasis::default(), ..chart.picture(&colors) };
        render::draw(&mut Inset { inner: b, at, size: ((w * scale) as u32, (h * scale) as u32), svg }, &picture)
    }

    /// A group's name as the widget's legend shows it.
    fn label(&self, g: &group::Group) -> String {
        match g.key.as_str() {
            NOT_SET => self.t.not_set.to_owned(),
            OTHER => self.t.other.to_owned(),
            "WW" if self.chart.options.group_by == group::GroupBy::Country => self.t.worldwide.to_owned(),
            _ => g.label.clone(),
        }
    }
}

/// The smallest share of the full size (`Shown::fill`) whose hole holds the count.
pub const MIN_COUNT_FILL: f64 = 0.3;

/// Several pictures side by side in one (a comparison: a company's each), top-aligned on one
/// background; its accessible name joins theirs, and each keeps its own.
pub fn row(figures: &[Figure]) -> String {
    let width: u32 = figures.iter().map(|f| f.width).sum();
    let height = figures.iter().map(|f| f.height).max().unwrap_or(0);
    let names: Vec<&str> = figures.iter().map(Figure::name).collect();
    let background = crate::palette::LIGHT.background.hex();
    let mut out = format!(
        "<svg width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\">\n<title>{}</title>\n<rect width=\"{width}\" height=\"{height}\" fill=\"{background}\"/>\n",
        escape(&names.join(" · "))
    );
    let mut x = 0;
    for figure in figures {
        // Each picture as an <svg> element of its own, placed at its column.
        out += &figure.svg().replacen("<svg ", &format!("<svg x=\"{x}\" "), 1);
        x += figure.width;
    }
    out + "</svg>\n"
}

/// The legend's rows for `groups` groups: all of them up to `MAX_ROWS`, else `MAX_ROWS` (the
/// last one saying how many more there are).
fn legend_rows(groups: usize) -> usize {
    groups.min(MAX_ROWS)
}

/// The most rows a picture's legend has.
const MAX_ROWS: usize = 40;

/// Where the legend goes: its top-left corner and width.
struct Legend {
    at: BackendCoord,
    width: i32,
}

/// Replaces what XML 1.0 cannot hold even escaped (C0 controls but tab, lone surrogates cannot
/// occur in a `str`, U+FFFE, U+FFFF) and line breaks by spaces, then trims.
pub fn clean(text: &str) -> String {
    text.chars().map(|c| if c.is_control() || c == '\u{fffe}' || c == '\u{ffff}' { ' ' } else { c }).collect::<String>().trim().to_owned()
}

/// XML text and attribute escaping: `&`, `<`, `>`, `"`, `'`; forbidden characters as in `clean`.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in clean(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// The estimated width of `text` at `px` pixels.
fn width_of(text: &str, px: f64) -> i32 {
    (text.chars().map(em).sum::<f64>() * px).ceil() as i32
}

/// A character's width in ems, at least `CHAR_WIDTH` (which suits digits and lower-case letters,
/// narrow ones included: an estimate that errs wide does not overflow): wide letters and capitals
/// more, a CJK character a whole em.
fn em(c: char) -> f64 {
    match c {
        'm' | 'w' => 0.86,
        'M' | 'W' | '…' => 1.0,
        'A'..='Z' | 'À'..='Þ' => 0.72,
        '\u{1100}'..='\u{115F}' | '\u{2E80}'..='\u{A4CF}' | '\u{AC00}'..='\u{D7A3}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FF60}' => {
            1.0
        }
        _ => CHAR_WIDTH,
    }
}

/// `text` broken at spaces into lines that fit `room` pixels, at most `max` lines (the last one
/// cut with "…" if need be).
fn wrap(text: &str, room: i32, px: f64, max: usize) -> Vec<String> {
    // A number stays with the word after it ("9 themes").
    let mut words: Vec<String> = Vec::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        match words.last_mut() {
            Some(last) if last.starts_with(|c: char| c.is_ascii_digit()) && !last.contains(' ') => {
                last.push(' ');
                last.push_str(word);
            }
            _ => words.push(word.to_owned()),
        }
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in &words {
        if line.is_empty() {
            line.push_str(word);
        } else if width_of(&line, px) + width_of(word, px) + width_of(" ", px) <= room {
            line.push(' ');
            line.push_str(word);
        } else {
            lines.push(std::mem::replace(&mut line, word.clone()));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max {
        let rest = lines.split_off(max - 1).join(" ");
        lines.push(rest);
    }
    lines.into_iter().map(|l| fit(&l, room, px)).collect()
}

/// `text` cut with an ellipsis so that its estimated width fits in `room` pixels.
fn fit(text: &str, room: i32, px: f64) -> String {
    if width_of(text, px) <= room {
        return text.to_owned();
    }
    // As many characters as fit with the ellipsis after them.
    let mut used = em('…') * px;
    let kept: String = text
        .chars()
        .take_while(|&c| {
            used += em(c) * px;
            used <= room as f64
        })
        .collect();
    let mut out = kept.trim_end().to_owned();
    out.push('…');
    out
}

/// A text style for plotters' backends: size in pixels, colour, weight and anchor. SVG draws
/// text natively, so `draw` paints nothing; `layout_box` estimates the width (`em` per
/// character × size).
#[derive(Clone, Copy)]
pub struct Text {
    pub px: f64,
    pub color: Rgb,
    pub bold: bool,
    pub anchor: Pos,
    /// For plotters-svg, which divides sizes by `SVG_FONT_SCALE`; a canvas takes them as they are.
    pub svg: bool,
}

impl Text {
    /// Left-aligned, top-anchored text.
    pub fn new(px: f64, color: Rgb) -> Text {
        Text { px, color, bold: false, anchor: Pos::new(HPos::Left, VPos::Top), svg: true }
    }

    pub fn bold(self) -> Text {
        Text { bold: true, ..self }
    }

    pub fn anchor(self, h: HPos, v: VPos) -> Text {
        Text { anchor: Pos::new(h, v), ..self }
    }
}

impl BackendTextStyle for Text {
    type FontError = Infallible;

    fn color(&self) -> BackendColor {
        BackendColor { alpha: 1.0, rgb: (self.color.0, self.color.1, self.color.2) }
    }

    fn size(&self) -> f64 {
        if self.svg {
            self.px * SVG_FONT_SCALE
        } else {
            self.px
        }
    }

    fn style(&self) -> FontStyle {
        if self.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        }
    }

    fn anchor(&self) -> Pos {
        self.anchor
    }

    fn family(&self) -> FontFamily<'_> {
        FontFamily::Name(render::FONT_FAMILY)
    }

    fn layout_box(&self, text: &str) -> Result<((i32, i32), (i32, i32)), Infallible> {
        Ok(((0, 0), (width_of(text, self.px), self.px.ceil() as i32)))
    }

    fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        _text: &str,
        _pos: BackendCoord,
        _draw: F,
    ) -> Result<Result<(), E>, Infallible> {
        Ok(Ok(()))
    }
}

/// A solid colour for shapes.
struct Solid(Rgb);

impl BackendStyle for Solid {
    fn color(&self) -> BackendColor {
        BackendColor { alpha: 1.0, rgb: (self.0 .0, self.0 .1, self.0 .2) }
    }
}

/// A `size` rectangle of another backend at `at`: what `render::draw` paints into, so the chart
/// sits in the picture among the text. `present` is left to the owner of the whole picture.
struct Inset<'a, B: DrawingBackend> {
    inner: &'a mut B,
    at: BackendCoord,
    size: (u32, u32),
    /// Text sizes for plotters-svg (`CanvasSized`); on a canvas, as they are.
    svg: bool,
}

impl<B: DrawingBackend> Inset<'_, B> {
    fn shift(&self, (x, y): BackendCoord) -> BackendCoord {
        (x + self.at.0, y + self.at.1)
    }
}

impl<B: DrawingBackend> DrawingBackend for Inset<'_, B> {
    type ErrorType = B::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        let point = self.shift(point);
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        let (from, to) = (self.shift(from), self.shift(to));
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        let (a, b) = (self.shift(upper_left), self.shift(bottom_right));
        self.inner.draw_rect(a, b, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        let at = self.at;
        self.inner.draw_path(path.into_iter().map(|(x, y)| (x + at.0, y + at.1)), style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        let center = self.shift(center);
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        let at = self.at;
        self.inner.fill_polygon(vert.into_iter().map(|(x, y)| (x + at.0, y + at.1)), style)
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        let pos = self.shift(pos);
        if self.svg {
            self.inner.draw_text(text, &CanvasSized(style), pos)
        } else {
            self.inner.draw_text(text, style, pos)
        }
    }
}

/// A text style of `render` (sized in pixels, as the canvas reads it) for plotters-svg, which
/// divides the size by 1.24: the segments' labels come out as large as on the canvas.
struct CanvasSized<'a, S>(&'a S);

impl<S: BackendTextStyle> BackendTextStyle for CanvasSized<'_, S> {
    type FontError = S::FontError;

    fn color(&self) -> BackendColor {
        self.0.color()
    }
    fn size(&self) -> f64 {
        self.0.size() * SVG_FONT_SCALE
    }
    fn transform(&self) -> plotters_backend::FontTransform {
        self.0.transform()
    }
    fn style(&self) -> FontStyle {
        self.0.style()
    }
    fn anchor(&self) -> Pos {
        self.0.anchor()
    }
    fn family(&self) -> FontFamily<'_> {
        self.0.family()
    }
    fn layout_box(&self, text: &str) -> Result<((i32, i32), (i32, i32)), S::FontError> {
        self.0.layout_box(text)
    }
    fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        text: &str,
        pos: BackendCoord,
        draw: F,
    ) -> Result<Result<(), E>, S::FontError> {
        self.0.draw(text, pos, draw)
    }
}
