//! Measures nomina on a large corpus, streamed from disk.
//!
//! ```text
//! cargo run --release --example corpus_bench -- --gazetteer G.tsv --corpus PATH
//!     [--threads N] [--stage match|all] [--limit-mb M] [--json] [--baseline] [--short-forms]
//! cargo run --release --example corpus_bench -- --help
//! ```
//! The data of the README's figures is rebuilt by `tools/bench-data/` (see `benches/README.md`).
//! PATH is a `.jsonl` file (one document a line, with a `text` field), a `.txt` file (one
//! document), or a directory of `.txt` files. The corpus is read in batches of about 8 MB, never
//! whole. `--stage match` times `Analyzer::find` (folding, automaton, boundaries, elision,
//! capitalisation, mentions); `--stage all` times `Analyzer::analyze` (languages, sentences and
//! mentions). `--baseline` also runs a bare aho-corasick automaton (contiguous NFA,
//! leftmost-longest, no word boundaries) over the folded names and the folded documents
//! (`nomina::fold`, not timed), and daachorse (charwise double-array, leftmost-longest) likewise,
//! so the ratios are measured in the same run. `--short-forms` (with `--stage all`) times, on
//! the same batches, the analyzer without post-passes (context resolution off), the default
//! one (context resolution on) and one with short forms for persons too.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use daachorse::{
    CharwiseDoubleArrayAhoCorasick, CharwiseDoubleArrayAhoCorasickBuilder, MatchKind as DaacMatchKind,
};
use nomina::{Analyzer, Gazetteer};
use rayon::prelude::*;

/// `println!` that ends the program quietly when standard output is closed (`| head`)
/// instead of panicking.
macro_rules! out {
    ($($arg:tt)*) => {{
        let mut stdout = std::io::stdout().lock();
        if writeln!(stdout, $($arg)*).is_err() {
            std::process::exit(0);
        }
    }};
}

/// Documents are read in batches of this many bytes (8 MiB) for one thread, and four times as many
/// for several: the threads wait for each other at the end of a batch, for as long as the last
/// long document takes (the corpus holds documents of up to 800 KB), which on 8 MiB batches left
/// two threads idle for 5% to 8% of the time.
const BATCH_BYTES: usize = 8 << 20;

struct Args {
    gazetteer: PathBuf,
    corpus: PathBuf,
    threads: usize,
    batch: usize,
    stage: String,
    limit: Option<usize>,
    json: bool,
    baseline: bool,
    short_forms: bool,
    keep_common_words: bool,
}

const HELP: &str = "\
corpus_bench: measure nomina on a large corpus, streamed from disk

Usage: corpus_bench --gazetteer G.tsv --corpus PATH [OPTIONS]

Options:
  -g, --gazetteer PATH  The gazetteer, TSV or JSON Lines (.jsonl). Required.
                        Example: --gazetteer bench-data/gazetteer/gaz-100k.tsv
  -c, --corpus PATH     A .jsonl file (one document a line, with a `text` field), a .txt file
                        (one document) or a directory of .txt files. Required.
                        Example: --corpus bench-data/corpus/corpus.jsonl
  -t, --threads N       Threads (rayon, one shared analyzer). Default: 1.  Example: -t 2
      --batch-mb M      Read and time the documents M MiB at a time. Default: 8 for one
                        thread, 32 for more (the threads wait for each other at the end of
                        a batch).  Example: --batch-mb 16
  -s, --stage STAGE     `match` (Analyzer::find: folding, automaton, checks; the default) or
                        `all` (Analyzer::analyze: languages, sentences and mentions).
      --limit-mb M      Read at most M MB (10^6 bytes) of text.  Example: --limit-mb 15
      --json            Print one JSON object with every figure instead of text.
      --baseline        Also run bare aho-corasick and daachorse over the folded names and
                        documents (nomina::fold, not timed), for ratios in the same run.
      --short-forms     With --stage all: also time, on the same documents, the analyzer
                        without post-passes (context resolution off) and one with short forms
                        for persons, to show what they cost.
      --keep-common-words
                        Build the analyzer without the guard against names that are common
                        words (AnalyzerBuilder::common_words(false)), to measure what it does.
  -h, --help            Print this help.

