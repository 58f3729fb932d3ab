//! Entities, their kinds and names; the builder and the TSV / JSON Lines loaders.

use std::borrow::Cow;
use std::fmt;
use std::io::BufRead;
use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Error, Result};
use crate::lang::Lang;

/// The longest name accepted, in bytes (UTF-8). Longer names are refused (an
/// [`Error::TooLarge`] from [`GazetteerBuilder::add`], an [`Error::Parse`] naming the line
/// from a file): no real entity name is that long, and the limit bounds the automaton.
pub const MAX_NAME_BYTES: usize = 1024;

/// The most names a gazetteer may hold (16 million). Past it, loading fails (as for
/// [`MAX_NAME_BYTES`]) instead of exhausting memory.
pub const MAX_NAMES: usize = 16 * 1024 * 1024;

/// The most bytes all names of a gazetteer may add up to (1 GiB). Past it, loading fails (as
/// for [`MAX_NAME_BYTES`]): the automaton grows with the total, and this bounds it to a few GiB.
pub const MAX_TOTAL_NAME_BYTES: usize = 1 << 30;

/// The most distinct kinds a gazetteer may hold (65,536: the seven built-in ones and the
/// custom ones given). Past it, loading fails: an [`Error::Parse`] naming the line from a file,
/// an [`Error::TooLarge`] from [`GazetteerBuilder::add`].
pub const MAX_KINDS: usize = 1 << 16;

/// The most distinct language lists (the `langs` of names) a gazetteer may hold (65,536).
/// Past it, loading fails as for [`MAX_KINDS`].
pub const MAX_LANGUAGE_LISTS: usize = 1 << 16;

/// The most warnings a gazetteer keeps (and [`Gazetteer::check`] lists): a file with a
/// million suspicious lines says so without a million messages.
pub const MAX_WARNINGS: usize = 1000;

/// Something in a gazetteer that loads but is probably a mistake: the loader goes on, and
/// says where. `Display` gives `source:line: message` (`source: message` for a name added in
/// code, whose source is `<code>`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    source: Arc<str>,
    origin: Origin,
    kind: WarningKind,
    message: String,
}

impl Warning {
    /// The file path or label (`<string>`, `<code>`) the name came from.
    pub fn source(&self) -> &str {
        &self.source
    }
    /// The 1-based line, or `None` for a name added in code.
    pub fn line(&self) -> Option<usize> {
        (self.origin.line > 0).then_some(self.origin.line as usize)
    }
    /// What is suspicious.
    pub fn kind(&self) -> WarningKind {
        self.kind
    }
    /// The message, without the source and line.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.kind, self.line()) {
            (WarningKind::More, _) => f.write_str(&self.message),
            (_, Some(line)) => write!(f, "{}:{}: {}", self.source, line, self.message),
            (_, None) => write!(f, "{}: {}", self.source, self.message),
        }
    }
}

/// The kinds of [`Warning`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum WarningKind {
    /// The first data line of a TSV source looks like a header (`id<TAB>kind<TAB>name`); it
    /// was skipped. Start it with `#` to make it a comment.
    Header,
    /// A name with no letter or digit once folded (only punctuation, symbols or marks): it
    /// can never match as a whole word, so it was skipped.
    NeverMatches,
    /// The same (id, name) again: skipped when its options are the same too, kept (and
    /// probably meant as one line with both options) otherwise.
    Duplicate,
    /// A name limited to languages of which the analyzer allows none: it can never match
    /// (from [`Gazetteer::check`]).
    LanguageNotAllowed,
    /// The last warning of a list cut at [`MAX_WARNINGS`]: how many more there were.
    More,
}

/// `str::trim`, with a shortcut for the usual field that starts and ends with a printable
/// ASCII character (nothing to trim).
#[inline]
fn trim(s: &str) -> &str {
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(&f), Some(&l)) if (0x21..0x80).contains(&f) && (0x21..0x80).contains(&l) => s,
        _ => s.trim(),
    }
}

/// The tab-separated fields of a line (a byte search: a tab is one byte in UTF-8).
fn tab_fields(line: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(line);
    std::iter::from_fn(move || {
        let r = rest?;
        match r.bytes().position(|b| b == b'\t') {
            Some(k) => {
                rest = r.get(k + 1..);
                r.get(..k)
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// The kind of an entity.
///
/// Serialised as its lower-case name (`"person"`, `"organization"`, ...); any other string is a
/// [`Kind::Custom`] kind, kept as written. The British and French spelling `organisation` is
/// read as [`Kind::Organization`]. `Kind` implements `FromStr` (which refuses an empty kind) and
/// `Display` (its name).
///
/// ```
/// use nomina::Kind;
/// assert_eq!("organization".parse::<Kind>()?, Kind::Organization);
/// assert_eq!("organisation".parse::<Kind>()?, Kind::Organization);
/// assert_eq!("Person".parse::<Kind>()?, Kind::Person);
/// let concept: Kind = "concept".parse()?;
/// assert_eq!(concept, Kind::Custom("concept".into()));
/// assert_eq!(concept.to_string(), "concept");
/// assert!("  ".parse::<Kind>().is_err());
/// # Ok::<(), nomina::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Kind {
    /// A person (`person`).
    Person,
    /// A company, institution, party, team... (`organization`).
    Organization,
    /// A place: country, city, region, river... (`location`).
    Location,
    /// A product or service (`product`).
    Product,
    /// An event (`event`).
    Event,
    /// A work: book, film, law, report... (`work`).
    Work,
    /// Anything else that is named (`misc`).
    Misc,
    /// A kind of the user's own, such as `concept` or `term`.
    Custom(Arc<str>),
}

impl Kind {
    /// A person, a place or an organisation: the kinds whose names are proper nouns.
    pub(crate) fn is_proper(&self) -> bool {
        matches!(self, Kind::Person | Kind::Location | Kind::Organization)
    }

    /// Parses a kind: the seven built-in names (ASCII case-insensitive, `organisation`
    /// included) or a custom kind. Never fails; `str::parse` (`FromStr`) also refuses an
    /// empty kind.
    pub fn parse(s: &str) -> Kind {
        let s = trim(s);
        let builtin = |name: &str| match name {
            "person" => Some(Kind::Person),
            "organization" | "organisation" => Some(Kind::Organization),
            "location" => Some(Kind::Location),
            "product" => Some(Kind::Product),
            "event" => Some(Kind::Event),
            "work" => Some(Kind::Work),
            "misc" => Some(Kind::Misc),
            _ => None,
        };
        // Kinds are written in lower case far more often than not: no copy then.
        if let Some(kind) = builtin(s) {
            return kind;
        }
        if s.len() <= "organization".len() && s.bytes().any(|b| b.is_ascii_uppercase()) {
            if let Some(kind) = builtin(&s.to_ascii_lowercase()) {
                return kind;
            }
        }
        Kind::Custom(Arc::from(s))
    }

    /// The kind's name, as written in gazetteer files.
    pub fn as_str(&self) -> &str {
        match self {
            Kind::Person => "person",
            Kind::Organization => "organization",
            Kind::Location => "location",
            Kind::Product => "product",
            Kind::Event => "event",
            Kind::Work => "work",
            Kind::Misc => "misc",
            Kind::Custom(s) => s,
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Kind {
    type Err = Error;
    /// As [`Kind::parse`], but an empty (or all-space) kind is an [`Error::Invalid`].
    fn from_str(s: &str) -> Result<Kind> {
        if s.trim().is_empty() {
            return Err(Error::Invalid("empty kind".into()));
        }
        Ok(Kind::parse(s))
    }
}

impl Serialize for Kind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Kind, D::Error> {
        let s = String::deserialize(d)?;
        Ok(Kind::parse(&s))
    }
}

/// A set of languages, as a bit set over [`Lang::all`]. Empty means "any language".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub(crate) struct LangSet([u32; 3]);

impl LangSet {
    /// Bit `i`: word and mask.
    fn bit(i: usize) -> (usize, u32) {
        (i / 32, 1u32 << (i % 32))
    }
    fn has(self, i: usize) -> bool {
        let (w, m) = LangSet::bit(i);
        self.0.get(w).is_some_and(|&x| x & m != 0)
    }
    pub(crate) fn insert(&mut self, lang: Lang) {
        if let Some(i) = lang_index(lang) {
            let (w, m) = LangSet::bit(i);
            if let Some(x) = self.0.get_mut(w) {
                *x |= m;
            }
        }
    }
    pub(crate) fn is_any(self) -> bool {
        self.0 == [0; 3]
    }
    /// True if the two sets share a language.
    pub(crate) fn intersects(self, other: LangSet) -> bool {
        self.0.iter().zip(other.0).any(|(a, b)| a & b != 0)
    }
    /// True if a sentence in `lang` may hold this name: the set is empty (any language) or holds
    /// `lang`. An unknown language (`None`) only satisfies "any".
    pub(crate) fn allows(self, lang: Option<Lang>) -> bool {
        if self.is_any() {
            return true;
        }
        match lang.and_then(lang_index) {
            Some(i) => self.has(i),
            None => false,
        }
    }
    pub(crate) fn iter(self) -> impl Iterator<Item = Lang> {
        Lang::all()
            .iter()
            .copied()
            .enumerate()
            .filter(move |&(i, _)| self.has(i))
            .map(|(_, l)| l)
    }
}

fn lang_index(lang: Lang) -> Option<usize> {
    Lang::all().iter().position(|&l| l == lang).filter(|&i| i < 96)
}

/// One name of an entity, with its matching options.
///
/// Options are set by value, and each setter pairs with a getter:
/// [`with_languages`](Name::with_languages) / [`languages`](Name::languages),
/// [`exact`](Name::exact) / [`is_exact`](Name::is_exact), [`stem`](Name::stem) /
/// [`is_stem`](Name::is_stem).
///
/// ```
/// use nomina::{Lang, Name};
/// let name = Name::new("Meta").with_languages([Lang::French, Lang::Italian]).exact(true);
/// assert_eq!(name.text(), "Meta");
/// assert!(name.is_exact());
/// assert_eq!(name.languages(), [Lang::French, Lang::Italian]);
/// ```
#[derive(Clone)]
pub struct Name {
    text: Box<str>,
    langs: LangSet,
    exact: bool,
    stem: bool,
    /// Where the name was read (source and line), for warnings; not part of its identity.
    origin: Origin,
}

/// Where a name was read: an index into the gazetteer's sources and a 1-based line, or
/// [`Origin::CODE`] for a name added in code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Origin {
    source: u32,
    line: u32,
}

impl Origin {
    const CODE: Origin = Origin {
        source: u32::MAX,
        line: 0,
    };
}

impl PartialEq for Name {
    fn eq(&self, other: &Name) -> bool {
        self.text == other.text
            && self.langs == other.langs
            && self.exact == other.exact
            && self.stem == other.stem
    }
}

impl Eq for Name {}

impl fmt::Debug for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Name")
            .field("text", &self.text)
            .field("languages", &self.languages())
            .field("exact", &self.exact)
            .field("stem", &self.stem)
            .finish()
    }
}

impl Name {
    /// A name that matches in any language, case- and accent-insensitively.
    pub fn new(text: &str) -> Name {
        Name {
            text: Box::from(trim(text)),
            langs: LangSet::default(),
            exact: false,
            stem: false,
            origin: Origin::CODE,
        }
    }

    /// Limits the name to sentences in these languages (an empty list means any language).
    /// Read back with [`Name::languages`].
    pub fn with_languages(mut self, langs: impl IntoIterator<Item = Lang>) -> Name {
        self.langs = LangSet::default();
        for l in langs {
            self.langs.insert(l);
        }
        self
    }

    /// Makes the name case- and accent-sensitive (`exact`): it then only matches text written
    /// exactly as the name, up to typographic variants (apostrophes, quotes, dashes, spaces) and
    /// Unicode normalisation form.
    pub fn exact(mut self, yes: bool) -> Name {
        self.exact = yes;
        self
    }

    /// Asks for inflection-tolerant matching (`stem` flag): besides its folded form, the name
    /// then matches text whose words have the same Snowball stems, in the sentence's language
    /// (`messages privés` for `message privé`). Ignored on `exact` names. See
    /// [`MatchKind::Stem`](crate::MatchKind::Stem).
    pub fn stem(mut self, yes: bool) -> Name {
        self.stem = yes;
        self
    }

    /// The name as written (trimmed).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The languages the name is limited to, in [`Lang::all`] order; empty for any language.
    /// Set with [`Name::with_languages`].
    pub fn languages(&self) -> Vec<Lang> {
        self.langs.iter().collect()
    }

    /// The languages the name is limited to.
    #[deprecated(since = "0.2.0", note = "renamed `languages`, to pair with `with_languages`")]
    pub fn language_list(&self) -> Vec<Lang> {
        self.languages()
    }

    /// True if the name is case- and accent-sensitive.
    pub fn is_exact(&self) -> bool {
        self.exact
    }

    /// True if the name asked for inflection-tolerant matching.
    pub fn is_stem(&self) -> bool {
        self.stem
    }
}

impl From<&str> for Name {
    fn from(s: &str) -> Name {
        Name::new(s)
    }
}

impl From<String> for Name {
    fn from(s: String) -> Name {
        Name::new(&s)
    }
}

/// How a name is written in JSON: a plain string, or an object with options.
#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum NameRepr {
    Plain(String),
    Full {
        #[serde(alias = "name")]
        text: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        langs: Vec<String>,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        exact: bool,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        stem: bool,
    },
}

impl Serialize for Name {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_name(&self.text, self.langs, self.exact, self.stem, s)
    }
}

impl<'de> Deserialize<'de> for Name {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Name, D::Error> {
        match NameRepr::deserialize(d)? {
            NameRepr::Plain(t) => Ok(Name::new(&t)),
            NameRepr::Full {
                text,
                langs,
                exact,
                stem,
            } => {
                let mut set = LangSet::default();
                for code in &langs {
                    if code.trim() == "*" {
                        continue;
                    }
                    let lang = Lang::from_code(code)
                        .ok_or_else(|| serde::de::Error::custom(format!("unknown language code `{code}`")))?;
                    set.insert(lang);
                }
                Ok(Name {
                    text: Box::from(trim(&text)),
                    langs: set,
                    exact,
                    stem,
                    origin: Origin::CODE,
                })
            }
        }
    }
}

/// Writes a name as JSON: a plain string when it has no option, else an object.
fn serialize_name<S: Serializer>(
    text: &str,
    langs: LangSet,
    exact: bool,
    stem: bool,
    s: S,
) -> Result<S::Ok, S::Error> {
    if langs.is_any() && !exact && !stem {
        return s.serialize_str(text);
    }
    NameRepr::Full {
        text: text.to_string(),
        langs: langs.iter().map(|l| l.code().to_string()).collect(),
        exact,
        stem,
    }
    .serialize(s)
}

/// One entity of a JSON Lines source, as read.
#[derive(Deserialize)]
struct EntityRecord {
    id: String,
    kind: Kind,
    names: Vec<Name>,
    /// Related entity ids, for one sense per document.
    #[serde(default)]
    related: Option<Vec<String>>,
}

/// The options and origin of a stored name: twelve bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct NameMeta {
    origin: Origin,
    /// Index into [`Store::lang_sets`].
    langs: u16,
    exact: bool,
    stem: bool,
}

