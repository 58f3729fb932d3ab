//! Sentences: UAX #29 sentence semantics, corrected for French, Italian and English news.
//!
//! Guarantees: the ranges cover the input exactly, in order, without gap or overlap (they
//! concatenate back to the input); each is non-empty and on char boundaries; each sentence
//! includes its trailing white space; empty input gives no sentence.
//!
//! The scanner looks only at candidate terminators (`.` `!` `?` `…`, `;` `:` and line breaks)
//! and decides each one locally, so it runs at memory-scanning speed rather than at the speed of
//! a full UAX #29 segmenter (~47 MB/s here):
//! - closing quotes and brackets after a terminator stay with the sentence (`« C'est fini. »`),
//!   then its trailing white space; a straight quote after a space and before a word opens the
//!   next sentence (`... salle. "Nous`);
//! - no break when the terminator is not followed by white space (`1.2`, `pic.twitter.com`,
//!   `mario.rossi@example.it`);
//! - before a lower-case word: `?` and `!` end the sentence unless a closing quote or bracket
//!   follows them (`« Vraiment ? » demande-t-il` stays whole); `.` ends it after a real word of
//!   four letters or more (Italian sentences often start in lower case), that is one ending in a
//!   vowel, an English inflection (`-ed`, `-ing`, `-ly`, `-y`, `-s`) or one the document also
//!   writes without a period (Punkt's idea), after a short word that abbreviates nothing
//!   (`you.`, `it.`), and after any word in no table before a word that opens an English
//!   clause (`you`, `they`, `what`, `the`), never after a truncation (`pag.`, `econ.`, `Set.`);
//!   an ellipsis does not (`E poi... e poi niente`);
//!   Georgian letters, lower case for Unicode, count as caseless (Georgian has no capitals);
//! - French spacing before `!` `?` joins the terminator run (`Et puis... !`);
//! - no break after an abbreviation of the tables below (`M.`, `Mme`, `Dott.`, `p. ex.`, `art.`,
//!   `v.`, `ad es.`, months), a single lower-case letter (`l.`, `v.`), an initial (`J. R. R.
//!   Tolkien`, `J.-P. Bruneau`), a bracketed ellipsis (`(...)`, `[…]`), or a number standing
//!   alone at the start of its sentence or line (`1. Premier`, `867. Comprensorio`);
//! - `;` ends a sentence before a capital or a list marker (`5)`, `b)`, `- `); `:` written
//!   against its word (not the French `mot :`) ends one before a quotation or a capital when at
//!   least four words precede it and the last names no header or form field (`Email:`,
//!   `Sent by:`, `Objet:`, `Oggetto:`);
//! - the terminators of other scripts end a sentence, with their closing quotes and brackets
//!   and no white space needed after them: `。` `！` `？` `｡`, `।` `॥`, `؟` `۔`, Greek `;`
//!   (U+037E), `։`, `።`, Khmer `។`, Myanmar `။`;
//! - a blank line always ends a sentence; a single line break ends one before a list item, or
//!   after a line without final punctuation when the next line starts with a capital, a digit or
//!   a quote (headlines, one-paragraph-per-line files) — except in hard-wrapped text, where a
//!   single line break inside a paragraph is a space, and after a line that stops mid-clause (a
//!   comma, an article, a preposition or a conjunction last).

use std::ops::Range;

/// Splits `text` into sentences, pushing byte ranges into `out` (cleared first).
pub(crate) fn split_sentences(text: &str, out: &mut Vec<Range<usize>>) {
    out.clear();
    let b = text.as_bytes();
    let n = b.len();
    if n == 0 {
        return;
    }
    let mut cx = Context {
        text,
        wrapped: None,
        start: 0,
        lookups: 0,
    };
    let mut i = 0;
    while i < n {
        i = next_interesting(b, i);
        let Some(&c) = b.get(i) else { break };
        let next = match c {
            b'.' | b'!' | b'?' => cx.terminator(i, 1),
            b';' | b':' => cx.clause_mark(i),
            b'\n' | b'\r' => cx.line_break(i),
            0xE2 => match b.get(i + 1..i + 3) {
                Some([0x80, 0xA6]) => cx.terminator(i, 3),
                Some([0x80, 0xA8]) | Some([0x80, 0xA9]) => cx.line_break(i),
                _ => Step::Continue(i + 1),
            },
            _ => match other_script_terminator(b, i) {
                Some(len) => full_stop(b, i + len),
                None => Step::Continue(i + 1),
            },
        };
        match next {
            Step::Continue(j) => i = j.max(i + 1),
            Step::Break(j) => {
                if j > cx.start && j < n {
                    out.push(cx.start..j);
                    cx.start = j;
                }
                i = j.max(i + 1);
            }
        }
    }
    if cx.start < n {
        out.push(cx.start..n);
    }
}

/// The length of a sentence terminator of another script at `i`: Devanagari danda `।` and
/// double danda `॥`, Arabic question mark `؟` and Urdu full stop `۔`, Greek question mark `;`
/// (U+037E), Armenian full stop `։`, Ethiopic full stop `።`, Khmer `។`, Myanmar `။`,
/// ideographic full stop `。`,
/// full-width `！` `？` `．` and half-width `｡`.
#[inline]
fn other_script_terminator(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i..)? {
        [0xE0, 0xA5, 0xA4 | 0xA5, ..]
        | [0xE1, 0x8D, 0xA2, ..]
        | [0xE1, 0x9F, 0x94, ..]
        | [0xE1, 0x81, 0x8B, ..]
        | [0xE3, 0x80, 0x82, ..]
        | [0xEF, 0xBC, 0x81 | 0x9F | 0x8E, ..]
        | [0xEF, 0xBD, 0xA1, ..] => Some(3),
        [0xD8, 0x9F, ..] | [0xDB, 0x94, ..] | [0xCD, 0xBE, ..] | [0xD6, 0x89, ..] => Some(2),
        _ => None,
    }
}

/// Ends a sentence after a terminator of a script without abbreviations, ending at `p`: more
/// terminators, closing quotes and brackets, then white space stay with it. No white space need
/// follow (`北京。北京`).
fn full_stop(b: &[u8], mut p: usize) -> Step {
    loop {
        if let Some(l) = other_script_terminator(b, p).or_else(|| closer(b, p)) {
            p += l;
        } else if matches!(b.get(p), Some(b'.' | b'!' | b'?')) {
            p += 1;
        } else {
            break;
        }
    }
    Step::Break(skip_space(b, p).0)
}

