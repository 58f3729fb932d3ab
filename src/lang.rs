//! Languages: our own `#[non_exhaustive]` enum (whatlang stays private), and the detector that
//! gives a language to the document and to each sentence.
//!
//! Detection is built for speed. whatlang costs ~2 MB/s on sentence-sized text, so each
//! sentence first gets a vote of frequent function words (French, Italian, English, German,
//! Spanish, Portuguese, Dutch), counting only the words that belong to exactly one allowed
//! language. A clear vote decides; a long sentence with an unclear vote goes to whatlang
//! (restricted to the allowlist, answer kept only if reliable); anything else inherits the
//! document language. The document language is the sum of the sentence votes, with whatlang on
//! a bounded sample of the text when the votes do not tell. A short text (under 200 bytes) is
//! never decided by whatlang's trigram guess alone: a clear vote of two words or more of
//! function words, a lexicon of frequent French, Italian and English words (written for nomina,
//! `src/lexicon/`; words spelt alike in two languages never vote), English contractions
//! and word shapes (`-zione`, `-eux`, `-ing`...) decides it before whatlang runs; when whatlang
//! is then unsure, a clear vote of one word of the same kinds wins; only a tie is left to its
//! guess. A longer text that whatlang is unsure of goes by a clear vote of function words, even
//! of one. A lone `d`, `l`, `c`, `j` or `n` votes only before an apostrophe.

use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use whatlang::Lang as W;

/// A language nomina can detect: every language whatlang knows.
///
/// Written and parsed as its ISO 639-1 code (`"fr"`, `"it"`, `"en"`), or ISO 639-3 where no
/// 639-1 code exists. New languages may be added in minor releases.
///
/// ```
/// use nomina::Lang;
/// assert_eq!(Lang::from_code("fr"), Some(Lang::French));
/// assert_eq!(Lang::from_code("ita"), Some(Lang::Italian));
/// assert_eq!(Lang::English.code(), "en");
/// assert_eq!("it".parse::<Lang>().unwrap(), Lang::Italian);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Lang {
    /// French (`fr`).
    French,
    /// Italian (`it`).
    Italian,
    /// English (`en`).
    English,
    /// Esperanto (`eo`).
    Esperanto,
    /// Russian (`ru`).
    Russian,
    /// Mandarin (`zh`).
    Mandarin,
    /// Spanish (`es`).
    Spanish,
    /// Portuguese (`pt`).
    Portuguese,
    /// Bengali (`bn`).
    Bengali,
    /// German (`de`).
    German,
    /// Ukrainian (`uk`).
    Ukrainian,
    /// Georgian (`ka`).
    Georgian,
    /// Arabic (`ar`).
    Arabic,
    /// Hindi (`hi`).
    Hindi,
    /// Japanese (`ja`).
    Japanese,
    /// Hebrew (`he`).
    Hebrew,
    /// Yiddish (`yi`).
    Yiddish,
    /// Polish (`pl`).
    Polish,
    /// Amharic (`am`).
    Amharic,
    /// Javanese (`jv`).
    Javanese,
    /// Korean (`ko`).
    Korean,
    /// Bokmal (`nb`).
    Bokmal,
    /// Danish (`da`).
    Danish,
    /// Swedish (`sv`).
    Swedish,
    /// Finnish (`fi`).
    Finnish,
    /// Turkish (`tr`).
    Turkish,
    /// Dutch (`nl`).
    Dutch,
    /// Hungarian (`hu`).
    Hungarian,
    /// Czech (`cs`).
    Czech,
    /// Greek (`el`).
    Greek,
    /// Bulgarian (`bg`).
    Bulgarian,
    /// Belarusian (`be`).
    Belarusian,
    /// Marathi (`mr`).
    Marathi,
    /// Kannada (`kn`).
    Kannada,
    /// Romanian (`ro`).
    Romanian,
    /// Slovene (`sl`).
    Slovene,
    /// Croatian (`hr`).
    Croatian,
    /// Serbian (`sr`).
    Serbian,
    /// Macedonian (`mk`).
    Macedonian,
    /// Lithuanian (`lt`).
    Lithuanian,
    /// Latvian (`lv`).
    Latvian,
    /// Estonian (`et`).
    Estonian,
    /// Tamil (`ta`).
    Tamil,
    /// Vietnamese (`vi`).
    Vietnamese,
    /// Urdu (`ur`).
    Urdu,
    /// Thai (`th`).
    Thai,
    /// Gujarati (`gu`).
    Gujarati,
    /// Uzbek (`uz`).
    Uzbek,
    /// Punjabi (`pa`).
    Punjabi,
    /// Azerbaijani (`az`).
    Azerbaijani,
    /// Indonesian (`id`).
    Indonesian,
    /// Telugu (`te`).
    Telugu,
    /// Persian (`fa`).
    Persian,
    /// Malayalam (`ml`).
    Malayalam,
    /// Oriya (`or`).
    Oriya,
    /// Burmese (`my`).
    Burmese,
    /// Nepali (`ne`).
    Nepali,
    /// Sinhalese (`si`).
    Sinhalese,
    /// Khmer (`km`).
    Khmer,
    /// Turkmen (`tk`).
    Turkmen,
    /// Akan (`ak`).
    Akan,
    /// Zulu (`zu`).
    Zulu,
    /// Shona (`sn`).
    Shona,
    /// Afrikaans (`af`).
    Afrikaans,
    /// Latin (`la`).
    Latin,
    /// Slovak (`sk`).
    Slovak,
    /// Catalan (`ca`).
    Catalan,
    /// Tagalog (`tl`).
    Tagalog,
    /// Armenian (`hy`).
    Armenian,
    /// Welsh (`cy`).
    Welsh,
}

/// (language, whatlang's, ISO 639-1, ISO 639-3, English name), in `Lang` order.
const TABLE: [(Lang, W, &str, &str, &str); 70] = [
    (Lang::French, W::Fra, "fr", "fra", "French"),
    (Lang::Italian, W::Ita, "it", "ita", "Italian"),
    (Lang::English, W::Eng, "en", "eng", "English"),
    (Lang::Esperanto, W::Epo, "eo", "epo", "Esperanto"),
    (Lang::Russian, W::Rus, "ru", "rus", "Russian"),
    (Lang::Mandarin, W::Cmn, "zh", "cmn", "Mandarin"),
    (Lang::Spanish, W::Spa, "es", "spa", "Spanish"),
    (Lang::Portuguese, W::Por, "pt", "por", "Portuguese"),
    (Lang::Bengali, W::Ben, "bn", "ben", "Bengali"),
    (Lang::German, W::Deu, "de", "deu", "German"),
    (Lang::Ukrainian, W::Ukr, "uk", "ukr", "Ukrainian"),
    (Lang::Georgian, W::Kat, "ka", "kat", "Georgian"),
    (Lang::Arabic, W::Ara, "ar", "ara", "Arabic"),
    (Lang::Hindi, W::Hin, "hi", "hin", "Hindi"),
    (Lang::Japanese, W::Jpn, "ja", "jpn", "Japanese"),
    (Lang::Hebrew, W::Heb, "he", "heb", "Hebrew"),
    (Lang::Yiddish, W::Yid, "yi", "yid", "Yiddish"),
    (Lang::Polish, W::Pol, "pl", "pol", "Polish"),
    (Lang::Amharic, W::Amh, "am", "amh", "Amharic"),
    (Lang::Javanese, W::Jav, "jv", "jav", "Javanese"),
    (Lang::Korean, W::Kor, "ko", "kor", "Korean"),
    (Lang::Bokmal, W::Nob, "nb", "nob", "Bokmal"),
    (Lang::Danish, W::Dan, "da", "dan", "Danish"),
    (Lang::Swedish, W::Swe, "sv", "swe", "Swedish"),
    (Lang::Finnish, W::Fin, "fi", "fin", "Finnish"),
    (Lang::Turkish, W::Tur, "tr", "tur", "Turkish"),
    (Lang::Dutch, W::Nld, "nl", "nld", "Dutch"),
    (Lang::Hungarian, W::Hun, "hu", "hun", "Hungarian"),
    (Lang::Czech, W::Ces, "cs", "ces", "Czech"),
    (Lang::Greek, W::Ell, "el", "ell", "Greek"),
    (Lang::Bulgarian, W::Bul, "bg", "bul", "Bulgarian"),
    (Lang::Belarusian, W::Bel, "be", "bel", "Belarusian"),
    (Lang::Marathi, W::Mar, "mr", "mar", "Marathi"),
    (Lang::Kannada, W::Kan, "kn", "kan", "Kannada"),
    (Lang::Romanian, W::Ron, "ro", "ron", "Romanian"),
    (Lang::Slovene, W::Slv, "sl", "slv", "Slovene"),
    (Lang::Croatian, W::Hrv, "hr", "hrv", "Croatian"),
    (Lang::Serbian, W::Srp, "sr", "srp", "Serbian"),
    (Lang::Macedonian, W::Mkd, "mk", "mkd", "Macedonian"),
    (Lang::Lithuanian, W::Lit, "lt", "lit", "Lithuanian"),
    (Lang::Latvian, W::Lav, "lv", "lav", "Latvian"),
    (Lang::Estonian, W::Est, "et", "est", "Estonian"),
    (Lang::Tamil, W::Tam, "ta", "tam", "Tamil"),
    (Lang::Vietnamese, W::Vie, "vi", "vie", "Vietnamese"),
    (Lang::Urdu, W::Urd, "ur", "urd", "Urdu"),
    (Lang::Thai, W::Tha, "th", "tha", "Thai"),
    (Lang::Gujarati, W::Guj, "gu", "guj", "Gujarati"),
    (Lang::Uzbek, W::Uzb, "uz", "uzb", "Uzbek"),
    (Lang::Punjabi, W::Pan, "pa", "pan", "Punjabi"),
    (Lang::Azerbaijani, W::Aze, "az", "aze", "Azerbaijani"),
    (Lang::Indonesian, W::Ind, "id", "ind", "Indonesian"),
    (Lang::Telugu, W::Tel, "te", "tel", "Telugu"),
    (Lang::Persian, W::Pes, "fa", "pes", "Persian"),
    (Lang::Malayalam, W::Mal, "ml", "mal", "Malayalam"),
    (Lang::Oriya, W::Ori, "or", "ori", "Oriya"),
    (Lang::Burmese, W::Mya, "my", "mya", "Burmese"),
    (Lang::Nepali, W::Nep, "ne", "nep", "Nepali"),
    (Lang::Sinhalese, W::Sin, "si", "sin", "Sinhalese"),
    (Lang::Khmer, W::Khm, "km", "khm", "Khmer"),
    (Lang::Turkmen, W::Tuk, "tk", "tuk", "Turkmen"),
    (Lang::Akan, W::Aka, "ak", "aka", "Akan"),
    (Lang::Zulu, W::Zul, "zu", "zul", "Zulu"),
    (Lang::Shona, W::Sna, "sn", "sna", "Shona"),
    (Lang::Afrikaans, W::Afr, "af", "afr", "Afrikaans"),
    (Lang::Latin, W::Lat, "la", "lat", "Latin"),
    (Lang::Slovak, W::Slk, "sk", "slk", "Slovak"),
    (Lang::Catalan, W::Cat, "ca", "cat", "Catalan"),
    (Lang::Tagalog, W::Tgl, "tl", "tgl", "Tagalog"),
    (Lang::Armenian, W::Hye, "hy", "hye", "Armenian"),
    (Lang::Welsh, W::Cym, "cy", "cym", "Welsh"),
];

