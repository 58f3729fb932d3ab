//! The JSON Lines loader on arbitrary bytes: `Ok` or a typed error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nomina::{Analyzer, Gazetteer};

fuzz_target!(|data: &[u8]| {
    let mut b = Gazetteer::builder();
    if b.add_jsonl(data, "fuzz.jsonl").is_ok() {
        let gaz = b.build();
        let again = Gazetteer::from_jsonl_str(&gaz.to_jsonl()).expect("a loaded gazetteer round-trips");
        assert!(again.entities().eq(gaz.entities()));
        let _ = Analyzer::new(&gaz);
    }
});
