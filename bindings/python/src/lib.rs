//! The `nomina._nomina` extension module: nomina's analyzer for Python.
//!
//! Offsets are Python string indices (code points), converted from nomina's byte offsets in
//! one forward pass per document. Analysis runs with the GIL released; `analyze_batch` spreads
//! a batch over threads. Nothing panics across the boundary: construction errors become
//! `GazetteerError`, `OSError` or `ValueError`, and analysis cannot fail.

#![forbid(unsafe_code)]
#![deny(clippy::unwrap_used, clippy::expect_used)]

mod columns;
mod doc;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use nomina::{Gazetteer, Kind, Lang};
use pyo3::create_exception;
use pyo3::exceptions::{PyOSError, PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyType};

use crate::columns::{Columns, le_bytes};
use crate::doc::{DocData, DocJson, MentionData};

create_exception!(
    nomina,
    GazetteerError,
    PyValueError,
    "A gazetteer could not be loaded or compiled. `file` and `line` (1-based) name the \
     offending line when there is one, else they are None."
);

/// Texts at least this long are analysed with the GIL released.
const DETACH_MIN_BYTES: usize = 256;

/// Converts a nomina error to the Python exception the API documents.
fn error(py: Python<'_>, e: nomina::Error) -> PyErr {
    match e {
        nomina::Error::Parse {
            source_name,
            line,
            message,
        } => gazetteer_error(
            py,
            format!("{source_name}:{line}: {message}"),
            Some(source_name),
            Some(line),
        ),
        nomina::Error::Io { path, source } => {
            let reason = source.to_string();
            let reason = match reason.find(" (os error") {
                Some(i) => reason[..i].to_string(),
                None => reason,
            };
            let file = path.display().to_string();
            match source.raw_os_error() {
                // OSError(errno, strerror, filename) picks the subclass: FileNotFoundError...
                Some(errno) => PyOSError::new_err((errno, format!("cannot read gazetteer: {reason}"), file)),
                None => PyOSError::new_err(format!("cannot read gazetteer {file}: {reason}")),
            }
        }
        e @ (nomina::Error::Invalid(_) | nomina::Error::TooLarge(_) | nomina::Error::Build(_)) => {
            gazetteer_error(py, e.to_string(), None, None)
        }
        nomina::Error::Option(m) => PyValueError::new_err(format!("invalid option: {m}")),
        e => PyRuntimeError::new_err(e.to_string()),
    }
}

fn gazetteer_error(py: Python<'_>, message: String, file: Option<String>, line: Option<usize>) -> PyErr {
    let err = GazetteerError::new_err(message);
    let value = err.value(py);
    // Setting attributes on a fresh exception instance cannot fail in practice; if it did,
    // the error would still be raised, without them.
    let _ = value.setattr("file", file);
    let _ = value.setattr("line", line);
    err
}

/// Whether a path names a JSON Lines gazetteer (else TSV), as the annotate example decides.
fn is_jsonl(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("jsonl" | "json" | "ndjson")
    )
}

fn load_path(py: Python<'_>, path: &Path) -> PyResult<Gazetteer> {
    let jsonl = is_jsonl(path);
    py.detach(|| {
        if jsonl {
            Gazetteer::from_jsonl_path(path)
        } else {
            Gazetteer::from_tsv_path(path)
        }
    })
    .map_err(|e| error(py, e))
}

/// Where a gazetteer came from: a file (pickled as its path) or text (pickled as JSON Lines).
#[derive(Clone)]
enum Source {
    Path(PathBuf),
    Inline(Arc<Gazetteer>),
}

/// A gazetteer: entities and their names, loaded from TSV or JSON Lines.
#[pyclass(frozen, module = "nomina", name = "Gazetteer")]
struct PyGazetteer {
    inner: Arc<Gazetteer>,
    path: Option<PathBuf>,
}

#[pymethods]
impl PyGazetteer {
    /// Loads a gazetteer file: JSON Lines if its name ends in `.jsonl`, `.json` or `.ndjson`,
    /// TSV otherwise.
    #[classmethod]
    fn from_path(_cls: &Bound<'_, PyType>, py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        let path = std::path::absolute(&path).unwrap_or(path);
        let inner = load_path(py, &path)?;
        Ok(PyGazetteer {
            inner: Arc::new(inner),
            path: Some(path),
        })
    }

    /// Parses a TSV gazetteer given as a string.
    #[classmethod]
    fn from_tsv(_cls: &Bound<'_, PyType>, py: Python<'_>, tsv: &str) -> PyResult<Self> {
        let inner = py
            .detach(|| Gazetteer::from_tsv_str(tsv))
            .map_err(|e| error(py, e))?;
        Ok(PyGazetteer {
            inner: Arc::new(inner),
            path: None,
        })
    }