impl Lang {
    /// The ISO 639-1 code (`"fr"`), or the ISO 639-3 code where there is none.
    pub fn code(self) -> &'static str {
        self.row().2
    }

    /// The ISO 639-3 code (`"fra"`).
    pub fn code3(self) -> &'static str {
        self.row().3
    }

    /// The English name (`"French"`).
    pub fn name(self) -> &'static str {
        self.row().4
    }

    /// Parses an ISO 639-1 or ISO 639-3 code, ASCII case-insensitively, ignoring surrounding
    /// spaces.
    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.trim();
        TABLE
            .iter()
            .find(|r| r.2.eq_ignore_ascii_case(code) || r.3.eq_ignore_ascii_case(code))
            .map(|r| r.0)
    }

    /// Every language, in a fixed order.
    pub fn all() -> &'static [Lang] {
        static ALL: [Lang; 70] = {
            let mut all = [Lang::English; 70];
            let mut i = 0;
            while i < TABLE.len() {
                all[i] = TABLE[i].0;
                i += 1;
            }
            all
        };
        &ALL
    }

    fn row(self) -> &'static (Lang, W, &'static str, &'static str, &'static str) {
        // `Lang` has no explicit discriminants and TABLE is in declaration order.
        &TABLE[self as usize]
    }

    pub(crate) fn to_whatlang(self) -> W {
        self.row().1
    }

    pub(crate) fn from_whatlang(w: W) -> Option<Lang> {
        // One load through a table built at compile time (whatlang's enum is fieldless).
        static BY_WHATLANG: [u8; 256] = {
            let mut t = [u8::MAX; 256];
            let mut i = 0;
            while i < TABLE.len() {
                t[TABLE[i].1 as usize & 0xFF] = i as u8;
                i += 1;
            }
            t
        };
        let i = *BY_WHATLANG.get(w as usize & 0xFF)?;
        TABLE.get(usize::from(i)).filter(|r| r.1 == w).map(|r| r.0)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The error of parsing an unknown language code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownLang(pub String);

impl fmt::Display for UnknownLang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown language code `{}`", self.0)
    }
}

impl std::error::Error for UnknownLang {}

impl FromStr for Lang {
    type Err = UnknownLang;
    fn from_str(s: &str) -> Result<Lang, UnknownLang> {
        Lang::from_code(s).ok_or_else(|| UnknownLang(s.to_string()))
    }
}

impl Serialize for Lang {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Lang, D::Error> {
        let s = String::deserialize(d)?;
        Lang::from_code(&s).ok_or_else(|| serde::de::Error::custom(UnknownLang(s)))
    }
}

/// The languages that have a function-word list, in bit order.
const VOTE_LANGS: [Lang; 7] = [
    Lang::French,
    Lang::Italian,
    Lang::English,
    Lang::German,
    Lang::Spanish,
    Lang::Portuguese,
    Lang::Dutch,
];

/// A sentence whose vote reaches this many function words of one language, and none of
/// another, is decided without reading further.
const EARLY_VOTES: u32 = 3;

/// Sentences at least this long (bytes) with an unclear vote are given to whatlang.
const WHATLANG_MIN_BYTES: usize = 120;

/// Texts shorter than this (bytes) are first decided by their words alone, before whatlang.
const SHORT_TEXT_BYTES: usize = 200;

/// How much of the document whatlang sees when the votes do not tell (bytes).
const DOC_SAMPLE_BYTES: usize = 4096;

/// Decides the language of a document and of its sentences, restricted to an allowlist.
#[derive(Clone)]
pub(crate) struct LangDetector {
    allow: Vec<Lang>,
    /// `allow` as bits indexed by `Lang as usize`.
    allow_bits: u128,
    /// Bits of [`VOTE_LANGS`] that are allowed.
    vote_mask: u8,
    /// Some allowed language has no word list: undecided sentences go to whatlang sooner.
    unlisted: bool,
    /// The function words that vote for exactly one allowed language.
    votes: VoteTable,
    /// Frequent words (hashed) that vote for exactly one allowed language of French, Italian
    /// and English, sorted: read only when whatlang is unsure of a whole text.
    lexicon: Box<[(u64, u8)]>,
    whatlang: whatlang::Detector,
    /// lingua over the allowed languages, when all of them have a compiled model (French,
    /// Italian, English) and there are two or more: short texts the votes cannot decide.
    #[cfg(feature = "lingua")]
    lingua: Option<std::sync::Arc<lingua::LanguageDetector>>,
}

/// An open-addressing hash table from a packed function word to the one allowed language it
/// votes for: one multiply and, for most words, one probe, where a binary search over every
/// function word took eight.
#[derive(Clone)]
struct VoteTable {
    /// `(key, 1 + index into VOTE_LANGS)`; key 0 marks an empty slot (no word packs to 0).
    slots: Box<[(u64, u8)]>,
}

impl VoteTable {
    /// Slots: a power of two, over four times the number of function words.
    const BITS: u32 = 10;

    fn new(vote_mask: u8) -> VoteTable {
        let mut slots = vec![(0u64, 0u8); 1 << Self::BITS].into_boxed_slice();
        for &(key, langs) in &FUNCTION_WORDS {
            let mask = langs & vote_mask;
            if mask.count_ones() != 1 {
                continue;
            }
            let mut h = Self::slot(key);
            while slots.get(h).is_some_and(|s| s.0 != 0) {
                h = (h + 1) & ((1 << Self::BITS) - 1);
            }
            if let Some(s) = slots.get_mut(h) {
                *s = (key, mask.trailing_zeros() as u8 + 1);
            }
        }
        VoteTable { slots }
    }

    #[inline]
    fn slot(key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - Self::BITS)) as usize
    }

    /// The index into [`VOTE_LANGS`] of the allowed language `key` votes for, if any.
    #[inline]
    fn get(&self, key: u64) -> Option<usize> {
        let mut h = Self::slot(key);
        loop {
            let &(k, lang) = self.slots.get(h)?;
            if k == key {
                return Some(usize::from(lang) - 1);
            }
            if k == 0 {
                return None;
            }
            h = (h + 1) & ((1 << Self::BITS) - 1);
        }
    }
}

impl fmt::Debug for LangDetector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LangDetector")
            .field("allow", &self.allow)
            .finish()
    }
}

/// Votes per [`VOTE_LANGS`] entry.
type Votes = [u32; 7];

impl LangDetector {
    pub(crate) fn new(allow: &[Lang]) -> LangDetector {
        let mut vote_mask = 0u8;
        let mut unlisted = false;
        for l in allow {
            match VOTE_LANGS.iter().position(|v| v == l) {
                Some(i) => vote_mask |= 1 << i,
                None => unlisted = true,
            }
        }
        LangDetector {
            allow: allow.to_vec(),
            allow_bits: allow.iter().fold(0u128, |b, &l| b | (1u128 << (l as usize))),
            vote_mask,
            unlisted,
            votes: VoteTable::new(vote_mask),
            lexicon: lexicon(vote_mask),
            whatlang: whatlang::Detector::with_allowlist(allow.iter().map(|l| l.to_whatlang()).collect()),
            #[cfg(feature = "lingua")]
            lingua: lingua_detector(allow),
        }
    }

    pub(crate) fn allowlist(&self) -> &[Lang] {
        &self.allow
    }

    /// whatlang's answer if it is allowed: whatlang answers from the script alone where one
    /// language writes it (Greek, Hebrew...), whatever its allowlist.
    fn allowed(&self, w: W) -> Option<Lang> {
        Lang::from_whatlang(w).filter(|&l| self.allow_bits & (1u128 << (l as usize)) != 0)
    }

    /// Pushes the language of each sentence into `out` (cleared first) and returns the
    /// document's.
    pub(crate) fn detect(
        &self,
        text: &str,
        sentences: &[Range<usize>],
        out: &mut Vec<Option<Lang>>,
    ) -> Option<Lang> {
        out.clear();
        let mut total: Votes = [0; 7];
        // One pass: each sentence's clear vote goes straight into `out`; the others (`None`)
        // are decided once the document's language is known.
        for r in sentences {
            let v = self.votes(text.get(r.clone()).unwrap_or(""));
            for (t, x) in total.iter_mut().zip(v) {
                *t += x;
            }
            out.push(self.clear_winner(&v, 2));
        }
        let doc = self.document(text, &total);
        for (r, lang) in sentences.iter().zip(out.iter_mut()) {
            if lang.is_some() {
                continue;
            }
            let s = text.get(r.clone()).unwrap_or("");
            *lang = if s.len() >= WHATLANG_MIN_BYTES || (self.unlisted && s.len() >= 40) {
                self.whatlang
                    .detect(s)
                    .filter(|i| i.is_reliable())
                    .and_then(|i| self.allowed(i.lang()))
                    .or(doc)
            } else {
                doc
            };
        }
        doc
    }

