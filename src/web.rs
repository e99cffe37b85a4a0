//! The web layer (wasm32 only): wasm-bindgen exports, the meaning of canvas events, the canvas
//! backend. The only module that names `wasm_bindgen`, `web_sys`, `js_sys` or `JsValue`; all
//! logic lives in the core and is reached through `Chart::apply`.
//!
//! Invariant: the wasm is entered only through these exported methods, never from a browser
//! callback of its own (no closures, listeners, observers or animation frames live here). The
//! loader wraps every call, so if one chart ever traps, it knows which, and replaces the
//! instance for the others (containment). No `unwrap` on data or DOM paths.
//!
//! What crosses the boundary is text: the dataset comes in as its JSON (or CSV) text, and what
//! the loader shows (`view`, `selection`, `pointer`, `profile`, `warnings`, thrown problems) goes
//! out as JSON text that it reads with `JSON.parse`: one string per call instead of one JS call
//! per field, and far less glue in the wasm.

use crate::chart::{Action, Change, Chart, Key, Options};
#[cfg(feature = "csv-reader")]
use crate::csv;
use crate::dataset::{self, Problem};
use crate::geometry::Shape;
use crate::group::{Group, GroupBy};
use crate::palette::{Rgb, DARK, LIGHT};
use crate::platform;
use crate::render;
use crate::value::{Json, Value};
use plotters_canvas::CanvasBackend;
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// Bits of the `notify(bits)` callback: what the loader must refresh.
const VIEW: u32 = 1;
const SELECTION: u32 = 2;
const POINTER: u32 = 4;
/// The canvas needs a repaint: the loader calls `paint()` in its next animation frame.
const PAINT: u32 = 8;

#[wasm_bindgen]
pub struct Widget {
    chart: RefCell<Chart>,
    canvas: HtmlCanvasElement,
    notify: js_sys::Function,
    /// The pointer type of the last `pointerdown`: a touch tap also shows what it selects.
    touch: Cell<bool>,
}

/// The strings of a JSON array of keys (other items are skipped); `None` if it is not one.
fn keys_of(json: &str) -> Option<Vec<String>> {
    let Ok(Value::Array(items)) = crate::value::parse(json) else { return None };
    Some(items.into_iter().filter_map(|k| if let Value::String(k) = k { Some(k.into_owned()) } else { None }).collect())
}

/// A group as the loader reads it; `twin`: its swatch's rows of dots (`Chart::twins`).
fn group_json(j: &mut Json, g: &Group, twin: usize) {
    j.open('{');
    j.key("key").str(&g.key);
    j.key("label").str(&g.label);
    j.key("color").str(&g.color.hex());
    j.key("twin").int(twin);
    j.key("count").int(g.count);
    j.key("folded").strs(g.folded.iter().map(String::as_str));
    j.close('}');
}

/// `[{path, code, detail}]`: the loader words each problem from its code, in the reader's language.
fn problems_json(problems: &[Problem]) -> String {
    let mut j = Json::default();
    j.open('[');
    for p in problems {
        j.open('{');
        j.key("path").str(&p.path);
        j.key("code").str(p.code);
        j.key("detail").str(&p.detail);
        j.close('}');
    }
    j.close(']');
    j.text
}

/// Grows the wasm memory once for what reading `len` bytes of data will allocate (about four
/// times the text: the value tree, then the dataset), instead of in hundreds of small steps as
/// the allocator runs out: a big block taken and freed stays with the allocator for what follows.
fn reserve(len: usize) {
    // `try_`: when the memory is not there, reading goes on and fails (or not) on its own terms.
    let _ = Vec::<u8>::new().try_reserve_exact(len.saturating_mul(4));
}

/// Problems as what a constructor throws: their JSON text (the loader parses it).
fn thrown(problems: &[Problem]) -> JsValue {
    JsValue::from_str(&problems_json(problems))
}

