//! Annotates text files with gazetteer mentions: one JSON object per input on stdout, in the
//! shape of [`nomina::AnalysisRecord`] (read it back with serde_json).
//!
//! ```text
//! cargo run --release --example annotate -- --help
//! cargo run --release --example annotate -- -g names.tsv --offsets chars article1.txt article2.txt
//! ```
//!
//! Without `--gazetteer`, a small built-in gazetteer is used; without files, standard input is
//! read, and when standard input is a terminal (or empty), a short built-in demo text.
//! Gazetteer warnings (header lines, names that can never match, duplicates, names in
//! languages not allowed) go to stderr and the run goes on. A file that cannot be read or is
//! not UTF-8 is reported on stderr with its name; the other files are still processed and the
//! exit code is 1. A wrong option or value is reported with its name, exit code 2.

use std::ffi::OsString;
use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

use nomina::{Analyzer, Gazetteer, Kind, Lang, Offsets, Overlaps};

const HELP: &str = "\
annotate: find the entities of a gazetteer in French, Italian and English text

Usage: annotate [OPTIONS] [FILE...]

Writes one JSON object per input file on stdout:
  {\"doc\":\"a.txt\",\"language\":\"fr\",\"sentences\":[...],\"mentions\":[...]}
FILE may be `-` for standard input. Without FILE, standard input is read; when it is a
terminal or empty, a built-in demo text is annotated.

Options:
  -g, --gazetteer PATH    The gazetteer: TSV (id, kind, name[, langs[, flags]]), or JSON Lines
                          when PATH ends in .jsonl or .json. Default: a built-in tech-news
                          gazetteer.  Example: -g examples/data/tech-news.tsv
  -l, --languages LIST    The languages documents and sentences may be detected as,
                          comma-separated ISO 639-1 codes. Default: fr,it,en.
                          Example: -l fr,it,en,de
      --stem-kinds LIST   Kinds whose names also match inflected forms (Snowball stems),
                          comma-separated. Example: --stem-kinds concept,term
      --offsets UNIT      `bytes` (default: UTF-8 byte offsets, Rust's str indices) or `chars`
                          (Unicode scalar values, Python's str indices); with `chars` the
                          output says \"offsets\":\"chars\".  Example: --offsets chars
      --overlaps MODE     Which mentions to report where names overlap: `none` (default:
                          the longest name at each place, no overlaps), `nested` (also every
                          name inside a reported one: New York in New York Times) or `all`
                          (every name at every place).  Example: --overlaps nested
      --short-forms       After a person's full name, find its surname alone for the rest of
                          the document (\"match\":\"short-form\"): Hastings after Reed Hastings.
      --short-form-kinds LIST
                          The kinds that get short forms (implies --short-forms; persons use
                          the last word, organizations the first).
                          Example: --short-form-kinds person,organization
      --no-context        Keep the candidates of a shared name in gazetteer order instead of
                          putting first the one the document names unambiguously.
      --keep-common-words Match names that are common words by the usual rules (lower-case
                          `di` or `que`, `Il` at the start of a sentence): the guard is off.
  -q, --quiet             Do not print gazetteer warnings.
  -h, --help              Print this help.
  -V, --version           Print the version.

Examples:
  annotate
  annotate -g examples/data/tech-news.tsv --offsets chars article.txt
  annotate --overlaps nested article.txt
  annotate --short-forms -g names.jsonl article.txt
  cat article.txt | annotate -l fr,it --stem-kinds concept -g names.jsonl

Exit status: 0 on success, 1 if an input could not be read, 2 on a usage or gazetteer error.
";

/// What the command line asked for.
struct Options {
    gazetteer: Option<String>,
    languages: Option<Vec<Lang>>,
    stem_kinds: Vec<Kind>,
    offsets: Offsets,
    overlaps: Overlaps,
    short_forms: Vec<Kind>,
    context: bool,
    common_words: bool,
    quiet: bool,
    files: Vec<String>,
}

/// Why the command line was refused (exit code 2), or a request to stop early (help, version).
enum Stop {
    Usage(String),
    Done(String),
}

fn parse_args(args: impl IntoIterator<Item = OsString>) -> Result<Options, Stop> {
    use lexopt::prelude::*;
    let mut o = Options {
        gazetteer: None,
        languages: None,
        stem_kinds: Vec::new(),
        offsets: Offsets::Bytes,
        overlaps: Overlaps::None,
        short_forms: Vec::new(),
        context: true,
        common_words: true,
        quiet: false,
        files: Vec::new(),
    };
    let usage = |e: lexopt::Error| Stop::Usage(e.to_string());
    let mut p = lexopt::Parser::from_args(args);
    while let Some(arg) = p.next().map_err(usage)? {
        match arg {
            Short('g') | Long("gazetteer") => o.gazetteer = Some(string(&mut p, "--gazetteer")?),
            Short('l') | Long("languages") => {
                let list = string(&mut p, "--languages")?;
                let mut langs = Vec::new();
                for code in list.split(',').map(str::trim).filter(|c| !c.is_empty()) {
                    langs.push(code.parse::<Lang>().map_err(|e| {
                        Stop::Usage(format!(
                            "invalid value for --languages: {e} (expected codes such as fr,it,en)"
                        ))
                    })?);
                }
                if langs.is_empty() {
                    return Err(Stop::Usage(
                        "invalid value for --languages: no language code".into(),
                    ));
                }
                o.languages = Some(langs);
            }
            Long("stem-kinds") => {
                let list = string(&mut p, "--stem-kinds")?;
                for kind in list.split(',').filter(|k| !k.trim().is_empty()) {
                    o.stem_kinds.push(
                        kind.parse()
                            .map_err(|e| Stop::Usage(format!("invalid value for --stem-kinds: {e}")))?,
                    );
                }
            }
            Long("offsets") => {
                let unit = string(&mut p, "--offsets")?;
                o.offsets = unit.parse().map_err(|_| {
                    Stop::Usage(format!(
                        "invalid value `{unit}` for --offsets (expected `bytes` or `chars`)"
                    ))
                })?;
            }
            Long("overlaps") => {
                let mode = string(&mut p, "--overlaps")?;
                o.overlaps = mode.parse().map_err(|_| {
                    Stop::Usage(format!(
                        "invalid value `{mode}` for --overlaps (expected `none`, `nested` or `all`)"
                    ))
                })?;
            }
            Long("short-forms") => {
                if o.short_forms.is_empty() {
                    o.short_forms.push(Kind::Person);
                }
            }
            Long("short-form-kinds") => {
                let list = string(&mut p, "--short-form-kinds")?;
                o.short_forms.clear();
                for kind in list.split(',').filter(|k| !k.trim().is_empty()) {
                    o.short_forms
                        .push(kind.parse().map_err(|e| {
                            Stop::Usage(format!("invalid value for --short-form-kinds: {e}"))
                        })?);
                }
                if o.short_forms.is_empty() {
                    return Err(Stop::Usage(
                        "invalid value for --short-form-kinds: no kind".into(),
                    ));
                }
            }
            Long("no-context") => o.context = false,
            Long("keep-common-words") => o.common_words = false,
            Short('q') | Long("quiet") => o.quiet = true,
            Short('h') | Long("help") => return Err(Stop::Done(HELP.to_string())),
            Short('V') | Long("version") => {
                return Err(Stop::Done(format!(
                    "annotate (nomina {})\n",
                    env!("CARGO_PKG_VERSION")
                )));
            }
            Value(v) => o.files.push(
                v.into_string()
                    .map_err(|v| Stop::Usage(format!("file name {v:?} is not valid UTF-8")))?,
            ),
            _ => return Err(usage(arg.unexpected())),
        }
    }
    Ok(o)
}

/// The value of an option, as UTF-8.
fn string(p: &mut lexopt::Parser, name: &str) -> Result<String, Stop> {
    let v = p.value().map_err(|e| Stop::Usage(e.to_string()))?;
    v.into_string()
        .map_err(|v| Stop::Usage(format!("invalid value {v:?} for {name}: not valid UTF-8")))
}

/// The built-in gazetteer: the entities of the demo text and of the usual tech-news stories.
const BUILTIN_GAZETTEER: &str = "\
# id\tkind\tname\tlangs\tflags
Q380\torganization\tMeta
Q380\torganization\tMeta Platforms
Q355\torganization\tFacebook
Q907112\torganization\tNetflix
Q918\torganization\tTwitter
Q918\torganization\tX\t\texact
Q3884\torganization\tAmazon
Q3783\tlocation\tAmazon
Q3783\tlocation\tAmazzonia\tit
Q3783\tlocation\tAmazonie\tfr
Q209330\tproduct\tInstagram
Q1049511\tproduct\tWhatsApp
Q1049511\tproduct\tWhatsapp
Q3403\tproduct\tMessenger
Q317521\tperson\tElon Musk
Q317521\tperson\tMusk\t\texact
Q363233\tperson\tReed Hastings
Q36215\tperson\tMark Zuckerberg
Q36215\tperson\tZuckerberg
Q458\torganization\tUnion européenne\tfr
Q458\torganization\tUnione europea\tit
Q458\torganization\tEuropean Union\ten
Q458\torganization\tUE\tfr,it\texact
Q458\torganization\tEU\ten\texact
Q142\tlocation\tFrance
Q38\tlocation\tItalie\tfr
Q38\tlocation\tItalia\tit
Q38\tlocation\tItaly\ten
Q30\tlocation\tÉtats-Unis\tfr
Q30\tlocation\tStati Uniti\tit
Q30\tlocation\tUnited States\ten
Q30\tlocation\tUSA\t\texact
Q9188\torganization\tNew York Times
Q9188\torganization\tThe New York Times
Q689141\torganization\tSpotify
Q95\torganization\tGoogle
Q312\torganization\tApple
";

const DEMO_TEXT: &str = "\
Meta et Netflix au cœur d’un procès
Selon une plainte déposée aux États-Unis, Meta aurait donné à Netflix l’accès aux messages privés \
de Messenger. M. Reed Hastings siégeait alors au conseil de Facebook. « C’est faux », répond Meta.
Elon Musk a relayé l’affaire sur X, tandis que l’Union européenne suit le dossier.
Il New York Times aveva già scritto che Netflix e Spotify potevano leggere i messaggi privati degli utenti.
";

fn main() -> ExitCode {
    let opts = match parse_args(std::env::args_os().skip(1)) {
        Ok(o) => o,
        Err(Stop::Done(text)) => {
            print!("{text}");
            return ExitCode::SUCCESS;
        }
        Err(Stop::Usage(msg)) => {
            eprintln!("annotate: {msg}\nTry `annotate --help` for the options.");
            return ExitCode::from(2);
        }
    };

    let gazetteer = match &opts.gazetteer {
        Some(p) if p.ends_with(".jsonl") || p.ends_with(".json") => Gazetteer::from_jsonl_path(p),
        Some(p) => Gazetteer::from_tsv_path(p),
        None => Gazetteer::from_tsv_str(BUILTIN_GAZETTEER),
    };
    let gazetteer = match gazetteer {
        Ok(g) => g,
        Err(e) => {
            eprintln!("annotate: {}", chain(&e));
            return ExitCode::from(2);
        }
    };
    let mut builder = Analyzer::builder(&gazetteer);
    if let Some(l) = &opts.languages {
        builder.languages(l.iter().copied());
    }
    builder
        .stem_kinds(opts.stem_kinds.iter().cloned())
        .overlaps(opts.overlaps)
        .short_forms(opts.short_forms.iter().cloned())
        .context_resolution(opts.context)
        .common_words(opts.common_words);
    let analyzer = match builder.build() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("annotate: {}", chain(&e));
            return ExitCode::from(2);
        }
    };
    if !opts.quiet {
        for w in gazetteer.check(analyzer.languages()) {
            eprintln!("annotate: warning: {w}");
        }
    }
    drop(gazetteer);

    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut failed = false;
    if opts.files.is_empty() {
        let mut text = String::new();
        let stdin = std::io::stdin();
        if !stdin.is_terminal() {
            if let Err(e) = stdin.lock().read_to_string(&mut text) {
                eprintln!("annotate: <stdin>: {e}");
                return ExitCode::FAILURE;
            }
        }
        let (doc, text) = if text.trim().is_empty() {
            ("<demo>", DEMO_TEXT.to_string())
        } else {
            ("<stdin>", text)
        };
        if emit(&mut out, &analyzer, opts.offsets, doc, &text).is_err() {
            return ExitCode::FAILURE;
        }
    }
    for file in &opts.files {
        let result = if file == "-" {
            let mut s = String::new();
            std::io::stdin().lock().read_to_string(&mut s).map(|_| s)
        } else {
            std::fs::read(file).and_then(|bytes| {
                String::from_utf8(bytes).map_err(|e| {
                    std::io::Error::new(
                        std::io::ErrorKind::InvalidData,
                        format!(
                            "not valid UTF-8 (first bad byte at offset {})",
                            e.utf8_error().valid_up_to()
                        ),
                    )
                })
            })
        };
        match result {
            Ok(text) => {
                if emit(&mut out, &analyzer, opts.offsets, file, &text).is_err() {
                    return ExitCode::FAILURE;
                }
            }
            Err(e) => {
                eprintln!("annotate: {file}: {e}");
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Writes one document's record as a JSON line.
fn emit(
    out: &mut impl Write,
    analyzer: &Analyzer,
    offsets: Offsets,
    doc: &str,
    text: &str,
) -> std::io::Result<()> {
    let mut record = analyzer.analyze(text).to_record_with(offsets);
    record.doc = Some(doc.to_string());
    serde_json::to_writer(&mut *out, &record)?;
    out.write_all(b"\n")
}

/// An error and its causes, `: `-separated (what anyhow's `{:#}` prints).
fn chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        s.push_str(": ");
        s.push_str(&c.to_string());
        cause = c.source();
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Options, Stop> {
        parse_args(args.iter().map(OsString::from))
    }

    fn usage_error(args: &[&str]) -> String {
        match parse(args) {
            Err(Stop::Usage(m)) => m,
            _ => panic!("{args:?} should be refused"),
        }
    }

    #[test]
    fn options_parse() {
        let o = parse(&[
            "-g",
            "g.tsv",
            "--languages=fr,it",
            "--offsets",
            "chars",
            "--stem-kinds",
            "concept",
            "--overlaps",
            "nested",
            "--short-forms",
            "--no-context",
            "--keep-common-words",
            "a.txt",
            "-",
        ])
        .unwrap_or_else(|_| panic!("valid options"));
        assert_eq!(o.gazetteer.as_deref(), Some("g.tsv"));
        assert_eq!(o.languages, Some(vec![Lang::French, Lang::Italian]));
        assert_eq!(o.offsets, Offsets::Chars);
        assert_eq!(o.overlaps, Overlaps::Nested);
        assert_eq!(o.stem_kinds, [Kind::Custom("concept".into())]);
        assert_eq!(o.short_forms, [Kind::Person]);
        assert!(!o.context);
        assert!(!o.common_words);
        assert_eq!(o.files, ["a.txt", "-"]);
        let o = parse(&["--short-form-kinds", "person,organization", "--short-forms"])
            .unwrap_or_else(|_| panic!("valid options"));
        assert_eq!(o.short_forms, [Kind::Person, Kind::Organization]);
        assert!(o.context && o.common_words);
        assert!(parse(&[]).is_ok_and(|o| o.short_forms.is_empty()));
        assert!(matches!(parse(&["--help"]), Err(Stop::Done(h)) if h.contains("--offsets UNIT")));
    }

    #[test]
    fn errors_name_the_option() {
        assert!(usage_error(&["--offset", "chars"]).contains("--offset"));
        assert!(usage_error(&["--offsets", "words"]).contains("`words` for --offsets"));
        assert!(usage_error(&["--languages", "fr,xx"]).contains("`xx`"));
        assert!(usage_error(&["--overlaps", "longest"]).contains("`longest` for --overlaps"));
        assert!(usage_error(&["--gazetteer"]).contains("--gazetteer"));
        assert!(usage_error(&["-x"]).contains("-x"));
    }

    #[test]
    fn output_reads_back_as_an_analysis_record() {
        let gaz = Gazetteer::from_tsv_str(BUILTIN_GAZETTEER).unwrap_or_default();
        let analyzer = Analyzer::new(&gaz).unwrap_or_else(|e| panic!("{e}"));
        for offsets in [Offsets::Bytes, Offsets::Chars] {
            let mut out = Vec::new();
            emit(&mut out, &analyzer, offsets, "<demo>", DEMO_TEXT).unwrap_or_else(|e| panic!("{e}"));
            let line = String::from_utf8(out).unwrap_or_default();
            let back: nomina::AnalysisRecord = serde_json::from_str(&line).unwrap_or_else(|e| panic!("{e}"));
            let mut want = analyzer.analyze(DEMO_TEXT).to_record_with(offsets);
            want.doc = Some("<demo>".into());
            assert_eq!(back, want);
            assert_eq!(serde_json::to_string(&back).unwrap_or_default() + "\n", line);
            assert!(back.mentions.len() > 10);
        }
        // The demo has no warnings.
        assert!(gaz.check(analyzer.languages()).is_empty());
    }
}