    /// The document language from the summed votes, else whatlang on a sample.
    fn document(&self, text: &str, total: &Votes) -> Option<Lang> {
        if let Some(l) = self.clear_winner(total, 3) {
            return Some(l);
        }
        if !text.chars().any(char::is_alphabetic) {
            return None;
        }
        let mut end = text.len().min(DOC_SAMPLE_BYTES);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let sample = text.get(..end).unwrap_or("");
        let listed = self.vote_mask & 0b111 != 0;
        // A short text whose words (function words, frequent words, shapes) clearly point to one
        // language needs no trigram model: decided here, whatlang is not even run.
        if listed && sample.len() < SHORT_TEXT_BYTES {
            let mut v = *total;
            self.lexicon_votes(sample, &mut v);
            shape_votes(sample, self.vote_mask, 1, &mut v);
            if let Some(l) = self.clear_winner(&v, 2) {
                return Some(l);
            }
        }
        let guess = self.whatlang.detect(sample);
        if let Some(l) = guess
            .as_ref()
            .filter(|i| i.is_reliable())
            .and_then(|i| self.allowed(i.lang()))
        {
            return Some(l);
        }
        // whatlang is unsure (short texts always are): a clear vote of function words, even of
        // one word, beats its trigram guess; in a short text, frequent words vote too.
        let short = sample.len() < SHORT_TEXT_BYTES;
        let mut v = *total;
        if short {
            self.lexicon_votes(sample, &mut v);
        }
        if let Some(l) = self.clear_winner(&v, 1) {
            return Some(l);
        }
        // With the `lingua` feature, lingua decides what the word votes leave tied, before the
        // one-word shape votes (better on the Universal Dependencies dev sets and on half of
        // lingua's test lists; asked earlier, in place of the one-word votes, it did worse).
        #[cfg(feature = "lingua")]
        if let Some(d) = self.lingua.as_ref().filter(|_| short) {
            if let Some(l) = d.detect_language_of(sample).and_then(from_lingua) {
                return Some(l);
            }
        }
        // Still tied: the shapes of the words (endings and letters each language favours).
        if listed && short {
            shape_votes(sample, self.vote_mask, 2, &mut v);
            if let Some(l) = self.clear_winner(&v, 1) {
                return Some(l);
            }
        }
        if let Some(l) = guess.and_then(|i| self.allowed(i.lang())) {
            return Some(l);
        }
        let best = (0..7).filter(|&i| total[i] > 0).max_by_key(|&i| total[i]);
        best.map(|i| VOTE_LANGS[i])
            .or_else(|| self.allow.first().copied())
    }

    /// The winner of a vote if it has at least `min` votes and clearly beats the runner-up
    /// (twice as many votes, or no rival at all).
    fn clear_winner(&self, v: &Votes, min: u32) -> Option<Lang> {
        let mut best = 0;
        let mut second = 0;
        let mut who = None;
        for (i, &n) in v.iter().enumerate() {
            if n > best {
                second = best;
                best = n;
                who = Some(i);
            } else if n > second {
                second = n;
            }
        }
        let i = who?;
        let clear = best >= min && (second == 0 || best >= 2 * second);
        clear.then(|| VOTE_LANGS[i])
    }

    /// Counts the function words of `s` that belong to exactly one allowed language.
    #[inline]
    fn votes(&self, s: &str) -> Votes {
        let mut v: Votes = [0; 7];
        if self.vote_mask == 0 {
            return v;
        }
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Eight bytes at a time while they last: skip the ASCII non-letters before a word,
            // and read an ASCII word of seven letters or fewer that an ASCII non-letter ends
            // (most words) from the same load, then find the next word in it. Anything else
            // (a longer word, a word that a non-ASCII byte starts or ends, the last bytes)
            // goes on to the byte-wise paths below, which decide the same.
            if let Some(x) = bytes.get(i..).and_then(crate::swar::load) {
                let letters = ascii_letter_lanes(x);
                let high = x & crate::swar::HI;
                let starts = letters | high;
                if starts == 0 {
                    i += 8;
                    continue;
                }
                let first = (starts.trailing_zeros() / 8) as usize;
                if first != 0 {
                    i += first;
                    continue;
                }
                let stop = !letters & crate::swar::HI;
                let len = (stop.trailing_zeros() / 8) as usize;
                // `len` is 8 when no lane stops the word (`stop == 0`).
                if high & 0x80 == 0 && len < 8 && (high >> (8 * len)) & 0x80 == 0 {
                    let mask = u64::MAX >> (64 - 8 * len);
                    let key = (x & mask) | (0x2020_2020_2020_2020 & mask);
                    if counts(key, bytes, i + len) && self.vote(key, &mut v) {
                        break;
                    }
                    // Lanes up to `len` hold no letter and no non-ASCII byte past the word.
                    let next = starts & (u64::MAX << (8 * len));
                    i += if next == 0 {
                        8
                    } else {
                        (next.trailing_zeros() / 8) as usize
                    };
                    continue;
                }
                // Eight ASCII letters: find where the word ends, eight bytes at a time; a
                // word of more than eight letters is no function word.
                if stop == 0 && high == 0 {
                    let mut j = i + 8;
                    let mut end = None;
                    while let Some(y) = bytes.get(j..).and_then(crate::swar::load) {
                        let stop = !ascii_letter_lanes(y) & crate::swar::HI;
                        if stop != 0 {
                            let k = (stop.trailing_zeros() / 8) as usize;
                            // A non-ASCII byte after the letters may continue the word.
                            if (y >> (8 * k)) & 0x80 == 0 {
                                end = Some(j + k);
                            }
                            break;
                        }
                        j += 8;
                    }
                    if let Some(end) = end {
                        if end == i + 8 {
                            let key = x | 0x2020_2020_2020_2020;
                            if counts(key, bytes, end) && self.vote(key, &mut v) {
                                break;
                            }
                        }
                        i = end;
                        continue;
                    }
                }
            }
            // Skip to a letter.
            let b = bytes[i];
            if b < 0x80 && !b.is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            // Fast path: an ASCII word (the common case), lower-cased by setting bit 5 of
            // each letter and packed into `key` in one load when it fits in 8 bytes.
            let start = i;
            let mut j = i;
            // Eight bytes at a time: the first lane that is no ASCII letter ends the run.
            while let Some(x) = bytes.get(j..).and_then(crate::swar::load) {
                let stop = !ascii_letter_lanes(x) & crate::swar::HI;
                if stop != 0 {
                    j += (stop.trailing_zeros() / 8) as usize;
                    break;
                }
                j += 8;
            }
            while bytes.get(j).is_some_and(u8::is_ascii_alphabetic) {
                j += 1;
            }
            if j > i && bytes.get(j).is_none_or(|&b| b < 0x80) {
                i = j;
                let len = j - start;
                if len > 8 {
                    continue;
                }
                let key = match bytes.get(start..).and_then(crate::swar::load) {
                    Some(w) => w & (u64::MAX >> (64 - 8 * len)),
                    None => bytes
                        .get(start..j)
                        .unwrap_or(&[])
                        .iter()
                        .rev()
                        .fold(0u64, |k, &b| (k << 8) | u64::from(b)),
                } | (0x2020_2020_2020_2020 & (u64::MAX >> (64 - 8 * len)));
                if counts(key, bytes, j) && self.vote(key, &mut v) {
                    break;
                }
                continue;
            }
            // The general path: read the word (letters only; apostrophes and digits end it),
            // lower-cased and packed into `key` while it fits in 8 bytes: longer words are no
            // function words.
            let mut len = 0usize;
            let mut key = 0u64;
            let mut put = |x: u8, len: &mut usize| {
                if *len < 8 {
                    key |= u64::from(x) << (8 * *len);
                }
                *len += 1;
            };
            while i < bytes.len() {
                let b = bytes[i];
                if b < 0x80 {
                    if !b.is_ascii_alphabetic() {
                        break;
                    }
                    put(b.to_ascii_lowercase(), &mut len);
                    i += 1;
                } else if b == 0xC3
                    && matches!(bytes.get(i + 1), Some(&c) if c >= 0x80 && c != 0x97 && c != 0xB7)
                {
                    // Latin-1 letters (à, é, È, ù...): lower-case on the second byte.
                    let c = bytes.get(i + 1).copied().unwrap_or(0x80);
                    put(0xC3, &mut len);
                    put(if c <= 0x9E { c + 0x20 } else { c }, &mut len);
                    i += 2;
                } else {
                    let Some(c) = s.get(i..).and_then(|t| t.chars().next()) else {
                        i += 1;
                        break;
                    };
                    if !is_alphabetic(c) {
                        if i == start {
                            i += c.len_utf8();
                        }
                        break;
                    }
                    for l in c.to_lowercase() {
                        let mut tmp = [0u8; 4];
                        for &x in l.encode_utf8(&mut tmp).as_bytes() {
                            put(x, &mut len);
                        }
                    }
                    i += c.len_utf8();
                }
            }
            if (1..=8).contains(&len) && counts(key, bytes, i) && self.vote(key, &mut v) {
                break;
            }
        }
        v
    }

    /// Adds the votes of the frequent words among the first [`LEXICON_MAX_WORDS`] words of `s`,
    /// and of English contractions (`it's`, `won't`) when English is allowed.
    fn lexicon_votes(&self, s: &str, v: &mut Votes) {
        if self.lexicon.is_empty() {
            return;
        }
        if self.vote_mask & 0b100 != 0 {
            v[2] += english_contractions(s);
        }
        for word in s
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .take(LEXICON_MAX_WORDS)
        {
            let key = word_hash(word);
            if let Ok(k) = self.lexicon.binary_search_by_key(&key, |e| e.0) {
                let bits = self.lexicon.get(k).map_or(0, |e| e.1);
                if let Some(n) = v.get_mut(bits.trailing_zeros() as usize) {
                    *n += 1;
                }
            }
        }
    }

    /// Counts the vote of the packed word `key`, if it is a function word of exactly one
    /// allowed language; true when that decides the sentence (enough votes, no rival), so the
    /// rest need not be read.
    #[inline]
    fn vote(&self, key: u64, v: &mut Votes) -> bool {
        let Some(k) = self.votes.get(key) else {
            return false;
        };
        let Some(n) = v.get_mut(k) else {
            return false;
        };
        *n += 1;
        let count = *n;
        count >= EARLY_VOTES && v.iter().enumerate().all(|(j, &n)| j == k || n == 0)
    }
}

/// [`char::is_alphabetic`], answered without Unicode's tables for the punctuation that news
/// text writes outside ASCII: Latin-1's symbols (`«`, `»`, no-break space; only `ª`, `µ` and
/// `º` are letters there) and the General Punctuation block (`’`, `“`, `–`, `…`), which holds
/// no letter. The unit tests compare it with the standard library on both ranges.
#[inline]
pub(crate) fn is_alphabetic(c: char) -> bool {
    match c {
        '\u{80}'..='\u{BF}' => matches!(c, 'ª' | 'µ' | 'º'),
        '\u{2000}'..='\u{206F}' => false,
        _ => c.is_alphabetic(),
    }
}

/// lingua restricted to `allow`, if every allowed language is one of its compiled models
/// (French, Italian, English) and there are two or more.
#[cfg(feature = "lingua")]
fn lingua_detector(allow: &[Lang]) -> Option<std::sync::Arc<lingua::LanguageDetector>> {
    let langs: Vec<lingua::Language> = allow
        .iter()
        .map(|l| match l {
            Lang::French => Some(lingua::Language::French),
            Lang::Italian => Some(lingua::Language::Italian),
            Lang::English => Some(lingua::Language::English),
            _ => None,
        })
        .collect::<Option<Vec<_>>>()?;
    if langs.len() < 2 {
        return None;
    }
    Some(std::sync::Arc::new(
        lingua::LanguageDetectorBuilder::from_languages(&langs).build(),
    ))
}