    /// Parses a JSON Lines gazetteer given as a string.
    #[classmethod]
    fn from_jsonl(_cls: &Bound<'_, PyType>, py: Python<'_>, jsonl: &str) -> PyResult<Self> {
        let inner = py
            .detach(|| Gazetteer::from_jsonl_str(jsonl))
            .map_err(|e| error(py, e))?;
        Ok(PyGazetteer {
            inner: Arc::new(inner),
            path: None,
        })
    }

    /// The gazetteer as JSON Lines, one entity a line.
    fn to_jsonl(&self, py: Python<'_>) -> String {
        py.detach(|| self.inner.to_jsonl())
    }

    /// The file it was loaded from, if any.
    #[getter]
    fn path(&self) -> Option<PathBuf> {
        self.path.clone()
    }

    /// The number of names.
    #[getter]
    fn names_len(&self) -> usize {
        self.inner.names_len()
    }

    /// The number of entities.
    fn __len__(&self) -> usize {
        self.inner.len()
    }

    fn __repr__(&self) -> String {
        match &self.path {
            Some(p) => format!(
                "Gazetteer.from_path({:?}) ({} entities, {} names)",
                p.display().to_string(),
                self.inner.len(),
                self.inner.names_len()
            ),
            None => format!(
                "<Gazetteer: {} entities, {} names>",
                self.inner.len(),
                self.inner.names_len()
            ),
        }
    }

    /// Pickles as its path when loaded from a file, else as JSON Lines.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (Bound<'py, PyAny>,))> {
        let py = slf.py();
        let cls = slf.get_type();
        let me = slf.get();
        match &me.path {
            Some(p) => Ok((
                cls.getattr("from_path")?,
                (p.clone().into_pyobject(py)?.into_any(),),
            )),
            None => Ok((
                cls.getattr("from_jsonl")?,
                (me.to_jsonl(py).into_pyobject(py)?.into_any(),),
            )),
        }
    }
}

impl PyGazetteer {
    fn source(&self) -> Source {
        match &self.path {
            Some(p) => Source::Path(p.clone()),
            None => Source::Inline(self.inner.clone()),
        }
    }
}

/// Finds gazetteer entities in text.
#[pyclass(frozen, module = "nomina", name = "Analyzer")]
struct PyAnalyzer {
    inner: nomina::Analyzer,
    source: Source,
    /// The options as given, kept for pickling.
    options: Options,
}

/// The analyzer options of the Python constructors, as given.
#[derive(Clone)]
struct Options {
    languages: Option<Vec<String>>,
    stem_kinds: Option<Vec<String>>,
    overlaps: Option<String>,
    short_forms: Option<Vec<String>>,
    context_resolution: bool,
    common_words: bool,
}

fn parse_languages(codes: &[String]) -> PyResult<Vec<Lang>> {
    codes
        .iter()
        .map(|c| {
            Lang::from_code(c.trim())
                .ok_or_else(|| PyValueError::new_err(format!("unknown language code `{c}`")))
        })
        .collect()
}

impl Options {
    /// Compiles `gazetteer` into the analyzer of `source` with these options.
    fn compile(self, py: Python<'_>, gazetteer: &Gazetteer, source: Source) -> PyResult<PyAnalyzer> {
        let inner = self.build(py, gazetteer)?;
        Ok(PyAnalyzer {
            inner,
            source,
            options: self,
        })
    }

    /// The analyzer of `gazetteer` with these options (an unknown mode or language code is a
    /// `ValueError`).
    fn build(&self, py: Python<'_>, gazetteer: &Gazetteer) -> PyResult<nomina::Analyzer> {
        let mut builder = nomina::Analyzer::builder(gazetteer);
        if let Some(kinds) = &self.short_forms {
            builder.short_forms(kinds.iter().map(|k| Kind::parse(k)).collect::<Vec<_>>());
        }
        builder.context_resolution(self.context_resolution);
        builder.common_words(self.common_words);
        if let Some(mode) = &self.overlaps {
            let mode: nomina::Overlaps = mode.trim().parse().map_err(|_| {
                PyValueError::new_err(format!(
                    "invalid option: overlaps must be \"none\", \"nested\" or \"all\", not {mode:?}"
                ))
            })?;
            builder.overlaps(mode);
        }
        if let Some(codes) = &self.languages {
            builder.languages(parse_languages(codes)?);
        }
        if let Some(kinds) = &self.stem_kinds {
            builder.stem_kinds(kinds.iter().map(|k| Kind::parse(k)).collect::<Vec<_>>());
        }
        py.detach(|| builder.build()).map_err(|e| error(py, e))
    }
}

