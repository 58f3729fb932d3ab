//! The flat gazetteer through its public views: order of entities and names whatever order
//! names are added in, going back to a builder (retain, remove, add again), duplicate
//! warnings across sources with their lines.

use nomina::{Gazetteer, GazetteerBuilder, Kind, Lang, Name, WarningKind};

fn listing(gaz: &Gazetteer) -> Vec<(String, Vec<String>)> {
    gaz.entities()
        .map(|e| {
            let names = e.names().map(|n| n.text().to_string()).collect();
            (e.id().to_string(), names)
        })
        .collect()
}

fn owned(rows: &[(&str, &[&str])]) -> Vec<(String, Vec<String>)> {
    rows.iter()
        .map(|(id, names)| (id.to_string(), names.iter().map(|n| n.to_string()).collect()))
        .collect()
}

#[test]
fn scattered_adds_after_a_retain_keep_first_appearance_order() -> nomina::Result<()> {
    let mut b = Gazetteer::builder();
    b.add("Q90", Kind::Location, "Paris")?;
    b.add("Q220", Kind::Location, "Roma")?;
    b.add("Q84", Kind::Location, "London")?;
    b.add("Q90", Kind::Location, "Ville Lumière")?;
    b.retain(|e| e.id() != "Q220");
    // Names for an earlier entity, a removed one (now new: last), then the first one again.
    b.add("Q84", Kind::Location, "Londra")?;
    b.add("Q220", Kind::Location, "Rome")?;
    b.add("Q90", Kind::Location, "Parigi")?;
    let copy = b.build();
    let gaz = Gazetteer::from(b);
    let want = owned(&[
        ("Q90", &["Paris", "Ville Lumière", "Parigi"]),
        ("Q84", &["London", "Londra"]),
        ("Q220", &["Rome"]),
    ]);
    assert_eq!(listing(&gaz), want);
    assert_eq!(listing(&copy), want);
    assert_eq!(gaz.names_len(), 6);
    // Back to a builder and built again, unchanged; then built after more scattered adds.
    let mut b = GazetteerBuilder::from(gaz.clone());
    assert!(b.build().entities().eq(gaz.entities()));
    b.add("Q84", Kind::Location, "Londres")?;
    b.add("Q90", Kind::Location, "Paris")?; // a duplicate: skipped with a warning
    let again = b.build();
    assert_eq!(
        again.get("Q84").unwrap().names().last().unwrap().text(),
        "Londres"
    );
    assert_eq!(again.get("Q90").unwrap().names().len(), 3);
    assert_eq!(again.warnings().last().unwrap().kind(), WarningKind::Duplicate);
    assert!(again.get("Q-none").is_none());
    // Removing every entity, then adding: a gazetteer of one.
    b.retain(|_| false);
    assert!(b.build().is_empty());
    b.add("Q1", Kind::Person, "Emmanuel Macron")?;
    assert_eq!(listing(&b.build()), owned(&[("Q1", &["Emmanuel Macron"])]));
    Ok(())
}

#[test]
fn duplicate_warnings_name_the_first_copy_across_sources() -> nomina::Result<()> {
    let mut b = Gazetteer::builder();
    b.add_tsv(
        "# capitals\nQ90\tlocation\tParis\nQ220\tlocation\tRoma\tit\n".as_bytes(),
        "capitali.tsv",
    )?;
    b.add("Q220", Kind::Location, "Rome")?;
    b.add_tsv(
        "Q220\tlocation\tRoma\tit\nQ90\tlocation\tParis\tfr\nQ220\tlocation\tRome\n".as_bytes(),
        "extra.tsv",
    )?;
    // And after a retain, the lines are still those of the first copies.
    b.retain(|e| e.id() != "Q-none");
    b.add_tsv("\nQ90\tlocation\tParis\n".as_bytes(), "encore.tsv")?;
    let gaz = b.build();
    let got: Vec<String> = gaz.warnings().iter().map(|w| w.to_string()).collect();
    assert_eq!(
        got,
        [
            "extra.tsv:1: duplicate of name `Roma` of `Q220` (capitali.tsv:3); skipped",
            "extra.tsv:2: name `Paris` of `Q90` given again (capitali.tsv:2) with other options; both kept",
            "extra.tsv:3: duplicate of name `Rome` of `Q220` (added in code); skipped",
            "encore.tsv:2: duplicate of name `Paris` of `Q90` (capitali.tsv:2); skipped",
        ]
    );
    let lines: Vec<Option<usize>> = gaz.warnings().iter().map(|w| w.line()).collect();
    assert_eq!(lines, [Some(1), Some(2), Some(3), Some(2)]);
    let paris: Vec<Vec<Lang>> = gaz.get("Q90").unwrap().names().map(|n| n.languages()).collect();
    assert_eq!(paris, [vec![], vec![Lang::French]]);
    // Sorted by source (in the order read) then line, with the analyzer's own warnings.
    let checked: Vec<(String, Option<usize>)> = gaz
        .check(&[Lang::English])
        .iter()
        .map(|w| (w.source().to_string(), w.line()))
        .collect();
    assert_eq!(
        checked,
        [
            ("capitali.tsv".to_string(), Some(3)),
            ("extra.tsv".to_string(), Some(1)),
            ("extra.tsv".to_string(), Some(2)),
            ("extra.tsv".to_string(), Some(2)),
            ("extra.tsv".to_string(), Some(3)),
            ("encore.tsv".to_string(), Some(2)),
        ]
    );
    Ok(())
}

