//! CSV datasets (`<script type="text/csv">`, `channel-sprawl check spaces.csv`): RFC 4180 text →
//! the same `Value` tree that `dataset::parse` validates, so validation stays in one place; the
//! problems it finds are then located in the CSV (`row 7, column themes`).
//!
//! The format: a header row names the space fields (`name`, `platform`, `themes` or `theme`, `url`,
//! `country`, `language`, `department`, `function`, `audience`, `last_post`, `internal`), case
//! and surrounding blanks ignored (`Last post` and `last-post` also name `last_post`); other
//! columns are ignored (with a warning). One record per space; several themes are separated by
//! `;` or by line breaks inside the cell (a warning for a theme holding a comma). Fields are
//! separated by `,`, or by `;` or tabs when the header row has more of those (`separator`).
//! A first line `sep=;` (as Excel writes) names the separator instead.
//! Fields may be quoted (`"a, b"`, `"say ""hi"""`, line breaks inside quotes); CR, LF and CRLF
//! all end a line; a UTF-8 byte-order mark is skipped, and so are blank records (every field
//! blank, e.g. `,,,`). Values are trimmed and an empty value is an absent field. `audience`
//! becomes a number when it reads as a finite number, `internal` a boolean for
//! true/false/1/0/yes/no/oui/non (any case); anything else is kept as text so that validation
//! reports it.
//!
//! Rows are the CSV's line numbers, 1-based: the header is row 1 and, without blank lines or line
//! breaks inside quotes, the first space is row 2 (a record spanning several lines is named by
//! the line it starts on, as an editor shows it).
//!
//! Invariant: no panic and no unbounded work on any input; more than `MAX_SPACES` records are
//! refused while reading. Pure Rust, no serde_json: the wasm build reads CSV with this module.

use crate::dataset::{self, Dataset, Problem, MAX_SPACES};
use crate::value::{decimal, digits, Value};
use std::borrow::Cow;

/// Space fields a column may name, after normalising its header.
const FIELDS: &[&str] =
    &["name", "platform", "themes", "url", "country", "language", "department", "function", "audience", "last_post", "internal"];
/// Columns without which no record can make a space.
const REQUIRED: &[&str] = &["name", "platform", "themes"];
/// Stands in for a missing company during validation; never shown.
const NO_COMPANY: &str = "-";

/// A CSV read into the dataset tree, with what is needed to locate problems in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// `{ "company", "title"?, "spaces": [..] }`. Without a company, `company` holds a placeholder
    /// (see `has_company`) so that the tree validates: a CSV without a company is valid.
    pub value: Value<'static>,
    /// Whether a company was given (else `value`'s company is a placeholder).
    pub has_company: bool,
    /// The row (line number) of each space, in order: `rows[i]` is `spaces[i]`.
    pub rows: Vec<usize>,
    /// Field key → the column's header as written (trimmed), for problem paths.
    columns: Vec<(&'static str, String)>,
    /// What is read but likely not meant (a column no field has, a list of themes separated by
    /// commas), already placed in the CSV.
    warnings: Vec<Problem>,
}

/// Reads `text` as CSV and validates it: the dataset, or every problem with its place in the CSV
/// (`row 7, column themes`). `company` and `title` come from outside the CSV (the figure's
/// `data-company` and `data-title`); a missing or blank `company` is allowed and gives an empty
/// `Dataset::company`. Warnings are located the same way.
pub fn parse(text: &str, company: Option<&str>, title: Option<&str>) -> Result<Dataset, Vec<Problem>> {
    read(text, company, title)?.validate()
}

