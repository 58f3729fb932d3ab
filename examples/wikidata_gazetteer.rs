//! Builds a nomina JSON Lines gazetteer from a Wikidata JSON dump, streamed.
//!
//! ```text
//! cargo run --release --example wikidata_gazetteer -- --languages fr,it,en latest-all.json.bz2 > gazetteer.jsonl
//! cargo run --release --example wikidata_gazetteer -- --help
//! ```
//!
//! The dump is Wikidata's documented JSON dump (`latest-all.json`): one JSON array, one entity
//! object a line, each line but the last ending in `,`, the first line `[` and the last `]`.
//! It is read as a stream, a line at a time, plain, gzip (`.gz`) or bzip2 (`.bz2`, also the
//! multi-stream files that parallel compressors write): the format is told by the file's first
//! bytes (gzip `1f 8b`, bzip2 `BZh`), and a file named `.gz` or `.bz2` that is not is refused.
//! `-` reads standard input the same way. Memory stays flat: one line and one entity at a
//! time, whatever the dump's size.
//!
//! Each line is parsed into small typed structs (serde): the entity's `type`, `id`, `labels`
//! and `aliases` in the languages asked for, its `P31` (instance of) statements, and whether
//! it carries `redirects`; everything else (descriptions, other claims, sitelinks) is skipped
//! by the parser without being built.
//!
//! # What is written
//!
//! One line per entity kept, in the format [`nomina::Gazetteer::from_jsonl_path`] reads:
//! `{"id":"Q90","kind":"location","names":[{"text":"Paris","langs":["fr","it","en"]}, ...]}`.
//!
//! - **Names**: the entity's labels, then its aliases, in the languages of `--languages`
//!   (regional variants count for their language: `en-gb` is English, `fr-ca` French). A name
//!   given in several languages is written once, with all of them; an alias equal to a label
//!   is the label. A `mul` label or alias (Wikidata's "default for all languages", used where a
//!   language has no value of its own: Wikidata's help page "Default values for labels and
//!   aliases", shortcut `WD:MUL`) counts for every language asked for, even one that has a
//!   label of its own: a default label is a name in every language. With
//!   `--any-language` names are written without languages (they then match in any sentence:
//!   useful when a less-known entity has an English label only and the texts are French).
//! - **Kind**: from the entity's `P31` (instance of) values, through a mapping file of
//!   `Qid<TAB>kind` lines (`--kinds`; the default is `examples/data/wikidata-kinds.tsv`,
//!   built in). Only direct values count (no walk up `P279`, subclass of). Deprecated
//!   statements never count; preferred ones are looked at before normal ones; among those of
//!   one rank, **the class listed first in the mapping file wins** (the default file lists
//!   persons, then organizations, then locations). An entity with no mapped `P31` is skipped,
//!   or written with the kind `misc` under `--unmapped misc`.
//! - **Exact names** (case- and accent-sensitive, nomina's `exact` flag), decided from the
//!   name alone so that a name is flagged alike in every language:
//!   1. a name every word of which is a common word of a language asked for (the list in
//!      `examples/data/common-words.txt`, or `--common-words FILE`; words compared folded,
//!      so `Libération` is `liberation`) is `exact` when it has a capital letter (`Orange`,
//!      `Lega`, `Le Monde`, `The Times`: nomina already keeps a capitalised name from matching
//!      a lower-case word, and `exact` also keeps it from `ORANGE` in a shouted headline) and
//!      **dropped** when written all in lower case: a lower-case name matches in any case
//!      (`eBay`, `adidas`), and `exact` would make it match the common word itself;
//!   2. otherwise a name of 3 letters and digits or fewer (`UE`, `ONU`, `Eni`, `F1`) is
//!      `exact`: short names are acronyms, and `Ue`, `ue` or `Onu` are other words;
//!   3. any other name is written plain (case- and accent-insensitive, capitalisation-aware).
//!
//!   Names with no letter at all (`1984`, `+`) and names longer than
//!   [`nomina::MAX_NAME_BYTES`] are dropped. Languages with no common-word list (any but
//!   French, Italian and English in the shipped file) get rules 2 and 3 only.
//!
//! # What is skipped
//!
//! Properties (`P...`), lexemes (`L...`) and any other entity type than `item`; redirects
//! (an entity object that carries a `redirects` field); items with no mapped `P31` (unless
//! `--unmapped misc`); items with no usable name in the languages asked for. The summary on
//! stderr counts each reason, the entities written per kind and the names written, exact and
//! dropped. While it runs, a progress line on stderr (rewritten in place with `\r`, once a
//! second; none under `--quiet`) shows the share of the file read and the time left (not
//! for standard input), the lines and megabytes of JSON read, the entities and names written.
//!
//! # Errors
//!
//! A malformed line (not JSON, not an object, a field of the wrong type, not UTF-8) is
//! reported on stderr with its line number in the dump (the first 10; the summary counts
//! them all) and skipped: a 100 GB dump is not thrown away for one bad line. `--strict` stops
//! at the first one instead (exit status 1). A read error (a truncated or corrupt `.gz` or
//! `.bz2`) stops the run with the line number reached (exit status 1); so does a write error
//! on stdout, and a dump that cannot be opened or is named `.gz` or `.bz2` without being one.
//! A bad option, mapping file or word list stops before reading (exit status 2).
//! Nothing panics on bad input.
//!
//! The dump has no keys (each line is the entity object alone), so a redirect can only show
//! as its `redirects` field; an entity with no `id` is a malformed line.
//!
//! # Speed
//!
//! On a synthetic dump of 50,000 entities of Wikidata's shape (613 MB, 12 KB a line: labels
//! in up to 44 languages, descriptions, aliases, 3 to 13 properties with references,
//! sitelinks), on a 2-core machine shared with other builds: 260–540 MB/s from plain JSON
//! (21,000–44,000 entities/s as the load varied; 0.9–1.4 s of CPU; 3.6 MB peak RSS), 80–95 MB/s from gzip (`zcat` alone is no faster), 16–18
//! MB/s from bzip2 (`bzcat` alone: 20 MB/s). The dump is made by
//! `tools/wikidata/synthetic-dump.py 50000` in the repository. Decompression sets the pace:
//! prefer the `.gz` dump, or pipe a parallel bzip2 decompressor into `-`.

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ffi::OsString;
use std::fmt;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::process::ExitCode;
use std::rc::Rc;
use std::time::{Duration, Instant};

use nomina::{Kind, Lang, MAX_NAME_BYTES, Name};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

const HELP: &str = "\
wikidata_gazetteer: build a nomina JSON Lines gazetteer from a Wikidata JSON dump

Usage: wikidata_gazetteer --languages LIST [OPTIONS] DUMP > gazetteer.jsonl

