//! A JSON-shaped value tree: what the validator reads, and the JSON text reader that builds it
//! (`parse`). The browser hands the dataset's text straight to the wasm: one call, no JS object
//! walked across the boundary; strings without escapes borrow from the text.
//!
//! Invariant: this tree is never trusted; `dataset::parse` is the only reader and reports every
//! problem it finds with its path. Objects keep their key order; a duplicate key keeps the last
//! value, as `JSON.parse` does. A serde `Deserialize` impl builds the same tree from any serde
//! format (the tests compare it with `parse` on every fixture).

use serde::de::{Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::fmt;

/// Nesting deeper than this is refused by the deserializer instead of overflowing the stack.
pub const MAX_DEPTH: usize = 64;

#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    Null,
    Bool(bool),
    Number(f64),
    String(Cow<'a, str>),
    Array(Vec<Value<'a>>),
    Object(Vec<(Cow<'a, str>, Value<'a>)>),
}

impl<'a> Value<'a> {
    /// The member `key` of an object (`None` for a missing key, a `null`, or a non-object).
    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
        match self {
            Value::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v).filter(|v| !matches!(v, Value::Null)),
            _ => None,
        }
    }

    /// The same tree owning its strings (e.g. to outlive the text it was read from).
    pub fn into_owned(self) -> Value<'static> {
        let own = |s: Cow<'a, str>| Cow::Owned(s.into_owned());
        match self {
            Value::Null => Value::Null,
            Value::Bool(b) => Value::Bool(b),
            Value::Number(n) => Value::Number(n),
            Value::String(s) => Value::String(own(s)),
            Value::Array(items) => Value::Array(items.into_iter().map(Value::into_owned).collect()),
            Value::Object(members) => Value::Object(members.into_iter().map(|(k, v)| (own(k), v.into_owned())).collect()),
        }
    }

    /// A short name of this value's type, for error messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        }
    }
}

impl<'de> Deserialize<'de> for Value<'static> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor { depth: 0 })
    }
}

struct ValueVisitor {
    depth: usize,
}

/// Seeds nested values with their depth so a hostile document cannot exhaust the stack.
struct Nested(usize);

impl<'de> serde::de::DeserializeSeed<'de> for Nested {
    type Value = Value<'static>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value<'static>, D::Error> {
        if self.0 > MAX_DEPTH {
            return Err(serde::de::Error::custom("the data is nested too deeply"));
        }
        deserializer.deserialize_any(ValueVisitor { depth: self.0 })
    }
}

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value<'static>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Value<'static>, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value<'static>, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value<'static>, D::Error> {
        Nested(self.depth).deserialize(d)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value<'static>, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value<'static>, E> {
        Ok(Value::Number(v as f64))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value<'static>, E> {
        Ok(Value::Number(v as f64))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value<'static>, E> {
        Ok(Value::Number(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value<'static>, E> {
        Ok(Value::String(Cow::Owned(v.to_owned())))
    }
    fn visit_string<E>(self, v: String) -> Result<Value<'static>, E> {
        Ok(Value::String(Cow::Owned(v)))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value<'static>, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(Nested(self.depth + 1))? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value<'static>, A::Error> {
        let mut members = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(Nested(self.depth + 1))?;
            members.push((Cow::Owned(key), value));
        }
        Ok(Value::Object(members))
    }
}

/// Where a text stops being JSON: 1-based line and column (in characters), and what was wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    pub message: &'static str,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "line {}, column {}: {}", self.line, self.column, self.message)
    }
}

/// Reads JSON text (RFC 8259; a leading byte-order mark is skipped) into a `Value`. Strings
/// without escapes borrow from `text`; nesting deeper than `MAX_DEPTH` is refused; a lone UTF-16
/// surrogate escape becomes U+FFFD. Numbers as `decimal` reads them.
pub fn parse(text: &str) -> Result<Value<'_>, SyntaxError> {
    let mut p = Reader::new(text);
    let value = p.value(0)?;
    p.end()?;
    Ok(value)
}

struct Reader<'a> {
    text: &'a str,
    b: &'a [u8],
    i: usize,
}

impl<'a> Reader<'a> {
    fn new(text: &'a str) -> Reader<'a> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut r = Reader { text, b: text.as_bytes(), i: 0 };
        r.ws();
        r
    }

