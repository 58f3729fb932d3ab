//! One analysed document, owned and with offsets in code points (Python string indices).
//!
//! The analysis of a text borrows it; a Python document must outlive it, so the results are
//! copied into one string arena per document. Byte offsets become code point offsets in one
//! forward pass over the text: sentences and mentions are sorted by position.

use std::ops::Range;

use nomina::{Analyzer, CharOffsets, Lang, MatchKind};
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

/// A sentence, offsets in code points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct SentenceData {
    pub start: usize,
    pub end: usize,
    pub language: Option<Lang>,
}

/// A mention, offsets in code points; its strings are ranges of the document's arena.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct MentionData {
    pub id: Range<usize>,
    pub kind: Range<usize>,
    pub text: Range<usize>,
    pub name: Range<usize>,
    pub start: usize,
    pub end: usize,
    pub sentence: usize,
    pub how: MatchKind,
    /// One sense per document chose the first candidate.
    pub resolved_by_context: bool,
    /// Index range into [`DocData::candidates`].
    pub candidates: Range<usize>,
}

/// The owned analysis of one document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct DocData {
    pub language: Option<Lang>,
    pub sentences: Vec<SentenceData>,
    pub mentions: Vec<MentionData>,
    /// Every string of the mentions, one after the other.
    pub strings: String,
    /// Candidate ids, as ranges of `strings`.
    pub candidates: Vec<Range<usize>>,
}

impl DocData {
    pub fn str(&self, r: &Range<usize>) -> &str {
        self.strings.get(r.clone()).unwrap_or_default()
    }

    fn push_str(&mut self, s: &str) -> Range<usize> {
        let start = self.strings.len();
        self.strings.push_str(s);
        start..self.strings.len()
    }

    /// The candidate ids of mention `m`.
    pub fn candidate_ids<'a>(&'a self, m: &'a MentionData) -> impl ExactSizeIterator<Item = &'a str> + 'a {
        self.candidates
            .get(m.candidates.clone())
            .unwrap_or_default()
            .iter()
            .map(|r| self.str(r))
    }
}

/// Analyses `text` and converts the result.
pub(crate) fn analyze(analyzer: &Analyzer, text: &str) -> DocData {
    let analysis = analyzer.analyze(text);
    let mut doc = DocData {
        language: analysis.language(),
        sentences: Vec::with_capacity(analysis.sentences().len()),
        mentions: Vec::with_capacity(analysis.mentions().len()),
        strings: String::new(),
        candidates: Vec::new(),
    };
    let mut cursor = CharOffsets::new(text);
    let mut mentions = analysis.mentions().iter().peekable();
    for s in analysis.sentences() {
        let start = cursor.at(s.start());
        // The mentions of this sentence (they never cross it), in order.
        while let Some(m) = mentions.next_if(|m| m.start() < s.end()) {
            push_mention(&mut doc, &mut cursor, m);
        }
        let end = cursor.at(s.end());
        doc.sentences.push(SentenceData {
            start,
            end,
            language: s.language(),
        });
    }
    for m in mentions {
        push_mention(&mut doc, &mut cursor, m);
    }
    doc
}

fn push_mention(doc: &mut DocData, cursor: &mut CharOffsets<'_>, m: &nomina::Mention<'_, '_>) {
    let start = cursor.at(m.start());
    let end = cursor.at(m.end());
    let id = doc.push_str(m.id());
    let kind = doc.push_str(m.kind().as_str());
    let text = doc.push_str(m.text());
    let name = doc.push_str(m.name());
    let first = doc.candidates.len();
    for (i, c) in m.candidates().enumerate() {
        let r = if i == 0 && c.id() == m.id() {
            id.clone()
        } else {
            doc.push_str(c.id())
        };
        doc.candidates.push(r);
    }
    let candidates = first..doc.candidates.len();
    doc.mentions.push(MentionData {
        id,
        kind,
        text,
        name,
        start,
        end,
        sentence: m.sentence(),
        how: m.match_kind(),
        resolved_by_context: m.resolved_by_context(),
        candidates,
    });
}

/// Serialises a document as the annotate example does (without its `doc` key), offsets in
/// code points.
pub(crate) struct DocJson<'a>(pub &'a DocData);

impl Serialize for DocJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let d = self.0;
        let mut map = s.serialize_map(Some(3))?;
        map.serialize_entry("language", &d.language.map(Lang::code))?;
        map.serialize_entry("sentences", &Sentences(d))?;
        map.serialize_entry("mentions", &Mentions(d))?;
        map.end()
    }
}

struct Sentences<'a>(&'a DocData);

impl Serialize for Sentences<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.sentences.len()))?;
        for x in &self.0.sentences {
            seq.serialize_element(&SentenceJson {
                start: x.start,
                end: x.end,
                language: x.language.map(Lang::code),
            })?;
        }
        seq.end()
    }
}

#[derive(Serialize)]
struct SentenceJson {
    start: usize,
    end: usize,
    language: Option<&'static str>,
}

struct Mentions<'a>(&'a DocData);

impl Serialize for Mentions<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let d = self.0;
        let mut seq = s.serialize_seq(Some(d.mentions.len()))?;
        for m in &d.mentions {
            seq.serialize_element(&MentionJson {
                id: d.str(&m.id),
                candidates: d.candidate_ids(m).collect(),
                kind: d.str(&m.kind),
                start: m.start,
                end: m.end,
                text: d.str(&m.text),
                name: d.str(&m.name),
                sentence: m.sentence,
                how: m.how.as_str(),
                resolved_by_context: m.resolved_by_context,
            })?;
        }
        seq.end()
    }
}

/// The annotate example's mention keys, in its order.
#[derive(Serialize)]
struct MentionJson<'a> {
    id: &'a str,
    candidates: Vec<&'a str>,
    kind: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    name: &'a str,
    sentence: usize,
    #[serde(rename = "match")]
    how: &'static str,
    #[serde(skip_serializing_if = "is_false")]
    resolved_by_context: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}
