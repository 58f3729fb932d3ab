//! The pipeline: detect languages, split sentences, fold, match, map back.

use std::ops::Range;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::gazetteer::{Gazetteer, Kind};
use crate::lang::{Lang, LangDetector};
use crate::matcher::{Matcher, Scratch, Segment};
use crate::mention::{Catalog, Mention};
use crate::normalize::{self, Folded};
use crate::segment;
use crate::stem::{StemGate, StemView, Stemmer};

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
    /// One stemmed tier per allowed language that has a stemmer and stemmed names.
    stems: Vec<StemTier>,
    detector: LangDetector,
    names_len: usize,
}

/// The inflection-tolerant names of one language.
struct StemTier {
    lang: Lang,
    stemmer: Stemmer,
    gate: StemGate,
    matcher: Matcher,
}

impl std::fmt::Debug for Inner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyzer")
            .field("languages", &self.detector.allowlist())
            .field("names", &self.names_len)
            .field("patterns", &self.matcher.patterns_len())
            .field(
                "stemmed_languages",
                &self.stems.iter().map(|t| t.lang).collect::<Vec<_>>(),
            )
            .finish()
    }
}

/// Options for an [`Analyzer`]; see [`Analyzer::builder`].
#[derive(Debug, Clone)]
pub struct AnalyzerBuilder<'g> {
    gazetteer: &'g Gazetteer,
    languages: Vec<Lang>,
    stem_kinds: Vec<Kind>,
}

impl<'g> AnalyzerBuilder<'g> {
    /// The languages that documents and sentences may be detected as (default: fr, it, en).
    /// Any language of [`Lang::all`] may be allowed.
    pub fn languages(mut self, langs: impl IntoIterator<Item = Lang>) -> Self {
        self.languages = langs.into_iter().collect();
        self
    }

