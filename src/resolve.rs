//! From names to entities: the post-passes over a document's mentions that run after matching.
//!
//! - **Short forms** ([`ShortForms`]): once a full name of an entity of an enabled kind has
//!   been found, a part of it (the last word for persons, the first for organisations) is a
//!   mention of the same entity for the rest of the document.
//! - **One sense per document** ([`Related`], [`resolve_by_context`]): a mention whose name is
//!   shared by several entities puts first the one candidate the document also names
//!   unambiguously (itself or a related entity).
//!
//! Both work on the mentions of one sentence (short forms, with the state of the document so
//! far) or of the rest of a document (context), in the analyzer's [`Mentions`] iterator.
//!
//! [`Mentions`]: crate::Mentions

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use crate::gazetteer::{Gazetteer, Kind, LangSet};
use crate::hash::BuildFx;
use crate::lang::Lang;
use crate::matcher::{boundary_after, in_url_or_email, is_elision, left_ok};
use crate::mention::{Catalog, MatchKind, Mention, Shared};
use crate::normalize::{self, Folded, char_at, is_word_byte, is_word_char};

/// Which part of a full name is its short form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    /// The last word, with the particles before it (`Le Pen`, `Di Maio`, `von der Leyen`).
    Last,
    /// The first word (`Fox` for `Fox Business Network`), unless the second word is written in
    /// lower case (`Banca d’Italia`, `Bank of America`: the first word is a common noun).
    First,
}

fn part_of(kind: &Kind) -> Part {
    match kind {
        Kind::Organization => Part::First,
        _ => Part::Last,
    }
}

/// Lower-case particles that belong to a surname when they come before its last word.
fn is_particle(word: &str) -> bool {
    const PARTICLES: [&str; 24] = [
        "de", "di", "da", "du", "des", "del", "della", "dei", "degli", "dal", "dalla", "van", "von", "der",
        "den", "ten", "ter", "le", "la", "lo", "dos", "das", "do", "zu",
    ];
    PARTICLES.iter().any(|p| word.eq_ignore_ascii_case(p))
}

/// The short form of `name` (as written in the gazetteer) for a kind that uses `part`: a byte
/// range of `name`, or `None` when it has none (one word, a lower-case head, too short).
fn short_part(name: &str, part: Part) -> Option<Range<usize>> {
    let words: Vec<Range<usize>> = name
        .split_whitespace()
        .map(|w| {
            let start = w.as_ptr() as usize - name.as_ptr() as usize;
            start..start + w.len()
        })
        .collect();
    if words.len() < 2 {
        return None;
    }
    let initial = |r: &Range<usize>| {
        name.get(r.clone())
            .and_then(|w| w.chars().find(|c| c.is_alphanumeric()))
    };
    let range = match part {
        Part::Last => {
            let last = words.last()?.clone();
            let mut start = last.start;
            // Particles before the last word, never the first word of the name.
            for w in words.iter().rev().skip(1) {
                if w.start == 0 || !name.get(w.clone()).is_some_and(is_particle) {
                    break;
                }
                start = w.start;
            }
            start..last.end
        }
        Part::First => {
            if initial(words.get(1)?).is_some_and(char::is_lowercase) {
                return None;
            }
            words.first()?.clone()
        }
    };
    // The head (the part's last word for `Last`, its only word for `First`) has a capital
    // (`Hastings`, `d’Estaing`).
    let head = match part {
        Part::Last => words.last()?,
        Part::First => words.first()?,
    };
    if !name
        .get(head.clone())
        .is_some_and(|h| initials(h).any(char::is_uppercase))
    {
        return None;
    }
    // Without the punctuation around it (`«Bar»`, `S.p.A.`).
    let text = name.get(range.clone())?;
    let trimmed = text.trim_matches(|c: char| !c.is_alphanumeric());
    if trimmed.chars().filter(|&c| is_word_char(c)).count() < 2 {
        return None;
    }
    let start = range.start + (trimmed.as_ptr() as usize - text.as_ptr() as usize);
    Some(start..start + trimmed.len())
}

/// The length of the first word of folded bytes, as the sentence scan delimits words.
fn first_word_len(key: &[u8]) -> usize {
    let mut k = 0;
    while let Some((c, len)) = char_at(key, k) {
        if !is_word_char(c) || (k > 0 && normalize::is_cjk(c)) {
            break;
        }
        k += len;
        if normalize::is_cjk(c) {
            break;
        }
    }
    k
}

