//! The fast matcher against the slow reference of tests/reference: the input's first line holds
//! names separated by `|`, the rest is the text. The overlap mode is chosen by the length of
//! the first line (none, nested, all in turn), the scan (the one of large gazetteers or not) by
//! the length of the text.
#![no_main]

#[path = "../../tests/reference/mod.rs"]
mod reference;

use libfuzzer_sys::fuzz_target;
use nomina::{Analyzer, CommonName, Gazetteer, Kind, Name, Overlaps};
use reference::{RefName, RefOverlaps, reference_find_with};

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else { return };
    let Some((head, text)) = input.split_once('\n') else { return };
    // Keep to the alphabet the reference folds exactly.
    if !input.chars().all(|c| c.is_ascii() || "éèêàâçôîïùûüÉÈÀÇœæß’‘ʼ«»“”–—\u{a0}\u{301}\u{300}🙂".contains(c)) {
        return;
    }
    let mut names = Vec::new();
    let mut b = Gazetteer::builder();
    for (i, n) in head.split('|').take(16).enumerate() {
        let exact = n.starts_with('=');
        let n = n.trim_start_matches('=');
        let id = format!("E{}", i % 5);
        if b.add(&id, Kind::Misc, Name::new(n).exact(exact)).is_ok() {
            names.push(RefName { id, name: n.to_string(), exact, ..RefName::default() });
        }
    }
    let (overlaps, mode) = match head.len() % 3 {
        0 => (Overlaps::None, RefOverlaps::None),
        1 => (Overlaps::Nested, RefOverlaps::Nested),
        _ => (Overlaps::All, RefOverlaps::All),
    };
    let Ok(a) = Analyzer::builder(&b.build())
        .overlaps(overlaps)
        .large_gazetteer_scan(text.len() % 3 == 2)
        .first_word_map(text.len() % 3 == 0)
        .build()
    else {
        return;
    };
    for n in &mut names {
        let class = a.common_name(&Kind::Misc, &n.name);
        n.dropped = class == Some(CommonName::Dropped);
        n.function_word = class == Some(CommonName::FunctionWord);
        n.exact |= class == Some(CommonName::Homograph);
    }
    let fast: Vec<(Vec<String>, usize, usize)> = a
        .find(text)
        .iter()
        .map(|m| (m.candidates().map(|c| c.id().to_string()).collect(), m.start(), m.end()))
        .collect();
    let slow: Vec<(Vec<String>, usize, usize)> =
        reference_find_with(&names, text, mode).into_iter().map(|m| (m.ids, m.start, m.end)).collect();
    assert_eq!(fast, slow, "mode {overlaps} names {names:?} text {text:?}");
});
