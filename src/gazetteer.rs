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
    /// Parses a kind: the seven built-in names (ASCII case-insensitive, `organisation`
    /// included) or a custom kind. Never fails; `str::parse` (`FromStr`) also refuses an
    /// empty kind.
    pub fn parse(s: &str) -> Kind {
        let s = s.trim();
        let builtin = [
            ("person", Kind::Person),
            ("organization", Kind::Organization),
            ("organisation", Kind::Organization),
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
            text: Box::from(text.trim()),
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
                    origin: Origin::CODE,
                })
            }
        }
    }
}

/// An entity: an id, a kind, its names, and the ids of related entities.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    #[serde(serialize_with = "ser_str", deserialize_with = "de_arc")]
    id: Arc<str>,
    kind: Kind,
    names: Vec<Name>,
    /// Related entity ids (JSON `"related"`), for one sense per document; boxed, so an
    /// entity without any pays one pointer (8 bytes, not a `Vec`'s 24).
    #[allow(clippy::box_collection)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    related: Option<Box<Vec<String>>>,
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

    /// The ids of related entities (JSON Lines `"related"`, or
    /// [`GazetteerBuilder::relate`]), in the order given: a mention of one of them tells one
    /// sense per document which entity a shared name means (see
    /// [`AnalyzerBuilder::context_resolution`](crate::AnalyzerBuilder::context_resolution)).
    pub fn related(&self) -> &[String] {
        self.related.as_deref().map_or(&[], Vec::as_slice)
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
#[derive(Clone, Default)]
pub struct Gazetteer {
    entities: Vec<Entity>,
    index: HashMap<Arc<str>, usize, crate::hash::BuildFx>,
    names_len: usize,
    /// The labels of the sources read (paths, `<string>`...), for warnings.
    sources: Vec<Arc<str>>,
    /// What loading found suspicious, at most [`MAX_WARNINGS`].
    warnings: Vec<Warning>,
    /// How many warnings loading found, kept or not.
    warnings_total: usize,
}

impl Gazetteer {
    /// Gives back the room that growing left in each entity's list of names (a list of one
    /// or two names otherwise keeps room for four: ~80 MB at a million names).
    fn shrink(&mut self) {
        for e in &mut self.entities {
            e.names.shrink_to_fit();
        }
        self.entities.shrink_to_fit();
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

    /// The position of entity `id` in [`Gazetteer::entities`].
    pub(crate) fn position(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// What loading found suspicious but not wrong enough to refuse, in the order found: a
    /// header line, a name that can never match, a duplicate line. See [`Warning`]; for the
    /// warnings that depend on an analyzer's languages too, use [`Gazetteer::check`].
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
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
        let mut out: Vec<(Origin, Warning)> = self.warnings.iter().map(|w| (w.origin, w.clone())).collect();
        let mut total = self.warnings_total;
        for e in &self.entities {
            for n in &e.names {
                if n.langs.is_any() || n.langs.intersects(allowed) {
                    continue;
                }
                total += 1;
                if out.len() < MAX_WARNINGS {
                    let langs: Vec<&str> = n.langs.iter().map(Lang::code).collect();
                    let w = self.warning(
                        n.origin,
                        WarningKind::LanguageNotAllowed,
                        format!(
                            "name `{}` of `{}` is limited to {}, which the analyzer does not allow: it can never match",
                            n.text,
                            e.id,
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

/// A summary, not the contents (a gazetteer may hold millions of names):
/// `Gazetteer { entities: 2, names: 3, sources: ["<string>"], warnings: 0 }`.
impl fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Gazetteer")
            .field("entities", &self.entities.len())
            .field("names", &self.names_len)
            .field("sources", &self.sources)
            .field("warnings", &self.warnings_total)
            .finish()
    }
}

impl fmt::Debug for GazetteerBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GazetteerBuilder")
            .field("entities", &self.gaz.entities.len())
            .field("names", &self.gaz.names_len)
            .field("sources", &self.gaz.sources)
            .field("warnings", &self.gaz.warnings_total)
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
        let mut name = name.into();
        name.origin = Origin::CODE;
        self.add_checked(id, kind, name).map_err(Error::Invalid)?;
        Ok(self)
    }

    /// What the names added so far gave rise to; see [`Gazetteer::warnings`].
    pub fn warnings(&self) -> &[Warning] {
        &self.gaz.warnings
    }

    /// Registers a source label for the names about to be read; returns its index.
    fn source(&mut self, label: &str) -> u32 {
        let sources = &mut self.gaz.sources;
        if let Some(i) = sources.iter().position(|s| &**s == label) {
            return i as u32;
        }
        sources.push(Arc::from(label));
        u32::try_from(sources.len() - 1).unwrap_or(u32::MAX - 1)
    }

    fn warn(&mut self, origin: Origin, kind: WarningKind, message: String) {
        self.gaz.warnings_total += 1;
        if self.gaz.warnings.len() < MAX_WARNINGS {
            let w = self.gaz.warning(origin, kind, message);
            self.gaz.warnings.push(w);
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
        let mut gaz = self.gaz.clone();
        gaz.shrink();
        gaz
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
                ));
            }
            self.warn(name.origin, WarningKind::NeverMatches, message);
            return Ok(());
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
                    related: None,
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
            (idx, &name.text).hash(&mut h);
            h.finish()
        };
        // A hash hit is confirmed against the entity's names; a miss is certainly new.
        if !self.seen.insert(key) {
            if let Some(first) = entity.names.iter().find(|n| n.text == name.text) {
                let same = *first == name;
                let at = match first.origin {
                    Origin::CODE => String::new(),
                    o if o.source == name.origin.source => format!(" (line {})", o.line),
                    o => format!(
                        " ({}:{})",
                        gaz.sources.get(o.source as usize).map_or("?", |s| &**s),
                        o.line
                    ),
                };
                let (message, skip) = if same {
                    (
                        format!("duplicate of name `{}` of `{id}`{at}; skipped", name.text),
                        true,
                    )
                } else {
                    (
                        format!(
                            "name `{}` of `{id}` given again{at} with other options; both kept",
                            name.text
                        ),
                        false,
                    )
                };
                self.warn(name.origin, WarningKind::Duplicate, message);
                if skip {
                    return Ok(());
                }
            }
        }
        let gaz = &mut self.gaz;
        let Some(entity) = gaz.entities.get_mut(idx) else {
            return Err(format!("internal error: entity `{id}` lost"));
        };
        self.name_bytes += name.text.len();
        // Grow by half, not double from four: most entities have one or two names.
        if entity.names.len() == entity.names.capacity() {
            entity.names.reserve_exact((entity.names.len() / 2).max(1));
        }
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
            let entity: Entity = serde_json::from_str(line).map_err(|e| format!("invalid entity: {e}"))?;
            if entity.names.is_empty() {
                return Err(format!("entity `{}` has no names", entity.id));
            }
            for mut name in entity.names {
                name.origin = origin;
                self.add_checked(&entity.id, entity.kind.clone(), name)?;
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
        let Some(entity) = self.gaz.index.get(id).and_then(|&i| self.gaz.entities.get_mut(i)) else {
            return Err(format!("no entity `{id}` to relate"));
        };
        for r in related {
            let r = r.trim();
            if r.is_empty() || r == id || entity.related().iter().any(|x| x == r) {
                continue;
            }
            entity
                .related
                .get_or_insert_with(Default::default)
                .push(r.to_string());
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
        let mut b = GazetteerBuilder {
            gaz,
            name_bytes: 0,
            seen: Default::default(),
        };
        b.reindex();
        b
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
    /// assert_eq!(gaz.get("Q918").unwrap().names()[0].text(), "X");
    /// # Ok::<(), nomina::Error>(())
    /// ```
    pub fn remove(&mut self, id: &str) -> bool {
        let before = self.gaz.entities.len();
        self.retain(|e| e.id() != id.trim());
        self.gaz.entities.len() != before
    }

    /// Keeps only the entities for which `keep` returns true, in their order. O(entities +
    /// names).
    pub fn retain(&mut self, mut keep: impl FnMut(&Entity) -> bool) -> &mut Self {
        let before = self.gaz.entities.len();
        self.gaz.entities.retain(|e| keep(e));
        if self.gaz.entities.len() != before {
            self.reindex();
        }
        self
    }

    /// Rebuilds the id index, the counts and the duplicate check from the entities.
    fn reindex(&mut self) {
        use std::hash::BuildHasher;
        let gaz = &mut self.gaz;
        gaz.index.clear();
        self.seen.clear();
        gaz.names_len = 0;
        self.name_bytes = 0;
        for (idx, e) in gaz.entities.iter().enumerate() {
            gaz.index.insert(e.id.clone(), idx);
            for name in &e.names {
                self.seen.insert(crate::hash::BuildFx.hash_one((idx, &name.text)));
                gaz.names_len += 1;
                self.name_bytes += name.text.len();
            }
        }
    }
}

impl From<GazetteerBuilder> for Gazetteer {
    /// The gazetteer built so far, without a copy.
    fn from(b: GazetteerBuilder) -> Gazetteer {
        let mut gaz = b.gaz;
        gaz.shrink();
        gaz
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