/// A text borrowed from a Python `str`, or copied when it holds lone surrogates (which UTF-8
/// cannot encode): each becomes U+FFFD, one code point for one, so offsets stay right.
enum Text<'a> {
    Borrowed(&'a str),
    Owned(String),
}

impl Text<'_> {
    fn as_str(&self) -> &str {
        match self {
            Text::Borrowed(s) => s,
            Text::Owned(s) => s,
        }
    }
}

fn text_of<'a>(s: &'a Bound<'_, PyString>) -> PyResult<Text<'a>> {
    match s.to_str() {
        Ok(t) => Ok(Text::Borrowed(t)),
        Err(_) => Ok(Text::Owned(replace_surrogates(s)?)),
    }
}

/// The string with every lone surrogate replaced by U+FFFD, code point for code point.
fn replace_surrogates(s: &Bound<'_, PyString>) -> PyResult<String> {
    let bytes = s.call_method1("encode", ("utf-32-le", "surrogatepass"))?;
    let bytes = bytes.cast::<PyBytes>()?.as_bytes();
    Ok(bytes
        .chunks_exact(4)
        .map(|c| {
            let u = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
            char::from_u32(u).unwrap_or(char::REPLACEMENT_CHARACTER)
        })
        .collect())
}

/// Maps `f` over `items` on `threads` threads (in order); one thread runs inline.
fn par_map<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Result<Vec<R>, String> {
    if threads <= 1 || items.len() <= 1 {
        return Ok(items.iter().map(f).collect());
    }
    const CHUNK: usize = 16;
    let next = AtomicUsize::new(0);
    let threads = threads.min(items.len().div_ceil(CHUNK)).max(1);
    let parts = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut out = Vec::new();
                    loop {
                        let i = next.fetch_add(CHUNK, Ordering::Relaxed);
                        if i >= items.len() {
                            break;
                        }
                        let end = (i + CHUNK).min(items.len());
                        out.push((i, items[i..end].iter().map(&f).collect::<Vec<R>>()));
                    }
                    out
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join()).collect::<Vec<_>>()
    });
    let mut chunks = Vec::new();
    for p in parts {
        chunks.extend(p.map_err(|_| "a worker thread panicked".to_string())?);
    }
    chunks.sort_unstable_by_key(|(i, _)| *i);
    Ok(chunks.into_iter().flat_map(|(_, v)| v).collect())
}

fn thread_count(threads: Option<usize>) -> PyResult<usize> {
    match threads {
        Some(0) => Err(PyValueError::new_err("threads must be at least 1")),
        Some(n) => Ok(n),
        None => Ok(std::thread::available_parallelism().map_or(1, |n| n.get())),
    }
}

/// The items of an iterable of `str` (or `None`, when `allow_none`).
fn collect_strings<'py>(
    texts: &Bound<'py, PyAny>,
    allow_none: bool,
) -> PyResult<Vec<Option<Bound<'py, PyString>>>> {
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "texts must be an iterable of str, not a str",
        ));
    }
    let mut out = Vec::with_capacity(texts.len().unwrap_or(0));
    for item in texts.try_iter()? {
        let item = item?;
        if allow_none && item.is_none() {
            out.push(None);
            continue;
        }
        match item.cast_into::<PyString>() {
            Ok(s) => out.push(Some(s)),
            Err(e) => {
                return Err(PyTypeError::new_err(format!(
                    "texts must be str, not {}",
                    e.into_inner().get_type().name()?
                )));
            }
        }
    }
    Ok(out)
}