/// Groups the indices `0..keys.len()` by their key (each below `buckets`), keeping their order
/// within a group (a counting sort): returns where each group starts in the order (one more
/// than `buckets`) and, if `order` is asked for, the indices group by group.
pub(crate) fn group_by_key(keys: &[u32], buckets: usize, order: bool) -> (Vec<u32>, Vec<u32>) {
    let mut starts = vec![0u32; buckets + 1];
    for &k in keys {
        if let Some(c) = starts.get_mut(k as usize + 1) {
            *c += 1;
        }
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    if !order {
        return (starts, Vec::new());
    }
    let mut sorted = vec![0u32; keys.len()];
    let mut next = starts.clone();
    for (i, &k) in keys.iter().enumerate() {
        if let Some(at) = next.get_mut(k as usize) {
            if let Some(slot) = sorted.get_mut(*at as usize) {
                *slot = i as u32;
            }
            *at += 1;
        }
    }
    (starts, sorted)
}

/// An open-addressing table of `u32` indices keyed by 64-bit hashes; the caller compares the
/// keys themselves (ids, names), so the table holds no copy of them. A slot packs 32 bits of
/// the hash (its place, and a tag that spares most key comparisons) with the index plus one;
/// 0 is empty. At most half full.
#[derive(Clone, Default)]
struct Table {
    slots: Vec<u64>,
    len: usize,
}

impl Table {
    fn fold(hash: u64) -> u64 {
        (hash ^ (hash >> 32)) & 0xFFFF_FFFF
    }

    /// The index stored under `hash` for which `eq` holds.
    fn find(&self, hash: u64, mut eq: impl FnMut(u32) -> bool) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let h = Table::fold(hash);
        let mut i = h as usize & mask;
        loop {
            let s = self.slots.get(i).copied().unwrap_or(0);
            if s == 0 {
                return None;
            }
            if s >> 32 == h {
                let index = (s as u32).wrapping_sub(1);
                if eq(index) {
                    return Some(index);
                }
            }
            i = (i + 1) & mask;
        }
    }

    /// Adds `index` under `hash` (the caller knows its key is not there yet).
    fn insert(&mut self, hash: u64, index: u32) {
        if (self.len + 1) * 2 > self.slots.len() {
            let cap = (self.slots.len() * 2).max(16);
            let old = std::mem::replace(&mut self.slots, vec![0; cap]);
            for s in old.into_iter().filter(|&s| s != 0) {
                self.place(s);
            }
        }
        self.place(Table::fold(hash) << 32 | u64::from(index.wrapping_add(1)));
        self.len += 1;
    }

    fn place(&mut self, slot: u64) {
        let mask = self.slots.len() - 1;
        let mut i = (slot >> 32) as usize & mask;
        while let Some(s) = self.slots.get_mut(i) {
            if *s == 0 {
                *s = slot;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    fn memory(&self) -> usize {
        self.slots.capacity() * 8
    }
}

fn hash_id(id: &str) -> u64 {
    use std::hash::BuildHasher;
    crate::hash::BuildFx.hash_one(id)
}

fn hash_of<T: std::hash::Hash>(value: &T) -> u64 {
    use std::hash::BuildHasher;
    crate::hash::BuildFx.hash_one(value)
}

fn hash_name(entity: u32, text: &str) -> u64 {
    use std::hash::BuildHasher;
    crate::hash::BuildFx.hash_one((entity, text))
}

/// Why the builder refused a name, without its location: the caller makes it an
/// [`Error::Invalid`] or [`Error::TooLarge`] (in code) or an [`Error::Parse`] (from a file).
#[derive(Debug)]
enum Refused {
    /// The name, id or kind is wrong.
    Invalid(String),
    /// A documented limit ([`MAX_NAMES`], [`MAX_KINDS`]...) would be passed.
    TooLarge(String),
}

impl From<String> for Refused {
    fn from(message: String) -> Refused {
        Refused::Invalid(message)
    }
}

impl From<&str> for Refused {
    fn from(message: &str) -> Refused {
        Refused::Invalid(message.to_string())
    }
}

impl Refused {
    /// The message, for an [`Error::Parse`] that names the source and line.
    fn message(self) -> String {
        match self {
            Refused::Invalid(m) | Refused::TooLarge(m) => m,
        }
    }

    /// The error of a name added in code.
    fn error(self) -> Error {
        match self {
            Refused::Invalid(m) => Error::Invalid(m),
            Refused::TooLarge(m) => Error::TooLarge(m),
        }
    }
}

/// Every entity id and every name in two arenas with their ends, kinds in a small table: the
/// strings of a gazetteer, and of the analyzer compiled from it (a copy), which its mentions
/// borrow. Four bytes an id or name of overhead, instead of an allocation each.
#[derive(Clone, Debug, Default)]
pub(crate) struct Catalog {
    /// The ids, end to end; entity `e`'s ends at `id_ends[e]`.
    ids: String,
    id_ends: Vec<u32>,
    /// Index into `kinds` of each entity.
    entity_kind: Vec<u16>,
    kinds: Vec<Kind>,
    /// The names' texts, end to end; name `n`'s ends at `name_ends[n]`.
    names: String,
    name_ends: Vec<u32>,
}

fn span(ends: &[u32], i: u32) -> std::ops::Range<usize> {
    let i = i as usize;
    let start = match i.checked_sub(1) {
        Some(p) => ends.get(p).copied().unwrap_or(0) as usize,
        None => 0,
    };
    start..ends.get(i).copied().unwrap_or(0) as usize
}

impl Catalog {
    /// The analyzer's copy of a gazetteer's strings (entities in gazetteer order, names
    /// numbered as `Gazetteer::entities()` then `Entity::names()` list them).
    pub(crate) fn new(gaz: &Gazetteer) -> Result<Catalog> {
        Ok(gaz.store.cat.clone())
    }

    fn entities_len(&self) -> usize {
        self.id_ends.len()
    }

    fn names_len(&self) -> usize {
        self.name_ends.len()
    }

    pub(crate) fn id(&self, entity: u32) -> &str {
        self.ids.get(span(&self.id_ends, entity)).unwrap_or("")
    }

    pub(crate) fn kind(&self, entity: u32) -> &Kind {
        const MISC: Kind = Kind::Misc;
        self.entity_kind
            .get(entity as usize)
            .and_then(|&k| self.kinds.get(k as usize))
            .unwrap_or(&MISC)
    }

    pub(crate) fn name(&self, name: u32) -> &str {
        self.names.get(span(&self.name_ends, name)).unwrap_or("")
    }

    /// Adds an entity of kind `k` (an index into `kinds`); returns its index.
    fn push_entity(&mut self, id: &str, k: u16) -> std::result::Result<u32, Refused> {
        let too_large = |what: &str| Refused::TooLarge(what.to_string());
        let e = u32::try_from(self.id_ends.len()).map_err(|_| too_large("too many entities"))?;
        let end =
            u32::try_from(self.ids.len() + id.len()).map_err(|_| too_large("more than 4 GiB of ids"))?;
        self.ids.push_str(id);
        self.id_ends.push(end);
        self.entity_kind.push(k);
        Ok(e)
    }

    /// Appends a name's text; returns its index.
    fn push_name(&mut self, text: &str) -> std::result::Result<u32, Refused> {
        let too_large = |what: &str| Refused::TooLarge(what.to_string());
        let n = u32::try_from(self.name_ends.len()).map_err(|_| too_large("too many names"))?;
        let end = u32::try_from(self.names.len() + text.len())
            .map_err(|_| too_large("more than 4 GiB of names"))?;
        self.names.push_str(text);
        self.name_ends.push(end);
        Ok(n)
    }

    /// Gives back the room that growing left.
    fn shrink(&mut self) {
        self.ids.shrink_to_fit();
        self.id_ends.shrink_to_fit();
        self.entity_kind.shrink_to_fit();
        self.names.shrink_to_fit();
        self.name_ends.shrink_to_fit();
    }

    /// Heap bytes.
    pub(crate) fn memory(&self) -> usize {
        self.ids.capacity()
            + self.names.capacity()
            + 4 * (self.id_ends.capacity() + self.name_ends.capacity())
            + 2 * self.entity_kind.capacity()
    }
}

/// Entities and names in a few flat arrays: no allocation per entity or per name, so a
/// million names take ~45 MB instead of ~140, and dropping them gives the memory back.
#[derive(Clone, Default)]
struct Store {
    /// The ids, kinds and names.
    cat: Catalog,
    /// The kinds by value (indices into `cat.kinds`): interning is O(1), not a scan.
    kind_table: Table,
    /// The entities by id.
    index: Table,
    /// The options and origin of each name.
    metas: Vec<NameMeta>,
    /// The distinct language sets of the names.
    lang_sets: Vec<LangSet>,
    /// The language sets by value (indices into `lang_sets`).
    lang_table: Table,
    /// The labels of the sources read (paths, `<string>`...), for warnings.
    sources: Vec<Arc<str>>,
    /// What loading found suspicious, at most [`MAX_WARNINGS`].
    warnings: Vec<Warning>,
    /// How many warnings loading found, kept or not.
    warnings_total: usize,
    /// Related entity ids by entity id (JSON `"related"`, [`GazetteerBuilder::relate`]);
    /// keyed by id, so it survives the reordering of entities. Empty for most gazetteers.
    related: std::collections::HashMap<Box<str>, Vec<String>, crate::hash::BuildFx>,
}

impl Store {
    fn entities_len(&self) -> usize {
        self.cat.entities_len()
    }

    fn names_len(&self) -> usize {
        self.cat.names_len()
    }

    fn id(&self, e: u32) -> &str {
        self.cat.id(e)
    }

    fn kind(&self, e: u32) -> &Kind {
        self.cat.kind(e)
    }

    fn text(&self, n: u32) -> &str {
        self.cat.name(n)
    }

    fn name(&self, n: u32) -> NameRef<'_> {
        let meta = self.metas.get(n as usize).copied().unwrap_or(NameMeta {
            origin: Origin::CODE,
            langs: 0,
            exact: false,
            stem: false,
        });
        NameRef {
            text: self.text(n),
            langs: self
                .lang_sets
                .get(meta.langs as usize)
                .copied()
                .unwrap_or_default(),
            exact: meta.exact,
            stem: meta.stem,
            origin: meta.origin,
        }
    }

    fn find(&self, id: &str) -> Option<u32> {
        self.index.find(hash_id(id), |e| self.id(e) == id)
    }

    /// The index of a kind, added if new; refused past [`MAX_KINDS`].
    fn kind_index(&mut self, kind: &Kind) -> std::result::Result<u16, Refused> {
        let hash = hash_of(kind);
        let kinds = &self.cat.kinds;
        if let Some(k) = self
            .kind_table
            .find(hash, |k| kinds.get(k as usize) == Some(kind))
        {
            return Ok(k as u16);
        }
        let k = u16::try_from(kinds.len())
            .ok()
            .filter(|_| kinds.len() < MAX_KINDS)
            .ok_or_else(|| {
                Refused::TooLarge(format!(
                    "kind `{kind}` would be one more than the limit of {MAX_KINDS} distinct kinds"
                ))
            })?;
        self.cat.kinds.push(kind.clone());
        self.kind_table.insert(hash, u32::from(k));
        Ok(k)
    }

    /// Adds an entity (its id not there yet) of kind `k` (from [`Store::kind_index`]);
    /// returns its index.
    fn push_entity(&mut self, id: &str, k: u16) -> std::result::Result<u32, Refused> {
        let e = self.cat.push_entity(id, k)?;
        self.index.insert(hash_id(id), e);
        Ok(e)
    }

    /// The index of a language set, added if new; refused past [`MAX_LANGUAGE_LISTS`].
    fn lang_index(&mut self, set: LangSet) -> std::result::Result<u16, Refused> {
        let hash = hash_of(&set);
        let sets = &self.lang_sets;
        if let Some(i) = self.lang_table.find(hash, |i| sets.get(i as usize) == Some(&set)) {
            return Ok(i as u16);
        }
        let i = u16::try_from(self.lang_sets.len())
            .ok()
            .filter(|_| self.lang_sets.len() < MAX_LANGUAGE_LISTS)
            .ok_or_else(|| {
                let langs: Vec<&str> = set.iter().map(Lang::code).collect();
                Refused::TooLarge(format!(
                    "language list `{}` would be one more than the limit of {MAX_LANGUAGE_LISTS} distinct language lists",
                    langs.join(",")
                ))
            })?;
        self.lang_sets.push(set);
        self.lang_table.insert(hash, u32::from(i));
        Ok(i)
    }

    /// Appends a name's text and options (to whichever entity the caller records).
    fn push_name(&mut self, text: &str, meta: NameMeta) -> std::result::Result<u32, Refused> {
        let n = self.cat.push_name(text)?;
        self.metas.push(meta);
        Ok(n)
    }

    fn warning(&self, origin: Origin, kind: WarningKind, message: String) -> Warning {
        let source = self
            .sources
            .get(origin.source as usize)
            .cloned()
            .unwrap_or_else(|| Arc::from("<code>"));
        Warning {
            source,
            origin,
            kind,
            message,
        }
    }

    /// The same entities, names and warnings in a new store with only the entities listed
    /// (in that order) and their names (in `names(e)` order); also returns where each kept
    /// entity's names start (one more than the entities).
    fn select<I: IntoIterator<Item = u32>>(
        &self,
        entities: impl Iterator<Item = u32>,
        mut names: impl FnMut(u32) -> I,
    ) -> (Store, Vec<u32>) {
        let mut s = self.without_names();
        let mut starts = vec![0u32];
        for e in entities {
            let ne = s.cat.id_ends.len() as u32;
            s.cat.ids.push_str(self.id(e));
            s.cat.id_ends.push(s.cat.ids.len() as u32);
            s.cat
                .entity_kind
                .push(self.cat.entity_kind.get(e as usize).copied().unwrap_or(0));
            s.index.insert(hash_id(self.id(e)), ne);
            s.push_names_of(self, names(e));
            starts.push(s.cat.name_ends.len() as u32);
        }
        (s, starts)
    }

    /// The same entities (and id index), with the names in the order `order` lists them
    /// (grouped entity by entity, in entity order).
    fn regroup(&self, order: &[u32]) -> Store {
        let mut s = self.without_names();
        s.cat.ids = self.cat.ids.clone();
        s.cat.id_ends = self.cat.id_ends.clone();
        s.cat.entity_kind = self.cat.entity_kind.clone();
        s.index = self.index.clone();
        s.push_names_of(self, order.iter().copied());
        s
    }

    /// A store with this one's kinds, language lists, sources, warnings and related ids, but no
    /// entity or name yet (room reserved for as many names).
    fn without_names(&self) -> Store {
        let mut s = Store {
            cat: Catalog {
                kinds: self.cat.kinds.clone(),
                ..Catalog::default()
            },
            kind_table: self.kind_table.clone(),
            lang_sets: self.lang_sets.clone(),
            lang_table: self.lang_table.clone(),
            sources: self.sources.clone(),
            warnings: self.warnings.clone(),
            warnings_total: self.warnings_total,
            related: self.related.clone(),
            ..Store::default()
        };
        s.cat.name_ends.reserve_exact(self.cat.name_ends.len());
        s.cat.names.reserve_exact(self.cat.names.len());
        s.metas.reserve_exact(self.metas.len());
        s
    }

    /// Appends the names `names` of `from` (texts and options).
    fn push_names_of(&mut self, from: &Store, names: impl IntoIterator<Item = u32>) {
        for n in names {
            self.cat.names.push_str(from.text(n));
            self.cat.name_ends.push(self.cat.names.len() as u32);
            if let Some(&m) = from.metas.get(n as usize) {
                self.metas.push(m);
            }
        }
    }

    /// Gives back the room that growing left.
    fn shrink(&mut self) {
        self.cat.shrink();
        self.metas.shrink_to_fit();
    }

    fn memory(&self) -> usize {
        self.cat.memory()
            + std::mem::size_of::<NameMeta>() * self.metas.capacity()
            + std::mem::size_of::<LangSet>() * self.lang_sets.capacity()
            + std::mem::size_of::<Kind>() * self.cat.kinds.capacity()
            + self.index.memory()
            + self
                .related
                .iter()
                .map(|(k, v)| 48 + k.len() + v.iter().map(|r| 24 + r.len()).sum::<usize>())
                .sum::<usize>()
            + self.kind_table.memory()
            + self.lang_table.memory()
    }
}

/// An entity of a [`Gazetteer`]: its id, kind and names, borrowed from the gazetteer.
///
/// ```
/// use nomina::{Gazetteer, Kind};
/// let gaz = Gazetteer::from_tsv_str("Q380\torganization\tMeta\nQ380\torganization\tFacebook\n")?;
/// let meta = gaz.get("Q380").unwrap();
/// assert_eq!((meta.id(), meta.kind()), ("Q380", &Kind::Organization));
/// let names: Vec<&str> = meta.names().map(|n| n.text()).collect();
/// assert_eq!(names, ["Meta", "Facebook"]);
/// # Ok::<(), nomina::Error>(())
/// ```
#[derive(Clone, Copy)]
pub struct Entity<'g> {
    gaz: &'g Gazetteer,
    index: u32,
}

impl<'g> Entity<'g> {
    /// The entity's id, unique in its gazetteer.
    pub fn id(&self) -> &'g str {
        self.gaz.store.id(self.index)
    }

    /// The entity's kind.
    pub fn kind(&self) -> &'g Kind {
        self.gaz.store.kind(self.index)
    }

    /// The entity's names, in the order they were added.
    pub fn names(&self) -> Names<'g> {
        Names {
            store: &self.gaz.store,
            range: self.gaz.name_range(self.index),
        }
    }

    /// The ids of related entities (JSON Lines `"related"`, or
    /// [`GazetteerBuilder::relate`]), in the order given: a mention of one of them tells one
    /// sense per document which entity a shared name means (see
    /// [`AnalyzerBuilder::context_resolution`](crate::AnalyzerBuilder::context_resolution)).
    pub fn related(&self) -> &'g [String] {
        let store = &self.gaz.store;
        if store.related.is_empty() {
            return &[];
        }
        store.related.get(self.id()).map_or(&[], Vec::as_slice)
    }
}

