//! Overlap modes and `@`-handles: the contract of `Overlaps::None`, `Overlaps::Nested` and
//! `Overlaps::All`, and of handles against e-mail addresses, in French, Italian and English,
//! with the negative cases. Each case is (text, expected (id, surface) list, in order).

use nomina::{Analyzer, Gazetteer, MatchKind, Overlaps};

const GAZ: &str = "\
QNY\tlocation\tNew York
QNYT\torganization\tNew York Times
QYORK\tlocation\tYork
QTS\tlocation\tTimes Square
Q458\torganization\tUnion européenne\tfr
Q458\torganization\tUnione europea\tit
Q458\torganization\tEuropean Union\ten
QBI\torganization\tBanca d’Italia
Q38\tlocation\tItalia\tit
QASR\torganization\tAS Roma
QROMA\tlocation\tRoma
QAM\tproduct\tApple Music
QAPPLE\torganization\tApple\t\texact
Q380\torganization\tMeta
QMP\torganization\tMeta Platforms
QMUSK\tperson\t@elonmusk
QEM\tperson\tElon Musk
QX\tproduct\tX
QREN\torganization\tRenault
QRS\torganization\tRenault Sport
";

fn analyzer(overlaps: Overlaps) -> Analyzer {
    let gaz = Gazetteer::from_tsv_str(GAZ).expect("test gazetteer");
    Analyzer::builder(&gaz)
        .overlaps(overlaps)
        .build()
        .expect("analyzer")
}

