//! Short forms within a document and one sense per document, in French, Italian and English,
//! with the negative cases.

use nomina::{AnalysisRecord, Analyzer, Gazetteer, Kind, MatchKind};

const PEOPLE: &str = "Q1\tperson\tReed Hastings\n\
Q2\tperson\tMax Hastings\n\
Q3\tperson\tAndy Stone\n\
Q4\tperson\tMarco Pietra\n\
Q5\tperson\tMassimo D’Alema\n\
Q6\tperson\tMarine Le Pen\n\
Q7\tperson\tMadonna\n\
Q8\torganization\tNetflix\n\
Q9\torganization\tFox Business Network\n\
Q10\torganization\tBanca d’Italia\n\
Q12\tperson\tJacinda Ardern\n";

fn analyzer(tsv: &str, kinds: &[Kind]) -> Analyzer {
    let gaz = Gazetteer::from_tsv_str(tsv).unwrap();
    Analyzer::builder(&gaz)
        .short_forms(kinds.iter().cloned())
        .build()
        .unwrap()
}

/// (surface, candidate ids, match kind) of every mention.
fn found(analyzer: &Analyzer, text: &str) -> Vec<(String, Vec<String>, MatchKind)> {
    analyzer
        .mentions(text)
        .map(|m| {
            (
                m.text().to_string(),
                m.candidates().map(|c| c.id().to_string()).collect(),
                m.match_kind(),
            )
        })
        .collect()
}

fn short(analyzer: &Analyzer, text: &str) -> Vec<(String, Vec<String>)> {
    found(analyzer, text)
        .into_iter()
        .filter(|(_, _, k)| *k == MatchKind::ShortForm)
        .map(|(t, c, _)| (t, c))
        .collect()
}

fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn after_the_full_name() {
    let a = analyzer(PEOPLE, &[Kind::Person]);
    let fr = "Reed Hastings a présenté mardi les comptes de Netflix. Selon Hastings, la croissance ralentit.";
    assert_eq!(
        found(&a, fr),
        [
            ("Reed Hastings".into(), ids(&["Q1"]), MatchKind::Exact),
            ("Netflix".into(), ids(&["Q8"]), MatchKind::Exact),
            ("Hastings".into(), ids(&["Q1"]), MatchKind::ShortForm),
        ]
    );
    let m = a.analyze(fr).mentions()[2].clone();
    assert_eq!(
        (m.name(), m.sentence(), m.kind()),
        ("Reed Hastings", 1, &Kind::Person)
    );
    let it = "Marco Pietra ha presentato il bilancio. Pietra ha poi lasciato la sala.";
    assert_eq!(short(&a, it), [("Pietra".into(), ids(&["Q4"]))]);
    // In the same sentence, after the name.
    let en = "Andy Stone, a spokesman, said Stone would not comment further.";
    assert_eq!(short(&a, en), [("Stone".into(), ids(&["Q3"]))]);
    // Capitals, not lower case: STONE is a short form too.
    assert_eq!(
        short(&a, "Andy Stone spoke. STONE denied it."),
        [("STONE".into(), ids(&["Q3"]))]
    );
}

#[test]
fn not_before_the_full_name() {
    let a = analyzer(PEOPLE, &[Kind::Person]);
    assert!(
        short(
            &a,
            "Hastings a parlé le premier. Puis Reed Hastings a répondu aux questions."
        )
        .is_empty()
    );
    assert!(short(&a, "Pietra e poi Marco Pietra hanno firmato.").is_empty());
    // Not in another document.
    assert_eq!(short(&a, "Reed Hastings spoke first.").len(), 0);
    assert!(short(&a, "Hastings spoke next.").is_empty());
    // Off by default.
    let off = analyzer(PEOPLE, &[]);
    assert!(short(&off, "Reed Hastings spoke first. Hastings then left.").is_empty());
    assert!(off.short_form_kinds().is_empty());
}

