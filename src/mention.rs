//! The typed mention: what the analyzer found, where, and how.

use std::sync::Arc;

use serde::{Deserialize, Serialize, Serializer};

pub(crate) use crate::gazetteer::Catalog;
use crate::gazetteer::Kind;

/// One entity a mention may refer to: its id and kind, borrowed from the analyzer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Candidate<'a> {
    id: &'a str,
    kind: &'a Kind,
}

impl<'a> Candidate<'a> {
    /// The entity id.
    pub fn id(&self) -> &'a str {
        self.id
    }

    /// The entity kind.
    pub fn kind(&self) -> &'a Kind {
        self.kind
    }
}

/// The candidates of a mention, from [`Mention::candidates`]. Each lives as long as the
/// analyzer, not just the mention.
#[derive(Clone, Debug)]
pub struct Candidates<'a> {
    catalog: &'a Catalog,
    first: Option<u32>,
    all: Shared<'a>,
    next: usize,
}

/// The candidate list of a mention with several candidates: none (one candidate), the
/// analyzer's precomputed list of every entity of the name (borrowed: no reference count
/// touched, so threads sharing an analyzer never write to a shared cache line), or the
/// entities that passed the sentence's checks when only some did (allocated).
#[derive(Clone, Debug)]
pub(crate) enum Shared<'a> {
    One,
    All(&'a [u32]),
    Some(Arc<[u32]>),
    /// The candidates reordered by one sense per document: the entity the document speaks of
    /// first (allocated; the mention was resolved by context).
    Resolved(Arc<[u32]>),
}

impl Shared<'_> {
    fn get(&self) -> Option<&[u32]> {
        match self {
            Shared::One => None,
            Shared::All(l) => Some(l),
            Shared::Some(l) | Shared::Resolved(l) => Some(l),
        }
    }
}

impl<'a> Iterator for Candidates<'a> {
    type Item = Candidate<'a>;
    fn next(&mut self) -> Option<Candidate<'a>> {
        let e = match self.first.take() {
            Some(e) => e,
            None => {
                let e = *self.all.get()?.get(self.next)?;
                self.next += 1;
                e
            }
        };
        Some(Candidate {
            id: self.catalog.id(e),
            kind: self.catalog.kind(e),
        })
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        let rest = self.all.get().map_or(0, |a| a.len().saturating_sub(self.next));
        let n = rest + usize::from(self.first.is_some());
        (n, Some(n))
    }
}

impl ExactSizeIterator for Candidates<'_> {}

/// A mention of a gazetteer entity in the analysed text.
///
/// `Mention<'a, 't>` borrows the analyzer that found it (`'a`) and the text it was found in
/// (`'t`), and what it returns lives as long as those, not just as long as the mention:
/// [`id`](Mention::id), [`kind`](Mention::kind), [`name`](Mention::name) and
/// [`candidates`](Mention::candidates) as long as the analyzer, [`text`](Mention::text) as
/// long as the text. Iterator chains such as `analyzer.mentions(text).map(|m| m.id())` work,
/// and ids collected over many documents outlive each document's text. To keep a mention longer than its analyzer
/// or text (send it to another thread, store it, read it back), turn it into its owned form,
/// [`MentionRecord`] (`m.to_record()` or `MentionRecord::from(&m)`).
///
/// `start..end` is a byte span of the ORIGINAL input, on char boundaries, and
/// `&input[start..end] == text()`; [`char_span`](Mention::char_span) gives the same span in
/// characters (Unicode scalar values, as Python's `str` indexes).
///
/// A mention may have several candidates when a name is shared by several entities (`Amazon`,
/// the company and the river): [`Mention::candidates`] lists them in gazetteer order, and
/// [`Mention::id`] and [`Mention::kind`] are those of the first.
///
/// ```
/// use nomina::{Analyzer, Gazetteer};
/// let gaz = Gazetteer::from_tsv_str("Q458\torganization\tUnione europea\nQ380\torganization\tMeta\n")?;
/// let analyzer = Analyzer::new(&gaz)?;
/// let text = "Secondo l’Unione europea, Meta deve pagare.";
/// // The ids outlive each mention: they borrow the analyzer, not the mention.
/// let ids: Vec<&str> = analyzer.mentions(text).map(|m| m.id()).collect();
/// assert_eq!(ids, ["Q458", "Q380"]);
/// # Ok::<(), nomina::Error>(())
/// ```
///
/// Serialised (serde) as
/// `{"id":"Q380","candidates":["Q380"],"kind":"organization","start":10,"end":14,"text":"Meta","name":"Meta","sentence":0,"match":"exact"}`;
/// [`MentionRecord`] is the owned form that also deserialises.
#[derive(Clone)]
pub struct Mention<'a, 't> {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// The whole input (the surface is `input[start..end]`), for `text` and `char_span`.
    pub(crate) input: &'t str,
    pub(crate) sentence: usize,
    /// The analyzer's catalog of ids, kinds and names.
    pub(crate) catalog: &'a Catalog,
    /// The name that matched, in the catalog.
    pub(crate) name: u32,
    /// The first candidate entity.
    pub(crate) first: u32,
    /// Every candidate entity when there are several (the first included), shared.
    pub(crate) all: Shared<'a>,
    /// How the surface matched the name.
    pub(crate) how: MatchKind,
}

