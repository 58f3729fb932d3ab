//! The word trie: the index of names walked a word at a time.
//!
//! A folded name is a sequence of words (maximal runs of word characters) joined by
//! separators (runs of other characters). The trie has one edge per (node, separator, word)
//! and lives in two open-addressing hash tables, one for the root's edges (a name's first word)
//! and one for the others, keyed by a 64-bit hash of the node and of the edge's bytes, so a
//! step costs one hash of a word the scanner has already delimited (and, for the first word,
//! already hashed) and one probe: no automaton walk byte by byte, and no failure transitions
//! to build. A chain of nodes that leads to one name and nothing else is
//! cut off at its top: the edge into it holds the name (a *tail*) and the rest is compared with
//! one `memcmp` against the folded name, so a long name costs one probe and one comparison.
//!
//! The hash table never holds two edges with the same key (the build checks the edges' bytes
//! and sends a name whose edge would collide to the fallback automaton), so a walk over the
//! text can only go wrong through a collision between a text edge and a trie edge; every hit
//! is therefore checked against the name's folded bytes before it becomes a candidate
//! ([`WordTrie::key`]).
//!
//! Names that do not have this shape (starting or ending with punctuation, such as `#MeToo` or
//! `Yahoo!`, or with a separator longer than [`MAX_SEPARATOR`]) go to an Aho-Corasick automaton
//! instead (see `matcher`).

use crate::normalize::{char_at, is_cjk, is_word_char};

/// The most bytes a separator between two words of a trie name may hold.
pub(crate) const MAX_SEPARATOR: usize = 16;

/// `Slot::child` of an edge into a node without children (a name ends there).
pub(crate) const LEAF: u32 = u32::MAX;
/// `Slot::child` of an edge into a chain that leads to one name: the rest of the name is
/// compared byte for byte.
pub(crate) const TAIL: u32 = u32::MAX - 1;
/// `Slot::pattern` when no name ends at the node.
pub(crate) const NO_PATTERN: u32 = u32::MAX;

/// The node the walk starts from.
const ROOT: u32 = 0;

/// One edge of the trie.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Slot {
    /// [`edge_key`] of the edge, or for an edge out of the root its [`root_key`] with
    /// [`ROOT_UNCAPPED`] or-ed in where it applies; 0 for an empty slot.
    pub(crate) key: u64,
    /// The node it leads to, or [`LEAF`] or [`TAIL`].
    pub(crate) child: u32,
    /// The pattern that ends at that node (for [`TAIL`]: at the end of the chain), with the
    /// matcher's flag bits; [`NO_PATTERN`] if none.
    pub(crate) pattern: u32,
}

/// The compiled word trie, and the folded bytes of every pattern to check hits against.
#[derive(Debug, Clone)]
pub(crate) struct WordTrie {
    /// The edges out of the root (a name's first word), in a table of their own: the scan
    /// probes it for most words, so it is kept small enough to stay in cache as long as
    /// possible. Keys are [`root_key`]s with [`ROOT_UNCAPPED`] or-ed in where it applies.
    roots: Vec<Slot>,
    /// The number of home slots of `roots` (it runs on past them).
    root_homes: usize,
    /// The other edges. Open addressing, linear probing; the home slot of a key is [`home`]
    /// (the table need not be a power of two, so it holds a third more slots than edges, not
    /// up to twice as many).
    slots: Vec<Slot>,
    /// The number of home slots of `slots`.
    slot_homes: usize,
    /// The folded patterns, end to end.
    keys: Vec<u8>,
    /// `keys[ends[p - 1]..ends[p]]` is pattern `p`.
    ends: Vec<u32>,
}

