//! The matching contract of the crate docs, rule by rule, in French, Italian and English, with
//! the negative cases. Each case is (text, expected (id, surface) list); every case also checks
//! the span invariants.

use nomina::{Analyzer, Gazetteer, Kind, Lang};

const GAZ: &str = "\
# id\tkind\tname\tlangs\tflags
Q380\torganization\tMeta
Q355\torganization\tFacebook
Q355W\tproduct\tFacebook Watch
Q907112\torganization\tNetflix
Q918\torganization\tTwitter
QX\tproduct\tX
Q3884\torganization\tAmazon
Q3783\tlocation\tAmazon
Q3783\tlocation\tAmazonie\tfr
Q458\torganization\tUnion européenne\tfr
Q458\torganization\tUnione europea\tit
Q458\torganization\tEuropean Union\ten
Q458\torganization\tUE\tfr,it\texact
Q458\torganization\tEU\ten\texact
Q317521\tperson\tElon Musk
Q38\tlocation\tItalia\tit
Q38\tlocation\tItalie\tfr
Q38\tlocation\tItaly\ten
QREN\torganization\tRenault
QRS\torganization\tRenault Sport
QSC\tlocation\tSacré-Cœur
QNEILL\tperson\tNeill
QDELL\torganization\tDell
QNYT\torganization\tNew York Times
QMP\tconcept\tmessages privés
QGS\torganization\tGoldman Sachs
QCDI\tlocation\tCôte d’Ivoire
QLO\torganization\tL’Oréal
QSTR\tperson\tJohann Strauß
QAPPLE\torganization\tApple\t\texact
QROMA\tlocation\tRoma
GDI\tlocation\tdi
GQUE\tlocation\tque
GALA\tlocation\tà la
GMODO\tlocation\tmodo
GIL\tlocation\tIl
GLA\tlocation\tLA
QELLE\torganization\tElle
GCOME\tlocation\tCôme
";

fn analyzer() -> Analyzer {
    let gaz = Gazetteer::from_tsv_str(GAZ).expect("test gazetteer");
    Analyzer::new(&gaz).expect("analyzer")
}

