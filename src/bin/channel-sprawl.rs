//! `channel-sprawl`: check a dataset, render it as a static SVG, or print the HTML to paste in a
//! post. Built with `--features cli` (`cargo install --path . --features cli`); nothing of it
//! ships in the wasm.
//!
//! Exit status: 0 success, 1 invalid data (every problem printed), 2 usage or I/O error.

use channel_sprawl::chart::Options;
use channel_sprawl::csv::{self, Sheet};
use channel_sprawl::dataset::{self, Dataset, Problem};
use channel_sprawl::geometry::Shape;
use channel_sprawl::group::GroupBy;
use channel_sprawl::svg;
use channel_sprawl::value::Value;
use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
channel-sprawl: check, render and embed a chart of a company's social-media spaces

Usage:
  channel-sprawl check FILE [--lang en|fr] [--company NAME] [--title TEXT]
  channel-sprawl render FILE --svg OUT [options]
  channel-sprawl snippet FILE [--svg URL] [--script URL] [options]

FILE is a dataset in JSON, or CSV (a header row of space fields; several themes separated by
`;`). A name ending in .csv is read as CSV, .json as JSON, anything else (or `-` for standard
input) by its first character. OUT may be `-` for standard output.

  check    lists every problem, one `path: message` per line (warnings go to standard error)
  render   writes the chart as a static SVG (for <noscript>, RSS readers, social previews)
  snippet  prints the HTML to paste in a post: the loader, and a <figure> with the data inline;
           --svg URL adds a <noscript> image pointing at the rendered SVG

Options:
  --group-by theme|platform|department|country   what the chart groups by (default: theme)
  --chart donut|pie|bar                          the kind of chart (default: donut)
  --dedupe                  count the spaces that share a `function` once
  --lang en|fr              language of the summary and legend (default: en)
  --company NAME            the company (a CSV has none; overrides a JSON dataset's)
  --title TEXT              the chart's title (overrides a JSON dataset's)
  --other-below F           groups under this fraction of the total fold into Other
                            (default: 0.02; 0 folds none)
  --width N                 width of the SVG in pixels (render; default: 640)
  --script URL              where the page loads the widget from (snippet; default: /assets/channel-sprawl.js)
  -h, --help                this help
  -V, --version             the version

Exit status: 0 success, 1 invalid data, 2 usage or I/O error.
";

const LOADER: &str = "/assets/channel-sprawl.js";

/// Why the command stops.
enum Stop {
    /// Invalid data: the problems are printed, exit 1.
    Invalid(Vec<Problem>),
    /// Usage or I/O error: the message is printed, exit 2.
    Error(String),
}

type Result<T> = std::result::Result<T, Stop>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Stop::Invalid(problems)) => {
            // `check` reports on standard output; `render` and `snippet` write a picture or HTML
            // there (`--svg -`, `> post.html`), so their problems go to standard error.
            let mut out: Box<dyn Write> = if args.first().is_some_and(|c| c == "check") {
                Box::new(std::io::stdout().lock())
            } else {
                Box::new(std::io::stderr().lock())
            };
            for p in &problems {
                let _ = writeln!(out, "{p}");
            }
            ExitCode::from(1)
        }
        Err(Stop::Error(message)) => {
            eprintln!("channel-sprawl: {message}");
            ExitCode::from(2)
        }
    }
}

#[derive(Default)]
struct Args {
    command: String,
    file: Option<String>,
    svg: Option<String>,
    script: Option<String>,
    group_by: Option<GroupBy>,
    chart: Option<Shape>,
    dedupe: bool,
    lang: Option<String>,
    company: Option<String>,
    title: Option<String>,
    width: Option<u32>,
    /// As written (for the snippet's attribute) and as read.
    other_below: Option<(String, f64)>,
}

fn usage(message: impl Into<String>) -> Stop {
    Stop::Error(format!("{}\n(run `channel-sprawl --help` for the usage)", message.into()))
}