/// The analyzer's short-form settings, built once when short forms are enabled.
#[derive(Debug, Default)]
pub(crate) struct ShortForms {
    kinds: Vec<Kind>,
    /// `name_start[e]..name_start[e + 1]` are entity `e`'s names in the catalog.
    name_start: Vec<u32>,
    /// The language limits of the names of enabled kinds that have some (catalog name index).
    name_langs: HashMap<u32, LangSet, BuildFx>,
    /// The names of enabled kinds flagged `exact`: their short form must be written as in them.
    exact: HashSet<u32, BuildFx>,
}

impl ShortForms {
    /// Settings for `kinds` over `gaz` (names numbered as in the catalog).
    pub(crate) fn new(gaz: &Gazetteer, kinds: &[Kind]) -> ShortForms {
        let mut sf = ShortForms {
            kinds: kinds.to_vec(),
            ..ShortForms::default()
        };
        let mut index = 0u32;
        sf.name_start.reserve(gaz.len() + 1);
        for e in gaz.entities() {
            sf.name_start.push(index);
            let enabled = sf.kinds.contains(e.kind());
            for n in e.names() {
                if enabled {
                    if !n.lang_set().is_any() {
                        sf.name_langs.insert(index, n.lang_set());
                    }
                    if n.is_exact() {
                        sf.exact.insert(index);
                    }
                }
                index = index.wrapping_add(1);
            }
        }
        sf.name_start.push(index);
        sf
    }

    /// The catalog indices of entity `e`'s names.
    fn names_of(&self, e: u32) -> Range<u32> {
        let at = |i: usize| self.name_start.get(i).copied().unwrap_or(0);
        at(e as usize)..at(e as usize + 1)
    }

    pub(crate) fn kinds(&self) -> &[Kind] {
        &self.kinds
    }

    pub(crate) fn memory(&self) -> usize {
        self.name_langs.capacity() * 20 + self.exact.capacity() * 8 + self.name_start.capacity() * 4
    }
}

/// One entity a short form stands for.
#[derive(Clone, Debug)]
struct Who {
    entity: u32,
    /// The full name it was found by.
    name: u32,
    /// The short form's bytes in that name, as written.
    part: Range<usize>,
    /// Where the full name ends in the text: the short form counts only after it.
    since: usize,
}

/// An active short form of the document: its folded bytes and the entities it stands for, in
/// gazetteer order.
#[derive(Clone, Debug, Default)]
struct Form {
    key: Vec<u8>,
    who: Vec<Who>,
}

/// The short forms of one document so far; kept in the thread's buffers between documents.
#[derive(Debug, Default)]
pub(crate) struct DocShortForms {
    forms: Vec<Form>,
    /// A form's folded bytes → its index in `forms`.
    index: HashMap<Vec<u8>, u32, BuildFx>,
    /// A form's first folded word → the forms that start with it, longest first.
    by_first: HashMap<Vec<u8>, Vec<u32>, BuildFx>,
    /// (entity, name) pairs registered, so a full name repeated costs one probe.
    seen: HashSet<(u32, u32), BuildFx>,
    passing: Vec<u32>,
    /// The first bytes of the forms, as a bit set.
    first_bytes: [u64; 4],
    /// The distinct first bytes of the forms, in the order seen.
    firsts: Vec<u8>,
    /// Per mention of the sentence, the largest end up to it.
    max_end: Vec<usize>,
}

impl DocShortForms {
    pub(crate) fn clear(&mut self) {
        self.forms.clear();
        self.index.clear();
        self.by_first.clear();
        self.seen.clear();
        self.passing.clear();
        self.first_bytes = [0; 4];
        self.firsts.clear();
    }

    /// Registers the short forms of the full names among `mentions`: for each candidate
    /// entity of an enabled kind, each of its names that folds like the name matched (the
    /// mention holds the first candidate's name; the others matched a name spelt alike).
    fn register(&mut self, sf: &ShortForms, catalog: &Catalog, mentions: &[Mention<'_, '_>]) {
        for m in mentions {
            if m.how == MatchKind::ShortForm {
                continue;
            }
            let mut full: Option<String> = None;
            for &e in m.entities() {
                let kind = catalog.kind(e);
                if !sf.kinds.contains(kind) || !self.seen.insert((e, m.name)) {
                    continue;
                }
                for n in sf.names_of(e) {
                    if n != m.name {
                        let full = full.get_or_insert_with(|| normalize::fold_str(catalog.name(m.name)));
                        if normalize::fold_str(catalog.name(n)) != *full {
                            continue;
                        }
                    }
                    self.add(catalog, e, n, part_of(kind), m.end);
                }
            }
        }
    }

