//! The automaton over folded names, and the checks that turn its hits into mentions.
//!
//! Names are folded (see `normalize`) and deduplicated into patterns; one anchored
//! Aho-Corasick automaton holds them all. The text is folded once; then, at every position
//! where a word may start, the automaton is walked from its anchored start state until it dies,
//! collecting every pattern that ends at a word boundary. The longest candidate that passes the
//! checks (left context, right context, URLs, language, capitalisation, exactness) becomes the
//! mention, and the scan resumes after it: leftmost-longest, without letting a longer candidate
//! that fails hide a shorter one that passes. The overlapping modes ([`Overlaps`]) run the same
//! scan, keeping every candidate that passes and moving on a word at a time.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::{Anchored, MatchKind as AcMatchKind, StartKind, dfa, nfa::contiguous};

use crate::error::{Error, Result};
use crate::gazetteer::{Entity, Gazetteer, LangSet, NameRef};
use crate::hash::BuildFx;
use crate::lang::Lang;
use crate::mention::{Catalog, MatchKind, Mention, Shared};
use crate::normalize::{self, Fold, Folded, char_at, is_word_byte, is_word_char};
use crate::trie::{
    self, CAPPED, LEAF, NO_PATTERN, ROOT_UNCAPPED, Step, TAIL, WordTrie, edge_key, sep_hash, word_end,
    word_hash,
};

/// Patterns below this many bytes in total get a DFA (fastest, memory grows with
/// states × byte classes); larger sets get a contiguous NFA (compact).
const DFA_MAX_PATTERN_BYTES: usize = 64 * 1024;

/// How far the URL / e-mail check looks around a candidate, in bytes each side.
const TOKEN_WINDOW: usize = 256;

/// Which mentions to report where names overlap; chosen with
/// [`AnalyzerBuilder::overlaps`](crate::AnalyzerBuilder::overlaps).
///
/// Every mode applies the whole match contract (whole words, elision, URLs and e-mail
/// addresses, capitalisation, languages, exact names) to every mention, and every mode sorts
/// mentions by start, then longest first; a span is reported once, with every candidate entity
/// that passes.
///
/// ```
/// use nomina::{Analyzer, Gazetteer, Overlaps};
/// let gaz = Gazetteer::from_tsv_str(
///     "Q60\tlocation\tNew York\nQ9684\torganization\tNew York Times\nQ11299\tlocation\tTimes Square\n",
/// )?;
/// let text = "Le New York Times Square n’existe pas.";
/// let spans = |overlaps| -> nomina::Result<Vec<&str>> {
///     let analyzer = Analyzer::builder(&gaz).overlaps(overlaps).build()?;
///     Ok(analyzer.find(text).iter().map(|m| m.text()).collect())
/// };
/// assert_eq!(spans(Overlaps::None)?, ["New York Times"]);
/// assert_eq!(spans(Overlaps::Nested)?, ["New York Times", "New York"]);
/// assert_eq!(spans(Overlaps::All)?, ["New York Times", "New York", "Times Square"]);
/// # Ok::<(), nomina::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Overlaps {
    /// Leftmost-longest, without overlaps (the default): at each place the longest name that
    /// passes the checks, and the scan resumes after it. `New York Times` hides `New York`.
    #[default]
    None,
    /// The mentions of [`Overlaps::None`], and also every shorter name that passes the checks
    /// inside one of them: `New York` inside `New York Times`. A name that starts inside a
    /// mention and ends after it (`Times Square` in `New York Times Square`) is not reported.
    Nested,
    /// Every name at every place that passes the checks, overlapping or not.
    All,
}

impl Overlaps {
    /// `"none"`, `"nested"` or `"all"`.
    ///
    /// ```
    /// assert_eq!(nomina::Overlaps::Nested.as_str(), "nested");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Overlaps::None => "none",
            Overlaps::Nested => "nested",
            Overlaps::All => "all",
        }
    }
}

impl std::fmt::Display for Overlaps {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Overlaps {
    type Err = Error;

    /// Parses `none`, `nested` or `all`.
    ///
    /// ```
    /// use nomina::Overlaps;
    /// assert_eq!("all".parse::<Overlaps>().unwrap(), Overlaps::All);
    /// assert!("longest".parse::<Overlaps>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Overlaps> {
        match s.trim() {
            "none" => Ok(Overlaps::None),
            "nested" => Ok(Overlaps::Nested),
            "all" => Ok(Overlaps::All),
            other => Err(Error::Option(format!(
                "unknown overlap mode `{other}` (expected `none`, `nested` or `all`)"
            ))),
        }
    }
}

/// The automaton: a DFA for small gazetteers, a contiguous NFA for large ones.
#[derive(Debug, Clone)]
enum Auto {
    Dfa(dfa::DFA),
    Nfa(contiguous::NFA),
}

/// One automaton over the patterns whose first byte maps to it.
#[derive(Debug, Clone)]
struct Shard {
    auto: Auto,
    /// The anchored start state.
    start: Option<StateID>,
    /// Global pattern id of each of the shard's patterns, with [`CAPPED`] set when every name
    /// of the pattern starts with a capital.
    pids: Vec<u32>,
}

/// A first-word filter of at most this many bytes is probed before the original text is
/// looked at (it stays in the L2 cache).
const SMALL_FILTER_BYTES: usize = 256 * 1024;

/// The bits a first word takes in the filter of first words of a large gazetteer: half the
/// usual, so that the filter stays in the second-level cache at a million names (540 KB); more
/// false positives cost a probe of the exact table behind it. Measured at 1M names in one
/// process, alternating rounds: `find` +2% to +3% with 16 bits, +4% to +5% with 8.
const LARGE_FIRST_WORD_BITS: usize = 8;

/// The most distinct first words for which the scan asks a map of [`FIRST_BITMAP_BITS`] bits
/// rather than the blocked Bloom filter (at this many, one bit in 16 of the map is set).
const BITMAP_FIRST_WORDS: usize = 4096;

/// A first-word map holds `1 << FIRST_BITMAP_BITS` bits (8 KiB), indexed by a hash's top bits.
const FIRST_BITMAP_BITS: u32 = 16;

/// The bit of the first-word map for a word hashed `h`: its top [`FIRST_BITMAP_BITS`] bits.
#[inline(always)]
fn first_bit(h: u64) -> usize {
    (h >> (64 - FIRST_BITMAP_BITS)) as usize
}

/// Pattern bytes above which the automaton is split into shards built on several threads.
const SHARD_MIN_PATTERN_BYTES: usize = 4 * 1024 * 1024;

/// Builds one automaton.
fn build_auto(keys: &[&[u8]], total: usize) -> Result<Auto> {
    if total <= DFA_MAX_PATTERN_BYTES {
        dfa::DFA::builder()
            .match_kind(AcMatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .prefilter(false)
            .byte_classes(true)
            .build(keys.iter())
            .map(Auto::Dfa)
    } else {
        contiguous::NFA::builder()
            .match_kind(AcMatchKind::LeftmostLongest)
            .prefilter(false)
            .byte_classes(true)
            .build(keys.iter())
            .map(Auto::Nfa)
    }
    .map_err(|e| Error::Build(e.to_string()))
}

/// The most patterns one automaton holds. aho-corasick's final state shuffle can take time
/// quadratic in the number of patterns for some shapes (a million names sharing a long prefix and
/// ending in numbers took 95 s in one automaton); capped automata keep every build near-linear.
const MAX_PATTERNS_PER_AUTOMATON: usize = 100_000;

/// The automata of each first byte (at most a few; usually one shared by many bytes).
pub(crate) type Routes = Box<[Vec<u16>; 256]>;

/// Builds the automata. Patterns are grouped by first byte. A group of more than
/// [`MAX_PATTERNS_PER_AUTOMATON`] patterns is cut into chunks of its sorted patterns, one
/// automaton each; the other groups share automata, balanced by bytes over the available
/// threads (longest processing time first) when the gazetteer is large, else all in one.
/// Automata are built in parallel.
fn build_shards(keys: &[&[u8]], global: &[u32], flags: &[u32], total: usize) -> Result<(Vec<Shard>, Routes)> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    let bins = if total >= SHARD_MIN_PATTERN_BYTES {
        threads
    } else {
        1
    };
    // Patterns by first byte, each group sorted.
    let mut by_byte: Vec<Vec<u32>> = vec![Vec::new(); 256];
    for (pid, k) in keys.iter().enumerate() {
        if let Some(group) = by_byte.get_mut(k.first().map_or(0, |&b| b as usize)) {
            group.push(pid as u32);
        }
    }
    let key = |p: u32| keys.get(p as usize).copied().unwrap_or(&[]);
    // Per automaton: its patterns' global ids, and the first bytes it serves.
    let mut units: Vec<(Vec<u32>, Vec<u8>)> = (0..bins).map(|_| (Vec::new(), Vec::new())).collect();
    let mut load = vec![0usize; bins];
    let mut order: Vec<usize> = (0..256).collect();
    order.sort_by_key(|&b| std::cmp::Reverse(by_byte[b].iter().map(|&p| key(p).len()).sum::<usize>()));
    for b in order {
        let mut group = std::mem::take(&mut by_byte[b]);
        if group.is_empty() {
            continue;
        }
        group.sort_unstable_by_key(|&p| key(p));
        if group.len() > MAX_PATTERNS_PER_AUTOMATON {
            for chunk in group.chunks(MAX_PATTERNS_PER_AUTOMATON) {
                units.push((chunk.to_vec(), vec![b as u8]));
            }
            continue;
        }
        let (bin, _) = load
            .iter()
            .enumerate()
            .min_by_key(|&(_, l)| *l)
            .unwrap_or((0, &0));
        load[bin] += group.iter().map(|&p| key(p).len()).sum::<usize>();
        if let Some(u) = units.get_mut(bin) {
            u.0.extend(group);
            u.1.push(b as u8);
        }
    }
    units.retain(|u| !u.0.is_empty());
    let build = |u: &(Vec<u32>, Vec<u8>)| {
        let ks: Vec<&[u8]> = u.0.iter().map(|&p| key(p)).collect();
        build_auto(&ks, ks.iter().map(|k| k.len()).sum())
    };
    let autos: Vec<Result<Auto>> = if units.len() <= 1 {
        units.iter().map(build).collect()
    } else {
        // A few threads take the automata in turn.
        let next = std::sync::atomic::AtomicUsize::new(0);
        let mut results: Vec<Option<Result<Auto>>> = (0..units.len()).map(|_| None).collect();
        let done = std::sync::Mutex::new(&mut results);
        std::thread::scope(|scope| {
            for _ in 0..threads.min(units.len()) {
                scope.spawn(|| {
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(u) = units.get(i) else { break };
                        let r = build(u);
                        if let Ok(mut d) = done.lock() {
                            if let Some(slot) = d.get_mut(i) {
                                *slot = Some(r);
                            }
                        }
                    }
                });
            }
        });
        results
            .into_iter()
            .map(|r| r.unwrap_or_else(|| Err(Error::Build("a build thread failed".into()))))
            .collect()
    };
    let mut routes: Routes = Box::new(std::array::from_fn(|_| Vec::new()));
    let mut shards = Vec::with_capacity(units.len());
    for (auto, (pids, bytes)) in autos.into_iter().zip(units) {
        let auto = auto?;
        let start = match &auto {
            Auto::Dfa(a) => a.start_state(Anchored::Yes).ok(),
            Auto::Nfa(a) => a.start_state(Anchored::Yes).ok(),
        };
        let index = u16::try_from(shards.len()).map_err(|_| Error::TooLarge("too many automata".into()))?;
        for b in bytes {
            routes[b as usize].push(index);
        }
        let pids = pids
            .into_iter()
            .map(|p| {
                let g = global.get(p as usize).copied().unwrap_or(0);
                g | flags.get(g as usize).copied().unwrap_or(0)
            })
            .collect();
        shards.push(Shard { auto, start, pids });
    }
    Ok((shards, routes))
}