impl PartialEq for Entity<'_> {
    /// Same id, kind and names (with their options), in the same order; whichever gazetteer
    /// they come from.
    fn eq(&self, other: &Entity<'_>) -> bool {
        self.id() == other.id() && self.kind() == other.kind() && self.names().eq(other.names())
    }
}

impl Eq for Entity<'_> {}

/// Consistent with `PartialEq`: the id, the kind and the names.
impl std::hash::Hash for Entity<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.id().hash(state);
        self.kind().hash(state);
        state.write_usize(self.names().len());
        for n in self.names() {
            n.hash(state);
        }
    }
}

impl fmt::Debug for Entity<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Entity")
            .field("id", &self.id())
            .field("kind", self.kind())
            .field("names", &self.names().collect::<Vec<_>>())
            .finish()
    }
}

/// Written as `{"id": ..., "kind": ..., "names": [...]}`, the JSON Lines format.
impl Serialize for Entity<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        struct NamesSer<'a>(Names<'a>);
        impl Serialize for NamesSer<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(self.0.clone())
            }
        }
        let related = self.related();
        let mut st = s.serialize_struct("Entity", 3 + usize::from(!related.is_empty()))?;
        st.serialize_field("id", self.id())?;
        st.serialize_field("kind", self.kind())?;
        st.serialize_field("names", &NamesSer(self.names()))?;
        if !related.is_empty() {
            st.serialize_field("related", related)?;
        }
        st.end()
    }
}