/// The hash of a word's bytes `fb[start..end]`: its first eight bytes and its length mixed once
/// for words of up to eight bytes (injective on them), and every further eight bytes mixed in
/// after that.
#[inline]
pub(crate) fn word_hash(fb: &[u8], start: usize, end: usize) -> u64 {
    let len = end - start;
    let head = match fb.get(start..start + 8) {
        Some(c) => {
            let mut a = [0u8; 8];
            a.copy_from_slice(c);
            let v = u64::from_le_bytes(a);
            if len >= 8 {
                v
            } else {
                v & ((1u64 << (8 * len)) - 1)
            }
        }
        None => load_partial(fb.get(start..end).unwrap_or(&[])),
    };
    let mut h = (head ^ (len as u64).rotate_right(8)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    if len > 8 {
        let mut k = start + 8;
        while k < end {
            let part = load_partial(fb.get(k..end.min(k + 8)).unwrap_or(&[]));
            h = (h.rotate_left(29) ^ part).wrapping_mul(0x9e37_79b9_7f4a_7c15);
            k += 8;
        }
    }
    h ^ (h >> 29)
}

/// [`word_end`] and [`word_hash`] of the word that starts at `fb[i]` in one load when it is
/// lower-case ASCII letters, shorter than eight bytes (most words), in two up to fifteen: the
/// bytes read to find its end are the bytes it is hashed from. Other words (a digit, `_`, a
/// non-ASCII character) take [`word_end`] and [`word_hash`].
#[inline(always)]
pub(crate) fn word_end_hash(fb: &[u8], i: usize) -> (usize, u64) {
    word_end_hash_from(fb, i, |k| fb.get(k..).and_then(crate::swar::load))
}

/// [`word_end_hash`] of a word of `fb`, a prefix of `full` (a sentence of a document folded
/// whole): within eight bytes of the end of `fb`, the eight bytes are read from `full` with
/// those past `fb` cleared (a zero byte ends a word), instead of byte by byte. The last word
/// of every sentence is there.
#[inline(always)]
pub(crate) fn word_end_hash_in(fb: &[u8], full: &[u8], i: usize) -> (usize, u64) {
    word_end_hash_from(fb, i, |k| {
        fb.get(k..)
            .and_then(crate::swar::load)
            .or_else(|| tail_load(full, fb.len(), k))
    })
}

/// The eight bytes of `full` from `k`, those from `n` on cleared; `None` unless `k < n` and
/// `full` holds eight bytes from `k`.
#[inline(never)]
fn tail_load(full: &[u8], n: usize, k: usize) -> Option<u64> {
    let valid = n.checked_sub(k).filter(|&v| (1..8).contains(&v))?;
    let x = full.get(k..).and_then(crate::swar::load)?;
    Some(x & ((1u64 << (8 * valid)) - 1))
}

/// [`word_end_hash`] with the eight bytes from an offset read by `load`.
#[inline(always)]
fn word_end_hash_from(fb: &[u8], i: usize, load: impl Fn(usize) -> Option<u64>) -> (usize, u64) {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    if let Some(x) = load(i) {
        let stop = !word_lanes(x) & crate::swar::HI;
        let len = (stop.trailing_zeros() / 8) as usize;
        if stop != 0 {
            if len > 0 && fb.get(i + len).is_none_or(|&b| ENDS_WORD[usize::from(b)]) {
                let head = x & ((1u64 << (8 * len)) - 1);
                let h = (head ^ (len as u64).rotate_right(8)).wrapping_mul(K);
                return (i + len, h ^ (h >> 29));
            }
        } else if let Some(y) = load(i + 8) {
            // Eight to fifteen bytes: the next eight bytes hold the rest and the end.
            let stop = !word_lanes(y) & crate::swar::HI;
            let rest = (stop.trailing_zeros() / 8) as usize;
            if stop != 0 && fb.get(i + 8 + rest).is_none_or(|&b| ENDS_WORD[usize::from(b)]) {
                let len = 8 + rest;
                let h = (x ^ (len as u64).rotate_right(8)).wrapping_mul(K);
                // The rest mixed in only if there is one, chosen without a branch (words of
                // eight bytes and of nine or more come in no order a predictor could learn).
                let more = (h.rotate_left(29) ^ (y & ((1u64 << (8 * rest)) - 1))).wrapping_mul(K);
                let keep = 0u64.wrapping_sub(u64::from(rest > 0));
                let h = (more & keep) | (h & !keep);
                return (i + len, h ^ (h >> 29));
            }
        }
    }
    let j = word_end(fb, i);
    (j, word_hash(fb, i, j))
}

/// Up to eight bytes as a little-endian number.
#[inline]
fn load_partial(bytes: &[u8]) -> u64 {
    let mut v = 0u64;
    for (k, &b) in bytes.iter().take(8).enumerate() {
        v |= u64::from(b) << (8 * k);
    }
    v
}

/// The hash of a separator's bytes (0 for none).
#[inline]
pub(crate) fn sep_hash(sep: &[u8]) -> u64 {
    let mut h = 0u64;
    for &b in sep {
        h = (h ^ u64::from(b))
            .wrapping_add(1)
            .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    h
}

/// The key of the edge from the root over a word hashed `word`: [`edge_key`] with its two low
/// bits cleared for flags and bit 2 set, so that it is never 0 (the build checks edges for
/// collisions on these keys, so the flags cost no exactness).
#[inline]
pub(crate) fn root_key(word: u64) -> u64 {
    (edge_key(ROOT, 0, word) & !ROOT_FLAGS) | 4
}

/// The low bits of a root slot's key that hold flags.
const ROOT_FLAGS: u64 = 3;

/// Set in a root slot's key when some pattern through the edge has a name spelt without an
/// initial capital (a text word with a lower-case initial can lead to a match).
pub(crate) const ROOT_UNCAPPED: u64 = 1;

/// Marks a pattern whose names all start with a capital: it cannot match a text word written
/// with a lower-case initial. Pattern ids stay below 2^31 (the gazetteer size limit).
pub(crate) const CAPPED: u32 = 1 << 31;

/// The key of the edge from `parent` over a separator and a word, never 0.
#[inline]
pub(crate) fn edge_key(parent: u32, sep: u64, word: u64) -> u64 {
    let h = (u64::from(parent)
        .wrapping_add(1)
        .wrapping_mul(0xc2b2_ae3d_27d4_eb4f)
        ^ sep.rotate_left(31)
        ^ word)
        .wrapping_mul(0x9e37_79b9_7f4a_7c15);
    let h = h ^ (h >> 32);
    if h == 0 { 1 } else { h }
}

/// 1 for ASCII bytes that end a word, and for every non-ASCII byte (decoded separately).
const STOP: [u8; 256] = {
    let mut t = [1u8; 256];
    let mut i = 0;
    while i < 128 {
        if crate::normalize::WORD_BYTE[i] {
            t[i] = 0;
        }
        i += 1;
    }
    t
};

/// True for the ASCII bytes that end a word (not a word byte): a word that stops at anything
/// else (a non-ASCII character, or a digit, `_` or an upper-case letter that [`word_lanes`]
/// leaves out) goes on in the slow path.
const ENDS_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 128 {
        t[i] = !crate::normalize::WORD_BYTE[i];
        i += 1;
    }
    t
};

/// The lanes of `x` that hold a lower-case ASCII letter, as high bits: the word bytes of folded
/// text but digits and `_`, which are rarer (2.5% of the words of the benchmark corpus hold a
/// digit), and upper-case letters, which folded text has none of. A word byte left out stops the
/// fast paths like a non-ASCII byte: see [`ENDS_WORD`]. (Testing for digits too cost each word
/// four more operations: `find` on 5 MB at 100k names 163.8M instructions without, 168.0M with.)
#[inline]
fn word_lanes(x: u64) -> u64 {
    use crate::swar::{HI, at_least};
    let a = x & !HI;
    at_least(a, b'a') & !at_least(a, b'z' + 1) & !x
}

/// The end of the word that starts at `fb[i]`: eight bytes at a time while they are ASCII word
/// bytes; a non-ASCII character, a digit, `_` or the last few bytes take the slow path.
#[inline(always)]
pub(crate) fn word_end(fb: &[u8], mut i: usize) -> usize {
    let start = i;
    while let Some(x) = fb.get(i..).and_then(crate::swar::load) {
        let stop = !word_lanes(x) & crate::swar::HI;
        if stop == 0 {
            i += 8;
            continue;
        }
        i += (stop.trailing_zeros() / 8) as usize;
        return match fb.get(i) {
            Some(&b) if !ENDS_WORD[usize::from(b)] => word_end_slow(fb, start, i),
            _ => i,
        };
    }
    word_end_slow(fb, start, i)
}

/// [`word_end`] one character at a time, from `i` in the word that starts at `start`. A
/// character of a script written without spaces ([`is_cjk`]) is a word of its own.
#[cold]
#[inline(never)]
fn word_end_slow(fb: &[u8], start: usize, mut i: usize) -> usize {
    loop {
        while fb.get(i).is_some_and(|&b| STOP[b as usize] == 0) {
            i += 1;
        }
        match fb.get(i) {
            Some(&b) if b >= 0x80 => match char_at(fb, i) {
                Some((c, l)) if is_cjk(c) => return if i == start { i + l } else { i },
                Some((c, l)) if is_word_char(c) => i += l,
                _ => return i,
            },
            _ => return i,
        }
    }
}

/// The next word after a word ending at `i`, if at most `max` bytes of non-word characters
/// separate them: its start and end.
#[inline]
pub(crate) fn next_word(fb: &[u8], i: usize, max: usize) -> Option<(usize, usize)> {
    let k = next_word_start(fb, i, max)?;
    Some((k, word_end(fb, k)))
}

/// [`next_word`] with the word's hash ([`word_end_hash`]).
#[inline(always)]
pub(crate) fn next_word_hash(fb: &[u8], i: usize, max: usize) -> Option<(usize, usize, u64)> {
    // The usual separator: one space before an ASCII word.
    let k = match (fb.get(i), fb.get(i + 1)) {
        (Some(b' '), Some(&b)) if b < 0x80 && crate::normalize::is_word_byte(b) && max >= 1 => i + 1,
        _ => next_word_start(fb, i, max)?,
    };
    let (e, h) = word_end_hash(fb, k);
    Some((k, e, h))
}

/// Where the next word after `i` starts, if at most `max` bytes of non-word characters (at
/// least one) come first.
#[inline]
fn next_word_start(fb: &[u8], i: usize, max: usize) -> Option<usize> {
    let mut k = i;
    while k < fb.len() && k - i <= max {
        let b = fb[k];
        if b < 0x80 {
            if crate::normalize::is_word_byte(b) {
                return (k > i).then_some(k);
            }
            k += 1;
        } else {
            match char_at(fb, k) {
                Some((c, _)) if is_word_char(c) => return (k > i).then_some(k),
                Some((_, l)) => k += l,
                None => return None,
            }
        }
    }
    None
}

/// The words of a trie-shaped folded name into `out`: `(separator start, word start, word
/// end)` each (the first separator is empty); false if the name is not trie-shaped.
pub(crate) fn split_words(key: &[u8], out: &mut Vec<(usize, usize, usize)>) -> bool {
    out.clear();
    // It must start with a word.
    if !char_at(key, 0).is_some_and(|(c, _)| is_word_char(c)) {
        return false;
    }
    let mut end = word_end(key, 0);
    out.push((0, 0, end));
    while end < key.len() {
        let Some((ws, we)) = next_word(key, end, MAX_SEPARATOR) else {
            return false;
        };
        out.push((end, ws, we));
        end = we;
    }
    true
}

/// The home slot of `key` in a table of `n` slots: the high bits of `key` scaled to `n`.
#[inline]
fn home(key: u64, n: usize) -> usize {
    ((u128::from(key) * n as u128) >> 64) as usize
}

/// Looks `key` up in a [`table`] of `homes` home slots, comparing keys without the `flags` bits.
#[inline]
fn lookup(table: &[Slot], homes: usize, key: u64, flags: u64) -> Step {
    let h = home(key, homes);
    let mut i = h;
    while let Some(s) = table.get(i) {
        let k = s.key & !flags;
        if k == key {
            return Step::Edge(*s);
        }
        // Empty, or a key that lives further on: the key is not in the table.
        if k == 0 || home(k, homes) > h {
            return Step::Dead;
        }
        i += 1;
    }
    Step::Dead
}

/// What one step of a walk found.
pub(crate) enum Step {
    /// No edge.
    Dead,
    /// An edge: the node it leads to (or [`LEAF`]/[`TAIL`]) and the pattern there.
    Edge(Slot),
}

impl WordTrie {
    /// The slot of an edge key.
    #[inline]
    pub(crate) fn get(&self, key: u64) -> Step {
        lookup(&self.slots, self.slot_homes, key, 0)
    }

    /// The first step of a walk: the edge from the root over a word hashed `h`.
    #[inline]
    pub(crate) fn first(&self, h: u64) -> Step {
        lookup(&self.roots, self.root_homes, root_key(h), ROOT_FLAGS)
    }

    /// The folded bytes of pattern `p`.
    #[inline]
    pub(crate) fn key(&self, p: u32) -> &[u8] {
        let p = p as usize;
        let start = if p == 0 {
            0
        } else {
            self.ends.get(p - 1).map_or(0, |&e| e as usize)
        };
        let end = self.ends.get(p).map_or(start, |&e| e as usize);
        self.keys.get(start..end).unwrap_or(&[])
    }

    /// Heap memory in bytes.
    pub(crate) fn memory(&self) -> usize {
        (self.roots.capacity() + self.slots.capacity()) * std::mem::size_of::<Slot>()
            + self.keys.capacity()
            + self.ends.capacity() * 4
    }

    /// Number of edges in the table.
    #[cfg(test)]
    pub(crate) fn edges(&self) -> usize {
        self.roots
            .iter()
            .chain(&self.slots)
            .filter(|s| s.key != 0)
            .count()
    }

    /// Builds the trie over `keys` (indexed by pattern id); `flags[p]` is or-ed into the pattern
    /// ids stored for `p`. Returns the trie and the patterns it could not take (not trie-shaped,
    /// or an edge whose key collides with another edge's), which the caller indexes otherwise.
    pub(crate) fn build(keys: &[&[u8]], flags: &[u32]) -> (WordTrie, Vec<u32>) {
        let mut arena = Vec::with_capacity(keys.iter().map(|k| k.len()).sum());
        let mut ends = Vec::with_capacity(keys.len());
        for k in keys {
            arena.extend_from_slice(k);
            ends.push(arena.len() as u32);
        }
        // Size the table for the edges (at most one a word) before building it.
        let mut words = Vec::new();
        let edges: usize = keys
            .iter()
            .map(|k| {
                if split_words(k, &mut words) {
                    words.len()
                } else {
                    0
                }
            })
            .sum();
        let mut b = Builder::new(keys, edges);
        let mut rest = Vec::new();
        for (p, k) in keys.iter().enumerate() {
            let flag = flags.get(p).copied().unwrap_or(0);
            if !(split_words(k, &mut words) && b.insert(k, p as u32, flag, &words)) {
                rest.push(p as u32);
            }
        }
        let ((roots, root_homes), (slots, slot_homes)) = b.finish();
        (
            WordTrie {
                roots,
                root_homes,
                slots,
                slot_homes,
                keys: arena,
                ends,
            },
            rest,
        )
    }
}

/// Where an edge's bytes (separator and word) are: a pattern and a range of it.
#[derive(Debug, Clone, Copy, Default)]
struct EdgeBytes {
    parent: u32,
    pattern: u32,
    start: u16,
    end: u16,
    /// For an edge out of the root: some pattern through it is not [`CAPPED`].
    uncapped: bool,
}

/// The table under construction, with what the build needs to check edges exactly.
struct Builder<'k> {
    keys: &'k [&'k [u8]],
    slots: Vec<Slot>,
    used: usize,
    /// Per slot: the parent node and where the edge's bytes are, for exactness.
    edges: Vec<EdgeBytes>,
    /// Nodes created so far (the root is 0).
    nodes: u32,
}

