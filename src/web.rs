//! The web layer (wasm32 only): wasm-bindgen exports, the meaning of canvas events, the canvas
//! backend. The only module that names `wasm_bindgen`, `web_sys`, `js_sys` or `JsValue`; all
//! logic lives in the core and is reached through `Chart::apply`.
//!
//! Invariant: the wasm is entered only through these exported methods, never from a browser
//! callback of its own (no closures, listeners, observers or animation frames live here). The
//! loader wraps every call, so if one chart ever traps, it knows which, and replaces the
//! instance for the others (containment). No `unwrap` on data or DOM paths.

use crate::chart::{Action, Change, Chart, Key, Options};
use crate::csv;
use crate::dataset::{self, Problem};
use crate::geometry::Shape;
use crate::group::{GroupBy, Group};
use crate::palette::{DARK, LIGHT};
use crate::platform;
use crate::render;
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
    /// The pointer type of the last `pointerdown`: a touch tap shows before it selects.
    touch: Cell<bool>,
}

/// Plain JS values built with `Reflect`: no serde, no string formatting.
trait ToJs {
    fn js(&self) -> JsValue;
}
impl ToJs for str {
    fn js(&self) -> JsValue {
        JsValue::from_str(self)
    }
}
impl ToJs for String {
    fn js(&self) -> JsValue {
        JsValue::from_str(self)
    }
}
impl<T: ToJs + ?Sized> ToJs for &T {
    fn js(&self) -> JsValue {
        (**self).js()
    }
}
impl ToJs for usize {
    fn js(&self) -> JsValue {
        JsValue::from_f64(*self as f64)
    }
}
impl ToJs for f64 {
    fn js(&self) -> JsValue {
        JsValue::from_f64(*self)
    }
}
impl ToJs for bool {
    fn js(&self) -> JsValue {
        JsValue::from_bool(*self)
    }
}
impl<T: ToJs> ToJs for Option<T> {
    fn js(&self) -> JsValue {
        self.as_ref().map_or(JsValue::NULL, T::js)
    }
}
impl<T: ToJs> ToJs for [T] {
    fn js(&self) -> JsValue {
        self.iter().map(T::js).collect::<js_sys::Array>().into()
    }
}
impl<T: ToJs> ToJs for Vec<T> {
    fn js(&self) -> JsValue {
        self.as_slice().js()
    }
}
impl<A: ToJs, B: ToJs> ToJs for (A, B) {
    fn js(&self) -> JsValue {
        js_sys::Array::of2(&self.0.js(), &self.1.js()).into()
    }
}

/// `{k: v, …}` from pairs.
fn obj(fields: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in fields {
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o.into()
}

/// A group as the loader reads it.
fn group_js(g: &Group) -> JsValue {
    obj(&[("key", g.key.js()), ("label", g.label.js()), ("color", g.color.hex().js()), ("count", g.count.js()), ("folded", g.folded.js())])
}

fn problems_to_js(problems: &[Problem]) -> JsValue {
    let list: js_sys::Array = problems.iter().map(|p| obj(&[("path", p.path.js()), ("code", p.code.js()), ("detail", p.detail.js())])).collect();
    list.into()
}

/// The static SVG of a dataset (JSON text, or CSV text when `csv`) in the reader's grouping,
/// dedupe and chart type: the same renderer as the canvas, through plotters' SVG backend.
/// Only in the export build (`--features svg-export`), which the loader fetches on demand.
#[cfg(feature = "svg-export")]
#[wasm_bindgen]
pub fn render_svg(text: &str, csv: bool, company: Option<String>, title: Option<String>, options: JsValue, lang: &str) -> Result<String, JsValue> {
    let dataset = if csv { csv::parse(text, company.as_deref(), title.as_deref()) } else { dataset::parse_json(text) };
    let dataset = dataset.map_err(|p| problems_to_js(&p))?;
    Ok(crate::svg::render(&dataset, &read_options(&options), lang, crate::svg::DEFAULT_WIDTH))
}

/// The JSON text of each dataset when `text` is an array of them (a comparison), else `null`.
/// Throws the syntax problem when `text` is not JSON.
#[wasm_bindgen]
pub fn datasets(text: &str) -> Result<JsValue, JsValue> {
    match crate::value::elements(text) {
        Ok(Some(items)) => Ok(items.js()),
        Ok(None) => Ok(JsValue::NULL),
        Err(e) => Err(problems_to_js(&[dataset::syntax(&e)])),
    }
}

/// Bytes of linear memory the wasm instance holds now (for the lifecycle tests and the bench).
#[wasm_bindgen]
pub fn memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) * 65536) as f64
}