/// What to do after a candidate.
enum Step {
    /// No break; go on scanning from here.
    Continue(usize),
    /// The next sentence starts here.
    Break(usize),
}

/// The bytes [`first_candidate`] reads at once.
const WINDOW: usize = 64;

/// The first byte of `w` that may be in [`INTERESTING`]: one of `.!?;:` or a line break, or a
/// byte from 0xCD up (every interesting non-ASCII byte is a lead byte from 0xCD up; the others
/// found are checked by the caller). Written lane by lane over fixed-size arrays so that the
/// compiler turns it into vector instructions (SSE2 on x86-64) without `unsafe`.
#[inline]
fn first_candidate(w: &[u8; WINDOW]) -> Option<usize> {
    let mut hit = [0u8; WINDOW];
    for k in 0..WINDOW {
        let c = w[k];
        let h = u8::from(c == b'.')
            | u8::from(c == b'!')
            | u8::from(c == b'?')
            | u8::from((c | 1) == b';')
            | u8::from(c == b'\n')
            | u8::from(c == b'\r')
            | u8::from(c >= 0xCD);
        hit[k] = h << 7;
    }
    let mut p = 0;
    for lanes in hit.chunks_exact(8) {
        let x = crate::swar::load(lanes).unwrap_or(0);
        if x != 0 {
            return Some(p + (x.trailing_zeros() / 8) as usize);
        }
        p += 8;
    }
    None
}