/// One gazetteer name under a pattern.
#[derive(Debug, Clone, Copy)]
struct Entry {
    /// The name, in the catalog.
    name: u32,
    entity: u32,
    /// Index into `Matcher::lang_sets`.
    langs: u16,
    /// [`Entry::EXACT`], [`Entry::CAP`], [`Entry::FUNCTION_WORD`] (one byte, so that an entry
    /// stays 12 bytes).
    flags: u8,
}

// A million names hold a million entries: keep them at 12 bytes.
const _: () = assert!(std::mem::size_of::<Entry>() == 12);

impl Entry {
    /// Only a surface spelt as the name passes.
    const EXACT: u8 = 1;
    /// The name's first letter is upper-case: the text's must not be lower-case.
    const CAP: u8 = 2;
    /// The name is a function word (see [`Admit::FunctionWord`]): at the start of a sentence,
    /// only a surface in capitals passes.
    const FUNCTION_WORD: u8 = 4;
    /// The exact form of the name ([`normalize::exact_chars`]) holds a character outside
    /// ASCII (`Sé`, `Ši`): a surface that is its own exact form (`Se`) cannot have it, and is
    /// told so without comparing the forms (homographs of function words at every `Se`).
    const NON_ASCII_EXACT: u8 = 8;

    /// The flags of an entry: exact, capitalised, a function word.
    fn flags(exact: bool, cap: bool, function_word: bool) -> u8 {
        (u8::from(exact) * Entry::EXACT)
            | (u8::from(cap) * Entry::CAP)
            | (u8::from(function_word) * Entry::FUNCTION_WORD)
    }

    #[inline]
    fn exact(&self) -> bool {
        self.flags & Entry::EXACT != 0
    }
    #[inline]
    fn cap(&self) -> bool {
        self.flags & Entry::CAP != 0
    }
    #[inline]
    fn function_word(&self) -> bool {
        self.flags & Entry::FUNCTION_WORD != 0
    }
    #[inline]
    fn non_ascii_exact(&self) -> bool {
        self.flags & Entry::NON_ASCII_EXACT != 0
    }
}

/// What the key function of [`Matcher::new`] says of a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Admit {
    /// Not compiled.
    Skip,
    /// Compiled, under the usual rules.
    Name,
    /// A function word with a capital ([`CommonName::FunctionWord`](crate::CommonName)):
    /// compiled as an exact name that, at the start of a sentence, only a surface in capitals
    /// matches.
    FunctionWord,
    /// Compiled as an exact name ([`CommonName::Homograph`](crate::CommonName)).
    Exact,
}

/// One distinct folded name, in eight bytes.
#[derive(Debug, Clone)]
struct Pattern {
    /// The first of its entries (they run to the next pattern's first), with the flags
    /// [`ELIDABLE_END`], [`PLAIN`], [`URL_LIKE`] and [`FUNCTION_ONLY`] in its high bits.
    first_and_flags: u32,
    /// Its entries belong to several entities: the index of their candidate list in
    /// `Matcher::shared`, else `u32::MAX`.
    shared: u32,
}

/// The folded name's last word is an elision word (`dell`, `l`): not a match before `'`.
const ELIDABLE_END: u32 = 1 << 31;
/// No entry has a language limit or asks for an exact match: with a capitalised surface every
/// entry passes, and the candidates are the precomputed list.
const PLAIN: u32 = 1 << 30;
/// The folded name, taken as a white-space-delimited token, looks like a URL or an e-mail
/// address (see [`in_url_or_email`]).
const URL_LIKE: u32 = 1 << 29;
/// Every entry is a function word ([`Entry::FUNCTION_WORD`]: `Il`, `La`): where the place
/// rejects function words (the start of a sentence), the candidate is rejected without
/// looking at its entries, which can be many (every place called `La`).
const FUNCTION_ONLY: u32 = 1 << 28;

impl Pattern {
    /// The index of its first entry (entries stay below 2^28: the gazetteer holds at most
    /// [`MAX_NAMES`](crate::gazetteer::MAX_NAMES), 2^24).
    #[inline]
    fn first(&self) -> usize {
        (self.first_and_flags & !(ELIDABLE_END | PLAIN | URL_LIKE | FUNCTION_ONLY)) as usize
    }
    #[inline]
    fn function_only(&self) -> bool {
        self.first_and_flags & FUNCTION_ONLY != 0
    }
    #[inline]
    fn url_like(&self) -> bool {
        self.first_and_flags & URL_LIKE != 0
    }
    #[inline]
    fn elidable_end(&self) -> bool {
        self.first_and_flags & ELIDABLE_END != 0
    }
    #[inline]
    fn plain(&self) -> bool {
        self.first_and_flags & PLAIN != 0
    }
}

/// The compiled gazetteer.
#[derive(Debug, Clone)]
pub(crate) struct Matcher {
    /// The word trie: every pattern that is words joined by short separators.
    trie: WordTrie,
    /// The automata of the other patterns (starting or ending with punctuation): none, one, or
    /// one per group of first bytes for large sets (built in parallel).
    shards: Vec<Shard>,
    /// The automata of each first byte.
    routes: Routes,
    patterns: Vec<Pattern>,
    entries: Vec<Entry>,
    /// The distinct language sets of the entries.
    lang_sets: Vec<LangSet>,
    /// The candidate lists of patterns whose names belong to several entities.
    shared: Vec<Box<[u32]>>,
    /// The ids, kinds and names, shared with the other tiers and with mentions.
    catalog: Arc<Catalog>,
    /// The non-word bytes that start some pattern (names such as `#MeToo`).
    punct_starts: Box<[bool; 256]>,
    /// The first words of the patterns: the automaton is walked only from a text word that is
    /// one of them (a Bloom filter: no false negatives, about 1.4% false positives). The scan of
    /// a large gazetteer asks it (at half the bits a word: [`LARGE_FIRST_WORD_BITS`]) only for
    /// words without a lower-case initial, before the exact table of first words.
    first_words: Bloom,
    /// For a gazetteer of few first words (at most [`BITMAP_FIRST_WORDS`]): the same set as
    /// one bit of a 64K-bit map per word (its hash's top 16 bits), probed in place of
    /// `first_words`: one load instead of a Bloom probe's, and fewer false positives at that
    /// size (empty otherwise).
    first_bitmap: Box<[u64]>,
    /// The first words of the patterns that some name spelt without an initial capital can
    /// match: a text word that starts with a lower-case letter is looked up here instead, since
    /// a capitalised name never matches it (most text words, most gazetteer names).
    lower_first_words: Bloom,
    /// Of those, the patterns that are one word (or one word then punctuation).
    singles: Bloom,
    /// The first words of the patterns outside the trie.
    rest_first_words: Bloom,
    /// The same with the two bytes after them ([`rest_key`]): the automata are walked from a
    /// word start only if it and the bytes after it start one of them (`Saint-Martin (partie
    /// française)` is not walked for `saint `).
    rest_starts: Bloom,
    /// Some pattern outside the trie is one word then nothing: the key with no byte after the
    /// word must be probed too.
    rest_bare: bool,
    /// The bytes that end a pattern outside the trie one byte after its first word (`!` for
    /// `Yahoo!`): the key with one byte after the word is probed only when that byte is one of
    /// them (never for a space, after most words).
    rest_one_byte: Box<[bool; 256]>,
    /// The first words after the leading punctuation of the patterns that start with it
    /// (`‘Anabta`, `#MeToo`): the automata are walked from punctuation only if the next word is
    /// one of them (when every such pattern's punctuation is short enough to look past).
    punct_next_words: Option<Bloom>,
    /// Patterns of several words, by their first two words and what separates them: a text word
    /// that starts only longer names is walked from only if it and the next word are such a
    /// pair. Checked for words that passed the first-word filters (or the table of first words
    /// of large gazetteers), and again by the walk before it probes the trie for a second word.
    pairs: Bloom,
    /// The same for the patterns that some name spelt without an initial capital can match:
    /// a text word with a lower-case initial (most of them: `de`, `la`, `di`) is looked up
    /// here instead. At a million names it is a fifth of the size of `pairs`, which a probe
    /// for every such word had pushed out of cache.
    lower_pairs: Bloom,
    /// The first words of the names of several words whose second word is further than
    /// [`MAX_SEPARATOR`] bytes (not in `pairs`): the scan of large gazetteers walks from them
    /// (empty for the scan of small ones, which never reads it).
    far_pairs: Bloom,
    /// True for a stemmed tier: its mentions are `MatchKind::Stem`.
    stemmed: bool,
    /// The filter of all first words is small enough to stay in cache: the scan probes it
    /// before anything else.
    small_filters: bool,
}