/// Reads `text` into a `Sheet` without validating the spaces; `Err` for what makes the text
/// unreadable as a dataset (an unclosed quote, no header, a missing required column, too many rows).
pub fn read(text: &str, company: Option<&str>, title: Option<&str>) -> Result<Sheet, Vec<Problem>> {
    let records = records(text)?;
    let mut records = records.into_iter();
    let Some(header) = records.next() else {
        return Err(vec![syntax(1, "there is no header row naming the columns")]);
    };
    // Per column: the field it fills, if any.
    let keys: Vec<Option<&'static str>> = header.fields.iter().map(|h| field_of(h)).collect();
    // What the header row holds, for a header that is not one (a title line above it).
    let mut read = String::new();
    for f in header.fields.iter().map(|f| f.trim()).filter(|f| !f.is_empty()) {
        if read.len() > 60 {
            read.push_str(", …");
            break;
        }
        if !read.is_empty() {
            read.push_str(", ");
        }
        read.push_str(f);
    }
    let missing: Vec<Problem> = REQUIRED
        .iter()
        .filter(|&&f| !keys.contains(&Some(f)))
        .map(|f| syntax(header.line, &["the header row (", &read, ") has no \"", f, "\" column"].concat()))
        .collect();
    if !missing.is_empty() {
        return Err(missing);
    }
    let mut columns: Vec<(&'static str, String)> = Vec::new();
    let mut warnings: Vec<Problem> = Vec::new();
    let at = |line: usize, column: &str| ["row ", &digits(line as u64), ", column ", column].concat();
    for (key, name) in keys.iter().zip(&header.fields) {
        let name = name.trim();
        match key {
            Some(key) => {
                columns.retain(|(k, _)| k != key);
                columns.push((key, name.to_owned()));
            }
            None if !name.is_empty() => warnings.push(Problem { path: at(header.line, name), code: "column", detail: String::new() }),
            None => {}
        }
    }
    let themes_column = columns.iter().find(|(k, _)| *k == "themes").map_or("themes", |(_, name)| name.as_str()).to_owned();

    let mut spaces = Vec::new();
    let mut rows = Vec::new();
    // A record with more cells than the header has columns: its values have slid (an unquoted
    // comma in a name), and which column is which cannot be told. Empty cells past the last
    // column (a spreadsheet's trailing separators) are not more.
    let mut slid: Vec<Problem> = Vec::new();
    for record in records {
        if record.fields.iter().skip(keys.len()).any(|f| !f.trim().is_empty()) && slid.len() < dataset::MAX_PROBLEMS {
            slid.push(Problem {
                path: ["row ", &digits(record.line as u64)].concat(),
                code: "cells",
                detail: digits(record.fields.len() as u64),
            });
        }
        let mut members: Vec<(Cow<'static, str>, Value<'static>)> = Vec::new();
        for (key, cell) in keys.iter().zip(&record.fields) {
            let (Some(key), cell) = (key, cell.trim()) else { continue };
            if cell.is_empty() {
                continue;
            }
            let value = cell_value(key, cell);
            // "support, news" in one cell: one theme, surely meant as two.
            if let Value::Array(themes) = &value {
                for theme in themes {
                    if let Value::String(t) = theme {
                        if t.contains(',') && warnings.len() < dataset::MAX_PROBLEMS {
                            warnings.push(Problem {
                                path: at(record.line, &themes_column),
                                code: "theme-list",
                                detail: ["\"", t, "\""].concat(),
                            });
                        }
                    }
                }
            }
            members.push(((*key).into(), value));
        }
        spaces.push(Value::Object(members));
        rows.push(record.line);
    }

    if !slid.is_empty() {
        return Err(slid);
    }
    let company = company.map(str::trim).filter(|c| !c.is_empty());
    let mut root = vec![("company".into(), Value::String(company.unwrap_or(NO_COMPANY).to_owned().into()))];
    if let Some(title) = title.filter(|t| !t.trim().is_empty()) {
        root.push(("title".into(), Value::String(title.to_owned().into())));
    }
    root.push(("spaces".into(), Value::Array(spaces)));
    Ok(Sheet { value: Value::Object(root), has_company: company.is_some(), rows, columns, warnings })
}

impl Sheet {
    /// Validates the tree with `dataset::parse` and locates every problem and warning in the CSV.
    pub fn validate(&self) -> Result<Dataset, Vec<Problem>> {
        match dataset::parse(&self.value) {
            Ok(mut d) => {
                if !self.has_company {
                    d.company = String::new();
                }
                d.warnings = self.warnings.iter().cloned().chain(d.warnings.into_iter().map(|p| self.locate(p))).collect();
                Ok(d)
            }
            Err(problems) => {
                Err(problems.into_iter().filter(|p| self.has_company || p.path != "company").map(|p| self.locate(p)).collect())
            }
        }
    }

    /// `spaces[5].themes[0]` → `row 7, column themes`; paths outside `spaces[i]` are kept.
    pub fn locate(&self, mut problem: Problem) -> Problem {
        if let Some(path) = self.place(&problem.path) {
            problem.path = path;
        }
        problem
    }

    fn place(&self, path: &str) -> Option<String> {
        // `split_once`, not slicing: a slice links the panic path and its Unicode tables (≈4 KB).
        let (index, rest) = path.strip_prefix("spaces[")?.split_once(']')?;
        let row = digits(*self.rows.get(index.parse::<usize>().ok()?)? as u64);
        let Some(field) = rest.strip_prefix('.') else {
            return Some(["row ", &row].concat());
        };
        let field = field.split(['.', '[']).next().unwrap_or(field);
        let key = if field == "theme" { "themes" } else { field };
        let column = self.columns.iter().find(|(k, _)| *k == key).map_or(field, |(_, name)| name.as_str());
        Some(["row ", &row, ", column ", column].concat())
    }
}

/// The field a header names: trimmed, ASCII case ignored, `theme` for `themes`, blanks and `-`
/// read as `_` (`Last post` → `last_post`).
fn field_of(header: &str) -> Option<&'static str> {
    let name: String = header.trim().chars().map(|c| if c == ' ' || c == '-' { '_' } else { c.to_ascii_lowercase() }).collect();
    let name = if name == "theme" { "themes" } else { name.as_str() };
    FIELDS.iter().copied().find(|f| *f == name)
}