#[pymethods]
impl PyAnalyzer {
    /// Compiles a gazetteer (a `Gazetteer`, or the path of a TSV or JSON Lines file).
    #[new]
    #[pyo3(signature = (gazetteer, languages=None, stem_kinds=None, overlaps=None, short_forms=None, context_resolution=true, common_words=true))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        gazetteer: &Bound<'_, PyAny>,
        languages: Option<Vec<String>>,
        stem_kinds: Option<Vec<String>>,
        overlaps: Option<String>,
        short_forms: Option<Vec<String>>,
        context_resolution: bool,
        common_words: bool,
    ) -> PyResult<Self> {
        let options = Options {
            languages,
            stem_kinds,
            overlaps,
            short_forms,
            context_resolution,
            common_words,
        };
        if let Ok(g) = gazetteer.cast::<PyGazetteer>() {
            let g = g.get();
            return options.compile(py, &g.inner, g.source());
        }
        let path: PathBuf = gazetteer.extract().map_err(|_| {
            PyTypeError::new_err("gazetteer must be a nomina.Gazetteer or the path of a gazetteer file")
        })?;
        Self::from_file(py, path, options)
    }

    /// Loads a gazetteer file and compiles it.
    #[classmethod]
    #[pyo3(signature = (path, languages=None, stem_kinds=None, overlaps=None, short_forms=None, context_resolution=true, common_words=true))]
    #[allow(clippy::too_many_arguments)]
    fn from_path(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        path: PathBuf,
        languages: Option<Vec<String>>,
        stem_kinds: Option<Vec<String>>,
        overlaps: Option<String>,
        short_forms: Option<Vec<String>>,
        context_resolution: bool,
        common_words: bool,
    ) -> PyResult<Self> {
        let options = Options {
            languages,
            stem_kinds,
            overlaps,
            short_forms,
            context_resolution,
            common_words,
        };
        Self::from_file(py, path, options)
    }

    /// Rebuilds a pickled analyzer.
    #[classmethod]
    #[pyo3(signature = (path, jsonl, languages, stem_kinds, overlaps=None, short_forms=None, context_resolution=true, common_words=true))]
    #[allow(clippy::too_many_arguments)]
    fn _restore(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        path: Option<PathBuf>,
        jsonl: Option<String>,
        languages: Option<Vec<String>>,
        stem_kinds: Option<Vec<String>>,
        overlaps: Option<String>,
        short_forms: Option<Vec<String>>,
        context_resolution: bool,
        common_words: bool,
    ) -> PyResult<Self> {
        let options = Options {
            languages,
            stem_kinds,
            overlaps,
            short_forms,
            context_resolution,
            common_words,
        };
        match (path, jsonl) {
            (Some(p), _) => Self::from_file(py, p, options),
            (None, Some(j)) => {
                let gaz = py
                    .detach(|| Gazetteer::from_jsonl_str(&j))
                    .map_err(|e| error(py, e))?;
                let gaz = Arc::new(gaz);
                options.compile(py, &gaz, Source::Inline(gaz.clone()))
            }
            (None, None) => Err(PyValueError::new_err("nothing to rebuild the analyzer from")),
        }
    }

    /// Pickles as the gazetteer's path (when loaded from a file) or its names, and the options.
    #[allow(clippy::type_complexity)]
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(
        Bound<'py, PyAny>,
        (
            Option<PathBuf>,
            Option<String>,
            Option<Vec<String>>,
            Option<Vec<String>>,
            Option<String>,
            Option<Vec<String>>,
            bool,
            bool,
        ),
    )> {
        let py = slf.py();
        let me = slf.get();
        let (path, jsonl) = match &me.source {
            Source::Path(p) => (Some(p.clone()), None),
            Source::Inline(g) => (None, Some(py.detach(|| g.to_jsonl()))),
        };
        Ok((
            slf.get_type().getattr("_restore")?,
            (
                path,
                jsonl,
                me.options.languages.clone(),
                me.options.stem_kinds.clone(),
                me.options.overlaps.clone(),
                me.options.short_forms.clone(),
                me.options.context_resolution,
                me.options.common_words,
            ),
        ))
    }

    /// The allowed languages, as ISO 639-1 codes.
    #[getter]
    fn languages(&self) -> Vec<&'static str> {
        self.inner.languages().iter().map(|l| l.code()).collect()
    }

    /// The matching mode: "none" (leftmost-longest, the default), "nested" or "all".
    #[getter]
    fn overlaps(&self) -> String {
        self.inner.overlaps().to_string()
    }

    /// The kinds whose entities have short forms (empty: short forms are off).
    #[getter]
    fn short_forms(&self) -> Vec<String> {
        self.inner
            .short_form_kinds()
            .iter()
            .map(|k| k.as_str().to_string())
            .collect()
    }

    /// True if one sense per document reorders the candidates of shared names (the default).
    #[getter]
    fn context_resolution(&self) -> bool {
        self.inner.context_resolution()
    }

    /// True if the guard against names that are common words is on (the default): names spelt
    /// in lower case that are only function words (`di`, `que`) are dropped, and one-word
    /// function-word names (`Il`, `LA`) match only as spelt and not at the start of a sentence
    /// unless in capitals.
    #[getter]
    fn common_words(&self) -> bool {
        self.inner.common_words()
    }

    /// What the common-word guard does with `name`, a name of an entity of `kind`: "dropped",
    /// "function-word", "homograph", or None (the usual rules, or the guard is off).
    fn common_name(&self, kind: &str, name: &str) -> Option<&'static str> {
        self.inner.common_name(&Kind::parse(kind), name).map(|c| match c {
            nomina::CommonName::Dropped => "dropped",
            nomina::CommonName::FunctionWord => "function-word",
            nomina::CommonName::Homograph => "homograph",
            _ => "other",
        })
    }

    /// The number of gazetteer names compiled.
    #[getter]
    fn names_len(&self) -> usize {
        self.inner.names_len()
    }

    fn __repr__(&self) -> String {
        format!(
            "<Analyzer: {} names, languages {:?}>",
            self.inner.names_len(),
            self.languages()
        )
    }

    /// Analyses one text: its language, sentences and mentions (offsets in code points).
    fn analyze(&self, py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<PyDocument> {
        let t = text_of(text)?;
        let s = t.as_str();
        let data = if s.len() >= DETACH_MIN_BYTES {
            py.detach(|| doc::analyze(&self.inner, s))
        } else {
            doc::analyze(&self.inner, s)
        };
        let original = match t {
            Text::Owned(_) => Some(text.clone().unbind()),
            Text::Borrowed(_) => None,
        };
        Ok(PyDocument::new(data, original))
    }

    /// Analyses many texts on `threads` threads (all cores by default), the GIL released.
    #[pyo3(signature = (texts, threads=None))]
    fn analyze_batch(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        threads: Option<usize>,
    ) -> PyResult<Vec<PyDocument>> {
        let threads = thread_count(threads)?;
        let strings = collect_strings(texts, false)?;
        let mut owned = Vec::with_capacity(strings.len());
        for s in strings.iter().flatten() {
            owned.push(text_of(s)?);
        }
        let analyzer = &self.inner;
        let docs = py
            .detach(|| par_map(&owned, threads, |t| doc::analyze(analyzer, t.as_str())))
            .map_err(PyRuntimeError::new_err)?;
        Ok(docs
            .into_iter()
            .zip(owned.iter().zip(strings.iter()))
            .map(|(d, (t, s))| {
                let original = match (t, s) {
                    (Text::Owned(_), Some(s)) => Some(s.clone().unbind()),
                    _ => None,
                };
                PyDocument::new(d, original)
            })
            .collect())
    }

    /// Analyses texts (`str` or `None`) into Arrow buffers; see `nomina.analyze_arrow`.
    #[pyo3(signature = (texts, threads=1))]
    fn _columns<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        threads: usize,
    ) -> PyResult<Bound<'py, PyDict>> {
        let threads = thread_count(Some(threads))?;
        let strings = collect_strings(texts, true)?;
        let mut owned = Vec::with_capacity(strings.len());
        for s in &strings {
            owned.push(match s {
                Some(s) => Some(text_of(s)?),
                None => None,
            });
        }
        let analyzer = &self.inner;
        let cols = py
            .detach(|| {
                let docs = par_map(&owned, threads, |t| {
                    t.as_ref().map(|t| doc::analyze(analyzer, t.as_str()))
                })?;
                columns_of(&docs)
            })
            .map_err(PyValueError::new_err)?;
        export_columns(py, cols)
    }

    /// Analyses the strings of an Arrow string array given by its buffers (copied to bytes):
    /// `offsets` (32- or 64-bit, little-endian, `width` bytes each), `data`, `validity` (or
    /// None), from slot `offset` for `length` slots.
    #[pyo3(signature = (offsets, data, validity, offset, length, width, threads=1))]
    #[allow(clippy::too_many_arguments)]
    fn _columns_from_arrow<'py>(
        &self,
        py: Python<'py>,
        offsets: &[u8],
        data: &[u8],
        validity: Option<&[u8]>,
        offset: usize,
        length: usize,
        width: usize,
        threads: usize,
    ) -> PyResult<Bound<'py, PyDict>> {
        let threads = thread_count(Some(threads))?;
        let analyzer = &self.inner;
        let cols = py
            .detach(|| {
                let texts = arrow_strings(offsets, data, validity, offset, length, width)?;
                let docs = par_map(&texts, threads, |t| {
                    t.as_ref().map(|t| doc::analyze(analyzer, t.as_ref()))
                })?;
                columns_of(&docs)
            })
            .map_err(PyValueError::new_err)?;
        export_columns(py, cols)
    }

    /// Analyses texts in Rust only and returns the number of mentions: the speed of nomina
    /// without the Python objects, for benchmarks.
    #[pyo3(signature = (texts, threads=1))]
    fn _count_mentions(&self, py: Python<'_>, texts: &Bound<'_, PyAny>, threads: usize) -> PyResult<usize> {
        let threads = thread_count(Some(threads))?;
        let strings = collect_strings(texts, false)?;
        let mut owned = Vec::with_capacity(strings.len());
        for s in strings.iter().flatten() {
            owned.push(text_of(s)?);
        }
        let analyzer = &self.inner;
        let counts = py
            .detach(|| par_map(&owned, threads, |t| analyzer.analyze(t.as_str()).mentions().len()))
            .map_err(PyRuntimeError::new_err)?;
        Ok(counts.into_iter().sum())
    }
}

