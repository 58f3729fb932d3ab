//! Property tests: the fast matcher agrees with the reference on generated gazetteers and texts
//! that mix the hard parts, and every analysis keeps its invariants on any input.
//!
//! Case counts are bounded for CI; raise them with `PROPTEST_CASES=10000 cargo test --test
//! properties`.

mod reference;

use nomina::{Analyzer, CommonName, Gazetteer, GazetteerBuilder, Kind, Name, Overlaps};
use proptest::prelude::*;
use reference::{RefFull, RefName, RefOverlaps, reference_find, reference_find_with, reference_short_forms};

/// Name material: accents in NFC and NFD, ligatures, apostrophes, hyphens, prefixes of other
/// names and of words, one-letter names, all caps, digits, elision words.
const NAMES: &[&str] = &[
    "Meta",
    "Meta Platforms",
    "X",
    "A",
    "G7",
    "Renault",
    "Renault Sport",
    "Union européenne",
    "Union europe\u{301}enne",
    "Unione europea",
    "Cœur",
    "Sacré-Cœur",
    "L’Oréal",
    "Côte d'Ivoire",
    "Amazon",
    "Dell",
    "Neill",
    "New York",
    "New York Times",
    "York",
    "ÉTATS-UNIS",
    "États-Unis",
    "Straße",
    "messages privés",
    "facebook",
    "Face",
    "Elon Musk",
    "Musk",
    "Italia",
    "Yahoo!",
    "#MeToo",
    "AT&T",
    "Banca d’Italia",
    "Banca d’Italia S.p.A.",
    "Saint-Martin (partie française)",
    "Mark Elliot Zuckerberg",
    "Mark Elliot",
];

/// Other text material: words that contain names, elisions, URLs, e-mail addresses.
const WORDS: &[&str] = &[
    "la",
    "le",
    "de",
    "et",
    "meta",
    "Metaverse",
    "Xbox",
    "X2",
    "Facebook",
    "l",
    "d",
    "dell",
    "all",
    "qu",
    "O",
    "aujourd",
    "pic.twitter.com",
    "info@meta.com",
    "https://www.netflix.com/a",
    "www.meta.com",
    "Renault5",
    "sportive",
    "Sport",
    "Times",
    "Coeur",
    "COEUR",
    "etats",
    "unis",
    "Strasse",
    "privés",
    "messages",
    "2024",
    "Italiano",
    "Neill",
    "_Meta",
    "Yahoo",
    "Banca",
    "Saint-Martin",
    "partie",
    "Zuckerberg",
    "T",
];

const SEPARATORS: &[&str] = &[
    " ", " ", " ", "  ", "\n", "\u{a0}", "\t", "-", "–", "’", "'", "ʼ", "’s", ". ", ", ", "«\u{a0}",
    "\u{a0}»", "(", ")", "🙂", ".", "@", "/", "\u{301}", "\"", "…",
];

/// A text fragment: a name as written or altered, a word, or a separator.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => (0..NAMES.len(), 0..5u8).prop_map(|(i, how)| {
            let n = NAMES[i];
            match how {
                0 => n.to_uppercase(),
                1 => n.to_lowercase(),
                2 => strip_accents(n),
                _ => n.to_string(),
            }
        }),
        2 => (0..WORDS.len()).prop_map(|i| WORDS[i].to_string()),
        4 => (0..SEPARATORS.len()).prop_map(|i| SEPARATORS[i].to_string()),
    ]
}

fn strip_accents(s: &str) -> String {
    s.chars()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| match c {
            'é' | 'è' | 'ê' => 'e',
            'É' => 'E',
            'ô' => 'o',
            'ç' => 'c',
            other => other,
        })
        .collect()
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..40).prop_map(|v| v.concat())
}

/// A gazetteer: up to 12 names, ids shared now and then, some `exact`.
fn gazetteer() -> impl Strategy<Value = Vec<RefName>> {
    prop::collection::vec((0..NAMES.len(), 0..6usize, any::<bool>()), 1..12).prop_map(|v| {
        v.into_iter()
            .map(|(i, id, exact)| RefName {
                id: format!("E{id}"),
                name: NAMES[i].to_string(),
                exact: exact && i % 3 == 0,
                ..RefName::default()
            })
            .collect()
    })
}