    /// Adds the short form of entity `e`'s name `n`, found in full up to `since`.
    fn add(&mut self, catalog: &Catalog, e: u32, n: u32, part: Part, since: usize) {
        let name = catalog.name(n);
        let Some(part) = short_part(name, part) else {
            return;
        };
        let key = normalize::fold_str(name.get(part.clone()).unwrap_or("")).into_bytes();
        let first_len = first_word_len(&key);
        if first_len == 0 {
            return;
        }
        let who = Who {
            entity: e,
            name: n,
            part,
            since,
        };
        if let Some(f) = self.index.get(&key).and_then(|&i| self.forms.get_mut(i as usize)) {
            if !f.who.iter().any(|w| (w.entity, w.name) == (e, n)) {
                let at = f.who.partition_point(|w| (w.entity, w.name) <= (e, n));
                f.who.insert(at, who);
            }
            return;
        }
        let Some(&b) = key.first() else {
            return;
        };
        if !self.firsts.contains(&b) {
            self.firsts.push(b);
        }
        if let Some(w) = self.first_bytes.get_mut(usize::from(b >> 6)) {
            *w |= 1 << (b & 63);
        }
        let i = self.forms.len() as u32;
        let first = key.get(..first_len).unwrap_or(&[]).to_vec();
        let len = key.len();
        self.index.insert(key.clone(), i);
        self.forms.push(Form { key, who: vec![who] });
        // Longest first: an insertion, not a sort, so a document naming many people stays
        // linear in them.
        let forms = &self.forms;
        let list = self.by_first.entry(first).or_default();
        let at = list.partition_point(|&j| forms.get(j as usize).map_or(0, |f| f.key.len()) >= len);
        list.insert(at, i);
    }
}