/// The first byte at or after `i` that may start a terminator, a `;` or `:`, or a line break
/// (`b.len()` if none): [`WINDOW`] bytes at a time, then eight at a time while they are plain
/// ASCII.
#[inline]
fn next_interesting(b: &[u8], mut i: usize) -> usize {
    use crate::swar;
    while let Some(w) = b
        .get(i..i + WINDOW)
        .and_then(|w| <&[u8; WINDOW]>::try_from(w).ok())
    {
        match first_candidate(w) {
            Some(k) => {
                let j = i + k;
                if b.get(j).is_some_and(|&c| INTERESTING[c as usize]) {
                    return j;
                }
                i = j + 1;
            }
            None => i += WINDOW,
        }
    }
    while let Some(x) = b.get(i..).and_then(swar::load) {
        if x & swar::HI != 0 {
            // Non-ASCII bytes (0xE2 may start `…` or a line separator): byte by byte.
            if let Some(k) = b
                .get(i..i + 8)
                .and_then(|w| w.iter().position(|&c| INTERESTING[c as usize]))
            {
                return i + k;
            }
            i += 8;
            continue;
        }
        // Every candidate is below 0x40 and no space: most runs of letters and spaces are
        // passed over on this cheaper test alone.
        if (!swar::at_least(x, 0x40) & !swar::eq(x, b' ') & swar::HI) == 0 {
            i += 8;
            continue;
        }
        // `:` (0x3A) and `;` (0x3B) differ only in their low bit: one compare finds both.
        let hit = (zero_lanes(x ^ (LO * u64::from(b'.')))
            | zero_lanes(x ^ (LO * u64::from(b'!')))
            | zero_lanes(x ^ (LO * u64::from(b'?')))
            | zero_lanes((x | LO) ^ (LO * u64::from(b';')))
            | zero_lanes(x ^ (LO * u64::from(b'\n')))
            | zero_lanes(x ^ (LO * u64::from(b'\r'))))
            & swar::HI;
        if hit != 0 {
            return i + (hit.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while let Some(&c) = b.get(i) {
        if INTERESTING[c as usize] {
            return i;
        }
        i += 1;
    }
    i
}

/// One in every lane.
const LO: u64 = 0x0101_0101_0101_0101;

/// For ASCII lanes (high bits clear): the high bit of each zero lane, and possibly of lanes
/// above a zero lane (a borrow), masked with the high bits by the caller. The lowest flagged
/// lane is always a zero lane, and so is the lowest over an OR of such masks: enough to find the
/// first candidate, in three operations where an exact lane test takes five.
#[inline]
fn zero_lanes(y: u64) -> u64 {
    y.wrapping_sub(LO) & !y
}

/// Bytes that may start a terminator, a `;` or `:`, or a line break.
const INTERESTING: [bool; 256] = {
    let mut t = [false; 256];
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t[b';' as usize] = true;
    t[b':' as usize] = true;
    t[b'\n' as usize] = true;
    t[b'\r' as usize] = true;
    t[0xE2] = true;
    // Lead bytes of other scripts' terminators (see `other_script_terminator`).
    t[0xE0] = true;
    t[0xE1] = true;
    t[0xE3] = true;
    t[0xEF] = true;
    t[0xD8] = true;
    t[0xDB] = true;
    t[0xCD] = true;
    t[0xD6] = true;
    t
};

/// How many times a document may be searched for a word (the Punkt-style evidence that a word
/// before `.` is no abbreviation), so adversarial text stays linear.
const MAX_LOOKUPS: u32 = 32;

/// How far around the candidate that search looks, in bytes, each way.
const LOOKUP_WINDOW: usize = 2048;

/// The scanner's state over one text.
struct Context<'t> {
    text: &'t str,
    /// Single line breaks inside a paragraph are spaces (see [`is_hard_wrapped`]); decided the
    /// first time a single line break needs it, so most documents never read their lines.
    wrapped: Option<bool>,
    /// Where the current sentence starts.
    start: usize,
    /// Document searches done so far (at most [`MAX_LOOKUPS`]).
    lookups: u32,
}

impl Context<'_> {
    /// Decides a terminator starting at `i` (`len` bytes).
    fn terminator(&mut self, i: usize, len: usize) -> Step {
        let text = self.text;
        let b = text.as_bytes();
        let n = b.len();
        // The terminator run: `?!`, `...`, `…`, `?..`, and French spacing before `!` `?`
        // (`Quoi... !`, `Vraiment ! ?`).
        let mut p = i + len;
        let mut single_dot = b[i] == b'.';
        let mut exclaim = matches!(b[i], b'!' | b'?');
        loop {
            match b.get(p) {
                Some(b'.') => p += 1,
                Some(b'!' | b'?') => {
                    p += 1;
                    exclaim = true;
                }
                Some(0xE2) if b.get(p + 1..p + 3) == Some(&[0x80, 0xA6]) => p += 3,
                // One (no-break) space, then `!` or `?`.
                Some(_) => match horizontal_space(b, p) {
                    Some(l) if matches!(b.get(p + l), Some(b'!' | b'?')) => p += l,
                    _ => break,
                },
                None => break,
            }
            single_dot = false;
        }
        // A bracketed ellipsis, `(...)` `[…]`, marks a cut in a quotation: never a sentence end.
        if !exclaim
            && !single_dot
            && i > 0
            && matches!(b.get(i - 1), Some(b'(' | b'['))
            && matches!(b.get(p), Some(b')' | b']'))
        {
            return Step::Continue(p + 1);
        }
        // Closing quotes and brackets, possibly after (no-break) spaces: `? »`, `.)`, `."`. A
        // straight quote after a space and before a word opens the next sentence instead.
        let mut closed = false;
        loop {
            let mut q = p;
            while let Some(l) = horizontal_space(b, q) {
                q += l;
            }
            match closer(b, q) {
                Some(1)
                    if q > p
                        && matches!(b.get(q), Some(b'"' | b'\''))
                        && b.get(q + 1)
                            .is_some_and(|&c| c >= 0x80 || c.is_ascii_alphanumeric()) =>
                {
                    break;
                }
                Some(l) => {
                    p = q + l;
                    closed = true;
                }
                None => break,
            }
        }
        if p >= n {
            return Step::Break(n);
        }
        // White space must follow, else this is `1.2`, a URL, an e-mail address...
        let (q, newlines) = skip_space(b, p);
        if q == p {
            return Step::Continue(p);
        }
        if q >= n {
            return Step::Break(n);
        }
        if newlines >= 2 {
            return Step::Break(q);
        }
        // The next word, after any opening quote or bracket.
        let next = next_word_start(text, q);
        if next.is_some_and(starts_in_lower_case) {
            // `?` and `!` end the sentence before a lower-case word unless a closing quote or
            // bracket follows them (`« Vraiment ? » demande-t-il`); a `.` does after a real word
            // (Italian sentences often start in lower case), not after a truncation.
            if (exclaim && !closed)
                || (single_dot
                    && !closed
                    && (self.ends_clause(i) || (starts_english_clause(b, q) && ends_word(text, i))))
            {
                return Step::Break(q);
            }
            return Step::Continue(q);
        }
        if single_dot {
            let word = word_before(text, i);
            // The letter after an apostrophe ends a contraction or a possessive (`didn't.`,
            // `can't.`, `the 80's.`), not an abbreviation.
            if (is_abbreviation(word) && !(word.len() == 1 && ends_with_apostrophe(b, i - 1)))
                || (word == "es" && ends_with_ignore_case(b, i - 2, b"ad "))
                || is_initial(word)
                || self.is_lone_number(i)
            {
                return Step::Continue(q);
            }
        }
        Step::Break(q)
    }

    /// Decides a `;` or `:` at `i`: `;` ends a sentence before a capital or a list marker
    /// (`; b) ...`, `; - ...`); `:` written against its word (Italian and English spacing, not
    /// the French `mot :`) ends one before a quotation or a capitalised clause.
    fn clause_mark(&mut self, i: usize) -> Step {
        let b = self.text.as_bytes();
        let (q, _) = skip_space(b, i + 1);
        if q == i + 1 || q >= b.len() {
            return Step::Continue(i + 1);
        }
        if b[i] == b':' {
            let attached = i > 0
                && b.get(i - 1)
                    .is_some_and(|&c| c >= 0x80 || c.is_ascii_alphanumeric());
            if attached && opens_clause(self.text, q) && self.words_before(i, 4) {
                return Step::Break(q);
            }
            // The line break after it, if any, is decided on its own.
            return Step::Continue(i + 1);
        }
        if starts_list_item(b, q) || starts_letter_item(b, q) || opens_clause(self.text, q) {
            return Step::Break(q);
        }
        Step::Continue(i + 1)
    }

    /// Whether the text is hard-wrapped ([`is_hard_wrapped`]), decided once.
    fn wrapped(&mut self) -> bool {
        let text = self.text;
        *self
            .wrapped
            .get_or_insert_with(|| is_hard_wrapped(text.as_bytes()))
    }

    /// Decides a line break at `i` not preceded by a terminator.
    fn line_break(&mut self, i: usize) -> Step {
        let text = self.text;
        let b = text.as_bytes();
        let n = b.len();
        let paragraph = b.get(i..i + 3) == Some(&[0xE2, 0x80, 0xA9]);
        let (q, newlines) = skip_space(b, i);
        if q >= n {
            return Step::Break(n);
        }
        if newlines >= 2 || paragraph {
            return Step::Break(q);
        }
        if starts_list_item(b, q) {
            return Step::Break(q);
        }
        if self.wrapped() {
            return Step::Continue(q);
        }
        // The previous line has no final punctuation (a terminator would have been handled
        // before): a headline or a list item ends here if the next line starts like a sentence,
        // unless it stops mid-clause.
        let starts_like_a_sentence = match next_word_start(text, q) {
            Some(c) => c.is_uppercase() || c.is_numeric(),
            // Starts with a quote or a symbol.
            None => matches!(
                text.get(q..).and_then(|t| t.chars().next()),
                Some('«' | '"' | '“' | '\'' | '‘' | '(' | '[')
            ),
        };
        if starts_like_a_sentence && !ends_mid_clause(b, i) {
            Step::Break(q)
        } else {
            Step::Continue(q)
        }
    }

    /// True if the current sentence has at least `min` words before `i` (looking back at most
    /// 80 bytes) and the last is no label: a colon after a short label or a field name
    /// (`Email:`, `Sent by:`) opens no sentence.
    fn words_before(&self, i: usize, min: usize) -> bool {
        let b = self.text.as_bytes();
        let lo = self.start.max(i.saturating_sub(80));
        let head = b.get(lo..i).unwrap_or(&[]);
        let mut gaps = 0;
        for w in head.windows(2).rev() {
            if w[0] == b' ' && w[1] != b' ' {
                gaps += 1;
                if gaps + 1 >= min {
                    return !is_label(b, i);
                }
            }
        }
        false
    }

    /// True if the `.` at `i` closes a number standing alone at the start of its sentence or
    /// line: a list number (`1. Premier`) or an article number or heading (`867. Comprensorio`).
    fn is_lone_number(&self, i: usize) -> bool {
        let b = self.text.as_bytes();
        let head = b.get(..i).unwrap_or(&[]);
        let digits = head.iter().rev().take_while(|c| c.is_ascii_digit()).count();
        if !(1..=4).contains(&digits) {
            return false;
        }
        let before = head.get(..i - digits).unwrap_or(&[]);
        let lead = before.get(self.start.min(before.len())..).unwrap_or(&[]);
        lead.iter().all(u8::is_ascii_whitespace) || matches!(before.last(), Some(b'\n' | b'\r'))
    }

    /// True if the word before the `.` at `i` is a real word, not a truncation (`pag.`,
    /// `econ.`, `Set.`), so that a lower-case word after it starts a new sentence: a word of
    /// four letters or more, in no abbreviation table, that ends in a vowel (truncations end in
    /// a consonant: `giurispr.`, `amministr.`) or that the document also writes without a
    /// period (Punkt's idea: an abbreviation is a word seen with its period and never without).
    fn ends_clause(&mut self, i: usize) -> bool {
        let word = word_before(self.text, i);
        let mut chars = 0;
        let mut last = ' ';
        for c in word.chars() {
            if !c.is_alphabetic() {
                return false;
            }
            chars += 1;
            last = c;
        }
        // Short words that end a clause and abbreviate nothing (`call you.`, `do it.`).
        if SHORT_CLAUSE_ENDS.contains(&word) {
            return true;
        }
        if chars < 4 || is_abbreviation(word) {
            return false;
        }
        // English inflections, which no truncation ends with (`interested.`, `looking.`,
        // `friendly.`, `party.`, `sellers.`, `days.`).
        if word.is_ascii()
            && (ENGLISH_INFLECTIONS.iter().any(|e| word.ends_with(e))
                || (word.ends_with('s') && !word.ends_with("ss")))
        {
            return true;
        }
        if matches!(
            last,
            'a' | 'e' | 'i' | 'o' | 'u' | 'à' | 'è' | 'é' | 'ì' | 'ò' | 'ù' | 'A' | 'E' | 'I' | 'O' | 'U'
        ) {
            return true;
        }
        self.seen_without_period(word, i)
    }

    /// True if `word` (ending at `at`, before its `.`) also occurs near `at` as a whole word not
    /// followed by `.`. Bounded: at most [`MAX_LOOKUPS`] searches per text.
    fn seen_without_period(&mut self, word: &str, at: usize) -> bool {
        if self.lookups >= MAX_LOOKUPS {
            return false;
        }
        self.lookups += 1;
        let b = self.text.as_bytes();
        let lo = at.saturating_sub(LOOKUP_WINDOW);
        let hi = (at + LOOKUP_WINDOW).min(b.len());
        let hay = b.get(lo..hi).unwrap_or(&[]);
        let w = word.as_bytes();
        memchr::memmem::find_iter(hay, w).any(|k| {
            let s = lo + k;
            let e = s + w.len();
            let before_ok = s == 0
                || b.get(s - 1)
                    .is_some_and(|&c| c < 0x80 && !c.is_ascii_alphanumeric());
            let after = b.get(e).copied();
            before_ok && after.is_some_and(|c| c < 0x80 && !c.is_ascii_alphanumeric() && c != b'.')
        })
    }
}

/// True if the text at `i` starts with a word that opens an English clause in web text written
/// in lower case (`you should`, `they are`, `what do`), then a space.
fn starts_english_clause(b: &[u8], i: usize) -> bool {
    let rest = b.get(i..).unwrap_or(&[]);
    let len = rest.iter().take_while(|c| c.is_ascii_lowercase()).count();
    if rest.get(len) != Some(&b' ') {
        return false;
    }
    let word = rest.get(..len).unwrap_or(&[]);
    ENGLISH_CLAUSE_STARTS.contains(&word)
}

/// Words that open an English clause (lower-case web text) and are no French or Italian word:
/// not the lower-case `i` of web English, which is the Italian article after a truncation
/// (`amministr. i giudici`).
const ENGLISH_CLAUSE_STARTS: [&[u8]; 19] = [
    b"you", b"they", b"we", b"he", b"she", b"what", b"where", b"when", b"how", b"why", b"who", b"if",
    b"please", b"maybe", b"my", b"the", b"there", b"this", b"just",
];

/// True if the `.` at `i` follows a word of two letters or more that no abbreviation table
/// holds.
fn ends_word(text: &str, i: usize) -> bool {
    let word = word_before(text, i);
    word.len() >= 2 && word.chars().all(char::is_alphabetic) && !is_abbreviation(word)
}

/// Lower-case words under four letters that end a clause and abbreviate nothing: a `.` after
/// them ends the sentence even before a lower-case word.
const SHORT_CLAUSE_ENDS: [&str; 8] = ["you", "it", "me", "him", "them", "too", "now", "out"];

/// Endings of English inflected words (four letters or more): a `.` after them ends the
/// sentence even before a lower-case word (web English often starts sentences in lower case).
const ENGLISH_INFLECTIONS: [&str; 4] = ["ed", "ing", "ly", "y"];

/// True if the word before the colon at `i` names a field of an e-mail header or a form
/// (`Email:`, `Sent by:`, `Title:`, `Oggetto:`): what follows is its value, not a sentence.
fn is_label(b: &[u8], i: usize) -> bool {
    const LABELS: [&[u8]; 14] = [
        b"email",
        b"e-mail",
        b"mail",
        b"by",
        b"title",
        b"id",
        b"fax",
        b"phone",
        b"subject",
        b"cc",
        b"objet",
        b"oggetto",
        b"courriel",
        b"location",
    ];
    let head = b.get(i.saturating_sub(9)..i).unwrap_or(&[]);
    let len = head
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_alphabetic() || **c == b'-')
        .count();
    (2..=8).contains(&len)
        && LABELS
            .iter()
            .any(|l| l.len() == len && ends_with_ignore_case(b, i, l))
}