/// A folded text to match in, and the way back to original offsets.
pub(crate) trait Haystack {
    /// The folded bytes.
    fn bytes(&self) -> &[u8];
    /// Maps a folded span back to an original span, clamped to `within`.
    fn to_original(&self, text: &str, start: usize, end: usize, within: Range<usize>) -> (usize, usize);
    /// The original byte offset of folded offset `f`, for offsets asked in increasing order with
    /// the same `cursor` (starting at 0); `None` when the haystack cannot tell cheaply.
    fn original_from(&self, f: usize, cursor: &mut usize) -> Option<usize> {
        let _ = (f, cursor);
        None
    }
    /// [`Haystack::to_original`] for a span at or after the offset `cursor` (a copy of the
    /// scan's cursor) was last moved to.
    #[inline]
    fn to_original_from(
        &self,
        text: &str,
        start: usize,
        end: usize,
        within: Range<usize>,
        cursor: usize,
    ) -> (usize, usize) {
        let _ = cursor;
        self.to_original(text, start, end, within)
    }
}

impl Haystack for Folded {
    fn bytes(&self) -> &[u8] {
        Folded::bytes(self)
    }
    fn to_original(&self, text: &str, start: usize, end: usize, within: Range<usize>) -> (usize, usize) {
        Folded::to_original(self, text, start, end, within)
    }
    #[inline]
    fn original_from(&self, f: usize, cursor: &mut usize) -> Option<usize> {
        Some(self.raw_original_from(f, cursor))
    }
    #[inline]
    fn to_original_from(
        &self,
        text: &str,
        start: usize,
        end: usize,
        within: Range<usize>,
        cursor: usize,
    ) -> (usize, usize) {
        Folded::to_original_from(self, text, start, end, within, cursor)
    }
}

/// Where to match: one sentence (or the whole text), folded.
pub(crate) struct Segment {
    /// The folded range of the segment.
    pub(crate) folded: Range<usize>,
    /// The original range of the segment.
    pub(crate) original: Range<usize>,
    /// Its language; `None` when unknown.
    pub(crate) lang: Option<Lang>,
    /// Apply language limits of names (false: ignore them).
    pub(crate) check_langs: bool,
    /// The sentence index reported in mentions.
    pub(crate) index: usize,
    /// Which overlapping mentions to report.
    pub(crate) overlaps: Overlaps,
    /// Where the haystack's forward cursor starts ([`Haystack::original_from`]): an anchor at
    /// or before the segment's folded start (0 is always valid).
    pub(crate) cursor: usize,
}

/// Scratch space reused across calls.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    hits: Vec<(usize, u32)>,
    passing: Vec<u32>,
    /// Work done: trie probes, automaton bytes and entries examined (for tests that bound
    /// work on hostile input).
    pub(crate) steps: u64,
}

