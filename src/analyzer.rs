//! The pipeline: detect languages, split sentences, fold, match, map back.

use std::ops::Range;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::gazetteer::Gazetteer;
use crate::lang::{Lang, LangDetector};
use crate::matcher::{Matcher, Scratch, Segment};
use crate::mention::Mention;
use crate::normalize::Folded;
use crate::segment;

/// The languages detected when none are chosen: French, Italian, English.
pub const DEFAULT_LANGUAGES: [Lang; 3] = [Lang::French, Lang::Italian, Lang::English];

/// Finds gazetteer entities in text.
///
/// Built once from a [`Gazetteer`]; cheap to clone (the compiled state is shared), `Send` and
/// `Sync`, so one analyzer serves every thread.
///
/// ```
/// use nomina::{Analyzer, Gazetteer, Lang};
/// let gaz = Gazetteer::from_tsv_str("Q380\torganization\tMeta\nQ907112\torganization\tNetflix\n")?;
/// let analyzer = Analyzer::new(&gaz)?;
/// let text = "Selon la plainte, Meta aurait donné à Netflix l’accès aux messages privés.";
/// let analysis = analyzer.analyze(text);
/// assert_eq!(analysis.language(), Some(Lang::French));
/// let found: Vec<_> = analysis.mentions().iter().map(|m| (m.id(), m.start(), m.end())).collect();
/// assert_eq!(found, [("Q380", 18, 22), ("Q907112", 40, 47)]);
/// # Ok::<(), nomina::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Analyzer {
    inner: Arc<Inner>,
}

struct Inner {
    matcher: Matcher,
    detector: LangDetector,
    names_len: usize,
}

impl std::fmt::Debug for Inner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyzer")
            .field("languages", &self.detector.allowlist())
            .field("names", &self.names_len)
            .field("patterns", &self.matcher.patterns_len())
            .finish()
    }
}

/// Options for an [`Analyzer`]; see [`Analyzer::builder`].
#[derive(Debug, Clone)]
pub struct AnalyzerBuilder<'g> {
    gazetteer: &'g Gazetteer,
    languages: Vec<Lang>,
}

impl<'g> AnalyzerBuilder<'g> {
    /// The languages that documents and sentences may be detected as (default: fr, it, en).
    /// Any language of [`Lang::all`] may be allowed.
    pub fn languages(mut self, langs: impl IntoIterator<Item = Lang>) -> Self {
        self.languages = langs.into_iter().collect();
        self
    }

    /// Compiles the gazetteer. Fails if no language is allowed or the automaton cannot be built.
    pub fn build(self) -> Result<Analyzer> {
        let mut langs = self.languages;
        let mut seen = Vec::new();
        langs.retain(|l| {
            let new = !seen.contains(l);
            seen.push(*l);
            new
        });
        if langs.is_empty() {
            return Err(Error::Option("the language allowlist is empty".into()));
        }
        let matcher = Matcher::new(self.gazetteer)?;
        Ok(Analyzer {
            inner: Arc::new(Inner {
                matcher,
                detector: LangDetector::new(&langs),
                names_len: self.gazetteer.names_len(),
            }),
        })
    }
}

impl Analyzer {
    /// An analyzer with the default options.
    pub fn new(gazetteer: &Gazetteer) -> Result<Analyzer> {
        Analyzer::builder(gazetteer).build()
    }

