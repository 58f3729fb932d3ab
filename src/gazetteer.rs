//! Entities, their kinds and names; the builder and the TSV / JSON Lines loaders.

use std::collections::HashMap;
use std::fmt;
use std::io::BufRead;
use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Error, Result};
use crate::lang::Lang;

/// The longest name accepted, in bytes (UTF-8). Longer names are refused with
/// [`Error::TooLarge`]: no real entity name is that long, and the limit bounds the automaton.
pub const MAX_NAME_BYTES: usize = 1024;

/// The most names a gazetteer may hold (16 million). Past it, loading fails with
/// [`Error::TooLarge`] instead of exhausting memory.
pub const MAX_NAMES: usize = 16 * 1024 * 1024;

/// The most bytes all names of a gazetteer may add up to (1 GiB). Past it, loading fails with
/// [`Error::TooLarge`]: the automaton grows with the total, and this bounds it to a few GiB.
pub const MAX_TOTAL_NAME_BYTES: usize = 1 << 30;

/// The kind of an entity.
///
/// Serialised as its lower-case name (`"person"`, `"organization"`, ...); any other string is a
/// [`Kind::Custom`] kind, kept as written.
///
/// ```
/// use nomina::Kind;
/// assert_eq!(Kind::parse("organization"), Kind::Organization);
/// assert_eq!(Kind::parse("Person"), Kind::Person);
/// assert_eq!(Kind::parse("concept").as_str(), "concept");
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
    /// Parses a kind: the seven built-in names (ASCII case-insensitive) or a custom kind.
    pub fn parse(s: &str) -> Kind {
        let s = s.trim();
        let builtin = [
            ("person", Kind::Person),
            ("organization", Kind::Organization),
            ("location", Kind::Location),
            ("product", Kind::Product),
            ("event", Kind::Event),
            ("work", Kind::Work),
            ("misc", Kind::Misc),
        ];
        for (name, kind) in builtin {
            if s.eq_ignore_ascii_case(name) {
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
pub(crate) struct LangSet(u128);

impl LangSet {
    pub(crate) fn insert(&mut self, lang: Lang) {
        if let Some(i) = lang_index(lang) {
            self.0 |= 1u128 << i;
        }
    }
    pub(crate) fn is_any(self) -> bool {
        self.0 == 0
    }
    /// True if a sentence in `lang` may hold this name: the set is empty (any language) or holds
    /// `lang`. An unknown language (`None`) only satisfies "any".
    pub(crate) fn allows(self, lang: Option<Lang>) -> bool {
        if self.0 == 0 {
            return true;
        }
        match lang.and_then(lang_index) {
            Some(i) => self.0 & (1u128 << i) != 0,
            None => false,
        }
    }
    pub(crate) fn iter(self) -> impl Iterator<Item = Lang> {
        Lang::all()
            .iter()
            .copied()
            .enumerate()
            .filter(move |&(i, _)| i < 128 && self.0 & (1u128 << i) != 0)
            .map(|(_, l)| l)
    }
}

fn lang_index(lang: Lang) -> Option<usize> {
    Lang::all().iter().position(|&l| l == lang).filter(|&i| i < 128)
}

/// One name of an entity, with its matching options.
///
/// ```
/// use nomina::{Lang, Name};
/// let name = Name::new("Meta").languages([Lang::French, Lang::Italian]).exact(true);
/// assert_eq!(name.text(), "Meta");
/// assert!(name.is_exact());
/// assert_eq!(name.language_list(), vec![Lang::French, Lang::Italian]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Name {
    text: Box<str>,
    langs: LangSet,
    exact: bool,
    stem: bool,
}

impl Name {
    /// A name that matches in any language, case- and accent-insensitively.
    pub fn new(text: &str) -> Name {
        Name {
            text: Box::from(text.trim()),
            langs: LangSet::default(),
            exact: false,
            stem: false,
        }
    }

    /// Limits the name to sentences in these languages (an empty list means any language).
    pub fn languages(mut self, langs: impl IntoIterator<Item = Lang>) -> Name {
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

    /// The languages the name is limited to; empty for any language.
    pub fn language_list(&self) -> Vec<Lang> {
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
        if self.langs.is_any() && !self.exact && !self.stem {
            return s.serialize_str(&self.text);
        }
        NameRepr::Full {
            text: self.text.to_string(),
            langs: self.langs.iter().map(|l| l.code().to_string()).collect(),
            exact: self.exact,
            stem: self.stem,
        }
        .serialize(s)
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
                    text: Box::from(text.trim()),
                    langs: set,
                    exact,
                    stem,
                })
            }
        }
    }
}