DUMP is Wikidata's JSON dump (latest-all.json: one entity a line inside a JSON array), plain,
.gz or .bz2 (told by its first bytes), or `-` for standard input. It is streamed, never
loaded whole. Writes one entity a line on stdout:
  {\"id\":\"Q90\",\"kind\":\"location\",\"names\":[{\"text\":\"Paris\",\"langs\":[\"fr\",\"it\",\"en\"]}]}
Progress and a summary go to stderr.

Options:
  -l, --languages LIST      Languages of the labels and aliases to keep, comma-separated
                            ISO 639-1 codes (required). Regional variants count (en-gb is
                            en); `mul` values count for every language.  Example: -l fr,it,en
  -k, --kinds PATH          The P31 class -> kind mapping, TSV lines `Qid<TAB>kind`, `#`
                            comments; the class listed first wins. Default: the built-in
                            copy of examples/data/wikidata-kinds.tsv.
      --unmapped MODE       Items with no mapped P31: `skip` (default) or `misc` (written with
                            the kind misc).
      --common-words PATH   Common words that make a name `exact` (or dropped when all lower
                            case), lines `lang<TAB>word word ...`. Default: the built-in copy
                            of examples/data/common-words.txt (French, Italian, English).
      --any-language        Write names without languages (they then match in sentences of
                            any language).
      --strict              Stop at the first malformed line (exit 1) instead of skipping it.
  -q, --quiet               No progress line and no summary on stderr.
  -h, --help                Print this help.
  -V, --version             Print the version.

Names: a name made only of common words is `exact` when it has a capital letter, dropped
when all lower case; otherwise a name of 3 letters/digits or fewer (UE, ONU) is `exact`.
Skipped: properties, lexemes, redirects, deprecated P31 statements, items with no mapped P31
(unless --unmapped misc) or no name in the languages asked for.

Examples:
  wikidata_gazetteer -l fr,it,en latest-all.json.bz2 > gazetteer.jsonl
  bzcat latest-all.json.bz2 | wikidata_gazetteer -l it -k my-kinds.tsv - > it.jsonl

Exit status: 0 on success (malformed lines skipped are counted in the summary), 1 if the
dump cannot be opened or read, on a write error or a malformed line under --strict, 2 on a
usage, mapping or word-list error.
";

/// The default P31 mapping (see the file for its rules).
const DEFAULT_KINDS: &str = include_str!("data/wikidata-kinds.tsv");
/// The default common-word lists.
const DEFAULT_WORDS: &str = include_str!("data/common-words.txt");
/// How many malformed lines are reported one by one (the summary counts them all).
const MALFORMED_REPORTED: u64 = 10;
/// How often (in lines) `convert` calls its progress callback (which shows a line at most
/// once a second).
const PROGRESS_LINES: u64 = 256;
/// The most languages that may be asked for (a name's languages are a 64-bit set).
const MAX_LANGUAGES: usize = 64;

// ---------------------------------------------------------------------------------------------
// Errors

/// Why a run stopped.
#[derive(Debug, thiserror::Error)]
enum Error {
    /// A file could not be opened or read before the dump was.
    #[error("{path}: {source}")]
    Open { path: String, source: io::Error },
    /// The dump is named `.gz` or `.bz2` but its first bytes say otherwise.
    #[error("{path}: named {ext} but does not start like a {ext} file")]
    NotCompressed { path: String, ext: &'static str },
    /// A line of the mapping file or word list is not as documented.
    #[error("{source_name}:{line}: {message}")]
    Config {
        source_name: String,
        line: usize,
        message: String,
    },
    /// Reading or decompressing the dump failed.
    #[error("dump line {line}: read error: {source}")]
    Read { line: u64, source: io::Error },
    /// A malformed line, under `--strict`.
    #[error("dump line {line}: malformed entity: {message}")]
    Malformed { line: u64, message: String },
    /// Writing the gazetteer failed.
    #[error("writing the gazetteer: {0}")]
    Write(io::Error),
}

// ---------------------------------------------------------------------------------------------
// Configuration: languages, kinds, common words

/// What to do with items whose `P31` maps to no kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unmapped {
    Skip,
    Misc,
}

/// The `P31` class -> kind mapping; a class's rank is its line's order in the file.
#[derive(Debug)]
struct KindMap {
    classes: HashMap<Box<str>, (u32, Kind)>,
}

impl KindMap {
    /// Parses `Qid<TAB>kind[<TAB>note]` lines; `#` comments and blank lines are ignored.
    fn parse(text: &str, source_name: &str) -> Result<KindMap, Error> {
        let mut classes = HashMap::new();
        for (i, line) in text.lines().enumerate() {
            let err = |message: String| Error::Config {
                source_name: source_name.to_string(),
                line: i + 1,
                message,
            };
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            let qid = cols.next().unwrap_or("").trim();
            let kind = cols.next().unwrap_or("").trim();
            if !is_item_id(qid) {
                return Err(err(format!(
                    "`{qid}` is not an item id (Q followed by digits); expected `Qid<TAB>kind`"
                )));
            }
            let kind: Kind = kind
                .parse()
                .map_err(|_| err(format!("no kind for `{qid}`; expected `Qid<TAB>kind`")))?;
            let rank = u32::try_from(classes.len()).unwrap_or(u32::MAX);
            if classes.insert(Box::from(qid), (rank, kind)).is_some() {
                return Err(err(format!("`{qid}` is mapped twice")));
            }
        }
        if classes.is_empty() {
            return Err(Error::Config {
                source_name: source_name.to_string(),
                line: 0,
                message: "no class mapped".into(),
            });
        }
        Ok(KindMap { classes })
    }

    fn get(&self, qid: &str) -> Option<(u32, &Kind)> {
        self.classes.get(qid).map(|(r, k)| (*r, k))
    }
}

/// `Q` followed by one or more ASCII digits.
fn is_item_id(s: &str) -> bool {
    s.len() > 1 && s.starts_with('Q') && s[1..].bytes().all(|b| b.is_ascii_digit())
}

/// Folded common words of the languages asked for.
#[derive(Debug, Default)]
struct CommonWords {
    words: HashSet<String>,
}

impl CommonWords {
    /// Parses `lang<TAB>word word ...` lines, keeping the words of `langs`.
    fn parse(text: &str, source_name: &str, langs: &[Lang]) -> Result<CommonWords, Error> {
        let mut words = HashSet::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let Some((code, list)) = line.split_once('\t') else {
                return Err(Error::Config {
                    source_name: source_name.to_string(),
                    line: i + 1,
                    message: "expected `lang<TAB>word word ...`".into(),
                });
            };
            let lang = Lang::from_code(code.trim()).ok_or_else(|| Error::Config {
                source_name: source_name.to_string(),
                line: i + 1,
                message: format!("unknown language code `{}`", code.trim()),
            })?;
            if langs.contains(&lang) {
                words.extend(list.split_whitespace().map(nomina::fold));
            }
        }
        Ok(CommonWords { words })
    }

    /// True if every word of `name` (split at anything but letters and digits, folded) is a
    /// common word.
    fn all_common(&self, name: &str) -> bool {
        let folded = nomina::fold(name);
        let mut words = folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty());
        let mut any = false;
        words.all(|w| {
            any = true;
            self.words.contains(w)
        }) && any
    }
}

/// Everything a conversion needs.
#[derive(Debug)]
struct Config {
    langs: Vec<Lang>,
    kinds: KindMap,
    words: CommonWords,
    unmapped: Unmapped,
    any_language: bool,
    strict: bool,
}

/// Where a label or alias counts: one language asked for (its index), or all (`mul`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    Lang(u8),
    Mul,
}

impl Config {
    /// The target of a Wikidata language code: `fr`, a regional variant (`fr-ca`) or `mul`.
    fn target(&self, code: &str) -> Option<Target> {
        if code == "mul" {
            return Some(Target::Mul);
        }
        let base = code.split_once('-').map_or(code, |(b, _)| b);
        self.langs
            .iter()
            .position(|l| l.code() == base)
            .map(|i| Target::Lang(i as u8))
    }

    fn all_langs(&self) -> u64 {
        if self.langs.len() >= 64 {
            u64::MAX
        } else {
            (1u64 << self.langs.len()) - 1
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The dump's entities: just the fields needed

/// A JSON string, borrowed from the line when it has no escapes.
#[derive(Debug)]
struct Str<'a>(Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for Str<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
            type Value = Str<'a>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Str<'a>, E> {
                Ok(Str(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Str<'a>, E> {
                Ok(Str(Cow::Owned(v.to_string())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Str<'a>, E> {
                Ok(Str(Cow::Owned(v)))
            }
        }
        d.deserialize_str(V(std::marker::PhantomData))
    }
}

/// A label or alias: `{"language": "fr", "value": "Paris"}`.
#[derive(Deserialize)]
struct Term<'a> {
    #[serde(borrow)]
    value: Str<'a>,
}

/// The claims: only `P31` is built.
#[derive(Deserialize, Default)]
struct Claims<'a> {
    #[serde(rename = "P31", default, borrow)]
    p31: Vec<Statement<'a>>,
}

#[derive(Deserialize)]
struct Statement<'a> {
    #[serde(borrow)]
    mainsnak: Snak<'a>,
    #[serde(default)]
    rank: Rank,
}

#[derive(Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum Rank {
    Preferred,
    #[default]
    Normal,
    Deprecated,
}