/// Our language for one of lingua's compiled models.
#[cfg(feature = "lingua")]
fn from_lingua(l: lingua::Language) -> Option<Lang> {
    match l {
        lingua::Language::French => Some(Lang::French),
        lingua::Language::Italian => Some(Lang::Italian),
        lingua::Language::English => Some(Lang::English),
        #[allow(unreachable_patterns)]
        _ => None,
    }
}

/// Adds a vote for each of the first [`LEXICON_MAX_WORDS`] words of `s` whose shape points to
/// one allowed language of French, Italian and English (bits of [`VOTE_LANGS`] in `mask`): letters
/// and endings each one favours (`ç`, `-eux`, `-ée`, `é` or `è` inside a word, `-aire`, `-ez`
/// French; `-zione`, `-mente`, a final `o` or `a`, `ì` `ò`, `-tti` `-mmi` Italian; `w`, `k`,
/// `th`, `ee`, `-ing`, `-ly`, `-ous`, `-tment`, `-ss`, a final `y` English). Written for nomina
/// from the languages' spelling; a tie-breaker for texts too short for anything else.
fn shape_votes(s: &str, mask: u8, strong: u32, v: &mut Votes) {
    for word in s
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.len() >= 3)
        .take(LEXICON_MAX_WORDS)
    {
        let mut buf = [0u8; 48];
        let mut len = 0;
        let mut fits = true;
        for c in word.chars().flat_map(char::to_lowercase) {
            let mut tmp = [0u8; 4];
            let enc = c.encode_utf8(&mut tmp).as_bytes();
            match buf.get_mut(len..len + enc.len()) {
                Some(dst) => dst.copy_from_slice(enc),
                None => {
                    fits = false;
                    break;
                }
            }
            len += enc.len();
        }
        if !fits {
            continue;
        }
        let w = std::str::from_utf8(buf.get(..len).unwrap_or(&[])).unwrap_or("");
        if let Some((k, is_strong)) = shape(w) {
            if mask & (1 << k) != 0 {
                if let Some(n) = v.get_mut(k) {
                    *n += if is_strong { strong } else { 1 };
                }
            }
        }
    }
}

/// How many English contractions `s` holds among its first [`LEXICON_MAX_WORDS`] apostrophes: a
/// letter, an apostrophe (`'` or `’`), then `s`, `m`, `t`, `d`, `re`, `ve` or `ll` ending the
/// word (`it's`, `I'm`, `won't`, `we're`, `they'll`). French and Italian elide before the
/// apostrophe (`l'homme`, `c'è`, `po'`), so what follows it is a word of its own.
fn english_contractions(s: &str) -> u32 {
    let b = s.as_bytes();
    let mut n = 0;
    let mut seen = 0;
    let mut i = 1;
    while i < b.len() && seen < LEXICON_MAX_WORDS {
        let len = match b.get(i..) {
            Some([b'\'', ..]) => 1,
            Some([0xE2, 0x80, 0x99, ..]) => 3,
            _ => {
                i += 1;
                continue;
            }
        };
        seen += 1;
        if b.get(i - 1).is_some_and(u8::is_ascii_alphabetic) {
            let rest = b.get(i + len..).unwrap_or(&[]);
            let tail = rest.iter().take_while(|c| c.is_ascii_alphabetic()).count();
            let word = rest.get(..tail).unwrap_or(&[]);
            let ends = rest.get(tail).is_none_or(|&c| c < 0x80);
            if ends
                && matches!(
                    word.to_ascii_lowercase().as_slice(),
                    b"s" | b"m" | b"t" | b"d" | b"re" | b"ve" | b"ll"
                )
            {
                n += 1;
            }
        }
        i += len;
    }
    n
}

/// The language (index into [`VOTE_LANGS`]: 0 French, 1 Italian, 2 English) a lower-case word's
/// spelling points to, if any.
#[cfg(test)]
fn word_shape(w: &str) -> Option<usize> {
    shape(w).map(|s| s.0)
}

/// [`word_shape`], and whether the clue is strong (an ending or letters the other two
/// languages hardly have) rather than weak (a final `o`, `a` or `y`, common in names).
fn shape(w: &str) -> Option<(usize, bool)> {
    const FR: usize = 0;
    const IT: usize = 1;
    const EN: usize = 2;
    let ascii = w.is_ascii();
    if w.contains(['ç', 'œ', 'ê', 'û', 'î', 'ô', 'â', 'ë', 'ï']) {
        return Some((FR, true));
    }
    if w.ends_with(['ì', 'ò'])
        || (w.ends_with('ù') && w != "où")
        || (w.ends_with('à') && !w.ends_with("jà") && !w.ends_with("là"))
    {
        return Some((IT, true));
    }
    if (w.ends_with('é') || w.ends_with("ée") || w.ends_with("és") || w.ends_with("ées"))
        && !w.ends_with("ché")
    {
        return Some((FR, true));
    }
    // Italian writes `è` and `é` only on a last syllable (`perché`, `caffè`); English hardly ever.
    if w.contains(['è', 'é']) && !w.ends_with(['è', 'é']) {
        return Some((FR, true));
    }
    const FR_ENDS: [&str; 22] = [
        "eux", "eau", "eaux", "aux", "oire", "ique", "ais", "ait", "aient", "eur", "euse", "ette", "ienne",
        "ois", "iques", "eurs", "aire", "aires", "oir", "oirs", "eront", "erez",
    ];
    const IT_ENDS: [&str; 16] = [
        "zione", "zioni", "mente", "ità", "ato", "ata", "ati", "ito", "ita", "iti", "uto", "uta", "ione",
        "ioni", "anza", "enza",
    ];
    const EN_ENDS: [&str; 34] = [
        "ing", "ly", "ness", "ful", "ship", "ght", "sh", "ck", "tch", "ay", "ey", "ow", "ew", "ed", "less",
        "ities", "cies", "yment", "ssment", "nment", "tment", "pment", "hment", "lment", "ual", "uals",
        "ism", "ists", "ize", "izes", "ics", "ugh", "ss", "ll",
    ];
    if IT_ENDS.iter().any(|e| w.ends_with(e)) {
        return Some((IT, true));
    }
    if FR_ENDS.iter().any(|e| w.ends_with(e)) {
        return Some((FR, true));
    }
    if ascii && (w.contains(['w', 'k']) || w.contains("th")) {
        return Some((EN, true));
    }
    if ascii && EN_ENDS.iter().any(|e| w.ends_with(e)) && w != "qual" {
        return Some((EN, true));
    }
    if ascii && w.ends_with('y') {
        return Some((EN, false));
    }
    // `-ian` (`canadian`; French `-ien`, Italian `-iano`), `-ic` (`chronic`; French `-ique`,
    // Italian `-ico`) but the French `public`, `diagnostic`, `trafic`, `chic`.
    if ascii
        && (w.ends_with("ian")
            || w.ends_with("ians")
            || (w.len() >= 5 && w.ends_with("ic") && !matches!(w, "public" | "diagnostic" | "trafic")))
    {
        return Some((EN, true));
    }
    // `ee` inside a word (`speech`, `between`); Italian has it only at the end (`idee`, `linee`).
    // `oo` before d, k, m, n, t (`good`, `book`, `room`, `soon`, `foot`), not `alcool`, `coop-`.
    if ascii
        && ((w.contains("ee") && !w.ends_with("ee"))
            || ["ood", "ook", "oom", "oon", "oot"].iter().any(|p| w.contains(p)))
    {
        return Some((EN, true));
    }
    // `-ous` (`various`, `serious`): French has it in short words (`vous`, `tous`) and `dessous`.
    if ascii && w.len() >= 6 && w.ends_with("ous") && w != "dessous" {
        return Some((EN, true));
    }
    // The second person plural of French verbs (`marchez`, `prendrez`).
    if w.len() >= 5 && w.ends_with("ez") {
        return Some((FR, true));
    }
    // A doubled consonant before a final `i`: Italian masculine plurals (`programmi`, `tutti`).
    const IT_DOUBLE_I: [&str; 11] = [
        "mmi", "tti", "lli", "cci", "ggi", "zzi", "nni", "rri", "ppi", "bbi", "ffi",
    ];
    if IT_DOUBLE_I.iter().any(|e| w.ends_with(e)) {
        return Some((IT, true));
    }
    if w.contains("zz") || w.contains("cch") || w.contains("gli") {
        return Some((IT, true));
    }
    if w.len() >= 4 && w.ends_with(['o', 'a']) {
        return Some((IT, false));
    }
    None
}

/// How many words of a text the frequent-word lexicon reads.
const LEXICON_MAX_WORDS: usize = 64;

/// FNV-1a over the lower-cased UTF-8 of `word`.
fn word_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut buf = [0u8; 4];
    for c in word.chars().flat_map(char::to_lowercase) {
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

/// True if `word` (lower-case) is in [`FUNCTION_WORDS`] for one of the languages in `mask` (bits
/// of [`VOTE_LANGS`]), which votes for it already (and not at all when it is shared: `la`, `il`,
/// `le` are French and Italian). A function word of other languages only (`do`, Portuguese)
/// stays in the lexicon.
fn is_function_word(word: &str, mask: u8) -> bool {
    let w = word.as_bytes();
    if w.len() > 8 {
        return false;
    }
    let key = w.iter().rev().fold(0u64, |k, &b| (k << 8) | u64::from(b));
    FUNCTION_WORDS
        .binary_search_by_key(&key, |e| e.0)
        .is_ok_and(|i| FUNCTION_WORDS.get(i).is_some_and(|e| e.1 & mask != 0))
}

/// What the guard against names that are common words does with a name (see
/// [`AnalyzerBuilder::common_words`](crate::AnalyzerBuilder::common_words) for the rule, and
/// [`Analyzer::common_name`](crate::Analyzer::common_name) to ask about a name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CommonName {
    /// Spelt without a capital and made only of function words of the allowed languages (`di`,
    /// `le`, `que`, `à la`), or a single frequent word naming a person, place or organisation
    /// (`modo`, `sera`): not compiled, never matched.
    Dropped,
    /// One function word of an allowed language, spelt with a capital (`Il`, `LA`, `Elle`):
    /// matched only where the text spells it exactly as the name, and at the start of a
    /// sentence only when the text writes it in capitals.
    FunctionWord,
    /// One word spelt with a capital that differs from a function word by its accents only
    /// (`Côme` and `come`, `Sé` and `se`): matched only where the text spells it exactly as the
    /// name (`Côme`, not `Come`).
    Homograph,
}