/// A trimmed, non-empty cell as the JSON value the dataset would hold.
fn cell_value(key: &str, cell: &str) -> Value<'static> {
    match key {
        // `;`, or a line typed inside the cell (Alt+Enter in a spreadsheet).
        "themes" => Value::Array(
            cell.split([';', '\n']).map(str::trim).filter(|t| !t.is_empty()).map(|t| Value::String(t.to_owned().into())).collect(),
        ),
        "audience" => match decimal(cell) {
            Some(n) if n.is_finite() => Value::Number(n),
            _ => Value::String(cell.to_owned().into()),
        },
        "internal" => match cell.to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" | "oui" => Value::Bool(true),
            "false" | "0" | "no" | "non" => Value::Bool(false),
            _ => Value::String(cell.to_owned().into()),
        },
        _ => Value::String(cell.to_owned().into()),
    }
}

fn syntax(row: usize, detail: &str) -> Problem {
    Problem { path: ["row ", &digits(row as u64)].concat(), code: "syntax", detail: detail.to_owned() }
}

/// One CSV record and the line it starts on.
#[derive(Debug)]
struct Record {
    line: usize,
    fields: Vec<String>,
}

/// Splits `text` into its non-blank records (RFC 4180, leniently: blanks before an opening quote
/// and text after a closing one are kept as part of the field).
fn records(text: &str) -> Result<Vec<Record>, Vec<Problem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Excel's `sep=;` first line names the separator (the header is then row 2).
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    let first = first.strip_suffix('\r').unwrap_or(first);
    let mut named = first.get(..4).filter(|p| p.eq_ignore_ascii_case("sep=")).and(first.get(4..)).unwrap_or("").chars();
    let (sep, text, mut line) = match named.next().filter(|_| named.next().is_none()) {
        Some(sep) => (sep, rest, 2),
        None => (separator(text), text, 1),
    };
    let mut out: Vec<Record> = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut start = line;
    // Line and column of the quote that is open, if any.
    let mut open: Option<(usize, usize)> = None;
    let mut chars = text.chars().peekable();

    while let Some(c) = chars.next() {
        if open.is_some() {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => open = None,
                '\r' | '\n' => {
                    if c == '\r' && chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    line += 1;
                    field.push('\n');
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.trim().is_empty() => {
                field.clear();
                open = Some((line, fields.len()));
            }
            c if c == sep => fields.push(std::mem::take(&mut field)),
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                fields.push(std::mem::take(&mut field));
                end_record(&mut fields, start, &mut out)?;
                line += 1;
                start = line;
            }
            _ => field.push(c),
        }
    }
    if let Some((row, column)) = open {
        // Name the column by its header when the header is already read.
        let name = match out.first() {
            Some(header) => header.fields.get(column).map(|h| h.trim().to_owned()),
            None => None,
        };
        let at = match name {
            Some(name) if !name.is_empty() => ["the quote opened in column ", &name, " is never closed"].concat(),
            _ => ["the quote opened in field ", &digits(column as u64 + 1), " is never closed"].concat(),
        };
        return Err(vec![syntax(row, &at)]);
    }
    fields.push(field);
    end_record(&mut fields, start, &mut out)?;
    Ok(out)
}

/// The field separator: `,`, unless the header row (the first line that is not blank, without its
/// leading and trailing blanks) has more
/// `;` or tabs outside quotes: a spreadsheet saved as CSV in French, German… (Excel separates with
/// `;` where the decimal mark is a comma; a list of themes is then quoted, `"support;news"`), or
/// cells copied from a spreadsheet and pasted (tabs).
fn separator(text: &str) -> char {
    // The header row without the blanks around it: an indented inline CSV's leading tabs are
    // not separators.
    let header = text.split(['\r', '\n']).map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
    let (mut quoted, mut counts) = (false, [0usize; 3]);
    for c in header.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let [comma, semicolon, tab] = counts;
    if tab > comma.max(semicolon) {
        '\t'
    } else if semicolon > comma {
        ';'
    } else {
        ','
    }
}

/// Keeps `fields` as the record starting on line `start`, unless it is blank.
fn end_record(fields: &mut Vec<String>, start: usize, out: &mut Vec<Record>) -> Result<(), Vec<Problem>> {
    let record = std::mem::take(fields);
    if record.iter().all(|f| f.trim().is_empty()) {
        return Ok(());
    }
    // The header plus MAX_SPACES spaces, and no more.
    if out.len() > MAX_SPACES {
        return Err(vec![Problem { path: ["row ", &digits(start as u64)].concat(), code: "too-many", detail: digits(MAX_SPACES as u64) }]);
    }
    out.push(Record { line: start, fields: record });
    Ok(())
}
