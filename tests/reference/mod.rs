//! A slow, obviously-correct reference for the matching contract of `Analyzer::find` (the whole
//! text as one segment, no language limits): for each position, for each name, fold, compare,
//! check the boundaries, then resolve overlaps as the mode asks (leftmost-longest by default). It works on chars, keeps a
//! per-char origin, and shares no code with the crate.
//!
//! Its folding covers the alphabet the property tests generate (ASCII, the French and Italian
//! accented letters, œ æ ß, combining accents, typographic apostrophes, quotes, dashes and
//! spaces); other characters are only lower-cased.

#![allow(dead_code)]

/// A reference mention: candidate ids in gazetteer order, and the original byte span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefMention {
    pub ids: Vec<String>,
    pub start: usize,
    pub end: usize,
}

/// A reference gazetteer entry.
#[derive(Debug, Clone, Default)]
pub struct RefName {
    pub id: String,
    pub name: String,
    pub exact: bool,
    /// The common-word guard drops the name (`CommonName::Dropped`).
    pub dropped: bool,
    /// The name is a function word (`CommonName::FunctionWord`): spelt exactly, and at the
    /// start of a sentence only in capitals.
    pub function_word: bool,
}

/// True when the text before byte `s`, white space, format characters and combining marks
/// aside, is empty or ends with punctuation other than a comma or an apostrophe.
fn at_sentence_start(text: &str, s: usize) -> bool {
    let format = |c: char| matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{feff}');
    let mark = |c: char| ('\u{300}'..='\u{36f}').contains(&c);
    let Some(c) = text[..s]
        .chars()
        .rev()
        .find(|&c| !c.is_whitespace() && !format(c) && !mark(c))
    else {
        return true;
    };
    !c.is_alphanumeric() && !",'’ʼ‘`".contains(c)
}

/// Two letters or more, none in lower case.
fn in_capitals(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && !letters.iter().any(|c| c.is_lowercase())
}

const ELISIONS: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu", "quelqu",
    "un", "dell", "dall", "nell", "sull", "all", "coll", "pell", "degl", "quest", "quell", "bell", "sant",
    "buon", "nessun", "ciascun", "anch", "senz", "com", "dov", "tutt",
];

fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// What one character folds to (white space is handled by the caller).
fn fold_char(c: char) -> String {
    if is_combining(c) {
        return String::new();
    }
    match c {
        '’' | '‘' | 'ʼ' | '`' | '´' | '′' => return "'".into(),
        '«' | '»' | '“' | '”' | '„' | '‹' | '›' => return "\"".into(),
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => return "-".into(),
        _ => {}
    }
    let lower: String = c.to_lowercase().collect();
    lower
        .chars()
        .map(|l| match l {
            'à' | 'â' | 'ä' | 'á' => "a".to_string(),
            'é' | 'è' | 'ê' | 'ë' => "e".to_string(),
            'î' | 'ï' | 'ì' | 'í' => "i".to_string(),
            'ô' | 'ö' | 'ò' | 'ó' => "o".to_string(),
            'ù' | 'û' | 'ü' | 'ú' => "u".to_string(),
            'ç' => "c".to_string(),
            'ÿ' => "y".to_string(),
            'ñ' => "n".to_string(),
            'œ' => "oe".to_string(),
            'æ' => "ae".to_string(),
            'ß' => "ss".to_string(),
            other => other.to_string(),
        })
        .collect()
}

/// The exact form of a character: decomposed accents, unified typography, case kept.
fn exact_char(c: char) -> String {
    match c {
        '’' | '‘' | 'ʼ' | '`' | '´' | '′' => "'".into(),
        '«' | '»' | '“' | '”' | '„' | '‹' | '›' => "\"".into(),
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => "-".into(),
        'é' => "e\u{301}".into(),
        'è' => "e\u{300}".into(),
        'ê' => "e\u{302}".into(),
        'ë' => "e\u{308}".into(),
        'à' => "a\u{300}".into(),
        'â' => "a\u{302}".into(),
        'ç' => "c\u{327}".into(),
        'ô' => "o\u{302}".into(),
        'î' => "i\u{302}".into(),
        'ï' => "i\u{308}".into(),
        'ù' => "u\u{300}".into(),
        'û' => "u\u{302}".into(),
        'ü' => "u\u{308}".into(),
        'É' => "E\u{301}".into(),
        'È' => "E\u{300}".into(),
        'À' => "A\u{300}".into(),
        'Ç' => "C\u{327}".into(),
        c => c.to_string(),
    }
}

