//! The one error type of nomina.

use std::path::PathBuf;

/// Why a gazetteer or an analyzer could not be built.
///
/// Analysing text never fails: only construction does. Messages are lower-case and name the
/// offending value; errors read from a file carry its path and 1-based line number.
///
/// A message never repeats its cause: the cause of [`Error::Io`] is its
/// [`source`](std::error::Error::source), so reporters that print the chain (anyhow's `{:#}`)
/// print each part once.
///
/// ```
/// use std::error::Error as _;
/// let e = nomina::Gazetteer::from_tsv_path("no/such/noms.tsv").unwrap_err();
/// assert_eq!(e.to_string(), "cannot read gazetteer no/such/noms.tsv");
/// let cause = e.source().and_then(|c| c.downcast_ref::<std::io::Error>()).unwrap();
/// assert_eq!(cause.kind(), std::io::ErrorKind::NotFound);
/// let e = nomina::Gazetteer::from_tsv_str("Q90\tlocation\n").unwrap_err();
/// assert!(e.to_string().starts_with("<string>:1: expected 3 to 5 tab-separated columns"));
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A line of a gazetteer file (or string) is malformed.
    #[error("{source_name}:{line}: {message}")]
    Parse {
        /// The file path, or a label such as `<string>` for in-memory input.
        source_name: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong with the line.
        message: String,
    },
    /// A gazetteer file could not be read. The I/O error is the [`source`](std::error::Error::source),
    /// not part of the message, so error reporters (anyhow's `{:#}`, `Error::source` chains)
    /// print it once.
    #[error("cannot read gazetteer {path}")]
    Io {
        /// The file that could not be read.
        path: PathBuf,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// An entity or name given to the builder is invalid (empty name, conflicting kinds...).
    #[error("invalid gazetteer entry: {0}")]
    Invalid(String),
    /// The gazetteer exceeds a documented limit.
    #[error("gazetteer too large: {0}")]
    TooLarge(String),
    /// The analyzer options are invalid.
    #[error("invalid option: {0}")]
    Option(String),
    /// The automaton could not be built.
    #[error("cannot build the matcher: {0}")]
    Build(String),
}

/// `Result` with nomina's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