/// True if `b[..end]` ends with an apostrophe (`'` or `’`).
fn ends_with_apostrophe(b: &[u8], end: usize) -> bool {
    let head = b.get(..end).unwrap_or(&[]);
    head.ends_with(b"'") || head.ends_with("’".as_bytes())
}

/// True if `b[..end]` ends with `suffix` (ASCII case-insensitive) preceded by a non-letter.
fn ends_with_ignore_case(b: &[u8], end: usize, suffix: &[u8]) -> bool {
    let Some(s) = end.checked_sub(suffix.len()) else {
        return false;
    };
    b.get(s..end).is_some_and(|w| w.eq_ignore_ascii_case(suffix))
        && (s == 0 || b.get(s - 1).is_some_and(|c| !c.is_ascii_alphabetic()))
}

/// True if `c`, starting a word, is a lower-case letter of a script that writes capitals at
/// sentence starts. Georgian Mkhedruli letters are lower case for Unicode, but Georgian writes
/// no capitals: a sentence may start with any of them.
fn starts_in_lower_case(c: char) -> bool {
    c.is_lowercase() && !matches!(c, '\u{10D0}'..='\u{10FF}')
}

/// True if a quotation or a capitalised word starts at `i` (after any opening bracket).
fn opens_clause(text: &str, i: usize) -> bool {
    match text.get(i..).and_then(|t| t.chars().next()) {
        Some('«' | '"' | '“' | '„') => true,
        _ => next_word_start(text, i).is_some_and(char::is_uppercase),
    }
}