/// The exports' picture of a chart as the reader sees it, or of a comparison's charts side by
/// side: `parts` is one `{text, csv, company, title, options, shown}` per chart (`Part`), drawn by
/// the same renderer as the widget's canvas.
/// - Without `canvas`: the SVG's text (plotters' SVG backend).
/// - With `canvas`: the picture painted there at twice its size, for the PNG (the canvas is
///   resized to it). On a canvas rather than the SVG loaded as an image, so that a page whose
///   Content-Security-Policy forbids `blob:` images gets the same picture, and reports nothing.
///
/// Only in the export build (`--features svg-export`), which the loader fetches on demand.
#[cfg(feature = "svg-export")]
#[wasm_bindgen]
pub fn render_export(canvas: Option<HtmlCanvasElement>, parts: JsValue, lang: &str) -> Result<Option<String>, JsValue> {
    use wasm_bindgen::JsCast;
    /// The PNG's pixels per picture pixel.
    const SCALE: i32 = 2;
    let parts = serde_wasm_bindgen::from_value::<Vec<Part>>(parts).map_err(|e| JsValue::from_str(&e.to_string()))?;
    let scale = if canvas.is_some() { f64::from(SCALE) } else { crate::svg::FINE };
    let figures = parts.into_iter().map(|part| part.figure(lang, scale)).collect::<Result<Vec<_>, _>>()?;
    let Some(canvas) = canvas else {
        return Ok(Some(match figures.as_slice() {
            [figure] => figure.svg(),
            _ => crate::svg::row(&figures),
        }));
    };
    // Each chart is drawn in the canvas's own pixels (whole ones, so at its scale); the rest in
    // the picture's, through the context's transform; the count in the hole over the chart.
    let width: u32 = figures.iter().map(|f| f.width).sum();
    let height = figures.iter().map(|f| f.height).max().unwrap_or(0);
    canvas.set_width(width * SCALE as u32);
    canvas.set_height(height * SCALE as u32);
    let context = canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok());
    let (Some(context), Some(mut backend)) = (context, CanvasBackend::with_canvas_object(canvas)) else {
        return Err(JsValue::from_str("no 2d context"));
    };
    let failed = |e: plotters_backend::DrawingErrorKind<_>| JsValue::from_str(&e.to_string());
    let (s, mut left) = (f64::from(SCALE), 0.0);
    for figure in &figures {
        context.set_transform(s, 0.0, 0.0, s, left * s, 0.0)?;
        // Under a shorter picture, its background down to the tallest one's bottom.
        context.set_fill_style_str(&crate::palette::LIGHT.background.hex());
        context.fill_rect(0.0, 0.0, f64::from(figure.width), f64::from(height));
        figure.paint(&mut backend, false, false).map_err(failed)?;
        if let Some((x, y)) = figure.chart_at() {
            context.set_transform(1.0, 0.0, 0.0, 1.0, left * s, 0.0)?;
            figure.paint_chart(&mut backend, (x * SCALE, y * SCALE), false).map_err(failed)?;
            context.set_transform(s, 0.0, 0.0, s, left * s, 0.0)?;
            figure.paint_count(&mut backend, false).map_err(failed)?;
        }
        left += f64::from(figure.width);
    }
    Ok(None)
}

/// One chart of an export, as the loader passes it: its dataset (JSON text, or CSV text when
/// `csv`) under the heading `title` (else the dataset's own, else the company), the options it is
/// drawn with, and what the reader changed beyond them.
#[cfg(feature = "svg-export")]
#[derive(serde::Deserialize)]
struct Part {
    text: String,
    #[serde(default)]
    csv: bool,
    company: Option<String>,
    title: Option<String>,
    #[serde(default)]
    options: OptionFields,
    #[serde(default)]
    shown: ShownFields,
    /// The ring's width on the screen, in CSS pixels: the picture's is no smaller (a segment
    /// whose count the screen shows has it in the picture too).
    side: Option<f64>,
}

#[cfg(feature = "svg-export")]
impl Part {
    fn figure(self, lang: &str, scale: f64) -> Result<crate::svg::Figure, JsValue> {
        let Part { text, csv, company, title, options, shown, side } = self;
        let dataset = if csv { csv::parse(&text, company.as_deref(), title.as_deref()) } else { dataset::parse_json(&text) };
        let mut dataset = dataset.map_err(|p| thrown(&p))?;
        // The heading the widget shows (it names the reader's grouping when the title named another).
        if let Some(title) = title.filter(|t| !t.trim().is_empty()) {
            dataset.title = Some(title);
        }
        let key_colors = shown.key_colors.into_iter().filter_map(|(key, hex)| Some((key, Rgb::parse_hex(&hex)?))).collect();
        let options = Options { key_order: shown.key_order, key_colors, keep: shown.keep, ..options.options() };
        let view =
            crate::svg::Shown { hidden: &shown.hidden, other_expanded: shown.other_expanded, labels: &shown.labels, fill: shown.fill };
        Ok(crate::svg::Figure::new(&dataset, &options, view, lang, crate::svg::width_for(side), scale))
    }
}

