//! The web layer in headless Chromium (`wasm-pack test --headless --chrome -- --test web`):
//! a `Widget` mounted on a real canvas draws every theme colour, answers hit tests, and turns bad
//! data into a list of problems with paths instead of panicking.
#![cfg(target_arch = "wasm32")]

use channel_sprawl::web::Widget;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

const DATA: &str = r##"{
  "company": "Acme",
  "themes": [
    {"id": "support", "label": "Support", "color": "#1b6ca8"},
    {"id": "promo", "label": "Promotions", "color": "#c4501b"},
    {"id": "hr", "label": "HR", "color": "#117d55"}
  ],
  "spaces": [
    {"name": "@AcmeCares", "platform": "twitter", "themes": ["support"]},
    {"name": "Forum", "platform": "forum", "themes": ["support"]},
    {"name": "@AcmeDeals", "platform": "X", "themes": ["promo"]},
    {"name": "Careers", "platform": "linkedin", "themes": ["hr", "promo"]}
  ]
}"##;

fn canvas(width: u32, height: u32) -> HtmlCanvasElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let canvas: HtmlCanvasElement = document.create_element("canvas").unwrap().dyn_into().unwrap();
    canvas.set_attribute("style", &format!("width:{width}px;height:{height}px;display:block")).unwrap();
    document.body().unwrap().append_child(&canvas).unwrap();
    canvas
}

fn json(text: &str) -> JsValue {
    js_sys::JSON::parse(text).unwrap()
}

fn options() -> JsValue {
    json(r#"{"groupBy": "theme"}"#)
}

fn pixels(canvas: &HtmlCanvasElement) -> Vec<u8> {
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    ctx.get_image_data(0.0, 0.0, canvas.width() as f64, canvas.height() as f64).unwrap().data().to_vec()
}

fn has_color(data: &[u8], rgb: (u8, u8, u8)) -> bool {
    data.chunks_exact(4).any(|p| (p[0], p[1], p[2]) == rgb)
}

/// Mounts and sizes a widget the way the ResizeObserver would, then paints synchronously.
fn mounted(canvas: &HtmlCanvasElement) -> Widget {
    let notify = js_sys::Function::new_no_args("");
    let widget = Widget::new(canvas.clone(), DATA, options(), notify).unwrap();
    widget.resize(300.0, 300.0, 1.0, 1.0);
    widget.paint();
    widget
}

#[wasm_bindgen_test]
fn draws_every_theme_colour_on_the_canvas() {
    let canvas = canvas(300, 300);
    let _widget = mounted(&canvas);
    assert_eq!((canvas.width(), canvas.height()), (300, 300));
    let data = pixels(&canvas);
    for rgb in [(0x1b, 0x6c, 0xa8), (0xc4, 0x50, 0x1b), (0x11, 0x7d, 0x55)] {
        assert!(has_color(&data, rgb), "colour {rgb:?} is not on the canvas");
    }
}

#[wasm_bindgen_test]
fn scales_the_backing_store_by_the_device_pixel_ratio() {
    let canvas = canvas(300, 300);
    let widget = mounted(&canvas);
    let at_one = widget.segment_at(150.0, 40.0);
    widget.resize(300.0, 300.0, 2.0, 1.0);
    widget.paint();
    assert_eq!((canvas.width(), canvas.height()), (600, 600));
    assert_eq!(widget.segment_at(150.0, 40.0), at_one, "the same CSS point hits the same segment at DPR 2");
}

#[wasm_bindgen_test]
fn hit_tests_segments_hole_and_outside() {
    let canvas = canvas(300, 300);
    let widget = mounted(&canvas);
    // Twelve o'clock on the ring is the start of the first theme (support, 2 of 5).
    assert_eq!(widget.segment_at(160.0, 40.0), 0);
    assert_eq!(widget.segment_at(150.0, 150.0), -1, "the hole hits nothing");
    assert_eq!(widget.segment_at(2.0, 2.0), -1, "outside hits nothing");
}

#[wasm_bindgen_test]
fn selecting_reports_the_counted_spaces() {
    let canvas = canvas(300, 300);
    let widget = mounted(&canvas);
    assert!(widget.select(Some("promo".into())));
    // What the widget shows comes out as JSON text, which the loader parses.
    let selection = json(&widget.selection());
    let get = |k: &str| js_sys::Reflect::get(&selection, &k.into()).unwrap();
    assert_eq!(get("key").as_string().as_deref(), Some("promo"));
    assert_eq!(get("count").as_f64(), Some(2.0));
    let spaces: Vec<String> = js_sys::Array::from(&get("spaces")).iter().filter_map(|v| v.as_string()).collect();
    assert_eq!(spaces, ["@AcmeDeals", "Careers"]);
    assert!(!widget.select(Some("nope".into())), "an unknown key selects nothing");
}

#[wasm_bindgen_test]
fn bad_data_becomes_problems_with_paths() {
    let canvas = canvas(300, 300);
    let notify = js_sys::Function::new_no_args("");
    let bad = r#"{"company": "Acme", "spaces": [{"name": "a", "platform": "x", "themes": []}, {"platform": 3}]}"#;
    let Err(problems) = Widget::new(canvas, bad, options(), notify) else {
        panic!("invalid data was accepted");
    };
    let problems = js_sys::Array::from(&json(&problems.as_string().expect("problems are JSON text")));
    let paths: Vec<String> = problems.iter().filter_map(|p| js_sys::Reflect::get(&p, &"path".into()).ok()?.as_string()).collect();
    assert!(paths.contains(&"spaces[0].themes".to_string()), "{paths:?}");
    assert!(paths.contains(&"spaces[1].name".to_string()), "{paths:?}");
    assert!(paths.contains(&"spaces[1].platform".to_string()), "{paths:?}");
}

#[wasm_bindgen_test]
fn non_object_data_is_a_problem_not_a_panic() {
    for text in ["42", "null", "[]", "\"text\"", "", "{\"company\": ", "\u{feff}[1, 2,]"] {
        let notify = js_sys::Function::new_no_args("");
        assert!(Widget::new(canvas(10, 10), text, options(), notify).is_err(), "{text} was accepted");
    }
}

#[wasm_bindgen_test]
fn canvas_events_map_to_the_chart_state() {
    let canvas = canvas(300, 300);
    let widget = mounted(&canvas);
    let rect = canvas.get_bounding_client_rect();
    let (x, y) = (rect.left() + 160.0, rect.top() + 40.0);
    // A mouse click at twelve o'clock selects the first theme; an arrow key is handled.
    assert!(!widget.event("pointerdown", x, y, "mouse", "", false));
    widget.event("click", x, y, "mouse", "", false);
    let key = |v: JsValue| js_sys::Reflect::get(&v, &"key".into()).unwrap().as_string();
    assert_eq!(key(json(&widget.selection())).as_deref(), Some("support"));
    assert!(widget.event("keydown", 0.0, 0.0, "", "Escape", false), "Escape clears a selection");
    assert!(json(&widget.selection()).is_null());
    assert!(!widget.event("keydown", 0.0, 0.0, "", "ArrowRight", true), "keys with a modifier are the page's");
    assert!(!widget.event("keydown", 0.0, 0.0, "", "Escape", false), "Escape with nothing selected is the page's");
}
