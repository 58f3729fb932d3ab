//! The typed mention: what the analyzer found, where, and how.

use std::sync::Arc;

use serde::{Deserialize, Serialize, Serializer};

use crate::gazetteer::Kind;

/// One entity a mention may refer to: its id and kind.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Candidate {
    id: Arc<str>,
    kind: Kind,
}

impl Candidate {
    pub(crate) fn new(id: Arc<str>, kind: Kind) -> Candidate {
        Candidate { id, kind }
    }

    /// The entity id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The entity kind.
    pub fn kind(&self) -> &Kind {
        &self.kind
    }
}

/// A mention of a gazetteer entity in the analysed text.
///
/// It borrows only the text, so it outlives the analyzer that produced it. `start..end` is a
/// byte span of the ORIGINAL input, on char boundaries, and `&input[start..end] == text()`.
///
/// A mention may have several candidates when a name is shared by several entities (`Amazon`,
/// the company and the river): [`Mention::candidates`] lists them in gazetteer order, and
/// [`Mention::id`] and [`Mention::kind`] are those of the first.
///
/// Serialised (serde) as
/// `{"id":"Q380","candidates":["Q380"],"kind":"organization","start":10,"end":14,"text":"Meta","name":"Meta","sentence":0,"match":"exact"}`;
/// [`MentionRecord`] is the owned form that also deserialises.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention<'t> {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) text: &'t str,
    pub(crate) sentence: usize,
    pub(crate) name: Arc<str>,
    /// The first candidate.
    pub(crate) first: Candidate,
    /// Every candidate when there are several (the first included), shared between mentions.
    pub(crate) all: Option<Arc<[Candidate]>>,
    /// How the surface matched the name.
    pub(crate) how: MatchKind,
}

/// How a mention matched its name, from the most to the least precise; the order is
/// meaningful (`m.match_kind() <= MatchKind::Case` keeps exact, elided and case-folded matches).
///
/// Serialised as `"exact"`, `"elision"`, `"case"`, `"accent"`, `"stem"`.
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
    /// Inflection-tolerant: every word has the same stem as the name's (`messaggi privati` for
    /// `messaggio privato`). The least precise tier.
    Stem,
}

impl MatchKind {
    /// The name used in JSON: `exact`, `elision`, `case`, `accent` or `stem`.
    pub fn as_str(self) -> &'static str {
        match self {
            MatchKind::Exact => "exact",
            MatchKind::Elision => "elision",
            MatchKind::Case => "case",
            MatchKind::Accent => "accent",
            MatchKind::Stem => "stem",
        }
    }
}

impl<'t> Mention<'t> {
    /// The id of the first candidate entity.
    pub fn id(&self) -> &str {
        self.first().id()
    }

    /// The kind of the first candidate entity.
    pub fn kind(&self) -> &Kind {
        self.first().kind()
    }

    fn first(&self) -> &Candidate {
        &self.first
    }

    /// Every entity this mention may refer to, in gazetteer order (never empty).
    pub fn candidates(&self) -> &[Candidate] {
        match &self.all {
            Some(all) => all,
            None => std::slice::from_ref(&self.first),
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

    /// The surface text: exactly `&input[start..end]`.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// The gazetteer name that matched, as written in the gazetteer.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The index of the sentence that holds the mention.
    pub fn sentence(&self) -> usize {
        self.sentence
    }

    /// How the mention matched its name (exact, elision, case, accent, stem).
    pub fn match_kind(&self) -> MatchKind {
        self.how
    }

    /// The owned, deserialisable form.
    pub fn to_record(&self) -> MentionRecord {
        MentionRecord {
            id: self.id().to_string(),
            candidates: self.candidates().iter().map(|c| c.id().to_string()).collect(),
            kind: self.kind().clone(),
            start: self.start,
            end: self.end,
            text: self.text.to_string(),
            name: self.name.to_string(),
            sentence: self.sentence,
            how: self.how,
        }
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
}

impl Serialize for Mention<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        MentionView {
            id: self.id(),
            candidates: self.candidates().iter().map(|c| c.id()).collect(),
            kind: self.kind(),
            start: self.start,
            end: self.end,
            text: self.text,
            name: &self.name,
            sentence: self.sentence,
            how: self.how,
        }
        .serialize(s)
    }
}

/// The owned form of a [`Mention`], with the same JSON shape; it derives `Deserialize`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentionRecord {
    /// The id of the first candidate.
    pub id: String,
    /// Every candidate entity id, in gazetteer order.
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
}