/// The chart options the loader passes (`{groupBy, dedupe, chart, otherBelow, thousands}`).
fn read_options(options: &JsValue) -> Options {
    let get = |k: &str| js_sys::Reflect::get(options, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED);
    let defaults = Options::default();
    Options {
        group_by: get("groupBy").as_string().as_deref().and_then(GroupBy::parse).unwrap_or(defaults.group_by),
        dedupe: get("dedupe").as_bool().unwrap_or(false),
        shape: get("chart").as_string().as_deref().and_then(Shape::parse).unwrap_or(defaults.shape),
        other_below: get("otherBelow").as_f64().filter(|f| f.is_finite() && *f >= 0.0 && *f < 1.0).unwrap_or(defaults.other_below),
        thousands: get("thousands").as_string().unwrap_or(defaults.thousands),
        key_order: Vec::new(),
    }
}

#[wasm_bindgen]
impl Widget {
    /// Reads and validates `text` (JSON) and attaches a chart to `canvas`. On invalid data,
    /// throws the array of problems `{path, code, detail}` (the loader words
    /// them from `code` in the reader's language). `notify(bits)` is called after
    /// every change: 1 view, 2 selection, 4 pointer.
    #[wasm_bindgen(constructor)]
    pub fn new(canvas: HtmlCanvasElement, text: &str, options: JsValue, notify: js_sys::Function) -> Result<Widget, JsValue> {
        let dataset = dataset::parse_json(text).map_err(|p| problems_to_js(&p))?;
        Ok(Widget::with(canvas, dataset, &options, notify))
    }

    /// Like `new`, from CSV text (RFC 4180; themes separated by `;`); problems name the row and
    /// column (`row 7, column themes`).
    pub fn from_csv(
        canvas: HtmlCanvasElement,
        text: &str,
        company: Option<String>,
        title: Option<String>,
        options: JsValue,
        notify: js_sys::Function,
    ) -> Result<Widget, JsValue> {
        let dataset = csv::parse(text, company.as_deref(), title.as_deref()).map_err(|p| problems_to_js(&p))?;
        Ok(Widget::with(canvas, dataset, &options, notify))
    }

    /// Warnings found while reading the data (e.g. a URL shown without a link).
    pub fn warnings(&self) -> JsValue {
        problems_to_js(&self.chart.borrow().dataset.warnings)
    }

    /// Everything the HTML around the canvas shows: summary figures, groups, legend, options.
    pub fn view(&self) -> JsValue {
        let chart = self.chart.borrow();
        let groups = |list: &[Group]| -> JsValue { list.iter().map(group_js).collect::<js_sys::Array>().into() };
        obj(&[
            ("company", chart.dataset.company.js()),
            ("title", chart.dataset.title.js()),
            ("groupBy", chart.options.group_by.as_str().js()),
            ("dedupe", chart.options.dedupe.js()),
            ("chart", chart.options.shape.as_str().js()),
            // Spaces in the dataset, and units counted (fewer with dedupe).
            ("spaces", chart.dataset.spaces.len().js()),
            ("units", chart.units.js()),
            ("themes", chart.dataset.used_themes().js()),
            ("platforms", chart.platform_count().js()),
            ("hasFunctions", chart.dataset.spaces.iter().any(|s| s.function.is_some()).js()),
            ("groups", groups(&chart.groups)),
            ("legend", groups(&chart.all_groups)),
            ("hidden", chart.hidden.js()),
            ("otherExpanded", chart.other_expanded.js()),
            ("selected", chart.selected.js()),
        ])
    }

    /// The sprawl profile (see `profile.rs`); shares and indices as fractions.
    pub fn profile(&self) -> JsValue {
        let chart = self.chart.borrow();
        let p = crate::profile::profile(&chart.dataset);
        let verdict = |hhi: f64| crate::profile::Verdict::of(hhi).as_str();
        obj(&[
            ("spaces", p.spaces.js()),
            ("functions", p.functions.js()),
            ("replication", p.replication.js()),
            ("platforms", p.platforms.iter().map(|(l, n)| (l.as_str(), *n)).collect::<Vec<_>>().js()),
            ("themes", p.themes.js()),
            ("countries", p.countries.js()),
            ("platformHhi", p.platform_hhi.js()),
            ("platformVerdict", verdict(p.platform_hhi).js()),
            ("themeHhi", p.theme_hhi.js()),
            ("themeVerdict", verdict(p.theme_hhi).js()),
            ("dormant", p.dormant.js()),
            ("unowned", p.unowned.js()),
        ])
    }