#[test]
fn a_name_from_code_then_from_a_file_and_back() -> nomina::Result<()> {
    let mut b = Gazetteer::builder();
    b.add("Q458", Kind::Organization, Name::new("UE").exact(true))?;
    b.add_tsv("Q458\torganization\tUE\t\texact\n".as_bytes(), "ue.tsv")?;
    b.add("Q458", Kind::Organization, Name::new("UE").exact(true))?;
    let got: Vec<String> = b.warnings().iter().map(|w| w.to_string()).collect();
    assert_eq!(
        got,
        [
            "ue.tsv:1: duplicate of name `UE` of `Q458` (added in code); skipped",
            "<code>: duplicate of name `UE` of `Q458`; skipped",
        ]
    );
    // Kinds are per entity, also after a round trip through a builder.
    let mut b = GazetteerBuilder::from(b.build());
    let refused = b.add("Q458", Kind::Location, "Unione europea").unwrap_err();
    assert!(
        refused.to_string().contains("first given kind `organization`"),
        "{refused}"
    );
    Ok(())
}

#[test]
fn views_hash_and_compare_like_owned_names() -> nomina::Result<()> {
    use std::collections::HashSet;
    let a = Gazetteer::from_tsv_str("Q64\tlocation\tBerlino\tit\nQ64\tlocation\tBerlin\n")?;
    let b = Gazetteer::from_tsv_str("# another file\n\nQ64\tlocation\tBerlino\tit\nQ64\tlocation\tBerlin\n")?;
    // Same names with the same options, read from other lines: equal, and one in a set.
    let names: HashSet<_> = a.entities().chain(&b).flat_map(|e| e.names()).collect();
    assert_eq!(names.len(), 2);
    let entities: HashSet<_> = a.entities().chain(b.entities()).collect();
    assert_eq!(entities.len(), 1);
    let berlino = a.get("Q64").unwrap().names().next().unwrap();
    assert_eq!(Name::new("Berlino").with_languages([Lang::Italian]), berlino);
    assert_ne!(Name::new("Berlino"), berlino);
    assert_ne!(
        Name::new("Berlino").with_languages([Lang::Italian]).exact(true),
        berlino
    );
    assert_eq!(Name::from(berlino), berlino.to_name());
    let c = Gazetteer::from_tsv_str("Q64\tlocation\tBerlin\nQ64\tlocation\tBerlino\tit\n")?;
    assert!(a.get("Q64") != c.get("Q64"), "names in another order");
    Ok(())
}

#[test]
fn a_panic_in_retain_leaves_the_builder_whole() -> nomina::Result<()> {
    let mut b = Gazetteer::builder();
    b.add("Q1", Kind::Person, "Sergio Mattarella")?;
    b.add("Q2", Kind::Person, "Giorgia Meloni")?;
    b.add("Q1", Kind::Person, "il Presidente della Repubblica")?;
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        b.retain(|e| {
            assert_ne!(e.id(), "Q2", "a filter that fails half-way");
            true
        });
    }));
    assert!(caught.is_err());
    // It used to be left empty: the entities had been moved out before filtering.
    let gaz = b.build();
    assert_eq!(
        listing(&gaz),
        owned(&[
            ("Q1", &["Sergio Mattarella", "il Presidente della Repubblica"]),
            ("Q2", &["Giorgia Meloni"]),
        ])
    );
    b.add("Q2", Kind::Person, "Giorgia Meloni")?;
    assert_eq!(b.warnings().last().unwrap().kind(), WarningKind::Duplicate);
    Ok(())
}
