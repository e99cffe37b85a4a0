//! The dataset model and its validation: untrusted `Value` in, a small typed `Dataset` out, or
//! every problem found, each with the path of the offending field (`spaces[3].themes`).
//!
//! Invariant: nothing after this module sees unvalidated data. Every string is kept as text;
//! only `Space::link` hands out a URL, and only an `http:`/`https:` one.

use crate::group::KeyTable;
use crate::palette::Rgb;
use crate::platform;
use crate::value::{digits, Value};
use std::fmt;

/// Limits that keep a hostile dataset from hanging the reader's page.
pub const MAX_SPACES: usize = 200_000;
pub const MAX_THEMES: usize = 20_000;
pub const MAX_TEXT: usize = 200_000;
/// Problems listed in full before the list says "and N more".
pub const MAX_PROBLEMS: usize = 25;

#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    pub company: String,
    pub title: Option<String>,
    /// Listed themes in the dataset's order, then themes met only in spaces, in order of appearance.
    pub themes: Vec<Theme>,
    pub spaces: Vec<Space>,
    /// The date the inventory describes (`YYYY-MM-DD`): dormancy is measured against it, never
    /// against the reader's clock, so a post shows the same figures forever.
    pub as_of: Option<String>,
    /// Non-fatal findings (e.g. a `javascript:` URL shown without a link).
    pub warnings: Vec<Problem>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub id: String,
    pub label: String,
    /// The colour the dataset gives; without one the palette of the current scheme is used.
    pub color: Option<Rgb>,
    /// `false` for a theme that the `themes` list does not name; its colour is generated.
    pub listed: bool,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Space {
    pub name: String,
    /// As written in the dataset.
    pub platform: String,
    /// Indices into `Dataset::themes`, without repeats.
    pub themes: Vec<usize>,
    pub url: Option<String>,
    /// Upper-case ISO 3166 alpha-2 code, or `WW`.
    pub country: Option<String>,
    pub language: Option<String>,
    pub department: Option<String>,
    pub function: Option<String>,
    pub audience: Option<f64>,
    pub last_post: Option<String>,
    pub internal: bool,
}

impl Space {
    /// The URL to link to: only `http:` and `https:` URLs without control characters.
    pub fn link(&self) -> Option<&str> {
        self.url.as_deref().and_then(safe_link)
    }
}

/// `Some(url)` (trimmed) when `url` may become an `<a href>`.
///
/// Read as bytes, not characters (the same answer, property-tested against the `char` version):
/// spaces and ASCII controls are trimmed from both ends, and a URL with a control character
/// (U+0000–U+001F, U+007F–U+009F; the last are the bytes C2 80–C2 9F) anywhere is refused.
pub fn safe_link(url: &str) -> Option<&str> {
    let b = url.as_bytes();
    let start = b.iter().position(|&c| c > b' ').unwrap_or(b.len());
    let end = b.iter().rposition(|&c| c > b' ').map_or(start, |last| last + 1);
    let url = url.get(start..end)?;
    let b = url.as_bytes();
    let has_scheme =
        |scheme: &str| b.len() > scheme.len() && b.get(..scheme.len()).is_some_and(|s| s.eq_ignore_ascii_case(scheme.as_bytes()));
    let control =
        b.iter().enumerate().any(|(i, &c)| c < 0x20 || c == 0x7f || (c == 0xc2 && b.get(i + 1).is_some_and(|n| (0x80..0xa0).contains(n))));
    (!control && (has_scheme("https://") || has_scheme("http://"))).then_some(url)
}

/// Every problem code the validator emits; the loader's `js/i18n.js` words each one in every
/// language (checked by `tests/i18n.rs`).
pub const CODES: &[&str] = &[
    "required",
    "type",
    "empty",
    "no-theme",
    "color",
    "duplicate",
    "country",
    "audience",
    "date",
    "too-many",
    "too-long",
    "url",
    "more",
    "syntax",
    "cells",
];

/// What is wrong, and where. `code` names the message (translated by the loader), `detail` fills it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub code: &'static str,
    pub detail: String,
}

impl Problem {
    fn new(path: impl Into<String>, code: &'static str, detail: impl Into<String>) -> Problem {
        Problem { path: path.into(), code, detail: detail.into() }
    }

