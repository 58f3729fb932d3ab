//! The gazetteer's limits on distinct kinds and language lists: typed errors at the limit,
//! nothing half-added when a name is refused, and builds linear in the number of kinds or
//! lists (each used to be interned by a scan of all earlier ones).

use nomina::{Error, Gazetteer, Kind, Lang, MAX_KINDS, MAX_LANGUAGE_LISTS, Name};

/// A distinct language list for each `i` below 2^17, from the first 17 languages.
fn langs(i: usize) -> Vec<Lang> {
    (0..17)
        .filter(|k| i >> k & 1 == 1)
        .map(|k| Lang::all()[k])
        .collect()
}

#[test]
fn kinds_past_the_limit_are_too_large_and_leave_nothing_behind() {
    let mut b = Gazetteer::builder();
    for i in 0..MAX_KINDS {
        b.add(
            &format!("T{i}"),
            Kind::Custom(format!("thème {i}").into()),
            "Ville de Lyon",
        )
        .unwrap();
    }
    let refused = b.add("T-last", Kind::Custom("thème de trop".into()), "Città di Torino");
    match refused {
        Err(Error::TooLarge(m)) => {
            assert!(
                m.contains("thème de trop") && m.contains("65536 distinct kinds"),
                "{m}"
            );
        }
        other => panic!("{other:?}"),
    }
    // A kind already there is still accepted, and the refused entity does not exist.
    b.add("T-other", Kind::Custom("thème 7".into()), "City of London")
        .unwrap();
    let gaz = b.build();
    assert_eq!(gaz.len(), MAX_KINDS + 1);
    assert!(gaz.get("T-last").is_none());
    assert_eq!(gaz.get("T-other").unwrap().kind().as_str(), "thème 7");
    assert_eq!(gaz.get("T65535").unwrap().kind().as_str(), "thème 65535");
}

#[test]
fn kinds_past_the_limit_in_a_file_name_the_line() {
    let mut tsv = String::from("# one custom kind a line\n");
    for i in 0..=MAX_KINDS {
        tsv.push_str(&format!("T{i}\tgenre{i}\tPalazzo Chigi\n"));
    }
    match Gazetteer::from_tsv_str(&tsv) {
        Err(Error::Parse { line, message, .. }) => {
            assert_eq!(line, MAX_KINDS + 2);
            assert!(message.contains("genre65536"), "{message}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_refused_language_list_leaves_no_entity_without_names() {
    let mut b = Gazetteer::builder();
    for i in 0..MAX_LANGUAGE_LISTS {
        let name = Name::new("Città di Torino").with_languages(langs(i));
        b.add(&format!("Q{i}"), Kind::Location, name).unwrap();
    }
    let name = Name::new("Turin").with_languages(langs(MAX_LANGUAGE_LISTS));
    assert!(matches!(
        b.add("Q-new", Kind::Location, name),
        Err(Error::TooLarge(_))
    ));
    let gaz = b.build();
    // Used to be one more entity than names: `Q-new`, created before its name was refused.
    assert_eq!(gaz.len(), MAX_LANGUAGE_LISTS);
    assert!(gaz.get("Q-new").is_none());
    assert!(gaz.entities().all(|e| e.names().len() > 0));
    // And what it writes reads back (an entity without names was an error in JSON Lines).
    let again = Gazetteer::from_jsonl_str(&gaz.to_jsonl()).unwrap();
    assert!(again.entities().eq(gaz.entities()));
}

#[test]
fn an_analyzer_over_many_language_lists() {
    // 3,000 lists: the analyzer used to look each name's list up by a scan of all earlier ones.
    let mut b = Gazetteer::builder();
    for i in 0..3000 {
        let mut l = langs(i + 1);
        l.push(Lang::French);
        let name = Name::new(&format!("Rue numéro {i}")).with_languages(l);
        b.add(&format!("R{i}"), Kind::Location, name).unwrap();
    }
    b.add(
        "Q90",
        Kind::Location,
        Name::new("Paris").with_languages([Lang::French]),
    )
    .unwrap();
    let gaz = b.build();
    let analyzer = nomina::Analyzer::new(&gaz).unwrap();
    let found: Vec<String> = analyzer
        .analyze("Le maire de Paris a inauguré hier matin la Rue numéro 12, près de la Seine.")
        .mentions()
        .iter()
        .map(|m| m.text().to_string())
        .collect();
    assert_eq!(found, ["Paris", "Rue numéro 12"]);
    let english: Vec<String> = analyzer
        .analyze("The mayor of Paris opened a new street yesterday, close to the river.")
        .mentions()
        .iter()
        .map(|m| m.text().to_string())
        .collect();
    assert!(english.is_empty(), "{english:?}");
}