/// True if a lettered list item starts at `i`: one letter, or a small roman numeral, then `)`
/// (`b)`, `ii)`).
fn starts_letter_item(b: &[u8], i: usize) -> bool {
    let rest = b.get(i..).unwrap_or(&[]);
    let letters = rest.iter().take_while(|c| c.is_ascii_lowercase()).count();
    let roman = rest
        .get(..letters)
        .is_some_and(|w| w.iter().all(|c| b"ivx".contains(c)));
    (letters == 1 || (roman && letters <= 4)) && rest.get(letters) == Some(&b')')
}

/// True if the line ending at the line break `i` stops mid-clause: on a comma, or on an
/// article, preposition or conjunction (French, Italian, English). Such a line goes on on the
/// next one even when that starts with a capital.
fn ends_mid_clause(b: &[u8], i: usize) -> bool {
    let mut end = i;
    while end > 0 && matches!(b.get(end - 1), Some(b' ' | b'\t')) {
        end -= 1;
    }
    if b.get(end.wrapping_sub(1)) == Some(&b',') {
        return true;
    }
    // The last word: at most 6 bytes of lower-case letters, `à`, or an apostrophe.
    let mut start = end;
    while start > 0 && end - start <= 6 {
        match b.get(start - 1) {
            Some(c) if c.is_ascii_lowercase() || *c == b'\'' || *c >= 0x80 => start -= 1,
            _ => break,
        }
    }
    if start == end || end - start > 6 {
        return false;
    }
    if start > 0 && b.get(start - 1).is_some_and(u8::is_ascii_alphanumeric) {
        return false;
    }
    b.get(start..end)
        .is_some_and(|w| MID_CLAUSE.iter().any(|m| m.len() == w.len() && m.as_bytes() == w))
}

/// Words that never end a line that ends a sentence or a headline.
const MID_CLAUSE: &[&str] = &[
    // French
    "le", "la", "les", "l'", "l’", "un", "une", "des", "du", "de", "d'", "d’", "à", "au", "aux", "et", "ou",
    "pour", "par", "sur", "dans", "avec", "sans", "que", "qui", // Italian
    "il", "lo", "gli", "i", "uno", "una", "di", "a", "da", "in", "con", "su", "per", "tra", "fra", "del",
    "della", "dei", "degli", "delle", "al", "alla", "e", "o", "che", "nel", "nella", // English
    "the", "an", "of", "to", "on", "at", "by", "for", "with", "from", "and", "or", "but", "that",
];

/// Length of a horizontal space (space, tab, NBSP, narrow NBSP, thin space...) at `i`.
#[inline]
fn horizontal_space(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i)? {
        b' ' | b'\t' | 0x0b | 0x0c => Some(1),
        0xC2 if b.get(i + 1) == Some(&0xA0) => Some(2),
        0xE2 => match b.get(i + 1..i + 3)? {
            [0x80, 0x80..=0x8A] | [0x80, 0xAF] | [0x81, 0x9F] => Some(3),
            _ => None,
        },
        0xE3 if b.get(i + 1..i + 3) == Some(&[0x80, 0x80]) => Some(3),
        _ => None,
    }
}

/// Skips white space from `i`; returns where it ends and how many line breaks it held
/// (`\r\n` counts once; U+2029 counts twice).
fn skip_space(b: &[u8], mut i: usize) -> (usize, usize) {
    let mut newlines = 0;
    loop {
        match b.get(i) {
            Some(b'\n') => {
                newlines += 1;
                i += 1;
            }
            Some(b'\r') => {
                newlines += 1;
                i += if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
            }
            Some(0xE2) if b.get(i + 1..i + 3) == Some(&[0x80, 0xA8]) => {
                newlines += 1;
                i += 3;
            }
            Some(0xE2) if b.get(i + 1..i + 3) == Some(&[0x80, 0xA9]) => {
                newlines += 2;
                i += 3;
            }
            Some(0xC2) if b.get(i + 1) == Some(&0x85) => {
                newlines += 1;
                i += 2;
            }
            _ => match horizontal_space(b, i) {
                Some(l) => i += l,
                None => return (i, newlines),
            },
        }
    }
}

/// Length of a closing quote or bracket at `i`.
fn closer(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i)? {
        b'"' | b'\'' | b')' | b']' | b'}' => Some(1),
        0xC2 if b.get(i + 1) == Some(&0xBB) => Some(2), // »
        0xE2 => match b.get(i + 1..i + 3)? {
            [0x80, 0x9D] | [0x80, 0x99] | [0x80, 0xBA] => Some(3), // ” ’ ›
            _ => None,
        },
        0xE3 => match b.get(i + 1..i + 3)? {
            [0x80, 0x8D | 0x8F | 0x91 | 0x89 | 0x8B] => Some(3), // 」 』 】 〉 》
            _ => None,
        },
        0xEF if b.get(i + 1..i + 3) == Some(&[0xBC, 0x89]) => Some(3), // ）
        _ => None,
    }
}