impl PyAnalyzer {
    fn from_file(py: Python<'_>, path: PathBuf, options: Options) -> PyResult<Self> {
        let path = std::path::absolute(&path).unwrap_or(path);
        let gaz = load_path(py, &path)?;
        options.compile(py, &gaz, Source::Path(path))
    }
}

/// The texts of an Arrow string array, from its buffers; invalid UTF-8 is replaced.
fn arrow_strings<'a>(
    offsets: &[u8],
    data: &'a [u8],
    validity: Option<&[u8]>,
    offset: usize,
    length: usize,
    width: usize,
) -> Result<Vec<Option<std::borrow::Cow<'a, str>>>, String> {
    let at = |i: usize| -> Result<usize, String> {
        let bytes = i
            .checked_mul(width)
            .and_then(|s| offsets.get(s..s.checked_add(width)?))
            .ok_or_else(|| format!("offsets buffer too short for slot {i}"))?;
        let v = match width {
            4 => i64::from(i32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]])),
            8 => i64::from_le_bytes([
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
            ]),
            _ => return Err(format!("offset width must be 4 or 8, not {width}")),
        };
        usize::try_from(v).map_err(|_| format!("negative offset at slot {i}"))
    };
    let end = offset
        .checked_add(length)
        .ok_or_else(|| "offset + length overflows".to_string())?;
    let mut out = Vec::with_capacity(length.min(offsets.len()));
    for i in offset..end {
        let valid = match validity {
            Some(v) => v.get(i / 8).is_some_and(|b| b & (1 << (i % 8)) != 0),
            None => true,
        };
        if !valid {
            out.push(None);
            continue;
        }
        let (s, e) = (at(i)?, at(i + 1)?);
        let bytes = data
            .get(s..e)
            .ok_or_else(|| format!("string {s}..{e} outside the data buffer"))?;
        out.push(Some(String::from_utf8_lossy(bytes)));
    }
    Ok(out)
}