    /// The English message, without the path.
    pub fn message(&self) -> String {
        let d = &self.detail;
        match self.code {
            "required" => "this field is required".into(),
            "type" => format!("expected {d}"),
            "empty" => "must not be empty".into(),
            "no-theme" => "a space needs at least one theme".into(),
            "color" => format!("a colour is written #rrggbb, not {d}"),
            "duplicate" => format!("the theme id \"{d}\" is listed twice"),
            "country" => format!("a country is a two-letter ISO 3166 code or WW, not {d}"),
            "audience" => format!("an audience is a number of at least 0, in digits alone (1200), not {d}"),
            "yes-no" => format!("write true or false (in a CSV, also yes or no, 1 or 0), not {d}"),
            "date" => format!("a date is a day of the calendar written YYYY-MM-DD, not {d}"),
            "too-many" => format!("more than {d} entries; split the dataset"),
            "too-long" => format!("longer than {d} characters"),
            "url" => format!("only http: and https: URLs become links (https://…): {d} is shown without one"),
            "theme-list" => format!("{d} is read as one theme: several are separated by ;"),
            "column" => "not a space field, so this column is left out".into(),
            "more" => format!("{d} more problems not listed"),
            "syntax" => format!("the data cannot be read: {d}"),
            "cells" => format!("{d} cells, more than the header's columns: a value that holds the separator needs quotes"),
            _ => d.clone(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let path = if self.path.is_empty() { "dataset" } else { &self.path };
        write!(f, "{path}: {}", self.message())
    }
}

/// Reads JSON text and validates it: the dataset, or its problems. A syntax error is one problem
/// placed by line and column (`line 3, column 14`).
pub fn parse_json(text: &str) -> Result<Dataset, Vec<Problem>> {
    let value = crate::value::parse(text).map_err(|e| vec![syntax(&e)])?;
    parse(&value)
}

/// A JSON syntax error as a problem.
pub fn syntax(e: &crate::value::SyntaxError) -> Problem {
    let mut path = String::from("line ");
    path.push_str(&digits(e.line as u64));
    path.push_str(", column ");
    path.push_str(&digits(e.column as u64));
    Problem { path, code: "syntax", detail: e.message.into() }
}

/// Validates `value` and builds the dataset, or returns every problem found (capped at
/// `MAX_PROBLEMS`, the last entry then saying how many more there were).
pub fn parse(value: &Value) -> Result<Dataset, Vec<Problem>> {
    let mut v = Validator { theme_index: KeyTable::folding(), ..Validator::default() };
    let dataset = v.dataset(value);
    if v.problems.is_empty() {
        let mut dataset = dataset;
        dataset.warnings = v.warnings;
        Ok(dataset)
    } else {
        let total = v.failures();
        if total > MAX_PROBLEMS {
            v.problems.truncate(MAX_PROBLEMS - 1);
            v.problems.push(Problem::new("", "more", digits((total - (MAX_PROBLEMS - 1)) as u64)));
        }
        Err(v.problems)
    }
}

/// Where a value sits in the dataset, built on the stack as the validator descends and written
/// out (`spaces[3].themes`) only when there is a problem to report: valid data allocates no paths.
#[derive(Clone, Copy)]
enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'static str),
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    fn key(&'a self, key: &'static str) -> Path<'a> {
        Path::Key(self, key)
    }

    fn index(&'a self, i: usize) -> Path<'a> {
        Path::Index(self, i)
    }

    fn render(&self) -> String {
        match *self {
            Path::Root => String::new(),
            Path::Key(Path::Root, key) => key.to_owned(),
            Path::Key(parent, key) => parent.render() + "." + key,
            Path::Index(parent, i) => parent.render() + "[" + &digits(i as u64) + "]",
        }
    }
}

#[derive(Default)]
struct Validator {
    /// The first problems found (at most `MAX_PROBLEMS`: what is shown), then only counted in
    /// `more`, so that 200,000 broken spaces cost a counter, not 600,000 messages.
    problems: Vec<Problem>,
    more: usize,
    warnings: Vec<Problem>,
    /// Theme ids → their index in `Dataset::themes` (a sorted list, shifted on every insert,
    /// took 20 s for 200,000 spaces bringing a theme each); ASCII case ignored, the first
    /// spelling kept.
    theme_index: KeyTable,
    /// Per theme, the last space (counted from 1) that listed it: a repeat within one space is
    /// dropped in O(1), however long its list (a `contains` per id made one space with 200,000
    /// ids take 7 s).
    last_listed_by: Vec<u32>,
    spaces_seen: u32,
}

impl Validator {
    fn fail(&mut self, path: Path, code: &'static str, detail: impl Into<String>) {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(Problem::new(path.render(), code, detail));
        } else {
            self.more += 1;
        }
    }