Example:
  cargo run --release --example corpus_bench -- -g bench-data/gazetteer/gaz-100k.tsv \\
      -c bench-data/corpus/corpus.jsonl --stage all --threads 2 --baseline
";

/// Parses the command line; `Err(None)` asks for the help, `Err(Some(msg))` is a usage error
/// naming the option.
fn parse_args() -> Result<Args, Option<String>> {
    use lexopt::prelude::*;
    fn text(p: &mut lexopt::Parser, name: &str) -> Result<String, Option<String>> {
        let v = p.value().map_err(|e| Some(e.to_string()))?;
        v.into_string()
            .map_err(|v| Some(format!("invalid value {v:?} for {name}: not valid UTF-8")))
    }
    fn number<T: std::str::FromStr>(p: &mut lexopt::Parser, name: &str) -> Result<T, Option<String>> {
        let v = text(p, name)?;
        v.parse()
            .map_err(|_| Some(format!("invalid value `{v}` for {name}: expected a number")))
    }
    let mut gazetteer = None;
    let mut corpus = None;
    let mut threads = 1;
    let mut batch = None;
    let mut stage = "match".to_string();
    let mut limit = None;
    let mut json = false;
    let mut baseline = false;
    let mut short_forms = false;
    let mut keep_common_words = false;
    let mut p = lexopt::Parser::from_env();
    while let Some(arg) = p.next().map_err(|e| Some(e.to_string()))? {
        match arg {
            Short('g') | Long("gazetteer") => gazetteer = Some(PathBuf::from(text(&mut p, "--gazetteer")?)),
            Short('c') | Long("corpus") => corpus = Some(PathBuf::from(text(&mut p, "--corpus")?)),
            Short('t') | Long("threads") => threads = number(&mut p, "--threads")?,
            Long("batch-mb") => {
                let mb: usize = number(&mut p, "--batch-mb")?;
                batch = Some(mb.checked_mul(1 << 20).filter(|&b| b > 0).ok_or_else(|| {
                    Some(format!(
                        "invalid value `{mb}` for --batch-mb: expected 1 to {}",
                        usize::MAX >> 20
                    ))
                })?);
            }
            Short('s') | Long("stage") => {
                stage = text(&mut p, "--stage")?;
                if stage != "match" && stage != "all" {
                    return Err(Some(format!(
                        "invalid value `{stage}` for --stage (expected `match` or `all`)"
                    )));
                }
            }
            Long("limit-mb") => {
                let mb: f64 = number(&mut p, "--limit-mb")?;
                limit = Some((mb * 1e6) as usize);
            }
            Long("json") => json = true,
            Long("baseline") => baseline = true,
            Long("short-forms") => short_forms = true,
            Long("keep-common-words") => keep_common_words = true,
            Short('h') | Long("help") => return Err(None),
            _ => return Err(Some(arg.unexpected().to_string())),
        }
    }
    if short_forms && stage != "all" {
        return Err(Some(
            "--short-forms needs --stage all (Analyzer::find runs no post-pass)".into(),
        ));
    }
    Ok(Args {
        gazetteer: gazetteer.ok_or(Some("--gazetteer is required".to_string()))?,
        corpus: corpus.ok_or(Some("--corpus is required".to_string()))?,
        threads: threads.max(1),
        batch: batch.unwrap_or(if threads > 1 { 4 * BATCH_BYTES } else { BATCH_BYTES }),
        stage,
        limit,
        json,
        baseline,
        short_forms,
        keep_common_words,
    })
}

/// Streams documents in batches of about `batch` bytes.
struct Corpus {
    batch: usize,
    files: Vec<PathBuf>,
    next_file: usize,
    jsonl: Option<(std::io::BufReader<std::fs::File>, PathBuf, usize)>,
    limit: usize,
    read: usize,
}