/// Runs every case in one mode, through `analyze`, `mentions` and `find` (`find` checks no
/// languages: cases that depend on them set `langs`).
fn check(overlaps: Overlaps, cases: &[(&str, &[(&str, &str)])]) {
    let a = analyzer(overlaps);
    let mut failures = Vec::new();
    for (text, expected) in cases {
        let analysis = a.analyze(text);
        let got: Vec<(&str, &str)> = analysis.mentions().iter().map(|m| (m.id(), m.text())).collect();
        for m in analysis.mentions() {
            assert_eq!(&text[m.span()], m.text(), "span in {text:?}");
        }
        let iter: Vec<_> = a.mentions(text).collect();
        assert_eq!(iter.as_slice(), analysis.mentions(), "iterator in {text:?}");
        if got != *expected {
            failures.push(format!(
                "{overlaps} {text:?}\n   expected {expected:?}\n   got      {got:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_default_is_none() {
    let gaz = Gazetteer::from_tsv_str(GAZ).unwrap();
    assert_eq!(Analyzer::new(&gaz).unwrap().overlaps(), Overlaps::None);
    assert_eq!(Overlaps::default(), Overlaps::None);
    for o in [Overlaps::None, Overlaps::Nested, Overlaps::All] {
        assert_eq!(o.to_string().parse::<Overlaps>().unwrap(), o);
    }
    let e = "overlapping".parse::<Overlaps>().unwrap_err();
    assert!(e.to_string().contains("`overlapping`"), "{e}");
}

#[test]
fn none_hides_shorter_names() {
    check(
        Overlaps::None,
        &[
            (
                "Le New York Times a interrogé un élu de New York.",
                &[("QNYT", "New York Times"), ("QNY", "New York")],
            ),
            (
                "Il New York Times Square non esiste.",
                &[("QNYT", "New York Times")],
            ),
            (
                "The AS Roma fans met in Roma.",
                &[("QASR", "AS Roma"), ("QROMA", "Roma")],
            ),
        ],
    );
}

#[test]
fn nested_adds_the_names_inside() {
    check(
        Overlaps::Nested,
        &[
            // French: every name inside the longest one, longest first at each start.
            (
                "Le New York Times a interrogé un élu de New York.",
                &[
                    ("QNYT", "New York Times"),
                    ("QNY", "New York"),
                    ("QYORK", "York"),
                    ("QNY", "New York"),
                    ("QYORK", "York"),
                ],
            ),
            // Italian: a name that crosses the end of a mention is not nested.
            (
                "Il New York Times Square non esiste.",
                &[("QNYT", "New York Times"), ("QNY", "New York"), ("QYORK", "York")],
            ),
            (
                "I tifosi dell’AS Roma hanno festeggiato a Roma.",
                &[("QASR", "AS Roma"), ("QROMA", "Roma"), ("QROMA", "Roma")],
            ),
            // English: a name after the longest one is found as before.
            (
                "The New York Times reported from Times Square.",
                &[
                    ("QNYT", "New York Times"),
                    ("QNY", "New York"),
                    ("QYORK", "York"),
                    ("QTS", "Times Square"),
                ],
            ),
        ],
    );
}

#[test]
fn all_reports_every_name() {
    check(
        Overlaps::All,
        &[
            (
                "Le New York Times Square n’existe pas, dit le maire.",
                &[
                    ("QNYT", "New York Times"),
                    ("QNY", "New York"),
                    ("QYORK", "York"),
                    ("QTS", "Times Square"),
                ],
            ),
            (
                "Il New York Times Square non esiste, dice il sindaco.",
                &[
                    ("QNYT", "New York Times"),
                    ("QNY", "New York"),
                    ("QYORK", "York"),
                    ("QTS", "Times Square"),
                ],
            ),
            (
                "The New York Times Square does not exist, the mayor said.",
                &[
                    ("QNYT", "New York Times"),
                    ("QNY", "New York"),
                    ("QYORK", "York"),
                    ("QTS", "Times Square"),
                ],
            ),
        ],
    );
}

/// Every check of the contract applies to every mention in every mode.
#[test]
fn every_mode_keeps_the_contract() {
    for overlaps in [Overlaps::None, Overlaps::Nested, Overlaps::All] {
        check(
            overlaps,
            &[
                // Capitalisation: a capitalised name never matches a lower-case word, nested or not.
                ("le new york times et new york.", &[]),
                ("il new york times e la meta.", &[]),
                ("the new york times and york.", &[]),
                // Whole words: nothing inside a longer word or a URL.
                ("Le Metaverse de NewYorkTimes.", &[]),
                ("Vedi https://example.org/New-York-Times per i dettagli.", &[]),
                ("See www.newyorktimes.example/Meta-Platforms today.", &[]),
                // Exact names: `Apple` is exact, so not inside `APPLE MUSIC`.
                (
                    "Le service APPLE MUSIC augmente ses prix.",
                    &[("QAM", "APPLE MUSIC")],
                ),
                (
                    "Il servizio APPLE MUSIC aumenta i prezzi.",
                    &[("QAM", "APPLE MUSIC")],
                ),
                (
                    "The APPLE MUSIC service raises its prices.",
                    &[("QAM", "APPLE MUSIC")],
                ),
                // A longer candidate that fails never hides a shorter one that passes.
                ("Une Renault sportive est passée.", &[("QREN", "Renault")]),
                ("Una Renault sportiva è passata.", &[("QREN", "Renault")]),
                ("A Renault sports car went by.", &[("QREN", "Renault")]),
            ],
        );
    }
}

/// Languages apply to nested names: `Italia` (Italian only) is found inside `Banca d’Italia`
/// in an Italian sentence, not in a French or English one.
#[test]
fn nested_names_keep_their_languages() {
    let it = "La Banca d’Italia ha alzato i tassi e la decisione è stata accolta bene dai mercati.";
    let fr = "La Banca d’Italia a relevé ses taux et la décision a été bien accueillie par les marchés.";
    let en = "The Banca d’Italia raised its rates and the decision was welcomed by the markets.";
    for overlaps in [Overlaps::Nested, Overlaps::All] {
        check(
            overlaps,
            &[
                (it, &[("QBI", "Banca d’Italia"), ("Q38", "Italia")]),
                (fr, &[("QBI", "Banca d’Italia")]),
                (en, &[("QBI", "Banca d’Italia")]),
            ],
        );
    }
    check(Overlaps::None, &[(it, &[("QBI", "Banca d’Italia")])]);
}

/// Mentions are sorted by start, then longest first, and the chains of `find` agree with
/// `analyze`.
#[test]
fn find_orders_by_start_then_longest() {
    let a = analyzer(Overlaps::All);
    let text = "Meta Platforms e New York Times";
    let found: Vec<_> = a.find(text).iter().map(|m| (m.start(), m.end())).collect();
    assert_eq!(found, [(0, 14), (0, 4), (17, 31), (17, 25), (21, 25)]);
}

/// The stemmed tier in each mode: a stemmed mention inside a folded one is nested, and a
/// folded mention at a place wins over a stemmed one with the same span.
#[test]
fn stemmed_tier_in_every_mode() {
    let gaz = Gazetteer::from_tsv_str(
        "QMP\tconcept\tmessage privé\tfr\tstem\nQAFF\tconcept\taffaire des messages privés\tfr\n",
    )
    .unwrap();
    let text = "Dans l’affaire des messages privés, le juge a tranché hier après-midi à Paris.";
    let run = |overlaps| {
        let a = Analyzer::builder(&gaz).overlaps(overlaps).build().unwrap();
        a.analyze(text)
            .mentions()
            .iter()
            .map(|m| (m.id().to_string(), m.text().to_string(), m.match_kind()))
            .collect::<Vec<_>>()
    };
    let outer = (
        "QAFF".to_string(),
        "affaire des messages privés".to_string(),
        MatchKind::Elision,
    );
    let inner = ("QMP".to_string(), "messages privés".to_string(), MatchKind::Stem);
    assert_eq!(run(Overlaps::None), std::slice::from_ref(&outer));
    assert_eq!(run(Overlaps::Nested), [outer.clone(), inner.clone()]);
    assert_eq!(run(Overlaps::All), [outer, inner]);
}

// ---- @-handles --------------------------------------------------------------------------------

/// An `@` that starts a word starts a handle: `@Meta` yields `Meta` (span without the `@`), a
/// name written `@elonmusk` matches the handle with its `@`; an `@` after a letter or digit is
/// an e-mail address, where nothing matches.
#[test]
fn handles_are_not_email_addresses() {
    for overlaps in [Overlaps::None, Overlaps::Nested, Overlaps::All] {
        check(
            overlaps,
            &[
                // French.
                ("Selon @Meta, la panne est réglée.", &[("Q380", "Meta")]),
                (
                    "Un message de @elonmusk sur X.",
                    &[("QMUSK", "@elonmusk"), ("QX", "X")],
                ),
                ("Écrivez à mario@meta.com ou à (@Meta).", &[("Q380", "Meta")]),
                ("Écrivez à contact@elonmusk.fr pour tout savoir.", &[]),
                // Italian.
                ("Secondo @Meta il guasto è risolto.", &[("Q380", "Meta")]),
                (
                    "Lo ha scritto @elonmusk, non Elon Musk.",
                    &[("QMUSK", "@elonmusk"), ("QEM", "Elon Musk")],
                ),
                ("Scrivete a mario@meta.com per reclami.", &[]),
                ("Scrivete a mario@Meta.", &[]),
                // English.
                ("Write to mario@meta.com, not to @Meta.", &[("Q380", "Meta")]),
                ("RT @MetaPlatforms: outage fixed.", &[]),
                ("Ask @elonmusk or ELONMUSK.", &[("QMUSK", "@elonmusk")]),
                ("Forward it to press@Meta Platforms.", &[]),
            ],
        );
    }
}

// ---- Work on hostile input --------------------------------------------------------------------

/// The overlapping modes walk from the same places as the default one: on a text that repeats
/// the start of a name at the length limit, the work stays linear in the words.
#[test]
fn overlapping_modes_stay_linear_on_hostile_input() {
    let long = format!("{}Prime", "Amazon ".repeat(145));
    let mut b = Gazetteer::builder();
    b.add("Q0", nomina::Kind::Work, long.as_str()).unwrap();
    b.add("Q1", nomina::Kind::Organization, "Amazon").unwrap();
    b.add("Q2", nomina::Kind::Organization, "Amazon Amazon").unwrap();
    let gaz = b.build();
    let text = "Amazon ".repeat(15_000);
    let words = 15_000u64;
    for overlaps in [Overlaps::None, Overlaps::Nested, Overlaps::All] {
        let a = Analyzer::builder(&gaz).overlaps(overlaps).build().unwrap();
        let (mentions, steps) = a.find_counting_steps(&text);
        let expected = match overlaps {
            Overlaps::None => 7_500,
            Overlaps::Nested => 7_500 * 3,
            _ => 15_000 + 14_999,
        };
        assert_eq!(mentions.len(), expected, "{overlaps}");
        assert!(steps <= 64 * words, "{overlaps}: {steps} steps for {words} words");
    }
}

/// What each mode costs on a real corpus, for callgrind:
/// `NOMINA_GAZ=gaz-100k.tsv NOMINA_CORPUS=corpus.jsonl NOMINA_OVERLAPS=all valgrind
/// --tool=callgrind target/release/deps/overlaps-* --ignored --exact mode_cost`, then
/// `callgrind_annotate --inclusive=yes` for `Analyzer::find`.
#[test]
#[ignore = "needs a gazetteer and a corpus: NOMINA_GAZ, NOMINA_CORPUS, NOMINA_OVERLAPS"]
fn mode_cost() {
    let (Ok(gaz), Ok(corpus)) = (std::env::var("NOMINA_GAZ"), std::env::var("NOMINA_CORPUS")) else {
        eprintln!("NOMINA_GAZ or NOMINA_CORPUS not set");
        return;
    };
    let overlaps: Overlaps = std::env::var("NOMINA_OVERLAPS")
        .unwrap_or_else(|_| "none".into())
        .parse()
        .unwrap();
    let gaz = Gazetteer::from_tsv_path(gaz).unwrap();
    let a = Analyzer::builder(&gaz).overlaps(overlaps).build().unwrap();
    let lines = std::fs::read_to_string(corpus).unwrap();
    let (mut bytes, mut mentions) = (0, 0);
    for line in lines.lines() {
        let doc: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = doc["text"].as_str().unwrap_or("");
        mentions += a.find(text).len();
        bytes += text.len();
        if bytes >= 5_000_000 {
            break;
        }
    }
    println!("{overlaps}: {bytes} bytes, {mentions} mentions");
}