fn exact_form(s: &str) -> Vec<char> {
    let mut out = Vec::new();
    let mut in_space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
            continue;
        }
        in_space = false;
        out.extend(exact_char(c).chars());
    }
    out
}

/// Folded chars, each with the index (in `chars`) of the original char it comes from.
fn fold_text(chars: &[(usize, char)]) -> Vec<(char, usize)> {
    let mut out = Vec::new();
    let mut in_space = false;
    for (k, &(_, c)) in chars.iter().enumerate() {
        if c.is_whitespace() {
            if !in_space {
                out.push((' ', k));
            }
            in_space = true;
            continue;
        }
        let f = fold_char(c);
        if f.is_empty() {
            continue;
        }
        in_space = false;
        for x in f.chars() {
            out.push((x, k));
        }
    }
    out
}

fn fold_name(name: &str) -> Vec<char> {
    let chars: Vec<(usize, char)> = name.trim().char_indices().collect();
    fold_text(&chars).into_iter().map(|(c, _)| c).collect()
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Which overlapping mentions the reference reports (mirrors `nomina::Overlaps`, without
/// depending on it, so the fuzz target can share this file).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefOverlaps {
    /// Leftmost-longest, without overlaps.
    None,
    /// Those of `None`, and every mention inside one of them.
    Nested,
    /// Every mention that passes, at every position.
    All,
}

/// The reference matcher, leftmost-longest without overlaps.
pub fn reference_find(names: &[RefName], text: &str) -> Vec<RefMention> {
    reference_find_with(names, text, RefOverlaps::None)
}

/// The reference matcher in any mode: every (position, end) of the folded text where some
/// name passes every check, then the mode's choice among them, sorted by start, then longest
/// first.
pub fn reference_find_with(names: &[RefName], text: &str, mode: RefOverlaps) -> Vec<RefMention> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let folded = fold_text(&chars);
    let f: Vec<char> = folded.iter().map(|&(c, _)| c).collect();
    let keys: Vec<Vec<char>> = names.iter().map(|n| fold_name(&n.name)).collect();
    // Candidates in gazetteer order: the order entities first appear in `names`.
    let mut order: Vec<&str> = Vec::new();
    for n in names {
        if !order.contains(&n.id.as_str()) {
            order.push(&n.id);
        }
    }
    // Every passing (start, end) in folded chars, with the names that pass there.
    let mut found: Vec<(usize, usize, Vec<usize>)> = Vec::new();
    for p in 0..f.len() {
        let mut here: Vec<(usize, Vec<usize>)> = Vec::new();
        for (ni, key) in keys.iter().enumerate() {
            if names[ni].dropped
                || key.is_empty()
                || p + key.len() > f.len()
                || f[p..p + key.len()] != key[..]
            {
                continue;
            }
            let end = p + key.len();
            if !left_ok(&f, p, key) || !right_ok(&f, end, key) || in_url(&f, p, end) {
                continue;
            }
            let (s, e) = span(&chars, &folded, text, p, end);
            let surface = &text[s..e];
            let name = &names[ni];
            let name_cap = name
                .name
                .chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(|c| c.is_uppercase());
            let surf_lower = surface
                .chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(|c| c.is_lowercase());
            if name_cap && surf_lower {
                continue;
            }
            if (name.exact || name.function_word) && exact_form(surface) != exact_form(name.name.trim()) {
                continue;
            }
            if name.function_word {
                let ok = if in_capitals(surface) {
                    // Not in a run of words in capitals.
                    let prev: String = text[..s]
                        .chars()
                        .rev()
                        .skip_while(|c| !c.is_alphanumeric())
                        .take_while(|c| c.is_alphanumeric())
                        .collect::<Vec<_>>()
                        .into_iter()
                        .rev()
                        .collect();
                    let next: String = text[e..]
                        .chars()
                        .skip_while(|c| !c.is_alphanumeric())
                        .take_while(|c| c.is_alphanumeric())
                        .collect();
                    !in_capitals(&prev) && !in_capitals(&next)
                } else {
                    !at_sentence_start(text, s)
                };
                if !ok {
                    continue;
                }
            }
            match here.iter_mut().find(|(e, _)| *e == end) {
                Some((_, list)) => list.push(ni),
                None => here.push((end, vec![ni])),
            }
        }
        here.sort_by_key(|h| std::cmp::Reverse(h.0));
        found.extend(here.into_iter().map(|(end, list)| (p, end, list)));
    }
    // The leftmost-longest choice, and what the mode keeps.
    let mut keep = Vec::new();
    let mut top_end = 0;
    for (p, end, list) in found {
        let top = p >= top_end;
        if top {
            top_end = end;
        }
        let kept = match mode {
            RefOverlaps::None => top,
            RefOverlaps::Nested => top || end <= top_end,
            RefOverlaps::All => true,
        };
        if kept {
            keep.push((p, end, list));
        }
    }
    keep.into_iter()
        .map(|(p, end, list)| {
            let (s, e) = span(&chars, &folded, text, p, end);
            let ids = order
                .iter()
                .filter(|id| list.iter().any(|&ni| names[ni].id == **id))
                .map(|id| id.to_string())
                .collect();
            RefMention {
                ids,
                start: s,
                end: e,
            }
        })
        .collect()
}