impl<'k> Builder<'k> {
    fn new(keys: &'k [&'k [u8]], edges: usize) -> Builder<'k> {
        let cap = (edges.saturating_mul(4) / 3 + 1).max(16);
        Builder {
            keys,
            slots: vec![Slot::default(); cap],
            used: 0,
            edges: vec![EdgeBytes::default(); cap],
            nodes: 1,
        }
    }

    /// The bytes of an edge.
    fn bytes(&self, e: EdgeBytes) -> &'k [u8] {
        self.keys
            .get(e.pattern as usize)
            .and_then(|k| k.get(e.start as usize..e.end as usize))
            .unwrap_or(&[])
    }

    fn grow(&mut self) {
        let cap = self.slots.len() * 2;
        let old_slots = std::mem::replace(&mut self.slots, vec![Slot::default(); cap]);
        let old_edges = std::mem::replace(&mut self.edges, vec![EdgeBytes::default(); cap]);
        for (s, e) in old_slots.into_iter().zip(old_edges) {
            if s.key != 0 {
                let mut i = home(s.key, cap);
                while self.slots[i].key != 0 {
                    i = if i + 1 == cap { 0 } else { i + 1 };
                }
                self.slots[i] = s;
                self.edges[i] = e;
            }
        }
    }

    /// Finds or creates the edge `parent --bytes-->`; `None` when its key is taken by an edge
    /// with other bytes.
    fn edge(&mut self, parent: u32, key: u64, at: EdgeBytes) -> Option<usize> {
        if (self.used + 1) * 4 > self.slots.len() * 3 {
            self.grow();
        }
        let cap = self.slots.len();
        let mut i = home(key, cap);
        loop {
            let s = self.slots[i];
            if s.key == key {
                let e = self.edges[i];
                return (e.parent == parent && self.bytes(e) == self.bytes(at)).then_some(i);
            }
            if s.key == 0 {
                self.slots[i] = Slot {
                    key,
                    child: LEAF,
                    pattern: NO_PATTERN,
                };
                self.edges[i] = at;
                self.used += 1;
                return Some(i);
            }
            i = if i + 1 == cap { 0 } else { i + 1 };
        }
    }

    /// Inserts pattern `p`; false if an edge collides (nothing of `p` is marked then).
    fn insert(&mut self, key: &'k [u8], p: u32, flag: u32, words: &[(usize, usize, usize)]) -> bool {
        let mut node = ROOT;
        let mut at = None;
        for (n, &(ss, ws, we)) in words.iter().enumerate() {
            let h = if node == ROOT {
                root_key(word_hash(key, ws, we))
            } else {
                edge_key(
                    node,
                    sep_hash(key.get(ss..ws).unwrap_or(&[])),
                    word_hash(key, ws, we),
                )
            };
            // Offsets in a name (folded names stay far below 64 KiB; a longer one goes to the
            // automata).
            let (Ok(start), Ok(end)) = (u16::try_from(ss), u16::try_from(we)) else {
                return false;
            };
            let bytes = EdgeBytes {
                parent: node,
                pattern: p,
                start,
                end,
                uncapped: false,
            };
            let Some(i) = self.edge(node, h, bytes) else {
                return false;
            };
            if n == 0 && flag & CAPPED == 0 {
                self.edges[i].uncapped = true;
            }
            if n + 1 < words.len() {
                // An inner node: give it an id if it has none yet.
                if self.slots[i].child == LEAF {
                    self.slots[i].child = self.nodes;
                    self.nodes += 1;
                }
                node = self.slots[i].child;
            }
            at = Some(i);
        }
        match at {
            Some(i) if self.slots[i].pattern == NO_PATTERN => {
                self.slots[i].pattern = p | flag;
                true
            }
            _ => false,
        }
    }

    /// Cuts chains that lead to one pattern into tails and returns the final tables (with their
    /// numbers of home slots): the root's edges, then the others.
    fn finish(self) -> ((Vec<Slot>, usize), (Vec<Slot>, usize)) {
        let nodes = self.nodes as usize;
        // Per node: the slot of the edge into it, and how many edges leave it.
        let mut into = vec![usize::MAX; nodes];
        let mut out_degree = vec![0u32; nodes];
        let mut only_child = vec![usize::MAX; nodes];
        for (i, s) in self.slots.iter().enumerate() {
            if s.key == 0 {
                continue;
            }
            if s.child != LEAF {
                if let Some(slot) = into.get_mut(s.child as usize) {
                    *slot = i;
                }
            }
            let parent = self.edges[i].parent as usize;
            if let Some(d) = out_degree.get_mut(parent) {
                *d += 1;
            }
            if let Some(c) = only_child.get_mut(parent) {
                *c = i;
            }
        }
        // Bottom up (a child's id is above its parent's): the pattern a node's chain leads to,
        // if the node has no pattern of its own and one edge leaving it into such a chain or a
        // leaf.
        let mut chain = vec![NO_PATTERN; nodes];
        for n in (1..nodes).rev() {
            let pattern_here = into
                .get(n)
                .and_then(|&i| self.slots.get(i))
                .map_or(NO_PATTERN, |s| s.pattern);
            if pattern_here != NO_PATTERN || out_degree[n] != 1 {
                continue;
            }
            let Some(&c) = self.slots.get(only_child[n]) else {
                continue;
            };
            chain[n] = if c.child == LEAF {
                c.pattern
            } else {
                chain.get(c.child as usize).copied().unwrap_or(NO_PATTERN)
            };
        }
        let mut slots = self.slots;
        // Edges into the top of a chain become tails; edges below a tail are dropped.
        let mut drop = vec![false; slots.len()];
        for i in 0..slots.len() {
            let s = slots[i];
            if s.key == 0 || s.child == LEAF || s.child == TAIL {
                continue;
            }
            let parent = self.edges[i].parent as usize;
            let parent_chained =
                parent != ROOT as usize && chain.get(parent).is_some_and(|&c| c != NO_PATTERN);
            if let Some(&p) = chain.get(s.child as usize) {
                if p != NO_PATTERN {
                    if parent_chained {
                        drop[i] = true;
                    } else {
                        slots[i].child = TAIL;
                        slots[i].pattern = p;
                    }
                }
            }
        }
        // Leaves below a chain go too.
        for i in 0..slots.len() {
            let s = slots[i];
            if s.key != 0 && s.child == LEAF {
                let parent = self.edges[i].parent as usize;
                if parent != ROOT as usize && chain.get(parent).is_some_and(|&c| c != NO_PATTERN) {
                    drop[i] = true;
                }
            }
        }
        let mut roots = Vec::new();
        let mut inner = Vec::new();
        for ((mut s, d), e) in slots.into_iter().zip(drop).zip(&self.edges) {
            if s.key == 0 || d {
                continue;
            }
            if e.parent == ROOT {
                if e.uncapped {
                    s.key |= ROOT_UNCAPPED;
                }
                roots.push(s);
            } else {
                inner.push(s);
            }
        }
        (table(roots, ROOT_FLAGS), table(inner, 0))
    }
}