    fn error(&self, message: &'static str) -> SyntaxError {
        let before = &self.b[..self.i.min(self.b.len())];
        let line_start = before.iter().rposition(|&c| c == b'\n').map_or(0, |n| n + 1);
        SyntaxError {
            line: 1 + before.iter().filter(|&&c| c == b'\n').count(),
            column: 1 + before[line_start..].iter().filter(|&&c| c & 0xC0 != 0x80).count(),
            message,
        }
    }

    /// What was expected here, or that the text stopped before it, or that its quotes are a word
    /// processor's (what an editor pasting the data may have made of `"`).
    fn expected(&self, message: &'static str) -> SyntaxError {
        // U+2018–U+201D (‘ ’ ‚ ‛ “ ”) and « », by their UTF-8 bytes.
        let at = |n: usize| self.b.get(self.i + n).copied();
        let curly = matches!((at(0), at(1), at(2)), (Some(0xE2), Some(0x80), Some(0x98..=0x9D)) | (Some(0xC2), Some(0xAB | 0xBB), _));
        self.error(match () {
            _ if self.i >= self.b.len() => "the data ends too soon",
            _ if curly => "curly quotes: JSON's are straight (\")",
            _ => message,
        })
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.b.get(self.i) {
            self.i += 1;
        }
    }

    fn eat(&mut self, c: u8) -> bool {
        let hit = self.b.get(self.i) == Some(&c);
        self.i += usize::from(hit);
        hit
    }

    fn end(&mut self) -> Result<(), SyntaxError> {
        self.ws();
        if self.i < self.b.len() {
            return Err(self.error("more text after the data"));
        }
        Ok(())
    }

    /// After an array item or object member: `true` on `,`, `false` on `close`.
    fn next_item(&mut self, close: u8) -> Result<bool, SyntaxError> {
        self.ws();
        if self.eat(b',') {
            return Ok(true);
        }
        if self.eat(close) {
            return Ok(false);
        }
        Err(self.expected(if close == b']' { "expected , or ]" } else { "expected , or }" }))
    }