impl Corpus {
    fn open(path: &Path, limit: Option<usize>, batch: usize) -> Result<Corpus, String> {
        let files = if path.is_dir() {
            let mut v: Vec<PathBuf> = std::fs::read_dir(path)
                .map_err(|e| format!("{}: {e}", path.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect();
            v.sort();
            v
        } else if path.exists() {
            vec![path.to_path_buf()]
        } else {
            return Err(format!("{}: no such file or directory", path.display()));
        };
        Ok(Corpus {
            batch,
            files,
            next_file: 0,
            jsonl: None,
            limit: limit.unwrap_or(usize::MAX),
            read: 0,
        })
    }

    /// The next batch of documents, or an empty one at the end.
    fn batch(&mut self) -> Result<Vec<String>, String> {
        let mut docs = Vec::new();
        let mut bytes = 0;
        while bytes < self.batch && self.read < self.limit {
            if let Some((reader, path, line)) = &mut self.jsonl {
                let mut buf = String::new();
                match reader.read_line(&mut buf) {
                    Ok(0) => {
                        self.jsonl = None;
                        continue;
                    }
                    Ok(_) => {
                        *line += 1;
                        if buf.trim().is_empty() {
                            continue;
                        }
                        let v: serde_json::Value = serde_json::from_str(&buf)
                            .map_err(|e| format!("{}:{line}: invalid JSON: {e}", path.display()))?;
                        let text = v
                            .get("text")
                            .and_then(|t| t.as_str())
                            .ok_or_else(|| format!("{}:{line}: no string `text` field", path.display()))?;
                        bytes += text.len();
                        self.read += text.len();
                        docs.push(text.to_string());
                    }
                    Err(e) => return Err(format!("{}:{}: {e}", path.display(), *line + 1)),
                }
                continue;
            }
            let Some(path) = self.files.get(self.next_file).cloned() else {
                break;
            };
            self.next_file += 1;
            if path.extension().is_some_and(|x| x == "jsonl") {
                let f = std::fs::File::open(&path).map_err(|e| format!("{}: {e}", path.display()))?;
                self.jsonl = Some((std::io::BufReader::with_capacity(1 << 20, f), path, 0));
            } else {
                let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
                bytes += text.len();
                self.read += text.len();
                docs.push(text);
            }
        }
        Ok(docs)
    }
}

fn peak_rss_mib() -> f64 {
    status_kib("VmHWM") / 1024.0
}

/// Asks the C allocator to give the pages it keeps free back to the system. glibc keeps the
/// memory freed by the build's temporaries and by the dropped gazetteer in its heap,
/// counted in RSS though unused; a long-running program can call `malloc_trim` as here, or use
/// another allocator. True if it was called (Linux with glibc only).
fn give_back_freed_memory() -> bool {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        unsafe extern "C" {
            fn malloc_trim(pad: usize) -> i32;
        }
        // SAFETY: malloc_trim takes a byte count and touches only the allocator's free lists.
        unsafe { malloc_trim(0) };
        true
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    {
        false
    }
}

fn rss_mib() -> f64 {
    status_kib("VmRSS") / 1024.0
}

fn status_kib(key: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(key))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0.0)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(None) => {
            print!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Err(Some(e)) => {
            eprintln!("corpus_bench: {e}\nTry `corpus_bench --help` for the options.");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("corpus_bench: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> Result<(), String> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads)
        .build()
        .map_err(|e| e.to_string())?;
    let t = Instant::now();
    let gaz = if args.gazetteer.extension().is_some_and(|x| x == "jsonl") {
        Gazetteer::from_jsonl_path(&args.gazetteer)
    } else {
        Gazetteer::from_tsv_path(&args.gazetteer)
    }
    .map_err(|e| {
        // The I/O cause of `Error::Io` is its source, not part of its message.
        match std::error::Error::source(&e) {
            Some(cause) => format!("{e}: {cause}"),
            None => e.to_string(),
        }
    })?;
    let load_s = t.elapsed().as_secs_f64();
    let rss_after_load = rss_mib();
    let t = Instant::now();
    let analyzer = Analyzer::builder(&gaz)
        .common_words(!args.keep_common_words)
        .build()
        .map_err(|e| e.to_string())?;
    let build_s = t.elapsed().as_secs_f64();
    // (label, analyzer, time, mentions, short forms, resolved by context)
    let mut variants: Vec<(&str, Analyzer, Duration, usize, usize, usize)> = Vec::new();
    if args.short_forms {
        let plain = Analyzer::builder(&gaz)
            .context_resolution(false)
            .build()
            .map_err(|e| e.to_string())?;
        let short = Analyzer::builder(&gaz)
            .short_forms([nomina::Kind::Person])
            .build()
            .map_err(|e| e.to_string())?;
        variants.push(("no post-pass (context off)", plain, Duration::ZERO, 0, 0, 0));
        variants.push(("default (context on)", analyzer.clone(), Duration::ZERO, 0, 0, 0));
        variants.push(("short forms (person) + context", short, Duration::ZERO, 0, 0, 0));
    }
    let baseline = if args.baseline {
        let mut names: Vec<String> = gaz
            .entities()
            .flat_map(|e| e.names().map(|n| nomina::fold(n.text())))
            .collect();
        names.sort_unstable();
        names.dedup();
        let t = Instant::now();
        let ac = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .match_kind(MatchKind::LeftmostLongest)
            .build(&names)
            .map_err(|e| e.to_string())?;
        let ac_build = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let daac: CharwiseDoubleArrayAhoCorasick<u32> = CharwiseDoubleArrayAhoCorasickBuilder::new()
            .match_kind(DaacMatchKind::LeftmostLongest)
            .build(&names)
            .map_err(|e| e.to_string())?;
        let daac_build = t.elapsed().as_secs_f64();
        if !args.json {
            out!(
                "baselines built: aho-corasick NFA {ac_build:.2} s, {:.1} MiB; daachorse charwise {daac_build:.2} s, {:.1} MiB",
                ac.memory_usage() as f64 / (1 << 20) as f64,
                daac.heap_bytes() as f64 / (1 << 20) as f64
            );
        }
        Some((ac, daac))
    } else {
        None
    };
    let names = gaz.names_len();
    let gaz_mib = gaz.memory() as f64 / (1 << 20) as f64;
    drop(gaz);
    let rss_after_build = rss_mib();
    let rss_trimmed = give_back_freed_memory().then(rss_mib);
    let log = !args.json;
    if log {
        out!(
            "gazetteer: {names} names ({gaz_mib:.1} MiB), {} patterns; load {load_s:.2} s, build {build_s:.2} s; automaton {:.1} MiB, tables {:.1} MiB; RSS after load {rss_after_load:.0} MiB, after build (gazetteer dropped) {rss_after_build:.0} MiB{}",
            analyzer.patterns_len(),
            analyzer.automaton_memory() as f64 / (1 << 20) as f64,
            analyzer.tables_memory() as f64 / (1 << 20) as f64,
            rss_trimmed.map_or(String::new(), |r| format!(
                ", {r:.0} MiB once freed memory is given back"
            ))
        );
    }

    let progress = std::io::stderr().is_terminal();
    let mut corpus = Corpus::open(&args.corpus, args.limit, args.batch)?;
    let (mut bytes, mut docs, mut mentions) = (0usize, 0usize, 0usize);
    let (mut elapsed, mut base_elapsed, mut base_matches) = (Duration::ZERO, Duration::ZERO, 0usize);
    let (mut daac_elapsed, mut daac_matches) = (Duration::ZERO, 0usize);
    let started = Instant::now();
    let mut last_report = Instant::now();
    loop {
        let batch = corpus.batch()?;
        if batch.is_empty() {
            break;
        }
        let batch_bytes: usize = batch.iter().map(String::len).sum();
        let t = Instant::now();
        let found: usize = pool.install(|| {
            if args.stage == "match" {
                batch.par_iter().map(|d| analyzer.find(d).len()).sum()
            } else {
                batch
                    .par_iter()
                    .map(|d| analyzer.analyze(d).mentions().len())
                    .sum()
            }
        });
        elapsed += t.elapsed();
        for (_, a, time, found, short, resolved) in &mut variants {
            let t = Instant::now();
            let (f, s, r) = pool.install(|| {
                batch
                    .par_iter()
                    .map(|d| {
                        let analysis = a.analyze(d);
                        let m = analysis.mentions();
                        (
                            m.len(),
                            m.iter()
                                .filter(|m| m.match_kind() == nomina::MatchKind::ShortForm)
                                .count(),
                            m.iter().filter(|m| m.resolved_by_context()).count(),
                        )
                    })
                    .reduce(|| (0, 0, 0), |x, y| (x.0 + y.0, x.1 + y.1, x.2 + y.2))
            });
            *time += t.elapsed();
            (*found, *short, *resolved) = (*found + f, *short + s, *resolved + r);
        }
        if let Some((ac, daac)) = &baseline {
            let lower: Vec<String> = batch.iter().map(|d| nomina::fold(d)).collect();
            let t = Instant::now();
            base_matches += pool.install(|| lower.par_iter().map(|d| ac.find_iter(d).count()).sum::<usize>());
            base_elapsed += t.elapsed();
            let t = Instant::now();
            daac_matches += pool.install(|| {
                lower
                    .par_iter()
                    .map(|d| daac.leftmost_find_iter(d).count())
                    .sum::<usize>()
            });
            daac_elapsed += t.elapsed();
        }
        bytes += batch_bytes;
        docs += batch.len();
        mentions += found;
        if progress && last_report.elapsed() > Duration::from_secs(2) {
            eprint!(
                "\r{:.0} MB, {docs} docs, {mentions} mentions, {:.1} MB/s   ",
                bytes as f64 / 1e6,
                bytes as f64 / 1e6 / elapsed.as_secs_f64()
            );
            let _ = std::io::stderr().flush();
            last_report = Instant::now();
        }
    }
    if progress && started.elapsed() > Duration::from_secs(2) {
        eprintln!();
    }
    let mb_s = bytes as f64 / 1e6 / elapsed.as_secs_f64().max(1e-9);
    let base_mb_s = bytes as f64 / 1e6 / base_elapsed.as_secs_f64().max(1e-9);
    let daac_mb_s = bytes as f64 / 1e6 / daac_elapsed.as_secs_f64().max(1e-9);
    if args.json {
        let mut v = serde_json::json!({
            "stage": args.stage,
            "threads": args.threads,
            "batch_bytes": args.batch,
            "names": names,
            "bytes": bytes,
            "docs": docs,
            "mentions": mentions,
            "mb_s": round(mb_s),
            "load_s": round(load_s),
            "build_s": round(build_s),
            "automaton_mib": round(analyzer.automaton_memory() as f64 / (1 << 20) as f64),
            "tables_mib": round(analyzer.tables_memory() as f64 / (1 << 20) as f64),
            "rss_after_load_mib": round(rss_after_load),
            "gazetteer_mib": round(gaz_mib),
            "rss_after_build_mib": round(rss_after_build),
            "rss_after_trim_mib": rss_trimmed.map(round),
            "peak_rss_mib": round(peak_rss_mib()),
        });
        if baseline.is_some() {
            v["baseline_mb_s"] = serde_json::json!(round(base_mb_s));
            v["baseline_matches"] = serde_json::json!(base_matches);
            v["daachorse_mb_s"] = serde_json::json!(round(daac_mb_s));
            v["daachorse_matches"] = serde_json::json!(daac_matches);
        }
        if !variants.is_empty() {
            v["variants"] = variants
                .iter()
                .map(|(label, _, time, found, short, resolved)| {
                    serde_json::json!({
                        "label": label,
                        "mb_s": round(bytes as f64 / 1e6 / time.as_secs_f64().max(1e-9)),
                        "mentions": found,
                        "short_forms": short,
                        "resolved_by_context": resolved,
                    })
                })
                .collect();
        }
        out!("{v}");
    } else {
        out!(
            "{}: {:.1} MB in {docs} docs, {mentions} mentions, {:.2} s, {mb_s:.1} MB/s ({} thread{}); peak RSS {:.0} MiB",
            args.stage,
            bytes as f64 / 1e6,
            elapsed.as_secs_f64(),
            args.threads,
            if args.threads == 1 { "" } else { "s" },
            peak_rss_mib()
        );
        if baseline.is_some() {
            out!(
                "baseline (bare aho-corasick, contiguous NFA, leftmost-longest, substrings): {base_matches} matches, {base_mb_s:.1} MB/s; nomina/baseline = {:.2}",
                mb_s / base_mb_s
            );
            out!(
                "baseline (daachorse charwise, leftmost-longest, substrings): {daac_matches} matches, {daac_mb_s:.1} MB/s; nomina/daachorse = {:.2}",
                mb_s / daac_mb_s
            );
        }
        for (label, _, time, found, short, resolved) in &variants {
            out!(
                "  {label}: {:.1} MB/s, {found} mentions ({short} short forms, {resolved} resolved by context)",
                bytes as f64 / 1e6 / time.as_secs_f64().max(1e-9)
            );
        }
    }
    Ok(())
}

fn round(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