/// A snak; `novalue` and `somevalue` snaks have no `datavalue`.
#[derive(Deserialize)]
struct Snak<'a> {
    #[serde(default, borrow)]
    datavalue: Option<DataValue<'a>>,
}

#[derive(Deserialize)]
struct DataValue<'a> {
    #[serde(borrow)]
    value: ItemValue<'a>,
}

/// `{"entity-type": "item", "numeric-id": 5, "id": "Q5"}` (old dumps have no `id`).
#[derive(Deserialize)]
struct ItemValue<'a> {
    #[serde(default, borrow)]
    id: Option<Str<'a>>,
    #[serde(rename = "numeric-id", default)]
    numeric_id: Option<u64>,
}

/// A label or alias kept: where it counts and its text.
struct RawTerm<'a> {
    target: Target,
    alias: bool,
    text: Str<'a>,
}

/// The fields of one entity line that matter here.
#[derive(Default)]
struct RawEntity<'a> {
    id: Option<Str<'a>>,
    kind: Option<Str<'a>>,
    redirect: bool,
    terms: Vec<RawTerm<'a>>,
    p31: Vec<Statement<'a>>,
}

/// Parses an entity object, keeping only the labels and aliases of the languages asked for.
struct EntitySeed<'c> {
    cfg: &'c Config,
}

impl<'de> DeserializeSeed<'de> for EntitySeed<'_> {
    type Value = RawEntity<'de>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<RawEntity<'de>, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for EntitySeed<'_> {
    type Value = RawEntity<'de>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an entity object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawEntity<'de>, A::Error> {
        let mut e = RawEntity::default();
        while let Some(key) = map.next_key::<Str<'de>>()? {
            match &*key.0 {
                "id" => e.id = Some(map.next_value()?),
                "type" => e.kind = Some(map.next_value()?),
                "labels" | "aliases" => {
                    let alias = &*key.0 == "aliases";
                    map.next_value_seed(TermsSeed {
                        cfg: self.cfg,
                        alias,
                        out: &mut e.terms,
                    })?
                }
                "claims" => e.p31 = map.next_value::<MaybeEmpty<Claims<'de>>>()?.0.p31,
                "redirects" => {
                    map.next_value::<IgnoredAny>()?;
                    e.redirect = true;
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(e)
    }
}

/// An object that an old dump may write as `[]` when empty (PHP's empty array).
struct MaybeEmpty<T>(T);

impl<'de, T: Deserialize<'de> + Default> Deserialize<'de> for MaybeEmpty<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de> + Default> Visitor<'de> for V<T> {
            type Value = MaybeEmpty<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object or an empty array")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<MaybeEmpty<T>, A::Error> {
                match seq.next_element::<IgnoredAny>()? {
                    None => Ok(MaybeEmpty(T::default())),
                    Some(_) => Err(de::Error::custom("expected an object, found a non-empty array")),
                }
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<MaybeEmpty<T>, A::Error> {
                T::deserialize(de::value::MapAccessDeserializer::new(map)).map(MaybeEmpty)
            }
        }
        d.deserialize_any(V(std::marker::PhantomData))
    }
}

/// Parses a `labels` (`{"fr": {...}}`) or `aliases` (`{"fr": [{...}]}`) object into `out`,
/// skipping the languages not asked for without building them.
struct TermsSeed<'c, 'v, 'a> {
    cfg: &'c Config,
    alias: bool,
    out: &'v mut Vec<RawTerm<'a>>,
}

impl<'de> DeserializeSeed<'de> for TermsSeed<'_, '_, 'de> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for TermsSeed<'_, '_, 'de> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object of labels or aliases by language")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        match seq.next_element::<IgnoredAny>()? {
            None => Ok(()),
            Some(_) => Err(de::Error::custom("expected an object, found a non-empty array")),
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(code) = map.next_key::<Str<'de>>()? {
            let Some(target) = self.cfg.target(&code.0) else {
                map.next_value::<IgnoredAny>()?;
                continue;
            };
            if self.alias {
                for t in map.next_value::<Vec<Term<'de>>>()? {
                    self.out.push(RawTerm {
                        target,
                        alias: true,
                        text: t.value,
                    });
                }
            } else {
                let t = map.next_value::<Term<'de>>()?;
                self.out.push(RawTerm {
                    target,
                    alias: false,
                    text: t.value,
                });
            }
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// Conversion

/// Counts for the summary.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
struct Summary {
    /// Lines of the dump read (the `[` and `]` lines included).
    lines: u64,
    /// Bytes of the (decompressed) dump read.
    bytes: u64,
    /// Entity lines parsed (malformed ones not included).
    entities: u64,
    /// Entities written.
    written: u64,
    /// Malformed lines skipped.
    malformed: u64,
    skipped_property: u64,
    skipped_lexeme: u64,
    skipped_other_type: u64,
    skipped_redirect: u64,
    /// Items with no `P31` statement that counts (none, or deprecated only).
    skipped_no_p31: u64,
    /// Items whose `P31` values are all missing from the mapping.
    skipped_unmapped: u64,
    /// Items with no usable name in the languages asked for.
    skipped_no_name: u64,
    /// Entities written per kind.
    per_kind: BTreeMap<String, u64>,
    names: u64,
    names_exact: u64,
    dropped_lowercase_common: u64,
    dropped_no_letter: u64,
    dropped_too_long: u64,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} lines ({:.1} MB) read, {} entities, {} written, {} malformed lines skipped",
            self.lines,
            self.bytes as f64 / 1e6,
            self.entities,
            self.written,
            self.malformed
        )?;
        writeln!(
            f,
            "skipped: {} properties, {} lexemes, {} of other types, {} redirects, {} items with no P31 \
             (or deprecated only), {} with no mapped P31, {} with no name in the languages asked for",
            self.skipped_property,
            self.skipped_lexeme,
            self.skipped_other_type,
            self.skipped_redirect,
            self.skipped_no_p31,
            self.skipped_unmapped,
            self.skipped_no_name
        )?;
        let kinds: Vec<String> = self.per_kind.iter().map(|(k, n)| format!("{k} {n}")).collect();
        writeln!(
            f,
            "written per kind: {}",
            if kinds.is_empty() {
                "none".into()
            } else {
                kinds.join(", ")
            }
        )?;
        write!(
            f,
            "names: {} written ({} exact); dropped: {} lower-case common words, {} with no letter, {} too long",
            self.names,
            self.names_exact,
            self.dropped_lowercase_common,
            self.dropped_no_letter,
            self.dropped_too_long
        )
    }
}

/// One gazetteer line, as `Gazetteer::from_jsonl_*` reads it.
#[derive(Serialize)]
struct OutEntity<'a> {
    id: &'a str,
    kind: &'a Kind,
    names: &'a [Name],
}