/// The first letter or digit of the next word from `i`, skipping opening quotes, brackets and
/// spaces; `None` if something else comes first (a dash, a symbol).
fn next_word_start(text: &str, i: usize) -> Option<char> {
    for c in text.get(i..)?.chars().take(8) {
        if c.is_alphanumeric() {
            return Some(c);
        }
        if !matches!(
            c,
            '«' | '"' | '“' | '„' | '\'' | '‘' | '(' | '[' | '¿' | '¡' | ' ' | '\u{a0}' | '\u{202f}'
        ) {
            return None;
        }
    }
    None
}

/// True if a list item starts at `i`: a bullet or dash then a space, or a number then `.` or
/// `)` then a space.
fn starts_list_item(b: &[u8], i: usize) -> bool {
    let rest = match b.get(i..) {
        Some(r) => r,
        None => return false,
    };
    let after_marker = |l: usize| {
        rest.get(l).is_some_and(|&c| c == b' ' || c == b'\t') || rest.get(l..l + 2) == Some(&[0xC2, 0xA0])
    };
    match rest {
        [b'-' | b'*', ..] => after_marker(1),
        [0xE2, 0x80, 0xA2 | 0x93 | 0x94, ..] => after_marker(3), // • – —
        [d, ..] if d.is_ascii_digit() => {
            let digits = rest.iter().take_while(|c| c.is_ascii_digit()).count();
            digits <= 3 && matches!(rest.get(digits), Some(b'.' | b')')) && after_marker(digits + 1)
        }
        _ => false,
    }
}

/// The token just before the terminator at `i`: letters, inner dots and hyphens (`e.g`,
/// `J.-C`, `Sig.ra`), back to white space or other punctuation.
fn word_before(text: &str, i: usize) -> &str {
    let head = text.get(..i).unwrap_or("");
    let mut start = i;
    for (k, c) in head.char_indices().rev() {
        if c.is_alphabetic() || c == '.' || c == '-' || c == '°' {
            start = k;
        } else {
            break;
        }
        if i - k > 24 {
            break;
        }
    }
    head.get(start..).unwrap_or("").trim_start_matches(['.', '-'])
}

/// An initial: a single upper-case letter (`J.`, `W.`), or hyphenated ones (`J.-P.`).
fn is_initial(word: &str) -> bool {
    let mut letter_before = false;
    let mut any = false;
    for c in word.chars() {
        if c.is_uppercase() {
            if letter_before {
                return false;
            }
            letter_before = true;
            any = true;
        } else if c == '.' || c == '-' {
            letter_before = false;
        } else {
            return false;
        }
    }
    any
}

/// Titles and capitalised abbreviations, matched case-sensitively.
const TITLES: &[&str] = &[
    // French
    "M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Dr", "Pr", "Me", "Mgr", "St", "Ste", "Cie",
    // Italian
    "Sig", "Sigg", "Sig.ra", "Sigra", "Dott", "Dott.ssa", "Dr.ssa", "Prof", "Prof.ssa", "Avv", "Ing", "Geom",
    "On", "Gent", "Spett", "Mons", // English
    "Mr", "Mrs", "Ms", "Jr", "Sr", "Gen", "Gov", "Sen", "Rep", "Inc", "Ltd", "Co", "Corp", "No", "Nos", "Mt",
    "Lt", "Col", "Capt", "Sgt",
];

/// Other abbreviations, matched ASCII-case-insensitively. `etc.` and `ecc.` are absent on
/// purpose: they end a sentence when a capitalised word follows.
const ABBREVIATIONS: &[&str] = &[
    // French
    "p", "ex", "p.ex", "cf", "av", "apr", "J.-C", "n°", "vol", "éd", "chap", "art", "al", "env", "min", "max",
    "hab", "tél", // Italian
    "pag", "pagg", "ca", "cfr", "ed", "nr", "n", "tel", "sez", "cap", "prot", "rif", "ss", "v", "att", "c.d",
    "dir", "amm", "lett", "cit", "civ", "proc", "segg", "succ", // English
    "vs", "e.g", "i.e", "fig", "approx", "dept", "est", "p.m", "a.m",
    // Months (French, Italian, English), only the unambiguous short forms.
    "janv", "févr", "fév", "avr", "juil", "déc", "sept", "oct", "nov", "dic", "ott", "giu", "lug", "feb",
    "jan", "jun", "jul", "aug", "sep", "dec",
];

/// The longest entry of [`TITLES`] and [`ABBREVIATIONS`], in bytes: longer words are none.
const MAX_ABBREVIATION_BYTES: usize = 8;

fn is_abbreviation(word: &str) -> bool {
    let w = word.as_bytes();
    if w.is_empty() || w.len() > MAX_ABBREVIATION_BYTES {
        return false;
    }
    // A single lower-case letter: `v.` (vedi, versus), `l.` (legge), `p.` (page)...
    if let [c] = w {
        if c.is_ascii_lowercase() {
            return true;
        }
    }
    let mut exact = 0u64;
    let mut lower = 0u64;
    let mut latin1 = false;
    for (k, &c) in w.iter().enumerate() {
        // ASCII letters lower-cased; so are the Latin-1 capitals `À`-`Þ` (`Éd`, `DÉC`), whose
        // second byte is 0x80-0x9E after 0xC3.
        let l = if c.is_ascii_uppercase() || (latin1 && (0x80..=0x9E).contains(&c) && c != 0x97) {
            c | 0x20
        } else {
            c
        };
        latin1 = c == 0xC3;
        exact |= u64::from(c) << (8 * k);
        lower |= u64::from(l) << (8 * k);
    }
    TITLE_KEYS.binary_search(&exact).is_ok() || ABBREVIATION_KEYS.binary_search(&lower).is_ok()
}

/// `TITLES` packed little-endian into `u64`s, sorted.
static TITLE_KEYS: [u64; TITLES.len()] = packed(TITLES, false);
/// `ABBREVIATIONS` packed little-endian into `u64`s, ASCII lower-cased, sorted.
static ABBREVIATION_KEYS: [u64; ABBREVIATIONS.len()] = packed(ABBREVIATIONS, true);

/// Packs each word (at most 8 bytes) into a `u64`, little-endian, optionally ASCII
/// lower-casing it, and sorts the keys (at compile time).
const fn packed<const N: usize>(words: &[&str], lower: bool) -> [u64; N] {
    let mut keys = [0u64; N];
    let mut i = 0;
    while i < N {
        let b = words[i].as_bytes();
        let mut k = 0u64;
        let mut j = 0;
        while j < b.len() {
            let c = if lower { b[j].to_ascii_lowercase() } else { b[j] };
            k |= (c as u64) << (8 * j);
            j += 1;
        }
        keys[i] = k;
        i += 1;
    }
    // Insertion sort: a few dozen keys.
    let mut i = 1;
    while i < N {
        let mut j = i;
        while j > 0 && keys[j - 1] > keys[j] {
            let t = keys[j];
            keys[j] = keys[j - 1];
            keys[j - 1] = t;
            j -= 1;
        }
        i += 1;
    }
    keys
}