    /// Makes inflection-tolerant matching the default for names of these kinds (as if each had
    /// the `stem` flag), except `exact` names. See [`MatchKind::Stem`](crate::MatchKind::Stem).
    pub fn stem_kinds(mut self, kinds: impl IntoIterator<Item = Kind>) -> Self {
        self.stem_kinds = kinds.into_iter().collect();
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
        let gaz = self.gazetteer;
        let catalog = Arc::new(Catalog::new(gaz)?);
        let mut folded = Folded::new();
        let matcher = Matcher::new(gaz, catalog.clone(), false, |_, n, out| {
            folded.clear();
            folded.push(n.text(), 0..n.text().len());
            out.extend_from_slice(folded.bytes());
            true
        })?;
        let stem_kinds = self.stem_kinds;
        let wants_stem = |kind: &Kind, n: &crate::gazetteer::Name| {
            (n.is_stem() || stem_kinds.contains(kind)) && !n.is_exact()
        };
        let any_stem = gaz
            .entities()
            .iter()
            .any(|e| e.names().iter().any(|n| wants_stem(e.kind(), n)));
        let mut stems = Vec::new();
        if any_stem {
            for &lang in &langs {
                let Some(stemmer) = Stemmer::for_lang(lang) else {
                    continue;
                };
                let mut keys: Vec<Vec<u8>> = Vec::new();
                let m = Matcher::new(gaz, catalog.clone(), true, |e, n, out| {
                    if !wants_stem(e.kind(), n) || !n.lang_set().allows(Some(lang)) {
                        return false;
                    }
                    let key = stemmer.key(normalize::fold_str(n.text()).as_bytes());
                    out.extend_from_slice(&key);
                    keys.push(key);
                    true
                })?;
                if !keys.is_empty() {
                    let gate = StemGate::new(keys.iter().map(Vec::as_slice));
                    stems.push(StemTier {
                        lang,
                        stemmer,
                        gate,
                        matcher: m,
                    });
                }
            }
        }
        Ok(Analyzer {
            inner: Arc::new(Inner {
                matcher,
                stems,
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
            stem_kinds: Vec::new(),
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

    /// Heap memory of the compiled tables besides the automaton (entries, patterns, and the
    /// catalog of ids, kinds and names the analyzer keeps, so the gazetteer can be dropped once
    /// the analyzer is built), in bytes.
    pub fn tables_memory(&self) -> usize {
        self.inner.matcher.tables_memory()
            + self.inner.matcher.catalog_memory()
            + self
                .inner
                .stems
                .iter()
                .map(|t| t.matcher.tables_memory())
                .sum::<usize>()
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
        let sentences =
            it.b.sentences
                .iter()
                .zip(&it.b.langs)
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
        let mut b = take_buffers();
        segment::split_sentences(text, &mut b.sentences);
        let doc_lang = self.inner.detector.detect(text, &b.sentences, &mut b.langs);
        Mentions {
            analyzer: self,
            text,
            b,
            doc_lang,
            next_sentence: 0,
            buf: Vec::new(),
            stem_buf: Vec::new(),
        }
    }

    /// The matching stage alone: the whole text as one segment, no language detection and no
    /// sentences. Names limited to languages match as if their language were detected; every
    /// mention reports sentence 0. Use it to measure or when sentences are not wanted.
    pub fn find<'t>(&self, text: &'t str) -> Vec<Mention<'t>> {
        let mut out = Vec::new();
        with_buffers(|b| {
            let range = b.folded.push(text, 0..text.len());
            let seg = Segment {
                folded: range,
                original: 0..text.len(),
                lang: None,
                check_langs: false,
                index: 0,
            };
            self.inner
                .matcher
                .find(text, &b.folded, &seg, &mut b.scratch, &mut out);
        });
        out
    }

    /// [`find`](Analyzer::find), and the work it did: trie probes, automaton bytes stepped and
    /// gazetteer entries examined. Not part of the stable API: tests use it to bound the work
    /// on hostile input without timing anything.
    #[doc(hidden)]
    pub fn find_counting_steps<'t>(&self, text: &'t str) -> (Vec<Mention<'t>>, u64) {
        let mut out = Vec::new();
        let mut steps = 0;
        with_buffers(|b| {
            let range = b.folded.push(text, 0..text.len());
            let seg = Segment {
                folded: range,
                original: 0..text.len(),
                lang: None,
                check_langs: false,
                index: 0,
            };
            b.scratch.steps = 0;
            self.inner
                .matcher
                .find(text, &b.folded, &seg, &mut b.scratch, &mut out);
            steps = b.scratch.steps;
        });
        (out, steps)
    }
}

/// Working buffers reused from one call to the next on the same thread, so a stream of
/// documents does not allocate (and fault in) a folded copy of each.
#[derive(Default, Debug)]
struct Buffers {
    folded: Folded,
    stemmed: Folded,
    scratch: Scratch,
    sentences: Vec<Range<usize>>,
    langs: Vec<Option<Lang>>,
}

impl Buffers {
    fn clear(&mut self) {
        self.folded.clear();
        self.stemmed.clear();
        self.sentences.clear();
        self.langs.clear();
    }

    /// Too large to keep for the next document.
    fn is_large(&self) -> bool {
        self.folded.capacity() + self.stemmed.capacity() + self.sentences.capacity() * 16 > KEEP_BUFFER_BYTES
    }
}

/// Buffers larger than this (bytes of folded text) are freed after use rather than kept.
const KEEP_BUFFER_BYTES: usize = 1 << 22;

thread_local! {
    static BUFFERS: std::cell::RefCell<Buffers> = std::cell::RefCell::new(Buffers::default());
}

/// Runs `f` with this thread's buffers, cleared (with fresh ones if they are in use or gone).
fn with_buffers(f: impl FnOnce(&mut Buffers)) {
    let mut f = Some(f);
    let _ = BUFFERS.try_with(|cell| {
        let Ok(mut b) = cell.try_borrow_mut() else {
            return;
        };
        if let Some(f) = f.take() {
            b.clear();
            f(&mut b);
            if b.is_large() {
                *b = Buffers::default();
            }
        }
    });
    if let Some(f) = f {
        f(&mut Buffers::default());
    }
}

/// Takes this thread's buffers, cleared (fresh ones if they are in use or gone); give them back
/// with [`give_back_buffers`].
fn take_buffers() -> Buffers {
    let mut b = BUFFERS
        .try_with(|cell| cell.try_borrow_mut().map(|mut b| std::mem::take(&mut *b)).ok())
        .ok()
        .flatten()
        .unwrap_or_default();
    b.clear();
    b
}

/// Returns buffers taken by [`take_buffers`] to this thread, unless they grew too large.
fn give_back_buffers(b: &mut Buffers) {
    if b.is_large() {
        return;
    }
    let _ = BUFFERS.try_with(|cell| {
        if let Ok(mut slot) = cell.try_borrow_mut() {
            std::mem::swap(&mut *slot, b);
        }
    });
}

/// Iterator over the mentions of a text, from [`Analyzer::mentions`].
#[derive(Debug)]
pub struct Mentions<'a, 't> {
    analyzer: &'a Analyzer,
    text: &'t str,
    /// Sentences, their languages and the folding buffers, borrowed from the thread's pool.
    b: Buffers,
    doc_lang: Option<Lang>,
    next_sentence: usize,
    buf: Vec<Mention<'t>>,
    stem_buf: Vec<Mention<'t>>,
}

impl Drop for Mentions<'_, '_> {
    fn drop(&mut self) {
        give_back_buffers(&mut self.b);
    }
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
            // `buf` holds the current sentence's mentions in reverse order.
            if let Some(m) = self.buf.pop() {
                return Some(m);
            }
            let range = self.b.sentences.get(self.next_sentence)?.clone();
            let lang = self.b.langs.get(self.next_sentence).copied().flatten();
            let index = self.next_sentence;
            self.next_sentence += 1;
            self.b.folded.clear();
            let folded = self.b.folded.push(self.text, range.clone());
            let seg = Segment {
                folded: folded.clone(),
                original: range.clone(),
                lang,
                check_langs: true,
                index,
            };
            let inner = &self.analyzer.inner;
            inner.matcher.find(
                self.text,
                &self.b.folded,
                &seg,
                &mut self.b.scratch,
                &mut self.buf,
            );
            if let Some(tier) = inner.stems.iter().find(|t| Some(t.lang) == lang) {
                self.b.stemmed.clear();
                let stem_range = tier.stemmer.stem_into(
                    self.b.folded.bytes(),
                    folded,
                    &mut self.b.stemmed,
                    Some(&tier.gate),
                );
                let view = StemView {
                    stemmed: &self.b.stemmed,
                    base: &self.b.folded,
                };
                let seg = Segment {
                    folded: stem_range,
                    original: range,
                    lang,
                    check_langs: true,
                    index,
                };
                self.stem_buf.clear();
                tier.matcher
                    .find(self.text, &view, &seg, &mut self.b.scratch, &mut self.stem_buf);
                if !self.stem_buf.is_empty() {
                    merge_tiers(&mut self.buf, &mut self.stem_buf);
                }
            }
            self.buf.reverse();
        }
    }
}

/// Merges stemmed mentions into the main ones: sorted by start, the main tier first at equal
/// starts, and a mention that overlaps one kept before it dropped.
fn merge_tiers<'t>(main: &mut Vec<Mention<'t>>, stemmed: &mut Vec<Mention<'t>>) {
    let mut all: Vec<(Mention<'t>, u8)> = main
        .drain(..)
        .map(|m| (m, 0))
        .chain(stemmed.drain(..).map(|m| (m, 1)))
        .collect();
    all.sort_by_key(|(m, tier)| (m.start(), *tier));
    let mut last_end = 0;
    for (m, _) in all {
        if m.start() >= last_end {
            last_end = m.end();
            main.push(m);
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