/// Reads a dump from `reader` and writes the gazetteer to `out`. `progress` is called every
/// [`PROGRESS_LINES`] lines with the counts so far. Malformed lines are reported through `warn`
/// (the first [`MALFORMED_REPORTED`]) and skipped, or stop the run under `strict`.
fn convert(
    mut reader: impl BufRead,
    mut out: impl Write,
    cfg: &Config,
    progress: &mut dyn FnMut(&Summary),
    warn: &mut dyn FnMut(&str),
) -> Result<Summary, Error> {
    let mut s = Summary::default();
    let mut buf = Vec::with_capacity(1 << 16);
    let mut line_out = Vec::with_capacity(1 << 12);
    let mut names: Vec<(String, u64)> = Vec::new();
    let mut built: Vec<Name> = Vec::new();
    loop {
        buf.clear();
        let n = reader.read_until(b'\n', &mut buf).map_err(|e| Error::Read {
            line: s.lines + 1,
            source: e,
        })?;
        if n == 0 {
            break;
        }
        s.lines += 1;
        s.bytes += n as u64;
        if s.lines % PROGRESS_LINES == 0 {
            progress(&s);
        }
        let mut line = buf.trim_ascii();
        if let Some(l) = line.strip_suffix(b",") {
            line = l.trim_ascii_end();
        }
        if line.is_empty() || line == b"[" || line == b"]" {
            continue;
        }
        let mut de = serde_json::Deserializer::from_slice(line);
        let parsed = EntitySeed { cfg }
            .deserialize(&mut de)
            .and_then(|e| de.end().map(|()| e));
        let e = match parsed {
            Ok(e) => e,
            Err(err) => {
                s.malformed += 1;
                if cfg.strict {
                    return Err(Error::Malformed {
                        line: s.lines,
                        message: err.to_string(),
                    });
                }
                if s.malformed <= MALFORMED_REPORTED {
                    warn(&format!("dump line {}: malformed entity skipped: {err}", s.lines));
                }
                continue;
            }
        };
        let Some(id) = e.id.as_ref().map(|i| &*i.0) else {
            s.malformed += 1;
            let message = "entity with no `id`".to_string();
            if cfg.strict {
                return Err(Error::Malformed {
                    line: s.lines,
                    message,
                });
            }
            if s.malformed <= MALFORMED_REPORTED {
                warn(&format!(
                    "dump line {}: malformed entity skipped: {message}",
                    s.lines
                ));
            }
            continue;
        };
        s.entities += 1;
        match e.kind.as_ref().map(|k| &*k.0) {
            Some("item") => {}
            Some("property") => {
                s.skipped_property += 1;
                continue;
            }
            Some("lexeme") => {
                s.skipped_lexeme += 1;
                continue;
            }
            _ => {
                s.skipped_other_type += 1;
                continue;
            }
        }
        if e.redirect {
            s.skipped_redirect += 1;
            continue;
        }
        let kind = match entity_kind(&e.p31, &cfg.kinds) {
            KindOf::Mapped(k) => k.clone(),
            _ if cfg.unmapped == Unmapped::Misc => Kind::Misc,
            KindOf::NoP31 => {
                s.skipped_no_p31 += 1;
                continue;
            }
            KindOf::Unmapped => {
                s.skipped_unmapped += 1;
                continue;
            }
        };
        collect_names(&e.terms, cfg, &mut names);
        built.clear();
        for (text, bits) in names.drain(..) {
            match decide(&text, &cfg.words) {
                Decision::Keep { exact } => {
                    let mut name = Name::new(&text).exact(exact);
                    if !cfg.any_language {
                        name = name.with_languages(
                            cfg.langs
                                .iter()
                                .enumerate()
                                .filter(|(i, _)| bits & (1 << i) != 0)
                                .map(|(_, l)| *l),
                        );
                    }
                    s.names_exact += u64::from(exact);
                    built.push(name);
                }
                Decision::DropLowercaseCommon => s.dropped_lowercase_common += 1,
                Decision::DropNoLetter => s.dropped_no_letter += 1,
                Decision::DropTooLong => s.dropped_too_long += 1,
            }
        }
        if built.is_empty() {
            s.skipped_no_name += 1;
            continue;
        }
        line_out.clear();
        serde_json::to_writer(
            &mut line_out,
            &OutEntity {
                id,
                kind: &kind,
                names: &built,
            },
        )
        .map_err(|e| Error::Write(io::Error::other(e)))?;
        line_out.push(b'\n');
        out.write_all(&line_out).map_err(Error::Write)?;
        s.written += 1;
        s.names += built.len() as u64;
        *s.per_kind.entry(kind.as_str().to_string()).or_insert(0) += 1;
    }
    out.flush().map_err(Error::Write)?;
    progress(&s);
    Ok(s)
}

/// What an item's `P31` statements say about its kind.
enum KindOf<'k> {
    Mapped(&'k Kind),
    /// No statement that counts (none, or deprecated only, or no value).
    NoP31,
    /// Values, none of them in the mapping.
    Unmapped,
}

/// The kind of an item: deprecated statements are ignored; a preferred statement's mapped
/// value beats a normal one's; among one rank, the class first in the mapping wins.
fn entity_kind<'k>(p31: &[Statement], kinds: &'k KindMap) -> KindOf<'k> {
    let mut best: Option<(bool, u32, &Kind)> = None;
    let mut any = false;
    for st in p31 {
        if st.rank == Rank::Deprecated {
            continue;
        }
        let Some(v) = &st.mainsnak.datavalue else {
            continue;
        };
        any = true;
        let owned;
        let qid: &str = match (&v.value.id, v.value.numeric_id) {
            (Some(id), _) => &id.0,
            (None, Some(n)) => {
                owned = format!("Q{n}");
                &owned
            }
            (None, None) => continue,
        };
        if let Some((order, kind)) = kinds.get(qid) {
            let key = (st.rank != Rank::Preferred, order);
            if best.is_none_or(|(p, o, _)| key < (p, o)) {
                best = Some((key.0, key.1, kind));
            }
        }
    }
    match best {
        Some((_, _, k)) => KindOf::Mapped(k),
        None if any => KindOf::Unmapped,
        None => KindOf::NoP31,
    }
}

/// The entity's names in order (labels then aliases, each in the order of the languages asked
/// for, `mul` last), each once with the set of languages (bits over `cfg.langs`) it was
/// given in; trimmed, empty ones left out.
fn collect_names(terms: &[RawTerm], cfg: &Config, names: &mut Vec<(String, u64)>) {
    names.clear();
    let all = cfg.all_langs();
    for alias in [false, true] {
        let targets = (0..cfg.langs.len())
            .map(|i| Target::Lang(i as u8))
            .chain([Target::Mul]);
        for target in targets {
            for t in terms.iter().filter(|t| t.alias == alias && t.target == target) {
                let text = t.text.0.trim();
                if text.is_empty() {
                    continue;
                }
                let bits = match target {
                    Target::Lang(i) => 1u64 << i,
                    Target::Mul => all,
                };
                match names.iter_mut().find(|(n, _)| n == text) {
                    Some((_, b)) => *b |= bits,
                    None => names.push((text.to_string(), bits)),
                }
            }
        }
    }
}

/// What becomes of one name.
#[derive(Debug, PartialEq, Eq)]
enum Decision {
    Keep { exact: bool },
    DropLowercaseCommon,
    DropNoLetter,
    DropTooLong,
}

/// The rules of the module docs: common words, then short names.
fn decide(text: &str, words: &CommonWords) -> Decision {
    if text.len() > MAX_NAME_BYTES {
        return Decision::DropTooLong;
    }
    if !text.chars().any(char::is_alphabetic) {
        return Decision::DropNoLetter;
    }
    if words.all_common(text) {
        return if text.chars().any(char::is_uppercase) {
            Decision::Keep { exact: true }
        } else {
            Decision::DropLowercaseCommon
        };
    }
    let alnum = text.chars().filter(|c| c.is_alphanumeric()).count();
    Decision::Keep { exact: alnum <= 3 }
}

// ---------------------------------------------------------------------------------------------
// Input: plain, gzip or bzip2, told by the first bytes

/// The dump's compression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Compression {
    Plain,
    Gzip,
    Bzip2,
}

/// Tells the compression from the first bytes.
fn sniff(head: &[u8]) -> Compression {
    if head.starts_with(&[0x1f, 0x8b]) {
        Compression::Gzip
    } else if head.starts_with(b"BZh") {
        Compression::Bzip2
    } else {
        Compression::Plain
    }
}