/// The names with what the analyzer's common-word guard does with each (names of kind `misc`).
fn guarded(names: &[RefName], analyzer: &Analyzer) -> Vec<RefName> {
    names
        .iter()
        .map(|n| {
            let class = analyzer.common_name(&Kind::Misc, &n.name);
            RefName {
                dropped: class == Some(CommonName::Dropped),
                function_word: class == Some(CommonName::FunctionWord),
                exact: n.exact || class == Some(CommonName::Homograph),
                ..n.clone()
            }
        })
        .collect()
}

fn build(names: &[RefName]) -> Analyzer {
    build_with(names, Overlaps::None)
}

fn build_with(names: &[RefName], overlaps: Overlaps) -> Analyzer {
    build_scan(names, overlaps, 0)
}

/// The scan: 0 the default (a map of first words for gazetteers this small), 1 the filters of
/// larger gazetteers, 2 the scan of large ones (a table of first words), on these small ones.
fn build_scan(names: &[RefName], overlaps: Overlaps, scan: u8) -> Analyzer {
    let mut b = GazetteerBuilder::new();
    for n in names {
        b.add(&n.id, Kind::Misc, Name::new(&n.name).exact(n.exact))
            .expect("generated names are valid");
    }
    Analyzer::builder(&b.build())
        .overlaps(overlaps)
        .large_gazetteer_scan(scan == 2)
        .first_word_map(scan == 0)
        .build()
        .expect("analyzer")
}

/// Every mode, with the reference's name for it.
const MODES: [(Overlaps, RefOverlaps); 3] = [
    (Overlaps::None, RefOverlaps::None),
    (Overlaps::Nested, RefOverlaps::Nested),
    (Overlaps::All, RefOverlaps::All),
];

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(512);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    /// The fast matcher returns exactly what the reference returns, with either scan.
    #[test]
    fn find_agrees_with_reference(names in gazetteer(), text in text(), scan in 0u8..3) {
        let analyzer = build_scan(&names, Overlaps::None, scan);
        let fast: Vec<(Vec<String>, usize, usize)> = analyzer
            .find(&text)
            .iter()
            .map(|m| (m.candidates().map(|c| c.id().to_string()).collect(), m.start(), m.end()))
            .collect();
        let slow: Vec<(Vec<String>, usize, usize)> =
            reference_find(&guarded(&names, &analyzer), &text).into_iter().map(|m| (m.ids, m.start, m.end)).collect();
        prop_assert_eq!(fast, slow, "text {:?}", text);
    }

    /// In every overlap mode, the fast matcher returns exactly what the reference returns.
    #[test]
    fn every_mode_agrees_with_reference(
        names in gazetteer(),
        text in text(),
        mode in 0..MODES.len(),
        scan in 0u8..3,
    ) {
        let (overlaps, reference_mode) = MODES[mode];
        let analyzer = build_scan(&names, overlaps, scan);
        let fast: Vec<(Vec<String>, usize, usize)> = analyzer
            .find(&text)
            .iter()
            .map(|m| (m.candidates().map(|c| c.id().to_string()).collect(), m.start(), m.end()))
            .collect();
        let slow: Vec<(Vec<String>, usize, usize)> = reference_find_with(&guarded(&names, &analyzer), &text, reference_mode)
            .into_iter()
            .map(|m| (m.ids, m.start, m.end))
            .collect();
        prop_assert_eq!(fast, slow, "mode {} scan {} text {:?}", overlaps, scan, text);
    }

    /// In every overlap mode, analyses keep their invariants, mentions sorted by start then
    /// longest first, each span once; the overlapping modes report a superset of the default.
    #[test]
    fn every_mode_keeps_invariants(names in gazetteer(), text in text()) {
        let default = build_with(&names, Overlaps::None);
        let none = default.find(&text);
        let nested = build_with(&names, Overlaps::Nested);
        let all = build_with(&names, Overlaps::All);
        check_invariants(&nested, &text)?;
        check_invariants(&all, &text)?;
        let spans = |v: &[nomina::Mention<'_, '_>]| -> Vec<(usize, usize)> { v.iter().map(|m| (m.start(), m.end())).collect() };
        let (n, ne, a) = (spans(&none), spans(&nested.find(&text)), spans(&all.find(&text)));
        prop_assert!(n.iter().all(|s| ne.contains(s)), "nested misses a default mention");
        prop_assert!(ne.iter().all(|s| a.contains(s)), "all misses a nested mention");
    }

    /// Analyses keep their invariants: sentences cover the input in order, mentions are on char
    /// boundaries, inside their sentence, slice to their text, sorted and disjoint.
    #[test]
    fn analysis_invariants(names in gazetteer(), text in text()) {
        check_invariants(&build(&names), &text)?;
    }

    /// Any string at all.
    #[test]
    fn any_string(text in "\\PC*") {
        let names = vec![RefName { id: "E".into(), name: "Meta".into(), ..RefName::default() }];
        check_invariants(&build(&names), &text)?;
    }

    #[test]
    fn any_unicode(text in any::<String>()) {
        let names = vec![RefName { id: "E".into(), name: "A".into(), ..RefName::default() }];
        check_invariants(&build(&names), &text)?;
    }
}

