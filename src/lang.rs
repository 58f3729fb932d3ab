//! Languages: our own `#[non_exhaustive]` enum (whatlang stays private), and the detector that
//! gives a language to the document and to each sentence.
//!
//! Detection is built for speed. whatlang costs ~2 MB/s on sentence-sized text, so each
//! sentence first gets a vote of frequent function words (French, Italian, English, German,
//! Spanish, Portuguese, Dutch), counting only the words that belong to exactly one allowed
//! language. A clear vote decides; a long sentence with an unclear vote goes to whatlang
//! (restricted to the allowlist, answer kept only if reliable); anything else inherits the
//! document language. The document language is the sum of the sentence votes, with whatlang on
//! a bounded sample of the text when the votes do not tell.

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
        TABLE.iter().find(|r| r.1 == w).map(|r| r.0)
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

/// Sentences at least this long (bytes) with an unclear vote are given to whatlang.
const WHATLANG_MIN_BYTES: usize = 120;

/// How much of the document whatlang sees when the votes do not tell (bytes).
const DOC_SAMPLE_BYTES: usize = 4096;

/// Decides the language of a document and of its sentences, restricted to an allowlist.
#[derive(Clone)]
pub(crate) struct LangDetector {
    allow: Vec<Lang>,
    /// Bits of [`VOTE_LANGS`] that are allowed.
    vote_mask: u8,
    /// Some allowed language has no word list: undecided sentences go to whatlang sooner.
    unlisted: bool,
    whatlang: whatlang::Detector,
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
            vote_mask,
            unlisted,
            whatlang: whatlang::Detector::with_allowlist(allow.iter().map(|l| l.to_whatlang()).collect()),
        }
    }

    pub(crate) fn allowlist(&self) -> &[Lang] {
        &self.allow
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
        let mut votes: Vec<Votes> = Vec::with_capacity(sentences.len());
        for r in sentences {
            let v = self.votes(text.get(r.clone()).unwrap_or(""));
            for (t, x) in total.iter_mut().zip(v) {
                *t += x;
            }
            votes.push(v);
        }
        let doc = self.document(text, &total);
        for (r, v) in sentences.iter().zip(&votes) {
            let lang = match self.clear_winner(v, 2) {
                Some(l) => Some(l),
                None => {
                    let s = text.get(r.clone()).unwrap_or("");
                    if s.len() >= WHATLANG_MIN_BYTES || (self.unlisted && s.len() >= 40) {
                        self.whatlang
                            .detect(s)
                            .filter(|i| i.is_reliable())
                            .and_then(|i| Lang::from_whatlang(i.lang()))
                            .or(doc)
                    } else {
                        doc
                    }
                }
            };
            out.push(lang);
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
        if let Some(l) = self
            .whatlang
            .detect(sample)
            .and_then(|i| Lang::from_whatlang(i.lang()))
        {
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
    fn votes(&self, s: &str) -> Votes {
        let mut v: Votes = [0; 7];
        if self.vote_mask == 0 {
            return v;
        }
        let bytes = s.as_bytes();
        let mut buf = [0u8; 12];
        let mut i = 0;
        while i < bytes.len() {
            // Skip to a letter.
            let b = bytes[i];
            if b < 0x80 && !b.is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            // Read the word (letters only; apostrophes and digits end it), lower-cased.
            let start = i;
            let mut len = 0;
            let mut fits = true;
            while i < bytes.len() {
                let b = bytes[i];
                if b < 0x80 {
                    if !b.is_ascii_alphabetic() {
                        break;
                    }
                    if len < buf.len() {
                        buf[len] = b.to_ascii_lowercase();
                        len += 1;
                    } else {
                        fits = false;
                    }
                    i += 1;
                } else {
                    let Some(c) = s.get(i..).and_then(|t| t.chars().next()) else {
                        i += 1;
                        break;
                    };
                    if !c.is_alphabetic() {
                        if i == start {
                            i += c.len_utf8();
                        }
                        break;
                    }
                    for l in c.to_lowercase() {
                        let mut tmp = [0u8; 4];
                        for &x in l.encode_utf8(&mut tmp).as_bytes() {
                            if len < buf.len() {
                                buf[len] = x;
                                len += 1;
                            } else {
                                fits = false;
                            }
                        }
                    }
                    i += c.len_utf8();
                }
            }
            if fits && len > 0 {
                let mask = function_word(&buf[..len]) & self.vote_mask;
                if mask.count_ones() == 1 {
                    v[mask.trailing_zeros() as usize] += 1;
                }
            }
        }
        v
    }
}

/// The languages (bits over [`VOTE_LANGS`]) that use `word` (lower-case UTF-8) as a frequent
/// function word; 0 for any other word. Generated from the lists in the module docs' spirit:
/// a few dozen of the most frequent short words of each language.
#[rustfmt::skip]
fn function_word(word: &[u8]) -> u8 {
    match word {
        b"apr\xc3\xa8s" | b"au" | b"aussi" | b"aux" | b"avait" | b"avec" | b"c" | b"ce" | b"ces" | b"cette" | b"comme" | b"d" | b"dans" | b"du" | b"elle" | b"elles" | b"est" | b"et" | b"fait" | b"ils" | b"j" | b"les" | b"leur" | b"leurs" | b"n" | b"ne" | b"nous" | b"ont" | b"o\xc3\xb9" | b"par" | b"pas" | b"peut" | b"plus" | b"pour" | b"qu" | b"qui" | b"sa" | b"sans" | b"ses" | b"son" | b"sont" | b"sur" | b"tout" | b"tr\xc3\xa8s" | b"une" | b"vous" | b"\xc3\xa9tait" | b"\xc3\xa9t\xc3\xa9" | b"\xc3\xaatre" => 0b0000001,
        b"ai" | b"alla" | b"alle" | b"anche" | b"che" | b"ci" | b"come" | b"cui" | b"dal" | b"dalla" | b"degli" | b"dei" | b"della" | b"delle" | b"di" | b"era" | b"essere" | b"fra" | b"gi\xc3\xa0" | b"gli" | b"hanno" | b"i" | b"loro" | b"ma" | b"negli" | b"nei" | b"nel" | b"nella" | b"per" | b"perch\xc3\xa9" | b"pi\xc3\xb9" | b"questa" | b"questo" | b"sono" | b"stata" | b"stato" | b"sul" | b"sulla" | b"tra" | b"uno" | b"\xc3\xa8" => 0b0000010,
        b"il" | b"l" | b"non" | b"si" => 0b0000011,
        b"and" | b"are" | b"at" | b"be" | b"been" | b"but" | b"by" | b"for" | b"from" | b"has" | b"have" | b"her" | b"his" | b"it" | b"its" | b"not" | b"of" | b"or" | b"that" | b"the" | b"their" | b"they" | b"this" | b"to" | b"we" | b"were" | b"which" | b"who" | b"will" | b"with" | b"would" | b"you" => 0b0000100,
        b"on" => 0b0000101,
        b"auch" | b"auf" | b"bei" | b"dass" | b"dem" | b"den" | b"der" | b"ein" | b"eine" | b"f\xc3\xbcr" | b"im" | b"ist" | b"mit" | b"nach" | b"nicht" | b"oder" | b"sich" | b"sie" | b"und" | b"von" | b"werden" | b"wird" | b"wurde" | b"zu" => 0b0001000,
        b"des" => 0b0001001,
        b"an" => 0b0001100,
        b"como" | b"el" | b"esta" | b"este" | b"fue" | b"las" | b"los" | b"muy" | b"m\xc3\xa1s" | b"pero" | b"sido" | b"sobre" | b"su" | b"sus" | b"tambi\xc3\xa9n" | b"ya" => 0b0010000,
        b"entre" | b"y" => 0b0010001,
        b"al" | b"con" | b"del" | b"ha" | b"lo" | b"una" => 0b0010010,
        b"la" | b"le" | b"un" => 0b0010011,
        b"es" => 0b0011000,
        b"ao" | b"com" | b"do" | b"dos" | b"em" | b"est\xc3\xa1" | b"foi" | b"mas" | b"na" | b"no" | b"n\xc3\xa3o" | b"os" | b"pela" | b"pelo" | b"seu" | b"sua" | b"s\xc3\xa3o" | b"tamb\xc3\xa9m" | b"um" | b"uma" | b"\xc3\xa9" => 0b0100000,
        b"mais" | b"ou" | b"\xc3\xa0" => 0b0100001,
        b"da" | b"e" => 0b0100010,
        b"as" => 0b0100100,
        b"das" => 0b0101000,
        b"o" | b"para" | b"por" => 0b0110000,
        b"que" => 0b0110001,
        b"se" => 0b0110011,
        b"a" => 0b0110111,
        b"aan" | b"als" | b"bij" | b"dan" | b"dat" | b"door" | b"een" | b"er" | b"het" | b"hij" | b"maar" | b"met" | b"naar" | b"niet" | b"om" | b"ook" | b"op" | b"te" | b"van" | b"voor" | b"wordt" | b"zijn" => 0b1000000,
        b"is" | b"was" => 0b1000100,
        b"die" => 0b1001000,
        b"in" => 0b1001110,
        b"en" => 0b1010001,
        b"de" => 0b1110001,
        _ => 0,
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