impl Matcher {
    /// Compiles the names for which `key` writes a pattern into its buffer (returning false
    /// leaves a name out). With `large`, the scan of large gazetteers is built whatever the
    /// number of names; without `map`, never the map of few first words (tests compare the
    /// three scans on small gazetteers).
    pub(crate) fn new(
        gaz: &Gazetteer,
        catalog: Arc<Catalog>,
        stemmed: bool,
        large: bool,
        map: bool,
        mut key: impl FnMut(Entity<'_>, NameRef<'_>, &mut Vec<u8>) -> Admit,
    ) -> Result<Matcher> {
        // 1. Every key into one arena, with its entry (no allocation per name).
        let mut arena: Vec<u8> = Vec::new();
        let mut spans: Vec<(u32, u32)> = Vec::with_capacity(gaz.names_len());
        let mut raw: Vec<Entry> = Vec::with_capacity(gaz.names_len());
        let mut lang_sets: Vec<LangSet> = Vec::new();
        let mut lang_index: HashMap<LangSet, usize, BuildFx> = HashMap::default();
        let mut buf = Vec::new();
        let mut name_index = 0u32;
        for (ei, entity) in gaz.entities().enumerate() {
            for name in entity.names() {
                // Names are numbered as in the catalog, whether compiled here or not.
                let ni = name_index;
                name_index = name_index.saturating_add(1);
                buf.clear();
                let admit = key(entity, name, &mut buf);
                if admit == Admit::Skip || buf.is_empty() {
                    continue;
                }
                let function_word = admit == Admit::FunctionWord;
                let exact = function_word || admit == Admit::Exact;
                let (Ok(at), Ok(len)) = (u32::try_from(arena.len()), u32::try_from(buf.len())) else {
                    return Err(Error::TooLarge("more than 4 GiB of folded names".into()));
                };
                spans.push((at, len));
                arena.extend_from_slice(&buf);
                // By value in a map: a scan of `lang_sets` made many distinct lists quadratic.
                let set = name.lang_set();
                let langs = *lang_index.entry(set).or_insert_with(|| {
                    lang_sets.push(set);
                    lang_sets.len() - 1
                });
                raw.push(Entry {
                    name: ni,
                    entity: ei as u32,
                    // The gazetteer holds at most 65,536 lists: an error here, not a wrong list.
                    langs: u16::try_from(langs)
                        .map_err(|_| Error::TooLarge("more than 65,536 distinct language lists".into()))?,
                    flags: Entry::flags(
                        (name.is_exact() || exact) && !stemmed,
                        name.text()
                            .chars()
                            .find(|c| c.is_alphabetic())
                            .is_some_and(|c| c.is_uppercase()),
                        function_word,
                    ) | if (name.is_exact() || exact)
                        && normalize::exact_chars(name.text()).any(|c| !c.is_ascii())
                    {
                        Entry::NON_ASCII_EXACT
                    } else {
                        0
                    },
                });
            }
        }
        if raw.len() >= FUNCTION_ONLY as usize {
            return Err(Error::TooLarge(format!("{} names", raw.len())));
        }
        // 2. Deduplicate the keys: pattern ids in order of first appearance.
        let mut index: HashMap<&[u8], u32, BuildFx> = HashMap::with_capacity_and_hasher(raw.len(), BuildFx);
        let mut keys: Vec<&[u8]> = Vec::new();
        let mut pids: Vec<u32> = Vec::with_capacity(raw.len());
        for &(at, len) in &spans {
            let (at, len) = (at as usize, len as usize);
            let k = arena.get(at..at + len).unwrap_or(&[]);
            let next = keys.len() as u32;
            let pid = *index.entry(k).or_insert(next);
            if pid == next {
                keys.push(k);
            }
            pids.push(pid);
        }
        drop(index);
        drop(spans);
        // 3. Group the entries by pattern, keeping gazetteer order inside a pattern.
        // Pattern ids are dense: a counting sort, which keeps the order within a pattern.
        let order = crate::gazetteer::group_by_key(&pids, keys.len(), true).1;
        let mut entries = Vec::with_capacity(raw.len());
        let mut patterns = Vec::with_capacity(keys.len());
        let mut shared = Vec::new();
        let mut k = 0;
        while k < order.len() {
            let pid = pids.get(order[k] as usize).copied().unwrap_or(0);
            let first = entries.len() as u32;
            let mut ids: Vec<u32> = Vec::new();
            while k < order.len() && pids.get(order[k] as usize).copied() == Some(pid) {
                if let Some(&e) = raw.get(order[k] as usize) {
                    if ids.last() != Some(&e.entity) {
                        ids.push(e.entity);
                    }
                    entries.push(e);
                }
                k += 1;
            }
            let shared_index = if ids.len() > 1 {
                shared.push(Box::from(ids.as_slice()));
                u32::try_from(shared.len() - 1).unwrap_or(u32::MAX)
            } else {
                u32::MAX
            };
            let key = keys.get(pid as usize).copied().unwrap_or(&[]);
            let last_word = key.rsplit(|&b| !is_word_byte(b)).next().unwrap_or(&[]);
            let plain = entries.get(first as usize..).is_some_and(|es| {
                es.iter().all(|e: &Entry| {
                    !e.exact() && lang_sets.get(e.langs as usize).is_some_and(|l| l.is_any())
                })
            });
            let mut first_and_flags = first;
            if is_elision(last_word) {
                first_and_flags |= ELIDABLE_END;
            }
            if plain {
                first_and_flags |= PLAIN;
            }
            if is_url_token(trim_punct(key)) {
                first_and_flags |= URL_LIKE;
            }
            if entries
                .get(first as usize..)
                .is_some_and(|es| es.iter().all(Entry::function_word))
            {
                first_and_flags |= FUNCTION_ONLY;
            }
            patterns.push(Pattern {
                first_and_flags,
                shared: shared_index,
            });
        }
        drop((raw, order, pids));
        let mut punct_starts = Box::new([false; 256]);
        // Patterns that some name without an initial capital spells.
        let uncapped: Vec<bool> = patterns
            .iter()
            .enumerate()
            .map(|(pid, p)| {
                let end = patterns.get(pid + 1).map_or(entries.len(), Pattern::first);
                entries
                    .get(p.first()..end)
                    .is_some_and(|es| es.iter().any(|e| !e.cap()))
            })
            .collect();
        // The filter of one-word names serves the scan of small gazetteers only: a large one is
        // not given it, and gets a smaller filter of all first words.
        let small_filters = !large && Bloom::bytes_for(keys.len()) <= SMALL_FILTER_BYTES;
        // The filters' items are gathered first, so that each filter is sized for its distinct
        // items (many names share a first word or a pair): smaller filters stay in cache.
        let mut lower_first_words = Vec::new();
        let mut first_words = Vec::new();
        let mut singles = Vec::new();
        let mut pairs = Vec::new();
        let mut lower_pairs = Vec::new();
        let mut far = Vec::new();
        for (k, &uncapped) in keys.iter().zip(&uncapped) {
            match k.first() {
                Some(&b) if !char_at(k, 0).is_some_and(|(c, _)| is_word_char(c)) => {
                    punct_starts[b as usize] = true
                }
                Some(_) => {
                    let w1 = word_end(k, 0);
                    let h1 = word_hash(k, 0, w1);
                    first_words.push(h1);
                    if uncapped {
                        lower_first_words.push(h1);
                    }
                    match next_word(k, w1) {
                        Some((w2, w2_end)) => {
                            let pair = pair_hash(h1, k.get(w1..w2).unwrap_or(&[]), word_hash(k, w2, w2_end));
                            pairs.push(pair);
                            if uncapped {
                                lower_pairs.push(pair);
                            }
                        }
                        None => {
                            if small_filters {
                                singles.push(h1);
                            }
                            if !small_filters && trie::next_word(k, w1, trie::MAX_SEPARATOR).is_some() {
                                far.push(h1);
                            }
                        }
                    }
                }
                None => {}
            }
        }
        let far_pairs = Bloom::of(far);
        let lower_first_words = Bloom::of(lower_first_words);
        // Sorted and deduplicated once: the map counts distinct first words, and the filter
        // is built from them (sorting them again costs little).
        first_words.sort_unstable();
        first_words.dedup();
        let first_bitmap: Box<[u64]> = if map && small_filters && first_words.len() <= BITMAP_FIRST_WORDS {
            let mut bits = vec![0u64; (1 << FIRST_BITMAP_BITS) / 64].into_boxed_slice();
            for &h in &first_words {
                let b = first_bit(h);
                if let Some(w) = bits.get_mut(b >> 6) {
                    *w |= 1 << (b & 63);
                }
            }
            bits
        } else {
            Box::from([])
        };
        let first_words = if small_filters {
            Bloom::of(first_words)
        } else {
            Bloom::of_bits(first_words, LARGE_FIRST_WORD_BITS)
        };
        let singles = Bloom::of(singles);
        let pairs = Bloom::of(pairs);
        let lower_pairs = Bloom::of(lower_pairs);
        let flags: Vec<u32> = uncapped.iter().map(|&u| if u { 0 } else { CAPPED }).collect();
        let (trie, rest) = WordTrie::build(&keys, &flags);
        let mut rest_first_words = Bloom::with_items(rest.len());
        let mut rest_starts = Bloom::with_items(rest.len());
        let mut rest_bare = false;
        let mut rest_one_byte = Box::new([false; 256]);
        let mut punct_next_words = Some(Bloom::with_items(rest.len()));
        for &p in &rest {
            let Some(k) = keys.get(p as usize) else { continue };
            if char_at(k, 0).is_some_and(|(c, _)| is_word_char(c)) {
                let w = word_end(k, 0);
                let after = k.get(w..).unwrap_or(&[]);
                match after {
                    [] => rest_bare = true,
                    &[b] => rest_one_byte[usize::from(b)] = true,
                    _ => {}
                }
                let h = word_hash(k, 0, w);
                rest_first_words.insert(h);
                rest_starts.insert(rest_key(h, after));
            } else {
                match trie::next_word(k, 0, trie::MAX_SEPARATOR) {
                    Some((ws, we)) => {
                        if let Some(b) = punct_next_words.as_mut() {
                            b.insert(word_hash(k, ws, we));
                        }
                    }
                    None => punct_next_words = None,
                }
            }
        }
        let rest_keys: Vec<&[u8]> = rest
            .iter()
            .map(|&p| keys.get(p as usize).copied().unwrap_or(&[]))
            .collect();
        let rest_total = rest_keys.iter().map(|k| k.len()).sum();
        let (shards, routes) = build_shards(&rest_keys, &rest, &flags, rest_total)?;
        drop(keys);
        drop(arena);
        Ok(Matcher {
            trie,
            shards,
            routes,
            patterns,
            entries,
            lang_sets,
            shared,
            catalog,
            punct_starts,
            first_words,
            lower_first_words,
            singles,
            pairs,
            lower_pairs,
            far_pairs,
            rest_first_words,
            rest_starts,
            rest_bare,
            rest_one_byte,
            punct_next_words,
            stemmed,
            small_filters,
            first_bitmap,
        })
    }

    /// Heap memory of the automaton and its first-word filter, in bytes.
    pub(crate) fn automaton_memory(&self) -> usize {
        let autos: usize = self
            .shards
            .iter()
            .map(|s| {
                s.pids.len() * 4
                    + match &s.auto {
                        Auto::Dfa(a) => a.memory_usage(),
                        Auto::Nfa(a) => a.memory_usage(),
                    }
            })
            .sum();
        autos
            + self.trie.memory()
            + self.first_words.memory()
            + self.first_bitmap.len() * 8
            + self.lower_first_words.memory()
            + self.singles.memory()
            + self.pairs.memory()
            + self.lower_pairs.memory()
            + self.far_pairs.memory()
            + self.rest_first_words.memory()
            + self.rest_starts.memory()
            + self.punct_next_words.as_ref().map_or(0, Bloom::memory)
    }

    /// Heap memory of the compiled tables (entries, patterns), in bytes.
    pub(crate) fn tables_memory(&self) -> usize {
        self.entries.capacity() * std::mem::size_of::<Entry>()
            + self.patterns.capacity() * std::mem::size_of::<Pattern>()
            + self.shared.iter().map(|l| 16 + l.len() * 4).sum::<usize>()
    }

    /// Heap memory of the catalog (shared by every tier), in bytes.
    pub(crate) fn catalog_memory(&self) -> usize {
        self.catalog.memory()
    }

    /// The number of distinct folded names.
    pub(crate) fn patterns_len(&self) -> usize {
        self.patterns.len()
    }

    /// Finds the mentions of one segment and appends them to `out`, sorted by start, then
    /// longest first, as `seg.overlaps` asks.
    pub(crate) fn find<'a, 't, H: Haystack>(
        &'a self,
        text: &'t str,
        folded: &H,
        seg: &Segment,
        scratch: &mut Scratch,
        out: &mut Vec<Mention<'a, 't>>,
    ) {
        // The mode is chosen once a segment, outside the scan: the default scan is compiled
        // on its own, without a test a word.
        match seg.overlaps {
            Overlaps::None => self.scan_form::<false, H>(text, folded, seg, scratch, out),
            Overlaps::All => self.scan_form::<true, H>(text, folded, seg, scratch, out),
            Overlaps::Nested => {
                let base = out.len();
                self.scan_form::<true, H>(text, folded, seg, scratch, out);
                keep_nested(out, base);
            }
        }
    }

    /// The scan in the form the gazetteer's size asks for (a const generic each): the map of
    /// few first words, the filters, or the table of first words of a large gazetteer.
    #[inline(always)]
    fn scan_form<'a, 't, const ALL: bool, H: Haystack>(
        &'a self,
        text: &'t str,
        folded: &H,
        seg: &Segment,
        scratch: &mut Scratch,
        out: &mut Vec<Mention<'a, 't>>,
    ) {
        match (self.small_filters, !self.first_bitmap.is_empty()) {
            (true, true) => self.scan::<ALL, false, true, H>(text, folded, seg, scratch, out),
            (true, false) => self.scan::<ALL, false, false, H>(text, folded, seg, scratch, out),
            (false, _) => self.scan::<ALL, true, false, H>(text, folded, seg, scratch, out),
        }
    }