/// Persons' names for short forms: shared surnames, particles, an apostrophe in a surname,
/// single-word names, punctuation around the last word, accents.
const PEOPLE: &[&str] = &[
    "Reed Hastings",
    "Max Hastings",
    "Hastings",
    "Marine Le Pen",
    "Le Pen",
    "Massimo D’Alema",
    "Elon Musk",
    "Musk",
    "Mark Elliot Zuckerberg",
    "Jean-Paul Sartre",
    "Côte d'Ivoire",
    "Banca d’Italia S.p.A.",
    "Union européenne",
    "Foo «Bar»",
    "Émile Zola",
    "Andy Stone",
    "andy stone",
];

const PEOPLE_WORDS: &[&str] = &[
    "Hastings",
    "HASTINGS",
    "hastings",
    "Hastingsx",
    "Le",
    "le",
    "Pen",
    "D",
    "d",
    "Alema",
    "Musk",
    "Zuckerberg",
    "Sartre",
    "Ivoire",
    "S.p.A",
    "Bar",
    "Zola",
    "ZOLA",
    "Stone",
    "stone",
    "Elliot",
    "O",
    "dell",
    "l",
    "www.Stone.com",
    "a@Stone.it",
    "#Stone",
];

/// A gazetteer of persons and a text made mostly of its names, their words and spaces.
fn people_and_text() -> impl Strategy<Value = (Vec<RefName>, String)> {
    people().prop_flat_map(|names| {
        let full: Vec<String> = names.iter().map(|n| n.name.clone()).collect();
        let mut words: Vec<String> = PEOPLE_WORDS.iter().map(|w| w.to_string()).collect();
        words.extend(
            full.iter()
                .flat_map(|n| n.split_whitespace().map(str::to_string).collect::<Vec<_>>()),
        );
        let fragment = prop_oneof![
            2 => (0..full.len(), 0..5u8).prop_map(move |(i, how)| match how {
                0 => full[i].to_uppercase(),
                1 => strip_accents(&full[i]),
                _ => full[i].clone(),
            }),
            3 => (0..words.len()).prop_map(move |i| words[i].clone()),
            4 => Just(" ".to_string()),
            3 => (0..SEPARATORS.len()).prop_map(|i| SEPARATORS[i].to_string()),
        ];
        (
            Just(names),
            prop::collection::vec(fragment, 0..40).prop_map(|v| v.concat()),
        )
    })
}

fn people() -> impl Strategy<Value = Vec<RefName>> {
    prop::collection::vec((0..PEOPLE.len(), 0..5usize, any::<bool>()), 1..8).prop_map(|v| {
        v.into_iter()
            .map(|(i, id, exact)| RefName {
                id: format!("P{id}"),
                name: PEOPLE[i].to_string(),
                exact: exact && i % 4 == 0,
                ..RefName::default()
            })
            .collect()
    })
}

fn build_people(names: &[RefName], short_forms: bool) -> Analyzer {
    let mut b = GazetteerBuilder::new();
    for n in names {
        b.add(&n.id, Kind::Person, Name::new(&n.name).exact(n.exact))
            .expect("generated names are valid");
    }
    let kinds = if short_forms {
        vec![Kind::Person]
    } else {
        Vec::new()
    };
    Analyzer::builder(&b.build())
        .short_forms(kinds)
        .context_resolution(false)
        .build()
        .expect("analyzer")
}