#[test]
fn not_a_lower_case_common_noun() {
    let a = analyzer(PEOPLE, &[Kind::Person]);
    let en = "Andy Stone spoke for the company. The stone wall fell, Stone said.";
    assert_eq!(short(&a, en), [("Stone".into(), ids(&["Q3"]))]);
    let it = "Marco Pietra ha parlato. La pietra è caduta, ha detto Pietra.";
    assert_eq!(short(&a, it), [("Pietra".into(), ids(&["Q4"]))]);
    let fr = "Andy Stone est arrivé hier. Il a ramassé une stone au jardin.";
    assert!(short(&a, fr).is_empty());
}

#[test]
fn whole_words_only() {
    let a = analyzer(PEOPLE, &[Kind::Person]);
    let en = "Andy Stone spoke. Stonehenge and Stones and pic.Stone.com and mail@Stone.org are not him.";
    assert!(short(&a, en).is_empty());
}

#[test]
fn ambiguous_short_form_carries_both() {
    let a = analyzer(PEOPLE, &[Kind::Person]);
    let it = "Reed Hastings e Max Hastings hanno discusso a lungo. Hastings ha poi riso.";
    assert_eq!(short(&a, it), [("Hastings".into(), ids(&["Q1", "Q2"]))]);
    // Gazetteer order, whatever the document order; both are named, so context leaves it.
    let en = "Max Hastings wrote the review. Reed Hastings replied that Hastings was wrong.";
    let analysis = a.analyze(en);
    let m = analysis.mentions().last().unwrap();
    assert_eq!(
        (m.text(), m.id(), m.resolved_by_context()),
        ("Hastings", "Q1", false)
    );
    assert_eq!(m.candidates().count(), 2);
    // Only the entities named so far.
    let fr = "Max Hastings écrit. Hastings insiste. Reed Hastings répond.";
    assert_eq!(short(&a, fr), [("Hastings".into(), ids(&["Q2"]))]);
}

#[test]
fn elision_and_possessive() {
    let a = analyzer(PEOPLE, &[Kind::Person]);
    let fr = "Reed Hastings quitte la direction. L’annonce d’Hastings surprend les analystes.";
    assert_eq!(short(&a, fr), [("Hastings".into(), ids(&["Q1"]))]);
    let it = "Jacinda Ardern ha vinto. Il governo dell’Ardern durerà; l'Ardern lo sa.";
    assert_eq!(
        short(&a, it),
        [("Ardern".into(), ids(&["Q12"])), ("Ardern".into(), ids(&["Q12"]))]
    );
    // A surname with an apostrophe of its own.
    let it = "Massimo D’Alema ha parlato a lungo. Poi D'Alema ha lasciato la sala.";
    assert_eq!(short(&a, it), [("D'Alema".into(), ids(&["Q5"]))]);
    let en = "Reed Hastings stepped down. Hastings’s letter and Hastings' critics agree.";
    assert_eq!(
        short(&a, en),
        [
            ("Hastings".into(), ids(&["Q1"])),
            ("Hastings".into(), ids(&["Q1"]))
        ]
    );
    // Another word before an apostrophe blocks it, as for gazetteer names.
    assert!(short(&a, "Andy Stone spoke. Then O’Stone left.").is_empty());
}

#[test]
fn particles_belong_to_the_surname() {
    let a = analyzer(PEOPLE, &[Kind::Person]);
    let fr = "Marine Le Pen a tenu meeting. Le Pen a promis, mais Pen seul n’est pas elle.";
    assert_eq!(short(&a, fr), [("Le Pen".into(), ids(&["Q6"]))]);
}

#[test]
fn single_word_names_have_none() {
    let a = analyzer(PEOPLE, &[Kind::Person]);
    assert_eq!(
        found(&a, "Madonna chante. Madonna danse."),
        [
            ("Madonna".into(), ids(&["Q7"]), MatchKind::Exact),
            ("Madonna".into(), ids(&["Q7"]), MatchKind::Exact)
        ]
    );
}

