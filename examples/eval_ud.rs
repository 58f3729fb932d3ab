//! Measures sentence boundaries and the language of short texts on Universal Dependencies
//! treebanks (or plain lists), the figures quoted in the README.
//!
//! ```text
//! cargo run --release --example eval_ud -- sentences [--group N] [--errors PATH] FILE.conllu...
//! cargo run --release --example eval_ud -- languages --unit sent|pair|word [--errors PATH]
//!     [--repeat N] [--min-words N] CODE=PATH...
//! ```
//! A `.conllu` file is read through its `# text = ` lines, one sentence each (get them from
//! <https://universaldependencies.org>, e.g. `fr_gsd-ud-test.conllu`); any other file is a list,
//! one text a line.
//!
//! `sentences`: the sentences of a file are joined by a space, `--group` at a time (default 10:
//! one document), so no line break helps; a boundary is the start of a sentence other than the
//! first; precision, recall and F1 of `analyze`'s boundaries are printed per file.
//!
//! `languages`: each text is analysed alone and its document language compared with CODE
//! (the allowlist is every CODE given). `--unit sent` takes each sentence of a `.conllu` file;
//! `pair` and `word` take one pair of consecutive words (or one word) from each sentence:
//! letters only, at least two, at position `(7 k) mod (words - n + 1)` for the k-th sentence.
//! `--min-words N` keeps only the sentences with at least N such words (`sent` unit). Lists are
//! read as they are whatever the unit. Prints the accuracy and the throughput in
//! texts per second (one thread, `--repeat` passes, default 1).

use std::collections::BTreeSet;
use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

use nomina::{Analyzer, Gazetteer, Lang};

const HELP: &str = "\
eval_ud: sentence boundaries and languages of short texts on Universal Dependencies data

Usage:
  eval_ud sentences [--group N] [--errors PATH] FILE.conllu...
  eval_ud languages --unit sent|pair|word [--errors PATH] [--repeat N] [--min-words N] CODE=PATH...

A .conllu file is read through its `# text = ` lines; any other file is a list, one text a line.
  --group N      sentences: sentences joined by a space per document. Default: 10.
  --unit UNIT    languages: whole sentences, or a pair of words / one word from each sentence.
  --errors PATH  Write every wrong boundary (FP/FN with context) or language to PATH.
  --repeat N     languages: analyse every text N times for the throughput. Default: 1.
  --min-words N  languages, unit sent: only sentences with N words of letters (two or more
                 letters each) or more. Default: 0 (every sentence).
Example:
  eval_ud languages --unit pair fr=fr_gsd-ud-test.conllu it=it_isdt-ud-test.conllu en=en_ewt-ud-test.conllu
";

fn texts(path: &str) -> Result<Vec<String>, String> {
    let s = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    Ok(if path.ends_with(".conllu") {
        s.lines()
            .filter_map(|l| l.strip_prefix("# text = "))
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect()
    } else {
        s.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect()
    })
}

/// `n` consecutive words of letters (two or more each) from each sentence.
fn words(sentences: &[String], n: usize) -> Vec<String> {
    let mut out = Vec::new();
    for (k, t) in sentences.iter().enumerate() {
        let w: Vec<&str> = t
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| w.chars().count() >= 2 && w.chars().all(char::is_alphabetic))
            .collect();
        if w.len() >= n {
            let at = (k * 7) % (w.len() - n + 1);
            out.push(w[at..at + n].join(" "));
        }
    }
    out
}

fn context(doc: &str, at: usize) -> String {
    let mut lo = at.saturating_sub(40);
    while !doc.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = (at + 30).min(doc.len());
    while !doc.is_char_boundary(hi) {
        hi += 1;
    }
    format!("{}|{}", &doc[lo..at], &doc[at..hi])
}

