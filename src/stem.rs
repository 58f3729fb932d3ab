//! The inflection-tolerant tier: rust-stemmers (Snowball) behind our own types.
//!
//! A stemmed haystack is the folded sentence with every word of at least [`MIN_STEM_CHARS`]
//! characters replaced by its stem followed by `_` (a word character, so a stem never matches a
//! short word and a short name word never matches a long text word through its stem); shorter
//! words and everything between words are copied. Names flagged for stemming are keyed the same
//! way. The haystack's offset map points at folded offsets: a stemmed word maps back to the
//! whole inflected word.

use std::ops::Range;

use rust_stemmers::{Algorithm, Stemmer as Snowball};

use crate::lang::Lang;
use crate::matcher::Haystack;
use crate::normalize::{Folded, char_at, is_word_byte, is_word_char};

/// Words shorter than this (in characters) are never stemmed: they must match as written
/// (after folding).
pub(crate) const MIN_STEM_CHARS: usize = 4;

/// A Snowball stemmer for one language.
pub(crate) struct Stemmer {
    inner: Snowball,
}

impl std::fmt::Debug for Stemmer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Stemmer")
    }
}

impl Stemmer {
    /// The stemmer of `lang`, if rust-stemmers has one.
    pub(crate) fn for_lang(lang: Lang) -> Option<Stemmer> {
        algorithm(lang).map(|a| Stemmer {
            inner: Snowball::create(a),
        })
    }

    /// The stemmed key of a folded name.
    pub(crate) fn key(&self, folded: &[u8]) -> Vec<u8> {
        let mut out = Folded::new();
        self.stem_into(folded, 0..folded.len(), &mut out, None);
        out.bytes().to_vec()
    }

    /// Appends the stemmed form of `folded[range]` to `out`, whose anchors then point at folded
    /// offsets. Returns the range written. With a `gate`, only words that may share a stem with
    /// a name word are stemmed; the others are copied, and can then never equal a stemmed word.
    pub(crate) fn stem_into(
        &self,
        folded: &[u8],
        range: Range<usize>,
        out: &mut Folded,
        gate: Option<&StemGate>,
    ) -> Range<usize> {
        let start = out.bytes().len();
        let end = range.end.min(folded.len());
        let mut i = range.start;
        while i < end {
            // Non-word run.
            let run = i;
            while i < end && !word_at(folded, i).0 {
                i += word_at(folded, i).1;
            }
            if i > run {
                out.push_raw(&folded[run..i], run);
            }
            // Word.
            let w = i;
            let mut chars = 0;
            while i < end {
                let (word, len) = word_at(folded, i);
                if !word {
                    break;
                }
                chars += 1;
                i += len;
            }
            if i > w {
                let word = &folded[w..i];
                match std::str::from_utf8(word) {
                    Ok(s)
                        if chars >= MIN_STEM_CHARS
                            && gate.is_none_or(|g| g.may_match(word))
                            && s.chars().any(char::is_alphabetic) =>
                    {
                        let stem = self.inner.stem(s);
                        out.push_raw(stem.as_bytes(), w);
                        out.push_raw(b"_", w);
                    }
                    _ => out.push_raw(word, w),
                }
                out.anchor_next(i);
            }
        }
        start..out.bytes().len()
    }
}

/// Which text words are worth stemming: those whose first three bytes (or whole stem, when the
/// stem is shorter) begin some stem of a name word. Snowball stemmers only rewrite suffixes, so a
/// word and its stem share their first bytes; a word that begins no name stem can share a stem
/// with no name word, and stemming it would be wasted. A 64 Kibit filter: false positives only
/// cost a stemming.
#[derive(Debug, Clone)]
pub(crate) struct StemGate {
    bits: Vec<u64>,
}