fn columns_of(docs: &[Option<DocData>]) -> Result<Columns, String> {
    let mut cols = Columns::default();
    for d in docs {
        cols.push(d.as_ref())
            .map_err(|_| "batch too large for 32-bit Arrow offsets: use smaller batches".to_string())?;
    }
    Ok(cols)
}

fn export_columns(py: Python<'_>, c: Columns) -> PyResult<Bound<'_, PyDict>> {
    let d = PyDict::new(py);
    let bytes = |v: &[u8]| PyBytes::new(py, v);
    let offsets = |v: &[i32]| {
        if v.is_empty() {
            PyBytes::new(py, &0i32.to_le_bytes())
        } else {
            PyBytes::new(py, &le_bytes(v))
        }
    };
    d.set_item("length", c.len)?;
    let strcol = |d: &Bound<'_, PyDict>, key: &str, s: columns::StrCol| -> PyResult<()> {
        d.set_item(format!("{key}.offsets"), offsets(&s.offsets))?;
        d.set_item(format!("{key}.data"), bytes(&s.data))?;
        d.set_item(format!("{key}.valid"), s.valid.into_bytes().map(|b| bytes(&b)))?;
        Ok(())
    };
    let listcol = |d: &Bound<'_, PyDict>, key: &str, l: columns::ListCol| -> PyResult<()> {
        d.set_item(format!("{key}.offsets"), offsets(&l.offsets))?;
        d.set_item(format!("{key}.valid"), l.valid.into_bytes().map(|b| bytes(&b)))?;
        Ok(())
    };
    strcol(&d, "language", c.language)?;
    d.set_item("sentences.length", c.s_start.len())?;
    listcol(&d, "sentences", c.sentences)?;
    d.set_item("sentences.start", bytes(&le_bytes(&c.s_start)))?;
    d.set_item("sentences.end", bytes(&le_bytes(&c.s_end)))?;
    strcol(&d, "sentences.language", c.s_language)?;
    d.set_item("mentions.length", c.m_start.len())?;
    listcol(&d, "mentions", c.mentions)?;
    strcol(&d, "mentions.id", c.m_id)?;
    strcol(&d, "mentions.kind", c.m_kind)?;
    d.set_item("mentions.start", bytes(&le_bytes(&c.m_start)))?;
    d.set_item("mentions.end", bytes(&le_bytes(&c.m_end)))?;
    strcol(&d, "mentions.text", c.m_text)?;
    strcol(&d, "mentions.name", c.m_name)?;
    d.set_item("mentions.sentence", bytes(&le_bytes(&c.m_sentence)))?;
    strcol(&d, "mentions.match", c.m_match)?;
    d.set_item("candidates.length", c.c_id.offsets.len().saturating_sub(1))?;
    listcol(&d, "mentions.candidates", c.m_candidates)?;
    strcol(&d, "candidates", c.c_id)?;
    d.set_item("mentions.resolved_by_context", bytes(&c.m_resolved.into_values()))?;
    Ok(d)
}

