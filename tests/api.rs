//! The public API as a user meets it: ownership of results, owned records and their JSON,
//! builders, kinds, errors, character offsets and gazetteer warnings. French, Italian and
//! English, with the negative cases.

use nomina::{AnalysisRecord, Analyzer, Gazetteer, Kind, MentionRecord, Offsets};

fn gazetteer() -> Gazetteer {
    Gazetteer::from_tsv_str(
        "Q380\torganization\tMeta\n\
         Q907112\torganization\tNetflix\n\
         Q458\torganization\tUnion européenne\tfr\n\
         Q458\torganization\tUnione europea\tit\n\
         Q458\torganization\tEuropean Union\ten\n\
         Q3884\torganization\tAmazon\n\
         Q3783\tlocation\tAmazon\n\
         Q30\tlocation\tÉtats-Unis\tfr\n",
    )
    .unwrap()
}

// ---- 1. Ownership ----------------------------------------------------------------------------

#[test]
fn iterator_chains_from_the_issue_compile() {
    let gaz = gazetteer();
    let analyzer = Analyzer::new(&gaz).unwrap();
    let text = "Selon l’Union européenne, Meta aurait partagé des messages avec Netflix.";
    // E0515 before: `id()` borrowed the mention.
    let ids: Vec<&str> = analyzer.mentions(text).map(|m| m.id()).collect();
    assert_eq!(ids, ["Q458", "Q380", "Q907112"]);
    // E0716 before: the temporary analysis was borrowed by the ids.
    let ids: Vec<&str> = analyzer.analyze(text).mentions().iter().map(|m| m.id()).collect();
    assert_eq!(ids, ["Q458", "Q380", "Q907112"]);
    // kind(), name(), candidates() and text() live as long too.
    let it = "Secondo l'Unione europea, Amazon deve rispondere.";
    let kinds: Vec<&Kind> = analyzer.mentions(it).map(|m| m.kind()).collect();
    assert_eq!(kinds, [&Kind::Organization, &Kind::Organization]);
    let names: Vec<&str> = analyzer.mentions(it).map(|m| m.name()).collect();
    assert_eq!(names, ["Unione europea", "Amazon"]);
    let candidates: Vec<Vec<&str>> = analyzer
        .mentions(it)
        .map(|m| m.candidates().map(|c| c.id()).collect())
        .collect();
    assert_eq!(candidates, [vec!["Q458"], vec!["Q3884", "Q3783"]]);
    let en = "Meta told the European Union it would appeal.";
    let surfaces: Vec<&str> = analyzer.find(en).iter().map(|m| m.text()).collect();
    assert_eq!(surfaces, ["Meta", "European Union"]);
    // No mention in a text without names: the chains give nothing, not an error.
    let none: Vec<&str> = analyzer.mentions("La meta è lontana.").map(|m| m.id()).collect();
    assert!(none.is_empty());
}