/// The common words of the allowed languages, folded as names are: the function words of every
/// allowed language that has a list, and the frequent words of French, Italian and English
/// when allowed (the lists the language vote reads).
#[derive(Debug, Clone, Default)]
pub(crate) struct CommonWords {
    /// Folded word, and whether it is a function word (else a frequent one).
    words: std::collections::HashMap<Box<[u8]>, bool>,
    /// The function words as written (lower case, accents kept).
    function: std::collections::HashSet<String>,
}

impl CommonWords {
    /// The common words of the allowed languages, built once per set of listed languages in
    /// the process and shared (building them takes over a millisecond: every analyzer build
    /// would pay it).
    pub(crate) fn shared(allow: &[Lang]) -> std::sync::Arc<CommonWords> {
        static BUILT: [std::sync::OnceLock<std::sync::Arc<CommonWords>>; 128] =
            [const { std::sync::OnceLock::new() }; 128];
        let mut mask = 0u8;
        for l in allow {
            if let Some(i) = VOTE_LANGS.iter().position(|v| v == l) {
                mask |= 1 << i;
            }
        }
        match BUILT.get(usize::from(mask)) {
            Some(cell) => cell
                .get_or_init(|| std::sync::Arc::new(CommonWords::new(mask)))
                .clone(),
            None => std::sync::Arc::new(CommonWords::new(mask)),
        }
    }

    /// The common words of the languages `mask` holds (bits of [`VOTE_LANGS`]).
    fn new(mask: u8) -> CommonWords {
        let fold = |w: &str| crate::normalize::fold_str(w).into_bytes().into_boxed_slice();
        let mut words = std::collections::HashMap::new();
        let mut function = std::collections::HashSet::new();
        for &(key, langs) in &FUNCTION_WORDS {
            if langs & mask == 0 {
                continue;
            }
            let bytes = key.to_le_bytes();
            let len = bytes.iter().position(|&b| b == 0).unwrap_or(8);
            if let Some(w) = bytes.get(..len).and_then(|b| std::str::from_utf8(b).ok()) {
                words.insert(fold(w), true);
                function.insert(w.to_string());
            }
        }
        for (bit, list) in FREQUENT_LISTS {
            if bit & mask == 0 {
                continue;
            }
            for w in list_words(list) {
                words.entry(fold(w)).or_insert(false);
            }
        }
        CommonWords { words, function }
    }

    /// What the guard does with the name `name`, folded to `folded`: `proper` when it names a
    /// person, a place or an organisation. `None` when the name is not made of common words,
    /// or the guard leaves it to the usual rules.
    pub(crate) fn class(&self, name: &str, folded: &[u8], proper: bool) -> Option<CommonName> {
        let text = std::str::from_utf8(folded).ok()?;
        let mut words = 0;
        let mut function = true;
        for w in text
            .split(|c: char| !crate::normalize::is_word_char(c))
            .filter(|w| !w.is_empty())
        {
            function &= *self.words.get(w.as_bytes())?;
            words += 1;
        }
        let dropped = function || (words == 1 && proper);
        // Asked once the words are known to be common (most names stop at their first word).
        let capitalised = name.chars().any(char::is_uppercase);
        match (words, capitalised) {
            (0, _) => None,
            (_, false) => dropped.then_some(CommonName::Dropped),
            (1, true) if function => Some(if self.function.contains(name.trim().to_lowercase().as_str()) {
                CommonName::FunctionWord
            } else {
                CommonName::Homograph
            }),
            _ => None,
        }
    }
}

/// The frequent-word lexicon for the allowed languages among French, Italian and English (bits
/// of [`VOTE_LANGS`] in `vote_mask`): (hash, the one language it votes for), sorted by hash;
/// words of several allowed languages are left out. Empty unless two of them are allowed.
fn lexicon(vote_mask: u8) -> Box<[(u64, u8)]> {
    let mask = vote_mask & 0b111;
    if mask.count_ones() < 2 {
        return Box::new([]);
    }
    let mut all: Vec<(u64, u8)> = Vec::new();
    for (bit, words) in FREQUENT_LISTS {
        all.extend(
            list_words(words)
                .filter(|w| !is_function_word(w, 0b111))
                .map(|w| (word_hash(w), bit)),
        );
    }
    all.sort_unstable();
    let mut merged: Vec<(u64, u8)> = Vec::with_capacity(all.len());
    for (h, bit) in all {
        match merged.last_mut() {
            Some(last) if last.0 == h => last.1 |= bit,
            _ => merged.push((h, bit)),
        }
    }
    merged.retain_mut(|e| {
        e.1 &= mask;
        e.1.count_ones() == 1
    });
    merged.into_boxed_slice()
}

/// The frequent-word lists, with the languages (bits of [`VOTE_LANGS`]) each speaks for.
const FREQUENT_LISTS: [(u8, &str); 7] = [
    (0b001, FREQUENT_FR),
    (0b010, FREQUENT_IT),
    (0b100, FREQUENT_EN),
    (0b001, MORE_FR),
    (0b010, MORE_IT),
    (0b100, MORE_EN),
    (0b111, SHARED),
];

/// The words of a list: white-space separated, lines starting with `#` left out.
fn list_words(list: &str) -> impl Iterator<Item = &str> {
    list.lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(str::split_whitespace)
}

/// Frequent words of French, Italian and English news and everyday writing, a few hundred each,
/// chosen and written for nomina by its authors from their own knowledge of the languages (no
/// word list was copied; same licence as the code). Words shared by two lists are dropped when
/// the table is built; elided and contracted forms appear as their part before the apostrophe
/// (`aujourd`, `didn`).
/// More frequent words per language, one file each (`src/lexicon/`, written for nomina like the
/// lists below; lines starting with `#` are comments).
const MORE_FR: &str = include_str!("lexicon/fr.txt");
const MORE_IT: &str = include_str!("lexicon/it.txt");
const MORE_EN: &str = include_str!("lexicon/en.txt");
/// Words spelt alike in two of the languages (or left by English contractions): never a vote.
const SHARED: &str = include_str!("lexicon/shared.txt");

const FREQUENT_FR: &str = "\
abord accord accueil actions album aller allons alors amende annoncé année années ans août \
appel appelle après assez aucun aujourd aussi autre autres avaient avait avant avec avocat \
avocats avoir avril beaucoup bien bon bonne car cause cela celle celui certains chambre \
championnat change chanson chaque cher chez chose choses club comment commune connaît \
conseil contre court croit côté demain depuis dernier dernière deux deuxième devant devient \
dimanche dire directeur disent dit dix doit donc dont décembre décision déclaré déjà \
délicieux département elle elles encore enfants enfin ensemble entre entreprise est \
européen européenne eux excellent face faire fait famille faut femme femmes fille film fils \
fin fois font four français française fut février gens gouvernement grand grande grandes \
grands groupe guerre général habitants heure heures hier histoire homme hommes horrible \
hôtel ici internationale jamais janvier jeudi jeune joueur jour jours juge juillet juin \
jusqu large leur leurs livre loi long lors lui lundi là mai maintenant mais maison mal \
mardi mars match matin me mercredi met mettre midi ministre moi moins mois moment mon monde \
monsieur mort morte musique mère même nationale ne neuf non norme nos notre nouveau \
nouvelle nouvelles novembre nuit né octobre ont oui où par parce parfois part partie pas \
pays pendant pense personne personnel petit petite peu peut peuvent place plats plus \
plusieurs point police pour pourquoi pourrait premier première prend prendre presque prix \
prochain professionnel près président puis père qualité quand quatre quel quelle quelque \
quelques question qui quoi recommande responsables restaurant reste rien rue région sa \
saison sait samedi sans savoir second selon semaine semble sent septembre sera serait \
seront service ses seul seule seulement si sien situé située six siècle société sociétés \
soir son sont sous souvent suis sur surtout tant tard temps terrible titre toujours tous \
tout toute toutes travail tribunal trois troisième trop trouve très un une va vais vendredi \
venir vers victoire vie viennent vient village ville voir vont vous vrai vraiment vu yeux \
ça école église équipe étaient étais était état été être";

const FREQUENT_IT: &str = "\
abbiamo abitanti accordo adesso agli agosto alle allo allora altra altre altri altro anche \
ancora andare anni anno annunciato aprile articolo avere aveva avevano avvocati avvocato \
azienda aziende azioni basta bene bisogno campionato canzone casa case caso cento certo che \
chi chiama chiesa ci cinque cioè città codice come comma comune comunque con conosce \
consiglio contro cosa cose così crede cui da dai dall dalla dallo degli dei del dell della \
delle dello detto deve devono dice dicembre diceva dichiarato dicono dietro dire direttore \
diritti diritto disposizioni diventa domenica dopo dove dovrebbe due dunque ebbe ecco egli \
era erano essere europea europeo fa faceva famiglia fanno fare fatto febbraio figli fine \
fino forse fra fu gas generale gennaio gente giocatore giorni giorno giovedì giudice giugno \
già gli governo grande grandi gruppo ha hanno ho il internazionale io italiana italiani \
italiano la lavoro le legge lei libro lo loro luglio lui lunedì ma maggio mai martedì marzo \
mattina meglio meno mentre mercoledì mese mesi mette mettere mi mia ministro mio modo molto \
mondo morto multa musica nato nazionale ne nei nel nell nella nelle nessuno niente noi non \
nonché norma norme nostra nostro novembre nulla nuova nuovo o oggi ogni ora otto ottobre \
ovvero paese parte partita pensa per perché però più poco poi polizia portavoce possono \
potrebbe prende prendere presidente prima primo proprietà proprio prossimo proveniva \
provincia può qualche quale qualora quando quanto quattro quella quelle quelli quello \
questa queste questi questo qui quindi regione responsabili resta ricorso sa sabato sapere \
saranno sarà scorso scuola secolo secondo sei sembra sempre sentenza senza settembre \
settimana sia siamo situato società sono sopra sotto squadra stagione stata state stati \
stato stava stavano stesso storia strada su sua sue sui sul sull sulla suo suoi tanto tempo \
terzo titolo tra tre tribunale troppo trova tutta tutte tutti tutto ultima una uno uomo va \
vanno vedere venerdì vengono venire viene visto vita vittoria voi volta volte weekend è";