/// A name of an [`Entity`], borrowed from its gazetteer: the text and the options of a
/// [`Name`]. [`NameRef::to_name`] gives an owned copy.
///
/// ```
/// use nomina::{Gazetteer, Lang};
/// let gaz = Gazetteer::from_tsv_str("Q458\torganization\tUE\tfr,it\texact\n")?;
/// let ue = gaz.get("Q458").unwrap().names().next().unwrap();
/// assert_eq!(ue.text(), "UE");
/// assert!(ue.is_exact() && !ue.is_stem());
/// assert_eq!(ue.languages(), [Lang::French, Lang::Italian]);
/// # Ok::<(), nomina::Error>(())
/// ```
#[derive(Clone, Copy)]
pub struct NameRef<'g> {
    text: &'g str,
    langs: LangSet,
    exact: bool,
    stem: bool,
    origin: Origin,
}

impl<'g> NameRef<'g> {
    /// The name as written (trimmed).
    pub fn text(&self) -> &'g str {
        self.text
    }

    /// The languages the name is limited to, in [`Lang::all`] order; empty for any language.
    pub fn languages(&self) -> Vec<Lang> {
        self.langs.iter().collect()
    }

    pub(crate) fn lang_set(&self) -> LangSet {
        self.langs
    }

    /// True if the name is case- and accent-sensitive.
    pub fn is_exact(&self) -> bool {
        self.exact
    }

    /// True if the name asked for inflection-tolerant matching.
    pub fn is_stem(&self) -> bool {
        self.stem
    }

    /// An owned copy, with the same options.
    pub fn to_name(&self) -> Name {
        Name {
            text: Box::from(self.text),
            langs: self.langs,
            exact: self.exact,
            stem: self.stem,
            origin: Origin::CODE,
        }
    }
}

impl PartialEq for NameRef<'_> {
    fn eq(&self, other: &NameRef<'_>) -> bool {
        self.text == other.text
            && self.langs == other.langs
            && self.exact == other.exact
            && self.stem == other.stem
    }
}

impl Eq for NameRef<'_> {}

/// Consistent with `PartialEq`: the text and the options, not where the name was read.
impl std::hash::Hash for NameRef<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.text.hash(state);
        self.langs.hash(state);
        self.exact.hash(state);
        self.stem.hash(state);
    }
}

impl PartialEq<NameRef<'_>> for Name {
    fn eq(&self, other: &NameRef<'_>) -> bool {
        other == self
    }
}

impl From<NameRef<'_>> for Name {
    /// As [`NameRef::to_name`].
    fn from(name: NameRef<'_>) -> Name {
        name.to_name()
    }
}

impl PartialEq<Name> for NameRef<'_> {
    fn eq(&self, other: &Name) -> bool {
        *self.text == *other.text
            && self.langs == other.langs
            && self.exact == other.exact
            && self.stem == other.stem
    }
}

impl fmt::Debug for NameRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Name")
            .field("text", &self.text)
            .field("languages", &self.languages())
            .field("exact", &self.exact)
            .field("stem", &self.stem)
            .finish()
    }
}

impl Serialize for NameRef<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_name(self.text, self.langs, self.exact, self.stem, s)
    }
}

/// The iterator traits of a view iterator over a range of indices (`Entities`, `Names`):
/// `$view(it, i)` makes the item of index `i`.
macro_rules! index_iterator {
    ($iter:ident, $item:ident, |$it:ident, $i:ident| $view:expr) => {
        impl<'g> Iterator for $iter<'g> {
            type Item = $item<'g>;
            fn next(&mut self) -> Option<$item<'g>> {
                let $i = self.range.next()?;
                let $it = &*self;
                Some($view)
            }
            fn size_hint(&self) -> (usize, Option<usize>) {
                self.range.size_hint()
            }
            fn nth(&mut self, n: usize) -> Option<$item<'g>> {
                let $i = self.range.nth(n)?;
                let $it = &*self;
                Some($view)
            }
            fn last(mut self) -> Option<$item<'g>> {
                self.next_back()
            }
        }

        impl DoubleEndedIterator for $iter<'_> {
            fn next_back(&mut self) -> Option<Self::Item> {
                let $i = self.range.next_back()?;
                let $it = &*self;
                Some($view)
            }
        }

        impl ExactSizeIterator for $iter<'_> {}
        impl std::iter::FusedIterator for $iter<'_> {}
    };
}

/// The entities of a [`Gazetteer`], in order: see [`Gazetteer::entities`]. A double-ended
/// iterator of known length; `&Gazetteer` is [`IntoIterator`] over it too.
///
/// ```
/// use nomina::Gazetteer;
/// let gaz = Gazetteer::from_tsv_str("Q90\tlocation\tParis\nQ84\tlocation\tLondra\tit\n")?;
/// let mut ids = Vec::new();
/// for entity in &gaz {
///     ids.push(entity.id());
/// }
/// assert_eq!(ids, ["Q90", "Q84"]);
/// assert_eq!(gaz.entities().rev().next().unwrap().id(), "Q84");
/// # Ok::<(), nomina::Error>(())
/// ```
#[derive(Clone)]
pub struct Entities<'g> {
    gaz: &'g Gazetteer,
    range: std::ops::Range<u32>,
}

index_iterator!(Entities, Entity, |it, index| Entity { gaz: it.gaz, index });

impl<'g> IntoIterator for &'g Gazetteer {
    type Item = Entity<'g>;
    type IntoIter = Entities<'g>;
    fn into_iter(self) -> Entities<'g> {
        self.entities()
    }
}
impl fmt::Debug for Entities<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Entities")
            .field("left", &self.range.len())
            .finish()
    }
}

/// The names of an [`Entity`], in order: see [`Entity::names`]. A double-ended iterator of
/// known length, so `len`, `rev`, `last` and `nth` take no walk.
///
/// ```
/// use nomina::{Gazetteer, Name};
/// let gaz = Gazetteer::from_tsv_str(
///     "Q220\tlocation\tRoma\nQ220\tlocation\tRome\tfr,en\nQ220\tlocation\tUrbe\tit\n",
/// )?;
/// let rome = gaz.get("Q220").unwrap();
/// assert_eq!(rome.names().len(), 3);
/// assert_eq!(rome.names().rev().next().unwrap().text(), "Urbe");
/// // Compared with owned names by text and options; `Name::from` copies one out.
/// assert_eq!(rome.names().next().unwrap(), Name::new("Roma"));
/// let owned: Vec<Name> = rome.names().map(Name::from).collect();
/// assert_eq!(Name::new("Roma"), rome.names().next().unwrap());
/// assert_eq!(owned.len(), 3);
/// # Ok::<(), nomina::Error>(())
/// ```
#[derive(Clone)]
pub struct Names<'g> {
    store: &'g Store,
    range: std::ops::Range<u32>,
}

