//! The pipeline: detect languages, split sentences, fold, match, map back.

use std::ops::Range;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::gazetteer::{Gazetteer, Kind};
use crate::lang::{CommonName, CommonWords, Lang, LangDetector};
use crate::matcher::{Admit, Matcher, Overlaps, Scratch, Segment, keep_nested};
use crate::mention::{Catalog, Mention, MentionRecord, count_chars};
use crate::normalize::{self, Folded};
use crate::resolve::{self, DocShortForms, Related, ShortForms};
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
///
/// Its `Debug` output sums it up:
///
/// ```
/// # use nomina::{Analyzer, Gazetteer};
/// let gaz = Gazetteer::from_tsv_str("Q380\torganization\tMeta\nQ380\torganization\tFacebook\n")?;
/// let analyzer = Analyzer::new(&gaz)?;
/// assert_eq!(
///     format!("{analyzer:?}"),
///     "Analyzer { entities: 1, names: 2, patterns: 2, languages: [fr, it, en], stem_kinds: [], stemmed_languages: [], overlaps: none, short_forms: [], context_resolution: true, common_words: true }"
/// );
/// # Ok::<(), nomina::Error>(())
/// ```
#[derive(Clone)]
pub struct Analyzer {
    inner: Arc<Inner>,
}

struct Inner {
    matcher: Matcher,
    /// One stemmed tier per allowed language that has a stemmer and stemmed names.
    stems: Vec<StemTier>,
    detector: LangDetector,
    entities_len: usize,
    names_len: usize,
    stem_kinds: Vec<Kind>,
    overlaps: Overlaps,
    /// Short forms, when enabled for some kinds.
    short_forms: Option<ShortForms>,
    /// One sense per document.
    context: bool,
    /// Related entities (both directions), for one sense per document.
    related: Related,
    catalog: Arc<Catalog>,
    /// The scan of large gazetteers was asked for whatever the size (a hidden test option).
    large_scan: bool,
    /// The map of few first words is allowed (a hidden test option; on by default).
    first_word_map: bool,
    /// The common words of the allowed languages, when the guard is on.
    common: Option<Arc<CommonWords>>,
}

/// The inflection-tolerant names of one language.
struct StemTier {
    lang: Lang,
    stemmer: Stemmer,
    gate: StemGate,
    matcher: Matcher,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        /// A list printed with `Display` items: `[fr, it, en]`, not `[French, Italian, English]`.
        struct Shown<'a, T>(&'a [T]);
        struct One<'a, T>(&'a T);
        impl<T: std::fmt::Display> std::fmt::Debug for One<'_, T> {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                std::fmt::Display::fmt(self.0, f)
            }
        }
        impl<T: std::fmt::Display> std::fmt::Debug for Shown<'_, T> {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_list().entries(self.0.iter().map(One)).finish()
            }
        }
        let inner = &self.inner;
        let stemmed: Vec<Lang> = inner.stems.iter().map(|t| t.lang).collect();
        f.debug_struct("Analyzer")
            .field("entities", &inner.entities_len)
            .field("names", &inner.names_len)
            .field("patterns", &inner.matcher.patterns_len())
            .field("languages", &Shown(inner.detector.allowlist()))
            .field("stem_kinds", &Shown(&inner.stem_kinds))
            .field("stemmed_languages", &Shown(&stemmed))
            .field("overlaps", &One(&inner.overlaps))
            .field("short_forms", &Shown(self.short_form_kinds()))
            .field("context_resolution", &inner.context)
            .field("common_words", &inner.common.is_some())
            .finish()
    }
}

/// Options for an [`Analyzer`]; see [`Analyzer::builder`].
///
/// Setters take `&mut self` and return `&mut Self`, and [`build`](AnalyzerBuilder::build)
/// takes `&self`, as in aho-corasick: chain the calls, or keep the builder in a variable and
/// set options conditionally, then build as many analyzers as needed.
///
/// ```
/// use nomina::{Analyzer, Gazetteer, Kind, Lang};
/// let gaz = Gazetteer::from_tsv_str("T1\tconcept\tclass action\nQ1\tperson\tSam Altman\n")?;
/// let analyzer = Analyzer::builder(&gaz)
///     .languages([Lang::English, Lang::French])
///     .stem_kinds([Kind::Custom("concept".into())])
///     .build()?;
/// assert_eq!(analyzer.languages(), [Lang::English, Lang::French]);
/// let text = "Two class actions were filed against Sam Altman.";
/// let found: Vec<&str> = analyzer.mentions(text).map(|m| m.text()).collect();
/// assert_eq!(found, ["class actions", "Sam Altman"]);
///
/// let mut builder = Analyzer::builder(&gaz);
/// if analyzer.languages().len() > 1 {
///     builder.languages([Lang::Italian]);
/// }
/// assert_eq!(builder.build()?.languages(), [Lang::Italian]);
/// # Ok::<(), nomina::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct AnalyzerBuilder<'g> {
    gazetteer: &'g Gazetteer,
    languages: Vec<Lang>,
    stem_kinds: Vec<Kind>,
    overlaps: Overlaps,
    short_forms: Vec<Kind>,
    context: bool,
    large_scan: bool,
    first_word_map: bool,
    common_words: bool,
}