const FREQUENT_EN: &str = "\
about according after again against ago agreement album all almost also always am amazing \
announced another answer any anyone anything appeal aren around asked attached away awesome \
back bad because become been before being believe best better between big board both bought \
breakfast brought business but buy call called came can cannot car care case cause change \
chief child children city close come coming companies company contract could couldn country \
course court day days deal dear definitely did didn different dinner does doesn doing done \
down during each early easy either else email end energy enough era even ever every \
everyone everything excellent executive eyes face fact family far feel felt few film find \
fine first five food found four friend friendly friends from full gas get gets getting give \
given go goes going gone good got government great group had half hand happy hard has hasn \
have haven having he head heard hello help her here high highly him himself his home hope \
horrible hot hour hours house how however if into isn its judge just keep kind knew know \
known large last later law lawyer lawyers least left less let life like likely little live \
ll long look looking lot love lunch made make makes making man many market match may me \
mean meeting men met might minister moment money month months more morning most mother much \
must my myself name national nato need never new news next nice night nothing now number of \
off office official officials often old once one only open or other others ought our out \
over own paid part people perhaps personnel place please point police power premier \
president pretty price problem put question quite rather read real really recommend regards \
report reported restaurant right room ruling run said same saw say saying says school \
second see seems seen sell sent service set several shall shares she shop should shouldn \
show side since sir six small so some someone something sometimes soon spokesman staff \
state statement states still stop store street such sure take taken tell terrible than \
thank thanks that their them then there these they thing things think third this those \
though thought three through time times to today together told tomorrow too took town tried \
true try trying two under united until up upon us use used using ve very village want \
wanted wants war was wasn water way ways we week weekend weeks well went were weren what \
when where whether which while white who whole whose why wife will with within without \
woman women work working world worst would wouldn write wrong year years yes yesterday yet \
you young your yourself";

/// False for a lone consonant that is no elided article or pronoun: `d`, `l`, `c`, `j`, `n` vote
/// only before an apostrophe (`d'`, `l’`), not as initials or codes (`D.C.`, `E5`, `n. 12`).
/// False for the English `I`: a capital `I` is the Italian article only at the start of the
/// sentence (`I giudici`), and never before an apostrophe (`I'm`).
#[inline]
fn counts(key: u64, bytes: &[u8], end: usize) -> bool {
    if !matches!(key, 0x63 | 0x64 | 0x69 | 0x6a | 0x6c | 0x6e) {
        return true;
    }
    let apostrophe =
        || matches!(bytes.get(end), Some(b'\'')) || bytes.get(end..end + 3) == Some("’".as_bytes());
    if key == 0x69 {
        // Most `i` are the lower-case Italian article: one test.
        let start = end.wrapping_sub(1);
        if bytes.get(start) != Some(&b'I') {
            return true;
        }
        let at_start = start <= 4
            && !bytes
                .get(..start)
                .unwrap_or(&[])
                .iter()
                .any(u8::is_ascii_alphabetic);
        return at_start && !apostrophe();
    }
    apostrophe()
}

/// Frequent function words: (the word's bytes packed little-endian into a `u64`, the languages
/// that use it as bits over [`VOTE_LANGS`]), sorted by key (kept so for review;
/// [`VoteTable`] hashes them). A few dozen of
/// the most frequent short words of each language, at most 8 bytes each.
#[rustfmt::skip]
static FUNCTION_WORDS: [(u64, u8); 243] = [
    (0x0000000000000061, 0b0110111), // a
    (0x0000000000000063, 0b0000001), // c
    (0x0000000000000064, 0b0000001), // d
    (0x0000000000000065, 0b0100010), // e
    (0x0000000000000069, 0b0000010), // i
    (0x000000000000006a, 0b0000001), // j
    (0x000000000000006c, 0b0000011), // l
    (0x000000000000006e, 0b0000001), // n
    (0x000000000000006f, 0b0110000), // o
    (0x0000000000000079, 0b0010001), // y
    (0x0000000000006164, 0b0100010), // da
    (0x0000000000006168, 0b0010010), // ha
    (0x000000000000616c, 0b0010011), // la
    (0x000000000000616d, 0b0000010), // ma
    (0x000000000000616e, 0b0100000), // na
    (0x0000000000006173, 0b0000001), // sa
    (0x0000000000006179, 0b0010000), // ya
    (0x0000000000006562, 0b0000100), // be
    (0x0000000000006563, 0b0000001), // ce
    (0x0000000000006564, 0b1110001), // de
    (0x000000000000656c, 0b0010011), // le
    (0x000000000000656e, 0b0000001), // ne
    (0x0000000000006573, 0b0110011), // se
    (0x0000000000006574, 0b1000000), // te
    (0x0000000000006577, 0b0000100), // we
    (0x000000000000666f, 0b0000100), // of
    (0x0000000000006961, 0b0000010), // ai
    (0x0000000000006963, 0b0000010), // ci
    (0x0000000000006964, 0b0000010), // di
    (0x0000000000006973, 0b0000011), // si
    (0x0000000000006c61, 0b0010010), // al
    (0x0000000000006c65, 0b0010000), // el
    (0x0000000000006c69, 0b0000011), // il
    (0x0000000000006d65, 0b0100000), // em
    (0x0000000000006d69, 0b0001000), // im
    (0x0000000000006d6f, 0b1000000), // om
    (0x0000000000006d75, 0b0100000), // um
    (0x0000000000006e61, 0b0001100), // an
    (0x0000000000006e65, 0b1010001), // en
    (0x0000000000006e69, 0b1001110), // in
    (0x0000000000006e6f, 0b0000101), // on
    (0x0000000000006e75, 0b0010011), // un
    (0x0000000000006f61, 0b0100000), // ao
    (0x0000000000006f64, 0b0100000), // do
    (0x0000000000006f6c, 0b0010010), // lo
    (0x0000000000006f6e, 0b0100000), // no
    (0x0000000000006f74, 0b0000100), // to
    (0x000000000000706f, 0b1000000), // op
    (0x0000000000007265, 0b1000000), // er
    (0x000000000000726f, 0b0000100), // or
    (0x0000000000007361, 0b0100100), // as
    (0x0000000000007365, 0b0011000), // es
    (0x0000000000007369, 0b1000100), // is
    (0x000000000000736f, 0b0100000), // os
    (0x0000000000007461, 0b0000100), // at
    (0x0000000000007465, 0b0000001), // et
    (0x0000000000007469, 0b0000100), // it
    (0x0000000000007561, 0b0000001), // au
    (0x0000000000007564, 0b0000001), // du
    (0x000000000000756f, 0b0100001), // ou
    (0x0000000000007571, 0b0000001), // qu
    (0x0000000000007573, 0b0010000), // su
    (0x000000000000757a, 0b0001000), // zu
    (0x0000000000007962, 0b0000100), // by
    (0x000000000000a0c3, 0b0100001), // à
    (0x000000000000a8c3, 0b0000010), // è
    (0x000000000000a9c3, 0b0100000), // é
    (0x0000000000616d75, 0b0100000), // uma
    (0x0000000000616e75, 0b0010010), // una
    (0x0000000000617265, 0b0000010), // era
    (0x0000000000617266, 0b0000010), // fra
    (0x0000000000617274, 0b0000010), // tra
    (0x0000000000617573, 0b0100000), // sua
    (0x0000000000646e61, 0b0000100), // and
    (0x0000000000646e75, 0b0001000), // und
    (0x0000000000656863, 0b0000010), // che
    (0x0000000000656874, 0b0000100), // the
    (0x0000000000656964, 0b1001000), // die
    (0x0000000000656973, 0b0001000), // sie
    (0x0000000000656e75, 0b0000001), // une
    (0x0000000000657261, 0b0000100), // are
    (0x0000000000657566, 0b0010000), // fue
    (0x0000000000657571, 0b0110001), // que
    (0x0000000000667561, 0b0001000), // auf
    (0x0000000000696562, 0b0001000), // bei
    (0x0000000000696564, 0b0000010), // dei
    (0x000000000069656e, 0b0000010), // nei
    (0x0000000000696c67, 0b0000010), // gli
    (0x0000000000696f66, 0b0100000), // foi
    (0x0000000000697563, 0b0000010), // cui
    (0x0000000000697571, 0b0000001), // qui
    (0x00000000006a6962, 0b1000000), // bij
    (0x00000000006a6968, 0b1000000), // hij
    (0x00000000006b6f6f, 0b1000000), // ook
    (0x00000000006c6164, 0b0000010), // dal
    (0x00000000006c6564, 0b0010010), // del
    (0x00000000006c656e, 0b0000010), // nel
    (0x00000000006c7573, 0b0000010), // sul
    (0x00000000006d6564, 0b0001000), // dem
    (0x00000000006d6f63, 0b0100000), // com
    (0x00000000006e6161, 0b1000000), // aan
    (0x00000000006e6164, 0b1000000), // dan
    (0x00000000006e6176, 0b1000000), // van
    (0x00000000006e6564, 0b0001000), // den
    (0x00000000006e6565, 0b1000000), // een
    (0x00000000006e6965, 0b0001000), // ein
    (0x00000000006e6f63, 0b0010010), // con
    (0x00000000006e6f6e, 0b0000011), // non
    (0x00000000006e6f73, 0b0000001), // son
    (0x00000000006e6f76, 0b0001000), // von
    (0x00000000006f6877, 0b0000100), // who
    (0x00000000006f6e75, 0b0000010), // uno
    (0x0000000000726170, 0b0000001), // par
    (0x0000000000726564, 0b0001000), // der
    (0x0000000000726568, 0b0000100), // her
    (0x0000000000726570, 0b0000010), // per
    (0x0000000000726f66, 0b0000100), // for
    (0x0000000000726f70, 0b0110000), // por
    (0x0000000000727573, 0b0000001), // sur
    (0x0000000000736164, 0b0101000), // das
    (0x0000000000736168, 0b0000100), // has
    (0x000000000073616c, 0b0010000), // las
    (0x000000000073616d, 0b0100000), // mas
    (0x0000000000736170, 0b0000001), // pas
    (0x0000000000736177, 0b1000100), // was
    (0x0000000000736563, 0b0000001), // ces
    (0x0000000000736564, 0b0001001), // des
    (0x000000000073656c, 0b0000001), // les
    (0x0000000000736573, 0b0000001), // ses
    (0x0000000000736968, 0b0000100), // his
    (0x0000000000736c61, 0b1000000), // als
    (0x0000000000736c69, 0b0000001), // ils
    (0x0000000000736f64, 0b0100000), // dos
    (0x0000000000736f6c, 0b0010000), // los
    (0x0000000000737469, 0b0000100), // its
    (0x0000000000737573, 0b0010000), // sus
    (0x0000000000746164, 0b1000000), // dat
    (0x0000000000746568, 0b1000000), // het
    (0x000000000074656d, 0b1000000), // met
    (0x000000000074696d, 0b0001000), // mit
    (0x0000000000746e6f, 0b0000001), // ont
    (0x0000000000746f6e, 0b0000100), // not
    (0x0000000000747365, 0b0000001), // est
    (0x0000000000747369, 0b0001000), // ist
    (0x0000000000747562, 0b0000100), // but
    (0x0000000000756573, 0b0100000), // seu
    (0x0000000000756f79, 0b0000100), // you
    (0x0000000000787561, 0b0000001), // aux
    (0x000000000079756d, 0b0010000), // muy
    (0x0000000000b9c36f, 0b0000001), // où
    (0x00000000616c6570, 0b0100000), // pela
    (0x00000000616c6c61, 0b0000010), // alla
    (0x0000000061726170, 0b0110000), // para
    (0x0000000061747365, 0b0010000), // esta
    (0x0000000063657661, 0b0000001), // avec
    (0x0000000064726977, 0b0001000), // wird
    (0x00000000656c6c61, 0b0000010), // alle
    (0x00000000656c6c65, 0b0000001), // elle
    (0x00000000656d6f63, 0b0000010), // come
    (0x00000000656e6965, 0b0001000), // eine
    (0x0000000065726577, 0b0000100), // were
    (0x0000000065747365, 0b0010000), // este
    (0x0000000065766168, 0b0000100), // have
    (0x000000006863616e, 0b0001000), // nach
    (0x0000000068636973, 0b0001000), // sich
    (0x0000000068637561, 0b0001000), // auch
    (0x0000000068746977, 0b0000100), // with
    (0x000000006c6c6977, 0b0000100), // will
    (0x000000006d6f7266, 0b0000100), // from
    (0x000000006e656562, 0b0000100), // been
    (0x000000006e6a697a, 0b1000000), // zijn
    (0x000000006f646973, 0b0010000), // sido
    (0x000000006f6c6570, 0b0100000), // pelo
    (0x000000006f6d6f63, 0b0010000), // como
    (0x000000006f6e6f73, 0b0000010), // sono
    (0x000000006f726570, 0b0010000), // pero
    (0x000000006f726f6c, 0b0000010), // loro
    (0x000000006fa3c36e, 0b0100000), // não
    (0x000000006fa3c373, 0b0100000), // são
    (0x000000007261616d, 0b1000000), // maar
    (0x000000007261616e, 0b1000000), // naar
    (0x000000007265646f, 0b0001000), // oder
    (0x00000000726f6f64, 0b1000000), // door
    (0x00000000726f6f76, 0b1000000), // voor
    (0x000000007275656c, 0b0000001), // leur
    (0x0000000072756f70, 0b0000001), // pour
    (0x0000000072bcc366, 0b0001000), // für
    (0x000000007369616d, 0b0100001), // mais
    (0x0000000073696874, 0b0000100), // this
    (0x00000000736e6164, 0b0000001), // dans
    (0x00000000736e6173, 0b0000001), // sans
    (0x0000000073736164, 0b0001000), // dass
    (0x0000000073756c70, 0b0000001), // plus
    (0x0000000073756f6e, 0b0000001), // nous
    (0x0000000073756f76, 0b0000001), // vous
    (0x0000000073a1c36d, 0b0010000), // más
    (0x0000000074616874, 0b0000100), // that
    (0x000000007465696e, 0b1000000), // niet
    (0x0000000074696166, 0b0000001), // fait
    (0x00000000746e6f73, 0b0000001), // sont
    (0x0000000074756570, 0b0000001), // peut
    (0x0000000074756f74, 0b0000001), // tout
    (0x0000000079656874, 0b0000100), // they
    (0x00000000a0c36967, 0b0000010), // già
    (0x00000000b9c36970, 0b0000010), // più
    (0x000000616c6c6164, 0b0000010), // dalla
    (0x000000616c6c6564, 0b0000010), // della
    (0x000000616c6c656e, 0b0000010), // nella
    (0x000000616c6c7573, 0b0000010), // sulla
    (0x0000006174617473, 0b0000010), // stata
    (0x000000646c756f77, 0b0000100), // would
    (0x0000006564727577, 0b0001000), // wurde
    (0x0000006568636e61, 0b0000010), // anche
    (0x000000656c6c6564, 0b0000010), // delle
    (0x000000656d6d6f63, 0b0000001), // comme
    (0x0000006572626f73, 0b0010000), // sobre
    (0x0000006572746e65, 0b0010001), // entre
    (0x000000657274aac3, 0b0000001), // être
    (0x0000006574746563, 0b0000001), // cette
    (0x0000006863696877, 0b0000100), // which
    (0x000000696c676564, 0b0000010), // degli
    (0x000000696c67656e, 0b0000010), // negli
    (0x0000006973737561, 0b0000001), // aussi
    (0x0000006f6e6e6168, 0b0000010), // hanno
    (0x0000006f74617473, 0b0000010), // stato
    (0x0000007269656874, 0b0000100), // their
    (0x00000073656c6c65, 0b0000001), // elles
    (0x000000737275656c, 0b0000001), // leurs
    (0x00000073a8c37274, 0b0000001), // très
    (0x0000007464726f77, 0b1000000), // wordt
    (0x000000746863696e, 0b0001000), // nicht
    (0x0000007469617661, 0b0000001), // avait
    (0x000000a1c3747365, 0b0100000), // está
    (0x000000a9c374a9c3, 0b0000001), // été
    (0x0000617473657571, 0b0000010), // questa
    (0x0000657265737365, 0b0000010), // essere
    (0x00006e6564726577, 0b0001000), // werden
    (0x00006f7473657571, 0b0000010), // questo
    (0x000073a8c3727061, 0b0000001), // après
    (0x000074696174a9c3, 0b0000001), // était
    (0x006da9c3626d6174, 0b0100000), // também
    (0x00a9c36863726570, 0b0000010), // perché
    (0x6ea9c369626d6174, 0b0010000), // también
];