    /// Problems found so far, shown or counted.
    fn failures(&self) -> usize {
        self.problems.len() + self.more
    }

    fn dataset(&mut self, root: &Value) -> Dataset {
        let mut out =
            Dataset { company: String::new(), title: None, themes: Vec::new(), spaces: Vec::new(), as_of: None, warnings: Vec::new() };
        let top = Path::Root;
        if !matches!(root, Value::Object(_)) {
            self.fail(top, "type", ["an object with \"company\" and \"spaces\", got ", root.kind()].concat());
            return out;
        }
        match root.get("company") {
            None => self.fail(top.key("company"), "required", ""),
            Some(v) => out.company = self.text(v, top.key("company"), true).unwrap_or_default().to_owned(),
        }
        out.title = self.optional_text(root, "title", top).map(str::to_owned);
        out.as_of = self.optional_text(root, "as_of", top).and_then(|d| {
            let d = trim(d);
            if is_iso_date(d) {
                Some(d.get(..10).unwrap_or(d).to_owned())
            } else {
                self.fail(top.key("as_of"), "date", quote(d));
                None
            }
        });
        if let Some(themes) = root.get("themes") {
            self.themes(themes, top.key("themes"), &mut out.themes);
        }
        let path = top.key("spaces");
        match root.get("spaces") {
            None => self.fail(path, "required", ""),
            Some(Value::Array(items)) if items.len() > MAX_SPACES => self.fail(path, "too-many", digits(MAX_SPACES as u64)),
            Some(Value::Array(items)) => {
                out.spaces.reserve(items.len());
                for (i, item) in items.iter().enumerate() {
                    if let Some(space) = self.space(item, path.index(i), &mut out.themes) {
                        out.spaces.push(space);
                    }
                }
            }
            Some(other) => self.fail(path, "type", ["an array of spaces, got ", other.kind()].concat()),
        }
        out
    }