/// The result of `Analyzer.analyze`: language, sentences and mentions. Python objects for
/// sentences and mentions are made on first access; `to_json` needs none.
#[pyclass(frozen, module = "nomina", name = "Document")]
struct PyDocument {
    data: Arc<DocData>,
    /// The analysed string, kept only when it held lone surrogates (mention texts are then
    /// sliced from it, so that `text[m.start:m.end] == m.text` still holds).
    original: Option<Py<PyString>>,
    mentions: PyOnceLock<Vec<Py<PyMention>>>,
    sentences: PyOnceLock<Vec<Py<PySentence>>>,
}

impl PyDocument {
    fn new(data: DocData, original: Option<Py<PyString>>) -> PyDocument {
        PyDocument {
            data: Arc::new(data),
            original,
            mentions: PyOnceLock::new(),
            sentences: PyOnceLock::new(),
        }
    }

    fn mention_objects(&self, py: Python<'_>) -> PyResult<&Vec<Py<PyMention>>> {
        self.mentions.get_or_try_init(py, || {
            let mut v = Vec::with_capacity(self.data.mentions.len());
            for (i, m) in self.data.mentions.iter().enumerate() {
                let text = match &self.original {
                    Some(o) => Some(
                        o.bind(py)
                            .get_item(pyo3::types::PySlice::new(py, m.start as isize, m.end as isize, 1))?
                            .cast_into::<PyString>()?
                            .unbind(),
                    ),
                    None => None,
                };
                v.push(Py::new(
                    py,
                    PyMention {
                        doc: self.data.clone(),
                        index: i,
                        text,
                    },
                )?);
            }
            Ok(v)
        })
    }

    fn sentence_objects(&self, py: Python<'_>) -> PyResult<&Vec<Py<PySentence>>> {
        self.sentences.get_or_try_init(py, || {
            self.data
                .sentences
                .iter()
                .map(|s| {
                    Py::new(
                        py,
                        PySentence {
                            start: s.start,
                            end: s.end,
                            language: s.language.map(Lang::code),
                        },
                    )
                })
                .collect()
        })
    }
}

#[pymethods]
impl PyDocument {
    /// The document language (an ISO 639-1 code), or None for text without letters.
    #[getter]
    fn language(&self) -> Option<&'static str> {
        self.data.language.map(Lang::code)
    }

    /// The sentences, covering the text in order.
    #[getter]
    fn sentences<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.sentence_objects(py)?.iter().map(|s| s.clone_ref(py)))
    }

    /// The mentions, sorted by position, never overlapping.
    #[getter]
    fn mentions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.mention_objects(py)?.iter().map(|m| m.clone_ref(py)))
    }

    /// The annotate example's JSON object (without `doc`), offsets in code points.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item(pyo3::intern!(py, "language"), self.language())?;
        let sentences = PyList::empty(py);
        for s in self.sentence_objects(py)? {
            sentences.append(s.get().to_dict(py)?)?;
        }
        d.set_item(pyo3::intern!(py, "sentences"), sentences)?;
        let mentions = PyList::empty(py);
        for m in self.mention_objects(py)? {
            mentions.append(m.get().to_dict(py)?)?;
        }
        d.set_item(pyo3::intern!(py, "mentions"), mentions)?;
        Ok(d)
    }

    /// `to_dict()` as compact JSON, written in Rust (lone surrogates of the text appear as
    /// U+FFFD).
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string(&DocJson(&self.data)).map_err(|e| PyRuntimeError::new_err(e.to_string()))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyDocument>()
            .is_ok_and(|o| *o.get().data == *self.data)
    }

    fn __repr__(&self) -> String {
        format!(
            "<Document: language {:?}, {} sentences, {} mentions>",
            self.language().unwrap_or("None"),
            self.data.sentences.len(),
            self.data.mentions.len()
        )
    }
}

/// A sentence: code point span (trailing white space included) and language.
#[pyclass(frozen, module = "nomina", name = "Sentence")]
struct PySentence {
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
    #[pyo3(get)]
    language: Option<&'static str>,
}

#[pymethods]
impl PySentence {
    /// `{"start", "end", "language"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item(pyo3::intern!(py, "start"), self.start)?;
        d.set_item(pyo3::intern!(py, "end"), self.end)?;
        d.set_item(pyo3::intern!(py, "language"), self.language)?;
        Ok(d)
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PySentence>().is_ok_and(|o| {
            let o = o.get();
            (o.start, o.end, o.language) == (self.start, self.end, self.language)
        })
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (self.start, self.end, self.language).hash(&mut h);
        h.finish()
    }

    fn __repr__(&self) -> String {
        format!(
            "Sentence(start={}, end={}, language={})",
            self.start,
            self.end,
            self.language.map_or("None".to_string(), |l| format!("'{l}'"))
        )
    }
}