index_iterator!(Names, NameRef, |it, n| it.store.name(n));

impl fmt::Debug for Names<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.clone()).finish()
    }
}

/// A multilingual entity gazetteer: entities in the order they were first added, each with its
/// names.
///
/// Build one in code with [`Gazetteer::builder`], or load one from a TSV or JSON Lines file.
/// Entities and names are kept in a few flat arrays (about 50 bytes a name), so a gazetteer of
/// millions of names loads fast and gives its memory back when dropped.
///
/// ```
/// use nomina::{Gazetteer, Kind};
/// let gaz = Gazetteer::from_tsv_str(
///     "# id\tkind\tname\tlangs\tflags\n\
///      Q380\torganization\tMeta\n\
///      Q380\torganization\tFacebook\n\
///      Q3884\torganization\tAmazon\n\
///      Q3783\tlocation\tAmazon\tfr,it\n",
/// )?;
/// assert_eq!(gaz.len(), 3);
/// assert_eq!(gaz.get("Q380").unwrap().names().len(), 2);
/// assert_eq!(gaz.get("Q3783").unwrap().kind(), &Kind::Location);
/// # Ok::<(), nomina::Error>(())
/// ```
#[derive(Clone, Default)]
pub struct Gazetteer {
    store: Store,
    /// The names of entity `e` are `name_starts[e]..name_starts[e + 1]` (one more than the
    /// entities).
    name_starts: Vec<u32>,
}

impl Gazetteer {
    fn name_range(&self, e: u32) -> std::ops::Range<u32> {
        let e = e as usize;
        let start = self.name_starts.get(e).copied().unwrap_or(0);
        let end = self.name_starts.get(e + 1).copied().unwrap_or(start);
        start..end
    }

    /// A builder to add entities and names in code or from several files.
    pub fn builder() -> GazetteerBuilder {
        GazetteerBuilder::default()
    }

    /// Loads a gazetteer from a TSV file (see [`GazetteerBuilder::add_tsv`] for the format).
    pub fn from_tsv_path(path: impl AsRef<Path>) -> Result<Gazetteer> {
        let mut b = GazetteerBuilder::default();
        b.add_tsv_path(path)?;
        Ok(Gazetteer::from(b))
    }

    /// Loads a gazetteer from TSV text; errors name the source `<string>`.
    pub fn from_tsv_str(tsv: &str) -> Result<Gazetteer> {
        let mut b = GazetteerBuilder::default();
        b.add_tsv(tsv.as_bytes(), "<string>")?;
        Ok(Gazetteer::from(b))
    }

    /// Loads a gazetteer from a JSON Lines file (see [`GazetteerBuilder::add_jsonl`]).
    pub fn from_jsonl_path(path: impl AsRef<Path>) -> Result<Gazetteer> {
        let mut b = GazetteerBuilder::default();
        b.add_jsonl_path(path)?;
        Ok(Gazetteer::from(b))
    }

    /// Loads a gazetteer from JSON Lines text; errors name the source `<string>`.
    pub fn from_jsonl_str(jsonl: &str) -> Result<Gazetteer> {
        let mut b = GazetteerBuilder::default();
        b.add_jsonl(jsonl.as_bytes(), "<string>")?;
        Ok(Gazetteer::from(b))
    }

    /// The number of entities.
    pub fn len(&self) -> usize {
        self.store.entities_len()
    }

    /// True if the gazetteer has no entity.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The number of names over all entities.
    pub fn names_len(&self) -> usize {
        self.store.names_len()
    }

    /// The entities, in gazetteer order.
    ///
    /// ```
    /// use nomina::Gazetteer;
    /// let gaz = Gazetteer::from_tsv_str("Q380\torganization\tMeta\nQ918\torganization\tTwitter\n")?;
    /// let ids: Vec<&str> = gaz.entities().map(|e| e.id()).collect();
    /// assert_eq!(ids, ["Q380", "Q918"]);
    /// assert_eq!(gaz.entities().nth(1).unwrap().names().next().unwrap().text(), "Twitter");
    /// # Ok::<(), nomina::Error>(())
    /// ```
    pub fn entities(&self) -> Entities<'_> {
        Entities {
            gaz: self,
            range: 0..self.len() as u32,
        }
    }

    /// The entity with this id.
    pub fn get(&self, id: &str) -> Option<Entity<'_>> {
        self.store.find(id).map(|index| Entity { gaz: self, index })
    }

    /// Heap memory held, in bytes (the arrays of ids and names, and the id index).
    pub fn memory(&self) -> usize {
        self.store.memory() + 4 * self.name_starts.capacity()
    }

    /// The position of entity `id` in [`Gazetteer::entities`].
    pub(crate) fn position(&self, id: &str) -> Option<usize> {
        self.store.find(id).map(|e| e as usize)
    }

    /// What loading found suspicious but not wrong enough to refuse, in the order found: a
    /// header line, a name that can never match, a duplicate line. See [`Warning`]; for the
    /// warnings that depend on an analyzer's languages too, use [`Gazetteer::check`].
    pub fn warnings(&self) -> &[Warning] {
        &self.store.warnings
    }

    /// Every warning for an analyzer allowing `languages` (pass
    /// [`Analyzer::languages`](crate::Analyzer::languages)): those of
    /// [`warnings`](Gazetteer::warnings), then each name limited to languages of which none
    /// is allowed (it can never match), sorted by source and line. At most [`MAX_WARNINGS`]
    /// are listed; past that, a last warning of kind [`WarningKind::More`] says how many
    /// were left out.
    ///
    /// ```
    /// use nomina::{Analyzer, Gazetteer, WarningKind};
    /// let gaz = Gazetteer::from_tsv_str(
    ///     "id\tkind\tname\n\
    ///      Q64\tlocation\tBerlino\tit\n\
    ///      Q64\tlocation\tHauptstadt Berlin\tde\n\
    ///      Q64\tlocation\tBerlino\tit\n",
    /// )?;
    /// let analyzer = Analyzer::new(&gaz)?; // French, Italian, English
    /// let warnings = gaz.check(analyzer.languages());
    /// let found: Vec<_> = warnings.iter().map(|w| (w.line(), w.kind())).collect();
    /// assert_eq!(found, [
    ///     (Some(1), WarningKind::Header),
    ///     (Some(3), WarningKind::LanguageNotAllowed),
    ///     (Some(4), WarningKind::Duplicate),
    /// ]);
    /// assert_eq!(
    ///     warnings[1].to_string(),
    ///     "<string>:3: name `Hauptstadt Berlin` of `Q64` is limited to de, which the analyzer does not allow: it can never match"
    /// );
    /// # Ok::<(), nomina::Error>(())
    /// ```
    pub fn check(&self, languages: &[Lang]) -> Vec<Warning> {
        let mut allowed = LangSet::default();
        for &l in languages {
            allowed.insert(l);
        }
        let mut out: Vec<(Origin, Warning)> = self
            .store
            .warnings
            .iter()
            .map(|w| (w.origin, w.clone()))
            .collect();
        let mut total = self.store.warnings_total;
        for e in self.entities() {
            for n in e.names() {
                if n.langs.is_any() || n.langs.intersects(allowed) {
                    continue;
                }
                total += 1;
                if out.len() < MAX_WARNINGS {
                    let langs: Vec<&str> = n.langs.iter().map(Lang::code).collect();
                    let w = self.store.warning(
                        n.origin,
                        WarningKind::LanguageNotAllowed,
                        format!(
                            "name `{}` of `{}` is limited to {}, which the analyzer does not allow: it can never match",
                            n.text,
                            e.id(),
                            langs.join(",")
                        ),
                    );
                    out.push((n.origin, w));
                }
            }
        }
        out.sort_by_key(|(o, _)| *o);
        let mut out: Vec<Warning> = out.into_iter().map(|(_, w)| w).collect();
        if total > out.len() {
            let more = total - out.len();
            out.push(Warning {
                source: Arc::from(""),
                origin: Origin::CODE,
                kind: WarningKind::More,
                message: format!("{more} more warnings not listed"),
            });
        }
        out
    }

    /// Writes the gazetteer as JSON Lines, one entity a line.
    pub fn to_jsonl(&self) -> String {
        let mut out = String::new();
        for e in self.entities() {
            if let Ok(line) = serde_json::to_string(&e) {
                out.push_str(&line);
                out.push('\n');
            }
        }
        out
    }
}

/// A summary, not the contents (a gazetteer may hold millions of names):
/// `Gazetteer { entities: 2, names: 3, sources: ["<string>"], warnings: 0 }`.
impl fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Gazetteer")
            .field("entities", &self.len())
            .field("names", &self.names_len())
            .field("sources", &self.store.sources)
            .field("warnings", &self.store.warnings_total)
            .finish()
    }
}

impl fmt::Debug for GazetteerBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GazetteerBuilder")
            .field("entities", &self.store.entities_len())
            .field("names", &self.store.names_len())
            .field("sources", &self.store.sources)
            .field("warnings", &self.store.warnings_total)
            .finish()
    }
}