    /// A string field, borrowed from the tree (the caller copies what it keeps, once);
    /// `required` also refuses the empty string.
    fn text<'v>(&mut self, v: &'v Value, path: Path, required: bool) -> Option<&'v str> {
        match v {
            Value::String(s) if s.len() > MAX_TEXT => {
                self.fail(path, "too-long", digits(MAX_TEXT as u64));
                None
            }
            Value::String(s) if required && trim(s).is_empty() => {
                self.fail(path, "empty", "");
                None
            }
            Value::String(s) => Some(s),
            other => {
                self.fail(path, "type", ["text, got ", other.kind()].concat());
                None
            }
        }
    }

    /// A text field that may be absent; blank counts as absent.
    fn optional_text<'v>(&mut self, obj: &'v Value, key: &'static str, path: Path) -> Option<&'v str> {
        let v = obj.get(key)?;
        self.text(v, path.key(key), false).filter(|s| !trim(s).is_empty())
    }

    /// A required, non-empty text field, trimmed.
    fn required_text<'v>(&mut self, obj: &'v Value, key: &'static str, path: Path) -> Option<&'v str> {
        match obj.get(key) {
            None => {
                self.fail(path.key(key), "required", "");
                None
            }
            Some(v) => self.text(v, path.key(key), true).map(trim),
        }
    }

    fn add_theme(&mut self, themes: &mut Vec<Theme>, theme: Theme, slot: usize) -> usize {
        themes.push(theme);
        self.theme_index.insert(&|i| id_of(themes, i), slot, themes.len() - 1);
        themes.len() - 1
    }

    fn themes(&mut self, list: &Value, path: Path, themes: &mut Vec<Theme>) {
        let Value::Array(items) = list else {
            return self.fail(path, "type", ["an array of themes, got ", list.kind()].concat());
        };
        if items.len() > MAX_THEMES {
            return self.fail(path, "too-many", digits(MAX_THEMES as u64));
        }
        for (i, item) in items.iter().enumerate() {
            let path = path.index(i);
            if !matches!(item, Value::Object(_)) {
                self.fail(path, "type", ["an object with an \"id\", got ", item.kind()].concat());
                continue;
            }
            let id = self.required_text(item, "id", path);
            let label = self.optional_text(item, "label", path);
            let color = match item.get("color") {
                None => None,
                Some(Value::String(s)) => match Rgb::parse_hex(trim(s)) {
                    Some(c) => Some(c),
                    None => {
                        self.fail(path.key("color"), "color", quote(s));
                        None
                    }
                },
                Some(other) => {
                    self.fail(path.key("color"), "type", ["text, got ", other.kind()].concat());
                    None
                }
            };
            let Some(id) = id else { continue };
            match self.theme_index.find(&|i| id_of(themes, i), id) {
                Ok(_) => self.fail(path.key("id"), "duplicate", id),
                Err(slot) => {
                    let theme = Theme { label: label.map_or_else(|| humanize(id), str::to_owned), color, id: id.to_owned(), listed: true };
                    self.add_theme(themes, theme, slot);
                }
            }
        }
    }

    fn space(&mut self, item: &Value, path: Path, themes: &mut Vec<Theme>) -> Option<Space> {
        if !matches!(item, Value::Object(_)) {
            self.fail(path, "type", ["an object (a space), got ", item.kind()].concat());
            return None;
        }
        let before = self.failures();
        let name = self.required_text(item, "name", path);
        let platform = self.required_text(item, "platform", path);
        let theme_ids = self.space_themes(item, path);

        let country = self.optional_text(item, "country", path).and_then(|c: &str| {
            let c = trim(c);
            if c.len() == 2 && c.bytes().all(|b| b.is_ascii_alphabetic()) {
                Some(c.to_ascii_uppercase())
            } else {
                self.fail(path.key("country"), "country", quote(c));
                None
            }
        });
        let audience = match item.get("audience") {
            None => None,
            Some(Value::Number(n)) if n.is_finite() && *n >= 0.0 => Some(*n),
            Some(Value::String(s)) => {
                self.fail(path.key("audience"), "audience", quote(s));
                None
            }
            Some(Value::Number(_)) => {
                self.fail(path.key("audience"), "audience", "a negative number");
                None
            }
            Some(other) => {
                self.fail(path.key("audience"), "audience", other.kind());
                None
            }
        };
        let last_post = self.optional_text(item, "last_post", path).and_then(|d| {
            if is_iso_date(trim(d)) {
                Some(trim(d).to_owned())
            } else {
                self.fail(path.key("last_post"), "date", quote(d));
                None
            }
        });
        let internal = match item.get("internal") {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(Value::String(s)) => {
                self.fail(path.key("internal"), "yes-no", quote(s));
                false
            }
            Some(other) => {
                self.fail(path.key("internal"), "type", ["true or false, got ", other.kind()].concat());
                false
            }
        };
        let url = self.optional_text(item, "url", path).map(str::to_owned);
        let language = self.optional_text(item, "language", path).map(str::to_owned);
        let department = self.optional_text(item, "department", path).map(|s| trim(s).to_owned());
        let function = self.optional_text(item, "function", path).map(|s| trim(s).to_owned());

        if self.failures() != before {
            return None;
        }
        let (name, platform, theme_ids) = (name?.to_owned(), platform?.to_owned(), theme_ids?);
        if let Some(u) = &url {
            if safe_link(u).is_none() {
                // Named by the space and its URL: `"Acme" ("ftp://acme")`.
                self.warnings.push(Problem::new(
                    path.key("url").render(),
                    "url",
                    [quote(&name), " (".into(), quote(u), ")".into()].concat(),
                ));
            }
        }
        self.spaces_seen += 1;
        let mut indices: Vec<usize> = Vec::with_capacity(theme_ids.len());
        for id in theme_ids {
            let index = match self.theme_index.find(&|i| id_of(themes, i), id) {
                Ok(index) => index,
                Err(slot) => {
                    let theme = Theme { label: humanize(id), color: None, id: id.to_owned(), listed: false };
                    self.add_theme(themes, theme, slot)
                }
            };
            if index >= self.last_listed_by.len() {
                self.last_listed_by.resize(themes.len(), 0);
            }
            let seen = self.spaces_seen;
            if let Some(last) = self.last_listed_by.get_mut(index).filter(|last| **last != seen) {
                *last = seen;
                indices.push(index);
            }
        }
        Some(Space { name, platform, themes: indices, url, country, language, department, function, audience, last_post, internal })
    }

    /// `themes: [..]` (at least one non-empty id) or `theme: ".."`.
    fn space_themes<'v>(&mut self, item: &'v Value, path: Path) -> Option<Vec<&'v str>> {
        let list = path.key("themes");
        match (item.get("themes"), item.get("theme")) {
            (None, None) => {
                self.fail(list, "no-theme", "");
                None
            }
            (None, Some(_)) => self.required_text(item, "theme", path).map(|t| vec![t]),
            (Some(Value::Array(ids)), _) => {
                if ids.is_empty() {
                    self.fail(list, "no-theme", "");
                    return None;
                }
                let mut out = Vec::with_capacity(ids.len());
                for (i, id) in ids.iter().enumerate() {
                    if let Some(id) = self.text(id, list.index(i), true) {
                        out.push(trim(id));
                    }
                }
                (out.len() == ids.len()).then_some(out)
            }
            (Some(other), _) => {
                self.fail(list, "type", ["an array of theme ids, got ", other.kind()].concat());
                None
            }
        }
    }
}