/// How a mention matched its name, from the most to the least precise; the order is
/// meaningful (`m.match_kind() <= MatchKind::Case` keeps exact, elided and case-folded matches).
///
/// Serialised as `"exact"`, `"elision"`, `"case"`, `"accent"`, `"short-form"`, `"stem"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum MatchKind {
    /// The surface is the name as written, up to typographic variants (apostrophes, quotes,
    /// dashes, white space) and Unicode normalisation form: `Meta` for `Meta`.
    Exact,
    /// As `Exact`, right after an elided word: `Amazon` in `d’Amazon`, `Unione europea` in
    /// `dell’Unione europea`.
    Elision,
    /// The surface differs from the name in case only: `META` for `Meta`.
    Case,
    /// The surface differs in accents, ligatures or other folding (and maybe case):
    /// `Union europeenne` for `Union européenne`, `Coeur` for `Cœur`.
    Accent,
    /// A short form of a full name found earlier in the same document (`Hastings` after
    /// `Reed Hastings`), when short forms are enabled
    /// ([`AnalyzerBuilder::short_forms`](crate::AnalyzerBuilder::short_forms)). Less precise
    /// than a gazetteer name: the word alone is not in the gazetteer.
    #[serde(rename = "short-form")]
    ShortForm,
    /// Inflection-tolerant: every word has the same stem as the name's (`messaggi privati` for
    /// `messaggio privato`). The least precise tier.
    Stem,
}

impl MatchKind {
    /// The name used in JSON: `exact`, `elision`, `case`, `accent`, `short-form` or `stem`.
    pub fn as_str(self) -> &'static str {
        match self {
            MatchKind::Exact => "exact",
            MatchKind::Elision => "elision",
            MatchKind::Case => "case",
            MatchKind::Accent => "accent",
            MatchKind::ShortForm => "short-form",
            MatchKind::Stem => "stem",
        }
    }
}

impl std::fmt::Display for MatchKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for MatchKind {
    type Err = crate::error::Error;
    /// Parses the JSON name: `exact`, `elision`, `case`, `accent`, `short-form` or `stem`.
    ///
    /// ```
    /// use nomina::MatchKind;
    /// assert_eq!("case".parse::<MatchKind>()?, MatchKind::Case);
    /// assert_eq!(MatchKind::Elision.to_string(), "elision");
    /// assert!("fuzzy".parse::<MatchKind>().is_err());
    /// # Ok::<(), nomina::Error>(())
    /// ```
    fn from_str(s: &str) -> crate::error::Result<MatchKind> {
        [
            MatchKind::Exact,
            MatchKind::Elision,
            MatchKind::Case,
            MatchKind::Accent,
            MatchKind::ShortForm,
            MatchKind::Stem,
        ]
        .into_iter()
        .find(|k| k.as_str() == s.trim())
        .ok_or_else(|| {
            crate::error::Error::Option(format!(
                "unknown match kind `{s}` (expected exact, elision, case, accent, short-form or stem)"
            ))
        })
    }
}