/// Finds the short forms of one sentence and adds them to its `mentions` (sorted by start,
/// then longest first), after registering the sentence's full names.
#[allow(clippy::too_many_arguments)]
pub(crate) fn short_forms_in_sentence<'a, 't>(
    state: &mut DocShortForms,
    sf: &ShortForms,
    catalog: &'a Catalog,
    text: &'t str,
    folded: &Folded,
    frange: Range<usize>,
    original: Range<usize>,
    lang: Option<Lang>,
    index: usize,
    mentions: &mut Vec<Mention<'a, 't>>,
) {
    state.register(sf, catalog, mentions);
    if state.forms.is_empty() {
        return;
    }
    let Some(fb) = folded.bytes().get(..frange.end) else {
        return;
    };
    let lo = frange.start;
    let mut found: Vec<Mention<'a, 't>> = Vec::new();
    // Jump from one byte that starts some form to the next (memchr for up to three distinct
    // first bytes, a bit test a byte otherwise), and look only at word starts there.
    let bits = state.first_bytes;
    let firsts: [u8; 3] = std::array::from_fn(|k| state.firsts.get(k).copied().unwrap_or(0));
    let distinct = state.firsts.len();
    // The next word start whose first byte starts some form: memchr for up to three distinct
    // first bytes (then a test that a word starts there), a table look-up a byte otherwise.
    let next_first = |from: usize| -> Option<usize> {
        let [a, b, c] = firsts;
        let mut from = from;
        loop {
            let hay = fb.get(from..)?;
            let at = from
                + match distinct {
                    1 => memchr::memchr(a, hay),
                    2 => memchr::memchr2(a, b, hay),
                    3 => memchr::memchr3(a, b, c, hay),
                    _ => return next_word_start(fb, lo, from, &bits),
                }?;
            if at == lo || word_starts_at(fb, lo, at) {
                return Some(at);
            }
            from = at + 1;
        }
    };
    // The largest end of the mentions before each one (sorted by start), so that a candidate
    // is tested against them in O(log n): it overlaps one iff one of those starting before its
    // end ends after its start.
    state.max_end.clear();
    let mut m_end = 0;
    for m in mentions.iter() {
        m_end = m_end.max(m.end);
        state.max_end.push(m_end);
    }
    let mut i = lo;
    while let Some(ws) = next_first(i) {
        // The word there, and the forms that start with it (a hash probe).
        let Some((c, len)) = char_at(fb, ws) else {
            break;
        };
        let mut we = ws + len;
        if !normalize::is_cjk(c) {
            while let Some(&b) = fb.get(we) {
                if b < 0x80 {
                    if !is_word_byte(b) {
                        break;
                    }
                    we += 1;
                } else {
                    match char_at(fb, we) {
                        Some((c, len)) if is_word_char(c) && !normalize::is_cjk(c) => we += len,
                        _ => break,
                    }
                }
            }
        }
        i = we;
        let Some(forms) = fb.get(ws..we).and_then(|w| state.by_first.get(w)) else {
            continue;
        };
        if !left_ok(fb, lo, ws) {
            continue;
        }
        for &fi in forms {
            let Some(form) = state.forms.get(fi as usize) else {
                continue;
            };
            let end = ws + form.key.len();
            if fb.get(ws..end) != Some(form.key.as_slice()) || !boundary_after(fb, end) {
                continue;
            }
            if let Some(&next) = fb.get(end) {
                if (next == b'.' || next == b'@')
                    && char_at(fb, end + 1).is_some_and(|(c, _)| is_word_char(c))
                {
                    continue;
                }
                let last_word = form
                    .key
                    .rsplit(|&b| b < 0x80 && !is_word_byte(b))
                    .next()
                    .unwrap_or(&[]);
                if next == b'\'' && is_elision(last_word) {
                    continue;
                }
            }
            if in_url_or_email(fb, lo, ws, end) {
                continue;
            }
            let (s, e) = folded.to_original(text, ws, end, original.clone());
            let Some(surface) = text.get(s..e) else {
                continue;
            };
            // A gazetteer mention at the same place wins.
            let before = mentions.partition_point(|m| m.start < e);
            if before > 0 && state.max_end.get(before - 1).is_some_and(|&x| x > s) {
                continue;
            }
            state.passing.clear();
            let mut name = None;
            for w in &form.who {
                if w.since > s || state.passing.last() == Some(&w.entity) {
                    continue;
                }
                if !sf.name_langs.get(&w.name).is_none_or(|l| l.allows(lang)) {
                    continue;
                }
                let part = catalog.name(w.name).get(w.part.clone()).unwrap_or("");
                if !capitals_kept(part, surface) {
                    continue;
                }
                if sf.exact.contains(&w.name)
                    && !normalize::exact_chars(surface).eq(normalize::exact_chars(part))
                {
                    continue;
                }
                name.get_or_insert(w.name);
                state.passing.push(w.entity);
            }
            let (Some(name), Some(&first)) = (name, state.passing.first()) else {
                continue;
            };
            let all = if state.passing.len() == 1 {
                Shared::One
            } else {
                Shared::Some(Arc::from(state.passing.as_slice()))
            };
            found.push(Mention {
                start: s,
                end: e,
                input: text,
                sentence: index,
                catalog,
                name,
                first,
                all,
                how: MatchKind::ShortForm,
            });
            i = end;
            break;
        }
    }
    if !found.is_empty() {
        mentions.append(&mut found);
        mentions.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    }
}

/// The next word start at or after `from` whose first byte is in the bit set `bits`: one
/// table look-up an ASCII byte, other characters decoded.
fn next_word_start(fb: &[u8], lo: usize, mut from: usize, bits: &[u64; 4]) -> Option<usize> {
    let has = |b: u8| bits.get(usize::from(b >> 6)).copied().unwrap_or(0) & (1 << (b & 63)) != 0;
    while fb.get(from).is_some_and(|&b| (b & 0xC0) == 0x80) {
        from += 1;
    }
    let mut prev_word = from > lo && !word_starts_at(fb, lo, from);
    let mut i = from;
    while let Some(&b) = fb.get(i) {
        if b < 0x80 {
            let w = normalize::is_word_byte(b);
            if w && !prev_word && has(b) {
                return Some(i);
            }
            prev_word = w;
            i += 1;
        } else {
            let (c, len) = char_at(fb, i)?;
            let w = is_word_char(c);
            let cjk = normalize::is_cjk(c);
            if w && (!prev_word || cjk) && has(b) {
                return Some(i);
            }
            prev_word = w && !cjk;
            i += len;
        }
    }
    None
}