    /// The scan: with `ALL`, every name that passes at every place a name may start, longest
    /// first at each; without, leftmost-longest, resuming after each mention. With `LARGE`, the
    /// first step of a word is the table of first words rather than the filters; with `BITMAP`
    /// (small gazetteers), the map of first words rather than their Bloom filter.
    #[inline]
    fn scan<'a, 't, const ALL: bool, const LARGE: bool, const BITMAP: bool, H: Haystack>(
        &'a self,
        text: &'t str,
        folded: &H,
        seg: &Segment,
        scratch: &mut Scratch,
        out: &mut Vec<Mention<'a, 't>>,
    ) {
        let full = folded.bytes();
        let Some(fb) = full.get(..seg.folded.end) else {
            return;
        };
        let lo = seg.folded.start;
        let n = fb.len();
        let mut i = lo;
        let mut cursor = seg.cursor;
        let space_starts = self.punct_starts[usize::from(b' ')];
        // Invariant at the top of the loop: `i` is not inside a word (the character before it
        // is not a word character, or `fb[i]` is not one either).
        while i < n {
            let b = fb[i];
            // The folded text's one white space, between most words: (almost) no name starts
            // with it.
            if b == b' ' && !space_starts {
                i += 1;
                continue;
            }
            let (word, len) = if b < 0x80 {
                (is_word_byte(b), 1)
            } else {
                match char_at(fb, i) {
                    Some((c, l)) => (is_word_char(c), l),
                    None => (false, 1),
                }
            };
            if !word {
                // Only names that start with punctuation can start here.
                if self.punct_starts[b as usize] && self.punct_may_start(fb, i) && left_ok(fb, lo, i) {
                    // Keep the cursor at the walk's start: mention offsets map forward from it.
                    let _ = folded.original_from(i, &mut cursor);
                    if let Some(end) =
                        self.walk::<ALL, H>(text, folded, seg, i, None, false, cursor, scratch, out)
                    {
                        if !ALL {
                            i = end;
                            continue;
                        }
                    }
                }
                i += len;
                continue;
            }
            // A word starts at `i`: find its end, then hash it.
            let (j, h) = trie::word_end_hash_in(fb, full, i);
            // Whether to walk from this word: its edge from the root, and whether it is written
            // with a lower-case initial.
            let walk_from: Option<(Step, bool, Option<bool>)> = if LARGE {
                // A large gazetteer: a filter of all first words at the usual size would not
                // stay in cache. A word with a lower-case initial (most words) is looked up in
                // the small filter of names spelt without a capital, any other in a filter of
                // all first words at half the bits; then the table of first words, exact, says
                // in one probe what the other filters would.
                let lower = b.is_ascii_lowercase()
                    && folded
                        .original_from(i, &mut cursor)
                        .is_some_and(|o| starts_lower_case(text, o));
                // (At a million names the table is 8.6 MB and that filter 540 KB.) The two probes
                // are written out: a helper choosing the filter (as `pair_filter` does) cost 1%
                // more instructions at 1M names and 0.5% at 1k.
                if if lower {
                    !self.lower_first_words.may_contain(h)
                } else {
                    !self.first_words.may_contain(h)
                } {
                    None
                } else {
                    let root = match self.trie.first(h) {
                        Step::Edge(s) if !lower || s.key & ROOT_UNCAPPED != 0 => Some(s),
                        _ => None,
                    };
                    // A one-word name this word can spell (not one of capitals only for a
                    // lower-case word; a tail's name is longer), or longer names whose second
                    // word follows, or a name outside the trie.
                    let named = root.is_some_and(|s| {
                        (s.child != TAIL
                            && if lower {
                                s.pattern & CAPPED == 0
                            } else {
                                s.pattern != NO_PATTERN
                            })
                            || s.child != LEAF
                                && (self.pair_follows(fb, j, h, lower) || self.far_pairs.may_contain(h))
                    });
                    // Asked here only when the trie has nothing: the walk reuses the answer.
                    let rest = (!named).then(|| self.rest_may_start(fb, j, h));
                    (named || rest == Some(true)).then(|| (root.map_or(Step::Dead, Step::Edge), lower, rest))
                }
            } else if !if BITMAP {
                self.first_map_has(h)
            } else {
                self.first_words.may_contain(h)
            } {
                // The filter of all first words is small (in cache): it goes first, and most
                // words stop there without looking at the original text.
                None
            } else {
                // For a word written with a lower-case initial (most words), some name without
                // a capital must start with it. (The test of the initial is written out in both
                // forms: a shared helper measured 1.5% to 2.4% more instructions.)
                let lower = b.is_ascii_lowercase()
                    && folded
                        .original_from(i, &mut cursor)
                        .is_some_and(|o| starts_lower_case(text, o));
                let plausible = (!lower || self.lower_first_words.may_contain(h))
                    && (self.singles.may_contain(h) || self.pair_follows(fb, j, h, lower));
                plausible.then(|| (self.trie.first(h), lower, None))
            };
            if let Some((first, lower, rest)) = walk_from {
                if left_ok(fb, lo, i) {
                    let _ = folded.original_from(i, &mut cursor);
                    if let Some(end) = self.walk::<ALL, H>(
                        text,
                        folded,
                        seg,
                        i,
                        Some((j, h, first, rest)),
                        lower,
                        cursor,
                        scratch,
                        out,
                    ) {
                        if !ALL {
                            i = end;
                            continue;
                        }
                    }
                }
            }
            i = j;
        }
    }

    /// True if the word after the one that ends at `fb[j]` (hashed `h`) is the second word of
    /// a name with it, separated as in the text (the pair filter).
    #[inline(always)]
    fn pair_follows(&self, fb: &[u8], j: usize, h: u64, lower: bool) -> bool {
        trie::next_word_hash(fb, j, MAX_SEPARATOR).is_some_and(|(w2, _, h2)| {
            self.pair_filter(lower)
                .may_contain(pair_hash(h, fb.get(j..w2).unwrap_or(&[]), h2))
        })
    }

    /// True if the word hashed `h` may start a pattern, in the map of few first words: one bit,
    /// one load, in 8 KiB that stay in the L1 cache.
    #[inline(always)]
    fn first_map_has(&self, h: u64) -> bool {
        let b = first_bit(h);
        self.first_bitmap
            .get(b >> 6)
            .is_some_and(|w| w >> (b & 63) & 1 != 0)
    }

    /// The filter of pairs a text word may start: [`Matcher::lower_pairs`] for a word with a
    /// lower-case initial (`lower`).
    #[inline(always)]
    fn pair_filter(&self, lower: bool) -> &Bloom {
        if lower { &self.lower_pairs } else { &self.pairs }
    }

    /// True if a pattern outside the trie may start with the word that ends at `fb[j]`, hashed
    /// `h`: the word and the two bytes after it (or fewer, where such patterns end sooner).
    #[inline(always)]
    fn rest_may_start(&self, fb: &[u8], j: usize, h: u64) -> bool {
        // Most words stop at the first filter: the rest is out of line.
        self.rest_first_words.may_contain(h) && self.rest_starts_with(fb, j, h)
    }

    /// [`Matcher::rest_may_start`] past the filter of first words.
    #[inline(never)]
    fn rest_starts_with(&self, fb: &[u8], j: usize, h: u64) -> bool {
        let after = fb.get(j..j.saturating_add(2).min(fb.len())).unwrap_or(&[]);
        self.rest_starts.may_contain(rest_key(h, after))
            || (self.rest_bare && self.rest_starts.may_contain(rest_key(h, &[])))
            || (after.len() == 2
                && self.rest_one_byte[usize::from(after[0])]
                && self
                    .rest_starts
                    .may_contain(rest_key(h, after.get(..1).unwrap_or(&[]))))
    }

    /// True if a pattern that starts with punctuation may start at `fb[i]`: the next word is
    /// the first word of one.
    #[inline(always)]
    fn punct_may_start(&self, fb: &[u8], i: usize) -> bool {
        match &self.punct_next_words {
            None => true,
            Some(bloom) => {
                trie::next_word_hash(fb, i, trie::MAX_SEPARATOR).is_some_and(|(_, _, h)| bloom.may_contain(h))
            }
        }
    }