/// What the reader changed beyond the options, as the loader passes it:
/// `{hidden, otherExpanded, keyOrder, keyColors, keep, labels, fill}` (the view's hidden keys and
/// "Other" state, a comparison's colour order, dataset colours and the keys it keeps out of
/// Other, the legend's names as `[key, label]` pairs, and a comparison's scale).
#[cfg(feature = "svg-export")]
#[derive(Default, serde::Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct ShownFields {
    hidden: Vec<String>,
    other_expanded: bool,
    key_order: Vec<String>,
    key_colors: Vec<(String, String)>,
    keep: Vec<String>,
    labels: Vec<(String, String)>,
    fill: Option<f64>,
}

#[wasm_bindgen]
pub fn memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) * 65536) as f64
}

/// The chart options as the loader passes them (`{groupBy, dedupe, chart, otherBelow,
/// thousands}`); a missing or unusable field keeps its default.
#[derive(Default)]
#[cfg_attr(feature = "svg-export", derive(serde::Deserialize), serde(rename_all = "camelCase", default))]
struct OptionFields {
    group_by: Option<String>,
    dedupe: Option<bool>,
    chart: Option<String>,
    other_below: Option<f64>,
    thousands: Option<String>,
}

impl OptionFields {
    fn options(self) -> Options {
        let defaults = Options::default();
        Options {
            group_by: self.group_by.as_deref().and_then(GroupBy::parse).unwrap_or(defaults.group_by),
            dedupe: self.dedupe.unwrap_or(false),
            shape: self.chart.as_deref().and_then(Shape::parse).unwrap_or(defaults.shape),
            other_below: self.other_below.filter(|f| f.is_finite() && *f >= 0.0 && *f < 1.0).unwrap_or(defaults.other_below),
            thousands: self.thousands.unwrap_or(defaults.thousands),
            key_order: Vec::new(),
            key_colors: Vec::new(),
            keep: Vec::new(),
        }
    }
}

/// The widget's options, read field by field with `Reflect`: in the build every reader downloads,
/// serde's visitors would cost kilobytes for five fields.
fn read_options(options: &JsValue) -> Options {
    let get = |k: &str| js_sys::Reflect::get(options, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED);
    OptionFields {
        group_by: get("groupBy").as_string(),
        dedupe: get("dedupe").as_bool(),
        chart: get("chart").as_string(),
        other_below: get("otherBelow").as_f64(),
        thousands: get("thousands").as_string(),
    }
    .options()
}

#[wasm_bindgen]
impl Widget {
    /// Reads and validates `text` (JSON) and attaches a chart to `canvas`. On invalid data,
    /// throws the array of problems `{path, code, detail}` (the loader words
    /// them from `code` in the reader's language). `notify(bits)` is called after
    /// every change: 1 view, 2 selection, 4 pointer.
    #[wasm_bindgen(constructor)]
    pub fn new(canvas: HtmlCanvasElement, text: &str, options: JsValue, notify: js_sys::Function) -> Result<Widget, JsValue> {
        reserve(text.len());
        let dataset = dataset::parse_json(text).map_err(|p| thrown(&p))?;
        Ok(Widget::with(canvas, dataset, &options, notify))
    }

    /// Like `new`, from CSV text (RFC 4180; themes separated by `;`); problems name the row and
    /// column (`row 7, column themes`). Only in the builds with feature `csv-reader` (`pkg/csv/`,
    /// which the loader fetches for CSV figures; `pkg/export/`): JSON posts don't download it.
    #[cfg(feature = "csv-reader")]
    pub fn from_csv(
        canvas: HtmlCanvasElement,
        text: &str,
        company: Option<String>,
        title: Option<String>,
        options: JsValue,
        notify: js_sys::Function,
    ) -> Result<Widget, JsValue> {
        reserve(text.len());
        let dataset = csv::parse(text, company.as_deref(), title.as_deref()).map_err(|p| thrown(&p))?;
        Ok(Widget::with(canvas, dataset, &options, notify))
    }

    /// Warnings found while reading the data (e.g. a URL shown without a link), as `problems`.
    pub fn warnings(&self) -> String {
        problems_json(&self.chart.borrow().dataset.warnings)
    }