impl AnalyzerBuilder<'_> {
    /// The guard against names that are common words (default: on). Large gazetteers built
    /// from Wikidata or GeoNames hold names that are also the most frequent words of the
    /// text's languages: places spelt `di`, `le`, `que` or `modo` in lower case among their
    /// alternate names, places and acronyms called `Il`, `Le`, `Si`, `LA` or `PER`. Matched as
    /// written, they turn every article and preposition into a mention. With the guard, for
    /// the allowed languages' common words (the function words and frequent words that the
    /// language vote reads):
    ///
    /// - a name spelt without a capital and made only of function words (`di`, `que`, `à la`),
    ///   or of one frequent word when it names a person, a place or an organisation (`modo`,
    ///   `sera`), is not compiled ([`CommonName::Dropped`]); terms of other kinds spelt so
    ///   (`art`, `class action`) stay;
    /// - a name of one function word spelt with a capital (`Il`, `LA`, `Elle`) matches only
    ///   where the text spells it exactly as the name (`La` is not `LA`, `Se` is not `Sé`), and
    ///   at the start of a sentence, a clause or a quotation only in capitals: where nothing
    ///   but white space precedes it, or punctuation other than a comma or an apostrophe (`.`,
    ///   `:`, `«`, `"`, `(`, `]`, `—`) ([`CommonName::FunctionWord`]);
    /// - a name of one word spelt with a capital that differs from a function word by its
    ///   accents only (`Côme`, the French name of Como, and the Italian `come`; `Sé` and `se`)
    ///   matches only text spelt exactly as it, anywhere ([`CommonName::Homograph`]).
    ///
    /// Names of several words (`Le Monde`, `La Stampa`) and capitalised names of frequent
    /// words that are no function words (`Nord`, `Total`) keep the usual rules. Ask
    /// [`Analyzer::common_name`] what the guard does with a name.
    ///
    /// ```
    /// use nomina::{Analyzer, CommonName, Gazetteer, Kind};
    /// let gaz = Gazetteer::from_tsv_str(
    ///     "G1\tlocation\tdi\nG2\tlocation\tIl\nG3\tlocation\tLA\nQ1\torganization\tElle\n",
    /// )?;
    /// let analyzer = Analyzer::new(&gaz)?;
    /// assert_eq!(analyzer.common_name(&Kind::Location, "di"), Some(CommonName::Dropped));
    /// assert_eq!(analyzer.common_name(&Kind::Location, "LA"), Some(CommonName::FunctionWord));
    /// let text = "Il sindaco di Roma è a LA. Le magazine Elle le dit. La ville…";
    /// let found: Vec<_> = analyzer.mentions(text).map(|m| m.text()).collect();
    /// assert_eq!(found, ["LA", "Elle"]);
    /// let off = Analyzer::builder(&gaz).common_words(false).build()?;
    /// let found: Vec<_> = off.mentions(text).map(|m| m.text()).collect();
    /// assert_eq!(found, ["Il", "di", "LA", "Elle", "La"]);
    /// # Ok::<(), nomina::Error>(())
    /// ```
    pub fn common_words(&mut self, on: bool) -> &mut Self {
        self.common_words = on;
        self
    }

    /// Scans with the index of large gazetteers (a table of first words rather than filters
    /// that fit in cache) whatever the gazetteer's size. Not part of the stable API: tests use
    /// it to compare both scans with the reference on small gazetteers.
    #[doc(hidden)]
    pub fn large_gazetteer_scan(&mut self, on: bool) -> &mut Self {
        self.large_scan = on;
        self
    }

    /// Lets a gazetteer of few first words be scanned with a map of them (the default) rather
    /// than with the filters that larger ones use. Not part of the stable API: tests use it to
    /// compare the scans with the reference on small gazetteers.
    #[doc(hidden)]
    pub fn first_word_map(&mut self, on: bool) -> &mut Self {
        self.first_word_map = on;
        self
    }

    /// Short forms within a document for entities of these kinds (default: none; `[Kind::Person]`
    /// is the usual choice). Once a full name of such an entity is found in a document, a part
    /// of it alone is a mention of the same entity for the rest of the document, with
    /// [`MatchKind::ShortForm`](crate::MatchKind::ShortForm): `Hastings` after `Reed Hastings`.
    ///
    /// The part: for [`Kind::Organization`], the first word (brands lead: `Fox` for
    /// `Fox Business Network`, `Goldman` for `Goldman Sachs`), and none when the second word is
    /// written in lower case (`Banca d’Italia`, `Bank of America`, `Corriere della Sera`: their
    /// first word is a common noun); for every other kind, persons first, the last word with
    /// the particles written before it (`Zuckerberg`, `Le Pen`, `Di Maio`, `von der Leyen`),
    /// since news text shortens a person to the surname. A name of one word has no short form.
    /// Descriptive organisation names give poor short forms (`General` for `General Motors`):
    /// enable organisations only for gazetteers of brand-like names.
    ///
    /// The short form obeys the whole match contract (a capitalised word: `Stone`, not
    /// `stone`; whole words, elision and possessive; the name's languages and `exact` flag),
    /// is found only after the full name (in the same sentence or a later one) and never where
    /// a gazetteer name matched. Two entities whose full names share the short form in one
    /// document give a mention with both candidates. Read back with
    /// [`Analyzer::short_form_kinds`].
    ///
    /// ```
    /// use nomina::{Analyzer, Gazetteer, Kind, MatchKind};
    /// let gaz = Gazetteer::from_tsv_str("Q1\tperson\tReed Hastings\nQ2\torganization\tNetflix\n")?;
    /// let analyzer = Analyzer::builder(&gaz).short_forms([Kind::Person]).build()?;
    /// let text = "Hastings absent. Reed Hastings a fondé Netflix ; Hastings l’a quitté.";
    /// let found: Vec<_> = analyzer.mentions(text).map(|m| (m.text(), m.id(), m.match_kind())).collect();
    /// assert_eq!(found, [
    ///     ("Reed Hastings", "Q1", MatchKind::Exact),
    ///     ("Netflix", "Q2", MatchKind::Exact),
    ///     ("Hastings", "Q1", MatchKind::ShortForm),
    /// ]);
    /// # Ok::<(), nomina::Error>(())
    /// ```
    pub fn short_forms(&mut self, kinds: impl IntoIterator<Item = Kind>) -> &mut Self {
        self.short_forms = kinds.into_iter().collect();
        self
    }

    /// One sense per document (default: on). A mention whose name is shared by several
    /// entities (`Amazon`, the company and the river) puts first the one candidate that the
    /// document also names unambiguously, anywhere in it (`Amazon Prime Video`), or that is
    /// related to an entity it names so ([`Entity::related`](crate::Entity::related), in either
    /// direction: `Jeff Bezos`), and says so ([`Mention::resolved_by_context`](crate::Mention::resolved_by_context)).
    /// When no candidate or several are named, the candidates stay in gazetteer order.
    ///
    /// On by default because it never changes which mentions are found, their spans or match
    /// kinds: only the order of candidates (so [`Mention::id`](crate::Mention::id) and
    /// [`Mention::kind`](crate::Mention::kind)) of ambiguous mentions. The cost: a document
    /// with an ambiguous mention is matched to its end before that mention is given out by
    /// [`Analyzer::mentions`]; other documents pay a test per mention.
    ///
    /// ```
    /// use nomina::{Analyzer, Gazetteer};
    /// let gaz = Gazetteer::from_tsv_str(
    ///     "Q3884\torganization\tAmazon\nQ3884\torganization\tAmazon.com\nQ3783\tlocation\tAmazon\n",
    /// )?;
    /// let analyzer = Analyzer::new(&gaz)?;
    /// let first = |text| analyzer.analyze(text).mentions()[0].candidates().map(|c| c.id()).collect::<Vec<_>>();
    /// assert_eq!(first("L’Amazon brûle : la déforestation progresse."), ["Q3884", "Q3783"]);
    /// // The document names the company unambiguously: the river goes second.
    /// assert_eq!(first("Amazon ha chiuso il trimestre; Amazon.com cresce."), ["Q3884", "Q3783"]);
    /// let gaz = Gazetteer::from_tsv_str("Q3783\tlocation\tAmazon\nQ3884\torganization\tAmazon\nQ3884\torganization\tAmazon.com\n")?;
    /// let analyzer = Analyzer::new(&gaz)?;
    /// let m = analyzer.analyze("Amazon ha chiuso il trimestre; Amazon.com cresce.").mentions()[0].clone();
    /// assert_eq!((m.id(), m.resolved_by_context()), ("Q3884", true));
    /// let off = Analyzer::builder(&gaz).context_resolution(false).build()?;
    /// assert_eq!(off.analyze("Amazon ha chiuso il trimestre; Amazon.com cresce.").mentions()[0].id(), "Q3783");
    /// # Ok::<(), nomina::Error>(())
    /// ```
    pub fn context_resolution(&mut self, yes: bool) -> &mut Self {
        self.context = yes;
        self
    }

    /// Which mentions to report where names overlap (default: [`Overlaps::None`],
    /// leftmost-longest without overlaps). Read back with [`Analyzer::overlaps`].
    ///
    /// ```
    /// use nomina::{Analyzer, Gazetteer, Overlaps};
    /// let gaz = Gazetteer::from_tsv_str("Q220\tlocation\tRoma\nQ2739\torganization\tAS Roma\n")?;
    /// let analyzer = Analyzer::builder(&gaz).overlaps(Overlaps::Nested).build()?;
    /// assert_eq!(analyzer.overlaps(), Overlaps::Nested);
    /// let text = "L’AS Roma ha vinto a Roma.";
    /// let found: Vec<_> = analyzer.mentions(text).map(|m| (m.id(), m.text())).collect();
    /// assert_eq!(found, [("Q2739", "AS Roma"), ("Q220", "Roma"), ("Q220", "Roma")]);
    /// # Ok::<(), nomina::Error>(())
    /// ```
    pub fn overlaps(&mut self, overlaps: Overlaps) -> &mut Self {
        self.overlaps = overlaps;
        self
    }

    /// The languages that documents and sentences may be detected as (default: fr, it, en).
    /// Any language of [`Lang::all`] may be allowed. Read back with [`Analyzer::languages`].
    pub fn languages(&mut self, langs: impl IntoIterator<Item = Lang>) -> &mut Self {
        self.languages = langs.into_iter().collect();
        self
    }

    /// Makes inflection-tolerant matching the default for names of these kinds (as if each had
    /// the `stem` flag), except `exact` names. See [`MatchKind::Stem`](crate::MatchKind::Stem).
    /// Read back with [`Analyzer::stem_kinds`].
    pub fn stem_kinds(&mut self, kinds: impl IntoIterator<Item = Kind>) -> &mut Self {
        self.stem_kinds = kinds.into_iter().collect();
        self
    }

    /// Compiles the gazetteer. Fails if no language is allowed or the automaton cannot be built.
    pub fn build(&self) -> Result<Analyzer> {
        let mut langs = self.languages.clone();
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
        let common = self.common_words.then(|| CommonWords::shared(&langs));
        let guard = |folded: &[u8], kind: &Kind, text: &str| {
            common
                .as_ref()
                .and_then(|c| c.class(text, folded, kind.is_proper()))
        };
        let mut folded = Folded::new();
        let matcher = Matcher::new(
            gaz,
            catalog.clone(),
            false,
            self.large_scan,
            self.first_word_map,
            |e, n, out| {
                folded.clear();
                folded.push(n.text(), 0..n.text().len());
                out.extend_from_slice(folded.bytes());
                match guard(out, e.kind(), n.text()) {
                    None => Admit::Name,
                    Some(CommonName::FunctionWord) => Admit::FunctionWord,
                    Some(CommonName::Homograph) => Admit::Exact,
                    Some(_) => Admit::Skip,
                }
            },
        )?;
        let stem_kinds = &self.stem_kinds;
        let wants_stem = |kind: &Kind, n: &crate::gazetteer::NameRef<'_>| {
            (n.is_stem() || stem_kinds.contains(kind)) && !n.is_exact()
        };
        let any_stem = gaz
            .entities()
            .any(|e| e.names().any(|n| wants_stem(e.kind(), &n)));
        let mut stems = Vec::new();
        if any_stem {
            for &lang in &langs {
                let Some(stemmer) = Stemmer::for_lang(lang) else {
                    continue;
                };
                let mut keys: Vec<Vec<u8>> = Vec::new();
                let m = Matcher::new(
                    gaz,
                    catalog.clone(),
                    true,
                    self.large_scan,
                    self.first_word_map,
                    |e, n, out| {
                        if !wants_stem(e.kind(), &n) || !n.lang_set().allows(Some(lang)) {
                            return Admit::Skip;
                        }
                        let folded = normalize::fold_str(n.text());
                        // A common word is no inflected name.
                        if guard(folded.as_bytes(), e.kind(), n.text()).is_some() {
                            return Admit::Skip;
                        }
                        let key = stemmer.key(folded.as_bytes());
                        out.extend_from_slice(&key);
                        keys.push(key);
                        Admit::Name
                    },
                )?;
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
                entities_len: gaz.len(),
                names_len: gaz.names_len(),
                stem_kinds: self.stem_kinds.clone(),
                overlaps: self.overlaps,
                short_forms: (!self.short_forms.is_empty()).then(|| ShortForms::new(gaz, &self.short_forms)),
                context: self.context,
                related: if self.context {
                    Related::new(gaz)
                } else {
                    Related::default()
                },
                catalog,
                large_scan: self.large_scan,
                first_word_map: self.first_word_map,
                common,
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
            overlaps: Overlaps::None,
            short_forms: Vec::new(),
            context: true,
            large_scan: false,
            first_word_map: true,
            common_words: true,
        }
    }

    /// Which overlapping mentions it reports, as set by [`AnalyzerBuilder::overlaps`].
    pub fn overlaps(&self) -> Overlaps {
        self.inner.overlaps
    }

    /// A new analyzer over `gazetteer` with this one's options (languages, stem kinds,
    /// overlaps, short forms, context resolution, the common-word guard): the way to add names or remove entities while analyzers already built keep
    /// serving. It is a full build, nothing is reused: changing 1,000 names of a 100k-name
    /// gazetteer costs what building 100k names costs, 0.25 to 0.38 s, plus 0.28 to 0.34 s to
    /// copy the gazetteer into a builder and edit it (measured on a shared 2-core machine with
    /// the 100k-name benchmark gazetteer: `NOMINA_GAZ=gaz-100k.tsv cargo test --release --test
    /// rebuild -- --ignored --nocapture`). The analyzers built before stay valid and unchanged.
    ///
    /// ```
    /// use nomina::{Analyzer, Gazetteer, Kind, Overlaps};
    /// let gaz = Gazetteer::from_tsv_str("Q380\torganization\tMeta\nQ918\torganization\tTwitter\n")?;
    /// let analyzer = Analyzer::builder(&gaz).overlaps(Overlaps::Nested).build()?;
    /// // Drop Twitter, add X: turn the gazetteer back into a builder, edit it, then rebuild.
    /// let mut edited = nomina::GazetteerBuilder::from(gaz);
    /// edited.remove("Q918");
    /// edited.add("Q918", Kind::Organization, "X")?;
    /// let changed = analyzer.rebuild(&Gazetteer::from(edited))?;
    /// assert_eq!(changed.overlaps(), Overlaps::Nested);
    /// let text = "Meta et X, ex-Twitter, se disputent les annonceurs.";
    /// let found: Vec<_> = changed.mentions(text).map(|m| m.text()).collect();
    /// assert_eq!(found, ["Meta", "X"]);
    /// # Ok::<(), nomina::Error>(())
    /// ```
    pub fn rebuild(&self, gazetteer: &Gazetteer) -> Result<Analyzer> {
        Analyzer::builder(gazetteer)
            .languages(self.languages().iter().copied())
            .stem_kinds(self.stem_kinds().iter().cloned())
            .overlaps(self.overlaps())
            .short_forms(self.short_form_kinds().iter().cloned())
            .context_resolution(self.context_resolution())
            .common_words(self.common_words())
            .large_gazetteer_scan(self.inner.large_scan)
            .first_word_map(self.inner.first_word_map)
            .build()
    }

    /// Whether the guard against names that are common words is on, as set by
    /// [`AnalyzerBuilder::common_words`].
    pub fn common_words(&self) -> bool {
        self.inner.common.is_some()
    }

    /// What the guard against names that are common words does with `name`, a name of an
    /// entity of `kind` (`None`: nothing, or the guard is off); see
    /// [`AnalyzerBuilder::common_words`].
    ///
    /// ```
    /// use nomina::{Analyzer, CommonName, Gazetteer, Kind};
    /// let analyzer = Analyzer::new(&Gazetteer::from_tsv_str("Q90\tlocation\tParis\n")?)?;
    /// assert_eq!(analyzer.common_name(&Kind::Location, "que"), Some(CommonName::Dropped));
    /// assert_eq!(analyzer.common_name(&Kind::Location, "modo"), Some(CommonName::Dropped));
    /// assert_eq!(analyzer.common_name(&Kind::Misc, "modo"), None);
    /// assert_eq!(analyzer.common_name(&Kind::Custom("concept".into()), "class action"), None);
    /// assert_eq!(analyzer.common_name(&Kind::Location, "Il"), Some(CommonName::FunctionWord));
    /// assert_eq!(analyzer.common_name(&Kind::Location, "Côme"), Some(CommonName::Homograph));
    /// assert_eq!(analyzer.common_name(&Kind::Organization, "Le Monde"), None);
    /// assert_eq!(analyzer.common_name(&Kind::Location, "Paris"), None);
    /// # Ok::<(), nomina::Error>(())
    /// ```
    pub fn common_name(&self, kind: &Kind, name: &str) -> Option<CommonName> {
        let common = self.inner.common.as_ref()?;
        common.class(name, normalize::fold_str(name).as_bytes(), kind.is_proper())
    }

    /// The kinds whose entities have short forms, as set by [`AnalyzerBuilder::short_forms`]
    /// (empty: short forms are off).
    pub fn short_form_kinds(&self) -> &[Kind] {
        self.inner.short_forms.as_ref().map_or(&[], |s| s.kinds())
    }

    /// True if one sense per document is on, as set by
    /// [`AnalyzerBuilder::context_resolution`].
    pub fn context_resolution(&self) -> bool {
        self.inner.context
    }

    /// The allowed languages, as set by [`AnalyzerBuilder::languages`] (duplicates removed).
    pub fn languages(&self) -> &[Lang] {
        self.inner.detector.allowlist()
    }

    /// The kinds whose names match inflection-tolerantly, as set by
    /// [`AnalyzerBuilder::stem_kinds`].
    pub fn stem_kinds(&self) -> &[Kind] {
        &self.inner.stem_kinds
    }

    /// The number of entities compiled.
    pub fn entities_len(&self) -> usize {
        self.inner.entities_len
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
            + self.inner.short_forms.as_ref().map_or(0, ShortForms::memory)
            + self.inner.related.memory()
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
    ///
    /// The analysis and its mentions borrow the analyzer and the text; keep them longer with
    /// [`Analysis::to_record`].
    pub fn analyze<'a, 't>(&'a self, text: &'t str) -> Analysis<'a, 't> {
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
            input: text,
            language: it.doc_lang,
            sentences,
            mentions,
        }
    }

    /// The mentions of a text, one sentence at a time, without collecting them all.
    /// Languages, sentence bounds and the folded text are computed first; matching is lazy.
    pub fn mentions<'a, 't>(&'a self, text: &'t str) -> Mentions<'a, 't> {
        let mut b = take_buffers();
        segment::split_sentences(text, &mut b.sentences);
        let doc_lang = self.inner.detector.detect(text, &b.sentences, &mut b.langs);
        // The document is folded in one piece (a piece per sentence cost 1.4% more instructions
        // in `analyze`), and each sentence's folded range is found from where the next starts.
        // A sentence never starts with white space, so its folded bytes are those it would
        // have alone.
        b.folded.push(text, 0..text.len());
        let mut cursor = 0;
        // The current sentence's folded start, and the anchor the scan's cursor starts from.
        let (mut start, mut start_cursor) = (0, 0);
        for k in 0..b.sentences.len() {
            let end = match b.sentences.get(k + 1) {
                Some(next) => b.folded.folded_from(next.start, &mut cursor),
                None => b.folded.bytes().len(),
            };
            b.folded_sentences.push((start..end.max(start), start_cursor));
            (start, start_cursor) = (end, cursor);
        }
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
    pub fn find<'a, 't>(&'a self, text: &'t str) -> Vec<Mention<'a, 't>> {
        self.find_counting_steps(text).0
    }

    /// [`find`](Analyzer::find), and the work it did: trie probes, automaton bytes stepped and
    /// gazetteer entries examined. Not part of the stable API: tests use it to bound the work
    /// on hostile input without timing anything.
    #[doc(hidden)]
    pub fn find_counting_steps<'a, 't>(&'a self, text: &'t str) -> (Vec<Mention<'a, 't>>, u64) {
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
                overlaps: self.inner.overlaps,
                cursor: 0,
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
    /// Each sentence's folded range in `folded` (the whole document folded once), and where
    /// the offset map's forward cursor starts for it.
    folded_sentences: Vec<(Range<usize>, usize)>,
    /// The document's short forms so far.
    short: DocShortForms,
    /// The entities of the single-candidate mentions given out so far, for one sense per
    /// document.
    named: Vec<u32>,
}

impl Buffers {
    fn clear(&mut self) {
        self.folded.clear();
        self.stemmed.clear();
        self.sentences.clear();
        self.langs.clear();
        self.folded_sentences.clear();
        self.short.clear();
        self.named.clear();
    }

    /// Too large to keep for the next document.
    fn is_large(&self) -> bool {
        self.folded.capacity() + self.stemmed.capacity() + self.sentences.capacity() * 40 > KEEP_BUFFER_BYTES
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
pub struct Mentions<'a, 't> {
    analyzer: &'a Analyzer,
    text: &'t str,
    /// Sentences, their languages and the folding buffers, borrowed from the thread's pool.
    b: Buffers,
    doc_lang: Option<Lang>,
    next_sentence: usize,
    buf: Vec<Mention<'a, 't>>,
    stem_buf: Vec<Mention<'a, 't>>,
}

impl std::fmt::Debug for Mentions<'_, '_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mentions")
            .field("text_len", &self.text.len())
            .field("language", &self.doc_lang)
            .field("sentences", &self.b.sentences.len())
            .field("next_sentence", &self.next_sentence)
            .finish()
    }
}

impl Drop for Mentions<'_, '_> {
    fn drop(&mut self) {
        give_back_buffers(&mut self.b);
    }
}

impl Mentions<'_, '_> {
    /// The document language.
    pub fn language(&self) -> Option<Lang> {
        self.doc_lang
    }
}

impl<'a, 't> Iterator for Mentions<'a, 't> {
    type Item = Mention<'a, 't>;

    fn next(&mut self) -> Option<Mention<'a, 't>> {
        loop {
            // `buf` holds the current sentence's mentions (or the rest of the document's) in
            // reverse order.
            if let Some(m) = self.buf.pop() {
                return Some(m);
            }
            if !self.match_sentence() {
                return None;
            }
            if self.analyzer.inner.context {
                if self.buf.iter().any(resolve::is_ambiguous) {
                    // One sense per document needs the rest of the document.
                    let mut rest = std::mem::take(&mut self.buf);
                    while self.match_sentence() {
                        rest.append(&mut self.buf);
                    }
                    resolve::resolve_by_context(&mut rest, &self.b.named, &self.analyzer.inner.related);
                    self.buf = rest;
                } else {
                    self.b.named.extend(self.buf.iter().map(|m| m.first));
                }
            }
            self.buf.reverse();
        }
    }
}

impl<'a, 't> Mentions<'a, 't> {
    /// Matches the next sentence into `buf` (empty before, in order after); false at the end.
    fn match_sentence(&mut self) -> bool {
        {
            let Some(range) = self.b.sentences.get(self.next_sentence).cloned() else {
                return false;
            };
            let lang = self.b.langs.get(self.next_sentence).copied().flatten();
            let index = self.next_sentence;
            self.next_sentence += 1;
            let Some((folded, cursor)) = self.b.folded_sentences.get(index).cloned() else {
                return false;
            };
            let inner = &self.analyzer.inner;
            let tier = inner.stems.iter().find(|t| Some(t.lang) == lang);
            // Nested mentions of both tiers are chosen after they are merged: each tier then
            // reports all of its own.
            let overlaps = match inner.overlaps {
                Overlaps::Nested if tier.is_some() => Overlaps::All,
                o => o,
            };
            let seg = Segment {
                folded: folded.clone(),
                original: range.clone(),
                lang,
                check_langs: true,
                index,
                overlaps,
                cursor,
            };
            inner.matcher.find(
                self.text,
                &self.b.folded,
                &seg,
                &mut self.b.scratch,
                &mut self.buf,
            );
            if let Some(tier) = tier {
                self.b.stemmed.clear();
                let stem_range = tier.stemmer.stem_into(
                    self.b.folded.bytes(),
                    folded.clone(),
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
                    overlaps,
                    cursor: 0,
                };
                self.stem_buf.clear();
                tier.matcher
                    .find(self.text, &view, &seg, &mut self.b.scratch, &mut self.stem_buf);
                if !self.stem_buf.is_empty() {
                    merge_tiers(&mut self.buf, &mut self.stem_buf, inner.overlaps);
                } else if inner.overlaps == Overlaps::Nested {
                    keep_nested(&mut self.buf, 0);
                }
            }
            if let Some(sf) = &inner.short_forms {
                let original = self.b.sentences.get(index).cloned().unwrap_or_default();
                resolve::short_forms_in_sentence(
                    &mut self.b.short,
                    sf,
                    &inner.catalog,
                    self.text,
                    &self.b.folded,
                    folded,
                    original,
                    lang,
                    index,
                    &mut self.buf,
                );
            }
        }
        true
    }
}

/// Merges stemmed mentions into the main ones. Without overlaps: sorted by start, the main
/// tier first at equal starts, and a mention that overlaps one kept before it dropped. With
/// them (both tiers scanned for all their mentions): every mention of both tiers sorted by
/// start, then longest first, a stemmed mention dropped where the main tier has one with the
/// same span; [`Overlaps::Nested`] then keeps the mentions inside those that the default mode
/// would report (the main tier's longest first at equal starts).
fn merge_tiers<'a, 't>(
    main: &mut Vec<Mention<'a, 't>>,
    stemmed: &mut Vec<Mention<'a, 't>>,
    overlaps: Overlaps,
) {
    let mut all: Vec<(Mention<'a, 't>, u8)> = main
        .drain(..)
        .map(|m| (m, 0))
        .chain(stemmed.drain(..).map(|m| (m, 1)))
        .collect();
    if overlaps == Overlaps::None {
        all.sort_by_key(|(m, tier)| (m.start(), *tier));
        let mut last_end = 0;
        for (m, _) in all {
            if m.start() >= last_end {
                last_end = m.end();
                main.push(m);
            }
        }
        return;
    }
    let nested = overlaps == Overlaps::Nested;
    if nested {
        // The default mode's choice comes first at each start.
        all.sort_by_key(|(m, tier)| (m.start(), *tier, std::cmp::Reverse(m.end())));
    } else {
        all.sort_by_key(|(m, tier)| (m.start(), std::cmp::Reverse(m.end()), *tier));
    }
    for (m, tier) in all {
        if tier == 1
            && main
                .iter()
                .rev()
                .take_while(|k| k.start() == m.start())
                .any(|k| k.end() == m.end())
        {
            continue;
        }
        main.push(m);
    }
    if nested {
        keep_nested(main, 0);
        main.sort_by_key(|m| (m.start(), std::cmp::Reverse(m.end())));
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

/// The result of [`Analyzer::analyze`]: the document language, the sentences and the
/// mentions. It borrows the analyzer and the text; [`Analysis::to_record`] gives the owned
/// form, [`AnalysisRecord`], to keep, send or serialise and read back.
///
/// ```
/// use nomina::{Analyzer, Gazetteer, Lang};
/// let gaz = Gazetteer::from_tsv_str("Q36215\tperson\tMark Zuckerberg\n")?;
/// let analyzer = Analyzer::new(&gaz)?;
/// let analysis = analyzer.analyze("Mark Zuckerberg testified before the Senate. He denied it.");
/// assert_eq!(analysis.language(), Some(Lang::English));
/// assert_eq!(analysis.sentences().len(), 2);
/// // Ids borrow the analyzer, not the analysis: the temporary analysis may go.
/// let ids: Vec<&str> = analyzer.analyze("Mark Zuckerberg a témoigné.").mentions().iter().map(|m| m.id()).collect();
/// assert_eq!(ids, ["Q36215"]);
/// # Ok::<(), nomina::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Analysis<'a, 't> {
    #[serde(skip)]
    input: &'t str,
    language: Option<Lang>,
    sentences: Vec<Sentence>,
    mentions: Vec<Mention<'a, 't>>,
}

impl<'a, 't> Analysis<'a, 't> {
    /// The analysed text.
    pub fn text(&self) -> &'t str {
        self.input
    }
    /// The document language, detected from the whole text; `None` for text without letters.
    pub fn language(&self) -> Option<Lang> {
        self.language
    }
    /// The sentences, covering the input in order.
    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }
    /// The mentions, sorted by position, never overlapping.
    pub fn mentions(&self) -> &[Mention<'a, 't>] {
        &self.mentions
    }
    /// Takes the mentions out.
    pub fn into_mentions(self) -> Vec<Mention<'a, 't>> {
        self.mentions
    }

    /// The owned form, with byte offsets: the same as `AnalysisRecord::from(&analysis)`.
    pub fn to_record(&self) -> AnalysisRecord {
        self.to_record_with(Offsets::Bytes)
    }

    /// The owned form, with the offsets of sentences and mentions in the unit asked for.
    /// Character offsets are computed in one walk over the text, sentences and mentions
    /// together.
    ///
    /// ```
    /// use nomina::{Analyzer, Gazetteer, Offsets};
    /// let gaz = Gazetteer::from_tsv_str("Q30\tlocation\tÉtats-Unis\n")?;
    /// let analyzer = Analyzer::new(&gaz)?;
    /// let record = analyzer.analyze("Réunion à Genève. Les États-Unis refusent.").to_record_with(Offsets::Chars);
    /// assert_eq!(record.offsets, Offsets::Chars);
    /// assert_eq!((record.mentions[0].start, record.mentions[0].end), (22, 32));
    /// assert_eq!(record.sentences[1].span(), 18..42);
    /// # Ok::<(), nomina::Error>(())
    /// ```
    pub fn to_record_with(&self, offsets: Offsets) -> AnalysisRecord {
        let mut sentences = self.sentences.clone();
        let mut mentions: Vec<MentionRecord> = self.mentions.iter().map(MentionRecord::from).collect();
        if offsets == Offsets::Chars {
            let mut cursor = CharOffsets::new(self.input);
            // Sentences and mentions are each sorted; convert them in one merged walk.
            let mut si = 0;
            let mut mi = 0;
            loop {
                let sentence_first = match (sentences.get(si), mentions.get(mi)) {
                    (None, None) => break,
                    (Some(s), Some(m)) => s.start <= m.start,
                    (Some(_), None) => true,
                    (None, Some(_)) => false,
                };
                if sentence_first {
                    if let Some(x) = sentences.get_mut(si) {
                        x.start = cursor.at(x.start);
                        x.end = cursor.at(x.end);
                    }
                    si += 1;
                } else {
                    if let Some(x) = mentions.get_mut(mi) {
                        x.start = cursor.at(x.start);
                        x.end = cursor.at(x.end);
                    }
                    mi += 1;
                }
            }
        }
        AnalysisRecord {
            doc: None,
            language: self.language,
            offsets,
            sentences,
            mentions,
        }
    }
}

