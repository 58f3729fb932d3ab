//! Criterion benches, one group per stage, each with a bare aho-corasick baseline over the same
//! bytes in the same group, so the cost of each layer reads as a ratio in one run.
//!
//! The data is generated here, deterministically: news-style paragraphs written for this bench
//! (French, Italian, English) repeated with variations to ~2 MB, and gazetteers of 1k and 100k
//! names built combinatorially from our own lists (some of which occur in the text). Every bench
//! asserts the mention count it expects, so it never measures a broken matcher.
//!
//! `cargo bench` runs them all in a few minutes; `cargo bench -- match` runs one group.

use std::hint::black_box;
use std::time::Duration;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind as AcMatchKind};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use nomina::{Analyzer, Gazetteer, Kind, Name};

const PARAGRAPHS: &[&str] = &[
    "Selon une plainte déposée mardi devant le tribunal de Californie, Meta aurait donné à Netflix un accès privilégié aux messages privés des utilisateurs de Messenger. M. Reed Hastings siégeait alors au conseil d’administration de Facebook. « C’est faux », a répondu un porte-parole du groupe, qui dément toute transmission de données personnelles.",
    "La Commission de l’Union européenne a ouvert une enquête sur les pratiques publicitaires des grandes plateformes. À Bruxelles, on estime que l’amende pourrait atteindre 1,2 milliard d’euros. Giulia Rossi, avocate à Milan, parle d’un dossier « sans précédent » pour la protection de la vie privée.",
    "Secondo la denuncia, Netflix avrebbe avuto accesso ai messaggi privati degli utenti di Facebook per quasi dieci anni. Il portavoce di Meta, Andy Stone, ha smentito su X. L'azione legale collettiva è stata depositata negli Stati Uniti e seguita con attenzione dall'Unione europea.",
    "Il Garante della privacy ha chiesto chiarimenti alla Banca di Torino dopo la fuga di dati. Marco Bianchi, esperto di sicurezza, spiega che le informazioni di migliaia di clienti erano accessibili da un semplice link. La società ha annunciato un audit entro la fine del mese.",
    "The lawsuit claims that Facebook gave Netflix access to private messages in exchange for viewing data. Elon Musk amplified the claim on X, while Meta called it false. Lawyers for the plaintiffs, Maximilian Klein and Sarah Grabert, say the documents speak for themselves.",
    "Les salariés de l’usine Renault de Flins ont voté la grève jeudi. À Paris, le ministre a reçu les syndicats, tandis que Lucia Ferrari, économiste à Rome, juge la situation « préoccupante ». Le constructeur promet de nouveaux investissements en France et en Italie d’ici 2026.",
];

const FIRST: &[&str] = &[
    "Giulia",
    "Marco",
    "Lucia",
    "Andy",
    "Sarah",
    "Reed",
    "Elon",
    "Maximilian",
    "Chiara",
    "Luca",
    "Sophie",
    "Julien",
    "Camille",
    "Antoine",
    "Francesca",
    "Matteo",
    "Emma",
    "Hugo",
    "Alice",
    "Paolo",
    "Claire",
    "Thomas",
    "Elena",
    "Nicolas",
    "Sara",
    "Pierre",
    "Anna",
    "Louis",
    "Marta",
    "Yann",
    "Greta",
    "Olivier",
    "Laura",
    "Enzo",
    "Ines",
    "Bruno",
    "Nora",
    "Victor",
    "Irene",
    "Samuel",
];
const LAST: &[&str] = &[
    "Rossi",
    "Bianchi",
    "Ferrari",
    "Stone",
    "Grabert",
    "Hastings",
    "Musk",
    "Klein",
    "Romano",
    "Colombo",
    "Martin",
    "Bernard",
    "Dubois",
    "Moreau",
    "Laurent",
    "Simon",
    "Michel",
    "Lefèvre",
    "Leroy",
    "Roux",
    "Esposito",
    "Ricci",
    "Marino",
    "Greco",
    "Bruno",
    "Gallo",
    "Conti",
    "De Luca",
    "Mancini",
    "Costa",
    "Giordano",
    "Rizzo",
    "Lombardi",
    "Moretti",
    "Fontaine",
    "Chevalier",
    "Garnier",
    "Faure",
    "Blanc",
    "Guerin",
    "Muller",
    "Henry",
    "Rousseau",
    "Mercier",
    "Boyer",
    "Girard",
    "Andre",
    "Bonnet",
    "Francois",
    "Lambert",
];
const PLACES: &[&str] = &[
    "Milan",
    "Milano",
    "Rome",
    "Roma",
    "Paris",
    "Turin",
    "Torino",
    "Flins",
    "Bruxelles",
    "Californie",
    "Lyon",
    "Marseille",
    "Napoli",
    "Firenze",
    "Venezia",
    "Bologna",
    "Genova",
    "Nice",
    "Lille",
    "Nantes",
];
const ORG_WORDS: &[&str] = &[
    "Banca",
    "Groupe",
    "Società",
    "Fondation",
    "Istituto",
    "Compagnie",
    "Agenzia",
    "Banque",
];