    /// Everything the HTML around the canvas shows: summary figures, groups, legend, options.
    pub fn view(&self) -> String {
        let chart = self.chart.borrow();
        let mut j = Json::default();
        j.open('{');
        j.key("company").str(&chart.dataset.company);
        j.key("title").opt_str(chart.dataset.title.as_deref());
        j.key("groupBy").str(chart.options.group_by.as_str());
        j.key("dedupe").bool(chart.options.dedupe);
        j.key("chart").str(chart.options.shape.as_str());
        // Spaces in the dataset, and units counted (fewer with dedupe).
        j.key("spaces").int(chart.dataset.spaces.len());
        j.key("units").int(chart.units);
        j.key("shown").int(chart.shown);
        j.key("themes").int(chart.dataset.used_themes());
        j.key("platforms").int(chart.platform_count());
        j.key("copies").bool(chart.copies);
        j.key("colored").strs(chart.colored_keys().iter().map(String::as_str));
        // The legend's twins are those of the groups drawn; its hidden ones have no segment.
        let twins = chart.twins();
        for (name, list, twins) in [("groups", &chart.groups, &twins[..]), ("legend", &chart.all_groups, &[][..])] {
            j.key(name).open('[');
            for (i, g) in list.iter().enumerate() {
                group_json(&mut j, g, twins.get(i).copied().unwrap_or(0));
            }
            j.close(']');
        }
        j.key("hidden").strs(chart.hidden.iter().map(String::as_str));
        j.key("otherExpanded").bool(chart.other_expanded);
        j.key("canFold").bool(chart.can_fold);
        j.key("selected").opt_str(chart.selected.as_deref());
        j.close('}');
        j.text
    }

    /// The sprawl profile (see `profile.rs`); shares and indices as fractions.
    pub fn profile(&self) -> String {
        let chart = self.chart.borrow();
        let p = crate::profile::profile(&chart.dataset);
        let verdict = |hhi: f64| crate::profile::Verdict::of(hhi).as_str();
        let mut j = Json::default();
        j.open('{');
        j.key("spaces").int(p.spaces);
        j.key("functions").int(p.functions);
        j.key("replication").num(p.replication);
        j.key("platforms").open('[');
        for (label, n) in &p.platforms {
            j.open('[').str(label).int(*n).close(']');
        }
        j.close(']');
        j.key("themes").int(p.themes);
        j.key("countries").int(p.countries);
        j.key("platformHhi").num(p.platform_hhi);
        j.key("platformVerdict").str(verdict(p.platform_hhi));
        j.key("themeHhi").num(p.theme_hhi);
        j.key("themeVerdict").str(verdict(p.theme_hhi));
        j.key("dormant").num(p.dormant.unwrap_or(f64::NAN));
        j.key("unowned").num(p.unowned);
        j.close('}');
        j.text
    }

    /// The selected group with its drill-down rows, or `null`.
    pub fn selection(&self) -> String {
        let chart = self.chart.borrow();
        let Some(group) = chart.selected_group() else { return "null".into() };
        let spaces = &chart.dataset.spaces;
        let mut j = Json::default();
        j.open('{');
        j.key("groupBy").str(chart.options.group_by.as_str());
        j.key("key").str(&group.key);
        j.key("label").str(&group.label);
        j.key("count").int(group.count);
        // The counted spaces, in dataset order: the event's `spaces`.
        j.key("spaces").strs(group.units.iter().map(|&i| spaces[i].name.as_str()));
        // Drill-down rows: every member space, country copies included.
        j.key("items").open('[');
        for &i in &group.spaces {
            let s = &spaces[i];
            j.open('{');
            j.key("name").str(&s.name);
            j.key("url").opt_str(s.link());
            j.key("platform").str(platform::label(&platform::key(&s.platform), &s.platform));
            j.key("country").opt_str(s.country.as_deref());
            j.key("audience").num(s.audience.unwrap_or(f64::NAN));
            j.key("function").opt_str(s.function.as_deref());
            j.close('}');
        }
        j.close(']');
        j.key("folded").strs(group.folded.iter().map(String::as_str));
        j.close('}');
        j.text
    }

    /// The hovered (else focused) segment, for the tooltip: position in CSS pixels, or `null`.
    pub fn pointer(&self) -> String {
        let chart = self.chart.borrow();
        let (index, focus) = match (chart.hovered, chart.focused.filter(|_| chart.has_focus)) {
            (Some(h), _) => (h, false),
            (None, Some(f)) => (f, true),
            (None, None) => return "null".into(),
        };
        let (Some(group), Some((x, y))) = (chart.groups.get(index), chart.layout.anchor(index)) else {
            return "null".into();
        };
        let dpr = chart.size.2;
        let mut j = Json::default();
        j.open('{');
        j.key("index").int(index);
        j.key("key").str(&group.key);
        j.key("label").str(&group.label);
        j.key("count").int(group.count);
        j.key("x").num(x / dpr);
        j.key("y").num(y / dpr);
        j.key("focus").bool(focus);
        j.key("platforms").open('[');
        for (label, n) in chart.top_platforms(index, 3) {
            j.open('[').str(label).int(n).close(']');
        }
        j.close(']');
        j.close('}');
        j.text
    }