fn parse_args(args: &[String]) -> Result<Option<Args>> {
    let mut out = Args::default();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if arg == "-h" || arg == "--help" || (out.command.is_empty() && arg == "help") {
            print!("{USAGE}");
            return Ok(None);
        }
        if arg == "-V" || arg == "--version" {
            println!("channel-sprawl {}", env!("CARGO_PKG_VERSION"));
            return Ok(None);
        }
        if out.command.is_empty() {
            if !matches!(arg.as_str(), "check" | "render" | "snippet") {
                return Err(usage(format!("unknown command {arg:?}: expected check, render or snippet")));
            }
            out.command = arg.clone();
            continue;
        }
        if arg.len() > 2 && arg.starts_with("--") {
            let (name, inline) = match arg.split_once('=') {
                Some((n, v)) => (n, Some(v.to_owned())),
                None => (arg.as_str(), None),
            };
            if name == "--dedupe" {
                if inline.is_some() {
                    return Err(usage("--dedupe takes no value"));
                }
                out.dedupe = true;
                continue;
            }
            let mut value = || match inline.clone().or_else(|| rest.next().cloned()) {
                Some(v) => Ok(v),
                None => Err(usage(format!("{name} needs a value"))),
            };
            match name {
                "--svg" => out.svg = Some(value()?),
                "--script" => out.script = Some(value()?),
                "--company" => out.company = Some(value()?),
                "--title" => out.title = Some(value()?),
                "--lang" => out.lang = Some(value()?),
                "--group-by" => {
                    let v = value()?;
                    out.group_by = Some(
                        GroupBy::parse(&v)
                            .ok_or_else(|| usage(format!("--group-by {v:?}: expected theme, platform, department or country")))?,
                    );
                }
                "--chart" => {
                    let v = value()?;
                    out.chart = Some(Shape::parse(&v).ok_or_else(|| usage(format!("--chart {v:?}: expected donut, pie or bar")))?);
                }
                "--other-below" => {
                    let v = value()?;
                    let t = v.trim();
                    let (number, percent) = t.strip_suffix('%').map_or((t, false), |n| (n.trim_end(), true));
                    let below = number.replace(',', ".").parse::<f64>().ok().map(|f| if percent { f / 100.0 } else { f });
                    let below = below
                        .filter(|f| (0.0..=1.0).contains(f))
                        .ok_or_else(|| usage(format!("--other-below {v:?}: expected a fraction such as 0.05 (or 5%)")))?;
                    out.other_below = Some((t.to_owned(), below));
                }
                "--width" => {
                    let v = value()?;
                    out.width = Some(v.trim().parse().ok().filter(|w| (svg::MIN_WIDTH..=svg::MAX_WIDTH).contains(w)).ok_or_else(|| {
                        usage(format!("--width {v:?}: expected a number of pixels from {} to {}", svg::MIN_WIDTH, svg::MAX_WIDTH))
                    })?);
                }
                _ => return Err(usage(format!("unknown option {name}"))),
            }
            continue;
        }
        if out.file.is_some() {
            return Err(usage(format!("unexpected argument {arg:?}: give one FILE")));
        }
        out.file = Some(arg.clone());
    }
    if out.command.is_empty() {
        return Err(usage("no command: expected check, render or snippet"));
    }
    if out.file.is_none() {
        return Err(usage(format!("{} needs a FILE", out.command)));
    }
    if let Some(lang) = &out.lang {
        if !matches!(lang.as_str(), "en" | "fr") {
            return Err(usage(format!("--lang {lang:?}: expected en or fr")));
        }
    }
    let allowed: &[(&str, bool)] = match out.command.as_str() {
        "check" => &[("--svg", out.svg.is_none()), ("--script", out.script.is_none()), ("--width", out.width.is_none())],
        "snippet" => &[("--width", out.width.is_none())],
        _ => &[("--script", out.script.is_none())],
    };
    if let Some((name, _)) = allowed.iter().find(|(_, unset)| !unset) {
        return Err(usage(format!("{} does not take {name}", out.command)));
    }
    Ok(Some(out))
}