/// Decides once per document whether single line breaks are soft (hard-wrapped text): at least
/// three non-blank lines, and most lines followed by another non-blank line are long (within a
/// quarter of the longest line, at least 40 bytes) and do not end with final punctuation.
fn is_hard_wrapped(b: &[u8]) -> bool {
    let mut lines: Vec<(usize, bool)> = Vec::new(); // (length, ends with final punctuation)
    let mut max = 0;
    let mut nonblank = 0;
    let mut inner = 0;
    let mut inner_wrapped = 0;
    let mut start = 0;
    let mut prev: Option<(usize, bool)> = None;
    for k in memchr::memchr_iter(b'\n', b).chain(std::iter::once(b.len())) {
        let line = trim_ascii(b.get(start..k).unwrap_or(&[]));
        start = k + 1;
        if line.is_empty() {
            prev = None;
            continue;
        }
        nonblank += 1;
        let final_punct = matches!(line.last(), Some(b'.' | b'!' | b'?' | b':' | b';' | b'"' | b')'))
            || line.ends_with("…".as_bytes())
            || line.ends_with("»".as_bytes())
            || line.ends_with("”".as_bytes());
        max = max.max(line.len());
        if let Some(p) = prev {
            lines.push(p);
        }
        prev = Some((line.len(), final_punct));
        if lines.len() > 64 {
            break;
        }
    }
    if nonblank < 3 {
        return false;
    }
    for &(len, final_punct) in &lines {
        inner += 1;
        if len >= 40 && len * 4 >= max * 3 && !final_punct {
            inner_wrapped += 1;
        }
    }
    inner > 0 && inner_wrapped * 5 >= inner * 3
}

