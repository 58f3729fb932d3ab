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
