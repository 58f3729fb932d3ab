//! Annotates text files with gazetteer mentions, one JSON object per input.
//!
//! ```text
//! cargo run --release --example annotate -- [--gazetteer G.tsv|G.jsonl] [--languages fr,it,en] [FILE...]
//! ```
//! Without `--gazetteer`, a small built-in gazetteer is used; without files, standard input is
//! read, and when standard input is a terminal (or empty), a short built-in demo text.
//! A file that cannot be read or is not UTF-8 is reported on stderr with its name; the other
//! files are still processed and the exit code is 1.

use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

use nomina::{Analyzer, Gazetteer, Lang};

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
    let mut gazetteer_path = None;
    let mut languages: Option<Vec<Lang>> = None;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--gazetteer" | "-g" => match args.next() {
                Some(p) => gazetteer_path = Some(p),
                None => return usage("--gazetteer needs a path"),
            },
            "--languages" | "-l" => match args.next() {
                Some(list) => {
                    let mut v = Vec::new();
                    for code in list.split(',').filter(|c| !c.trim().is_empty()) {
                        match Lang::from_code(code) {
                            Some(l) => v.push(l),
                            None => return usage(&format!("unknown language code `{code}`")),
                        }
                    }
                    languages = Some(v);
                }
                None => return usage("--languages needs a list such as fr,it,en"),
            },
            "--help" | "-h" => {
                println!("usage: annotate [--gazetteer G.tsv|G.jsonl] [--languages fr,it,en] [FILE...]");
                return ExitCode::SUCCESS;
            }
            _ if arg.starts_with('-') && arg != "-" => return usage(&format!("unknown option `{arg}`")),
            _ => files.push(arg),
        }
    }

    let gazetteer = match &gazetteer_path {
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
    if let Some(l) = languages {
        builder.languages(l);
    }
    let analyzer = match builder.build() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("annotate: {}", chain(&e));
            return ExitCode::from(2);
        }
    };

    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut failed = false;
    if files.is_empty() {
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
        if emit(&mut out, &analyzer, doc, &text).is_err() {
            return ExitCode::FAILURE;
        }
    }
    for file in &files {
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
                if emit(&mut out, &analyzer, file, &text).is_err() {
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

fn emit(out: &mut impl Write, analyzer: &Analyzer, doc: &str, text: &str) -> std::io::Result<()> {
    let mut record = analyzer.analyze(text).to_record();
    record.doc = Some(doc.to_string());
    serde_json::to_writer(&mut *out, &record)?;
    out.write_all(b"\n")
}

fn usage(msg: &str) -> ExitCode {
    eprintln!(
        "annotate: {msg}\nusage: annotate [--gazetteer G.tsv|G.jsonl] [--languages fr,it,en] [FILE...]"
    );
    ExitCode::from(2)
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