impl StemGate {
    /// A gate for the stemmed keys of a tier.
    pub(crate) fn new<'k>(keys: impl IntoIterator<Item = &'k [u8]>) -> StemGate {
        let mut gate = StemGate { bits: vec![0; 1024] };
        for key in keys {
            for word in key.split(|&b| b == b' ' || b == b'\'' || b == b'-') {
                let stem = word.strip_suffix(b"_").unwrap_or(word);
                if !stem.is_empty() {
                    let p = prefix_slot(stem, stem.len().min(3));
                    if let Some(w) = gate.bits.get_mut(p / 64) {
                        *w |= 1 << (p % 64);
                    }
                }
            }
        }
        gate
    }

    /// True if `word` (folded) may share a stem with a name word.
    #[inline]
    fn may_match(&self, word: &[u8]) -> bool {
        (1..=3.min(word.len())).any(|n| {
            let p = prefix_slot(word, n);
            self.bits.get(p / 64).is_some_and(|w| w & (1 << (p % 64)) != 0)
        })
    }
}

/// The filter slot of the first `n` (1 to 3) bytes of `w`.
#[inline]
fn prefix_slot(w: &[u8], n: usize) -> usize {
    let mut v = n as u32;
    for &b in w.iter().take(n) {
        v = (v << 8) | u32::from(b);
    }
    (v.wrapping_mul(0x9E37_79B1) >> 16) as usize
}

/// Whether a word character starts at `fb[i]`, and the length of the character there.
#[inline]
fn word_at(fb: &[u8], i: usize) -> (bool, usize) {
    match fb.get(i) {
        Some(&b) if b < 0x80 => (is_word_byte(b), 1),
        Some(_) => match char_at(fb, i) {
            Some((c, l)) => (is_word_char(c), l),
            None => (false, 1),
        },
        None => (false, 1),
    }
}

/// A stemmed haystack over a folded sentence.
pub(crate) struct StemView<'a> {
    /// The stemmed bytes, anchored to folded offsets.
    pub(crate) stemmed: &'a Folded,
    /// The folded sentence, anchored to original offsets.
    pub(crate) base: &'a Folded,
}

impl Haystack for StemView<'_> {
    fn bytes(&self) -> &[u8] {
        self.stemmed.bytes()
    }
    fn to_original(&self, text: &str, start: usize, end: usize, within: Range<usize>) -> (usize, usize) {
        let fs = self.stemmed.raw_original(start);
        let fe = self.stemmed.raw_original(end).max(fs);
        self.base.to_original(text, fs, fe, within)
    }
}

/// The Snowball algorithm for a language.
fn algorithm(lang: Lang) -> Option<Algorithm> {
    Some(match lang {
        Lang::Arabic => Algorithm::Arabic,
        Lang::Danish => Algorithm::Danish,
        Lang::Dutch => Algorithm::Dutch,
        Lang::English => Algorithm::English,
        Lang::Finnish => Algorithm::Finnish,
        Lang::French => Algorithm::French,
        Lang::German => Algorithm::German,
        Lang::Greek => Algorithm::Greek,
        Lang::Hungarian => Algorithm::Hungarian,
        Lang::Italian => Algorithm::Italian,
        Lang::Bokmal => Algorithm::Norwegian,
        Lang::Portuguese => Algorithm::Portuguese,
        Lang::Romanian => Algorithm::Romanian,
        Lang::Russian => Algorithm::Russian,
        Lang::Spanish => Algorithm::Spanish,
        Lang::Swedish => Algorithm::Swedish,
        Lang::Tamil => Algorithm::Tamil,
        Lang::Turkish => Algorithm::Turkish,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::fold_str;

    fn key(lang: Lang, s: &str) -> String {
        let st = Stemmer::for_lang(lang).unwrap();
        String::from_utf8(st.key(fold_str(s).as_bytes())).unwrap()
    }

    #[test]
    fn inflections_share_a_key() {
        assert_eq!(
            key(Lang::French, "message privé"),
            key(Lang::French, "messages privés")
        );
        assert_eq!(
            key(Lang::French, "donnée personnelle"),
            key(Lang::French, "Données personnelles")
        );
        assert_eq!(
            key(Lang::Italian, "messaggio privato"),
            key(Lang::Italian, "messaggi privati")
        );
        assert_eq!(
            key(Lang::English, "class action"),
            key(Lang::English, "class actions")
        );
        // Short words are kept as they are, and never equal a stem.
        assert_eq!(key(Lang::French, "la loi"), "la loi");
        assert_ne!(key(Lang::French, "art"), key(Lang::French, "arts"));
    }
}