/// Builds a [`Gazetteer`] from names added in code and from files.
///
/// Rules, whatever the source:
/// - a name is trimmed; an empty name is refused;
/// - a name with no letter or digit once folded (`?!`, `--`) can never match: given in code
///   ([`add`](GazetteerBuilder::add), [`entity`](GazetteerBuilder::entity)) it is refused; read
///   from a file it is skipped with a [`Warning`], and loading goes on;
/// - a name longer than [`MAX_NAME_BYTES`] is refused; so is the name past [`MAX_NAMES`], or
///   past [`MAX_TOTAL_NAME_BYTES`] in all;
/// - an id keeps the kind it was first given: the same id with another kind is refused;
/// - the same name given twice to one entity with the same options is kept once (with a
///   [`Warning`] naming both lines); with other options, both are kept, with a warning too.
///
/// "Refused" is an error ([`Error::Invalid`] in code, [`Error::Parse`] with the source and line
/// from a file); warnings are listed by [`GazetteerBuilder::warnings`] and
/// [`Gazetteer::warnings`], and [`Gazetteer::check`] adds those that depend on the analyzer.
///
/// Same style as [`AnalyzerBuilder`](crate::AnalyzerBuilder) and aho-corasick: adders take
/// `&mut self` and return `&mut Self` (in a `Result`, since a name can be refused), and
/// [`build`](GazetteerBuilder::build) takes `&self`, so a whole chain is one expression.
/// `Gazetteer::from(builder)` takes the builder by value and skips the copy that `build` makes.
///
/// ```
/// use nomina::{Gazetteer, Kind, Lang, Name};
/// let gaz = Gazetteer::builder()
///     .entity("Q380", Kind::Organization, ["Meta", "Meta Platforms"])?
///     .add("Q3783", Kind::Location, Name::new("Amazzonia").with_languages([Lang::Italian]))?
///     // Plain strings and names with options mix once the array is of `Name`:
///     .entity("Q458", Kind::Organization, ["Unione europea".into(), Name::new("UE").exact(true)])?
///     .build();
/// assert_eq!(gaz.names_len(), 5);
/// # Ok::<(), nomina::Error>(())
/// ```
#[derive(Default)]
pub struct GazetteerBuilder {
    store: Store,
    /// The entity of each name, in the order added.
    name_entity: Vec<u32>,
    /// Each name was added to an entity at or after the previous name's: the names are
    /// already grouped by entity, and building needs no reordering.
    scattered: bool,
    /// Every name by (entity, text), to find duplicates in O(1) (O(k) for a text given k
    /// times with other options).
    seen: Table,
}

impl GazetteerBuilder {
    /// An empty builder.
    pub fn new() -> GazetteerBuilder {
        GazetteerBuilder::default()
    }

    /// Adds one name to the entity `id` of kind `kind`, creating the entity if needed.
    pub fn add(&mut self, id: &str, kind: Kind, name: impl Into<Name>) -> Result<&mut Self> {
        let mut name = name.into();
        name.origin = Origin::CODE;
        self.add_checked(id, kind, name).map_err(Refused::error)?;
        Ok(self)
    }

    /// What the names added so far gave rise to; see [`Gazetteer::warnings`].
    pub fn warnings(&self) -> &[Warning] {
        &self.store.warnings
    }

    /// Registers a source label for the names about to be read; returns its index.
    fn source(&mut self, label: &str) -> u32 {
        let sources = &mut self.store.sources;
        if let Some(i) = sources.iter().position(|s| &**s == label) {
            return i as u32;
        }
        sources.push(Arc::from(label));
        u32::try_from(sources.len() - 1).unwrap_or(u32::MAX - 1)
    }

    fn warn(&mut self, origin: Origin, kind: WarningKind, message: String) {
        self.store.warnings_total += 1;
        if self.store.warnings.len() < MAX_WARNINGS {
            let w = self.store.warning(origin, kind, message);
            self.store.warnings.push(w);
        }
    }

    /// Adds an entity with several names (or more names to an existing entity).
    pub fn entity<N: Into<Name>>(
        &mut self,
        id: &str,
        kind: Kind,
        names: impl IntoIterator<Item = N>,
    ) -> Result<&mut Self> {
        for n in names {
            self.add(id, kind.clone(), n)?;
        }
        Ok(self)
    }

    /// The gazetteer built so far (a copy: the builder can go on). `Gazetteer::from(builder)`
    /// moves it out instead.
    pub fn build(&self) -> Gazetteer {
        // Borrowed: names added out of entity order are copied once, grouped, not twice.
        GazetteerBuilder::finish(Cow::Borrowed(&self.store), &self.name_entity, self.scattered)
    }

    /// Groups the names by entity (a counting sort, skipped when they already are); copies
    /// a borrowed store once either way.
    fn finish(store: Cow<'_, Store>, name_entity: &[u32], scattered: bool) -> Gazetteer {
        let entities = store.entities_len();
        let (starts, order) = group_by_key(name_entity, entities, scattered);
        let mut store = if scattered {
            // The names of each entity, in the order added, entity after entity.
            store.regroup(&order)
        } else {
            store.into_owned()
        };
        store.shrink();
        Gazetteer {
            store,
            name_starts: starts,
        }
    }

    /// Validates and adds; the error is a message without location.
    fn add_checked(&mut self, id: &str, kind: Kind, name: Name) -> std::result::Result<(), Refused> {
        let id = trim(id);
        if id.is_empty() {
            return Err("empty entity id".into());
        }
        if let Kind::Custom(k) = &kind {
            if k.trim().is_empty() {
                return Err(format!("empty kind for entity `{id}`").into());
            }
        }
        let text = name.text();
        if text.is_empty() {
            return Err(format!("empty name for entity `{id}`").into());
        }
        if text.len() > MAX_NAME_BYTES {
            return Err(Refused::TooLarge(format!(
                "name of {} bytes for entity `{id}` is longer than the limit of {MAX_NAME_BYTES} bytes",
                text.len()
            )));
        }
        let word = |c: char| crate::normalize::is_word_char(c);
        if !(text.bytes().any(|b| b.is_ascii_alphanumeric())
            || crate::normalize::fold_str(text).chars().any(word))
        {
            let message = format!(
                "name `{text}` of `{id}` has no letter or digit once folded: it can never match; skipped"
            );
            if name.origin == Origin::CODE {
                return Err(format!(
                    "name `{text}` for entity `{id}` has no letter or digit: it can never match"
                )
                .into());
            }
            self.warn(name.origin, WarningKind::NeverMatches, message);
            return Ok(());
        }
        if self.store.names_len() >= MAX_NAMES {
            return Err(Refused::TooLarge(format!("more than {MAX_NAMES} names")));
        }
        if self.store.cat.names.len() + text.len() > MAX_TOTAL_NAME_BYTES {
            return Err(Refused::TooLarge(format!(
                "names add up to more than {MAX_TOTAL_NAME_BYTES} bytes"
            )));
        }
        let found = self.store.find(id);
        if let Some(e) = found {
            let first = self.store.kind(e);
            if *first != kind {
                return Err(
                    format!("entity `{id}` has kind `{kind}` but was first given kind `{first}`").into(),
                );
            }
        }
        // Everything that can be refused before the entity is created: a refused name never
        // leaves an entity without names behind.
        let langs = self.store.lang_index(name.langs)?;
        let e = match found {
            Some(e) => e,
            None => {
                let k = self.store.kind_index(&kind)?;
                self.store.push_entity(id, k)?
            }
        };
        let meta = NameMeta {
            origin: name.origin,
            langs,
            exact: name.exact,
            stem: name.stem,
        };
        let hash = hash_name(e, text);
        let (store, name_entity) = (&self.store, &self.name_entity);
        let same_text = |n: u32| name_entity.get(n as usize) == Some(&e) && store.text(n) == text;
        // Every name is in the table, so each of an entity's names with this text is found.
        let same = self.seen.find(hash, |n| {
            same_text(n)
                && store
                    .metas
                    .get(n as usize)
                    .is_some_and(|m| m.langs == meta.langs && m.exact == meta.exact && m.stem == meta.stem)
        });
        if let Some(earlier) = same.or_else(|| self.seen.find(hash, same_text)) {
            let at = match store
                .metas
                .get(earlier as usize)
                .map_or(Origin::CODE, |m| m.origin)
            {
                // Read from a file, the name says where its first copy came from.
                Origin::CODE if name.origin != Origin::CODE => " (added in code)".to_string(),
                Origin::CODE => String::new(),
                o if o.source == name.origin.source => format!(" (line {})", o.line),
                o => format!(
                    " ({}:{})",
                    store.sources.get(o.source as usize).map_or("?", |s| &**s),
                    o.line
                ),
            };
            let message = if same.is_some() {
                format!("duplicate of name `{text}` of `{id}`{at}; skipped")
            } else {
                format!("name `{text}` of `{id}` given again{at} with other options; both kept")
            };
            self.warn(name.origin, WarningKind::Duplicate, message);
            if same.is_some() {
                return Ok(());
            }
        }
        let n = self.store.push_name(text, meta)?;
        if self.name_entity.last().is_some_and(|&last| last > e) {
            self.scattered = true;
        }
        self.name_entity.push(e);
        self.seen.insert(hash, n);
        Ok(())
    }
    /// Adds the names of a TSV file.
    pub fn add_tsv_path(&mut self, path: impl AsRef<Path>) -> Result<&mut Self> {
        let path = path.as_ref();
        let file = std::fs::File::open(path).map_err(|e| Error::Io {
            path: path.to_path_buf(),
            source: e,
        })?;
        self.add_tsv(
            std::io::BufReader::with_capacity(1 << 16, file),
            &path.display().to_string(),
        )
    }

    /// Adds the names of TSV input; `source_name` labels errors (a path, or `<stdin>`).
    ///
    /// The format: UTF-8, one name a line, tab-separated columns
    /// `id<TAB>kind<TAB>name[<TAB>langs[<TAB>flags]]`. Blank lines and lines starting with `#`
    /// are ignored; a UTF-8 byte-order mark and CRLF line ends are accepted.
    /// - `kind`: `person`, `organization`, `location`, `product`, `event`, `work`, `misc`, or any
    ///   other word for a custom kind;
    /// - `langs`: comma-separated ISO 639-1 codes (`fr,it`); empty or `*` for any language;
    /// - `flags`: comma-separated; `exact` (case- and accent-sensitive), `stem` (inflection
    ///   tolerant). An unknown flag is an error.
    ///
    /// Every malformed line is an error naming the source, the line number and the cause:
    /// nothing is skipped silently.
    ///
    /// Some lines load with a [`Warning`] instead (see [`GazetteerBuilder::warnings`] and
    /// [`Gazetteer::warnings`]): a first data line that looks like a header
    /// (`id<TAB>kind<TAB>name`) is skipped, as is a name with no letter or digit once folded,
    /// and a repeated (id, name).
    pub fn add_tsv(&mut self, reader: impl BufRead, source_name: &str) -> Result<&mut Self> {
        let source = self.source(source_name);
        let mut first = true;
        for_each_line(reader, source_name, |line_no, line| {
            if line.trim().is_empty() || line.starts_with('#') {
                return Ok(());
            }
            let origin = Origin {
                source,
                line: u32::try_from(line_no).unwrap_or(u32::MAX),
            };
            if std::mem::take(&mut first) && is_header(line) {
                let message = format!(
                    "`{}` looks like a header line; skipped (start it with `#` to make it a comment)",
                    line.replace('\t', "<TAB>")
                );
                self.warn(origin, WarningKind::Header, message);
                return Ok(());
            }
            let (id, kind, mut name) = parse_tsv_line(line)?;
            name.origin = origin;
            self.add_checked(id, kind, name).map_err(Refused::message)
        })?;
        Ok(self)
    }