    /// Collects the patterns that start at `fb[i]` and end at a word boundary (only those with
    /// a name spelt without a capital if the text word has a lower-case initial: `lower`): from
    /// the word trie when a word starts there (`word`: its end, hash and edge from the root,
    /// and whether a pattern outside the trie may start with it when already known), and from
    /// the automata of the other patterns. Turns the longest one that passes the checks into a
    /// mention and returns its end; with `ALL`, every one that passes, longest first.
    #[inline]
    #[allow(clippy::too_many_arguments)]
    fn walk<'a, 't, const ALL: bool, H: Haystack>(
        &'a self,
        text: &'t str,
        folded: &H,
        seg: &Segment,
        i: usize,
        word: Option<(usize, u64, Step, Option<bool>)>,
        lower: bool,
        cursor: usize,
        scratch: &mut Scratch,
        out: &mut Vec<Mention<'a, 't>>,
    ) -> Option<usize> {
        let fb = folded.bytes().get(..seg.folded.end)?;
        let b = *fb.get(i)?;
        scratch.hits.clear();
        let mut other = true;
        if let Some((j, h, first, rest)) = word {
            self.trie_hits(fb, i, (j, h, first), lower, scratch);
            other = rest.unwrap_or_else(|| self.rest_may_start(fb, j, h));
        }
        let routes = &self.routes[b as usize];
        if other && !routes.is_empty() {
            for &s in routes {
                let Some(shard) = self.shards.get(s as usize) else {
                    continue;
                };
                let Some(start) = shard.start else { continue };
                scratch.steps += match &shard.auto {
                    Auto::Dfa(a) => collect_hits(a, start, &shard.pids, fb, i, lower, &mut scratch.hits),
                    Auto::Nfa(a) => collect_hits(a, start, &shard.pids, fb, i, lower, &mut scratch.hits),
                };
            }
            scratch.hits.sort_unstable();
        }
        let mut longest = None;
        while let Some((end, pid)) = scratch.hits.pop() {
            if let Some(m) = self.accept(text, folded, seg, i, end, pid, cursor, scratch) {
                out.push(m);
                if !ALL {
                    return Some(end);
                }
                longest.get_or_insert(end);
            }
        }
        longest
    }

    /// Walks the word trie from the word `fb[i..j]` (`word`: `j`, the word's hash and its edge
    /// from the root), pushing `(end, pattern)` for every pattern it reaches, shortest first.
    #[inline]
    fn trie_hits(&self, fb: &[u8], i: usize, word: (usize, u64, Step), lower: bool, scratch: &mut Scratch) {
        let (j, h, mut step) = word;
        let mut end = j;
        let push = |hits: &mut Vec<(usize, u32)>, end: usize, p: u32| {
            if p & CAPPED == 0 {
                hits.push((end, p));
            } else if !lower {
                hits.push((end, p & !CAPPED));
            }
        };
        loop {
            scratch.steps += 1;
            let Step::Edge(slot) = step else { return };
            if slot.child == TAIL {
                // One pattern below: compare the rest of it.
                let key = self.trie.key(slot.pattern & !CAPPED);
                if let Some(rest) = key.get(end - i..) {
                    let stop = end + rest.len();
                    scratch.steps += rest.len() as u64 / 32;
                    if fb.get(end..stop) == Some(rest) && boundary_after(fb, stop) {
                        push(&mut scratch.hits, stop, slot.pattern);
                    }
                }
                return;
            }
            if slot.pattern != NO_PATTERN {
                push(&mut scratch.hits, end, slot.pattern);
            }
            if slot.child == LEAF {
                return;
            }
            let Some((ws, we, hw)) = trie::next_word_hash(fb, end, trie::MAX_SEPARATOR) else {
                return;
            };
            let sep = fb.get(end..ws).unwrap_or(&[]);
            // The second word: the filter of pairs (smaller, more often in cache) first.
            // (The filter holds the pairs of names whose separator is short enough.)
            if end == j
                && ws - end <= MAX_SEPARATOR
                && !self.pair_filter(lower).may_contain(pair_hash(h, sep, hw))
            {
                return;
            }
            step = self.trie.get(edge_key(slot.child, sep_hash(sep), hw));
            end = we;
        }
    }

    /// Checks a candidate `folded[start..end]` for pattern `pid` and builds its mention.
    #[allow(clippy::too_many_arguments)]
    fn accept<'a, 't, H: Haystack>(
        &'a self,
        text: &'t str,
        folded: &H,
        seg: &Segment,
        start: usize,
        end: usize,
        pid: u32,
        cursor: usize,
        scratch: &mut Scratch,
    ) -> Option<Mention<'a, 't>> {
        let fb = folded.bytes().get(..seg.folded.end)?;
        let pattern = self.patterns.get(pid as usize)?;
        // The trie's steps are hashes: the candidate must spell the pattern.
        if !same_bytes(fb.get(start..end)?, self.trie.key(pid)) {
            return None;
        }
        // Right context: `twitter.com`, `meta@`, and elision words before an apostrophe.
        if let Some(&next) = fb.get(end) {
            if (next == b'.' || next == b'@') && char_at(fb, end + 1).is_some_and(|(c, _)| is_word_char(c)) {
                return None;
            }
            if next == b'\'' && pattern.elidable_end() {
                return None;
            }
        }
        // A candidate with white space on both sides is its own token: its pattern tells.
        let alone = (start == seg.folded.start || fb.get(start - 1) == Some(&b' '))
            && fb.get(end).is_none_or(|&b| b == b' ');
        if if alone {
            pattern.url_like()
        } else {
            in_url_or_email(fb, seg.folded.start, start, end)
        } {
            return None;
        }
        let (s, e) = folded.to_original_from(text, start, end, seg.original.clone(), cursor);
        let surface = text.get(s..e)?;
        let lower_initial = match surface.as_bytes().first() {
            // The first letter, when the surface starts with an ASCII one (most do).
            Some(c) if c.is_ascii_alphabetic() => c.is_ascii_lowercase(),
            _ => surface
                .chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(|c| c.is_lowercase()),
        };
        if pattern.function_only() && !function_word_ok(text, &seg.original, s, e) {
            return None;
        }
        scratch.passing.clear();
        let entries = self.entries.get(
            pattern.first()
                ..self
                    .patterns
                    .get(pid as usize + 1)
                    .map_or(self.entries.len(), Pattern::first),
        )?;
        scratch.steps += 1;
        if pattern.plain() && !lower_initial {
            // Every entry passes: the first name, and every entity of the pattern.
            let first = entries.first()?;
            return Some(self.mention(
                fb,
                seg,
                start,
                (s, e),
                text,
                surface,
                pattern,
                first.name,
                first.entity,
                None,
            ));
        }
        let mut name = None;
        // Whether a function-word name may match here: computed for the first such entry.
        let mut function_ok = None;
        for entry in entries {
            scratch.steps += 1;
            if seg.check_langs
                && !self
                    .lang_sets
                    .get(entry.langs as usize)
                    .is_some_and(|l| l.allows(seg.lang))
            {
                continue;
            }
            if entry.cap() && lower_initial {
                continue;
            }
            if entry.exact()
                && ((entry.non_ascii_exact() && is_own_exact_form(surface))
                    || !same_exact_form(surface, self.catalog.name(entry.name)))
            {
                continue;
            }
            if entry.function_word()
                && !*function_ok.get_or_insert_with(|| function_word_ok(text, &seg.original, s, e))
            {
                continue;
            }
            if name.is_none() {
                name = Some(entry.name);
            }
            // A pattern's entries of one entity are next to each other (gazetteer order).
            if scratch.passing.last() != Some(&entry.entity) {
                scratch.passing.push(entry.entity);
            }
        }
        let name = name?;
        let first = *scratch.passing.first()?;
        Some(self.mention(
            fb,
            seg,
            start,
            (s, e),
            text,
            surface,
            pattern,
            name,
            first,
            Some(&scratch.passing),
        ))
    }

    /// The mention of a candidate that passed, with its candidates: every entity of the pattern
    /// (`passing` is `None`), or those in `passing`. `surface` is `text[s..e]`, which the caller
    /// has already sliced.
    #[allow(clippy::too_many_arguments)]
    fn mention<'a, 't>(
        &'a self,
        fb: &[u8],
        seg: &Segment,
        start: usize,
        (s, e): (usize, usize),
        text: &'t str,
        surface: &str,
        pattern: &Pattern,
        name: u32,
        first: u32,
        passing: Option<&[u32]>,
    ) -> Mention<'a, 't> {
        let how = if self.stemmed {
            MatchKind::Stem
        } else {
            let elided = start > seg.folded.start + 1
                && fb.get(start - 1) == Some(&b'\'')
                && fb.get(start - 2).is_some_and(|&b| is_word_byte(b));
            surface_kind(surface, self.catalog.name(name), elided)
        };
        let all = match self.shared.get(pattern.shared as usize) {
            None => Shared::One,
            Some(all) => match passing {
                None => Shared::All(all),
                Some(p) if p.len() <= 1 => Shared::One,
                Some(p) if p.len() == all.len() => Shared::All(all),
                Some(p) => Shared::Some(Arc::from(p)),
            },
        };
        Mention {
            start: s,
            end: e,
            input: text,
            sentence: seg.index,
            catalog: &self.catalog,
            name,
            first,
            all,
            how,
        }
    }
}

/// True when `text[s..]` starts a sentence, a clause or a quotation: the text before it from
/// `lo` (the segment's start), white space and what folding drops (format characters,
/// combining marks) aside, is empty or ends with punctuation other than a comma or an
/// apostrophe (`.`, `:`, `«`, `"`, `(`, `]`, `—`...).
fn at_sentence_start(text: &str, lo: usize, s: usize) -> bool {
    let before = text.get(lo..s).unwrap_or("");
    match before
        .chars()
        .rev()
        .find(|&c| !matches!(normalize::fold_char(c), Fold::Space | Fold::Drop))
    {
        None => true,
        Some(c) => !(c.is_alphanumeric() || matches!(c, ',' | '\'' | '’' | 'ʼ' | '‘' | '`')),
    }
}