impl From<&Analysis<'_, '_>> for AnalysisRecord {
    fn from(a: &Analysis<'_, '_>) -> AnalysisRecord {
        a.to_record()
    }
}

impl From<Analysis<'_, '_>> for AnalysisRecord {
    fn from(a: Analysis<'_, '_>) -> AnalysisRecord {
        a.to_record()
    }
}

/// Converts byte offsets of a text to character offsets (Unicode scalar values: what Python,
/// Java or JavaScript strings index by, up to surrogate pairs), walking from the last offset
/// converted: offsets asked in (mostly) increasing order cost one pass over the text in all.
///
/// ```
/// use nomina::CharOffsets;
/// let text = "Genève, puis les États-Unis.";
/// let mut chars = CharOffsets::new(text);
/// assert_eq!(chars.at(text.find("États").unwrap()), 17);
/// assert_eq!(chars.at(text.find("puis").unwrap()), 8);
/// assert_eq!(chars.at(text.len()), text.chars().count());
/// ```
#[derive(Clone, Debug)]
pub struct CharOffsets<'a> {
    bytes: &'a [u8],
    byte: usize,
    chars: usize,
}

impl<'a> CharOffsets<'a> {
    /// A converter for `text`, at its start.
    pub fn new(text: &'a str) -> CharOffsets<'a> {
        CharOffsets {
            bytes: text.as_bytes(),
            byte: 0,
            chars: 0,
        }
    }

    /// The character offset of byte offset `b` (clamped to the text; a char boundary), moving
    /// there from the last offset converted, forward or backward.
    pub fn at(&mut self, b: usize) -> usize {
        let b = b.min(self.bytes.len());
        if b >= self.byte {
            self.chars += count_chars(self.bytes.get(self.byte..b).unwrap_or(&[]));
        } else {
            self.chars -= count_chars(self.bytes.get(b..self.byte).unwrap_or(&[]));
        }
        self.byte = b;
        self.chars
    }
}

/// The unit of the offsets in an [`AnalysisRecord`]: bytes of UTF-8 (Rust's `str` indices, the
/// default) or characters (Unicode scalar values: Python's `str` indices).
///
/// Serialised as `"bytes"` or `"chars"`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Offsets {
    /// Byte offsets into the UTF-8 text.
    #[default]
    Bytes,
    /// Character (Unicode scalar value) offsets.
    Chars,
}

