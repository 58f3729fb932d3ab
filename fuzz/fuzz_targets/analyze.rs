//! `analyze` on arbitrary text with a fixed gazetteer: never panics, and every span is valid.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use nomina::{Analyzer, Gazetteer};

fn analyzer() -> &'static Analyzer {
    static A: OnceLock<Analyzer> = OnceLock::new();
    A.get_or_init(|| {
        let gaz = Gazetteer::from_tsv_str(
            "Q380\torganization\tMeta\nQX\tproduct\tX\nQ458\torganization\tUnion européenne\tfr\n\
             Q458\torganization\tUnione europea\tit\nQ458\torganization\tUE\tfr,it\texact\n\
             R\torganization\tRenault\nRS\torganization\tRenault Sport\nC\tlocation\tCœur\n\
             T\tconcept\tmessage privé\tfr\tstem\nL\torganization\tL’Oréal\nD\torganization\tDell\n",
        )
        .expect("gazetteer");
        Analyzer::new(&gaz).expect("analyzer")
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let a = analyzer();
    let analysis = a.analyze(text);
    let mut at = 0;
    for s in analysis.sentences() {
        assert_eq!(s.start(), at);
        assert!(s.end() > s.start());
        at = s.end();
    }
    assert_eq!(at, text.len());
    let mut last = 0;
    for m in analysis.mentions() {
        assert_eq!(&text[m.span()], m.text());
        assert!(m.start() >= last);
        last = m.end();
        let s = &analysis.sentences()[m.sentence()];
        assert!(s.start() <= m.start() && m.end() <= s.end());
    }
    for m in a.find(text) {
        assert_eq!(&text[m.span()], m.text());
    }
});