/// About `target` bytes of text: the paragraphs, repeated, with numbered variations.
fn text(target: usize) -> String {
    let mut out = String::with_capacity(target + 1024);
    let mut k = 0usize;
    while out.len() < target {
        let p = PARAGRAPHS[k % PARAGRAPHS.len()];
        out.push_str(p);
        out.push_str(&format!(" (dépêche n° {k})\n\n"));
        k += 1;
    }
    out
}

/// A gazetteer of `n` names: the entities of the paragraphs first, then generated people and
/// organisations (most of which never occur).
fn gazetteer(n: usize) -> Gazetteer {
    let mut b = Gazetteer::builder();
    let fixed: &[(&str, Kind, &str)] = &[
        ("Q380", Kind::Organization, "Meta"),
        ("Q355", Kind::Organization, "Facebook"),
        ("Q907112", Kind::Organization, "Netflix"),
        ("Q3403", Kind::Product, "Messenger"),
        ("Q918", Kind::Organization, "X"),
        ("Q458", Kind::Organization, "Union européenne"),
        ("Q458", Kind::Organization, "Unione europea"),
        ("Q30", Kind::Location, "Stati Uniti"),
        ("Q142", Kind::Location, "France"),
        ("Q38", Kind::Location, "Italie"),
        ("Q6686", Kind::Organization, "Renault"),
        ("Q317521", Kind::Person, "Elon Musk"),
        ("Q363233", Kind::Person, "Reed Hastings"),
    ];
    let mut count = 0;
    for (id, kind, name) in fixed {
        b.add(id, kind.clone(), Name::new(name)).expect("fixed name");
        count += 1;
    }
    'outer: for place in PLACES {
        b.add(&format!("L:{place}"), Kind::Location, Name::new(place))
            .expect("place");
        count += 1;
        for w in ORG_WORDS {
            if count >= n {
                break 'outer;
            }
            b.add(
                &format!("O:{w}:{place}"),
                Kind::Organization,
                Name::new(&format!("{w} di {place}")),
            )
            .expect("org");
            count += 1;
        }
    }
    let mut i = 0usize;
    while count < n {
        let f = FIRST[i % FIRST.len()];
        let l = LAST[(i / FIRST.len()) % LAST.len()];
        let extra = i / (FIRST.len() * LAST.len());
        let name = if extra == 0 {
            format!("{f} {l}")
        } else {
            format!("{f} {l} {}", suffix(extra))
        };
        b.add(&format!("P{i}"), Kind::Person, Name::new(&name))
            .expect("person");
        count += 1;
        i += 1;
    }
    b.build()
}

/// A deterministic extra name part (`Aba`, `Abe`...), so generated names stay distinct.
fn suffix(mut k: usize) -> String {
    const C: &[u8] = b"bcdfglmnprstvz";
    const V: &[u8] = b"aeiou";
    let mut s = String::from("A");
    while k > 0 {
        s.push(C[k % C.len()] as char);
        k /= C.len();
        s.push(V[k % V.len()] as char);
        k /= V.len();
    }
    s
}

/// The bare baseline: aho-corasick over the folded names, on the folded text.
fn baseline(gaz: &Gazetteer, kind: AhoCorasickKind) -> AhoCorasick {
    let names: Vec<String> = gaz
        .entities()
        .flat_map(|e| e.names().map(|n| nomina::fold(n.text())))
        .collect();
    AhoCorasick::builder()
        .kind(Some(kind))
        .match_kind(AcMatchKind::LeftmostLongest)
        .build(&names)
        .expect("baseline automaton")
}