fn run(args: &[String]) -> Result<()> {
    let Some(args) = parse_args(args)? else { return Ok(()) };
    match args.command.as_str() {
        "check" => check(&args),
        "render" => render(&args),
        _ => snippet(&args),
    }
}

/// What a file holds: the data tree (for the snippet) and its validated datasets.
struct Loaded {
    value: Value<'static>,
    /// One dataset, or several for a JSON array (a comparison).
    datasets: Vec<Dataset>,
    /// For a CSV: whether it has a company (from `--company`).
    csv_company: Option<bool>,
}

fn read_text(file: &str) -> Result<String> {
    let bytes = if file == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map_err(|e| Stop::Error(format!("cannot read standard input: {e}")))?;
        buf
    } else {
        std::fs::read(file).map_err(|e| Stop::Error(format!("cannot read {file}: {e}")))?
    };
    // With a UTF-16 byte-order mark, UTF-16 (Excel's "Unicode text"); else text that is not
    // UTF-8 is read as Windows-1252, as the widget reads a `data-src`: what Excel saves a sheet
    // as in Western Europe.
    let utf16 = |pairs: std::slice::ChunksExact<u8>, big: bool| {
        let units = pairs.map(|p| if big { u16::from_be_bytes([p[0], p[1]]) } else { u16::from_le_bytes([p[0], p[1]]) });
        char::decode_utf16(units).map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER)).collect::<String>()
    };
    Ok(match bytes.as_slice() {
        [0xFF, 0xFE, rest @ ..] => utf16(rest.chunks_exact(2), false),
        [0xFE, 0xFF, rest @ ..] => utf16(rest.chunks_exact(2), true),
        _ => String::from_utf8(bytes).unwrap_or_else(|e| e.into_bytes().iter().map(|&b| windows_1252(b)).collect()),
    })
}

/// A Windows-1252 byte as the WHATWG Encoding Standard decodes it: Latin-1, except 0x80–0x9F.
fn windows_1252(b: u8) -> char {
    const C1: [u16; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90,
        0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    let code = if (0x80..0xA0).contains(&b) { C1[usize::from(b - 0x80)] } else { u16::from(b) };
    char::from_u32(u32::from(code)).unwrap_or(char::REPLACEMENT_CHARACTER)
}

fn is_csv(file: &str, text: &str) -> bool {
    let ext = std::path::Path::new(file).extension().and_then(|e| e.to_str()).unwrap_or("");
    if ext.eq_ignore_ascii_case("csv") {
        return true;
    }
    if ext.eq_ignore_ascii_case("json") {
        return false;
    }
    let first = text.trim_start_matches(|c: char| c == '\u{feff}' || c.is_whitespace()).chars().next();
    !matches!(first, Some('{' | '['))
}

fn load(args: &Args) -> Result<Loaded> {
    let file = args.file.as_deref().unwrap_or("-");
    let text = read_text(file)?;
    if is_csv(file, &text) {
        let sheet: Sheet = csv::read(&text, args.company.as_deref(), args.title.as_deref()).map_err(Stop::Invalid)?;
        let dataset = sheet.validate().map_err(Stop::Invalid)?;
        return Ok(Loaded { value: sheet.value, datasets: vec![dataset], csv_company: Some(sheet.has_company) });
    }
    let mut value = channel_sprawl::value::parse(&text).map_err(|e| Stop::Invalid(vec![dataset::syntax(&e)]))?.into_owned();
    let overrides = [("company", &args.company), ("title", &args.title)];
    match &mut value {
        // One name for several companies would make them one: a comparison keeps its own.
        Value::Array(items) if items.len() > 1 && (args.company.is_some() || args.title.is_some()) => {
            return Err(Stop::Error(format!(
                "{file} compares {} companies: --company and --title name one; set them in the data",
                items.len()
            )));
        }
        Value::Array(items) => items.iter_mut().for_each(|item| set_members(item, &overrides)),
        item => set_members(item, &overrides),
    }
    let datasets = match &value {
        Value::Array(items) if items.is_empty() => {
            return Err(Stop::Invalid(vec![Problem {
                path: String::new(),
                code: "type",
                detail: "a dataset, or an array of datasets to compare, got an empty array".into(),
            }]))
        }
        Value::Array(items) => {
            let mut datasets = Vec::new();
            let mut problems = Vec::new();
            for (i, item) in items.iter().enumerate() {
                match dataset::parse(item) {
                    Ok(d) => datasets.push(prefixed(d, i)),
                    Err(list) => problems.extend(list.into_iter().map(|p| prefix(p, i))),
                }
            }
            if !problems.is_empty() {
                return Err(Stop::Invalid(problems));
            }
            datasets
        }
        single => vec![dataset::parse(single).map_err(Stop::Invalid)?],
    };
    Ok(Loaded { value, datasets, csv_company: None })
}

/// Replaces (or adds) the given members of an object.
fn set_members(item: &mut Value<'static>, members: &[(&'static str, &Option<String>)]) {
    let Value::Object(list) = item else { return };
    for (key, value) in members {
        let Some(value) = value else { continue };
        list.retain(|(k, _)| k != key);
        list.insert(0, ((*key).into(), Value::String(value.clone().into())));
    }
}