    fn value(&mut self, depth: usize) -> Result<Value<'a>, SyntaxError> {
        if depth > MAX_DEPTH {
            return Err(self.error("the data is nested too deeply"));
        }
        match self.b.get(self.i) {
            Some(b'{') => {
                self.i += 1;
                let mut members = Vec::new();
                self.ws();
                if self.eat(b'}') {
                    return Ok(Value::Object(members));
                }
                loop {
                    self.ws();
                    if self.b.get(self.i) != Some(&b'"') {
                        return Err(self.expected("expected a key in quotes"));
                    }
                    let key = self.string()?;
                    self.ws();
                    if !self.eat(b':') {
                        return Err(self.expected("expected : after the key"));
                    }
                    self.ws();
                    members.push((key, self.value(depth + 1)?));
                    if !self.next_item(b'}')? {
                        return Ok(Value::Object(members));
                    }
                }
            }
            Some(b'[') => {
                self.i += 1;
                let mut items = Vec::new();
                self.ws();
                if self.eat(b']') {
                    return Ok(Value::Array(items));
                }
                loop {
                    self.ws();
                    items.push(self.value(depth + 1)?);
                    if !self.next_item(b']')? {
                        return Ok(Value::Array(items));
                    }
                }
            }
            Some(b'"') => Ok(Value::String(self.string()?)),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'n') => self.word("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(self.expected("expected a value")),
        }
    }

    fn word(&mut self, word: &'static str, value: Value<'a>) -> Result<Value<'a>, SyntaxError> {
        if self.b.get(self.i..self.i + word.len()) != Some(word.as_bytes()) {
            return Err(self.error("expected a value"));
        }
        self.i += word.len();
        Ok(value)
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while let Some(b'0'..=b'9') = self.b.get(self.i) {
            self.i += 1;
        }
        self.i - start
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, then `decimal`.
    fn number(&mut self) -> Result<Value<'a>, SyntaxError> {
        let start = self.i;
        self.eat(b'-');
        let leading_zero = self.b.get(self.i) == Some(&b'0');
        let whole = self.digits();
        let mut ok = whole == 1 || (whole > 1 && !leading_zero);
        if self.eat(b'.') {
            ok &= self.digits() > 0;
        }
        if self.eat(b'e') || self.eat(b'E') {
            let _ = self.eat(b'+') || self.eat(b'-');
            ok &= self.digits() > 0;
        }
        match self.text.get(start..self.i).and_then(decimal) {
            Some(n) if ok => Ok(Value::Number(n)),
            _ => Err(self.error("a number is not written as JSON writes one")),
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let mut n = 0;
        for _ in 0..4 {
            let d = (*self.b.get(self.i)? as char).to_digit(16)?;
            n = n * 16 + d;
            self.i += 1;
        }
        Some(n)
    }

    /// A string at the opening quote; borrowed unless it has escapes.
    fn string(&mut self) -> Result<Cow<'a, str>, SyntaxError> {
        self.i += 1;
        let mut out: Option<String> = None;
        let mut run = self.i;
        loop {
            match self.b.get(self.i) {
                None => return Err(self.error("a string is never closed")),
                Some(&c) if c < 0x20 => return Err(self.error("a control character in a string")),
                Some(b'"') => {
                    let tail = self.text.get(run..self.i).unwrap_or_default();
                    self.i += 1;
                    return Ok(match out {
                        None => Cow::Borrowed(tail),
                        Some(mut s) => {
                            s.push_str(tail);
                            Cow::Owned(s)
                        }
                    });
                }
                Some(b'\\') => {
                    let s = out.get_or_insert_with(String::new);
                    s.push_str(self.text.get(run..self.i).unwrap_or_default());
                    self.i += 1;
                    let c = match self.b.get(self.i) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.i += 1;
                            let Some(mut code) = self.hex4() else { return Err(self.error("expected four hex digits after \\u")) };
                            // A high surrogate followed by a low one: one character.
                            if (0xD800..0xDC00).contains(&code) && self.b.get(self.i..self.i + 2) == Some(b"\\u") {
                                let back = self.i;
                                self.i += 2;
                                match self.hex4() {
                                    Some(low @ 0xDC00..=0xDFFF) => code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00),
                                    _ => self.i = back,
                                }
                            }
                            self.i -= 1;
                            char::from_u32(code).unwrap_or('\u{fffd}')
                        }
                        _ => return Err(self.error("an unknown escape in a string")),
                    };
                    s.push(c);
                    self.i += 1;
                    run = self.i;
                }
                Some(_) => self.i += 1,
            }
        }
    }
}

/// A decimal number as JSON writes one, a leading `+` and digits on one side of the point
/// allowed: `1250`, `-3`, `0.5`, `.5`, `1e3`. Not `str::parse::<f64>`: that links about 18 KB of
/// float parsing into the wasm. Correctly rounded for up to 15 significant digits and powers of
/// ten up to 22 (every audience figure); beyond that, within a few units in the last place.
pub fn decimal(text: &str) -> Option<f64> {
    const LIMIT: u64 = 100_000_000_000_000_000; // 10^17: `10 * m + 9` stays in a u64.
    let b = text.as_bytes();
    let mut i = usize::from(matches!(b.first(), Some(b'+' | b'-')));
    let negative = b.first() == Some(&b'-');
    let (mut mantissa, mut exponent, mut digits) = (0u64, 0i32, 0usize);
    let mut point = false;
    while let Some(&c) = b.get(i) {
        match c {
            b'0'..=b'9' => {
                digits += 1;
                if mantissa < LIMIT {
                    mantissa = mantissa * 10 + u64::from(c - b'0');
                    exponent -= i32::from(point);
                } else {
                    exponent += i32::from(!point);
                }
            }
            b'.' if !point => point = true,
            _ => break,
        }
        i += 1;
    }
    if digits == 0 {
        return None;
    }
    if let Some(b'e' | b'E') = b.get(i) {
        i += 1;
        let sign = match b.get(i) {
            Some(b'-') => -1,
            Some(b'+') => 1,
            _ => 0,
        };
        i += usize::from(sign != 0);
        let start = i;
        let mut e = 0i32;
        while let Some(&c @ b'0'..=b'9') = b.get(i) {
            e = (e * 10 + i32::from(c - b'0')).min(100_000);
            i += 1;
        }
        if i == start {
            return None;
        }
        exponent = exponent.saturating_add(if sign < 0 { -e } else { e });
    }
    if i != b.len() {
        return None;
    }
    let m = mantissa as f64;
    let value = if exponent >= 0 { m * 10f64.powi(exponent) } else { m / 10f64.powi(-exponent) };
    Some(if negative { -value } else { value })
}