/// A buffered reader of the decompressed dump, whatever `input` holds.
fn decompressed<'r>(
    input: impl Read + 'r,
    path: &str,
) -> Result<(Box<dyn BufRead + 'r>, Compression), Error> {
    let mut input = BufReader::with_capacity(1 << 20, input);
    let head = input.fill_buf().map_err(|e| Error::Open {
        path: path.to_string(),
        source: e,
    })?;
    let compression = sniff(head);
    let named = if path.ends_with(".gz") {
        Some(("gzip", Compression::Gzip))
    } else if path.ends_with(".bz2") {
        Some(("bzip2", Compression::Bzip2))
    } else {
        None
    };
    if let Some((ext, c)) = named {
        if c != compression {
            return Err(Error::NotCompressed {
                path: path.to_string(),
                ext,
            });
        }
    }
    let reader: Box<dyn BufRead + 'r> = match compression {
        Compression::Plain => Box::new(input),
        Compression::Gzip => Box::new(BufReader::with_capacity(
            1 << 20,
            flate2::bufread::MultiGzDecoder::new(input),
        )),
        Compression::Bzip2 => Box::new(BufReader::with_capacity(
            1 << 20,
            bzip2::bufread::MultiBzDecoder::new(input),
        )),
    };
    Ok((reader, compression))
}

/// A reader that counts the bytes read through it (for the progress line).
struct Counted<R> {
    inner: R,
    count: Rc<Cell<u64>>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.set(self.count.get() + n as u64);
        Ok(n)
    }
}

// ---------------------------------------------------------------------------------------------
// Command line

/// What the command line asked for.
struct Options {
    languages: Vec<Lang>,
    kinds: Option<String>,
    common_words: Option<String>,
    unmapped: Unmapped,
    any_language: bool,
    strict: bool,
    quiet: bool,
    dump: String,
}

/// Why the command line was refused (exit code 2), or a request to stop early (help, version).
enum Stop {
    Usage(String),
    Done(String),
}

fn parse_args(args: impl IntoIterator<Item = OsString>) -> Result<Options, Stop> {
    use lexopt::prelude::*;
    let mut languages = None;
    let mut o = Options {
        languages: Vec::new(),
        kinds: None,
        common_words: None,
        unmapped: Unmapped::Skip,
        any_language: false,
        strict: false,
        quiet: false,
        dump: String::new(),
    };
    let mut dump = None;
    let usage = |e: lexopt::Error| Stop::Usage(e.to_string());
    let mut p = lexopt::Parser::from_args(args);
    while let Some(arg) = p.next().map_err(usage)? {
        match arg {
            Short('l') | Long("languages") => {
                let list = string(&mut p, "--languages")?;
                let mut langs: Vec<Lang> = Vec::new();
                for code in list.split(',').map(str::trim).filter(|c| !c.is_empty()) {
                    let lang = code.parse::<Lang>().map_err(|e| {
                        Stop::Usage(format!(
                            "invalid value for --languages: {e} (expected codes such as fr,it,en)"
                        ))
                    })?;
                    if !langs.contains(&lang) {
                        langs.push(lang);
                    }
                }
                if langs.is_empty() {
                    return Err(Stop::Usage(
                        "invalid value for --languages: no language code".into(),
                    ));
                }
                if langs.len() > MAX_LANGUAGES {
                    return Err(Stop::Usage(format!(
                        "invalid value for --languages: more than {MAX_LANGUAGES} languages"
                    )));
                }
                languages = Some(langs);
            }
            Short('k') | Long("kinds") => o.kinds = Some(string(&mut p, "--kinds")?),
            Long("common-words") => o.common_words = Some(string(&mut p, "--common-words")?),
            Long("unmapped") => {
                o.unmapped = match string(&mut p, "--unmapped")?.as_str() {
                    "skip" => Unmapped::Skip,
                    "misc" => Unmapped::Misc,
                    other => {
                        return Err(Stop::Usage(format!(
                            "invalid value `{other}` for --unmapped (expected `skip` or `misc`)"
                        )));
                    }
                }
            }
            Long("any-language") => o.any_language = true,
            Long("strict") => o.strict = true,
            Short('q') | Long("quiet") => o.quiet = true,
            Short('h') | Long("help") => return Err(Stop::Done(HELP.to_string())),
            Short('V') | Long("version") => {
                return Err(Stop::Done(format!(
                    "wikidata_gazetteer (nomina {})\n",
                    env!("CARGO_PKG_VERSION")
                )));
            }
            Value(v) if dump.is_none() => {
                dump = Some(
                    v.into_string()
                        .map_err(|v| Stop::Usage(format!("file name {v:?} is not valid UTF-8")))?,
                )
            }
            _ => return Err(usage(arg.unexpected())),
        }
    }
    o.languages =
        languages.ok_or_else(|| Stop::Usage("--languages is required (e.g. -l fr,it,en)".into()))?;
    o.dump = dump.ok_or_else(|| Stop::Usage("no DUMP given (a file, or `-` for standard input)".into()))?;
    Ok(o)
}

/// The value of an option, as UTF-8.
fn string(p: &mut lexopt::Parser, name: &str) -> Result<String, Stop> {
    let v = p.value().map_err(|e| Stop::Usage(e.to_string()))?;
    v.into_string()
        .map_err(|v| Stop::Usage(format!("invalid value {v:?} for {name}: not valid UTF-8")))
}

/// Reads a configuration file whole (they are small).
fn read_config(path: &str) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|e| Error::Open {
        path: path.to_string(),
        source: e,
    })
}

/// The configuration the options ask for.
fn config(o: &Options) -> Result<Config, Error> {
    let kinds = match &o.kinds {
        Some(p) => KindMap::parse(&read_config(p)?, p)?,
        None => KindMap::parse(DEFAULT_KINDS, "<built-in wikidata-kinds.tsv>")?,
    };
    let words = match &o.common_words {
        Some(p) => CommonWords::parse(&read_config(p)?, p, &o.languages)?,
        None => CommonWords::parse(DEFAULT_WORDS, "<built-in common-words.txt>", &o.languages)?,
    };
    Ok(Config {
        langs: o.languages.clone(),
        kinds,
        words,
        unmapped: o.unmapped,
        any_language: o.any_language,
        strict: o.strict,
    })
}

/// An error and its causes, `: `-separated.
fn chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        s.push_str(": ");
        s.push_str(&c.to_string());
        cause = c.source();
    }
    s
}