/// The path of a problem in the `i`-th dataset of an array: `[1].spaces[3].themes`.
fn prefix(mut p: Problem, i: usize) -> Problem {
    p.path = if p.path.is_empty() { format!("[{i}]") } else { format!("[{i}].{}", p.path) };
    p
}

fn prefixed(mut d: Dataset, i: usize) -> Dataset {
    d.warnings = d.warnings.into_iter().map(|p| prefix(p, i)).collect();
    d
}

fn warn(loaded: &Loaded) {
    for p in loaded.datasets.iter().flat_map(|d| &d.warnings) {
        eprintln!("warning: {p}");
    }
}

fn options(args: &Args) -> Options {
    let defaults = Options::default();
    Options {
        group_by: args.group_by.unwrap_or(defaults.group_by),
        dedupe: args.dedupe,
        shape: args.chart.unwrap_or(defaults.shape),
        other_below: args.other_below.as_ref().map_or(defaults.other_below, |(_, f)| *f),
        ..defaults
    }
}

fn lang(args: &Args) -> &str {
    args.lang.as_deref().unwrap_or("en")
}

/// `Title: 97 spaces · 9 themes · 11 platforms` (just the summary without a title).
fn described(d: &Dataset, options: &Options, lang: &str) -> String {
    let summary = svg::summary(d, options, lang);
    match svg::heading(d, options.group_by, lang) {
        title if title.is_empty() => summary,
        title => format!("{title}: {summary}"),
    }
}

fn check(args: &Args) -> Result<()> {
    let loaded = load(args)?;
    warn(&loaded);
    let options = options(args);
    let lines: Vec<String> = loaded.datasets.iter().map(|d| described(d, &options, lang(args))).collect();
    println!("OK: {}", lines.join("; "));
    Ok(())
}

fn render(args: &Args) -> Result<()> {
    let Some(out) = args.svg.as_deref() else {
        return Err(usage("render needs --svg OUT (a file name, or - for standard output)"));
    };
    let loaded = load(args)?;
    let [dataset] = loaded.datasets.as_slice() else {
        return Err(Stop::Error(format!("render draws one dataset; this file holds {} (a comparison)", loaded.datasets.len())));
    };
    warn(&loaded);
    let picture = svg::render(dataset, &options(args), lang(args), args.width.unwrap_or(svg::DEFAULT_WIDTH));
    write_out(out, &picture)
}

fn write_out(out: &str, text: &str) -> Result<()> {
    if out == "-" {
        let mut stdout = std::io::stdout().lock();
        return stdout.write_all(text.as_bytes()).and_then(|_| stdout.flush()).map_err(|e| Stop::Error(format!("cannot write: {e}")));
    }
    std::fs::write(out, text).map_err(|e| Stop::Error(format!("cannot write {out}: {e}")))
}

