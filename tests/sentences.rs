//! Sentence rules through the public API, in French, Italian and English: every case lists the
//! sentences `analyze` must return (they always concatenate back to the input).

use nomina::{Analyzer, Gazetteer, Lang};

fn sentences(text: &str) -> Vec<String> {
    let a = Analyzer::new(&Gazetteer::from_tsv_str("Q380\torganization\tMeta\n").unwrap()).unwrap();
    let analysis = a.analyze(text);
    let got: Vec<String> = analysis
        .sentences()
        .iter()
        .map(|s| text[s.span()].to_string())
        .collect();
    assert_eq!(got.concat(), text, "sentences must concatenate back to the input");
    got
}

fn check(cases: &[(&str, &[&str])]) {
    let mut failures = Vec::new();
    for (text, expected) in cases {
        let got = sentences(text);
        if got != *expected {
            failures.push(format!("{text:?}\n   expected {expected:?}\n   got      {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn abbreviations() {
    check(&[
        (
            "M. Hastings et Mme Simo ont parlé à MM. Klein et Grabert. La séance a duré une heure.",
            &[
                "M. Hastings et Mme Simo ont parlé à MM. Klein et Grabert. ",
                "La séance a duré une heure.",
            ],
        ),
        (
            "Les géants, p. ex. Meta, sont visés par l’art. 5 du règlement.",
            &["Les géants, p. ex. Meta, sont visés par l’art. 5 du règlement."],
        ),
        (
            "Il Dott. Rossi e la Sig.ra Bianchi hanno letto pag. 12 del fascicolo. Poi hanno firmato.",
            &[
                "Il Dott. Rossi e la Sig.ra Bianchi hanno letto pag. 12 del fascicolo. ",
                "Poi hanno firmato.",
            ],
        ),
        (
            "Mr. Stone and Dr. Klein met on Jan. 4 in Menlo Park. Nothing was agreed.",
            &[
                "Mr. Stone and Dr. Klein met on Jan. 4 in Menlo Park. ",
                "Nothing was agreed.",
            ],
        ),
        // etc. / ecc.: no break before a lower-case word, a break before a capital.
        (
            "Meta, Netflix, Spotify, etc. ont été cités.",
            &["Meta, Netflix, Spotify, etc. ont été cités."],
        ),
        (
            "Meta, Netflix, Spotify, ecc. Nessuno ha risposto.",
            &["Meta, Netflix, Spotify, ecc. ", "Nessuno ha risposto."],
        ),
    ]);
}

#[test]
fn initials_and_numbers() {
    check(&[
        (
            "Le roman de J. R. R. Tolkien a été adapté. Il sort demain.",
            &["Le roman de J. R. R. Tolkien a été adapté. ", "Il sort demain."],
        ),
        (
            "L'amende è di 1.2 miliardi, cioè 3,5 volte di più. Meta ricorre.",
            &[
                "L'amende è di 1.2 miliardi, cioè 3,5 volte di più. ",
                "Meta ricorre.",
            ],
        ),
        (
            "George W. Bush spoke in 2004. The fine was 1.3 billion.",
            &["George W. Bush spoke in 2004. ", "The fine was 1.3 billion."],
        ),
    ]);
}

#[test]
fn urls_and_emails() {
    check(&[
        (
            "Voir pic.twitter.com/GkrF pour la preuve. Meta dément.",
            &["Voir pic.twitter.com/GkrF pour la preuve. ", "Meta dément."],
        ),
        (
            "Scrivete a mario.rossi@example.it per i dettagli. Grazie.",
            &["Scrivete a mario.rossi@example.it per i dettagli. ", "Grazie."],
        ),
        (
            "Read https://www.example.com/a.b?c=d.e first. Then reply.",
            &["Read https://www.example.com/a.b?c=d.e first. ", "Then reply."],
        ),
    ]);
}

#[test]
fn quotes_and_brackets() {
    check(&[
        (
            "« C’est fini. » Puis il est parti.",
            &["« C’est fini. » ", "Puis il est parti."],
        ),
        (
            "« Vraiment ? » demande-t-elle. Personne ne répond.",
            &["« Vraiment ? » demande-t-elle. ", "Personne ne répond."],
        ),
        (
            "“È falso.” Così ha detto Stone.",
            &["“È falso.” ", "Così ha detto Stone."],
        ),
        (
            "(See the filing.) Meta says otherwise.",
            &["(See the filing.) ", "Meta says otherwise."],
        ),
    ]);
}

#[test]
fn ellipses() {
    check(&[
        (
            "Et puis… plus rien. Le silence.",
            &["Et puis… plus rien. ", "Le silence."],
        ),
        ("E poi... Niente di nuovo.", &["E poi... ", "Niente di nuovo."]),
        ("And then... nothing at all.", &["And then... nothing at all."]),
    ]);
}

#[test]
fn headlines_and_lists() {
    check(&[
        (
            "Meta condamnée en Italie\nLe tribunal de Milan a tranché mardi.",
            &[
                "Meta condamnée en Italie\n",
                "Le tribunal de Milan a tranché mardi.",
            ],
        ),
        (
            "Meta nega tutto\n\nIl portavoce ha parlato su X.",
            &["Meta nega tutto\n\n", "Il portavoce ha parlato su X."],
        ),
        (
            "Key points:\n- Meta denies\n- Netflix is silent\n1. First\n2) Second",
            &[
                "Key points:\n",
                "- Meta denies\n",
                "- Netflix is silent\n",
                "1. First\n",
                "2) Second",
            ],
        ),
        (
            "une phrase coupée\nau milieu continue.",
            &["une phrase coupée\nau milieu continue."],
        ),
    ]);
}

#[test]
fn sentence_languages_and_inheritance() {
    let a = Analyzer::new(&Gazetteer::from_tsv_str("Q380\torganization\tMeta\n").unwrap()).unwrap();
    let text = "Le tribunal a publié mardi les documents de la procédure contre les deux entreprises. \
                Il tribunale ha pubblicato martedì i documenti della causa contro le due aziende. \
                The court released the documents of the case against the two companies on Tuesday. \
                Oui. ";
    let analysis = a.analyze(text);
    let langs: Vec<Option<Lang>> = analysis.sentences().iter().map(|s| s.language()).collect();
    assert_eq!(
        langs,
        [
            Some(Lang::French),
            Some(Lang::Italian),
            Some(Lang::English),
            Some(Lang::French)
        ]
    );
    assert_eq!(analysis.language(), Some(Lang::French));
    // Any whatlang language on request.
    let de = Analyzer::builder(&Gazetteer::from_tsv_str("Q380\torganization\tMeta\n").unwrap())
        .languages([Lang::German, Lang::French])
        .build()
        .unwrap();
    let analysis =
        de.analyze("Das Gericht hat am Dienstag entschieden, dass Meta die Daten nicht weitergeben darf.");
    assert_eq!(analysis.language(), Some(Lang::German));
    assert_eq!(analysis.mentions().len(), 1);
}
