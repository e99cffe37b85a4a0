//! channel-sprawl: an embeddable chart of a company's social-media spaces per theme.
//!
//! The pipeline, one module per arrow: dataset text → [`value`] → [`dataset`] (validated model)
//! → [`group`] (grouped counts) → [`chart`] (interaction state) → [`geometry`] (device pixels)
//! → [`render`] (any plotters `DrawingBackend`). Only [`web`] (wasm32 only) knows the browser.

pub mod chart;
pub mod csv;
pub mod dataset;
pub mod geometry;
pub mod group;
pub mod palette;
pub mod platform;
pub mod profile;
pub mod render;
#[cfg(any(not(target_arch = "wasm32"), feature = "svg-export"))]
pub mod svg;
pub mod value;

#[cfg(target_arch = "wasm32")]
pub mod web;

#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