    /// Selects the group `key` (`null` clears). Returns whether it is now selected.
    pub fn select(&self, key: Option<String>) -> bool {
        let wanted = key.clone();
        self.apply(Action::Select(key));
        self.chart.borrow().selected == wanted
    }

    /// The group whose legend entry a reader points at or focuses (`null` when they leave it).
    pub fn point_legend(&self, key: Option<String>) {
        self.apply(Action::Legend(key));
    }

    pub fn toggle_select(&self, key: String) {
        self.apply(Action::ToggleSelect(key));
    }

    pub fn set_group_by(&self, by: &str) {
        if let Some(by) = GroupBy::parse(by) {
            self.apply(Action::GroupBy(by));
        }
    }

    pub fn set_dedupe(&self, on: bool) {
        self.apply(Action::Dedupe(on));
    }

    pub fn set_chart(&self, shape: &str) {
        if let Some(shape) = Shape::parse(shape) {
            self.apply(Action::Shape(shape));
        }
    }

    pub fn toggle_hidden(&self, key: String) {
        self.apply(Action::ToggleHidden(key));
    }

    pub fn isolate(&self, key: String) {
        self.apply(Action::Isolate(key));
    }

    pub fn show_all(&self) {
        self.apply(Action::ShowAll);
    }

    pub fn expand_other(&self, expanded: bool) {
        self.apply(Action::ExpandOther(expanded));
    }

    pub fn set_dark(&self, dark: bool) {
        self.apply(Action::Scheme(if dark { &DARK } else { &LIGHT }));
    }

    /// The widget's background as the page's CSS makes it (`#rrggbb`; anything else: the
    /// scheme's), painted under the chart so that a themed widget has no square of another colour.
    pub fn set_background(&self, color: &str) {
        self.apply(Action::Background(Rgb::parse_hex(color)));
    }

    /// Comparisons: the shared key order (a JSON array of keys) that gives a key the same colour
    /// in every chart.
    pub fn set_key_order(&self, keys: &str) {
        if let Some(keys) = keys_of(keys) {
            self.apply(Action::KeyOrder(keys));
        }
    }

    /// Comparisons: the colours the companies' datasets give their themes, as a flat JSON array
    /// `[key, "#rrggbb", key, "#rrggbb", …]`, for every chart that has the theme.
    pub fn set_key_colors(&self, pairs: &str) {
        if let Some(items) = keys_of(pairs) {
            let colors = items.chunks_exact(2).filter_map(|p| Some((p[0].clone(), Rgb::parse_hex(&p[1])?))).collect();
            self.apply(Action::KeyColors(colors));
        }
    }

    /// Comparisons: the keys the other charts show (a JSON array), never folded into Other here.
    pub fn set_keep(&self, keys: &str) {
        if let Some(keys) = keys_of(keys) {
            self.apply(Action::Keep(keys));
        }
    }

    /// Area fraction for comparisons on one scale (this company's spaces ÷ the largest's).
    pub fn set_fill(&self, fill: f64) {
        self.chart.borrow_mut().set_fill(fill);
        self.notify(PAINT);
    }

    /// Sets the canvas size (CSS pixels), the device-pixel ratio and the reader's text size
    /// against the usual 16 px, from the loader's ResizeObserver.
    pub fn resize(&self, width: f64, height: f64, dpr: f64, text: f64) {
        let relabelled = self.chart.borrow_mut().apply(Action::TextScale(text)).redraw;
        self.apply(Action::Resize(width, height, dpr));
        if relabelled {
            self.notify(PAINT);
        }
    }