proptest! {
    #![proptest_config(config())]

    /// With short forms on, the analysis is the one without them plus the reference's short
    /// forms (naive: every position of every sentence against every short form found so far).
    #[test]
    fn short_forms_agree_with_reference((names, text) in people_and_text()) {
        let base = build_people(&names, false);
        let with = build_people(&names, true);
        let analysis = base.analyze(&text);
        let sentences: Vec<(usize, usize)> = analysis.sentences().iter().map(|s| (s.start(), s.end())).collect();
        let fulls: Vec<RefFull> = analysis
            .mentions()
            .iter()
            .map(|m| RefFull {
                ids: m.candidates().map(|c| c.id().to_string()).collect(),
                name: m.name().to_string(),
                start: m.start(),
                end: m.end(),
            })
            .collect();
        type Row = (Vec<String>, usize, usize, bool);
        let mut slow: Vec<Row> = fulls.iter().map(|m| (m.ids.clone(), m.start, m.end, false)).collect();
        slow.extend(
            reference_short_forms(&names, &text, &sentences, &fulls)
                .into_iter()
                .map(|m| (m.ids, m.start, m.end, true)),
        );
        slow.sort_by_key(|r| (r.1, std::cmp::Reverse(r.2)));
        let fast: Vec<Row> = with
            .analyze(&text)
            .mentions()
            .iter()
            .map(|m| {
                (
                    m.candidates().map(|c| c.id().to_string()).collect(),
                    m.start(),
                    m.end(),
                    m.match_kind() == nomina::MatchKind::ShortForm,
                )
            })
            .collect();
        prop_assert_eq!(fast, slow, "text {:?}", text);
        check_invariants(&with, &text)?;
    }
}

fn check_invariants(analyzer: &Analyzer, text: &str) -> Result<(), TestCaseError> {
    let a = analyzer.analyze(text);
    let mut at = 0;
    for s in a.sentences() {
        prop_assert_eq!(s.start(), at);
        prop_assert!(s.end() > s.start());
        // White space ends a sentence, never starts one (the analyzer relies on it when it
        // takes each sentence's folding from the document's).
        prop_assert!(
            at == 0 || !text[at..].starts_with(char::is_whitespace),
            "sentence starts with white space"
        );
        prop_assert!(text.is_char_boundary(s.start()) && text.is_char_boundary(s.end()));
        at = s.end();
    }
    prop_assert_eq!(at, text.len());
    let mut last_end = 0;
    let mut last: Option<(usize, usize)> = None;
    for m in a.mentions() {
        prop_assert!(m.start() < m.end());
        prop_assert!(text.is_char_boundary(m.start()) && text.is_char_boundary(m.end()));
        prop_assert_eq!(&text[m.span()], m.text());
        let s = &a.sentences()[m.sentence()];
        prop_assert!(s.start() <= m.start() && m.end() <= s.end());
        if analyzer.overlaps() == Overlaps::None {
            prop_assert!(m.start() >= last_end, "overlap or disorder");
        } else if let Some((ls, le)) = last {
            // Sorted by start, then longest first, each span once.
            prop_assert!(ls < m.start() || (ls == m.start() && le > m.end()), "disorder");
        }
        last_end = m.end();
        last = Some((m.start(), m.end()));
    }
    // The iterator form yields the same mentions.
    let iter: Vec<_> = analyzer.mentions(text).collect();
    prop_assert_eq!(iter.as_slice(), a.mentions());
    // And the match stage alone keeps the span invariants too.
    for m in analyzer.find(text) {
        prop_assert_eq!(&text[m.span()], m.text());
    }
    Ok(())
}

#[test]
fn reference_agrees_on_the_contract_examples() {
    let names = |list: &[(&str, &str)]| -> Vec<RefName> {
        list.iter()
            .map(|(id, n)| RefName {
                id: id.to_string(),
                name: n.to_string(),
                ..RefName::default()
            })
            .collect()
    };
    let gaz = names(&[
        ("R", "Renault"),
        ("RS", "Renault Sport"),
        ("M", "Meta"),
        ("A", "Amazon"),
        ("N", "Neill"),
    ]);
    let analyzer = build(&gaz);
    for text in [
        "une Renault sportive",
        "chez Renault Sport.",
        "Le Metaverse de Meta, META et meta.",
        "d’Amazon, O’Neill, Meta’s",
        "pic.twitter.com/Meta info@meta.com",
    ] {
        let fast: Vec<(usize, usize)> = analyzer.find(text).iter().map(|m| (m.start(), m.end())).collect();
        let slow: Vec<(usize, usize)> = reference_find(&guarded(&gaz, &analyzer), text)
            .iter()
            .map(|m| (m.start, m.end))
            .collect();
        assert_eq!(fast, slow, "{text}");
    }
    let _ = Gazetteer::builder();
}