/// A mention of a gazetteer entity; `text[m.start:m.end] == m.text`.
#[pyclass(frozen, module = "nomina", name = "Mention")]
struct PyMention {
    doc: Arc<DocData>,
    index: usize,
    /// The surface sliced from the original string, when that held lone surrogates.
    text: Option<Py<PyString>>,
}

impl PyMention {
    fn m(&self) -> &MentionData {
        // `index` is always in range: mentions are made from the document's own list.
        &self.doc.mentions[self.index]
    }
}

#[pymethods]
impl PyMention {
    /// The id of the first candidate entity.
    #[getter]
    fn id(&self) -> &str {
        self.doc.str(&self.m().id)
    }
    /// The kind of the first candidate entity.
    #[getter]
    fn kind(&self) -> &str {
        self.doc.str(&self.m().kind)
    }
    /// Code point offset of the start.
    #[getter]
    fn start(&self) -> usize {
        self.m().start
    }
    /// Code point offset just past the end.
    #[getter]
    fn end(&self) -> usize {
        self.m().end
    }
    /// The surface text, `text[start:end]`.
    #[getter]
    fn text<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        match &self.text {
            Some(t) => t.bind(py).clone(),
            None => PyString::new(py, self.doc.str(&self.m().text)),
        }
    }
    /// The gazetteer name that matched.
    #[getter]
    fn name(&self) -> &str {
        self.doc.str(&self.m().name)
    }
    /// The index of the sentence that holds the mention.
    #[getter]
    fn sentence(&self) -> usize {
        self.m().sentence
    }
    /// How it matched: "exact", "elision", "case", "accent", "short-form" or "stem".
    #[getter(r#match)]
    fn how(&self) -> &'static str {
        self.m().how.as_str()
    }
    /// Every candidate entity id, in gazetteer order (the first is `id`), or the one the
    /// document names first when `resolved_by_context`.
    #[getter]
    fn candidates(&self) -> Vec<&str> {
        self.doc.candidate_ids(self.m()).collect()
    }
    /// True if one sense per document chose the first candidate of a shared name.
    #[getter]
    fn resolved_by_context(&self) -> bool {
        self.m().resolved_by_context
    }

    /// The annotate example's mention object, offsets in code points.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item(pyo3::intern!(py, "id"), self.id())?;
        d.set_item(pyo3::intern!(py, "candidates"), self.candidates())?;
        d.set_item(pyo3::intern!(py, "kind"), self.kind())?;
        d.set_item(pyo3::intern!(py, "start"), self.start())?;
        d.set_item(pyo3::intern!(py, "end"), self.end())?;
        d.set_item(pyo3::intern!(py, "text"), self.text(py))?;
        d.set_item(pyo3::intern!(py, "name"), self.name())?;
        d.set_item(pyo3::intern!(py, "sentence"), self.sentence())?;
        d.set_item(pyo3::intern!(py, "match"), self.how())?;
        if self.resolved_by_context() {
            d.set_item(pyo3::intern!(py, "resolved_by_context"), true)?;
        }
        Ok(d)
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyMention>().is_ok_and(|o| {
            let o = o.get();
            let (a, b) = (self.m(), o.m());
            (a.start, a.end, a.sentence, a.how, a.resolved_by_context)
                == (b.start, b.end, b.sentence, b.how, b.resolved_by_context)
                && self.id() == o.id()
                && self.kind() == o.kind()
                && self.name() == o.name()
                && self.doc.str(&a.text) == o.doc.str(&b.text)
                && self.candidates() == o.candidates()
        })
    }

    fn __repr__(&self) -> String {
        let m = self.m();
        format!(
            "Mention(id={:?}, kind={:?}, start={}, end={}, text={:?}, match={:?})",
            self.id(),
            self.kind(),
            m.start,
            m.end,
            self.doc.str(&m.text),
            m.how.as_str()
        )
    }
}

/// The folded form nomina compares (lower case, no accents, typographic variants unified).
#[pyfunction]
fn fold(text: &str) -> String {
    nomina::fold(text)
}

#[pymodule]
fn _nomina(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyGazetteer>()?;
    m.add_class::<PyAnalyzer>()?;
    m.add_class::<PyDocument>()?;
    m.add_class::<PySentence>()?;
    m.add_class::<PyMention>()?;
    m.add_function(wrap_pyfunction!(fold, m)?)?;
    m.add("GazetteerError", m.py().get_type::<GazetteerError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