fn sentences(
    a: &Analyzer,
    files: &[String],
    group: usize,
    errors: &mut Option<std::fs::File>,
) -> Result<(), String> {
    for path in files {
        let sents = texts(path)?;
        let (mut tp, mut fp, mut fneg) = (0usize, 0usize, 0usize);
        for chunk in sents.chunks(group.max(1)) {
            let doc = chunk.join(" ");
            let mut gold = BTreeSet::new();
            let mut at = 0;
            for s in &chunk[..chunk.len() - 1] {
                at += s.len() + 1;
                gold.insert(at);
            }
            let an = a.analyze(&doc);
            let pred: BTreeSet<usize> = an
                .sentences()
                .iter()
                .map(|s| s.start())
                .filter(|&s| s > 0)
                .collect();
            for &p in pred.difference(&gold) {
                fp += 1;
                if let Some(e) = errors {
                    writeln!(e, "FP\t{}", context(&doc, p)).map_err(|e| e.to_string())?;
                }
            }
            for &g in gold.difference(&pred) {
                fneg += 1;
                if let Some(e) = errors {
                    writeln!(e, "FN\t{}", context(&doc, g)).map_err(|e| e.to_string())?;
                }
            }
            tp += pred.intersection(&gold).count();
        }
        let p = tp as f64 / (tp + fp).max(1) as f64;
        let r = tp as f64 / (tp + fneg).max(1) as f64;
        let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        println!("{path}: P {p:.3} R {r:.3} F1 {f1:.3} (tp {tp} fp {fp} fn {fneg})");
    }
    Ok(())
}

fn languages(
    unit: &str,
    specs: &[String],
    repeat: usize,
    min_words: usize,
    errors: &mut Option<std::fs::File>,
) -> Result<(), String> {
    let mut sets = Vec::new();
    for spec in specs {
        let (code, path) = spec
            .split_once('=')
            .ok_or_else(|| format!("expected CODE=PATH, got `{spec}`"))?;
        let lang: Lang = code.parse().map_err(|e| format!("{e}"))?;
        let mut items = texts(path)?;
        if path.ends_with(".conllu") {
            items = match unit {
                "sent" => items
                    .into_iter()
                    .filter(|s| min_words == 0 || words(std::slice::from_ref(s), min_words).len() == 1)
                    .collect(),
                "pair" => words(&items, 2),
                "word" => words(&items, 1),
                _ => return Err(format!("unknown unit `{unit}`")),
            };
        }
        sets.push((lang, items));
    }
    let gaz = Gazetteer::from_tsv_str("Q380\torganization\tMeta\n").map_err(|e| e.to_string())?;
    let mut b = Analyzer::builder(&gaz);
    b.languages(sets.iter().map(|s| s.0));
    let a = b.build().map_err(|e| e.to_string())?;
    let (mut total, mut right) = (0usize, 0usize);
    let t0 = Instant::now();
    for pass in 0..repeat.max(1) {
        for (lang, items) in &sets {
            for it in items {
                let got = a.analyze(it).language();
                if pass > 0 {
                    continue;
                }
                total += 1;
                if got == Some(*lang) {
                    right += 1;
                } else if let Some(e) = errors {
                    writeln!(e, "{lang}\t{}\t{it}", got.map_or("-", Lang::code))
                        .map_err(|e| e.to_string())?;
                }
            }
        }
    }
    let secs = t0.elapsed().as_secs_f64();
    let per_sec = (total * repeat.max(1)) as f64 / secs;
    println!(
        "{unit}: {right}/{total} = {:.3}; {per_sec:.0} texts/s",
        right as f64 / total.max(1) as f64
    );
    Ok(())
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let mode = args.next().unwrap_or_default();
    let (mut group, mut unit, mut repeat, mut min_words) = (10usize, String::from("sent"), 1usize, 0usize);
    let mut errors = None;
    let mut rest = Vec::new();
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--group" => group = value()?.parse().map_err(|e| format!("--group: {e}"))?,
            "--unit" => unit = value()?,
            "--min-words" => min_words = value()?.parse().map_err(|e| format!("--min-words: {e}"))?,
            "--repeat" => repeat = value()?.parse().map_err(|e| format!("--repeat: {e}"))?,
            "--errors" => {
                let p = value()?;
                errors = Some(std::fs::File::create(&p).map_err(|e| format!("{p}: {e}"))?);
            }
            "-h" | "--help" => {
                print!("{HELP}");
                return Ok(());
            }
            _ => rest.push(a),
        }
    }
    match mode.as_str() {
        "sentences" => {
            let gaz = Gazetteer::from_tsv_str("Q380\torganization\tMeta\n").map_err(|e| e.to_string())?;
            let a = Analyzer::new(&gaz).map_err(|e| e.to_string())?;
            sentences(&a, &rest, group, &mut errors)
        }
        "languages" => languages(&unit, &rest, repeat, min_words, &mut errors),
        "-h" | "--help" => {
            print!("{HELP}");
            Ok(())
        }
        _ => Err(format!("unknown mode `{mode}`\n{HELP}")),
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("eval_ud: {e}");
            ExitCode::FAILURE
        }
    }
}