/// An open-addressing table of `slots` (a third more home slots than edges), placed by their
/// keys without their flag bits in order of home slot: linear probing that never wraps (the
/// table runs on past its last home slot as far as needed), so that a slot's keys are sorted
/// by home and a look-up stops at the first slot whose key's home is past its own, not at the
/// end of the run (a word that starts no name, the usual case, costs one or two probes rather
/// than the run's length).
/// Returns the table and its number of home slots; keys are placed without their `flags` bits.
fn table(slots: Vec<Slot>, flags: u64) -> (Vec<Slot>, usize) {
    let cap = (slots.len() + slots.len() / 3).max(16);
    let homes: Vec<u32> = slots.iter().map(|s| home(s.key & !flags, cap) as u32).collect();
    let (_, order) = crate::gazetteer::group_by_key(&homes, cap, true);
    // Each slot at its home, or just after the slot before it (in order of home).
    let mut table = vec![Slot::default(); cap];
    let mut next = 0;
    for i in order {
        let (Some(&s), Some(&h)) = (slots.get(i as usize), homes.get(i as usize)) else {
            continue;
        };
        let at = next.max(h as usize);
        if at >= table.len() {
            // Past the last home slot: grow by what the last cluster needs, not by doubling.
            table.reserve_exact(at + 16 - table.len());
            table.resize(at + 1, Slot::default());
        }
        if let Some(t) = table.get_mut(at) {
            *t = s;
        }
        next = at + 1;
    }
    (table, cap)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk(t: &WordTrie, text: &[u8]) -> Vec<(usize, u32)> {
        let mut out = Vec::new();
        let j = word_end(text, 0);
        let mut step = t.first(word_hash(text, 0, j));
        let mut end = j;
        while let Step::Edge(s) = step {
            if s.child == TAIL {
                let k = t.key(s.pattern);
                if text.get(..k.len()) == Some(k) {
                    out.push((k.len(), s.pattern));
                }
                break;
            }
            if s.pattern != NO_PATTERN {
                out.push((end, s.pattern));
            }
            if s.child == LEAF {
                break;
            }
            let Some((ws, we)) = next_word(text, end, MAX_SEPARATOR) else {
                break;
            };
            step = t.get(edge_key(
                s.child,
                sep_hash(&text[end..ws]),
                word_hash(text, ws, we),
            ));
            end = we;
        }
        out
    }

    #[test]
    fn shapes() {
        let keys: Vec<&[u8]> = vec![
            b"new york",
            b"new york times",
            b"york",
            b"#metoo",
            b"yahoo!",
            b"mark elliot zuckerberg",
            b"a very long name with many words in it",
            b"internationalisation",
        ];
        let (t, rest) = WordTrie::build(&keys, &[0; 8]);
        assert_eq!(rest, [3, 4]);
        assert_eq!(walk(&t, b"new york times square"), [(8, 0), (14, 1)]);
        assert_eq!(walk(&t, b"new york timesx"), [(8, 0)]);
        assert_eq!(walk(&t, b"york"), [(4, 2)]);
        assert_eq!(walk(&t, b"mark elliot zuckerberg"), [(22, 5)]);
        assert_eq!(walk(&t, b"mark elliot"), []);
        assert_eq!(walk(&t, b"a very long name with many words in it!"), [(38, 6)]);
        assert_eq!(walk(&t, b"internationalisation"), [(20, 7)]);
        assert_eq!(walk(&t, b"internationalisatio"), []);
        // Tails: the two chains below `mark` and `a` are one edge each.
        assert_eq!(t.edges(), 7);
    }

    #[test]
    fn word_lanes_agree_with_bytes() {
        // What the lanes leave out ends no word.
        for b in [b'_', b'A', b'Z', b'0', b'9', 0x80, 0xc3] {
            assert!(!ENDS_WORD[usize::from(b)]);
        }
        for a in 0u8..=255 {
            for b in [
                0u8, b' ', b'_', b'0', b'9', b'a', b'z', b'A', b'Z', b'@', b'[', b'`', b'{', 0x7f, 0xc3, a,
            ] {
                let bytes = [a, b, a, b, b, a, a, b];
                let want = bytes.iter().enumerate().fold(0u64, |m, (k, &v)| {
                    m | u64::from(v.is_ascii_lowercase()) << (8 * k + 7)
                });
                assert_eq!(word_lanes(u64::from_le_bytes(bytes)), want, "{bytes:?}");
            }
        }
    }

    #[test]
    fn word_end_hash_is_word_end_then_word_hash() {
        let text = "le président Macron a dit: «Meta» l’Élysée 東京都 x_1 GAFAM 2024... \u{1}a c'est-à-dire; \
                    internationale anticonstitutionnellement Abcdefgh abcdefghi ABCDEFGHIJKLMNO abcdefghijklmnop \
                    abcdefghé abcdefghijklmnoé 12345678 Zuckerberg";
        let fb = crate::normalize::fold_str(text);
        let fb = fb.as_bytes();
        for i in 0..fb.len() {
            if fb.get(i).is_some_and(|&b| crate::normalize::is_word_byte(b))
                || char_at(fb, i).is_some_and(|(c, _)| is_word_char(c))
            {
                let j = word_end(fb, i);
                assert_eq!(word_end_hash(fb, i), (j, word_hash(fb, i, j)), "at {i}");
            }
            for max in [0, 1, 8, 16] {
                let want = next_word(fb, i, max).map(|(s, e)| (s, e, word_hash(fb, s, e)));
                assert_eq!(next_word_hash(fb, i, max), want, "next word at {i}, max {max}");
            }
        }
    }

    /// Cut anywhere, even inside a word, a prefix of a folded text gives the words and hashes
    /// it would give alone, when the bytes after it are read and cleared.
    #[test]
    fn word_end_hash_in_a_prefix_is_the_prefix_alone() {
        let text = "le président Macron a dit: «Meta» l’Élysée 東京都 x_1 GAFAM 2024... c'est-à-dire; \
                    internationale anticonstitutionnellement abcdefghi abcdefghijklmnop abcdefghé 12345678 fin";
        let full = crate::normalize::fold_str(text);
        let full = full.as_bytes();
        for n in 0..=full.len() {
            let fb = &full[..n];
            for i in 0..n {
                if fb.get(i).is_some_and(|&b| crate::normalize::is_word_byte(b))
                    || char_at(fb, i).is_some_and(|(c, _)| is_word_char(c))
                {
                    assert_eq!(
                        word_end_hash_in(fb, full, i),
                        word_end_hash(fb, i),
                        "cut at {n}, word at {i}"
                    );
                }
            }
        }
    }

    #[test]
    fn word_hash_is_injective_on_short_words() {
        let words: [&[u8]; 6] = [b"a", b"a\0", b"ab", b"abcdefgh", b"abcdefg", b"abcdefghi"];
        let hs: std::collections::HashSet<u64> = words.iter().map(|w| word_hash(w, 0, w.len())).collect();
        assert_eq!(hs.len(), words.len());
    }
}