/// The lanes of `x` that hold an ASCII letter, as high bits.
#[inline]
fn ascii_letter_lanes(x: u64) -> u64 {
    use crate::swar::{HI, at_least};
    let l = (x & !HI) | 0x2020_2020_2020_2020;
    at_least(l, b'a') & !at_least(l, b'z' + 1) & !(x & HI)
}

#[cfg(test)]
/// The languages (bits over [`VOTE_LANGS`]) that use `word` (lower-case UTF-8, at most 8 bytes)
/// as a function word; 0 for any other word.
#[inline]
fn function_word(word: &[u8]) -> u8 {
    let mut k = [0u8; 8];
    match k.get_mut(..word.len()) {
        Some(dst) => dst.copy_from_slice(word),
        None => return 0,
    }
    function_key(u64::from_le_bytes(k))
}

/// [`function_word`] for a word already packed into a `u64`.
#[cfg(test)]
fn function_key(key: u64) -> u8 {
    match FUNCTION_WORDS.binary_search_by_key(&key, |&(k, _)| k) {
        Ok(i) => FUNCTION_WORDS.get(i).map_or(0, |e| e.1),
        Err(_) => 0,
    }
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    fn detect(allow: &[Lang], text: &str, sentences: &[Range<usize>]) -> (Option<Lang>, Vec<Option<Lang>>) {
        let d = LangDetector::new(allow);
        let mut out = Vec::new();
        let doc = d.detect(text, sentences, &mut out);
        (doc, out)
    }

    const FRIT: [Lang; 3] = [Lang::French, Lang::Italian, Lang::English];

    #[test]
    fn is_alphabetic_agrees_with_the_standard_library() {
        for c in ('\u{0}'..='\u{2FF}').chain('\u{2000}'..='\u{20FF}') {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn codes_round_trip() {
        assert_eq!(Lang::all().len(), 70);
        for &l in Lang::all() {
            assert_eq!(Lang::from_code(l.code()), Some(l), "{l:?}");
            assert_eq!(Lang::from_code(l.code3()), Some(l));
            assert_eq!(Lang::from_whatlang(l.to_whatlang()), Some(l));
            let json = serde_json::to_string(&l).unwrap();
            assert_eq!(serde_json::from_str::<Lang>(&json).unwrap(), l);
        }
        assert_eq!(Lang::from_code(" FR "), Some(Lang::French));
        assert_eq!(Lang::Bokmal.code(), "nb");
        assert_eq!(Lang::from_code("xx"), None);
        assert_eq!(
            "zz".parse::<Lang>().unwrap_err().to_string(),
            "unknown language code `zz`"
        );
        assert!(serde_json::from_str::<Lang>("\"qq\"").is_err());
    }

    #[test]
    fn every_whatlang_language_is_a_lang() {
        assert_eq!(whatlang::Lang::all().len(), Lang::all().len());
        for &w in whatlang::Lang::all() {
            let l = Lang::from_whatlang(w).unwrap_or_else(|| panic!("{w:?}"));
            assert_eq!(l.to_whatlang(), w);
        }
    }

    #[test]
    fn function_words_are_sorted_and_found() {
        assert!(FUNCTION_WORDS.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(function_word("les".as_bytes()), 0b0000001);
        assert_eq!(function_word("perché".as_bytes()), 0b0000010);
        assert_eq!(function_word("the".as_bytes()), 0b0000100);
        assert_eq!(function_word("meta".as_bytes()), 0);
        assert_eq!(function_word("anticonstitutionnel".as_bytes()), 0);
    }

    #[test]
    fn vote_table_agrees_with_the_word_list() {
        for mask in 0u8..128 {
            let table = VoteTable::new(mask);
            for &(key, langs) in &FUNCTION_WORDS {
                let allowed = langs & mask;
                let want = (allowed.count_ones() == 1).then(|| allowed.trailing_zeros() as usize);
                assert_eq!(table.get(key), want, "mask {mask:#b}, key {key:#x}");
            }
            for word in ["meta", "netflix", "zz", "q", "perch", "thee"] {
                let mut k = [0u8; 8];
                k[..word.len()].copy_from_slice(word.as_bytes());
                let key = u64::from_le_bytes(k);
                assert_eq!(table.get(key), None, "{word}");
            }
        }
    }

    #[test]
    fn documents() {
        let fr = "Le tribunal a rendu sa décision mardi : la société devra payer une amende.";
        let it = "Il tribunale ha deciso martedì che la società dovrà pagare una multa salata.";
        let en = "The court ruled on Tuesday that the company will have to pay a heavy fine.";
        for (t, l) in [(fr, Lang::French), (it, Lang::Italian), (en, Lang::English)] {
            let (doc, s) = detect(&FRIT, t, &[0..t.len()]);
            assert_eq!(doc, Some(l), "{t}");
            assert_eq!(s, [Some(l)]);
        }
    }

    #[test]
    fn quoted_english_sentence_and_short_ones() {
        let a = "Le document a été publié par le tribunal de Californie la semaine dernière. ";
        let b = "Facebook gave Netflix all your private messages in exchange for all your watch history, while Netflix paid them for ads. ";
        let c = "Merci. ";
        let d = "This is shocking.";
        let text = format!("{a}{b}{c}{d}");
        let r1 = 0..a.len();
        let r2 = r1.end..r1.end + b.len();
        let r3 = r2.end..r2.end + c.len();
        let r4 = r3.end..text.len();
        let (doc, s) = detect(&FRIT, &text, &[r1, r2, r3, r4]);
        assert_eq!(doc, Some(Lang::French));
        assert_eq!(
            s,
            [
                Some(Lang::French),
                Some(Lang::English),
                Some(Lang::French),
                Some(Lang::English)
            ]
        );
    }

    #[test]
    fn other_allowlists() {
        let de = "Das Gericht hat am Dienstag entschieden, dass die Firma eine hohe Strafe zahlen muss, weil sie die Daten der Nutzer weitergegeben hat.";
        let (doc, _) = detect(&[Lang::German, Lang::French], de, &[0..de.len()]);
        assert_eq!(doc, Some(Lang::German));
        let ru = "Суд во вторник постановил, что компания должна заплатить крупный штраф за передачу данных пользователей.";
        let (doc, s) = detect(&[Lang::Russian, Lang::French], ru, &[0..ru.len()]);
        assert_eq!(doc, Some(Lang::Russian));
        assert_eq!(s, [Some(Lang::Russian)]);
    }

    #[test]
    fn lexicon_keeps_words_of_one_allowed_language() {
        let all = lexicon(0b111);
        assert!(all.windows(2).all(|w| w[0].0 < w[1].0));
        let find = |t: &[(u64, u8)], w: &str| {
            t.binary_search_by_key(&word_hash(w), |e| e.0)
                .ok()
                .map(|k| t[k].1)
        };
        assert_eq!(find(&all, "mairie"), Some(0b001));
        // Spelt alike in two languages (the shared list): never a vote.
        assert_eq!(find(&all, "tribunal"), None);
        assert_eq!(find(&all, "re"), None);
        assert_eq!(find(&lexicon(0b011), "tribunal"), None);
        // A function word of another language only (`do`, Portuguese) stays a frequent word.
        assert_eq!(find(&all, "do"), Some(0b100));
        assert_eq!(find(&all, "sentenza"), Some(0b010));
        assert_eq!(find(&all, "yesterday"), Some(0b100));
        assert_eq!(find(&all, "payments"), Some(0b100));
        assert_eq!(find(&all, "deviendra"), Some(0b001));
        assert_eq!(find(&all, "proseguire"), Some(0b010));
        // `incessante` is French and Italian, `termine` a French verb and an Italian noun.
        assert_eq!(find(&all, "incessante"), None);
        assert_eq!(find(&all, "termine"), None);
        // English spellings of French words stay out of the English list (`chose`, `longer`).
        assert_eq!(find(&all, "chose"), Some(0b001));
        assert_eq!(find(&all, "longer"), None);
        assert_eq!(word_hash("Yesterday"), word_hash("yesterday"));
        // In two lists: dropped while both languages are allowed, kept for the one allowed.
        assert_eq!(find(&all, "police"), None);
        let fr_en = lexicon(0b101);
        assert_eq!(find(&fr_en, "police"), None);
        assert_eq!(find(&fr_en, "sentenza"), None);
        let fr_it = lexicon(0b011);
        assert_eq!(find(&fr_it, "novembre"), None);
        assert_eq!(find(&fr_it, "me"), Some(0b001));
        assert!(lexicon(0b001).is_empty() && lexicon(0b1000).is_empty());
        // Function words vote through their own table only (`la` is French and Italian).
        assert!(is_function_word("la", 0b111) && is_function_word("perché", 0b111));
        assert!(!is_function_word("sentenza", 0b111) && !is_function_word("do", 0b111));
        assert_eq!(find(&all, "la"), None);
        assert_eq!(find(&all, "che"), None);
    }

    #[test]
    fn word_shapes() {
        for (w, want) in [
            ("façade", Some(0)),
            ("délicieux", Some(0)),
            ("annulée", Some(0)),
            ("perché", None),
            ("città", Some(1)),
            ("però", Some(1)),
            ("disoccupazione", Some(1)),
            ("rapidamente", Some(1)),
            ("esonerato", Some(1)),
            ("walk", Some(2)),
            ("thinking", Some(2)),
            ("daily", Some(2)),
            ("où", None),
            ("maison", None),
            // Accents inside a word are French; Italian puts them on the last vowel only.
            ("véritable", Some(0)),
            ("numéro", Some(0)),
            ("caffè", None),
            ("affinché", None),
            ("marchez", Some(0)),
            ("anniversaire", Some(0)),
            ("disposeront", Some(0)),
            ("chez", None),
            ("programmi", Some(1)),
            ("tutti", Some(1)),
            ("aussi", None),
            ("various", Some(2)),
            ("vous", None),
            ("dessous", None),
            ("payment", Some(2)),
            ("environment", Some(2)),
            ("gouvernement", None),
            ("moment", None),
            ("individuals", Some(2)),
            ("qual", None),
            ("speech", Some(2)),
            ("good", Some(2)),
            ("idee", None),
            ("alcool", None),
            ("policies", Some(2)),
            ("business", Some(2)),
            ("canadian", Some(2)),
            ("chronic", Some(2)),
            ("public", None),
            ("diagnostic", None),
        ] {
            assert_eq!(word_shape(w), want, "{w}");
        }
        // A final `o`, `a` or `y` is a weak clue (names end so), an ending a strong one.
        assert_eq!(shape("alberta"), Some((1, false)));
        assert_eq!(shape("party"), Some((2, false)));
        assert_eq!(shape("economics"), Some((2, true)));
        assert_eq!(shape("giornalista"), Some((1, false)));
        assert_eq!(shape("stazione"), Some((1, true)));
    }

    #[test]
    fn short_texts_trust_clear_votes_over_an_unsure_whatlang() {
        for (t, l) in [
            ("la sentenza", Lang::Italian),
            ("la mairie", Lang::French),
            ("yesterday evening", Lang::English),
            ("disoccupazione giovanile", Lang::Italian),
            ("walking home", Lang::English),
            // Word shapes alone: an accent inside a word, `-ment` after a consonant, `-ous`, a
            // doubled consonant before a final `i`.
            ("véritable multimodale", Lang::French),
            ("numerous payments", Lang::English),
            ("ricchi programmi", Lang::Italian),
            ("caffè ristretto", Lang::Italian),
            // A strong clue outweighs a weak one: `-ics` against a final `a`.
            ("Alberta economics", Lang::English),
            ("Canada linking", Lang::English),
        ] {
            let (doc, _) = detect(&FRIT, t, &[0..t.len()]);
            assert_eq!(doc, Some(l), "{t}");
        }
        // English contractions vote English; French and Italian elisions do not.
        assert_eq!(
            english_contractions("I'm sure it's over, they’ll see, we're done"),
            4
        );
        assert_eq!(
            english_contractions("l'homme c'è po' dell'anno qu'il s'il 'tis ' x'"),
            0
        );
        for (t, l) in [
            ("I'm in", Lang::English),
            ("it's late", Lang::English),
            ("I giudici", Lang::Italian),
        ] {
            let (doc, _) = detect(&FRIT, t, &[0..t.len()]);
            assert_eq!(doc, Some(l), "{t}");
        }
        // A capital `I` is the Italian article only at the start, never before an apostrophe.
        assert!(counts(0x69, b"I giudici", 1) && counts(0x69, b"e i giudici", 3));
        assert!(counts(0x69, "« I giudici".as_bytes(), 4));
        assert!(!counts(0x69, b"I'm", 1) && !counts(0x69, b"So I think", 4));
        // A lone consonant votes only as an elided article: `D.C.` is no French `d'`.
        assert!(!counts(0x64, b"D.C.", 1));
        assert!(counts(0x64, b"d'abord", 1));
        assert!(counts(0x64, "d’abord".as_bytes(), 1));
    }

    #[test]
    fn never_a_language_outside_the_allowlist() {
        for t in [
            "Αθήνα",
            "Η Αθήνα είναι η πρωτεύουσα της Ελλάδας και η μεγαλύτερη πόλη της.",
            "ירושלים",
            "Москва",
        ] {
            let (doc, s) = detect(&[Lang::Hindi, Lang::English], t, &[0..t.len()]);
            assert!(
                doc.is_none_or(|l| [Lang::Hindi, Lang::English].contains(&l)),
                "{t}: {doc:?}"
            );
            assert!(
                s[0].is_none_or(|l| [Lang::Hindi, Lang::English].contains(&l)),
                "{t}"
            );
        }
    }

    #[cfg(feature = "lingua")]
    #[test]
    fn lingua_decides_ties_only_for_its_languages() {
        assert!(lingua_detector(&FRIT).is_some());
        assert!(lingua_detector(&[Lang::French]).is_none());
        assert!(lingua_detector(&[Lang::French, Lang::German]).is_none());
        // Words in no list, without a shape: lingua decides.
        for (t, l) in [
            ("Quarantena obbligatoria", Lang::Italian),
            ("Brouillard givrant", Lang::French),
            // Before the one-word shape votes: a final `a` (Italian-looking) in an English pair.
            ("Florida residents", Lang::English),
            ("Alberta farmers", Lang::English),
        ] {
            let (doc, _) = detect(&FRIT, t, &[0..t.len()]);
            assert_eq!(doc, Some(l), "{t}");
        }
    }

    #[test]
    fn nothing_to_tell() {
        for t in ["", "   \n\t", "... !!! ???", "1234 5678", "🙂🙂"] {
            let (doc, s) = detect(&FRIT, t, &[0..t.len()]);
            assert_eq!(doc, None, "{t:?}");
            assert_eq!(s, [None]);
        }
    }

    #[test]
    fn odd_text_never_panics() {
        for t in [
            "e\u{301}\u{301}",
            "עברית العربية 中文 Ελληνικά",
            "\u{0}\u{1}\u{7f}",
            "l’è d’\u{2019}",
            "É".repeat(100).as_str(),
        ] {
            let (_, s) = detect(&FRIT, t, &[0..t.len()]);
            assert_eq!(s.len(), 1);
        }
    }
}
