//! Changing names at run time: `Analyzer::rebuild` keeps the options, in French, Italian and
//! English, and (ignored by default) what a change of 1,000 names costs at 100k names.

use nomina::{Analyzer, Gazetteer, GazetteerBuilder, Kind, Lang, Overlaps};

/// A builder from `gaz` without the entities `drop` rejects.
fn without(gaz: &Gazetteer, drop: impl Fn(&str) -> bool) -> GazetteerBuilder {
    let mut b = GazetteerBuilder::from(gaz.clone());
    b.retain(|e| !drop(e.id()));
    b
}

#[test]
fn a_gazetteer_turned_back_into_a_builder() {
    let gaz = Gazetteer::from_tsv_str(
        "Q380\torganization\tMeta\nQ380\torganization\tFacebook\tfr\nQ918\torganization\tTwitter\nQ2283\torganization\tMicrosoft\n",
    )
    .unwrap();
    let mut b = GazetteerBuilder::from(gaz);
    // A duplicate of a name already there is still dropped; a new name is added.
    b.add("Q380", Kind::Organization, "Meta").unwrap();
    b.add("Q380", Kind::Organization, "Meta Platforms").unwrap();
    assert!(b.remove("Q918"));
    assert!(!b.remove("Q918"));
    assert!(!b.remove("Q0"));
    b.retain(|e| e.id() != "Q2283");
    let gaz = Gazetteer::from(b);
    assert_eq!(gaz.len(), 1);
    assert_eq!(gaz.names_len(), 3);
    assert!(gaz.get("Q918").is_none() && gaz.get("Q2283").is_none());
    let a = Analyzer::new(&gaz).unwrap();
    let texts = |text| a.mentions(text).map(|m| m.text().to_string()).collect::<Vec<_>>();
    // French, Italian, English: the removed entities are gone, the new name is there.
    assert_eq!(
        texts("Selon Meta Platforms, Twitter et Microsoft ont tort."),
        ["Meta Platforms"]
    );
    assert_eq!(
        texts("Facebook e Meta contro Twitter: la Microsoft tace."),
        ["Meta"]
    );
    assert_eq!(texts("Meta Platforms sued Twitter."), ["Meta Platforms"]);
    // Removing every entity leaves an empty gazetteer that still builds.
    let mut b = GazetteerBuilder::from(gaz);
    b.retain(|_| false);
    let empty = Gazetteer::from(b);
    assert!(empty.is_empty());
    assert!(Analyzer::new(&empty).unwrap().find("Meta").is_empty());
}

#[test]
fn rebuild_keeps_the_options_and_changes_the_names() {
    let gaz = Gazetteer::from_tsv_str(
        "Q380\torganization\tMeta\nQ918\torganization\tTwitter\nQ60\tlocation\tNew York\nQ9684\torganization\tNew York Times\nQMP\tconcept\tmessaggio privato\n",
    )
    .unwrap();
    let before = Analyzer::builder(&gaz)
        .languages([Lang::Italian, Lang::French, Lang::English])
        .stem_kinds([Kind::Custom("concept".into())])
        .overlaps(Overlaps::Nested)
        .build()
        .unwrap();
    let mut edited = without(&gaz, |id| id == "Q918");
    edited.add("Q918", Kind::Organization, "X").unwrap();
    edited.add("Q312", Kind::Organization, "Apple").unwrap();
    let after = before.rebuild(&edited.build()).unwrap();
    assert_eq!(after.languages(), before.languages());
    assert_eq!(after.stem_kinds(), before.stem_kinds());
    assert_eq!(after.overlaps(), Overlaps::Nested);
    let texts = |a: &Analyzer, text| a.mentions(text).map(|m| m.text().to_string()).collect::<Vec<_>>();
    // French: Twitter is gone, X and Apple are new; the old analyzer still serves.
    let fr = "Twitter, devenu X, et Apple répondent au New York Times.";
    assert_eq!(texts(&before, fr), ["Twitter", "New York Times", "New York"]);
    assert_eq!(texts(&after, fr), ["X", "Apple", "New York Times", "New York"]);
    // Italian: the stemmed kind still applies.
    let it = "Apple legge i messaggi privati degli utenti, scrive il New York Times.";
    assert_eq!(
        texts(&after, it),
        ["Apple", "messaggi privati", "New York Times", "New York"]
    );
    // English: negatives stay negatives (capitalisation, whole words).
    let en = "An apple, an Xbox and a tweet on Twitter.";
    assert!(texts(&after, en).is_empty());
}

/// `NOMINA_GAZ=/path/gaz-100k.tsv cargo test --release --test rebuild -- --ignored --nocapture`
#[test]
#[ignore = "needs a large gazetteer: NOMINA_GAZ"]
fn cost_of_changing_1000_names_at_100k() {
    let Ok(path) = std::env::var("NOMINA_GAZ") else {
        eprintln!("NOMINA_GAZ not set");
        return;
    };
    let t = std::time::Instant::now();
    let gaz = Gazetteer::from_tsv_path(&path).unwrap();
    let load = t.elapsed();
    let t = std::time::Instant::now();
    let analyzer = Analyzer::new(&gaz).unwrap();
    let build = t.elapsed();
    // Remove the entities of 500 names, add 500 new names.
    let mut dropped = std::collections::HashSet::new();
    let mut names = 0;
    for e in gaz.entities().step_by(97) {
        if names >= 500 {
            break;
        }
        names += e.names().len();
        dropped.insert(e.id().to_string());
    }
    let t = std::time::Instant::now();
    let mut edited = without(&gaz, |id| dropped.contains(id));
    for i in 0..500 {
        edited
            .add(
                &format!("NEW{i}"),
                Kind::Organization,
                format!("Nouvelle Entreprise {i}").as_str(),
            )
            .unwrap();
    }
    let edited = edited.build();
    let edit = t.elapsed();
    let t = std::time::Instant::now();
    let changed = analyzer.rebuild(&edited).unwrap();
    let rebuild = t.elapsed();
    assert_eq!(changed.mentions("Selon Nouvelle Entreprise 7, rien.").count(), 1);
    println!(
        "{} names ({} entities): load {:.2?}, build {:.2?}; change {} names: edit {:.2?}, rebuild {:.2?}",
        gaz.names_len(),
        gaz.len(),
        load,
        build,
        names + 500,
        edit,
        rebuild
    );
}
