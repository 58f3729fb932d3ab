//! nomina finds the entities of a gazetteer in multilingual news text: French and Italian
//! first, and the English they quote. It detects the language of the document and of each
//! sentence, splits sentences, and matches every name of the gazetteer in one pass over folded
//! text, a word at a time, returning typed mentions whose byte spans point into the original
//! input.
//!
//! # Quick start
//!
//! ```
//! use nomina::{Analyzer, Gazetteer};
//! let gazetteer = Gazetteer::from_tsv_str("Q380\torganization\tMeta\nQ458\torganization\tUnion européenne\n")?;
//! let analyzer = Analyzer::new(&gazetteer)?;
//! let text = "Meta conteste l’amende infligée par l’Union europeenne.";
//! let analysis = analyzer.analyze(text);
//! let spans: Vec<_> = analysis.mentions().iter().map(|m| (m.id(), m.span())).collect();
//! assert_eq!(spans, [("Q380", 0..4), ("Q458", 43..59)]);
//! # Ok::<(), nomina::Error>(())
//! ```
//!
//! # Match semantics
//!
//! This section is a contract: every rule has tests in French, Italian and English, with the
//! negative cases (`tests/`).
//!
//! 1. **Case- and accent-insensitive.** Text and names are folded alike: lower-cased, accents
//!    removed (precomposed or combining: NFC and NFD text match alike), ligatures expanded
//!    (`Coeur` finds `Cœur`, `Strasse` finds `Straße`). `Union europeenne` finds
//!    `Union européenne`.
//! 2. **Capitalisation-aware.** A name whose first letter is upper-case does not match text whose
//!    first letter is lower-case: `Meta` matches `Meta` and `META`, not the Italian noun `meta`.
//!    A name written in lower case (`eBay`, `messages privés`) matches any case.
//! 3. **Typographic variants are equal**: apostrophes `’ ' ʼ ‘`; quotes `« » " “ ”`; dashes
//!    `- – ‑ —`; any run of spaces, tabs, line breaks or no-break spaces is one space, so a name
//!    broken across a line break is found (unless the line break ends a sentence).
//! 4. **Whole words only.** `Meta` is not found in `Metaverse`, `X` not in `Xbox` or `X2`,
//!    `Twitter` not in `pic.twitter.com`: a name never starts or ends next to a letter or digit,
//!    nor inside a dotted token (`twitter.com`), a URL or an e-mail address (a token is read
//!    within 256 bytes on either side of the name, which keeps the check linear on text
//!    without spaces: a name further than that from a URL's `://` is not seen as inside it).
//!    Yet a French or Italian elided word before a name does not block it (`d’Amazon`,
//!    `l’Union européenne`, `dell’Unione europea`, `all'Italia`, `qu’Elon Musk`) while another
//!    word before an apostrophe does (`Neill` is not found in `O’Neill`); an English possessive
//!    after a name does not block it (`Meta’s`); hyphenated compounds split (`Facebook-Netflix`
//!    is two mentions). The span covers the name only. In scripts written without spaces
//!    (Han, Hiragana, Katakana), every character is a word of its own, so `北京` is found in
//!    `我住在北京。` and next to Latin letters or digits (`中国GDP`); without a dictionary a
//!    name is also found inside a longer word of those scripts (`東京` in `東京都`). Thai, Lao,
//!    Khmer and Myanmar need a dictionary to find words: a run of them is one word, so a name in
//!    them is found only where spaces, punctuation or the text's ends delimit it. Scripts
//!    written with spaces (Cyrillic, Greek, Armenian, Georgian, Hebrew, Arabic, Devanagari,
//!    Ethiopic, ...) follow the whole-word rule like Latin: a name with a prefix written against
//!    it (Arabic `بالقاهرة`, Hebrew `בירושלים`) is not found.
//! 5. **Handles are not e-mail addresses.** A white-space-delimited token is an e-mail address
//!    when an `@` in it follows a letter or digit (`mario@meta.com`, `press@Meta`): nothing
//!    matches inside it. An `@` after anything else (white space, an opening bracket or quote,
//!    `:`) starts a handle: `@Meta` yields the mention `Meta`, its span without the `@`; a name
//!    written with its `@` (`@elonmusk`) matches that handle, `@` included, and not the bare
//!    word `elonmusk`.
//! 6. **Leftmost-longest, unless overlaps are asked for.** Of two names starting at the same
//!    place the longest wins (`Facebook Watch` over `Facebook`), and the leftmost start wins
//!    over a later one. A longer candidate that fails a check never hides a shorter one that
//!    passes: with the names `Renault` and `Renault Sport`, `une Renault sportive` yields
//!    `Renault`. Mentions are sorted and never overlap. [`AnalyzerBuilder::overlaps`] chooses
//!    another [`Overlaps`] mode: [`Overlaps::Nested`] also reports every name inside one of
//!    those mentions (`New York` and `York` inside `New York Times`), [`Overlaps::All`] every
//!    name at every place (also `Times Square` in `New York Times Square`). Every rule here
//!    applies to every mention in every mode; mentions are sorted by start, then longest
//!    first, and a span is reported once, with all its candidates.
//! 7. **Languages.** A name limited to languages only matches in sentences detected as one of
//!    them. A mention never crosses a sentence boundary.
//! 8. **Exact names.** A name flagged `exact` matches only text written exactly like it (case and
//!    accents included), up to the typographic variants of rule 3 and the Unicode normalisation
//!    form.
//! 9. **Inflection-tolerant names (a lower-precision tier).** A name flagged `stem` (or of a
//!    kind chosen with [`AnalyzerBuilder::stem_kinds`]) also matches when every word of it has
//!    the same Snowball stem (rust-stemmers) as the corresponding word of the text, in the
//!    language of the sentence (French, Italian, English, and every other language that both
//!    whatlang and rust-stemmers know, when allowed): `messages privés` for `message privé`,
//!    `messaggi privati` for `messaggio privato`, `class actions` for `class action`. Folding
//!    and elision apply as above; the span covers the inflected words. Words shorter than four
//!    characters are never stemmed (`art` does not match `arts`), a folded match wins over a
//!    stemmed one at the same place, and stems never cross sentences. Stemming conflates some
//!    distinct words (in French `collective` and `collection` share a stem): treat
//!    [`MatchKind::Stem`] mentions as candidates, not facts.
//! 10. **How it matched.** Every mention says how it matched ([`Mention::match_kind`]), from the
//!     most to the least precise: [`MatchKind::Exact`] (as written, up to typographic variants),
//!     [`MatchKind::Elision`] (as written, after an elided word: `d’Amazon`),
//!     [`MatchKind::Case`] (`META`), [`MatchKind::Accent`] (`Union europeenne`, `Coeur`),
//!     [`MatchKind::ShortForm`] (rule 12), [`MatchKind::Stem`]. Keep
//!     `m.match_kind() <= MatchKind::Elision` for a high-precision run.
//! 11. **Shared names.** A name shared by several entities (`Amazon`, the company and the river)
//!     yields one mention that carries every candidate entity that passes the checks, in
//!     gazetteer order; [`Mention::id`] and [`Mention::kind`] are those of the first. **One
//!     sense per document** (on by default, [`AnalyzerBuilder::context_resolution`]): when
//!     exactly one candidate is also named in the document by a mention with a single
//!     candidate (anywhere in it: `Amazon Prime Video`), or is related to such an entity
//!     ([`Entity::related`], either direction: `Jeff Bezos`), it goes first, the others follow
//!     in gazetteer order, and [`Mention::resolved_by_context`] is true. It never changes which
//!     mentions are found, their spans or match kinds. With no candidate named, or several,
//!     the order stays the gazetteer's.
//! 12. **Short forms** (opt-in, [`AnalyzerBuilder::short_forms`]). After a full name of an
//!     entity of an enabled kind is found in a document (persons: `Reed Hastings`), a part of
//!     it alone is a mention of the same entity for the rest of the document, in the same
//!     sentence or a later one: the last word with the particles before it for persons
//!     (`Hastings`, `Le Pen`, `Di Maio`), the first word for organisations (`Fox` for
//!     `Fox Business Network`, none for `Banca d’Italia`). It obeys every rule above: whole
//!     words, elision and possessive (`d’Hastings`, `Hastings’s`), the full name's languages
//!     and `exact` flag, and a capital wherever the name has one (`Stone` and `STONE` for
//!     `Andy Stone`, not `stone`). A gazetteer name at the same place wins; a word before the
//!     first full name is not a short form; a one-word name has none. Two entities whose full
//!     names found in the document share the short form give a mention with both candidates,
//!     in gazetteer order. [`Mention::name`] is the full name it stands for. Short forms and
//!     one sense per document run in [`Analyzer::analyze`] and [`Analyzer::mentions`], not in
//!     [`Analyzer::find`] (the matching stage alone).
//! 13. **Common words are not names** (on by default, [`AnalyzerBuilder::common_words`]).
//!     Gazetteers built from Wikidata or GeoNames name places `di`, `que` or `Il`. For the
//!     function words and frequent words of the allowed languages: a name spelt without a
//!     capital that is only function words (`di`, `que`, `à la`), or one frequent word naming
//!     a person, place or organisation (`modo`), is dropped; a one-word name that is a function
//!     word with a capital (`Il`, `LA`, `Elle`) matches only text spelt exactly as it (`La` is
//!     not `LA`), and at the start of a sentence, a clause or a quotation (after `.`, `:`, `«`,
//!     a line break...) only text in capitals (`LA` yes, `Il` no). Longer names (`Le Monde`)
//!     and terms of other kinds (`class action`) keep the rules above; a one-word name that
//!     differs from a function word by its accents only (`Côme`, `come`) matches only as spelt;
//!     [`Analyzer::common_name`] tells what the guard does with a name.
//!
//! ```
//! use nomina::{Analyzer, Gazetteer, Overlaps};
//! let gaz = Gazetteer::from_tsv_str(
//!     "Q380\torganization\tMeta\nQ317521\tperson\t@elonmusk\nQ60\tlocation\tNew York\nQ9684\torganization\tNew York Times\n",
//! )?;
//! let analyzer = Analyzer::new(&gaz)?;
//! let texts = |text| -> Vec<&str> { analyzer.mentions(text).map(|m| m.text()).collect() };
//! // Rule 5: a handle, not an e-mail address.
//! assert_eq!(texts("Selon @Meta, la panne est réglée ; écrivez à mario@meta.com."), ["Meta"]);
//! assert_eq!(texts("Lo ha scritto @elonmusk, non elonmusk."), ["@elonmusk"]);
//! let m = analyzer.mentions("Ask @Meta.").next().unwrap();
//! assert_eq!(m.span(), 5..9);
//! // Rule 6: overlaps on demand.
//! let nested = Analyzer::builder(&gaz).overlaps(Overlaps::Nested).build()?;
//! let found: Vec<_> = nested.mentions("The New York Times").map(|m| m.text()).collect();
//! assert_eq!(found, ["New York Times", "New York"]);
//! # Ok::<(), nomina::Error>(())
//! ```
//!
//! ```
//! use nomina::{Analyzer, Gazetteer, MatchKind};
//! let gaz = Gazetteer::from_tsv_str("MP\tconcept\tmessaggio privato\tit\tstem\nNF\torganization\tNetflix\n")?;
//! let analyzer = Analyzer::new(&gaz)?;
//! let text = "Secondo la denuncia, NETFLIX avrebbe letto i messaggi privati degli utenti.";
//! let analysis = analyzer.analyze(text);
//! let found: Vec<_> = analysis.mentions().iter().map(|m| (m.text(), m.span(), m.match_kind())).collect();
//! assert_eq!(found, [("NETFLIX", 21..28, MatchKind::Case), ("messaggi privati", 45..61, MatchKind::Stem)]);
//! # Ok::<(), nomina::Error>(())
//! ```
//!
//! ```
//! use nomina::{Analyzer, Gazetteer, Kind, MatchKind};
//! let gaz = Gazetteer::from_jsonl_str(concat!(
//!     r#"{"id": "Q3783", "kind": "location", "names": ["Amazon"]}"#, "\n",
//!     r#"{"id": "Q3884", "kind": "organization", "names": ["Amazon"], "related": ["Q312"]}"#, "\n",
//!     r#"{"id": "Q312", "kind": "person", "names": ["Jeff Bezos"]}"#, "\n",
//! ))?;
//! let analyzer = Analyzer::builder(&gaz).short_forms([Kind::Person]).build()?;
//! let text = "Amazon recule en Bourse. Jeff Bezos a vendu des actions ; Bezos s’explique.";
//! let analysis = analyzer.analyze(text);
//! let found: Vec<_> = analysis.mentions().iter().map(|m| (m.text(), m.id(), m.match_kind())).collect();
//! // Rule 11: Bezos is related to the company, so `Amazon` is the company first.
//! assert_eq!(found[0], ("Amazon", "Q3884", MatchKind::Exact));
//! assert!(analysis.mentions()[0].resolved_by_context());
//! // Rule 12: the surname alone, after the full name.
//! assert_eq!(found[2], ("Bezos", "Q312", MatchKind::ShortForm));
//! # Ok::<(), nomina::Error>(())
//! ```
//!
//! # Offsets
//!
//! Every span is a byte range of the ORIGINAL input, on char boundaries, end exclusive:
//! `&input[m.start()..m.end()] == m.text()`, whatever folding happened. A surface includes the
//! combining marks of its last letter (NFD input) and never a trailing invisible format
//! character. Sentences cover the input in order, without gap or overlap, each with its trailing
//! white space.
//!
//! Character offsets (Unicode scalar values, what Python's `str` indexes) are computed only when
//! asked: [`Mention::char_span`] for one mention, [`Analysis::to_record_with`]`(`[`Offsets::Chars`]`)`
//! for a whole analysis in one walk over the text.
//!
//! # Owning results
//!
//! A [`Mention`] borrows the analyzer (`'a`: [`Mention::id`], [`Mention::kind`],
//! [`Mention::name`], [`Mention::candidates`] live that long) and the text (`'t`:
//! [`Mention::text`]). To keep results beyond either, to send them elsewhere or write them and
//! read them back, convert them to the owned, serde-ready records: [`MentionRecord`] and
//! [`AnalysisRecord`] (the JSON the annotate example prints).
//!
//! ```
//! use nomina::{Analyzer, AnalysisRecord, Gazetteer};
//! let gaz = Gazetteer::from_tsv_str("Q36215\tperson\tMark Zuckerberg\nQ380\torganization\tMeta\n")?;
//! let analyzer = Analyzer::new(&gaz)?;
//! let ids: Vec<&str> = analyzer.mentions("Mark Zuckerberg a quitté Meta ?").map(|m| m.id()).collect();
//! assert_eq!(ids, ["Q36215", "Q380"]);
//! let record: AnalysisRecord = analyzer.analyze("Meta ha risposto.").to_record();
//! let json = serde_json::to_string(&record).unwrap();
//! assert_eq!(serde_json::from_str::<AnalysisRecord>(&json).unwrap(), record);
//! # Ok::<(), nomina::Error>(())
//! ```
//!
//! # Languages
//!
//! The document language comes from the whole text; each sentence gets its own when it is long
//! enough to tell, and inherits the document's otherwise. Detection is restricted to an
//! allowlist, French, Italian and English by default ([`DEFAULT_LANGUAGES`]); any language of
//! [`Lang::all`] can be allowed with [`AnalyzerBuilder::languages`]. A short text (a headline, a
//! pair of words, one word) is decided by the words it holds, when one of French, Italian and
//! English is clearly ahead: function words, lists of frequent words (1,300 to 1,500 a
//! language, written for nomina), English contractions (`it's`), then word endings and letters; the
//! trigram model only breaks ties there. Any other language is left to whatlang's model, on a
//! sample of the text; scripts used by one allowed language alone (Hindi in Devanagari with
//! `languages([hi, en])`) are told apart whatever the length.
//!
//! ```
//! use nomina::{Analyzer, Gazetteer, Lang};
//! let analyzer = Analyzer::new(&Gazetteer::from_tsv_str("Q380\torganization\tMeta\n")?)?;
//! assert_eq!(analyzer.analyze("disoccupazione giovanile").language(), Some(Lang::Italian));
//! assert_eq!(analyzer.analyze("la mairie").language(), Some(Lang::French));
//! assert_eq!(analyzer.analyze("yesterday evening").language(), Some(Lang::English));
//! # Ok::<(), nomina::Error>(())
//! ```
//!
//! Sentences end at `.` `!` `?` `…`, at a `;` before a capital or a list item, at a colon
//! written against its word (Italian, English) before a quotation or a capitalised clause, and
//! at headline and paragraph breaks; not after abbreviations (`M.`, `Dott.`, `p. ex.`, `ad es.`,
//! `c.d.`), initials (`J.-P.`), truncations (`pag.`, `econ.`), bracketed ellipses (`(...)`) or a
//! number heading its sentence (`867.`). A `?` or `!` before a lower-case word ends a sentence
//! unless a closing quote or bracket follows it, and so does a `.` after a real word (Italian
//! sentences may start in lower case).
//!
//! # Gazetteers
//!
//! TSV, one name a line: `id<TAB>kind<TAB>name[<TAB>langs[<TAB>flags]]` (see
//! [`GazetteerBuilder::add_tsv`]); JSON Lines, one entity a line (see
//! [`GazetteerBuilder::add_jsonl`]); or built in code with [`Gazetteer::builder`]. A malformed
//! line is an [`Error::Parse`] naming the source, the line and the cause. A line that loads but
//! is probably a mistake (a header line, a name that can never match, a duplicate, a name in a
//! language the analyzer does not allow) is a [`Warning`] with its source and line:
//! [`Gazetteer::warnings`], [`Gazetteer::check`].
//!
//! # Features
//!
//! The pipeline is always complete without optional features. One is offered: `lingua` (off by
//! default) sends the short texts (headlines, word pairs, single words) whose French, Italian
//! or English words leave a tie to the lingua crate instead of the word shapes and whatlang's
//! trigram guess, when every allowed language is one of French, Italian and English (two or
//! more): word pairs of the Universal Dependencies test sets 0.942 → 0.964 correct, single words
//! 0.835 → 0.877, of lingua's own test lists 0.948 → 0.976 and 0.788 → 0.881, at
//! the cost of about 15 MB of binary (its three models), a slower build and, for texts that
//! reach it, a slower answer (the first such text in a process also loads the models). Nothing
//! else changes with it. Its dependencies are
//! aho-corasick (the automaton for names that start or end with punctuation), memchr (line-break search; already a dependency of
//! aho-corasick), whatlang (languages), rust-stemmers (the stemmed tier), serde and serde_json
//! (mentions and JSON Lines gazetteers) and thiserror (the error type); none of their types
//! appear in the public API.
//!
//! # Performance
//!
//! The text is folded once (ASCII fast path, compact offset map); a word trie (one hash probe a
//! word, the unique rest of a long name compared in one go) is walked only where a word may
//! start some name (and, for a word written with a lower-case initial, some name spelt without
//! a capital); a name shared by many entities costs one step when nothing about it depends on
//! the sentence, and one step per entity otherwise; word boundaries, elision and capitalisation are checked
//! locally at candidate edges; sentence ends are found by scanning for terminators, and sentence
//! languages by a vote of function words, with whatlang only where the vote is undecided.
//! Build the [`Analyzer`] once and share it: it is `Send + Sync`, and cloning it only clones an
//! `Arc`. It keeps its own compact copy of ids, kinds and names, so the [`Gazetteer`] can be
//! dropped once it is built. Working buffers are reused per thread, so analysing a stream of
//! documents allocates little beyond the results. One sense per document costs a test per
//! mention, and reads a document to its end before giving out its first ambiguous mention;
//! short forms, when enabled, cost a kind test per mention, and once a document has named an
//! entity of an enabled kind in full, one more pass over each later sentence (a jump between
//! the bytes that start a short form, a table probe per candidate word). See the README for
//! measured figures.

#![deny(missing_docs)]
#![forbid(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod analyzer;
mod error;
mod gazetteer;
mod hash;
mod lang;
mod matcher;
mod mention;
mod normalize;
mod resolve;
mod segment;
mod stem;
mod swar;
mod trie;

pub use analyzer::{
    Analysis, AnalysisRecord, Analyzer, AnalyzerBuilder, CharOffsets, DEFAULT_LANGUAGES, Mentions, Offsets,
    Sentence,
};
pub use error::{Error, Result};
pub use gazetteer::{
    Entities, Entity, Gazetteer, GazetteerBuilder, Kind, MAX_KINDS, MAX_LANGUAGE_LISTS, MAX_NAME_BYTES,
    MAX_NAMES, MAX_TOTAL_NAME_BYTES, MAX_WARNINGS, Name, NameRef, Names, Warning, WarningKind,
};
pub use lang::{CommonName, Lang, UnknownLang};
pub use matcher::Overlaps;
pub use mention::{Candidate, Candidates, MatchKind, Mention, MentionRecord};
pub use normalize::fold;

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