fn main() -> ExitCode {
    let opts = match parse_args(std::env::args_os().skip(1)) {
        Ok(o) => o,
        Err(Stop::Done(text)) => {
            print!("{text}");
            return ExitCode::SUCCESS;
        }
        Err(Stop::Usage(msg)) => {
            eprintln!("wikidata_gazetteer: {msg}\nTry `wikidata_gazetteer --help` for the options.");
            return ExitCode::from(2);
        }
    };
    let cfg = match config(&opts) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("wikidata_gazetteer: {}", chain(&e));
            return ExitCode::from(2);
        }
    };
    // The bytes of the file read so far (compressed or not), against its size, for the
    // progress line.
    let read = Rc::new(Cell::new(0u64));
    let mut size = None;
    let input: Result<Box<dyn Read>, Error> = if opts.dump == "-" {
        Ok(Box::new(Counted {
            inner: io::stdin(),
            count: Rc::clone(&read),
        }))
    } else {
        std::fs::File::open(&opts.dump)
            .map(|f| {
                size = f.metadata().ok().map(|m| m.len()).filter(|&n| n > 0);
                Box::new(Counted {
                    inner: f,
                    count: Rc::clone(&read),
                }) as Box<dyn Read>
            })
            .map_err(|e| Error::Open {
                path: opts.dump.clone(),
                source: e,
            })
    };
    let reader = input.and_then(|i| decompressed(i, &opts.dump));
    let (reader, compression) = match reader {
        Ok(r) => r,
        Err(e) => {
            eprintln!("wikidata_gazetteer: {}", chain(&e));
            return ExitCode::FAILURE;
        }
    };
    let quiet = opts.quiet;
    let start = Instant::now();
    let mut last = start;
    let mut shown = false;
    let mut progress = |s: &Summary| {
        let now = Instant::now();
        if quiet || now.duration_since(last) < Duration::from_secs(1) {
            return;
        }
        last = now;
        shown = true;
        let secs = now.duration_since(start).as_secs_f64();
        let done = match size {
            Some(size) => {
                let f = read.get() as f64 / size as f64;
                let left = if f > 0.0 { secs * (1.0 - f) / f } else { 0.0 };
                let left = if left >= 5400.0 {
                    format!("{:.1} h", left / 3600.0)
                } else {
                    format!("{:.0} min", left / 60.0)
                };
                format!("{:5.1}% (about {left} left), ", f * 100.0)
            }
            None => format!("{:.0} MB in, ", read.get() as f64 / 1e6),
        };
        eprint!(
            "\r{done}{} lines, {:.0} MB of JSON ({:.1} MB/s), {} entities written, {} names   ",
            s.lines,
            s.bytes as f64 / 1e6,
            s.bytes as f64 / 1e6 / secs,
            s.written,
            s.names
        );
    };
    let mut warn = |msg: &str| eprintln!("\rwikidata_gazetteer: {msg}");
    let stdout = io::stdout();
    let out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let result = convert(reader, out, &cfg, &mut progress, &mut warn);
    if shown {
        eprintln!();
    }
    match result {
        Ok(s) => {
            if !quiet {
                let secs = start.elapsed().as_secs_f64();
                eprintln!(
                    "wikidata_gazetteer: {:?} dump, {:.1} s, {:.0} lines/s, {:.1} MB/s (decompressed)\n{s}",
                    compression,
                    secs,
                    s.lines as f64 / secs,
                    s.bytes as f64 / 1e6 / secs
                );
                if s.names as usize > nomina::MAX_NAMES {
                    eprintln!(
                        "wikidata_gazetteer: warning: {} names is more than a gazetteer holds ({}): \
                         ask for fewer languages or map fewer classes",
                        s.names,
                        nomina::MAX_NAMES
                    );
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("wikidata_gazetteer: {}", chain(&e));
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use nomina::{Analyzer, Gazetteer};

    const EXCERPT: &str = include_str!("../tests/data/wikidata/excerpt.json");
    const EXCERPT_GZ: &[u8] = include_bytes!("../tests/data/wikidata/excerpt.json.gz");
    const EXCERPT_BZ2: &[u8] = include_bytes!("../tests/data/wikidata/excerpt.json.bz2");

    fn cfg(langs: &[Lang]) -> Config {
        Config {
            langs: langs.to_vec(),
            kinds: KindMap::parse(DEFAULT_KINDS, "kinds").unwrap(),
            words: CommonWords::parse(DEFAULT_WORDS, "words", langs).unwrap(),
            unmapped: Unmapped::Skip,
            any_language: false,
            strict: false,
        }
    }

    const FR_IT_EN: [Lang; 3] = [Lang::French, Lang::Italian, Lang::English];

    /// Runs a conversion; the output, the summary and the warnings.
    fn run(input: &[u8], cfg: &Config) -> (String, Summary, Vec<String>) {
        let mut out = Vec::new();
        let mut warnings = Vec::new();
        let mut last = None;
        let s = convert(input, &mut out, cfg, &mut |p| last = Some(p.clone()), &mut |w| {
            warnings.push(w.to_string())
        })
        .unwrap();
        // The last progress call sees the final counts.
        assert_eq!(last.as_ref(), Some(&s));
        (String::from_utf8(out).unwrap(), s, warnings)
    }

    fn entity<'g>(gaz: &'g Gazetteer, id: &str) -> nomina::Entity<'g> {
        gaz.get(id).unwrap_or_else(|| panic!("{id} missing"))
    }

    fn names(gaz: &Gazetteer, id: &str) -> Vec<(String, Vec<Lang>, bool)> {
        entity(gaz, id)
            .names()
            .map(|n| (n.text().to_string(), n.languages(), n.is_exact()))
            .collect()
    }

    #[test]
    fn excerpt_gives_the_expected_gazetteer() {
        let (out, s, warnings) = run(EXCERPT.as_bytes(), &cfg(&FR_IT_EN));
        assert!(warnings.is_empty(), "{warnings:?}");
        let gaz = Gazetteer::from_jsonl_str(&out).unwrap();
        assert!(gaz.warnings().is_empty(), "{:?}", gaz.warnings());
        let ids: Vec<&str> = gaz.entities().map(|e| e.id()).collect();
        assert_eq!(
            ids,
            [
                "Q9000001", "Q9000002", "Q9000003", "Q9000004", "Q9000007", "Q9000008", "Q9000010",
                "Q9000012"
            ]
        );
        // A person: labels in three languages, one name for all three; an alias equal to the
        // label kept once; aliases in their own languages; `mul` for every language.
        assert_eq!(entity(&gaz, "Q9000001").kind(), &Kind::Person);
        assert_eq!(
            names(&gaz, "Q9000001"),
            [
                ("Giulia Ferrandi".into(), FR_IT_EN.to_vec(), false),
                ("G. Ferrandi".into(), vec![Lang::Italian], false),
                ("Giulia Maria Ferrandi".into(), FR_IT_EN.to_vec(), false),
            ]
        );
        // A company whose P31 also says "organization": organization either way.
        assert_eq!(entity(&gaz, "Q9000002").kind(), &Kind::Organization);
        // A city, a river (preferred over a deprecated "company" P31).
        assert_eq!(entity(&gaz, "Q9000003").kind(), &Kind::Location);
        assert_eq!(entity(&gaz, "Q9000004").kind(), &Kind::Location);
        // A missing language: only the names that exist, with their languages.
        assert_eq!(
            names(&gaz, "Q9000007"),
            [
                ("Valdorna".into(), vec![Lang::French, Lang::Italian], false),
                ("Val d’Orna".into(), vec![Lang::Italian], false)
            ]
        );
        // A short name and a common word: exact; a lower-case common word: dropped.
        let short = names(&gaz, "Q9000008");
        assert!(
            short.contains(&("UE".into(), vec![Lang::French, Lang::Italian], true)),
            "{short:?}"
        );
        assert!(
            short.contains(&("Union européenne".into(), vec![Lang::French], false)),
            "{short:?}"
        );
        assert!(!short.iter().any(|(t, _, _)| t == "union"), "{short:?}");
        assert_eq!(
            names(&gaz, "Q9000010"),
            [
                ("Orange".into(), FR_IT_EN.to_vec(), true),
                ("Groupe Orange".into(), vec![Lang::French], false)
            ]
        );
        assert_eq!(entity(&gaz, "Q9000012").kind(), &Kind::Organization);

        assert_eq!(s.entities, 14);
        assert_eq!(s.written, 8);
        assert_eq!(s.skipped_property, 1);
        assert_eq!(s.skipped_lexeme, 1);
        assert_eq!(s.skipped_redirect, 1);
        assert_eq!(s.skipped_no_p31, 1, "only a deprecated P31");
        assert_eq!(s.skipped_unmapped, 1);
        assert_eq!(s.skipped_no_name, 1);
        assert_eq!(s.malformed, 0);
        assert_eq!(s.per_kind.get("person"), Some(&1));
        assert_eq!(s.per_kind.get("organization"), Some(&4));
        assert_eq!(s.per_kind.get("location"), Some(&3));
        assert_eq!(s.names, gaz.names_len() as u64);
        assert_eq!(s.dropped_lowercase_common, 1);
        assert_eq!(s.lines, EXCERPT.lines().count() as u64);
    }

    #[test]
    fn output_loads_from_a_file_with_from_jsonl_path() {
        let (out, s, _) = run(EXCERPT.as_bytes(), &cfg(&FR_IT_EN));
        let path = std::env::temp_dir().join(format!("nomina-wikidata-{}.jsonl", std::process::id()));
        std::fs::write(&path, &out).unwrap();
        let loaded = Gazetteer::from_jsonl_path(&path);
        std::fs::remove_file(&path).unwrap();
        let gaz = loaded.unwrap();
        assert_eq!(gaz.len() as u64, s.written);
        assert_eq!(gaz.names_len() as u64, s.names);
        assert!(gaz.warnings().is_empty(), "{:?}", gaz.warnings());
        // And back: the loaded gazetteer writes the same lines.
        assert_eq!(gaz.to_jsonl(), out);
    }

    #[test]
    fn language_codes_regional_variants_and_mul() {
        let c = cfg(&FR_IT_EN);
        assert_eq!(c.target("fr"), Some(Target::Lang(0)));
        assert_eq!(c.target("it"), Some(Target::Lang(1)));
        assert_eq!(c.target("en-gb"), Some(Target::Lang(2)));
        assert_eq!(c.target("en-ca"), Some(Target::Lang(2)));
        assert_eq!(c.target("fr-ca"), Some(Target::Lang(0)));
        assert_eq!(c.target("mul"), Some(Target::Mul));
        assert_eq!(c.target("de"), None);
        assert_eq!(c.target("frr"), None, "North Frisian is not French");
        assert_eq!(c.target("itx"), None);
        // An entity labelled only in a regional variant and in `mul`.
        let line = r#"{"type":"item","id":"Q1","labels":{"en-gb":{"language":"en-gb","value":"Harbour Press"},"mul":{"language":"mul","value":"Harbourline"}},"claims":{"P31":[{"mainsnak":{"datavalue":{"value":{"id":"Q11032"}}},"rank":"normal"}]}}"#;
        let (out, _, _) = run(line.as_bytes(), &c);
        let gaz = Gazetteer::from_jsonl_str(&out).unwrap();
        assert_eq!(
            names(&gaz, "Q1"),
            [
                ("Harbour Press".into(), vec![Lang::English], false),
                ("Harbourline".into(), FR_IT_EN.to_vec(), false)
            ]
        );
    }

    #[test]
    fn gzip_and_bzip2_copies_give_the_same_output() {
        let (plain, _, _) = run(EXCERPT.as_bytes(), &cfg(&FR_IT_EN));
        for (bytes, name, compression) in [
            (EXCERPT_GZ, "excerpt.json.gz", Compression::Gzip),
            (EXCERPT_BZ2, "excerpt.json.bz2", Compression::Bzip2),
            (EXCERPT.as_bytes(), "excerpt.json", Compression::Plain),
            // Told by the bytes, whatever the name (standard input has none).
            (EXCERPT_GZ, "-", Compression::Gzip),
            (EXCERPT_BZ2, "-", Compression::Bzip2),
        ] {
            let (reader, c) = decompressed(bytes, name).unwrap();
            assert_eq!(c, compression, "{name}");
            let mut out = Vec::new();
            convert(reader, &mut out, &cfg(&FR_IT_EN), &mut |_| {}, &mut |_| {}).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), plain, "{name}");
        }
    }

    #[test]
    fn compressed_names_that_lie_are_refused_and_corrupt_streams_are_read_errors() {
        assert!(matches!(
            decompressed(EXCERPT.as_bytes(), "dump.json.gz"),
            Err(Error::NotCompressed { ext: "gzip", .. })
        ));
        assert!(matches!(
            decompressed(EXCERPT_GZ, "dump.json.bz2"),
            Err(Error::NotCompressed { ext: "bzip2", .. })
        ));
        // A gzip file cut in the middle: a read error with a line number, no panic.
        let cut = &EXCERPT_GZ[..EXCERPT_GZ.len() / 2];
        let (reader, _) = decompressed(cut, "cut.json.gz").unwrap();
        let err = convert(reader, io::sink(), &cfg(&FR_IT_EN), &mut |_| {}, &mut |_| {}).unwrap_err();
        assert!(matches!(err, Error::Read { .. }), "{err}");
        assert!(err.to_string().starts_with("dump line "), "{err}");
        // Same for a bzip2 file whose middle is garbage.
        let mut bad = EXCERPT_BZ2.to_vec();
        let mid = bad.len() / 2;
        bad[mid..mid + 8].copy_from_slice(b"garbage!");
        let (reader, _) = decompressed(&bad[..], "bad.json.bz2").unwrap();
        let err = convert(reader, io::sink(), &cfg(&FR_IT_EN), &mut |_| {}, &mut |_| {}).unwrap_err();
        assert!(matches!(err, Error::Read { .. }), "{err}");
    }

    #[test]
    fn analyzer_from_the_output_finds_the_names_in_french_italian_and_english() {
        let (out, _, _) = run(EXCERPT.as_bytes(), &cfg(&FR_IT_EN));
        let gaz = Gazetteer::from_jsonl_str(&out).unwrap();
        let analyzer = Analyzer::new(&gaz).unwrap();
        let found = |text: &str| -> Vec<(String, String)> {
            analyzer
                .mentions(text)
                .map(|m| (m.id().to_string(), m.text().to_string()))
                .collect()
        };
        let pair = |id: &str, t: &str| (id.to_string(), t.to_string());
        assert_eq!(
            found("Selon l’UE, la société Ventoria Industries a quitté Castelmora pour Valdorna."),
            [
                pair("Q9000008", "UE"),
                pair("Q9000002", "Ventoria Industries"),
                pair("Q9000003", "Castelmora"),
                pair("Q9000007", "Valdorna")
            ]
        );
        assert_eq!(
            found("Giulia Ferrandi ha visitato la Val d’Orna, lungo il fiume Serpenta, con G. Ferrandi."),
            [
                pair("Q9000001", "Giulia Ferrandi"),
                pair("Q9000007", "Val d’Orna"),
                pair("Q9000004", "Serpenta"),
                pair("Q9000001", "G. Ferrandi")
            ]
        );
        assert_eq!(
            found("Orange said Ventoria will build a plant on the Serpenta river near Castelmora."),
            [
                pair("Q9000010", "Orange"),
                pair("Q9000002", "Ventoria"),
                pair("Q9000004", "Serpenta"),
                pair("Q9000003", "Castelmora")
            ]
        );
        // Negative cases: the common word, the exact short name in another case, a name in a
        // language it was not given in (the Italian-only alias in English), the skipped
        // entities (redirect, deprecated-only P31, unmapped P31).
        assert!(found("She ate an orange under the ORANGE logo; Ue and ue are short words.").is_empty());
        assert!(found("Yesterday G. Ferrandi spoke.").is_empty());
        assert!(found("Le Vieux Pont de Rocavela et le Festival Lunare ont fermé à Brunello.").is_empty());
    }

    #[test]
    fn options_misc_any_language_and_languages() {
        let mut c = cfg(&FR_IT_EN);
        c.unmapped = Unmapped::Misc;
        c.any_language = true;
        let (out, s, _) = run(EXCERPT.as_bytes(), &c);
        let gaz = Gazetteer::from_jsonl_str(&out).unwrap();
        assert_eq!(s.written, 10);
        assert_eq!(s.per_kind.get("misc"), Some(&2));
        assert_eq!(
            entity(&gaz, "Q9000006").kind(),
            &Kind::Misc,
            "only a deprecated P31"
        );
        assert_eq!(entity(&gaz, "Q9000009").kind(), &Kind::Misc, "unmapped P31");
        assert!(
            gaz.entities()
                .flat_map(|e| e.names())
                .all(|n| n.languages().is_empty())
        );

        // Italian only: the English-only entity has no name; `mul` still counts.
        let (out, s, _) = run(EXCERPT.as_bytes(), &cfg(&[Lang::Italian]));
        let gaz = Gazetteer::from_jsonl_str(&out).unwrap();
        assert!(gaz.get("Q9000012").is_none());
        assert_eq!(
            names(&gaz, "Q9000001"),
            [
                ("Giulia Ferrandi".into(), vec![Lang::Italian], false),
                ("G. Ferrandi".into(), vec![Lang::Italian], false),
                ("Giulia Maria Ferrandi".into(), vec![Lang::Italian], false),
            ]
        );
        assert_eq!(s.skipped_no_name, 2);
    }

    #[test]
    fn malformed_lines_are_counted_reported_or_stop_under_strict() {
        let dump = "[\n\
            {\"type\":\"item\",\"id\":\"Q1\",\"labels\":{\"fr\":{\"language\":\"fr\",\"value\":\"Castelmora\"}},\"claims\":{\"P31\":[{\"mainsnak\":{\"snaktype\":\"value\",\"property\":\"P31\",\"datavalue\":{\"value\":{\"entity-type\":\"item\",\"numeric-id\":515,\"id\":\"Q515\"},\"type\":\"wikibase-entityid\"}},\"type\":\"statement\",\"rank\":\"normal\"}]}},\n\
            {\"type\":\"item\",\"id\":\"Q2\",\"labels\":{\"fr\":\n\
            not json at all,\n\
            {\"type\":\"item\",\"labels\":{}},\n\
            {\"type\":\"item\",\"id\":\"Q3\",\"labels\":{\"fr\":{\"value\":42}}},\n\
            \u{1F600}\n\
            {\"type\":\"item\",\"id\":\"Q4\",\"labels\":{\"fr\":{\"language\":\"fr\",\"value\":\"Brunello\"}},\"claims\":{\"P31\":[{\"mainsnak\":{\"datavalue\":{\"value\":{\"numeric-id\":515}}}}]}}\n\
            ]\n";
        let (out, s, warnings) = run(dump.as_bytes(), &cfg(&FR_IT_EN));
        assert_eq!(s.malformed, 5);
        assert_eq!(s.written, 2, "{out}");
        let lines: Vec<String> = warnings
            .iter()
            .map(|w| w.split(':').next().unwrap().to_string())
            .collect();
        assert_eq!(
            lines,
            [
                "dump line 3",
                "dump line 4",
                "dump line 5",
                "dump line 6",
                "dump line 7"
            ]
        );
        // Not UTF-8: malformed too.
        let mut bytes = dump.as_bytes().to_vec();
        bytes.splice(2..2, *b"\xff\xfe,\n");
        let (_, s, _) = run(&bytes, &cfg(&FR_IT_EN));
        assert_eq!(s.malformed, 6);

        let mut strict = cfg(&FR_IT_EN);
        strict.strict = true;
        let err = convert(dump.as_bytes(), io::sink(), &strict, &mut |_| {}, &mut |_| {}).unwrap_err();
        assert!(matches!(err, Error::Malformed { line: 3, .. }), "{err}");
    }

    #[test]
    fn names_rules() {
        let words = CommonWords::parse(DEFAULT_WORDS, "words", &FR_IT_EN).unwrap();
        let keep = |exact| Decision::Keep { exact };
        assert_eq!(decide("UE", &words), keep(true));
        assert_eq!(decide("Eni", &words), keep(true));
        assert_eq!(decide("F1", &words), keep(true));
        assert_eq!(decide("Ikea", &words), keep(false));
        assert_eq!(decide("Lega", &words), keep(true));
        assert_eq!(decide("Le Monde", &words), keep(true));
        assert_eq!(decide("LIBÉRATION", &words), keep(true));
        assert_eq!(decide("The Times", &words), keep(true));
        assert_eq!(decide("La Stampa", &words), keep(true));
        assert_eq!(decide("Forza Italia", &words), keep(false));
        assert_eq!(decide("Fratelli d’Italia", &words), keep(false));
        assert_eq!(decide("adidas", &words), keep(false));
        assert_eq!(decide("orange", &words), Decision::DropLowercaseCommon);
        assert_eq!(decide("la stampa", &words), Decision::DropLowercaseCommon);
        assert_eq!(decide("1984", &words), Decision::DropNoLetter);
        assert_eq!(
            decide(&"A".repeat(MAX_NAME_BYTES + 1), &words),
            Decision::DropTooLong
        );
        // Without the English list, `Times` is no common word.
        let fr = CommonWords::parse(DEFAULT_WORDS, "words", &[Lang::French]).unwrap();
        assert_eq!(decide("The Times", &fr), keep(false));
    }

    #[test]
    fn kinds_by_rank_then_mapping_order() {
        let kinds = KindMap::parse("Q5\tperson\nQ515\tlocation\nQ783794\torganization\n", "k").unwrap();
        let st = |q: &str, rank: Rank| -> Statement<'static> {
            Statement {
                mainsnak: Snak {
                    datavalue: Some(DataValue {
                        value: ItemValue {
                            id: Some(Str(Cow::Owned(q.to_string()))),
                            numeric_id: None,
                        },
                    }),
                },
                rank,
            }
        };
        let kind = |p31: &[Statement]| match entity_kind(p31, &kinds) {
            KindOf::Mapped(k) => Some(k.clone()),
            _ => None,
        };
        use Rank::*;
        assert_eq!(
            kind(&[st("Q783794", Normal), st("Q515", Normal)]),
            Some(Kind::Location)
        );
        assert_eq!(
            kind(&[st("Q783794", Preferred), st("Q515", Normal)]),
            Some(Kind::Organization)
        );
        assert_eq!(
            kind(&[st("Q5", Deprecated), st("Q783794", Normal)]),
            Some(Kind::Organization)
        );
        assert_eq!(
            kind(&[st("Q1", Preferred), st("Q515", Normal)]),
            Some(Kind::Location)
        );
        assert!(matches!(
            entity_kind(&[st("Q5", Deprecated)], &kinds),
            KindOf::NoP31
        ));
        assert!(matches!(
            entity_kind(&[st("Q1", Normal)], &kinds),
            KindOf::Unmapped
        ));
        assert!(matches!(entity_kind(&[], &kinds), KindOf::NoP31));
    }

    #[test]
    fn mapping_and_word_files_errors_name_the_line() {
        let err = KindMap::parse("# c\nQ5\tperson\nP31\tperson\n", "my.tsv").unwrap_err();
        assert_eq!(err.to_string().split(": ").next(), Some("my.tsv:3"));
        let err = KindMap::parse("Q5\tperson\nQ5\tlocation\n", "my.tsv").unwrap_err();
        assert!(err.to_string().contains("mapped twice"), "{err}");
        let err = KindMap::parse("Q5\n", "my.tsv").unwrap_err();
        assert!(err.to_string().starts_with("my.tsv:1: no kind"), "{err}");
        assert!(KindMap::parse("# nothing\n", "my.tsv").is_err());
        let err = CommonWords::parse("fr\tle\nxx\tfoo\n", "w.txt", &FR_IT_EN).unwrap_err();
        assert!(err.to_string().starts_with("w.txt:2: unknown language"), "{err}");
        assert!(CommonWords::parse("fr le la\n", "w.txt", &FR_IT_EN).is_err());
        // The shipped mapping: every id is an item id, persons first, the kinds the docs say.
        let kinds = KindMap::parse(DEFAULT_KINDS, "kinds").unwrap();
        assert_eq!(kinds.get("Q5"), Some((0, &Kind::Person)));
        assert_eq!(kinds.get("Q4022").map(|k| k.1), Some(&Kind::Location));
        assert_eq!(kinds.get("Q7278").map(|k| k.1), Some(&Kind::Organization));
    }

    #[test]
    fn options_parse() {
        let parse = |args: &[&str]| parse_args(args.iter().map(OsString::from));
        let o = parse(&[
            "-l",
            "fr,it,en",
            "--unmapped",
            "misc",
            "--strict",
            "-q",
            "dump.json.bz2",
        ])
        .ok()
        .unwrap();
        assert_eq!(o.languages, FR_IT_EN);
        assert_eq!(o.unmapped, Unmapped::Misc);
        assert!(o.strict && o.quiet && !o.any_language);
        assert_eq!(o.dump, "dump.json.bz2");
        let usage = |args: &[&str]| match parse(args) {
            Err(Stop::Usage(m)) => m,
            _ => panic!("accepted {args:?}"),
        };
        assert!(usage(&["dump.json"]).contains("--languages"));
        assert!(usage(&["-l", "fr"]).contains("DUMP"));
        assert!(usage(&["-l", "xx", "d"]).contains("--languages"));
        assert!(usage(&["-l", "fr", "--unmapped", "keep", "d"]).contains("--unmapped"));
        assert!(usage(&["-l", "fr", "a", "b"]).contains("b"));
        assert!(matches!(parse(&["--help"]), Err(Stop::Done(h)) if h.contains("--languages")));
    }
}