    /// A builder to choose options.
    pub fn builder(gazetteer: &Gazetteer) -> AnalyzerBuilder<'_> {
        AnalyzerBuilder {
            gazetteer,
            languages: DEFAULT_LANGUAGES.to_vec(),
        }
    }

    /// The allowed languages.
    pub fn languages(&self) -> &[Lang] {
        self.inner.detector.allowlist()
    }

    /// Heap memory used by the automaton, in bytes.
    pub fn automaton_memory(&self) -> usize {
        self.inner.matcher.automaton_memory()
    }

    /// The number of distinct folded names in the automaton.
    pub fn patterns_len(&self) -> usize {
        self.inner.matcher.patterns_len()
    }

    /// The number of gazetteer names compiled.
    pub fn names_len(&self) -> usize {
        self.inner.names_len
    }

    /// Analyses a text: document language, sentences with their languages, and mentions.
    /// Never fails: empty or odd text gives an empty result.
    pub fn analyze<'t>(&self, text: &'t str) -> Analysis<'t> {
        let mut it = self.mentions(text);
        let mut mentions = Vec::new();
        for m in it.by_ref() {
            mentions.push(m);
        }
        let sentences = it
            .sentences
            .iter()
            .zip(&it.langs)
            .map(|(r, &language)| Sentence {
                start: r.start,
                end: r.end,
                language,
            })
            .collect();
        Analysis {
            language: it.doc_lang,
            sentences,
            mentions,
        }
    }

    /// The mentions of a text, one sentence at a time, without collecting them all.
    /// Languages and sentence bounds are computed first; folding and matching are lazy.
    pub fn mentions<'a, 't>(&'a self, text: &'t str) -> Mentions<'a, 't> {
        let mut sentences = Vec::new();
        segment::split_sentences(text, &mut sentences);
        let mut langs = Vec::new();
        let doc_lang = self.inner.detector.detect(text, &sentences, &mut langs);
        Mentions {
            analyzer: self,
            text,
            sentences,
            langs,
            doc_lang,
            next_sentence: 0,
            folded: Folded::new(),
            scratch: Scratch::default(),
            buf: Vec::new(),
            pos: 0,
        }
    }

    /// The matching stage alone: the whole text as one segment, no language detection and no
    /// sentences. Names limited to languages match as if their language were detected; every
    /// mention reports sentence 0. Use it to measure or when sentences are not wanted.
    pub fn find<'t>(&self, text: &'t str) -> Vec<Mention<'t>> {
        let mut folded = Folded::new();
        let range = folded.push(text, 0..text.len());
        let seg = Segment {
            folded: range,
            original: 0..text.len(),
            lang: None,
            check_langs: false,
            index: 0,
        };
        let mut out = Vec::new();
        self.inner
            .matcher
            .find(text, &folded, &seg, &mut Scratch::default(), &mut out);
        out
    }
}

/// Iterator over the mentions of a text, from [`Analyzer::mentions`].
#[derive(Debug)]
pub struct Mentions<'a, 't> {
    analyzer: &'a Analyzer,
    text: &'t str,
    sentences: Vec<Range<usize>>,
    langs: Vec<Option<Lang>>,
    doc_lang: Option<Lang>,
    next_sentence: usize,
    folded: Folded,
    scratch: Scratch,
    buf: Vec<Mention<'t>>,
    pos: usize,
}

impl<'t> Mentions<'_, 't> {
    /// The document language.
    pub fn language(&self) -> Option<Lang> {
        self.doc_lang
    }
}

impl<'t> Iterator for Mentions<'_, 't> {
    type Item = Mention<'t>;

    fn next(&mut self) -> Option<Mention<'t>> {
        loop {
            if self.pos < self.buf.len() {
                let m = self.buf.get(self.pos).cloned();
                self.pos += 1;
                return m;
            }
            let range = self.sentences.get(self.next_sentence)?.clone();
            let lang = self.langs.get(self.next_sentence).copied().flatten();
            let index = self.next_sentence;
            self.next_sentence += 1;
            self.buf.clear();
            self.pos = 0;
            self.folded.clear();
            let folded = self.folded.push(self.text, range.clone());
            let seg = Segment {
                folded,
                original: range,
                lang,
                check_langs: true,
                index,
            };
            self.analyzer
                .inner
                .matcher
                .find(self.text, &self.folded, &seg, &mut self.scratch, &mut self.buf);
        }
    }
}

/// A sentence: its byte span in the input (trailing white space included) and its language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    start: usize,
    end: usize,
    language: Option<Lang>,
}

impl Sentence {
    /// Byte offset of the sentence start.
    pub fn start(&self) -> usize {
        self.start
    }
    /// Byte offset just past the sentence end (its trailing white space included).
    pub fn end(&self) -> usize {
        self.end
    }
    /// The span `start..end`.
    pub fn span(&self) -> Range<usize> {
        self.start..self.end
    }
    /// The sentence language: detected, or inherited from the document when the sentence is
    /// too short to tell; `None` when nothing could be told (no letters).
    pub fn language(&self) -> Option<Lang> {
        self.language
    }
}

/// The result of [`Analyzer::analyze`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Analysis<'t> {
    language: Option<Lang>,
    sentences: Vec<Sentence>,
    mentions: Vec<Mention<'t>>,
}

impl<'t> Analysis<'t> {
    /// The document language, detected from the whole text; `None` for text without letters.
    pub fn language(&self) -> Option<Lang> {
        self.language
    }
    /// The sentences, covering the input in order.
    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }
    /// The mentions, sorted by position, never overlapping.
    pub fn mentions(&self) -> &[Mention<'t>] {
        &self.mentions
    }
    /// Takes the mentions out.
    pub fn into_mentions(self) -> Vec<Mention<'t>> {
        self.mentions
    }
}