impl<'a, 't> Mention<'a, 't> {
    /// The id of the first candidate entity.
    pub fn id(&self) -> &'a str {
        self.catalog.id(self.first)
    }

    /// The kind of the first candidate entity.
    pub fn kind(&self) -> &'a Kind {
        self.catalog.kind(self.first)
    }

    /// Every entity this mention may refer to (never empty): in gazetteer order, or, when the
    /// mention was [resolved by context](Mention::resolved_by_context), the entity the
    /// document speaks of first and the others in gazetteer order.
    ///
    /// ```
    /// use nomina::{Analyzer, Gazetteer, Kind};
    /// let gaz = Gazetteer::from_tsv_str("Q3884\torganization\tAmazon\nQ3783\tlocation\tAmazon\n")?;
    /// let analyzer = Analyzer::new(&gaz)?;
    /// let analysis = analyzer.analyze("Amazon a racheté une start-up de Turin.");
    /// let kinds: Vec<&Kind> = analysis.mentions()[0].candidates().map(|c| c.kind()).collect();
    /// assert_eq!(kinds, [&Kind::Organization, &Kind::Location]);
    /// # Ok::<(), nomina::Error>(())
    /// ```
    pub fn candidates(&self) -> Candidates<'a> {
        match &self.all {
            Shared::One => Candidates {
                catalog: self.catalog,
                first: Some(self.first),
                all: Shared::One,
                next: 0,
            },
            all => Candidates {
                catalog: self.catalog,
                first: None,
                all: all.clone(),
                next: 0,
            },
        }
    }

    /// Byte offset where the mention starts in the original input.
    pub fn start(&self) -> usize {
        self.start
    }

    /// Byte offset just past the mention's end in the original input.
    pub fn end(&self) -> usize {
        self.end
    }

    /// The byte span `start..end` in the original input.
    pub fn span(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// The span in characters (Unicode scalar values) of the original input: the indices a
    /// Python `str`, a Java code-point count or `text.chars()` would use.
    ///
    /// Computed when asked, by counting the characters of the input up to the mention (the
    /// analysis itself never does it). To convert every span of a long document at once, use
    /// [`Analysis::to_record_with`](crate::Analysis::to_record_with)`(Offsets::Chars)`, which
    /// walks the text once.
    ///
    /// ```
    /// use nomina::{Analyzer, Gazetteer};
    /// let gaz = Gazetteer::from_tsv_str("Q142\tlocation\tFrance\n")?;
    /// let analyzer = Analyzer::new(&gaz)?;
    /// let text = "« Où va l’économie ? », demande la France.";
    /// let m = analyzer.analyze(text).mentions()[0].clone();
    /// assert_eq!(m.span(), 41..47);      // bytes: «, ù, ’, é, » take two or three each
    /// assert_eq!(m.char_span(), 35..41); // characters
    /// assert_eq!(text.chars().skip(35).take(6).collect::<String>(), "France");
    /// # Ok::<(), nomina::Error>(())
    /// ```
    pub fn char_span(&self) -> std::ops::Range<usize> {
        let bytes = self.input.as_bytes();
        let start = count_chars(bytes.get(..self.start).unwrap_or(&[]));
        start..start + count_chars(self.text().as_bytes())
    }

    /// The surface text: exactly `&input[start..end]`.
    pub fn text(&self) -> &'t str {
        self.input.get(self.start..self.end).unwrap_or("")
    }

    /// The gazetteer name that matched, as written in the gazetteer.
    pub fn name(&self) -> &'a str {
        self.catalog.name(self.name)
    }

    /// The index of the sentence that holds the mention.
    pub fn sentence(&self) -> usize {
        self.sentence
    }

    /// How the mention matched its name (exact, elision, case, accent, short form, stem).
    pub fn match_kind(&self) -> MatchKind {
        self.how
    }

    /// True if the mention's name is shared by several entities and one sense per document
    /// chose among them: one candidate (and only one) is also named unambiguously in the
    /// document, or is `related` to an entity that is, and it was moved first. See
    /// [`AnalyzerBuilder::context_resolution`](crate::AnalyzerBuilder::context_resolution).
    pub fn resolved_by_context(&self) -> bool {
        matches!(self.all, Shared::Resolved(_))
    }

    /// The candidate entities' indices, first candidate first.
    pub(crate) fn entities(&self) -> &[u32] {
        match self.all.get() {
            Some(all) => all,
            None => std::slice::from_ref(&self.first),
        }
    }

    /// The owned, deserialisable form (byte offsets); the same as `MentionRecord::from(self)`.
    pub fn to_record(&self) -> MentionRecord {
        MentionRecord::from(self)
    }
}