fn snippet(args: &Args) -> Result<()> {
    let loaded = load(args)?;
    if loaded.csv_company == Some(false) {
        return Err(usage("a CSV names no company, and the inline JSON needs one: add --company NAME"));
    }
    warn(&loaded);
    let options = options(args);
    let mut figure = String::from("<figure data-channel-sprawl");
    if options.group_by != GroupBy::Theme {
        figure.push_str(&format!(" data-group-by=\"{}\"", options.group_by.as_str()));
    }
    if options.shape != Shape::Donut {
        figure.push_str(&format!(" data-chart=\"{}\"", options.shape.as_str()));
    }
    if options.dedupe {
        figure.push_str(" data-dedupe");
    }
    if let Some((written, _)) = &args.other_below {
        figure.push_str(&format!(" data-other-below=\"{}\"", html_escape(written)));
    }
    if let Some(lang) = &args.lang {
        figure.push_str(&format!(" data-lang=\"{}\"", html_escape(lang)));
    }
    figure.push('>');

    let mut json = String::new();
    write_json(&loaded.value, 0, "  ", &mut json);
    let mut html = String::new();
    html.push_str(&format!("<script type=\"module\" src=\"{}\"></script>\n\n", html_escape(args.script.as_deref().unwrap_or(LOADER))));
    html.push_str(&figure);
    html.push_str("\n  <script type=\"application/json\">\n  ");
    html.push_str(&json);
    html.push_str("\n  </script>\n");
    if let Some(url) = &args.svg {
        let alt: Vec<String> = loaded.datasets.iter().map(|d| described(d, &options, lang(args))).collect();
        html.push_str(&format!("  <noscript><img src=\"{}\" alt=\"{}\"></noscript>\n", html_escape(url), html_escape(&alt.join("; "))));
    }
    html.push_str("</figure>\n");
    write_out("-", &html)
}

/// Text for an HTML attribute value or element content.
fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in svg::clean(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// JSON text for a `<script type="application/json">`: `<`, `>` and `&` are written `\u003c`,
/// `\u003e`, `\u0026`, so that neither `</script>` nor `<!--` can occur. Containers that hold
/// objects are spread over lines (the dataset, its lists); each space or theme stays on one line.
fn write_json(v: &Value, depth: usize, indent: &str, out: &mut String) {
    let spread = |v: &Value| match v {
        Value::Array(items) => items.iter().any(|i| matches!(i, Value::Object(_) | Value::Array(_))),
        Value::Object(members) => {
            depth == 0
                || members.iter().any(|(_, m)| matches!(m, Value::Array(items) if items.iter().any(|i| matches!(i, Value::Object(_)))))
        }
        _ => false,
    };
    let newline = |out: &mut String, level: usize| {
        out.push('\n');
        out.push_str(indent);
        for _ in 0..level {
            out.push_str("  ");
        }
    };
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) if !n.is_finite() => out.push_str("null"),
        Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => out.push_str(&(*n as i64).to_string()),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => json_string(s, out),
        Value::Array(items) if items.is_empty() => out.push_str("[]"),
        Value::Object(members) if members.is_empty() => out.push_str("{}"),
        Value::Array(items) => {
            let spread = spread(v);
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                    if !spread {
                        out.push(' ');
                    }
                }
                if spread {
                    newline(out, depth + 1);
                }
                write_json(item, depth + 1, indent, out);
            }
            if spread {
                newline(out, depth);
            }
            out.push(']');
        }
        Value::Object(members) => {
            let spread = spread(v);
            out.push('{');
            for (i, (key, item)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                    if !spread {
                        out.push(' ');
                    }
                }
                if spread {
                    newline(out, depth + 1);
                }
                json_string(key, out);
                out.push_str(": ");
                write_json(item, depth + 1, indent, out);
            }
            if spread {
                newline(out, depth);
            }
            out.push('}');
        }
    }
}

fn json_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => out.push_str(&format!("\\u{:04x}", c as u32)),
            c if (c as u32) < 0x20 || c == '\u{7f}' => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}