fn trim_ascii(mut s: &[u8]) -> &[u8] {
    while let [first, rest @ ..] = s {
        if first.is_ascii_whitespace() {
            s = rest;
        } else {
            break;
        }
    }
    while let [rest @ .., last] = s {
        if last.is_ascii_whitespace() {
            s = rest;
        } else {
            break;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    /// The scan for candidates finds what the byte table finds, at every offset of texts mixing
    /// ASCII, Latin letters, typographic punctuation and other scripts, longer and shorter than
    /// a window.
    #[test]
    fn interesting_scan_agrees_with_the_table() {
        let texts = [
            "Le président a dit : « c’est fini ». L’État… rien ; voilà ! Ensuite, plus rien du tout, vraiment rien",
            "È così? Sì, però l’ultimo – forse – arriverà.\nDopo\r\n e poi ancora una lunga frase senza fine",
            "Ça coûte 3,50 € à Paris\u{2028}ou à Rome\u{2029}fin, Καλημέρα κόσμε Привет мир",
            "नमस्ते। दुनिया॥ مرحبا؟ سلام۔ Γεια; Բարեւ։ ሰላም። 北京。東京！大阪？．｡ ",
            "àààààààààààààààààààààààààààààààààààààààà.éééééééééééééééééééééé!ùùùùùùùù?",
            "",
            "a",
        ];
        for t in texts {
            let b = t.as_bytes();
            for i in 0..=b.len() {
                let slow = (i..b.len())
                    .find(|&k| INTERESTING[b[k] as usize])
                    .unwrap_or(b.len());
                assert_eq!(next_interesting(b, i), slow, "{t:?} from {i}");
            }
        }
    }

    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        split_sentences(text, &mut out);
        let mut at = 0;
        for r in &out {
            assert_eq!(r.start, at, "gap or overlap in {text:?}");
            assert!(r.end > r.start);
            at = r.end;
        }
        assert_eq!(at, text.len());
        out.into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn abbreviation_tables_fit_the_length_bound() {
        for a in TITLES.iter().chain(ABBREVIATIONS) {
            assert!(a.len() <= MAX_ABBREVIATION_BYTES, "{a}");
            assert!(is_abbreviation(a), "{a}");
        }
        assert!(is_abbreviation("DÉC") && is_abbreviation("Éd") && is_abbreviation("ART"));
        assert!(!is_abbreviation("décembre") && !is_abbreviation("Mmes.") && !is_abbreviation("M2"));
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            ("   ", &["   "]),
            (
                "Meta dément. Netflix aussi.",
                &["Meta dément. ", "Netflix aussi."],
            ),
            ("Meta nega. Netflix tace!", &["Meta nega. ", "Netflix tace!"]),
            (
                "It denies it. Netflix agrees?",
                &["It denies it. ", "Netflix agrees?"],
            ),
            // A `.` before a lower-case word: after an English inflection, a plural, a short
            // pronoun, or before a word that opens an English clause, a sentence ends; not
            // after a truncation, `ecc.` or an abbreviation of the tables.
            (
                "we got there early and everyone was interested. jill said the rest",
                &[
                    "we got there early and everyone was interested. ",
                    "jill said the rest",
                ],
            ),
            (
                "the staff was friendly. do you think so",
                &["the staff was friendly. ", "do you think so"],
            ),
            (
                "call me if you see them. call soon",
                &["call me if you see them. ", "call soon"],
            ),
            (
                "we love this dog. you will too",
                &["we love this dog. ", "you will too"],
            ),
            (
                "Les chambres étaient propres et les avis bons. très bon accueil",
                &[
                    "Les chambres étaient propres et les avis bons. ",
                    "très bon accueil",
                ],
            ),
            (
                "il ricorso al giudice amministr. i giudici hanno deciso",
                &["il ricorso al giudice amministr. i giudici hanno deciso"],
            ),
            (
                "mele, pere ecc. i prezzi salgono",
                &["mele, pere ecc. i prezzi salgono"],
            ),
            (
                "the price is approx. the same as before",
                &["the price is approx. the same as before"],
            ),
            ("voir le chap. des annexes", &["voir le chap. des annexes"]),
            // A colon after the field of a header or a form opens no sentence.
            (
                "We will send the report to the whole team Sent by: John Smith",
                &["We will send the report to the whole team Sent by: John Smith"],
            ),
            (
                "La nota inviata ieri a tutti porta come oggetto: Nuove regole",
                &["La nota inviata ieri a tutti porta come oggetto: Nuove regole"],
            ),
            (
                "Le message envoyé hier à toute l'équipe a pour objet: Nouvelles règles",
                &["Le message envoyé hier à toute l'équipe a pour objet: Nouvelles règles"],
            ),
            (
                "The minister said one thing at the end: The plan is dead.",
                &["The minister said one thing at the end: ", "The plan is dead."],
            ),
            // A contraction or a possessive before the `.` is no one-letter abbreviation.
            (
                "They said they would come, but they didn't. Today they did.",
                &["They said they would come, but they didn't. ", "Today they did."],
            ),
            (
                "Music from the 70's. Over there, books.",
                &["Music from the 70's. ", "Over there, books."],
            ),
            (
                "Voir la note p. Trois exemples suivent.",
                &["Voir la note p. Trois exemples suivent."],
            ),
            // Abbreviations and initials.
            (
                "M. Hastings siégeait au conseil. Il est parti.",
                &["M. Hastings siégeait au conseil. ", "Il est parti."],
            ),
            (
                "Mme Simo et MM. Klein et Grabert sont là.",
                &["Mme Simo et MM. Klein et Grabert sont là."],
            ),
            (
                "Il Dott. Rossi e il Sig. Bianchi. Poi nulla.",
                &["Il Dott. Rossi e il Sig. Bianchi. ", "Poi nulla."],
            ),
            (
                "Vedi pag. 12 e art. 5 del codice.",
                &["Vedi pag. 12 e art. 5 del codice."],
            ),
            (
                "Des géants, p. ex. Meta, sont visés.",
                &["Des géants, p. ex. Meta, sont visés."],
            ),
            (
                "Mr. Stone said so. Then he left.",
                &["Mr. Stone said so. ", "Then he left."],
            ),
            (
                "Le livre de J. R. R. Tolkien. Un classique.",
                &["Le livre de J. R. R. Tolkien. ", "Un classique."],
            ),
            (
                "Publié le 2 déc. 2024 à Paris.",
                &["Publié le 2 déc. 2024 à Paris."],
            ),
            // etc. / ecc.
            (
                "Meta, Netflix, etc. et d'autres.",
                &["Meta, Netflix, etc. et d'autres."],
            ),
            (
                "Meta, Netflix, etc. Puis rien.",
                &["Meta, Netflix, etc. ", "Puis rien."],
            ),
            (
                "Meta, Netflix ecc. Poi nulla.",
                &["Meta, Netflix ecc. ", "Poi nulla."],
            ),
            // Numbers, URLs, e-mails.
            (
                "Une amende de 1.2 milliard. Puis 3,5 millions.",
                &["Une amende de 1.2 milliard. ", "Puis 3,5 millions."],
            ),
            (
                "Voir pic.twitter.com/GkrF et https://www.example.com/a.b. Fin.",
                &[
                    "Voir pic.twitter.com/GkrF et https://www.example.com/a.b. ",
                    "Fin.",
                ],
            ),
            (
                "Scrivere a mario.rossi@example.it. Grazie.",
                &["Scrivere a mario.rossi@example.it. ", "Grazie."],
            ),
            // Quotes.
            (
                "« C'est fini. » Puis il part.",
                &["« C'est fini. » ", "Puis il part."],
            ),
            (
                "« Vraiment ? » demande-t-il. Oui.",
                &["« Vraiment ? » demande-t-il. ", "Oui."],
            ),
            (
                "Il a dit « non ! » Ensuite, silence.",
                &["Il a dit « non ! » ", "Ensuite, silence."],
            ),
            (
                "He said \"no.\" Then he left.",
                &["He said \"no.\" ", "Then he left."],
            ),
            (
                "(Voir plus haut.) Ensuite, rien.",
                &["(Voir plus haut.) ", "Ensuite, rien."],
            ),
            // Ellipses.
            ("Et puis... Rien.", &["Et puis... ", "Rien."]),
            ("Et puis… rien du tout.", &["Et puis… rien du tout."]),
            ("E poi... e poi niente.", &["E poi... e poi niente."]),
            // Headlines, paragraphs, lists.
            (
                "Meta condamnée en Italie\nLe tribunal a tranché.",
                &["Meta condamnée en Italie\n", "Le tribunal a tranché."],
            ),
            (
                "Titre\n\nle texte commence ici.",
                &["Titre\n\n", "le texte commence ici."],
            ),
            (
                "Les points :\n- Meta\n- Netflix\n1. Premier\n2) Second",
                &[
                    "Les points :\n",
                    "- Meta\n",
                    "- Netflix\n",
                    "1. Premier\n",
                    "2) Second",
                ],
            ),
            (
                "une phrase coupée\nen deux lignes.",
                &["une phrase coupée\nen deux lignes."],
            ),
            (
                "Ligne un.\r\nLigne deux.\r\n",
                &["Ligne un.\r\n", "Ligne deux.\r\n"],
            ),
            ("Sans ponctuation finale", &["Sans ponctuation finale"]),
            ("...!!!???", &["...!!!???"]),
            (
                "Fin. 🙂 Emoji. عربي. e\u{301}. Ok.",
                &["Fin. ", "🙂 Emoji. ", "عربي. e\u{301}. ", "Ok."],
            ),
        ];
        let mut failures = Vec::new();
        for (text, expected) in cases {
            let got = split(text);
            if got != *expected {
                failures.push(format!("{text:?}\n   expected {expected:?}\n   got      {got:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn hard_wrapped_paragraph() {
        let text = "Le fondateur de Tesla et propriétaire du réseau social X, Elon\n\
                    Musk, a relayé mardi une publication affirmant que la plateforme\n\
                    de streaming avait eu accès aux messages privés des utilisateurs\n\
                    de Messenger pendant plusieurs années. Meta dément.";
        assert_eq!(split(text).len(), 2);
        assert!(split(text)[0].contains("Elon\nMusk"));
    }

    #[test]
    fn odd_input() {
        for t in [
            "\n",
            "\n\n\n",
            ".",
            "a\u{2029}b",
            "\u{301}.",
            "x\r",
            "…",
            "\u{a0}.\u{a0}",
            "1.\n2.\n3.",
        ] {
            split(t);
        }
    }
}