/// Whether the surface `text[s..e]` of a function-word name (already spelt as the name) may be a
/// mention: in capitals, unless a word next to it is in capitals too (a headline: `LA DÉCISION`);
/// else not at the start of a sentence, a clause or a quotation. `within` is the segment.
fn function_word_ok(text: &str, within: &Range<usize>, s: usize, e: usize) -> bool {
    let surface = text.get(s..e).unwrap_or("");
    if in_capitals(surface) {
        let before = text.get(within.start..s).unwrap_or("");
        let after = text.get(e..within.end).unwrap_or("");
        let prev = before
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let next = after
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        return !in_capitals(prev) && !in_capitals(next);
    }
    !at_sentence_start(text, within.start, s)
}

/// True when `s` has two letters or more and none in lower case (`LA`, `NATO`).
fn in_capitals(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        if c.is_lowercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// Keeps, of the mentions `out[base..]` (every mention, sorted by start then longest first),
/// those of [`Overlaps::Nested`]: the leftmost-longest ones, and every mention inside one of
/// them; drops the mentions that start inside one and end after it.
pub(crate) fn keep_nested(out: &mut Vec<Mention<'_, '_>>, base: usize) {
    let mut top_end = 0;
    let mut k = 0;
    out.retain(|m| {
        k += 1;
        if k <= base {
            return true;
        }
        if m.start() >= top_end {
            top_end = m.end();
            true
        } else {
            m.end() <= top_end
        }
    });
}

/// True if the character at original offset `o` (snapped back to a char boundary) is a
/// lower-case letter.
#[inline]
fn starts_lower_case(text: &str, mut o: usize) -> bool {
    let b = text.as_bytes();
    match b.get(o) {
        Some(c) if c.is_ascii() => c.is_ascii_lowercase(),
        Some(_) => {
            while o > 0 && !text.is_char_boundary(o) {
                o -= 1;
            }
            text.get(o..)
                .and_then(|t| t.chars().next())
                .is_some_and(char::is_lowercase)
        }
        None => false,
    }
}

/// The most bytes between the first two words of a pattern for the pair filter: a pattern
/// whose first two words are further apart counts as a single word, so the pair filter never
/// misses it.
const MAX_SEPARATOR: usize = 8;

/// The next word after a word ending at `i`, within [`MAX_SEPARATOR`] bytes.
#[inline]
fn next_word(fb: &[u8], i: usize) -> Option<(usize, usize)> {
    trie::next_word(fb, i, MAX_SEPARATOR)
}

/// The key of a pattern outside the trie in [`Matcher::rest_starts`]: its first word's hash
/// and up to two bytes after the word (`after` is cut to two; fewer when the pattern ends).
#[inline]
fn rest_key(h: u64, after: &[u8]) -> u64 {
    let bytes = match after {
        [] => 0x1_0000,
        [a] => 0x2_0000 | u64::from(*a),
        [a, b, ..] => 0x3_0000 | u64::from(*a) | u64::from(*b) << 8,
    };
    (h ^ bytes.wrapping_mul(0x9e37_79b9_7f4a_7c15)).rotate_left(23)
}

/// The hash of two words and what separates them.
#[inline]
fn pair_hash(h1: u64, sep: &[u8], h2: u64) -> u64 {
    let mut h = h1.rotate_left(23) ^ h2;
    for &b in sep {
        h = (h ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    let h = h.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    h ^ (h >> 31)
}

/// A blocked Bloom filter over 64-bit hashes, 16 bits per item: the high bits of a hash pick
/// one 64-bit word, the low bits set two bits in it, so a probe reads one word (one cache
/// line) where a classic filter reads one per bit. (A third bit would take the false positives
/// from about 1.4% to 0.5% at 16 bits an item, but its shift cost the scan more than they do.)
#[derive(Debug, Clone)]
struct Bloom {
    bits: Vec<u64>,
    /// Word count.
    words: usize,
}

impl Bloom {
    /// The bits a filter gives each item.
    const BITS_PER_ITEM: usize = 16;

    /// A filter for `n` items, sized exactly (not rounded up to a power of two: the word is
    /// picked by scaling the hash's high 32 bits to the number of words).
    fn with_items(n: usize) -> Bloom {
        Bloom::with_bits(n, Bloom::BITS_PER_ITEM)
    }

    /// [`Bloom::with_items`] with `bits` an item rather than [`Bloom::BITS_PER_ITEM`].
    fn with_bits(n: usize, bits: usize) -> Bloom {
        let words = Bloom::words(n, bits);
        Bloom {
            bits: vec![0; words],
            words,
        }
    }

    /// A filter of the distinct hashes in `items`, sized for them.
    fn of(items: Vec<u64>) -> Bloom {
        Bloom::of_bits(items, Bloom::BITS_PER_ITEM)
    }

    /// [`Bloom::of`] with `bits` a distinct item rather than [`Bloom::BITS_PER_ITEM`].
    fn of_bits(mut items: Vec<u64>, bits: usize) -> Bloom {
        items.sort_unstable();
        items.dedup();
        let mut b = Bloom::with_bits(items.len(), bits);
        for h in items {
            b.insert(h);
        }
        b
    }

    /// The bytes of [`Bloom::with_items`]`(n)`.
    fn bytes_for(n: usize) -> usize {
        Bloom::words(n, Bloom::BITS_PER_ITEM) * 8
    }

    fn words(n: usize, bits: usize) -> usize {
        (n.saturating_mul(bits) / 64).max(64)
    }
    #[inline]
    fn probe(&self, h: u64) -> (usize, u64) {
        let word = (((h >> 32) * self.words as u64) >> 32) as usize;
        let bits = (1u64 << (h & 63)) | (1u64 << ((h >> 6) & 63));
        (word, bits)
    }
    fn insert(&mut self, h: u64) {
        let (word, bits) = self.probe(h);
        if let Some(w) = self.bits.get_mut(word) {
            *w |= bits;
        }
    }
    #[inline]
    fn may_contain(&self, h: u64) -> bool {
        let (word, bits) = self.probe(h);
        self.bits.get(word).is_some_and(|w| w & bits == bits)
    }
    fn memory(&self) -> usize {
        self.bits.len() * 8
    }
}

/// Walks one automaton from `fb[i]` until it dies, pushing `(end, global pattern id)` for every
/// pattern that starts at `i` and ends at a word boundary, shortest first; with `lower` (the
/// text word has a lower-case initial), not the patterns marked [`CAPPED`].
#[inline]
fn collect_hits<A: Automaton>(
    auto: &A,
    start: StateID,
    pids: &[u32],
    fb: &[u8],
    i: usize,
    lower: bool,
    hits: &mut Vec<(usize, u32)>,
) -> u64 {
    let mut sid = start;
    let mut steps = 0;
    for (j, &byte) in fb.iter().enumerate().skip(i) {
        steps += 1;
        sid = auto.next_state(Anchored::Yes, sid, byte);
        if auto.is_special(sid) {
            if auto.is_dead(sid) {
                break;
            }
            if auto.is_match(sid) && boundary_after(fb, j + 1) {
                for k in 0..auto.match_len(sid) {
                    let pid = auto.match_pattern(sid, k);
                    if auto.pattern_len(pid) == j + 1 - i {
                        match pids.get(pid.as_usize()) {
                            Some(&global) if global & CAPPED == 0 => hits.push((j + 1, global)),
                            Some(&global) if !lower => hits.push((j + 1, global & !CAPPED)),
                            _ => {}
                        }
                    }
                }
            }
        }
    }
    steps
}

/// `a == b`, without a call to `memcmp` for the short keys most candidates have.
#[inline]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    if n < 8 {
        return a.iter().zip(b).all(|(x, y)| x == y);
    }
    if n <= 16 {
        // Two loads from each end, overlapping when shorter than sixteen bytes.
        let ends = |s: &[u8]| {
            (
                s.get(..8).and_then(crate::swar::load),
                s.get(n - 8..).and_then(crate::swar::load),
            )
        };
        return ends(a) == ends(b);
    }
    a == b
}

/// How a surface relates to the name it matched (main tier).
fn surface_kind(surface: &str, name: &str, elided: bool) -> MatchKind {
    if same_bytes(surface.as_bytes(), name.as_bytes()) {
        return if elided {
            MatchKind::Elision
        } else {
            MatchKind::Exact
        };
    }
    if !(is_own_exact_form(surface) && is_own_exact_form(name)) {
        return surface_kind_exact(surface, name, elided);
    }
    if surface.eq_ignore_ascii_case(name) {
        MatchKind::Case
    } else {
        MatchKind::Accent
    }
}

/// True for printable ASCII with single spaces and no backquote: its own exact form
/// ([`normalize::exact_chars`]), so that bytes compare as exact forms do.
fn is_own_exact_form(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().all(|&c| (0x20..0x7f).contains(&c) && c != b'`') && !b.windows(2).any(|w| w == b"  ")
}

/// Whether `surface` and `name` have the same exact form: equal bytes do; else, unless both
/// are their own exact forms, the forms are compared.
#[inline]
fn same_exact_form(surface: &str, name: &str) -> bool {
    same_bytes(surface.as_bytes(), name.as_bytes())
        || (!(is_own_exact_form(surface) && is_own_exact_form(name))
            && normalize::exact_chars(surface).eq(normalize::exact_chars(name)))
}

/// [`surface_kind`] through the exact forms of surface and name, whatever they hold.
fn surface_kind_exact(surface: &str, name: &str, elided: bool) -> MatchKind {
    if surface == name || normalize::exact_chars(surface).eq(normalize::exact_chars(name)) {
        return if elided {
            MatchKind::Elision
        } else {
            MatchKind::Exact
        };
    }
    let lower = |s| normalize::exact_chars(s).flat_map(char::to_lowercase);
    if lower(surface).eq(lower(name)) {
        MatchKind::Case
    } else {
        MatchKind::Accent
    }
}

/// True if a word may start at `fb[i]` as far as its left context is concerned: not inside a
/// dotted or @ token (`pic.twitter`, `mario@meta`), and after an apostrophe only when the word
/// before it is an elision (`d’`, `l’`, `dell’`, `qu’`), not `O’Neill`.
#[inline]
pub(crate) fn left_ok(fb: &[u8], lo: usize, i: usize) -> bool {
    if i <= lo {
        return true;
    }
    let prev = fb[i - 1];
    match prev {
        b'.' | b'@' => !(i >= lo + 2 && char_ending_at(fb, i - 1, lo).is_some_and(is_word_char)),
        b'\'' => {
            // The word before the apostrophe.
            let end = i - 1;
            let mut s = end;
            while s > lo && fb.get(s - 1).is_some_and(|&b| is_word_byte(b)) && end - s < 8 {
                s -= 1;
            }
            if s == end {
                return true; // a quotation mark, not an elision
            }
            if s > lo && char_ending_at(fb, s, lo).is_some_and(is_word_char) {
                return false; // a longer word, or other letters before
            }
            is_elision(&fb[s..end])
        }
        _ => true,
    }
}

/// The character that ends just before `fb[i]`, not looking before `lo`.
fn char_ending_at(fb: &[u8], i: usize, lo: usize) -> Option<char> {
    let mut s = i.checked_sub(1)?;
    while s > lo && i - s < 4 && fb.get(s).is_some_and(|&b| (b & 0xC0) == 0x80) {
        s -= 1;
    }
    std::str::from_utf8(fb.get(s..i)?).ok()?.chars().next_back()
}

/// True if no word character starts at `fb[i]` (or `i` is the end).
#[inline]
pub(crate) fn boundary_after(fb: &[u8], i: usize) -> bool {
    // Every character of a script written without spaces is a word of its own: a boundary on
    // each side of it.
    let after_cjk = || i > 0 && fb[i - 1] >= 0x80 && char_ending_at(fb, i, 0).is_some_and(normalize::is_cjk);
    match fb.get(i) {
        None => true,
        Some(&b) if b < 0x80 => !is_word_byte(b) || after_cjk(),
        Some(_) => {
            !char_at(fb, i).is_some_and(|(c, _)| is_word_char(c) && !normalize::is_cjk(c)) || after_cjk()
        }
    }
}

/// True if the candidate lies in a URL or e-mail address: its white-space-delimited token holds
/// `://`, starts with `www.`, or holds an `@` right after a letter or digit (`mario@meta.com`).
/// An `@` after anything else starts a handle (`@Meta`, `(@Meta)`), not an address.
pub(crate) fn in_url_or_email(fb: &[u8], lo: usize, start: usize, end: usize) -> bool {
    let mut s = start;
    while s > lo && start - s < TOKEN_WINDOW && fb[s - 1] != b' ' {
        s -= 1;
    }
    let mut e = end;
    while e < fb.len() && e - end < TOKEN_WINDOW && fb[e] != b' ' {
        e += 1;
    }
    let token = &fb[s..e];
    // Quotes and brackets around a token are not part of it.
    let token = trim_punct(token);
    is_url_token(token)
}

/// True if a token (quotes and brackets trimmed) looks like a URL or an e-mail address.
fn is_url_token(token: &[u8]) -> bool {
    if token.starts_with(b"www.") {
        return true;
    }
    // Most tokens have neither: one branch-free pass instead of two searches.
    if !token
        .iter()
        .fold(false, |any, &b| any | (b == b':') | (b == b'@'))
    {
        return false;
    }
    token.windows(3).any(|w| w == b"://")
        || token
            .iter()
            .enumerate()
            .any(|(k, &b)| b == b'@' && char_ending_at(token, k, 0).is_some_and(is_word_char))
}

fn trim_punct(mut t: &[u8]) -> &[u8] {
    while let Some((&f, rest)) = t.split_first() {
        if matches!(f, b'"' | b'(' | b'[' | b'<' | b'\'') {
            t = rest;
        } else {
            break;
        }
    }
    t
}

/// French and Italian words that elide before a vowel (folded, lower-case).
pub(crate) fn is_elision(word: &[u8]) -> bool {
    matches!(
        word,
        b"l" | b"d"
            | b"j"
            | b"m"
            | b"n"
            | b"s"
            | b"t"
            | b"c"
            | b"qu"
            | b"jusqu"
            | b"lorsqu"
            | b"puisqu"
            | b"quoiqu"
            | b"presqu"
            | b"quelqu"
            | b"un"
            | b"dell"
            | b"dall"
            | b"nell"
            | b"sull"
            | b"all"
            | b"coll"
            | b"pell"
            | b"degl"
            | b"quest"
            | b"quell"
            | b"bell"
            | b"sant"
            | b"buon"
            | b"nessun"
            | b"ciascun"
            | b"anch"
            | b"senz"
            | b"com"
            | b"dov"
            | b"tutt"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Kind;

    fn run(gaz: &Gazetteer, text: &str) -> Vec<(String, String)> {
        let m = Matcher::new(
            gaz,
            Arc::new(Catalog::new(gaz).unwrap()),
            false,
            false,
            true,
            |_, n, out| {
                out.extend_from_slice(normalize::fold_str(n.text()).as_bytes());
                Admit::Name
            },
        )
        .unwrap();
        let mut f = Folded::new();
        let r = f.push(text, 0..text.len());
        let seg = Segment {
            folded: r,
            original: 0..text.len(),
            lang: None,
            check_langs: false,
            index: 0,
            overlaps: Overlaps::None,
            cursor: 0,
        };
        let mut out = Vec::new();
        m.find(text, &f, &seg, &mut Scratch::default(), &mut out);
        out.iter()
            .map(|m| (m.id().to_string(), m.text().to_string()))
            .collect()
    }

    #[test]
    fn boundaries_and_elision() {
        let mut b = Gazetteer::builder();
        b.entity("meta", Kind::Organization, ["Meta"]).unwrap();
        b.entity("x", Kind::Product, ["X"]).unwrap();
        b.entity("tw", Kind::Product, ["Twitter"]).unwrap();
        b.entity("amz", Kind::Organization, ["Amazon"]).unwrap();
        b.entity("neill", Kind::Person, ["Neill"]).unwrap();
        let g = b.build();
        let got = run(
            &g,
            "Meta, META et le Metaverse; X, Xbox, X2; pic.twitter.com, d’Amazon, O’Neill, Meta’s, la meta",
        );
        let texts: Vec<&str> = got.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(texts, ["Meta", "META", "X", "Amazon", "Meta"]);
    }

    /// `same_bytes` is `==` at every length around its two word-sized loads, with one byte
    /// changed at every position (and slices of different lengths).
    #[test]
    fn same_bytes_is_equality() {
        let base: Vec<u8> = (0u8..40).map(|k| b'a' + k % 26).collect();
        for n in 0..=base.len() {
            let a = &base[..n];
            let copy = a.to_vec();
            assert!(same_bytes(a, &copy));
            for k in 0..n {
                let mut b = a.to_vec();
                b[k] ^= 0x20;
                assert!(!same_bytes(a, &b), "length {n}, byte {k}");
            }
            if n > 0 {
                assert!(!same_bytes(a, &base[..n - 1]));
            }
        }
    }

    /// The ASCII shortcut of `surface_kind` gives what the exact forms give.
    #[test]
    fn surface_kind_shortcut_agrees_with_exact_forms() {
        let forms = [
            "Meta",
            "meta",
            "META",
            "New York",
            "new york",
            "New  York",
            "New\tYork",
            "l'Eliseo",
            "l`Eliseo",
            "L'Eliseo",
            "\"Meta\"",
            "Élysée",
            "Elysee",
            "elysée",
            "Saint-Martin",
            "saint martin",
            "",
            " ",
            "A.B.",
        ];
        for a in forms {
            for b in forms {
                for elided in [false, true] {
                    assert_eq!(
                        surface_kind(a, b, elided),
                        surface_kind_exact(a, b, elided),
                        "{a:?} {b:?} {elided}"
                    );
                }
                assert_eq!(
                    same_exact_form(a, b),
                    normalize::exact_chars(a).eq(normalize::exact_chars(b)),
                    "{a:?} {b:?}"
                );
            }
        }
    }

    #[test]
    fn shorter_candidate_survives() {
        let mut b = Gazetteer::builder();
        b.entity("r", Kind::Organization, ["Renault"]).unwrap();
        b.entity("rs", Kind::Organization, ["Renault Sport"]).unwrap();
        let g = b.build();
        assert_eq!(
            run(&g, "une Renault sportive"),
            [("r".to_string(), "Renault".to_string())]
        );
        assert_eq!(
            run(&g, "chez Renault Sport."),
            [("rs".to_string(), "Renault Sport".to_string())]
        );
    }
}