#[test]
fn gazetteer_match_wins_at_the_same_place() {
    let a = analyzer(&format!("{PEOPLE}Q11\tlocation\tHastings\n"), &[Kind::Person]);
    let en = "Reed Hastings visited Hastings on Sunday.";
    assert_eq!(
        found(&a, en),
        [
            ("Reed Hastings".into(), ids(&["Q1"]), MatchKind::Exact),
            ("Hastings".into(), ids(&["Q11"]), MatchKind::Exact),
        ]
    );
}

#[test]
fn organisations_use_the_first_word() {
    let a = analyzer(PEOPLE, &[Kind::Person, Kind::Organization]);
    assert_eq!(a.short_form_kinds(), [Kind::Person, Kind::Organization]);
    let en = "Fox Business Network aired the interview. Fox later cut it.";
    assert_eq!(short(&a, en), [("Fox".into(), ids(&["Q9"]))]);
    // A first word followed by a lower-case word is a common noun: no short form.
    let it = "La Banca d’Italia ha alzato le stime. La Banca ha parlato.";
    assert!(short(&a, it).is_empty());
    // Persons only: no organisation short forms.
    let p = analyzer(PEOPLE, &[Kind::Person]);
    assert!(short(&p, en).is_empty());
}

#[test]
fn language_limited_names() {
    let tsv = "Q1\tperson\tMarie Curie\tfr\n";
    let a = analyzer(tsv, &[Kind::Person]);
    let text = "Marie Curie a reçu le prix Nobel de chimie en 1911, ce qui était une première pour une femme. \
                The committee said that Curie had changed the history of science for all of us. \
                Selon le comité, Curie reste une figure de la recherche française.";
    let analysis = a.analyze(text);
    let langs: Vec<_> = analysis
        .sentences()
        .iter()
        .map(|s| s.language().map(|l| l.code()))
        .collect();
    assert_eq!(langs, [Some("fr"), Some("en"), Some("fr")]);
    let got: Vec<_> = analysis
        .mentions()
        .iter()
        .map(|m| (m.text(), m.sentence(), m.match_kind()))
        .collect();
    assert_eq!(
        got,
        [
            ("Marie Curie", 0, MatchKind::Exact),
            ("Curie", 2, MatchKind::ShortForm)
        ]
    );
}

#[test]
fn exact_names_keep_their_spelling() {
    let tsv = "Q1\tperson\tAndy Stone\t\texact\n";
    let a = analyzer(tsv, &[Kind::Person]);
    assert_eq!(short(&a, "Andy Stone spoke. Stone left.").len(), 1);
    assert!(short(&a, "Andy Stone spoke. STONE left.").is_empty());
}