    /// Adds the entities of a JSON Lines file.
    pub fn add_jsonl_path(&mut self, path: impl AsRef<Path>) -> Result<&mut Self> {
        let path = path.as_ref();
        let file = std::fs::File::open(path).map_err(|e| Error::Io {
            path: path.to_path_buf(),
            source: e,
        })?;
        self.add_jsonl(
            std::io::BufReader::with_capacity(1 << 16, file),
            &path.display().to_string(),
        )
    }

    /// Adds the entities of JSON Lines input: one entity a line,
    /// `{"id": "Q380", "kind": "organization", "names": ["Meta", {"text": "Facebook", "langs": ["fr"], "exact": true}]}`.
    /// A name is a string or an object with `text` and optional `langs`, `exact`, `stem`.
    /// An optional `"related": ["Q312"]` lists related entity ids (see
    /// [`GazetteerBuilder::relate`]). Blank lines are ignored; a malformed line is an error
    /// with its number.
    pub fn add_jsonl(&mut self, reader: impl BufRead, source_name: &str) -> Result<&mut Self> {
        let source = self.source(source_name);
        for_each_line(reader, source_name, |line_no, line| {
            let origin = Origin {
                source,
                line: u32::try_from(line_no).unwrap_or(u32::MAX),
            };
            if line.trim().is_empty() {
                return Ok(());
            }
            let entity: EntityRecord =
                serde_json::from_str(line).map_err(|e| format!("invalid entity: {e}"))?;
            if entity.names.is_empty() {
                return Err(format!("entity `{}` has no names", entity.id));
            }
            for mut name in entity.names {
                name.origin = origin;
                self.add_checked(&entity.id, entity.kind.clone(), name)
                    .map_err(Refused::message)?;
            }
            if let Some(related) = entity.related {
                self.relate_checked(&entity.id, related.iter().map(String::as_str))?;
            }
            Ok(())
        })?;
        Ok(self)
    }
}

impl GazetteerBuilder {
    /// Records that entity `id` is related to the entities `related` (ids; they need not be
    /// added yet, and ids never added are ignored by the analyzer): a person and their company,
    /// a company and its products. One sense per document counts a mention of a related entity,
    /// in either direction, as a mention of the entity. Fails if `id` has no names yet; empty
    /// ids, the entity's own and repeated ones are skipped. TSV files have no such column (a
    /// line is a name, not an entity): use JSON Lines or this method.
    ///
    /// ```
    /// use nomina::{Gazetteer, Kind};
    /// let mut b = Gazetteer::builder();
    /// b.add("Q3884", Kind::Organization, "Amazon")?.relate("Q3884", ["Q312"])?;
    /// assert_eq!(Gazetteer::from(b).get("Q3884").unwrap().related(), ["Q312"]);
    /// # Ok::<(), nomina::Error>(())
    /// ```
    pub fn relate<S: AsRef<str>>(
        &mut self,
        id: &str,
        related: impl IntoIterator<Item = S>,
    ) -> Result<&mut Self> {
        let related: Vec<S> = related.into_iter().collect();
        self.relate_checked(id, related.iter().map(AsRef::as_ref))
            .map_err(Error::Invalid)?;
        Ok(self)
    }

    fn relate_checked<'r>(
        &mut self,
        id: &str,
        related: impl Iterator<Item = &'r str>,
    ) -> std::result::Result<(), String> {
        let id = id.trim();
        if self.store.find(id).is_none() {
            return Err(format!("no entity `{id}` to relate"));
        }
        for r in related {
            let r = r.trim();
            if r.is_empty() || r == id {
                continue;
            }
            let list = self.store.related.entry(Box::from(id)).or_default();
            if !list.iter().any(|x| x == r) {
                list.push(r.to_string());
            }
        }
        Ok(())
    }
}

impl From<Gazetteer> for GazetteerBuilder {
    /// A builder that goes on from a built gazetteer: add names, or [`remove`] entities, then
    /// build again (and [`Analyzer::rebuild`](crate::Analyzer::rebuild) an analyzer over it).
    /// O(names): the duplicate check is rebuilt.
    ///
    /// [`remove`]: GazetteerBuilder::remove
    fn from(gaz: Gazetteer) -> GazetteerBuilder {
        let Gazetteer { store, name_starts } = gaz;
        let mut name_entity = Vec::with_capacity(store.names_len());
        for (e, w) in name_starts.windows(2).enumerate() {
            if let [from, to] = *w {
                name_entity.extend(std::iter::repeat_n(e as u32, to.saturating_sub(from) as usize));
            }
        }
        let mut seen = Table::default();
        for (n, &e) in name_entity.iter().enumerate() {
            seen.insert(hash_name(e, store.text(n as u32)), n as u32);
        }
        GazetteerBuilder {
            store,
            name_entity,
            scattered: false,
            seen,
        }
    }
}

impl GazetteerBuilder {
    /// Removes the entity `id` and all its names; false if there is none. O(entities + names):
    /// the index and the duplicate check are rebuilt, so remove many entities at once with
    /// [`retain`](GazetteerBuilder::retain).
    ///
    /// ```
    /// use nomina::{Gazetteer, GazetteerBuilder};
    /// let gaz = Gazetteer::from_tsv_str("Q380\torganization\tMeta\nQ918\torganization\tTwitter\n")?;
    /// let mut b = GazetteerBuilder::from(gaz);
    /// assert!(b.remove("Q918"));
    /// assert!(!b.remove("Q918"));
    /// b.add("Q918", nomina::Kind::Organization, "X")?;
    /// let gaz = Gazetteer::from(b);
    /// assert_eq!(gaz.get("Q918").unwrap().names().next().unwrap().text(), "X");
    /// # Ok::<(), nomina::Error>(())
    /// ```
    pub fn remove(&mut self, id: &str) -> bool {
        let id = id.trim();
        if self.store.find(id).is_none() {
            return false;
        }
        self.retain(|e| e.id() != id);
        true
    }

    /// Keeps only the entities for which `keep` returns true, in their order. O(entities +
    /// names). If `keep` panics, the builder keeps every entity (the panic goes on).
    pub fn retain(&mut self, mut keep: impl FnMut(Entity<'_>) -> bool) -> &mut Self {
        let gaz = Gazetteer::from(std::mem::take(self));
        let kept = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            gaz.entities()
                .filter(|&e| keep(e))
                .map(|e| e.index)
                .collect::<Vec<u32>>()
        }));
        let kept = match kept {
            Ok(kept) => kept,
            Err(panic) => {
                // Not left empty: the entities go back, then the panic goes on.
                *self = GazetteerBuilder::from(gaz);
                std::panic::resume_unwind(panic);
            }
        };
        if kept.len() == gaz.len() {
            *self = GazetteerBuilder::from(gaz);
            return self;
        }
        let (store, name_starts) = gaz.store.select(kept.into_iter(), |e| gaz.name_range(e));
        *self = GazetteerBuilder::from(Gazetteer { store, name_starts });
        self
    }
}

impl From<GazetteerBuilder> for Gazetteer {
    /// The gazetteer built so far, without a copy when the names were added entity by entity.
    fn from(b: GazetteerBuilder) -> Gazetteer {
        let GazetteerBuilder {
            store,
            name_entity,
            scattered,
            seen,
        } = b;
        drop(seen);
        GazetteerBuilder::finish(Cow::Owned(store), &name_entity, scattered)
    }
}

/// Calls `f` on every line of `reader` (UTF-8 checked, line end and first-line BOM removed);
/// an error from `f` or from decoding becomes an [`Error::Parse`] with the source and line.
fn for_each_line(
    mut reader: impl BufRead,
    source_name: &str,
    mut f: impl FnMut(usize, &str) -> std::result::Result<(), String>,
) -> Result<()> {
    let mut buf = Vec::new();
    let mut line_no = 0usize;
    loop {
        buf.clear();
        let n = reader.read_until(b'\n', &mut buf).map_err(|e| Error::Io {
            path: source_name.into(),
            source: e,
        })?;
        if n == 0 {
            return Ok(());
        }
        line_no += 1;
        let err = |message: String| Error::Parse {
            source_name: source_name.to_string(),
            line: line_no,
            message,
        };
        let mut bytes: &[u8] = &buf;
        if line_no == 1 {
            bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        }
        while let Some((b'\n' | b'\r', rest)) = bytes.split_last() {
            bytes = rest;
        }
        let line = std::str::from_utf8(bytes)
            .map_err(|e| err(format!("invalid UTF-8 at byte {}", e.valid_up_to())))?;
        f(line_no, line).map_err(err)?;
    }
}

/// True if a TSV line looks like a header: an id-like first column and a kind-like second
/// column or a name-like third one (`id<TAB>kind<TAB>name`, `QID<TAB>type<TAB>label`).
fn is_header(line: &str) -> bool {
    let mut cols = line.split('\t').map(|c| c.trim().to_ascii_lowercase());
    let (Some(id), kind, name) = (cols.next(), cols.next(), cols.next()) else {
        return false;
    };
    let id_like = ["id", "qid", "entity", "entity_id", "identifier", "wikidata_id"].contains(&id.as_str());
    let kind_like = kind.is_some_and(|k| ["kind", "type", "class", "category"].contains(&k.as_str()));
    let name_like =
        name.is_some_and(|n| ["name", "names", "label", "alias", "text", "surface"].contains(&n.as_str()));
    id_like && (kind_like || name_like)
}