/// An entity: an id, a kind and its names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    #[serde(serialize_with = "ser_str", deserialize_with = "de_arc")]
    id: Arc<str>,
    kind: Kind,
    names: Vec<Name>,
}

fn ser_str<S: Serializer>(v: &Arc<str>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(v)
}

fn de_arc<'de, D: Deserializer<'de>>(d: D) -> Result<Arc<str>, D::Error> {
    Ok(Arc::from(String::deserialize(d)?))
}

impl Entity {
    /// The entity's id, unique in its gazetteer.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The entity's kind.
    pub fn kind(&self) -> &Kind {
        &self.kind
    }

    /// The entity's names, in the order they were added.
    pub fn names(&self) -> &[Name] {
        &self.names
    }
}

/// A multilingual entity gazetteer: entities in the order they were first added, each with its
/// names.
///
/// Build one in code with [`Gazetteer::builder`], or load one from a TSV or JSON Lines file.
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
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    entities: Vec<Entity>,
    index: HashMap<Arc<str>, usize, crate::hash::BuildFx>,
    names_len: usize,
}

impl Gazetteer {
    /// A builder to add entities and names in code or from several files.
    pub fn builder() -> GazetteerBuilder {
        GazetteerBuilder::default()
    }

    /// Loads a gazetteer from a TSV file (see [`GazetteerBuilder::add_tsv`] for the format).
    pub fn from_tsv_path(path: impl AsRef<Path>) -> Result<Gazetteer> {
        let mut b = GazetteerBuilder::default();
        b.add_tsv_path(path)?;
        Ok(b.build())
    }

    /// Loads a gazetteer from TSV text; errors name the source `<string>`.
    pub fn from_tsv_str(tsv: &str) -> Result<Gazetteer> {
        let mut b = GazetteerBuilder::default();
        b.add_tsv(tsv.as_bytes(), "<string>")?;
        Ok(b.build())
    }

    /// Loads a gazetteer from a JSON Lines file (see [`GazetteerBuilder::add_jsonl`]).
    pub fn from_jsonl_path(path: impl AsRef<Path>) -> Result<Gazetteer> {
        let mut b = GazetteerBuilder::default();
        b.add_jsonl_path(path)?;
        Ok(b.build())
    }

    /// Loads a gazetteer from JSON Lines text; errors name the source `<string>`.
    pub fn from_jsonl_str(jsonl: &str) -> Result<Gazetteer> {
        let mut b = GazetteerBuilder::default();
        b.add_jsonl(jsonl.as_bytes(), "<string>")?;
        Ok(b.build())
    }

    /// The number of entities.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// True if the gazetteer has no entity.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// The number of names over all entities.
    pub fn names_len(&self) -> usize {
        self.names_len
    }

    /// The entities, in gazetteer order.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The entity with this id.
    pub fn get(&self, id: &str) -> Option<&Entity> {
        self.index.get(id).and_then(|&i| self.entities.get(i))
    }

    /// Writes the gazetteer as JSON Lines, one entity a line.
    pub fn to_jsonl(&self) -> String {
        let mut out = String::new();
        for e in &self.entities {
            if let Ok(line) = serde_json::to_string(e) {
                out.push_str(&line);
                out.push('\n');
            }
        }
        out
    }
}