/// The number of chars in UTF-8 bytes: every byte but continuation bytes (`10xxxxxx`).
pub(crate) fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

impl From<&Mention<'_, '_>> for MentionRecord {
    fn from(m: &Mention<'_, '_>) -> MentionRecord {
        MentionRecord {
            id: m.id().to_string(),
            candidates: m.candidates().map(|c| c.id().to_string()).collect(),
            kind: m.kind().clone(),
            start: m.start,
            end: m.end,
            text: m.text().to_string(),
            name: m.name().to_string(),
            sentence: m.sentence,
            how: m.how,
            resolved_by_context: m.resolved_by_context(),
        }
    }
}

impl From<Mention<'_, '_>> for MentionRecord {
    fn from(m: Mention<'_, '_>) -> MentionRecord {
        MentionRecord::from(&m)
    }
}

impl PartialEq for Mention<'_, '_> {
    fn eq(&self, other: &Self) -> bool {
        self.start == other.start
            && self.end == other.end
            && self.text() == other.text()
            && self.sentence == other.sentence
            && self.how == other.how
            && self.resolved_by_context() == other.resolved_by_context()
            && self.name() == other.name()
            && self.candidates().eq(other.candidates())
    }
}

impl Eq for Mention<'_, '_> {}

impl std::fmt::Debug for Mention<'_, '_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mention")
            .field("id", &self.id())
            .field(
                "candidates",
                &self.candidates().map(|c| c.id()).collect::<Vec<_>>(),
            )
            .field("kind", self.kind())
            .field("span", &self.span())
            .field("text", &self.text())
            .field("name", &self.name())
            .field("sentence", &self.sentence)
            .field("match", &self.how)
            .field("resolved_by_context", &self.resolved_by_context())
            .finish()
    }
}

/// Borrowed view used to serialise a [`Mention`] without copying.
#[derive(Serialize)]
struct MentionView<'a> {
    id: &'a str,
    candidates: Vec<&'a str>,
    kind: &'a Kind,
    start: usize,
    end: usize,
    text: &'a str,
    name: &'a str,
    sentence: usize,
    #[serde(rename = "match")]
    how: MatchKind,
    #[serde(skip_serializing_if = "is_false")]
    resolved_by_context: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Serialize for Mention<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        MentionView {
            id: self.id(),
            candidates: self.candidates().map(|c| c.id()).collect(),
            kind: self.kind(),
            start: self.start,
            end: self.end,
            text: self.text(),
            name: self.name(),
            sentence: self.sentence,
            how: self.how,
            resolved_by_context: self.resolved_by_context(),
        }
        .serialize(s)
    }
}

/// The owned form of a [`Mention`], with the same JSON shape; it derives `Deserialize`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentionRecord {
    /// The id of the first candidate.
    pub id: String,
    /// Every candidate entity id, in gazetteer order (the chosen one first when resolved by
    /// context).
    pub candidates: Vec<String>,
    /// The kind of the first candidate.
    pub kind: Kind,
    /// Byte offset of the start in the original input.
    pub start: usize,
    /// Byte offset just past the end in the original input.
    pub end: usize,
    /// The surface text.
    pub text: String,
    /// The gazetteer name that matched.
    pub name: String,
    /// The index of the sentence that holds the mention.
    pub sentence: usize,
    /// How the mention matched its name.
    #[serde(rename = "match")]
    pub how: MatchKind,
    /// True if one sense per document chose the first candidate
    /// ([`Mention::resolved_by_context`]). In JSON `"resolved_by_context":true`, written only
    /// when true (absent reads as false).
    #[serde(default, skip_serializing_if = "is_false")]
    pub resolved_by_context: bool,
}