impl Offsets {
    /// `"bytes"` or `"chars"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Offsets::Bytes => "bytes",
            Offsets::Chars => "chars",
        }
    }

    fn is_bytes(&self) -> bool {
        *self == Offsets::Bytes
    }
}

impl std::fmt::Display for Offsets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Offsets {
    type Err = Error;
    fn from_str(s: &str) -> Result<Offsets> {
        match s.trim() {
            "bytes" => Ok(Offsets::Bytes),
            "chars" => Ok(Offsets::Chars),
            other => Err(Error::Option(format!(
                "unknown offset unit `{other}` (expected `bytes` or `chars`)"
            ))),
        }
    }
}

/// The owned form of an [`Analysis`]: `Serialize + Deserialize`, with the JSON the annotate
/// example prints, one object per document:
///
/// ```json
/// {"doc":"a.txt","language":"fr","sentences":[{"start":0,"end":26,"language":"fr"}],
///  "mentions":[{"id":"Q380","candidates":["Q380"],"kind":"organization","start":0,"end":4,"text":"Meta","name":"Meta","sentence":0,"match":"exact"}]}
/// ```
///
/// `doc` (a label of the caller's, such as a file name) is left out when `None`; `offsets`
/// is written only when the offsets are characters (`"offsets":"chars"`).
///
/// ```
/// use nomina::{Analyzer, AnalysisRecord, Gazetteer};
/// let gaz = Gazetteer::from_tsv_str("Q380\torganization\tMeta\n")?;
/// let analyzer = Analyzer::new(&gaz)?;
/// let mut record = analyzer.analyze("Meta fait appel à Dublin.").to_record();
/// record.doc = Some("a.txt".into());
/// let json = serde_json::to_string(&record).unwrap();
/// let back: AnalysisRecord = serde_json::from_str(&json).unwrap();
/// assert_eq!(back, record);
/// assert_eq!(back.mentions[0].text, "Meta");
/// # Ok::<(), nomina::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnalysisRecord {
    /// A label for the document (a file name...), set by the caller; `None` from
    /// [`Analysis::to_record`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc: Option<String>,
    /// The document language.
    pub language: Option<Lang>,
    /// The unit of every offset below (bytes unless asked otherwise).
    #[serde(default, skip_serializing_if = "Offsets::is_bytes")]
    pub offsets: Offsets,
    /// The sentences, covering the input in order.
    pub sentences: Vec<Sentence>,
    /// The mentions, sorted by position.
    pub mentions: Vec<MentionRecord>,
}