/// Builds a [`Gazetteer`] from names added in code and from files.
///
/// Rules, whatever the source:
/// - a name is trimmed; an empty name, or one with no letter or digit, is refused;
/// - a name longer than [`MAX_NAME_BYTES`] is refused; so is the name past [`MAX_NAMES`], or
///   past [`MAX_TOTAL_NAME_BYTES`] in all;
/// - an id keeps the kind it was first given: the same id with another kind is refused;
/// - the same name given twice to one entity with the same options is kept once.
///
/// ```
/// use nomina::{Gazetteer, Kind, Lang, Name};
/// let mut b = Gazetteer::builder();
/// b.entity("Q380", Kind::Organization, ["Meta", "Meta Platforms"])?
///     .add("Q3783", Kind::Location, Name::new("Amazzonia").languages([Lang::Italian]))?;
/// let gaz = b.build();
/// assert_eq!(gaz.names_len(), 3);
/// # Ok::<(), nomina::Error>(())
/// ```
#[derive(Debug, Default)]
pub struct GazetteerBuilder {
    gaz: Gazetteer,
    /// The bytes of all names added.
    name_bytes: usize,
    /// Hashes of (entity, name, options) already added, to drop duplicates in O(1).
    seen: std::collections::HashSet<u64, crate::hash::BuildFx>,
}

impl GazetteerBuilder {
    /// An empty builder.
    pub fn new() -> GazetteerBuilder {
        GazetteerBuilder::default()
    }