    /// A canvas event, as the loader's listener receives it; `true` when it was handled (the
    /// loader then prevents the browser's default, e.g. scrolling on an arrow key).
    pub fn event(&self, kind: &str, client_x: f64, client_y: f64, pointer: &str, key: &str, modifier: bool) -> bool {
        let mouse = pointer == "mouse";
        let action = match kind {
            "pointerdown" => {
                self.touch.set(!mouse);
                return false;
            }
            "pointermove" if mouse => Action::Hover(Some(self.local(client_x, client_y))),
            "pointerleave" if mouse => Action::Hover(None),
            "click" => {
                let (x, y) = self.local(client_x, client_y);
                if self.touch.get() {
                    Action::Tap(x, y)
                } else {
                    Action::Click(x, y)
                }
            }
            "focus" => Action::Focus(true),
            "blur" => Action::Focus(false),
            "keydown" if !modifier => Action::Key(match key {
                "ArrowRight" | "ArrowDown" => Key::Next,
                "ArrowLeft" | "ArrowUp" => Key::Previous,
                "Home" => Key::First,
                "End" => Key::Last,
                "Enter" | " " => Key::Activate,
                // Escape with nothing selected is left to the page (e.g. to close the dialog).
                "Escape" if self.chart.borrow().selected.is_some() => Key::Escape,
                _ => return false,
            }),
            _ => return false,
        };
        let was_hit = self.chart.borrow().hovered.is_some();
        self.apply(action);
        // The cursor changes only when the pointer enters or leaves a segment, not on every move.
        let hit = self.chart.borrow().hovered.is_some();
        if hit != was_hit {
            let _ = self.canvas.style().set_property("cursor", if hit { "pointer" } else { "default" });
        }
        kind == "keydown"
    }

    /// Paints the canvas now (the loader calls it once per animation frame when asked).
    pub fn paint(&self) {
        // Test builds only: a canvas marked `data-test-panic` panics here, to prove that one
        // chart's failure stays local (tests/e2e/containment.test.js).
        #[cfg(feature = "test-hooks")]
        if self.canvas.has_attribute("data-test-panic") {
            panic!("channel-sprawl: deliberate test panic");
        }
        let chart = self.chart.borrow();
        let (w, h, dpr) = chart.size;
        let (pw, ph) = ((w * dpr).round() as u32, (h * dpr).round() as u32);
        if self.canvas.width() != pw {
            self.canvas.set_width(pw);
        }
        if self.canvas.height() != ph {
            self.canvas.set_height(ph);
        }
        if let Some(mut backend) = CanvasBackend::with_canvas_object(self.canvas.clone()).map(|b| b.fine(render::FINE)) {
            let colors = chart.colors();
            let fine = backend.units();
            let _ = render::draw(&mut backend, &render::Picture { fine, ..chart.picture(&colors) });
        }
    }

    /// The segment index under a point in CSS pixels, or -1. For the wasm tests (`tests/web.rs`,
    /// run with `test-hooks`); the loader hit-tests through `event`.
    #[cfg(feature = "test-hooks")]
    pub fn segment_at(&self, x: f64, y: f64) -> i32 {
        self.chart.borrow().segment_at(x, y).map_or(-1, |i| i as i32)
    }
}

impl Widget {
    fn with(canvas: HtmlCanvasElement, dataset: dataset::Dataset, options: &JsValue, notify: js_sys::Function) -> Widget {
        let options_value = options;
        let options = read_options(options_value);
        let dark = js_sys::Reflect::get(options_value, &JsValue::from_str("dark")).ok().and_then(|v| v.as_bool());
        let mut chart = Chart::new(dataset, options);
        if dark == Some(true) {
            chart.apply(Action::Scheme(&DARK));
        }
        Widget { chart: RefCell::new(chart), canvas, notify, touch: Cell::new(false) }
    }

    /// Client coordinates → CSS pixels in the chart's own frame (robust to borders and zoom).
    fn local(&self, client_x: f64, client_y: f64) -> (f64, f64) {
        let rect = self.canvas.get_bounding_client_rect();
        let (w, h, _) = self.chart.borrow().size;
        let sx = if rect.width() > 0.0 { w / rect.width() } else { 1.0 };
        let sy = if rect.height() > 0.0 { h / rect.height() } else { 1.0 };
        ((client_x - rect.left()) * sx, (client_y - rect.top()) * sy)
    }

    fn apply(&self, action: Action) {
        let change: Change = self.chart.borrow_mut().apply(action);
        let bits = ((change.view as u32) * VIEW)
            | ((change.selection as u32) * SELECTION)
            | ((change.pointer as u32) * POINTER)
            | ((change.redraw as u32) * PAINT);
        self.notify(bits);
    }

    fn notify(&self, bits: u32) {
        if bits != 0 {
            let _ = self.notify.call1(&JsValue::NULL, &JsValue::from(bits));
        }
    }
}
