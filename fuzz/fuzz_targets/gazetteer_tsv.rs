//! The TSV loader on arbitrary bytes: `Ok` or a typed error, never a panic; what loads builds.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nomina::{Analyzer, Gazetteer};

fuzz_target!(|data: &[u8]| {
    let mut b = Gazetteer::builder();
    if b.add_tsv(data, "fuzz.tsv").is_ok() {
        let gaz = b.build();
        if let Ok(a) = Analyzer::new(&gaz) {
            let text = String::from_utf8_lossy(data);
            for m in a.find(&text) {
                assert_eq!(&text[m.span()], m.text());
            }
        }
    }
});