/// The id of theme `i` (the key of the validator's theme index).
fn id_of(themes: &[Theme], i: usize) -> &str {
    themes.get(i).map_or("", |t| t.id.as_str())
}

/// `str::trim`, answered at once for text that starts and ends with a visible ASCII character
/// (almost every field): `trim` decodes characters at both ends to test them against Unicode's
/// white space, a sixth of the validator's time on 100,000 spaces.
fn trim(s: &str) -> &str {
    let visible = |b: Option<&u8>| b.is_some_and(|&b| b > b' ' && b < 0x7f);
    if visible(s.as_bytes().first()) && visible(s.as_bytes().last()) {
        s
    } else {
        s.trim()
    }
}

/// `"product-marketing"` → `"Product marketing"`: the label of a theme the dataset does not name.
/// An id of two ASCII letters reads as an acronym: `"hr"` → `"HR"`, `"pr"` → `"PR"`.
pub fn humanize(id: &str) -> String {
    let spaced: String = id.chars().map(|c| if c == '-' || c == '_' { ' ' } else { c }).collect();
    let trimmed = spaced.trim();
    if trimmed.len() == 2 && trimmed.bytes().all(|b| b.is_ascii_alphabetic()) {
        return trimmed.to_ascii_uppercase();
    }
    let mut chars = trimmed.chars();
    match chars.next() {
        Some(first) => std::iter::once(upper(first)).chain(chars).collect(),
        None => String::new(),
    }
}

/// The capital of a Latin, Greek or Cyrillic letter; any other character is kept. Not
/// `char::to_uppercase`: its Unicode tables cost 14 KB of wasm.
fn upper(c: char) -> char {
    let u = c as u32;
    let up = match u {
        0x61..=0x7a | 0xe0..=0xfe if u != 0xf7 => u - 0x20,
        0xff => 0x178,
        0x131 => 0x49,
        0x17f => 0x53,
        0x101..=0x137 | 0x14b..=0x177 if u % 2 == 1 => u - 1,
        0x13a..=0x148 | 0x17a..=0x17e if u % 2 == 0 => u - 1,
        0x3c2 => 0x3a3,
        0x3ac => 0x386,
        0x3ad..=0x3af => u - 0x25,
        0x3cc => 0x38c,
        0x3cd..=0x3ce => u - 0x3f,
        0x3b1..=0x3cb | 0x430..=0x44f => u - 0x20,
        0x450..=0x45f => u - 0x50,
        _ => u,
    };
    char::from_u32(up).unwrap_or(c)
}

fn quote(text: &str) -> String {
    let short: String = text.chars().take(40).collect();
    let ellipsis = if short.len() < text.len() { "…" } else { "" };
    ["\"", &short, ellipsis, "\""].concat()
}

/// `YYYY-MM-DD`, optionally followed by a time (`T…`).
fn is_iso_date(text: &str) -> bool {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r.clone()).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    if b.len() < 10 || !digits(0..4) || b[4] != b'-' || !digits(5..7) || b[7] != b'-' || !digits(8..10) {
        return false;
    }
    let number = |r: std::ops::Range<usize>| b[r].iter().fold(0u32, |n, d| n * 10 + (d - b'0') as u32);
    let (year, month, day) = (number(0..4), number(5..7), number(8..10));
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => 0,
    };
    (1..=days).contains(&day) && (b.len() == 10 || b[10] == b'T')
}

impl Dataset {
    /// How many themes at least one space uses.
    pub fn used_themes(&self) -> usize {
        let mut used = vec![false; self.themes.len()];
        for &t in self.spaces.iter().flat_map(|s| &s.themes) {
            used[t] = true;
        }
        used.iter().filter(|&&u| u).count()
    }

    /// The platform key of every space (`twitter` for Twitter and X), in dataset order.
    pub fn platform_keys(&self) -> impl Iterator<Item = String> + '_ {
        self.spaces.iter().map(|s| platform::key(&s.platform))
    }
}