fn left_ok(f: &[char], p: usize, key: &[char]) -> bool {
    if p == 0 {
        return true;
    }
    let prev = f[p - 1];
    if key.first().is_some_and(|&c| is_word(c)) && is_word(prev) {
        return false;
    }
    if (prev == '.' || prev == '@') && p >= 2 && is_word(f[p - 2]) {
        return false;
    }
    if prev == '\'' {
        let mut s = p - 1;
        while s > 0 && is_word(f[s - 1]) {
            s -= 1;
        }
        if s == p - 1 {
            return true;
        }
        let word: String = f[s..p - 1].iter().collect();
        return word.is_ascii() && ELISIONS.contains(&word.as_str());
    }
    true
}

fn right_ok(f: &[char], end: usize, key: &[char]) -> bool {
    let Some(&next) = f.get(end) else { return true };
    if is_word(next) {
        return false;
    }
    if (next == '.' || next == '@') && f.get(end + 1).is_some_and(|&c| is_word(c)) {
        return false;
    }
    if next == '\'' {
        let s: String = key.iter().collect();
        let last = s
            .rsplit(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .next()
            .unwrap_or("");
        if ELISIONS.contains(&last) {
            return false;
        }
    }
    true
}

fn in_url(f: &[char], p: usize, end: usize) -> bool {
    // The token is read within 256 folded bytes on either side of the name (the contract).
    const WINDOW: usize = 256;
    let mut s = p;
    let mut back = 0;
    while s > 0 && f[s - 1] != ' ' && back < WINDOW {
        back += f[s - 1].len_utf8();
        s -= 1;
    }
    let mut e = end;
    let mut ahead = 0;
    while e < f.len() && f[e] != ' ' && ahead < WINDOW {
        ahead += f[e].len_utf8();
        e += 1;
    }
    let token: String = f[s..e].iter().collect();
    let token: Vec<char> = token
        .trim_start_matches(['"', '(', '[', '<', '\''])
        .chars()
        .collect();
    let s: String = token.iter().collect();
    // An `@` right after a letter or digit is an e-mail address; any other starts a handle.
    let email = (1..token.len()).any(|k| token[k] == '@' && is_word(token[k - 1]));
    s.starts_with("www.") || email || s.contains("://")
}

/// The original byte span of folded chars `p..end`: from the start of the first one's original
/// char to the end of the last one's, plus the combining marks right after it.
fn span(
    chars: &[(usize, char)],
    folded: &[(char, usize)],
    text: &str,
    p: usize,
    end: usize,
) -> (usize, usize) {
    let first = folded[p].1;
    let mut last = folded[end - 1].1;
    while chars.get(last + 1).is_some_and(|&(_, c)| is_combining(c)) {
        last += 1;
    }
    let s = chars[first].0;
    let e = chars.get(last + 1).map_or(text.len(), |&(b, _)| b);
    (s, e)
}

// ---- Short forms --------------------------------------------------------------------------

/// A mention the reference short forms start from: candidate ids, the gazetteer name that
/// matched, its original byte span.
#[derive(Debug, Clone)]
pub struct RefFull {
    pub ids: Vec<String>,
    pub name: String,
    pub start: usize,
    pub end: usize,
}

const PARTICLES: &[&str] = &[
    "de", "di", "da", "du", "des", "del", "della", "dei", "degli", "dal", "dalla", "van", "von", "der",
    "den", "ten", "ter", "le", "la", "lo", "dos", "das", "do", "zu",
];

/// The first character of each run of letters and digits.
fn initials(s: &str) -> Vec<char> {
    let mut out = Vec::new();
    let mut prev = false;
    for c in s.chars() {
        let w = c.is_alphanumeric();
        if w && !prev {
            out.push(c);
        }
        prev = w;
    }
    out
}

/// A person's short form: the last word with the particles before it (never the first word),
/// without punctuation around it, when its head has a capital and it has two word characters.
pub fn reference_short_part(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < 2 {
        return None;
    }
    let mut k = words.len() - 1;
    while k > 1 && PARTICLES.iter().any(|p| p.eq_ignore_ascii_case(words[k - 1])) {
        k -= 1;
    }
    if !initials(words[words.len() - 1]).iter().any(|c| c.is_uppercase()) {
        return None;
    }
    let part = words[k..].join(" ");
    let part = part.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    (part.chars().filter(|&c| is_word(c)).count() >= 2).then_some(part)
}

/// Naive short forms of persons (every name of `names` is a person's): for every sentence, every
/// folded position, every short form of a full name found before it, with the contract's
/// checks; gazetteer mentions (`fulls`) win; leftmost, then longest.
pub fn reference_short_forms(
    names: &[RefName],
    text: &str,
    sentences: &[(usize, usize)],
    fulls: &[RefFull],
) -> Vec<RefMention> {
    let mut order: Vec<&str> = Vec::new();
    for n in names {
        if !order.contains(&n.id.as_str()) {
            order.push(&n.id);
        }
    }
    // (id, folded key, part as written, exact, since)
    let mut forms: Vec<(String, Vec<char>, String, bool, usize)> = Vec::new();
    for m in fulls {
        for id in &m.ids {
            for n in names
                .iter()
                .filter(|n| &n.id == id && fold_name(&n.name) == fold_name(&m.name))
            {
                if let Some(part) = reference_short_part(&n.name) {
                    forms.push((id.clone(), fold_name(&part), part, n.exact, m.end));
                }
            }
        }
    }
    let mut out = Vec::new();
    for &(s0, e0) in sentences {
        let sub = &text[s0..e0];
        let chars: Vec<(usize, char)> = sub.char_indices().collect();
        let folded = fold_text(&chars);
        let f: Vec<char> = folded.iter().map(|&(c, _)| c).collect();
        let mut keys: Vec<&Vec<char>> = forms.iter().map(|x| &x.1).collect();
        keys.sort_by_key(|k| std::cmp::Reverse(k.len()));
        keys.dedup();
        let mut p = 0;
        while p < f.len() {
            let mut next = p + 1;
            for key in &keys {
                let end = p + key.len();
                if end > f.len() || f[p..end] != key[..] {
                    continue;
                }
                if !left_ok(&f, p, key) || !right_ok(&f, end, key) || in_url(&f, p, end) {
                    continue;
                }
                let (s, e) = span(&chars, &folded, sub, p, end);
                let (s, e) = (s + s0, e + s0);
                if fulls.iter().any(|m| m.start < e && m.end > s) {
                    continue;
                }
                let surface = &text[s..e];
                let passes = |x: &(String, Vec<char>, String, bool, usize)| {
                    let caps = {
                        let (pi, si) = (initials(&x.2), initials(surface));
                        pi.iter()
                            .zip(&si)
                            .all(|(a, b)| !a.is_uppercase() || b.is_uppercase())
                            && si
                                .get(pi.len().min(si.len()).wrapping_sub(1))
                                .is_some_and(|c| c.is_uppercase())
                    };
                    &x.1 == *key && x.4 <= s && caps && (!x.3 || exact_form(surface) == exact_form(&x.2))
                };
                let ids: Vec<String> = order
                    .iter()
                    .filter(|id| forms.iter().any(|x| x.0 == **id && passes(x)))
                    .map(|id| id.to_string())
                    .collect();
                if ids.is_empty() {
                    continue;
                }
                out.push(RefMention {
                    ids,
                    start: s,
                    end: e,
                });
                next = end;
                break;
            }
            p = next;
        }
    }
    out
}