/// Runs every case, checking the (id, surface) list and the span invariants.
fn check(cases: &[(&str, &[(&str, &str)])]) {
    let a = analyzer();
    let mut failures = Vec::new();
    for (text, expected) in cases {
        let analysis = a.analyze(text);
        for m in analysis.mentions() {
            assert_eq!(
                &text[m.span()],
                m.text(),
                "span does not slice the surface in {text:?}"
            );
            let s = &analysis.sentences()[m.sentence()];
            assert!(
                s.start() <= m.start() && m.end() <= s.end(),
                "mention crosses its sentence in {text:?}"
            );
        }
        let got: Vec<(&str, &str)> = analysis.mentions().iter().map(|m| (m.id(), m.text())).collect();
        if got != *expected {
            failures.push(format!("{text:?}\n   expected {expected:?}\n   got      {got:?}"));
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
fn basics() {
    check(&[
        ("", &[]),
        ("Meta", &[("Q380", "Meta")]),
        ("Netflix et Meta.", &[("Q907112", "Netflix"), ("Q380", "Meta")]),
        ("Netflix e Meta.", &[("Q907112", "Netflix"), ("Q380", "Meta")]),
        ("Netflix and Meta.", &[("Q907112", "Netflix"), ("Q380", "Meta")]),
        ("Rien à signaler ici.", &[]),
    ]);
}

#[test]
fn case_and_accent_insensitive() {
    check(&[
        // French: missing accents, NFD accents, all caps, ligature.
        (
            "Bruxelles et l’Union europeenne.",
            &[("Q458", "Union europeenne")],
        ),
        (
            "Bruxelles et l’Union europe\u{301}enne.",
            &[("Q458", "Union europe\u{301}enne")],
        ),
        (
            "LA DÉCISION DE L’UNION EUROPÉENNE.",
            &[("Q458", "UNION EUROPÉENNE")],
        ),
        ("Une messe au Sacre-Coeur de Paris.", &[("QSC", "Sacre-Coeur")]),
        ("Une messe au SACRÉ-CŒUR de Paris.", &[("QSC", "SACRÉ-CŒUR")]),
        // Italian.
        (
            "La Commissione dell’UNIONE EUROPEA ha deciso.",
            &[("Q458", "UNIONE EUROPEA")],
        ),
        ("Il governo di ITALIA e la sua economia.", &[("Q38", "ITALIA")]),
        // English.
        (
            "The EUROPEAN UNION fined the company.",
            &[("Q458", "EUROPEAN UNION")],
        ),
        (
            "The orchestra played Johann Strauss again.",
            &[("QSTR", "Johann Strauss")],
        ),
    ]);
}

#[test]
fn capitalisation_aware() {
    check(&[
        (
            "Meta et META sont la même société.",
            &[("Q380", "Meta"), ("Q380", "META")],
        ),
        ("Il gruppo Meta ha raggiunto la sua meta.", &[("Q380", "Meta")]),
        ("La meta del viaggio era Roma.", &[("QROMA", "Roma")]),
        ("They reached their meta goal; Meta did not.", &[("Q380", "Meta")]),
        // A lower-case name matches any case.
        (
            "Les messages privés et les Messages Privés.",
            &[("QMP", "messages privés"), ("QMP", "Messages Privés")],
        ),
        (
            "Des amazon de toutes sortes, mais Amazon est une entreprise.",
            &[("Q3884", "Amazon")],
        ),
    ]);
}

#[test]
fn typographic_variants() {
    check(&[
        (
            "Elle a quitté la Côte d'Ivoire hier.",
            &[("QCDI", "Côte d'Ivoire")],
        ),
        (
            "Elle a quitté la Côte dʼIvoire hier.",
            &[("QCDI", "Côte dʼIvoire")],
        ),
        ("Les actions de L'Oréal montent.", &[("QLO", "L'Oréal")]),
        ("Une messe au Sacré–Cœur.", &[("QSC", "Sacré–Cœur")]),
        ("Un message d’Elon\u{a0}Musk.", &[("Q317521", "Elon\u{a0}Musk")]),
        ("Un message d’Elon \t Musk.", &[("Q317521", "Elon \t Musk")]),
        // A hard-wrapped paragraph: its line breaks are spaces.
        (
            "Selon une enquête publiée dimanche par la rédaction du New\n\
             York Times, la plateforme aurait partagé les messages privés\n\
             de ses utilisateurs avec plusieurs partenaires commerciaux.",
            &[("QNYT", "New\nYork Times"), ("QMP", "messages privés")],
        ),
        // A line break before a lower-case word continues the sentence.
        (
            "Le patron d’Elon\u{a0}Musk et de\nl’Union européenne.",
            &[("Q317521", "Elon\u{a0}Musk"), ("Q458", "Union européenne")],
        ),
        (
            "Secondo il New   York\u{202f}Times, niente.",
            &[("QNYT", "New   York\u{202f}Times")],
        ),
        (
            "According to the New York\u{a0}Times, nothing.",
            &[("QNYT", "New York\u{a0}Times")],
        ),
    ]);
}

#[test]
fn whole_words_only() {
    check(&[
        ("Le Metaverse de Meta.", &[("Q380", "Meta")]),
        ("La Xbox et la X2 ne sont pas X.", &[("QX", "X")]),
        (
            "Regardez pic.twitter.com/abc sur Twitter.",
            &[("Q918", "Twitter")],
        ),
        ("Scrivete a info@meta.com o a Meta.", &[("Q380", "Meta")]),
        (
            "See https://www.netflix.com/title/1 and Netflix itself.",
            &[("Q907112", "Netflix")],
        ),
        ("Les MetaFacebook n’existent pas.", &[]),
        ("Il modello Renault5 e la Renault.", &[("QREN", "Renault")]),
        ("Meta2024 is not Meta.", &[("Q380", "Meta")]),
        ("L’Italiano e l’Italia.", &[("Q38", "Italia")]),
        // After a dot, only a letter or digit makes a dotted token (regression: any non-ASCII
        // byte used to count as one).
        ("Il a cité Meta.… Puis plus rien.", &[("Q380", "Meta")]),
        ("Le site Meta.çom n’est pas Meta.", &[("Q380", "Meta")]),
        ("Sur Facebook.com, Meta.Équipe n’existe pas.", &[]),
    ]);
}

#[test]
fn elision_and_possessive() {
    check(&[
        // French elisions.
        ("Le patron d’Amazon parle.", &[("Q3884", "Amazon")]),
        (
            "Selon l’Union européenne, c’est non.",
            &[("Q458", "Union européenne")],
        ),
        ("Il dit qu’Elon Musk a tort.", &[("Q317521", "Elon Musk")]),
        ("Le rapport jusqu'Amazon inclus.", &[("Q3884", "Amazon")]),
        // Italian elisions.
        (
            "La decisione dell’Unione europea è arrivata.",
            &[("Q458", "Unione europea")],
        ),
        ("Siamo tornati all'Italia.", &[("Q38", "Italia")]),
        ("Un'azienda come Netflix.", &[("Q907112", "Netflix")]),
        // Not an elision: a name inside another word.
        ("Shaquille O’Neill a marqué.", &[]),
        ("L'attore O'Neill e Neill.", &[("QNEILL", "Neill")]),
        // An elision word is not a name before its apostrophe.
        (
            "Dell’azienda si sa poco; Dell vende computer.",
            &[("QDELL", "Dell")],
        ),
        // English possessive.
        (
            "Meta’s shares and Netflix's shares rose.",
            &[("Q380", "Meta"), ("Q907112", "Netflix")],
        ),
    ]);
}

#[test]
fn hyphenated_compounds_split() {
    check(&[
        (
            "Le procès Facebook-Netflix commence.",
            &[("Q355", "Facebook"), ("Q907112", "Netflix")],
        ),
        (
            "L'accordo Facebook–Netflix.",
            &[("Q355", "Facebook"), ("Q907112", "Netflix")],
        ),
        (
            "The Facebook-Netflix deal.",
            &[("Q355", "Facebook"), ("Q907112", "Netflix")],
        ),
    ]);
}

#[test]
fn leftmost_longest() {
    check(&[
        ("Il regarde Facebook Watch.", &[("Q355W", "Facebook Watch")]),
        ("Il regarde Facebook.", &[("Q355", "Facebook")]),
        ("chez Renault Sport.", &[("QRS", "Renault Sport")]),
        // A longer candidate that fails a check does not hide a shorter one.
        ("une Renault sportive", &[("QREN", "Renault")]),
        ("una Renault Sportiva", &[("QREN", "Renault")]),
        ("a Renault Sports car", &[("QREN", "Renault")]),
        ("Facebook Watchdog", &[("Q355", "Facebook")]),
    ]);
}

#[test]
fn shared_names_carry_every_candidate() {
    let gaz = Gazetteer::from_tsv_str(GAZ).expect("test gazetteer");
    let a = Analyzer::builder(&gaz)
        .context_resolution(false)
        .build()
        .expect("analyzer");
    let text = "Amazon et l’Amazonie.";
    // One sense per document (on by default) puts the river first: the document names it
    // unambiguously (`Amazonie`).
    let default = analyzer();
    let resolved = default.analyze(text).mentions()[0].clone();
    assert_eq!((resolved.id(), resolved.resolved_by_context()), ("Q3783", true));
    assert_eq!(resolved.candidates().count(), 2);
    let analysis = a.analyze(text);
    let m = &analysis.mentions()[0];
    let ids: Vec<&str> = m.candidates().map(|c| c.id()).collect();
    assert_eq!(ids, ["Q3884", "Q3783"]);
    assert_eq!(m.id(), "Q3884");
    assert_eq!(m.kind(), &Kind::Organization);
    assert_eq!(m.candidates().nth(1).map(|c| c.kind()), Some(&Kind::Location));
    assert_eq!(analysis.mentions()[1].id(), "Q3783");
    assert_eq!(analysis.mentions()[1].candidates().len(), 1);
}

#[test]
fn language_limited_names() {
    check(&[
        (
            "La Commission de l’Union européenne a tranché ce matin à Bruxelles.",
            &[("Q458", "Union européenne")],
        ),
        // The French name in an Italian sentence does not match; the Italian one does.
        (
            "La Commissione ha citato l'Union européenne e poi l'Unione europea nel suo rapporto.",
            &[("Q458", "Unione europea")],
        ),
        (
            "The Commission of the European Union has ruled on the matter this morning.",
            &[("Q458", "European Union")],
        ),
        (
            "Il governo dell'Italia e la Italie dei francesi sono la stessa cosa per il ministro.",
            &[("Q38", "Italia")],
        ),
    ]);
}

#[test]
fn exact_names() {
    check(&[
        (
            "L’UE a tranché, dit la Commission européenne à Bruxelles.",
            &[("Q458", "UE")],
        ),
        (
            "Une ue minuscule ne compte pas, dit la Commission à Bruxelles.",
            &[],
        ),
        (
            "The EU has decided, the Commission said in Brussels this morning.",
            &[("Q458", "EU")],
        ),
        ("Apple et APPLE.", &[("QAPPLE", "Apple")]),
    ]);
}

#[test]
fn mentions_never_cross_sentences() {
    let a = analyzer();
    let text = "Il est venu à New York. Times Square était vide.";
    let analysis = a.analyze(text);
    assert!(analysis.mentions().is_empty(), "{:?}", analysis.mentions());
    let text = "Il parle de Renault. Sport et loisirs sont ailleurs.";
    let analysis = a.analyze(text);
    let got: Vec<&str> = analysis.mentions().iter().map(|m| m.id()).collect();
    assert_eq!(got, ["QREN"]);
}

#[test]
fn document_and_sentence_languages() {
    let a = analyzer();
    let fr = a.analyze(
        "Le tribunal de Milan a condamné la société pour avoir transmis les données de ses utilisateurs.",
    );
    assert_eq!(fr.language(), Some(Lang::French));
    let it =
        a.analyze("Il tribunale di Milano ha condannato la società per aver trasmesso i dati degli utenti.");
    assert_eq!(it.language(), Some(Lang::Italian));
    let en =
        a.analyze("The court in Milan fined the company for sharing the data of its users with advertisers.");
    assert_eq!(en.language(), Some(Lang::English));
    let mixed = a.analyze(
        "Le document a été rendu public mardi par le tribunal, qui a donné raison aux plaignants. \
         Facebook gave Netflix access to the private messages of its users in exchange for the data they collected. \
         Meta dément.",
    );
    assert_eq!(mixed.language(), Some(Lang::French));
    let langs: Vec<Option<Lang>> = mixed.sentences().iter().map(|s| s.language()).collect();
    assert_eq!(
        langs,
        [Some(Lang::French), Some(Lang::English), Some(Lang::French)]
    );
}

#[test]
fn mention_serialises_as_documented() {
    let a = analyzer();
    let text = "Selon Meta, les faits sont faux.";
    let analysis = a.analyze(text);
    let json = serde_json::to_string(&analysis.mentions()[0]).unwrap();
    assert_eq!(
        json,
        r#"{"id":"Q380","candidates":["Q380"],"kind":"organization","start":6,"end":10,"text":"Meta","name":"Meta","sentence":0,"match":"exact"}"#
    );
    let record: nomina::MentionRecord = serde_json::from_str(&json).unwrap();
    assert_eq!(record, analysis.mentions()[0].to_record());
    let doc = serde_json::to_value(&analysis).unwrap();
    assert_eq!(doc["language"], "fr");
    assert_eq!(doc["sentences"][0]["end"], text.len());
}

#[test]
fn analyzer_is_shared_across_threads() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Analyzer>();
    send_sync::<Gazetteer>();
    send_sync::<nomina::Mention<'static, 'static>>();
    let a = analyzer();
    let texts = ["Meta et Netflix.", "Meta e Netflix.", "Meta and Netflix."];
    let counts: Vec<usize> = std::thread::scope(|s| {
        let handles: Vec<_> = texts
            .iter()
            .map(|t| s.spawn(|| a.analyze(t).mentions().len()))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(counts, [2, 2, 2]);
    // The owned form of a mention outlives its analyzer, its gazetteer and its text.
    let record = {
        let text = String::from("Selon Meta, rien.");
        let gaz = Gazetteer::from_tsv_str("Q380\torganization\tMeta\n").unwrap();
        let local = Analyzer::new(&gaz).unwrap();
        local.find(&text).remove(0).to_record()
    };
    assert_eq!(
        (record.id.as_str(), record.name.as_str(), record.text.as_str()),
        ("Q380", "Meta", "Meta")
    );
}

#[test]
fn interleaved_mention_iterators_do_not_share_state() {
    // Iterators reuse per-thread buffers; two alive at once on one thread must stay apart.
    let a = analyzer();
    let fr = "Selon la plainte, Meta aurait donné à Netflix l’accès aux messages. M. Musk se tait.";
    let it = "Secondo l'Unione europea, Meta deve rispondere. Netflix tace; anche Amazon.";
    let want_fr: Vec<(usize, usize)> = a
        .analyze(fr)
        .mentions()
        .iter()
        .map(|m| (m.start(), m.end()))
        .collect();
    let want_it: Vec<(usize, usize)> = a
        .analyze(it)
        .mentions()
        .iter()
        .map(|m| (m.start(), m.end()))
        .collect();
    assert!(!want_fr.is_empty() && !want_it.is_empty());
    let mut x = a.mentions(fr);
    let mut y = a.mentions(it);
    let (mut got_fr, mut got_it) = (Vec::new(), Vec::new());
    loop {
        let (p, q) = (x.next(), y.next());
        if p.is_none() && q.is_none() {
            break;
        }
        got_fr.extend(p.map(|m| (m.start(), m.end())));
        got_it.extend(q.map(|m| (m.start(), m.end())));
        // A third analysis on the same thread in the middle of both.
        assert_eq!(a.find("Netflix").len(), 1);
    }
    assert_eq!(got_fr, want_fr);
    assert_eq!(got_it, want_it);
}

#[test]
fn common_words_are_not_names() {
    check(&[
        // French: `que` and `à la` in lower case are dropped; `Elle` is a name mid-sentence
        // only, spelt as the name.
        (
            "Le magazine Elle a interrogé Meta.",
            &[("QELLE", "Elle"), ("Q380", "Meta")],
        ),
        ("Elle a quitté Meta en mars.", &[("Q380", "Meta")]),
        ("Selon elle, Meta ment.", &[("Q380", "Meta")]),
        ("Il dit que Meta ment à la presse.", &[("Q380", "Meta")]),
        (
            "Le titre : « Elle accuse Meta ». Puis ELLE répond.",
            &[("Q380", "Meta")],
        ),
        // Italian: `di` and `modo` (a place's name in lower case) are dropped; `Il` at the start
        // is the article; `LA` matches as spelt, not `La`.
        (
            "Il ceo di Meta è arrivato a LA.",
            &[("Q380", "Meta"), ("GLA", "LA")],
        ),
        ("Il modo in cui Meta agisce a La Spezia.", &[("Q380", "Meta")]),
        (
            "Meta apre a Roma (Il nuovo ufficio).",
            &[("Q380", "Meta"), ("QROMA", "Roma")],
        ),
        // English: capitals pass at the start of a sentence; `Elle` mid-sentence is the magazine.
        (
            "LA is where Netflix began.",
            &[("GLA", "LA"), ("Q907112", "Netflix")],
        ),
        (
            "La is not LA, said Netflix.",
            &[("GLA", "LA"), ("Q907112", "Netflix")],
        ),
        // In a headline in capitals, `LA` is the article.
        ("LA DÉCISION DE NETFLIX", &[("Q907112", "NETFLIX")]),
        (
            "The French magazine Elle interviewed Netflix.",
            &[("QELLE", "Elle"), ("Q907112", "Netflix")],
        ),
        // `Côme` (Como in French) is `come` but for its accent: matched as spelt, anywhere.
        (
            "Côme attire Netflix au bord du lac de Côme.",
            &[("GCOME", "Côme"), ("Q907112", "Netflix"), ("GCOME", "Côme")],
        ),
        (
            "Come ha detto Meta, il lago di Como è pieno.",
            &[("Q380", "Meta")],
        ),
    ]);
    let gaz = Gazetteer::from_tsv_str(GAZ).expect("test gazetteer");
    let off = Analyzer::builder(&gaz)
        .common_words(false)
        .build()
        .expect("analyzer");
    assert!(!off.common_words() && analyzer().common_words());
    let found: Vec<(&str, &str)> = off
        .mentions("Il modo in cui Meta agisce di LA a La Spezia.")
        .map(|m| (m.id(), m.text()))
        .collect();
    assert_eq!(
        found,
        [
            ("GIL", "Il"),
            ("GMODO", "modo"),
            ("Q380", "Meta"),
            ("GDI", "di"),
            ("GLA", "LA"),
            ("GALA", "a La")
        ]
    );
    let a = analyzer();
    assert_eq!(
        a.common_name(&Kind::Location, "à la"),
        Some(nomina::CommonName::Dropped)
    );
    assert_eq!(a.common_name(&Kind::Custom("concept".into()), "modo"), None);
    assert_eq!(
        a.common_name(&Kind::Organization, "Elle"),
        Some(nomina::CommonName::FunctionWord)
    );
    assert_eq!(a.common_name(&Kind::Organization, "Le Monde"), None);
    assert_eq!(
        a.common_name(&Kind::Location, "Côme"),
        Some(nomina::CommonName::Homograph)
    );
    // Only the allowed languages' words: `die` is German.
    assert_eq!(a.common_name(&Kind::Location, "Die"), None);
    let de = Analyzer::builder(&gaz)
        .languages([Lang::German])
        .build()
        .expect("analyzer");
    assert_eq!(
        de.common_name(&Kind::Location, "Die"),
        Some(nomina::CommonName::FunctionWord)
    );
}
