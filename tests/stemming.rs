//! The inflection-tolerant tier and the match-kind field, in French, Italian and English.

use nomina::{Analyzer, Gazetteer, Kind, MatchKind};

const GAZ: &str = "\
# id\tkind\tname\tlangs\tflags
MP\tconcept\tmessage privé\tfr\tstem
MP\tconcept\tmessaggio privato\tit\tstem
MP\tconcept\tprivate message\ten\tstem
DP\tconcept\tdonnée personnelle\tfr\tstem
CA\tconcept\taction collective\tfr\tstem
CA\tconcept\tazione collettiva\tit\tstem
CA\tconcept\tclass action\ten\tstem
ART\tconcept\tart\t\tstem
NF\torganization\tNetflix
UE\torganization\tUnion européenne\tfr
CO\tlocation\tCœur
";

fn analyzer() -> Analyzer {
    Analyzer::new(&Gazetteer::from_tsv_str(GAZ).expect("gazetteer")).expect("analyzer")
}

/// A test case: text, and the expected (id, surface, match kind) of each mention.
type Case<'a> = (&'a str, &'a [(&'a str, &'a str, MatchKind)]);

fn check(cases: &[Case]) {
    let a = analyzer();
    let mut failures = Vec::new();
    for (text, expected) in cases {
        let analysis = a.analyze(text);
        for m in analysis.mentions() {
            assert_eq!(&text[m.span()], m.text());
        }
        let got: Vec<(&str, &str, MatchKind)> = analysis
            .mentions()
            .iter()
            .map(|m| (m.id(), m.text(), m.match_kind()))
            .collect();
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
fn french_inflections() {
    check(&[
        (
            "La plainte vise les messages privés que Facebook aurait partagés avec ses partenaires.",
            &[("MP", "messages privés", MatchKind::Stem)],
        ),
        (
            "Les données personnelles des abonnés ont été transmises sans leur accord, selon la plainte.",
            &[("DP", "données personnelles", MatchKind::Stem)],
        ),
        (
            "Les actions collectives se multiplient contre les plateformes depuis le début de l'année.",
            &[("CA", "actions collectives", MatchKind::Stem)],
        ),
        // Elided, uninflected: the main tier wins and says how.
        (
            "Les avocats de l’action collective ont déposé leurs conclusions mardi devant le tribunal.",
            &[("CA", "action collective", MatchKind::Elision)],
        ),
        // The exact form is not reported as a stem.
        (
            "Chaque message privé envoyé sur la plateforme aurait pu être lu par le partenaire.",
            &[("MP", "message privé", MatchKind::Exact)],
        ),
    ]);
}

#[test]
fn italian_inflections() {
    check(&[
        (
            "Secondo la denuncia, Netflix avrebbe avuto accesso ai messaggi privati degli utenti.",
            &[
                ("NF", "Netflix", MatchKind::Exact),
                ("MP", "messaggi privati", MatchKind::Stem),
            ],
        ),
        (
            "Gli avvocati dell'azione collettiva hanno presentato nuovi documenti al tribunale.",
            &[("CA", "azione collettiva", MatchKind::Elision)],
        ),
        (
            "Le azioni collettive contro le piattaforme sono sempre più frequenti in tutta Europa.",
            &[("CA", "azioni collettive", MatchKind::Stem)],
        ),
    ]);
}

#[test]
fn english_inflections() {
    check(&[
        (
            "Several class actions were filed against the company over the way it handled user data.",
            &[("CA", "class actions", MatchKind::Stem)],
        ),
        (
            "The lawyers said the private messages of millions of users had been shared with partners.",
            &[("MP", "private messages", MatchKind::Stem)],
        ),
    ]);
}

#[test]
fn stemming_does_not_over_match() {
    check(&[
        // A short name word is never stemmed: `art` does not match `arts` or `artiste`.
        (
            "Les arts et les artistes de la ville ont manifesté devant la mairie ce samedi matin.",
            &[],
        ),
        (
            "L'art contemporain et les arts premiers sont exposés au musée de la ville.",
            &[("ART", "art", MatchKind::Elision)],
        ),
        // Names without the flag are never stemmed.
        (
            "Les Netflixes de demain ne sont pas encore nés, affirme le rapport publié mardi soir.",
            &[],
        ),
        // A stemmed name only matches in sentences of its languages: the Italian name in a French sentence.
        (
            "Le journal cite en italien les messaggi privati des utilisateurs de la plateforme.",
            &[],
        ),
        // Stems never cross sentences.
        (
            "Il a parlé de la classe. Actions et réactions ont suivi dans toute la salle du conseil.",
            &[],
        ),
    ]);
}

#[test]
fn every_match_kind() {
    check(&[
        (
            "Netflix a répondu aux questions des journalistes mardi soir.",
            &[("NF", "Netflix", MatchKind::Exact)],
        ),
        (
            "NETFLIX a répondu aux questions des journalistes mardi soir.",
            &[("NF", "NETFLIX", MatchKind::Case)],
        ),
        (
            "La décision de l’Union européenne est attendue pour la fin du mois prochain.",
            &[("UE", "Union européenne", MatchKind::Elision)],
        ),
        (
            "La décision de la Union europeenne est attendue pour la fin du mois prochain.",
            &[("UE", "Union europeenne", MatchKind::Accent)],
        ),
        (
            "Une maison au Coeur de la ville a été vendue aux enchères pour un prix record.",
            &[("CO", "Coeur", MatchKind::Accent)],
        ),
    ]);
}

#[test]
fn stem_kinds_option() {
    let gaz = Gazetteer::from_tsv_str("T1\tconcept\tdonnée personnelle\nN1\torganization\tDonnée\n").unwrap();
    let plain = Analyzer::new(&gaz).unwrap();
    let text = "Les données personnelles des abonnés ont été transmises sans leur accord, selon la plainte.";
    assert!(plain.analyze(text).mentions().is_empty());
    let stemming = Analyzer::builder(&gaz)
        .stem_kinds([Kind::Custom("concept".into())])
        .build()
        .unwrap();
    let analysis = stemming.analyze(text);
    let got: Vec<_> = analysis
        .mentions()
        .iter()
        .map(|m| (m.id(), m.text(), m.match_kind()))
        .collect();
    assert_eq!(got, [("T1", "données personnelles", MatchKind::Stem)]);
}

#[test]
fn match_kind_in_json() {
    let a = analyzer();
    let analysis = a.analyze("Les messages privés ont fuité, selon les avocats des plaignants américains.");
    let json = serde_json::to_value(&analysis.mentions()[0]).unwrap();
    assert_eq!(json["match"], "stem");
    assert_eq!(json["name"], "message privé");
    assert!(MatchKind::Exact < MatchKind::Stem);
}