    /// Adds one name to the entity `id` of kind `kind`, creating the entity if needed.
    pub fn add(&mut self, id: &str, kind: Kind, name: impl Into<Name>) -> Result<&mut Self> {
        self.add_checked(id, kind, name.into()).map_err(Error::Invalid)?;
        Ok(self)
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

    /// The gazetteer built so far.
    pub fn build(self) -> Gazetteer {
        self.gaz
    }

    /// Validates and adds; the error is a message without location.
    fn add_checked(&mut self, id: &str, kind: Kind, name: Name) -> std::result::Result<(), String> {
        let id = id.trim();
        if id.is_empty() {
            return Err("empty entity id".into());
        }
        if let Kind::Custom(k) = &kind {
            if k.trim().is_empty() {
                return Err(format!("empty kind for entity `{id}`"));
            }
        }
        let text = name.text();
        if text.is_empty() {
            return Err(format!("empty name for entity `{id}`"));
        }
        if text.len() > MAX_NAME_BYTES {
            return Err(format!(
                "name of {} bytes for entity `{id}` is longer than the limit of {MAX_NAME_BYTES} bytes",
                text.len()
            ));
        }
        if !text.chars().any(char::is_alphanumeric) {
            return Err(format!("name `{text}` for entity `{id}` has no letter or digit"));
        }
        if self.gaz.names_len >= MAX_NAMES {
            return Err(format!("more than {MAX_NAMES} names"));
        }
        if self.name_bytes + text.len() > MAX_TOTAL_NAME_BYTES {
            return Err(format!("names add up to more than {MAX_TOTAL_NAME_BYTES} bytes"));
        }
        let gaz = &mut self.gaz;
        let idx = match gaz.index.get(id) {
            Some(&i) => i,
            None => {
                let arc: Arc<str> = Arc::from(id);
                gaz.entities.push(Entity {
                    id: arc.clone(),
                    kind: kind.clone(),
                    names: Vec::new(),
                });
                gaz.index.insert(arc, gaz.entities.len() - 1);
                gaz.entities.len() - 1
            }
        };
        let Some(entity) = gaz.entities.get_mut(idx) else {
            return Err(format!("internal error: entity `{id}` lost"));
        };
        if entity.kind != kind {
            return Err(format!(
                "entity `{id}` has kind `{}` but was first given kind `{}`",
                kind, entity.kind
            ));
        }
        let key = {
            use std::hash::{Hash, Hasher};
            let mut h = std::hash::BuildHasher::build_hasher(&crate::hash::BuildFx);
            (idx, &name.text, name.langs, name.exact, name.stem).hash(&mut h);
            h.finish()
        };
        // A hash hit is confirmed against the entity's names; a miss is certainly new.
        if !self.seen.insert(key) && entity.names.contains(&name) {
            return Ok(());
        }
        self.name_bytes += name.text.len();
        entity.names.push(name);
        gaz.names_len += 1;
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
    pub fn add_tsv(&mut self, reader: impl BufRead, source_name: &str) -> Result<&mut Self> {
        for_each_line(reader, source_name, |line| {
            if line.trim().is_empty() || line.starts_with('#') {
                return Ok(());
            }
            let (id, kind, name) = parse_tsv_line(line)?;
            self.add_checked(id, kind, name)
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
    /// Blank lines are ignored; a malformed line is an error with its number.
    pub fn add_jsonl(&mut self, reader: impl BufRead, source_name: &str) -> Result<&mut Self> {
        for_each_line(reader, source_name, |line| {
            if line.trim().is_empty() {
                return Ok(());
            }
            let entity: Entity = serde_json::from_str(line).map_err(|e| format!("invalid entity: {e}"))?;
            if entity.names.is_empty() {
                return Err(format!("entity `{}` has no names", entity.id));
            }
            for name in entity.names {
                self.add_checked(&entity.id, entity.kind.clone(), name)?;
            }
            Ok(())
        })?;
        Ok(self)
    }
}

/// Calls `f` on every line of `reader` (UTF-8 checked, line end and first-line BOM removed);
/// an error from `f` or from decoding becomes an [`Error::Parse`] with the source and line.
fn for_each_line(
    mut reader: impl BufRead,
    source_name: &str,
    mut f: impl FnMut(&str) -> std::result::Result<(), String>,
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
        f(line).map_err(err)?;
    }
}

/// Splits one TSV data line into its parts.
fn parse_tsv_line(line: &str) -> std::result::Result<(&str, Kind, Name), String> {
    let mut cols = line.split('\t');
    let mut next = || cols.next();
    let parts = [next(), next(), next(), next(), next()];
    let extra = next().is_some();
    let n = parts.iter().filter(|p| p.is_some()).count();
    if n < 3 || extra {
        let found = if extra { line.split('\t').count() } else { n };
        return Err(format!(
            "expected 3 to 5 tab-separated columns (id, kind, name[, langs[, flags]]), found {found}"
        ));
    }
    let cols: [&str; 5] = parts.map(|p| p.unwrap_or(""));
    let has_langs = n >= 4;
    let has_flags = n >= 5;
    let id = cols[0].trim();
    if id.is_empty() {
        return Err("empty id".into());
    }
    let kind_s = cols[1].trim();
    if kind_s.is_empty() {
        return Err("empty kind".into());
    }
    let mut name = Name::new(cols[2]);
    if let Some(langs) = cols.get(3).filter(|_| has_langs) {
        let mut set = LangSet::default();
        for code in langs
            .split(',')
            .map(str::trim)
            .filter(|c| !c.is_empty() && *c != "*")
        {
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
        let meta = &g.get("Q2").unwrap().names()[0];
        assert!(meta.is_exact());
        assert_eq!(meta.language_list(), vec![Lang::French, Lang::Italian]);
    }

    #[test]
    fn tsv_errors_name_the_line() {
        let cases = [
            ("Q1\tperson\n", 1, "expected 3 to 5"),
            ("# x\nQ1\tperson\tA\tfr\texact\textra\n", 2, "found 6"),
            ("Q1\tperson\tA\txx\n", 1, "unknown language code `xx`"),
            ("Q1\tperson\tA\tfr\tloud\n", 1, "unknown flag `loud`"),
            ("Q1\tperson\t  \n", 1, "empty name"),
            ("Q1\tperson\t-- ...\n", 1, "no letter or digit"),
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

    #[test]
    fn jsonl_round_trip() {
        let src = "{\"id\":\"Q380\",\"kind\":\"organization\",\"names\":[\"Meta\",{\"text\":\"Facebook\",\"langs\":[\"fr\"],\"exact\":true}]}\n\n{\"id\":\"T1\",\"kind\":\"concept\",\"names\":[\"messages privés\"]}\n";
        let g = Gazetteer::from_jsonl_str(src).unwrap();
        assert_eq!(g.names_len(), 3);
        assert_eq!(g.get("T1").unwrap().kind(), &Kind::Custom(Arc::from("concept")));
        let again = Gazetteer::from_jsonl_str(&g.to_jsonl()).unwrap();
        assert_eq!(again.entities(), g.entities());
        let e = Gazetteer::from_jsonl_str("{\"id\":\"Q1\"}\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("<string>:1: invalid entity"), "{e}");
    }
}