/// True if a word starts at `fb[i]` (`i > lo`) rather than inside one: the character before
/// is no word character, or one of a script written without spaces (a word of its own), and
/// `fb[i]` is not a continuation byte.
fn word_starts_at(fb: &[u8], lo: usize, i: usize) -> bool {
    if fb.get(i).is_some_and(|&b| (b & 0xC0) == 0x80) {
        return false;
    }
    let Some(&prev) = fb.get(i - 1) else {
        return true;
    };
    if prev < 0x80 {
        return !is_word_byte(prev);
    }
    let mut s = i - 1;
    while s > lo && i - s < 4 && fb.get(s).is_some_and(|&b| (b & 0xC0) == 0x80) {
        s -= 1;
    }
    match char_at(fb, s) {
        Some((c, _)) => !is_word_char(c) || normalize::is_cjk(c),
        None => true,
    }
}

/// True if every word of `part` (as written in the name) that starts with a capital starts with
/// a capital in `surface` too, and the surface's last word does: `Stone`, not `stone`.
fn capitals_kept(part: &str, surface: &str) -> bool {
    let mut last = None;
    for (n, t) in initials(part).zip(initials(surface)) {
        if n.is_uppercase() && !t.is_uppercase() {
            return false;
        }
        last = Some(t);
    }
    last.is_some_and(char::is_uppercase)
}

/// The first character of each word of `s`.
fn initials(s: &str) -> impl Iterator<Item = char> + '_ {
    let mut prev_word = false;
    s.chars().filter(move |c| {
        let word = c.is_alphanumeric();
        let start = word && !prev_word;
        prev_word = word;
        start
    })
}

/// Related entities, in both directions: for each entity, the entities related to it (by its
/// own `related` list or theirs). Empty when the gazetteer lists none.
#[derive(Debug, Default)]
pub(crate) struct Related {
    /// `targets[offsets[e]..offsets[e + 1]]` are the entities related to `e`.
    offsets: Vec<u32>,
    targets: Vec<u32>,
}

impl Related {
    pub(crate) fn new(gaz: &Gazetteer) -> Related {
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        for (i, e) in gaz.entities().enumerate() {
            for r in e.related() {
                if let Some(j) = gaz.position(r) {
                    if j != i {
                        pairs.push((i as u32, j as u32));
                        pairs.push((j as u32, i as u32));
                    }
                }
            }
        }
        if pairs.is_empty() {
            return Related::default();
        }
        pairs.sort_unstable();
        pairs.dedup();
        let mut offsets = vec![0u32; gaz.len() + 1];
        for &(a, _) in &pairs {
            if let Some(o) = offsets.get_mut(a as usize + 1) {
                *o += 1;
            }
        }
        for k in 1..offsets.len() {
            offsets[k] += offsets[k - 1];
        }
        Related {
            offsets,
            targets: pairs.into_iter().map(|(_, b)| b).collect(),
        }
    }

    fn of(&self, e: u32) -> &[u32] {
        let (Some(&a), Some(&b)) = (self.offsets.get(e as usize), self.offsets.get(e as usize + 1)) else {
            return &[];
        };
        self.targets.get(a as usize..b as usize).unwrap_or(&[])
    }

    pub(crate) fn memory(&self) -> usize {
        4 * (self.offsets.capacity() + self.targets.capacity())
    }
}

/// True if a mention has several candidates.
pub(crate) fn is_ambiguous(m: &Mention<'_, '_>) -> bool {
    !matches!(m.all, Shared::One)
}

/// One sense per document: for each mention of `rest` with several candidates, when exactly
/// one candidate is named unambiguously in the document (in `rest`, or among `earlier`, the
/// entities of single-candidate mentions already given out) or is related to such an entity,
/// that candidate goes first and the mention is marked resolved by context.
pub(crate) fn resolve_by_context(rest: &mut [Mention<'_, '_>], earlier: &[u32], related: &Related) {
    let mut named: HashSet<u32, BuildFx> = earlier.iter().copied().collect();
    named.extend(rest.iter().filter(|m| !is_ambiguous(m)).map(|m| m.first));
    if named.is_empty() {
        return;
    }
    for m in rest.iter_mut().filter(|m| is_ambiguous(m)) {
        let supported = |c: &u32| named.contains(c) || related.of(*c).iter().any(|r| named.contains(r));
        let mut chosen = None;
        let mut several = false;
        for c in m.entities() {
            if supported(c) {
                if chosen.is_some_and(|x| x != *c) {
                    several = true;
                    break;
                }
                chosen = Some(*c);
            }
        }
        let (Some(c), false) = (chosen, several) else {
            continue;
        };
        let order: Vec<u32> = std::iter::once(c)
            .chain(m.entities().iter().copied().filter(|&x| x != c))
            .collect();
        m.first = c;
        m.all = Shared::Resolved(Arc::from(order));
    }
}