fn benches(c: &mut Criterion) {
    let text = text(2_000_000);
    let lower = nomina::fold(&text);
    let bytes = text.len() as u64;
    let gazetteers = [("1k", gazetteer(1_000)), ("100k", gazetteer(100_000))];

    // Build.
    {
        let mut g = c.benchmark_group("build");
        g.sample_size(10).measurement_time(Duration::from_secs(5));
        for (label, gaz) in &gazetteers {
            g.bench_with_input(BenchmarkId::new("nomina", label), gaz, |b, gaz| {
                b.iter(|| Analyzer::new(black_box(gaz)).expect("analyzer"))
            });
            g.bench_with_input(BenchmarkId::new("aho-corasick-nfa", label), gaz, |b, gaz| {
                b.iter(|| baseline(black_box(gaz), AhoCorasickKind::ContiguousNFA))
            });
        }
        g.finish();
    }

    // Normalise: `find` with one name that never occurs is folding plus the word scan.
    {
        let none = Gazetteer::from_tsv_str("Z\tmisc\tZzyzzyva Qwxkj\n").expect("gazetteer");
        let a = Analyzer::new(&none).expect("analyzer");
        assert_eq!(a.find(&text).len(), 0);
        let ac = baseline(&none, AhoCorasickKind::DFA);
        let mut g = c.benchmark_group("normalize");
        g.throughput(Throughput::Bytes(bytes)).sample_size(20);
        g.bench_function("nomina-fold-and-scan", |b| {
            b.iter(|| assert_eq!(a.find(black_box(&text)).len(), 0))
        });
        g.bench_function("str-to_lowercase", |b| {
            b.iter(|| black_box(&text).to_lowercase().len())
        });
        g.bench_function("aho-corasick-dfa-1-name", |b| {
            b.iter(|| assert_eq!(ac.find_iter(black_box(&lower)).count(), 0))
        });
        g.finish();
    }

    // Match, at 1k and 100k names.
    {
        let mut g = c.benchmark_group("match");
        g.throughput(Throughput::Bytes(bytes)).sample_size(20);
        for (label, gaz) in &gazetteers {
            let a = Analyzer::new(gaz).expect("analyzer");
            let expected = a.find(&text).len();
            assert!(expected > 1000, "the text must hold mentions ({expected})");
            g.bench_function(BenchmarkId::new("nomina-find", label), |b| {
                b.iter(|| assert_eq!(a.find(black_box(&text)).len(), expected))
            });
            for (kind_label, kind) in [
                ("dfa", AhoCorasickKind::DFA),
                ("nfa", AhoCorasickKind::ContiguousNFA),
            ] {
                if *label == "100k" && kind_label == "dfa" {
                    continue; // hundreds of MiB and minutes to build: see the README figures
                }
                let ac = baseline(gaz, kind);
                let base = ac.find_iter(&lower).count();
                assert!(base >= expected);
                g.bench_function(
                    BenchmarkId::new(format!("aho-corasick-{kind_label}"), label),
                    |b| b.iter(|| assert_eq!(ac.find_iter(black_box(&lower)).count(), base)),
                );
            }
        }
        g.finish();
    }

    // Stemmed tier: the cost of inflection-tolerant names, against the same text without them.
    {
        let plain =
            Gazetteer::from_tsv_str("T\tconcept\tmessage privé\nU\tconcept\tmessaggio privato\n").expect("g");
        let stem = Gazetteer::from_tsv_str(
            "T\tconcept\tmessage privé\t\tstem\nU\tconcept\tmessaggio privato\t\tstem\n",
        )
        .expect("g");
        let a_plain = Analyzer::new(&plain).expect("analyzer");
        let a_stem = Analyzer::new(&stem).expect("analyzer");
        let n_plain = a_plain.analyze(&text).mentions().len();
        let n_stem = a_stem.analyze(&text).mentions().len();
        assert!(
            n_stem > n_plain,
            "stemming must find the inflected forms ({n_stem} vs {n_plain})"
        );
        let mut g = c.benchmark_group("stem");
        g.throughput(Throughput::Bytes(bytes)).sample_size(10);
        g.bench_function("analyze-without-stem-names", |b| {
            b.iter(|| assert_eq!(a_plain.analyze(black_box(&text)).mentions().len(), n_plain))
        });
        g.bench_function("analyze-with-stem-names", |b| {
            b.iter(|| assert_eq!(a_stem.analyze(black_box(&text)).mentions().len(), n_stem))
        });
        g.finish();
    }

    // Sentences and languages, through `analyze` with a gazetteer of one name, against `find`.
    {
        let one = Gazetteer::from_tsv_str("Q380\torganization\tMeta\n").expect("gazetteer");
        let a = Analyzer::new(&one).expect("analyzer");
        let n = a.find(&text).len();
        let analysis = a.analyze(&text);
        assert_eq!(analysis.mentions().len(), n);
        let sentences = analysis.sentences().len();
        assert!(sentences > 10_000);
        let mut g = c.benchmark_group("sentences_languages");
        g.throughput(Throughput::Bytes(bytes)).sample_size(10);
        g.bench_function("nomina-analyze-1-name", |b| {
            b.iter(|| assert_eq!(a.analyze(black_box(&text)).sentences().len(), sentences))
        });
        g.bench_function("nomina-find-1-name", |b| {
            b.iter(|| assert_eq!(a.find(black_box(&text)).len(), n))
        });
        g.bench_function("unicode-segmentation-sentence-bounds", |b| {
            use unicode_segmentation::UnicodeSegmentation;
            b.iter(|| black_box(&text).split_sentence_bounds().count())
        });
        g.finish();
    }

    // End to end at 1k and 100k names.
    {
        let mut g = c.benchmark_group("end_to_end");
        g.throughput(Throughput::Bytes(bytes)).sample_size(10);
        for (label, gaz) in &gazetteers {
            let a = Analyzer::new(gaz).expect("analyzer");
            let expected = a.analyze(&text).mentions().len();
            assert!(expected > 1000);
            g.bench_function(BenchmarkId::new("nomina-analyze", label), |b| {
                b.iter(|| assert_eq!(a.analyze(black_box(&text)).mentions().len(), expected))
            });
            let ac = baseline(gaz, AhoCorasickKind::ContiguousNFA);
            let base = ac.find_iter(&lower).count();
            g.bench_function(BenchmarkId::new("aho-corasick-nfa", label), |b| {
                b.iter(|| assert_eq!(ac.find_iter(black_box(&lower)).count(), base))
            });
        }
        g.finish();
    }
}

criterion_group! {
    name = pipeline;
    config = Criterion::default().warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    targets = benches
}
criterion_main!(pipeline);