/// The decimal digits of `n` (what `n.to_string()` writes, without the formatting machinery:
/// the wasm writes every number it hands out through here).
pub fn digits(n: u64) -> String {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    let mut n = n;
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    buf[i..].iter().map(|&b| char::from(b)).collect()
}

/// JSON text written value by value: what the web layer hands the loader (one string per call,
/// read with `JSON.parse`). Numbers: integers exactly, fractions to 6 decimals, non-finite as null.
#[derive(Default)]
pub struct Json {
    pub text: String,
    comma: bool,
}

/// Each writer is one function, not inlined: the web layer calls them field by field.
impl Json {
    fn sep(&mut self) {
        if self.comma {
            self.text.push(',');
        }
        self.comma = true;
    }

    /// `{` or `[`.
    #[inline(never)]
    pub fn open(&mut self, bracket: char) -> &mut Json {
        self.sep();
        self.text.push(bracket);
        self.comma = false;
        self
    }

    /// `}` or `]`.
    #[inline(never)]
    pub fn close(&mut self, bracket: char) -> &mut Json {
        self.text.push(bracket);
        self.comma = true;
        self
    }

    /// An object member's key; its value follows.
    #[inline(never)]
    pub fn key(&mut self, key: &str) -> &mut Json {
        self.str(key);
        self.text.push(':');
        self.comma = false;
        self
    }

    #[inline(never)]
    pub fn str(&mut self, s: &str) -> &mut Json {
        self.sep();
        self.text.reserve(s.len() + 2);
        self.text.push('"');
        // Runs of text that need no escape are copied whole: the characters escaped are all
        // ASCII, so the runs end on character boundaries (a selection of 50,000 spaces writes
        // megabytes here).
        let mut run = 0;
        for (i, b) in s.bytes().enumerate() {
            let escape = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                0..=0x1f => "\\u00",
                _ => continue,
            };
            self.text.push_str(s.get(run..i).unwrap_or_default());
            self.text.push_str(escape);
            if escape == "\\u00" {
                for d in [b >> 4, b & 15] {
                    self.text.push(char::from_digit(u32::from(d), 16).unwrap_or('0'));
                }
            }
            run = i + 1;
        }
        self.text.push_str(s.get(run..).unwrap_or_default());
        self.text.push('"');
        self
    }

    #[inline(never)]
    pub fn opt_str(&mut self, s: Option<&str>) -> &mut Json {
        match s {
            Some(s) => self.str(s),
            None => self.raw("null"),
        }
    }

    #[inline(never)]
    pub fn bool(&mut self, b: bool) -> &mut Json {
        self.raw(if b { "true" } else { "false" })
    }

    #[inline(never)]
    pub fn num(&mut self, n: f64) -> &mut Json {
        if !n.is_finite() {
            return self.raw("null");
        }
        let negative = n < 0.0;
        let scaled = (n.abs() * 1e6).round();
        if scaled >= 1e18 {
            return self.raw("null");
        }
        let (whole, fraction) = ((scaled as u64) / 1_000_000, (scaled as u64) % 1_000_000);
        self.sep();
        if negative && scaled > 0.0 {
            self.text.push('-');
        }
        self.text.push_str(&digits(whole));
        if fraction > 0 {
            let f = digits(fraction + 1_000_000);
            self.text.push('.');
            self.text.push_str(f.get(1..).unwrap_or_default().trim_end_matches('0'));
        }
        self
    }

    #[inline(never)]
    pub fn int(&mut self, n: usize) -> &mut Json {
        self.sep();
        self.text.push_str(&digits(n as u64));
        self
    }

    /// An array of strings.
    pub fn strs<'s>(&mut self, items: impl IntoIterator<Item = &'s str>) -> &mut Json {
        self.open('[');
        for item in items {
            self.str(item);
        }
        self.close(']')
    }

    fn raw(&mut self, text: &str) -> &mut Json {
        self.sep();
        self.text.push_str(text);
        self
    }
}