/// Splits one TSV data line into its parts.
fn parse_tsv_line(line: &str) -> std::result::Result<(&str, Kind, Name), String> {
    let mut cols = tab_fields(line);
    let mut next = || cols.next();
    let parts = [next(), next(), next(), next(), next()];
    let extra = next().is_some();
    let n = parts.iter().filter(|p| p.is_some()).count();
    if n < 3 || extra {
        let found = if extra { tab_fields(line).count() } else { n };
        return Err(format!(
            "expected 3 to 5 tab-separated columns (id, kind, name[, langs[, flags]]), found {found}"
        ));
    }
    let cols: [&str; 5] = parts.map(|p| p.unwrap_or(""));
    let has_langs = n >= 4;
    let has_flags = n >= 5;
    let id = trim(cols[0]);
    if id.is_empty() {
        return Err("empty id".into());
    }
    let kind_s = trim(cols[1]);
    if kind_s.is_empty() {
        return Err("empty kind".into());
    }
    let mut name = Name::new(cols[2]);
    if let Some(langs) = cols.get(3).filter(|_| has_langs) {
        let mut set = LangSet::default();
        for code in langs.split(',').map(trim).filter(|c| !c.is_empty() && *c != "*") {
            set.insert(Lang::from_code(code).ok_or_else(|| format!("unknown language code `{code}`"))?);
        }
        name.langs = set;
    }
    if let Some(flags) = cols.get(4).filter(|_| has_flags) {
        for flag in flags.split(',').map(str::trim).filter(|f| !f.is_empty()) {
            match flag {
                "exact" => name.exact = true,
                "stem" => name.stem = true,
                other => return Err(format!("unknown flag `{other}` (expected `exact` or `stem`)")),
            }
        }
    }
    Ok((id, Kind::parse(kind_s), name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_basics() {
        let g = Gazetteer::from_tsv_str(
            "\u{feff}# comment\r\nQ1\tperson\tElon Musk\r\n\nQ2\torganization\tMeta\tfr,it\texact\nQ2\torganization\tMeta\tfr,it\texact\n",
        )
        .unwrap();
        assert_eq!(g.len(), 2);
        assert_eq!(g.names_len(), 2);
        let meta = g.get("Q2").unwrap().names().next().unwrap();
        assert!(meta.is_exact());
        assert_eq!(meta.languages(), vec![Lang::French, Lang::Italian]);
    }

    #[test]
    fn tsv_errors_name_the_line() {
        let cases = [
            ("Q1\tperson\n", 1, "expected 3 to 5"),
            ("# x\nQ1\tperson\tA\tfr\texact\textra\n", 2, "found 6"),
            ("Q1\tperson\tA\txx\n", 1, "unknown language code `xx`"),
            ("Q1\tperson\tA\tfr\tloud\n", 1, "unknown flag `loud`"),
            ("Q1\tperson\t  \n", 1, "empty name"),
            ("Q1\tperson\tA\nQ1\tlocation\tB\n", 2, "first given kind `person`"),
            ("\tperson\tA\n", 1, "empty id"),
        ];
        for (tsv, line, msg) in cases {
            match Gazetteer::from_tsv_str(tsv) {
                Err(Error::Parse {
                    line: l,
                    message,
                    source_name,
                }) => {
                    assert_eq!(l, line, "{tsv:?}");
                    assert!(message.contains(msg), "{message} / {msg}");
                    assert_eq!(source_name, "<string>");
                }
                other => panic!("{tsv:?}: {other:?}"),
            }
        }
        let long = format!("Q1\tperson\t{}\n", "a".repeat(10_000));
        assert!(matches!(
            Gazetteer::from_tsv_str(&long),
            Err(Error::Parse { line: 1, .. })
        ));
        let mut bad = b"Q1\tperson\tok\nQ2\tperson\t\xff\n".to_vec();
        bad.extend_from_slice(b"");
        let mut b = Gazetteer::builder();
        let e = b.add_tsv(&bad[..], "g.tsv").unwrap_err().to_string();
        assert!(e.starts_with("g.tsv:2: invalid UTF-8"), "{e}");
    }

    /// The flat store against a plain model: entities in order of first appearance, each with
    /// its names in the order added, duplicates (same entity, text and options) dropped,
    /// whatever the order names arrive in; then removing, retaining and going back to a builder.
    #[test]
    fn scattered_names_are_grouped_in_order() {
        let mut seed = 0x2545_f491_u64;
        let mut rand = |n: u64| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) % n
        };
        for round in 0..20 {
            let entities = 1 + rand(40);
            let mut model: Vec<(String, Vec<(String, bool)>)> = Vec::new();
            let mut b = Gazetteer::builder();
            for _ in 0..(1 + rand(300)) {
                let id = format!("Q{}", rand(entities));
                let text = format!("Nom {}", rand(12));
                let exact = rand(4) == 0;
                b.add(&id, Kind::Person, Name::new(&text).exact(exact)).unwrap();
                let at = match model.iter().position(|(i, _)| *i == id) {
                    Some(at) => at,
                    None => {
                        model.push((id.clone(), Vec::new()));
                        model.len() - 1
                    }
                };
                let names = &mut model[at].1;
                if !names.contains(&(text.clone(), exact)) {
                    names.push((text, exact));
                }
            }
            let copy = b.build();
            let gaz = Gazetteer::from(b);
            let got: Vec<(String, Vec<(String, bool)>)> = gaz
                .entities()
                .map(|e| {
                    let names = e.names().map(|n| (n.text().to_string(), n.is_exact())).collect();
                    (e.id().to_string(), names)
                })
                .collect();
            assert_eq!(got, model, "round {round}");
            assert!(copy.entities().eq(gaz.entities()));
            assert_eq!(gaz.names_len(), model.iter().map(|(_, n)| n.len()).sum::<usize>());
            for (id, names) in &model {
                assert_eq!(gaz.get(id).unwrap().names().len(), names.len());
            }
            assert!(gaz.get("Q-none").is_none());
            // Back to a builder: a name already there is a duplicate, a new one is added.
            let mut b = GazetteerBuilder::from(gaz);
            let (id, names) = &model[0];
            let (text, exact) = &names[0];
            b.add(id, Kind::Person, Name::new(text).exact(*exact)).unwrap();
            assert_eq!(b.warnings().last().unwrap().kind(), WarningKind::Duplicate);
            b.add(id, Kind::Person, "Un nom nouveau").unwrap();
            if model.len() > 1 {
                let gone = model[1].0.clone();
                assert!(b.remove(&gone));
                assert!(!b.remove(&gone));
                b.retain(|e| e.id() != model[0].0);
                let gaz = Gazetteer::from(b);
                assert_eq!(gaz.len(), model.len() - 2);
                assert!(gaz.get(&gone).is_none() && gaz.get(&model[0].0).is_none());
                for (id, names) in &model[2..] {
                    let got: Vec<&str> = gaz.get(id).unwrap().names().map(|n| n.text()).collect();
                    let want: Vec<&str> = names.iter().map(|(t, _)| t.as_str()).collect();
                    assert_eq!(got, want);
                }
            } else {
                let gaz = Gazetteer::from(b);
                assert_eq!(
                    gaz.get(id).unwrap().names().next_back().unwrap().text(),
                    "Un nom nouveau"
                );
            }
        }
    }

    #[test]
    fn a_duplicate_names_the_first_line_even_when_scattered() {
        let g = Gazetteer::from_tsv_str(
            "Q1\tperson\tAnna Rossi\nQ2\tperson\tMarco Bianchi\nQ1\tperson\tA. Rossi\nQ2\tperson\tMarco Bianchi\tit\nQ1\tperson\tAnna Rossi\n",
        )
        .unwrap();
        let w: Vec<String> = g.warnings().iter().map(|w| w.to_string()).collect();
        assert_eq!(
            w,
            [
                "<string>:4: name `Marco Bianchi` of `Q2` given again (line 2) with other options; both kept",
                "<string>:5: duplicate of name `Anna Rossi` of `Q1` (line 1); skipped",
            ]
        );
        let q2: Vec<Vec<Lang>> = g.get("Q2").unwrap().names().map(|n| n.languages()).collect();
        assert_eq!(q2, [vec![], vec![Lang::Italian]]);
        assert!(g.memory() > 0);
    }

    #[test]
    fn jsonl_round_trip() {
        let src = "{\"id\":\"Q380\",\"kind\":\"organization\",\"names\":[\"Meta\",{\"text\":\"Facebook\",\"langs\":[\"fr\"],\"exact\":true}]}\n\n{\"id\":\"T1\",\"kind\":\"concept\",\"names\":[\"messages privés\"]}\n";
        let g = Gazetteer::from_jsonl_str(src).unwrap();
        assert_eq!(g.names_len(), 3);
        assert_eq!(g.get("T1").unwrap().kind(), &Kind::Custom(Arc::from("concept")));
        let again = Gazetteer::from_jsonl_str(&g.to_jsonl()).unwrap();
        assert!(again.entities().eq(g.entities()));
        assert_eq!(
            again.entities().collect::<Vec<_>>(),
            g.entities().collect::<Vec<_>>()
        );
        let e = Gazetteer::from_jsonl_str("{\"id\":\"Q1\"}\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("<string>:1: invalid entity"), "{e}");
    }

    /// The table at and around each growth (half full, then doubled), with good hashes, with
    /// one hash for every key (one long probe chain that wraps around the end), and with
    /// hashes that differ only where the fold cancels them out (same slot and tag).
    #[test]
    fn table_finds_every_index_across_growth() {
        let hashes: [fn(u32) -> u64; 3] = [
            |i| hash_of(&i),
            |_| 0xDEAD_BEEF_0000_0007,
            |i| u64::from(i) << 32 | u64::from(i),
        ];
        for (h, hash) in hashes.iter().enumerate() {
            let mut t = Table::default();
            assert_eq!(t.find(hash(0), |_| true), None);
            for n in 0..300u32 {
                t.insert(hash(n), n);
                assert!(t.len * 2 <= t.slots.len(), "more than half full at {n}");
                for k in 0..=n {
                    assert_eq!(t.find(hash(k), |i| i == k), Some(k), "hash {h}, {k} of {n}");
                }
                assert_eq!(t.find(hash(n + 1), |i| i == n + 1), None, "hash {h}, {n}");
            }
        }
        // The largest index a name can have, and more: the index is stored plus one.
        let mut t = Table::default();
        t.insert(7, u32::MAX - 1);
        t.insert(7, 0);
        assert_eq!(t.find(7, |i| i == u32::MAX - 1), Some(u32::MAX - 1));
        assert_eq!(t.find(7, |i| i == 0), Some(0));
    }
}