#[test]
fn json_names_the_new_kind() {
    let a = analyzer(PEOPLE, &[Kind::Person]);
    let record = a.analyze("Reed Hastings spoke. Hastings left.").to_record();
    let json = serde_json::to_string(&record).unwrap();
    assert!(json.contains(r#""match":"short-form""#), "{json}");
    assert!(!json.contains("resolved_by_context"), "{json}");
    assert_eq!(serde_json::from_str::<AnalysisRecord>(&json).unwrap(), record);
    assert_eq!("short-form".parse::<MatchKind>().unwrap(), MatchKind::ShortForm);
    assert!(MatchKind::Accent < MatchKind::ShortForm && MatchKind::ShortForm < MatchKind::Stem);
}

// One sense per document.

/// The river first in gazetteer order, then the company with an unambiguous name.
const AMAZON: &str = r#"{"id": "Q3783", "kind": "location", "names": ["Amazon", "Amazzonia"]}
{"id": "Q3884", "kind": "organization", "names": ["Amazon", "Amazon Prime Video"], "related": ["Q312"]}
{"id": "Q312", "kind": "person", "names": ["Jeff Bezos"]}
{"id": "Q1", "kind": "person", "names": ["Andy Jassy"]}
"#;

fn first_amazon(analyzer: &Analyzer, text: &str) -> (Vec<String>, bool) {
    let analysis = analyzer.analyze(text);
    let m = analysis.mentions().iter().find(|m| m.text() == "Amazon").unwrap();
    (
        m.candidates().map(|c| c.id().to_string()).collect(),
        m.resolved_by_context(),
    )
}

#[test]
fn context_resolution_by_the_same_entity() {
    let gaz = Gazetteer::from_jsonl_str(AMAZON).unwrap();
    let a = Analyzer::new(&gaz).unwrap();
    assert!(a.context_resolution());
    // The unambiguous name comes after: anywhere in the document counts.
    let fr = "Amazon augmente ses prix. Amazon Prime Video coûtera deux euros de plus.";
    assert_eq!(first_amazon(&a, fr), (ids(&["Q3884", "Q3783"]), true));
    let it = "L’Amazzonia brucia ancora. Amazon ha perso un terzo della foresta.";
    assert_eq!(first_amazon(&a, it), (ids(&["Q3783", "Q3884"]), true));
    // Without related ids, another entity's name does not count.
    let en = "Andy Jassy spoke on Monday. Amazon will hire more staff.";
    assert_eq!(first_amazon(&a, en), (ids(&["Q3783", "Q3884"]), false));
    // Off: gazetteer order.
    let off = Analyzer::builder(&gaz).context_resolution(false).build().unwrap();
    assert!(!off.context_resolution());
    assert_eq!(first_amazon(&off, fr), (ids(&["Q3783", "Q3884"]), false));
    // The mentions found are the same, only the candidates' order changes.
    let spans = |an: &Analyzer| {
        an.analyze(fr)
            .mentions()
            .iter()
            .map(|m| (m.span(), m.match_kind()))
            .collect::<Vec<_>>()
    };
    assert_eq!(spans(&a), spans(&off));
}

#[test]
fn context_resolution_by_related_entities() {
    let gaz = Gazetteer::from_jsonl_str(AMAZON).unwrap();
    assert_eq!(gaz.get("Q3884").unwrap().related(), ["Q312"]);
    let a = Analyzer::new(&gaz).unwrap();
    let en = "Jeff Bezos sold shares on Friday. Amazon fell two percent.";
    assert_eq!(first_amazon(&a, en), (ids(&["Q3884", "Q3783"]), true));
    let it = "Amazon ha chiuso in rialzo, ha detto Jeff Bezos.";
    assert_eq!(first_amazon(&a, it), (ids(&["Q3884", "Q3783"]), true));
    // The relation counts in both directions.
    let reversed = AMAZON.replace(r#", "related": ["Q312"]"#, "").replace(
        r#""names": ["Jeff Bezos"]"#,
        r#""names": ["Jeff Bezos"], "related": ["Q3884", "Q404"]"#,
    );
    let gaz = Gazetteer::from_jsonl_str(&reversed).unwrap();
    let a = Analyzer::new(&gaz).unwrap();
    let fr = "Jeff Bezos a vendu des actions. Amazon recule.";
    assert_eq!(first_amazon(&a, fr), (ids(&["Q3884", "Q3783"]), true));
    // Both senses named: unresolved, gazetteer order.
    let fr = "Jeff Bezos visite l’Amazzonia. Amazon y finance une réserve.";
    assert_eq!(first_amazon(&a, fr), (ids(&["Q3783", "Q3884"]), false));
}

#[test]
fn unresolved_keeps_gazetteer_order() {
    let gaz = Gazetteer::from_jsonl_str(AMAZON).unwrap();
    let a = Analyzer::new(&gaz).unwrap();
    for text in [
        "Amazon a annoncé des licenciements.",
        "Amazon ha annunciato nuovi tagli.",
        "Amazon announced more layoffs, and Amazon shares fell.",
    ] {
        let analysis = a.analyze(text);
        for m in analysis.mentions() {
            assert_eq!(
                m.candidates().map(|c| c.id()).collect::<Vec<_>>(),
                ["Q3783", "Q3884"]
            );
            assert!(!m.resolved_by_context());
        }
    }
}

#[test]
fn context_json_and_lazy_iteration() {
    let gaz = Gazetteer::from_jsonl_str(AMAZON).unwrap();
    let a = Analyzer::new(&gaz).unwrap();
    let text = "Jeff Bezos parle. Rien. Amazon recule. Encore rien. Amazon Prime Video aussi.";
    let record = a.analyze(text).to_record();
    let json = serde_json::to_string(&record).unwrap();
    assert!(json.contains(r#""resolved_by_context":true"#), "{json}");
    assert_eq!(serde_json::from_str::<AnalysisRecord>(&json).unwrap(), record);
    // The iterator gives the same mentions as the analysis.
    let iterated: Vec<_> = a.mentions(text).map(|m| m.to_record()).collect();
    assert_eq!(iterated, record.mentions);
    // JSON Lines round trip keeps related ids.
    let again = Gazetteer::from_jsonl_str(&gaz.to_jsonl()).unwrap();
    assert_eq!(again.get("Q3884").unwrap().related(), ["Q312"]);
    assert!(
        gaz.to_jsonl()
            .lines()
            .nth(2)
            .is_some_and(|l| !l.contains("related"))
    );
}

#[test]
fn relate_in_code() {
    let mut b = Gazetteer::builder();
    b.add("Q3783", Kind::Location, "Amazon").unwrap();
    b.add("Q3884", Kind::Organization, "Amazon").unwrap();
    b.add("Q312", Kind::Person, "Jeff Bezos").unwrap();
    b.relate("Q3884", ["Q312", "Q312", "", "Q3884"]).unwrap();
    assert!(b.relate("Q999", ["Q312"]).is_err());
    let gaz = Gazetteer::from(b);
    assert_eq!(gaz.get("Q3884").unwrap().related(), ["Q312"]);
    // Kept when entities are removed, and when names come back to an earlier entity.
    let mut again = nomina::GazetteerBuilder::from(gaz.clone());
    again.remove("Q3783");
    again.add("Q3884", Kind::Organization, "Amazon.com").unwrap();
    again.add("Q3783", Kind::Location, "Amazon").unwrap();
    let again = Gazetteer::from(again);
    assert_eq!(again.get("Q3884").unwrap().related(), ["Q312"]);
    assert!(again.get("Q3783").unwrap().related().is_empty());
    let a = Analyzer::new(&gaz).unwrap();
    assert_eq!(
        first_amazon(&a, "Per Jeff Bezos, Amazon resta forte."),
        (ids(&["Q3884", "Q3783"]), true)
    );
}

#[test]
fn short_forms_and_context_together() {
    let a = analyzer(PEOPLE, &[Kind::Person]);
    // Reed Hastings named in full, Max Hastings never: one candidate.
    let en = "Reed Hastings left Netflix. Later, Hastings joined a board.";
    assert_eq!(short(&a, en), [("Hastings".into(), ids(&["Q1"]))]);
    // Both named: an ambiguous short form, which context cannot resolve (both are named).
    let fr = "Reed Hastings et Max Hastings débattent. Hastings conclut.";
    let analysis = a.analyze(fr);
    let m = analysis.mentions().last().unwrap();
    assert_eq!((m.candidates().count(), m.resolved_by_context()), (2, false));
}

#[test]
fn many_people_in_one_long_sentence() {
    // 3,000 people named in one sentence, then each surname, then 20,000 repetitions of a
    // full name and its short form: the pass stays linear (this test would not finish
    // otherwise).
    let n = 3000;
    let mut tsv = String::new();
    let mut text = String::new();
    for i in 0..n {
        tsv.push_str(&format!("P{i}\tperson\tNome{i} Cognome{i}\n"));
        text.push_str(&format!("Nome{i} Cognome{i}, "));
    }
    for i in 0..n {
        text.push_str(&format!("Cognome{i}, "));
    }
    for _ in 0..20_000 {
        text.push_str("Nome7 Cognome7 e Cognome7, ");
    }
    let a = analyzer(&tsv, &[Kind::Person]);
    let analysis = a.analyze(&text);
    assert_eq!(analysis.sentences().len(), 1);
    let short = analysis
        .mentions()
        .iter()
        .filter(|m| m.match_kind() == MatchKind::ShortForm)
        .count();
    assert_eq!(short, n + 20_000);
    assert_eq!(analysis.mentions().len(), 2 * n + 40_000);
}