    /// The selected group with its drill-down rows, or `null`.
    pub fn selection(&self) -> JsValue {
        let chart = self.chart.borrow();
        let Some(group) = chart.selected_group() else { return JsValue::NULL };
        let spaces = &chart.dataset.spaces;
        // Drill-down rows: every member space, country copies included.
        let items: js_sys::Array = group
            .spaces
            .iter()
            .map(|&i| {
                let s = &spaces[i];
                obj(&[
                    ("name", s.name.js()),
                    ("url", s.link().js()),
                    ("platform", platform::label(&platform::key(&s.platform), &s.platform).js()),
                    ("country", s.country.js()),
                    ("audience", s.audience.js()),
                    ("function", s.function.js()),
                ])
            })
            .collect();
        obj(&[
            ("groupBy", chart.options.group_by.as_str().js()),
            ("key", group.key.js()),
            ("label", group.label.js()),
            ("count", group.count.js()),
            // The counted spaces, in dataset order: the event's `spaces`.
            ("spaces", group.units.iter().map(|&i| spaces[i].name.as_str()).collect::<Vec<_>>().js()),
            ("items", items.into()),
            ("folded", group.folded.js()),
        ])
    }

    /// The hovered (else focused) segment, for the tooltip: position in CSS pixels, or `null`.
    pub fn pointer(&self) -> JsValue {
        let chart = self.chart.borrow();
        let (index, focus) = match (chart.hovered, chart.focused.filter(|_| chart.has_focus)) {
            (Some(h), _) => (h, false),
            (None, Some(f)) => (f, true),
            (None, None) => return JsValue::NULL,
        };
        let (Some(group), Some((x, y))) = (chart.groups.get(index), chart.layout.anchor(index)) else {
            return JsValue::NULL;
        };
        let dpr = chart.size.2;
        let platforms = chart.top_platforms(index, 3);
        obj(&[
            ("index", index.js()),
            ("key", group.key.js()),
            ("label", group.label.js()),
            ("count", group.count.js()),
            ("total", chart.groups.iter().map(|g| g.count).sum::<usize>().js()),
            ("x", (x / dpr).js()),
            ("y", (y / dpr).js()),
            ("focus", focus.js()),
            ("platforms", serde_wasm_bindgen::to_value(&platforms).unwrap_or(JsValue::NULL)),
        ])
    }

    /// Selects the group `key` (`null` clears). Returns whether it is now selected.
    pub fn select(&self, key: Option<String>) -> bool {
        let wanted = key.clone();
        self.apply(Action::Select(key));
        self.chart.borrow().selected == wanted
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

    /// Comparisons: the shared key order that gives a key the same colour in every chart.
    pub fn set_key_order(&self, keys: Vec<String>) {
        self.apply(Action::KeyOrder(keys));
    }

    /// Area fraction for comparisons on one scale (this company's spaces ÷ the largest's).
    pub fn set_fill(&self, fill: f64) {
        self.chart.borrow_mut().set_fill(fill);
        self.notify(PAINT);
    }

    /// Sets the canvas size (CSS pixels) and device-pixel ratio, from the loader's ResizeObserver.
    pub fn resize(&self, width: f64, height: f64, dpr: f64) {
        self.apply(Action::Resize(width, height, dpr));
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
        if let Some(mut backend) = CanvasBackend::with_canvas_object(self.canvas.clone()) {
            let colors = chart.colors();
            let _ = render::draw(&mut backend, &chart.picture(&colors));
        }
    }

    /// The segment index under a point in CSS pixels, or -1.
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
        let bits = (change.view as u32) * VIEW
            | (change.selection as u32) * SELECTION
            | (change.pointer as u32) * POINTER
            | (change.redraw as u32) * PAINT;
        self.notify(bits);
    }

    fn notify(&self, bits: u32) {
        if bits != 0 {
            let _ = self.notify.call1(&JsValue::NULL, &JsValue::from(bits));
        }
    }
}