#[test]
fn owned_results_collect_across_threads() {
    // The rayon pattern of the issue: collect (doc, analysis) pairs out of the closures.
    let gaz = gazetteer();
    let analyzer = Analyzer::new(&gaz).unwrap();
    let docs = [
        ("fr.txt", "Netflix et Meta devant la justice aux États-Unis."),
        ("it.txt", "Netflix e Meta davanti ai giudici."),
        ("en.txt", "Netflix and Meta in court."),
    ];
    let results: Vec<(&str, AnalysisRecord)> = std::thread::scope(|s| {
        let handles: Vec<_> = docs
            .iter()
            .map(|&(doc, text)| {
                let analyzer = &analyzer;
                s.spawn(move || {
                    // The text is owned by the closure: only the record leaves it.
                    let owned = text.to_string();
                    (doc, analyzer.analyze(&owned).to_record())
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let counts: Vec<usize> = results.iter().map(|(_, r)| r.mentions.len()).collect();
    assert_eq!(counts, [3, 2, 2]);
    assert_eq!(results[0].1.mentions[2].text, "États-Unis");
}

#[test]
fn records_convert_and_round_trip() {
    let gaz = gazetteer();
    let analyzer = Analyzer::new(&gaz).unwrap();
    for text in [
        "Meta conteste l’amende de l’Union européenne. Netflix se tait.",
        "Amazon e Meta contro l’Unione europea.",
        "The European Union fined Meta; Amazon said nothing.",
        "",
        "Rien à signaler ici.",
    ] {
        let analysis = analyzer.analyze(text);
        let record = AnalysisRecord::from(&analysis);
        assert_eq!(record, analysis.to_record());
        assert_eq!(record.language, analysis.language());
        assert_eq!(record.sentences, analysis.sentences());
        for (m, r) in analysis.mentions().iter().zip(&record.mentions) {
            assert_eq!(&MentionRecord::from(m), r);
            assert_eq!(MentionRecord::from(m.clone()), m.to_record());
        }
        // The borrowed analysis and the owned record write the same JSON.
        assert_eq!(
            serde_json::to_string(&analysis).unwrap(),
            serde_json::to_string(&record).unwrap()
        );
        let back: AnalysisRecord = serde_json::from_str(&serde_json::to_string(&record).unwrap()).unwrap();
        assert_eq!(back, record);
    }
}

/// The JSON the annotate example prints for its demo text, read back into the owned type.
#[test]
fn annotate_json_reads_back() {
    let line = r#"{"doc":"a.txt","language":"it","sentences":[{"start":0,"end":31,"language":"it"}],"mentions":[{"id":"Q380","candidates":["Q380"],"kind":"organization","start":0,"end":4,"text":"Meta","name":"Meta","sentence":0,"match":"exact"}]}"#;
    let record: AnalysisRecord = serde_json::from_str(line).unwrap();
    assert_eq!(record.doc.as_deref(), Some("a.txt"));
    assert_eq!(record.offsets, Offsets::Bytes);
    assert_eq!(record.mentions[0].kind, Kind::Organization);
    assert_eq!(serde_json::to_string(&record).unwrap(), line);
    // A record with character offsets says so, and reads back.
    let mut chars = record.clone();
    chars.offsets = Offsets::Chars;
    let json = serde_json::to_string(&chars).unwrap();
    assert!(json.contains(r#""offsets":"chars""#), "{json}");
    assert_eq!(serde_json::from_str::<AnalysisRecord>(&json).unwrap(), chars);
    // A line that is not an analysis is an error, not a default.
    assert!(serde_json::from_str::<AnalysisRecord>(r#"{"doc":"a.txt"}"#).is_err());
}

// ---- 3. Character offsets ---------------------------------------------------------------------

#[test]
fn char_spans_count_unicode_scalar_values() {
    let gaz = gazetteer();
    let analyzer = Analyzer::new(&gaz).unwrap();
    let cases = [
        // French: «, é, ’ and NBSP before the name.
        "« Désolé », a écrit l’Union européenne à Meta.",
        // Italian: accented vowels and an emoji.
        "Perché l’Unione europea 🇪🇺 insiste? Lo chiede Netflix.",
        // English: plain ASCII, bytes and chars agree.
        "Amazon and Meta appealed.",
        // NFD text: combining accents count as characters of their own.
        "Les E\u{301}tats-Unis et Meta.",
    ];
    for text in cases {
        let analysis = analyzer.analyze(text);
        assert!(!analysis.mentions().is_empty(), "{text}");
        let record = analysis.to_record_with(Offsets::Chars);
        let chars: Vec<char> = text.chars().collect();
        for (m, r) in analysis.mentions().iter().zip(&record.mentions) {
            let cs = m.char_span();
            assert_eq!(chars[cs.clone()].iter().collect::<String>(), m.text(), "{text}");
            assert_eq!((r.start, r.end), (cs.start, cs.end));
        }
        for (s, r) in analysis.sentences().iter().zip(&record.sentences) {
            let got: String = chars[r.span()].iter().collect();
            assert_eq!(got, &text[s.span()]);
        }
    }
    let ascii = analyzer.analyze("Amazon and Meta appealed.");
    for m in ascii.mentions() {
        assert_eq!(m.char_span(), m.span());
    }
}

#[test]
fn offsets_unit_parses_and_prints() {
    assert_eq!("chars".parse::<Offsets>().unwrap(), Offsets::Chars);
    assert_eq!("bytes".parse::<Offsets>().unwrap(), Offsets::Bytes);
    assert_eq!(Offsets::Chars.to_string(), "chars");
    let e = "caractères".parse::<Offsets>().unwrap_err().to_string();
    assert!(e.contains("`caractères`"), "{e}");
}

// ---- 2. Builders, names, kinds, errors, Debug -----------------------------------------------

#[test]
fn gazetteer_builder_chains_in_one_expression() -> nomina::Result<()> {
    use nomina::{Lang, Name};
    // E0507 before: `build` took the builder by value behind `&mut`.
    let gaz = Gazetteer::builder()
        .add("Q380", Kind::Organization, "Meta")?
        .add(
            "Q458",
            Kind::Organization,
            Name::new("Unione europea").with_languages([Lang::Italian]),
        )?
        .entity(
            "Q458",
            Kind::Organization,
            ["EU".into(), Name::new("UE").exact(true)],
        )?
        .build();
    assert_eq!((gaz.len(), gaz.names_len()), (2, 4));
    // A builder kept in a variable goes on after `build`; `Gazetteer::from` moves it out.
    let mut b = Gazetteer::builder();
    b.add("Q907112", Kind::Organization, "Netflix")?;
    let first = b.build();
    b.add("Q689141", Kind::Organization, "Spotify")?;
    assert_eq!(
        (first.len(), b.build().len(), Gazetteer::from(b).len()),
        (1, 2, 2)
    );
    // A refused name leaves the chain with an error, not a panic.
    let err = Gazetteer::builder()
        .add("Q1", Kind::Person, "Elon Musk")?
        .add("Q1", Kind::Location, "Musk")
        .unwrap_err();
    assert!(err.to_string().contains("first given kind `person`"), "{err}");
    Ok(())
}
#[test]
fn analyzer_builder_sets_by_reference_and_builds_many() {
    use nomina::Lang;
    let gaz = gazetteer();
    let mut builder = Analyzer::builder(&gaz);
    builder.languages([Lang::Italian, Lang::French, Lang::Italian]);
    builder.stem_kinds([Kind::Organization]);
    let a = builder.build().unwrap();
    let b = builder.languages([Lang::English]).build().unwrap();
    assert_eq!(a.languages(), [Lang::Italian, Lang::French]);
    assert_eq!(a.stem_kinds(), [Kind::Organization]);
    assert_eq!(b.languages(), [Lang::English]);
    assert_eq!(a.entities_len(), 6);
    // The English-only analyzer never sees an Italian sentence, so the Italian name is mute.
    let it = "L’Unione europea chiede risposte a Netflix.";
    assert_eq!(
        a.mentions(it).map(|m| m.id()).collect::<Vec<_>>(),
        ["Q458", "Q907112"]
    );
    assert_eq!(b.mentions(it).map(|m| m.id()).collect::<Vec<_>>(), ["Q907112"]);
    // No language at all is refused.
    assert!(Analyzer::builder(&gaz).languages([]).build().is_err());
}

#[test]
fn kinds_parse_and_print() {
    for (s, k) in [
        ("organization", Kind::Organization),
        ("organisation", Kind::Organization),
        ("Organisation", Kind::Organization),
        ("person", Kind::Person),
        ("LOCATION", Kind::Location),
        ("concept", Kind::Custom("concept".into())),
        ("organizzazione", Kind::Custom("organizzazione".into())),
    ] {
        assert_eq!(s.parse::<Kind>().unwrap(), k, "{s}");
    }
    assert_eq!(Kind::Organization.to_string(), "organization");
    assert_eq!(Kind::Custom("terme".into()).to_string(), "terme");
    assert!("".parse::<Kind>().is_err());
    assert!(" \t".parse::<Kind>().is_err());
    // The alias works in gazetteer files and JSON too.
    let tsv = Gazetteer::from_tsv_str("Q458\torganisation\tUnion européenne\n").unwrap();
    assert_eq!(tsv.get("Q458").unwrap().kind(), &Kind::Organization);
    let jsonl = Gazetteer::from_jsonl_str(r#"{"id":"Q458","kind":"organisation","names":["EU"]}"#).unwrap();
    assert_eq!(jsonl.get("Q458").unwrap().kind(), &Kind::Organization);
}

#[test]
fn name_setters_pair_with_getters() {
    use nomina::{Lang, Name};
    let n = Name::new(" Amazzonia ")
        .with_languages([Lang::Italian])
        .stem(true);
    assert_eq!(n.text(), "Amazzonia");
    assert_eq!(n.languages(), [Lang::Italian]);
    assert!(n.is_stem() && !n.is_exact());
    let any = Name::new("Amazon");
    assert!(any.languages().is_empty());
}

#[test]
fn every_error_type_is_exported() {
    let e: nomina::UnknownLang = "xx".parse::<nomina::Lang>().unwrap_err();
    assert_eq!(e.to_string(), "unknown language code `xx`");
    let _: &dyn std::error::Error = &e;
    let e: nomina::Error = "".parse::<Kind>().unwrap_err();
    let _: &dyn std::error::Error = &e;
}

#[test]
fn io_error_prints_its_cause_once() {
    use std::error::Error as _;
    let e = Gazetteer::from_tsv_path("/nonexistent/nomina/gazetteer.tsv").unwrap_err();
    let top = e.to_string();
    assert_eq!(top, "cannot read gazetteer /nonexistent/nomina/gazetteer.tsv");
    let cause = e.source().expect("the I/O error is the source").to_string();
    assert!(!top.contains(&cause), "{top} / {cause}");
    // What anyhow's `{:#}` prints: each message of the chain, once.
    let mut chain = vec![top];
    let mut s = e.source();
    while let Some(x) = s {
        chain.push(x.to_string());
        s = x.source();
    }
    assert_eq!(chain.len(), 2);
    // A parse error has no source: its message says it all.
    let e = Gazetteer::from_tsv_str("Q1\tperson\n").unwrap_err();
    assert!(e.source().is_none());
    assert!(e.to_string().starts_with("<string>:1: expected 3 to 5"), "{e}");
}

#[test]
fn analyzer_debug_sums_it_up() {
    use nomina::Lang;
    let gaz = gazetteer();
    let a = Analyzer::builder(&gaz)
        .languages([Lang::French, Lang::Italian])
        .stem_kinds([Kind::Custom("concept".into())])
        .short_forms([Kind::Person])
        .build()
        .unwrap();
    let d = format!("{a:?}");
    assert_eq!(
        d,
        "Analyzer { entities: 6, names: 8, patterns: 7, languages: [fr, it], stem_kinds: [concept], stemmed_languages: [], overlaps: none, short_forms: [person], context_resolution: true, common_words: true }"
    );
}

// ---- 4. Gazetteer checks that speak up ---------------------------------------------------------

fn kinds_and_lines(ws: &[nomina::Warning]) -> Vec<(nomina::WarningKind, Option<usize>)> {
    ws.iter().map(|w| (w.kind(), w.line())).collect()
}

#[test]
fn header_lines_are_skipped_with_a_warning() {
    use nomina::WarningKind::Header;
    for tsv in [
        "id\tkind\tname\nQ90\tlocation\tParigi\tit\n",
        "ID\ttype\tlabel\tlangs\nQ90\tlocation\tParis\n",
        "# exported\n\nqid\tkind\tname\nQ90\tlocation\tParis\n",
    ] {
        let gaz = Gazetteer::from_tsv_str(tsv).unwrap();
        assert_eq!(gaz.len(), 1, "{tsv:?}");
        assert!(gaz.get("id").is_none() && gaz.get("ID").is_none() && gaz.get("qid").is_none());
        let w = &gaz.warnings()[0];
        assert_eq!(w.kind(), Header);
        assert_eq!(w.source(), "<string>");
        assert!(w.to_string().contains("looks like a header"), "{w}");
    }
    assert_eq!(
        kinds_and_lines(
            Gazetteer::from_tsv_str("# note\nid\tkind\tname\n")
                .unwrap()
                .warnings()
        ),
        [(Header, Some(2))]
    );
    // Not headers: a commented header, an entity whose id happens to be `id`, a header-like
    // line after the first data line (that one is data: it is not the first line).
    for tsv in [
        "# id\tkind\tname\nQ90\tlocation\tParis\n",
        "id\tperson\tIda Rubinstein\n",
        "Q90\tlocation\tParis\nid\tkind\tname\n",
    ] {
        let gaz = Gazetteer::from_tsv_str(tsv).unwrap();
        assert!(gaz.warnings().is_empty(), "{tsv:?}: {:?}", gaz.warnings());
    }
}

#[test]
fn names_that_can_never_match_are_skipped_with_a_warning() {
    use nomina::WarningKind::NeverMatches;
    let tsv = "Q1\tmisc\t…\n\
               Q2\tmisc\t« — »\n\
               Q3\tmisc\t\u{301}\u{301}\n\
               Q4\torganization\t€uro Disney\n\
               Q5\tproduct\tC++\n\
               Q6\torganization\t3M\n\
               Q7\tmisc\t!!!\n";
    let gaz = Gazetteer::from_tsv_str(tsv).unwrap();
    assert_eq!(
        kinds_and_lines(gaz.warnings()),
        [
            (NeverMatches, Some(1)),
            (NeverMatches, Some(2)),
            (NeverMatches, Some(3)),
            (NeverMatches, Some(7))
        ]
    );
    let ids: Vec<&str> = gaz.entities().map(|e| e.id()).collect();
    assert_eq!(ids, ["Q4", "Q5", "Q6"]);
    // The others still match, in French, Italian and English.
    let a = Analyzer::new(&gaz).unwrap();
    let found = |t: &str| a.mentions(t).map(|m| m.id()).collect::<Vec<_>>();
    assert_eq!(found("Le groupe 3M a racheté €uro Disney."), ["Q6", "Q4"]);
    assert_eq!(found("Il C++ resta il linguaggio di 3M."), ["Q5", "Q6"]);
    assert_eq!(found("Nobody wrote C++ at 3M… or did they?"), ["Q5", "Q6"]);
    // Given in code, such a name is an error at once.
    assert!(Gazetteer::builder().add("Q1", Kind::Misc, "…").is_err());
}

#[test]
fn duplicate_lines_are_reported_with_both_lines() {
    use nomina::{Name, WarningKind::Duplicate};
    let tsv = "Q38\tlocation\tItalia\tit\n\
               Q38\tlocation\tItalie\tfr\n\
               Q38\tlocation\tItalia\tit\n\
               Q38\tlocation\tItalia\ten\texact\n\
               Q3884\torganization\tAmazon\n\
               Q3783\tlocation\tAmazon\n";
    let gaz = Gazetteer::from_tsv_str(tsv).unwrap();
    assert_eq!(
        kinds_and_lines(gaz.warnings()),
        [(Duplicate, Some(3)), (Duplicate, Some(4))]
    );
    let msgs: Vec<String> = gaz.warnings().iter().map(|w| w.to_string()).collect();
    assert_eq!(
        msgs,
        [
            "<string>:3: duplicate of name `Italia` of `Q38` (line 1); skipped",
            "<string>:4: name `Italia` of `Q38` given again (line 1) with other options; both kept",
        ]
    );
    assert_eq!(gaz.get("Q38").unwrap().names().len(), 3);
    // The same name for two entities (the company and the river) is no mistake.
    assert_eq!(gaz.get("Q3783").unwrap().names().len(), 1);
    // JSON Lines, and across sources.
    let mut b = Gazetteer::builder();
    b.add_jsonl(
        &br#"{"id":"Q90","kind":"location","names":["Paris","Parigi","Paris"]}"#[..],
        "villes.jsonl",
    )
    .unwrap();
    b.add_tsv(&b"Q90\tlocation\tParigi\n"[..], "citta.tsv").unwrap();
    b.add("Q90", Kind::Location, Name::new("Paris")).unwrap();
    let msgs: Vec<String> = b.warnings().iter().map(|w| w.to_string()).collect();
    assert_eq!(
        msgs,
        [
            "villes.jsonl:1: duplicate of name `Paris` of `Q90` (line 1); skipped",
            "citta.tsv:1: duplicate of name `Parigi` of `Q90` (villes.jsonl:1); skipped",
            "<code>: duplicate of name `Paris` of `Q90` (villes.jsonl:1); skipped",
        ]
    );
}

#[test]
fn names_in_languages_the_analyzer_does_not_allow_are_reported() {
    use nomina::{Lang, WarningKind::LanguageNotAllowed};
    let tsv = "Q64\tlocation\tBerlino\tit\n\
               Q64\tlocation\tBerlin\n\
               Q64\tlocation\tHauptstadt\tde\n\
               Q64\tlocation\tBerlijn\tnl,de\n\
               Q90\tlocation\tParigi\tit,de\n";
    let gaz = Gazetteer::from_tsv_str(tsv).unwrap();
    assert!(gaz.warnings().is_empty());
    let default = Analyzer::new(&gaz).unwrap();
    let ws = gaz.check(default.languages());
    assert_eq!(
        kinds_and_lines(&ws),
        [(LanguageNotAllowed, Some(3)), (LanguageNotAllowed, Some(4))]
    );
    assert!(ws[1].message().contains("limited to de,nl"), "{}", ws[1]);
    // Allow German and Dutch: nothing to say. Only English: the Italian names are mute too.
    assert!(
        gaz.check(&[Lang::French, Lang::German, Lang::Dutch])
            .iter()
            .all(|w| w.line() == Some(1))
    );
    let en = gaz.check(&[Lang::English]);
    assert_eq!(
        en.iter().map(|w| w.line()).collect::<Vec<_>>(),
        [Some(1), Some(3), Some(4), Some(5)]
    );
}

#[test]
fn warnings_stop_at_the_cap_and_say_how_many_more() {
    use nomina::{MAX_WARNINGS, WarningKind};
    let mut tsv = String::new();
    for _ in 0..MAX_WARNINGS + 250 {
        tsv.push_str("Q1\tperson\tGiorgia Meloni\n");
    }
    let gaz = Gazetteer::from_tsv_str(&tsv).unwrap();
    assert_eq!(gaz.warnings().len(), MAX_WARNINGS);
    let ws = gaz.check(&[nomina::Lang::Italian]);
    assert_eq!(ws.len(), MAX_WARNINGS + 1);
    let last = ws.last().unwrap();
    assert_eq!(last.kind(), WarningKind::More);
    assert_eq!(last.to_string(), "249 more warnings not listed");
}

#[test]
fn ids_outlive_the_texts_they_were_found_in() {
    // Counting entities over a corpus: each text is dropped after its turn, the ids stay
    // (they borrow the analyzer, not the text).
    let gaz = gazetteer();
    let analyzer = Analyzer::new(&gaz).unwrap();
    let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
    for doc in [
        "Meta e Netflix davanti all’Unione europea.",
        "Meta et Amazon face à l’Union européenne.",
        "Netflix told the European Union nothing.",
    ] {
        let text = doc.to_string();
        for m in analyzer.mentions(&text) {
            *counts.entry(m.id()).or_default() += 1;
        }
    }
    let counts: Vec<(&str, usize)> = counts.into_iter().collect();
    assert_eq!(counts, [("Q380", 2), ("Q3884", 1), ("Q458", 3), ("Q907112", 2)]);
}

#[test]
fn debug_output_is_a_summary() {
    let gaz = gazetteer();
    assert_eq!(
        format!("{gaz:?}"),
        "Gazetteer { entities: 6, names: 8, sources: [\"<string>\"], warnings: 0 }"
    );
    let mut b = Gazetteer::builder();
    b.add("Q90", Kind::Location, "Parigi").unwrap();
    b.add("Q90", Kind::Location, "Parigi").unwrap();
    assert_eq!(
        format!("{b:?}"),
        "GazetteerBuilder { entities: 1, names: 1, sources: [], warnings: 1 }"
    );
    let a = Analyzer::new(&gaz).unwrap();
    let it = a.mentions("Meta e Netflix. Poi Amazon.");
    assert_eq!(
        format!("{it:?}"),
        "Mentions { text_len: 27, language: Some(Italian), sentences: 2, next_sentence: 0 }"
    );
}

/// A name whose second word lies more than eight bytes after its first (a separator the pair
/// filter does not hold) is found by both scans, next to a name that shares its first word.
#[test]
fn long_separators_in_both_scans() {
    let gaz = Gazetteer::from_tsv_str(
        "Q1\tmisc\tRock ~~~ & ~~~ Roll\n\
         Q2\torganization\tRock Band\n\
         Q3\tmisc\tUnione ~~~ / ~~~ Europea\n",
    )
    .unwrap();
    for (large, map) in [(false, true), (false, false), (true, false)] {
        let a = Analyzer::builder(&gaz)
            .large_gazetteer_scan(large)
            .first_word_map(map)
            .build()
            .unwrap();
        let found = |t: &str| a.mentions(t).map(|m| m.id()).collect::<Vec<_>>();
        assert_eq!(
            found("Le festival Rock ~~~ & ~~~ Roll a ouvert hier soir."),
            ["Q1"],
            "{large} {map}"
        );
        assert_eq!(
            found("Il concerto della Rock Band, poi Rock ~~~ & ~~~ Roll."),
            ["Q2", "Q1"],
            "{large} {map}"
        );
        assert_eq!(
            found("The Unione ~~~ / ~~~ Europea banner was odd."),
            ["Q3"],
            "{large} {map}"
        );
        // Another last word, or a shorter separator: no name.
        assert!(
            found("Rock ~~~ & ~~~ Pop, and Rock & Roll.").is_empty(),
            "{large} {map}"
        );
    }
}

/// A token is read within 256 bytes on either side of a name (the contract, rule 4): a name
/// inside a URL is not found, one further than that from the URL's `://` is.
#[test]
fn url_tokens_are_read_within_a_window() {
    let gaz = Gazetteer::from_tsv_str("Q1\torganization\tMeta\n").unwrap();
    let a = Analyzer::new(&gaz).unwrap();
    let found = |t: &str| a.find(t).len();
    assert_eq!(found("Voir https://about.meta.com/Meta/news pour le détail."), 0);
    assert_eq!(found("Leggi https://example.org/path/Meta/notizie oggi."), 0);
    let far = format!("Meta{}x://y", "~".repeat(300));
    assert_eq!(found(&far), 1);
    let near = format!("Meta{}x://y", "~".repeat(200));
    assert_eq!(found(&near), 0);
}
