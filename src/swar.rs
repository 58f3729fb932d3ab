//! Eight bytes at a time: lane tests on a `u64` loaded from eight text bytes (SWAR). Each test
//! returns the high bit of every lane (byte) where it holds, so `trailing_zeros() / 8` is the
//! first such byte.

/// The high bit of every lane.
pub(crate) const HI: u64 = 0x8080_8080_8080_8080;
/// One in every lane: `LO * c` repeats byte `c`.
const LO: u64 = 0x0101_0101_0101_0101;
const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;

/// The first eight bytes of `w`, little-endian (`None` if it is shorter).
#[inline]
pub(crate) fn load(w: &[u8]) -> Option<u64> {
    let mut k = [0u8; 8];
    k.copy_from_slice(w.get(..8)?);
    Some(u64::from_le_bytes(k))
}

/// Lanes of `x` equal to `c` (exact: no borrow between lanes).
#[inline]
pub(crate) fn eq(x: u64, c: u8) -> u64 {
    let y = x ^ (LO * u64::from(c));
    !(((y & LOW7).wrapping_add(LOW7)) | y) & HI
}

/// Lanes of `x` that are at least `c` (`c <= 0x80`). Only for ASCII `x` (no lane has its high
/// bit set): then adding `0x80 - c` to a lane never carries into the next one.
#[inline]
pub(crate) fn at_least(x: u64, c: u8) -> u64 {
    x.wrapping_add(LO * u64::from(0x80 - c)) & HI
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lane_tests_agree_with_bytes() {
        for a in 0u8..128 {
            for b in [0u8, b' ', b'.', b'A', b'Z', b'a', b'`', 0x7f, a] {
                let bytes = [a, b, a, a, b, b, a, b];
                let x = load(&bytes).unwrap_or(0);
                for c in [0u8, b' ', b'.', b'A', b'[', b'a', 0x7f, 0x80, a, b] {
                    let want_eq = bytes
                        .iter()
                        .enumerate()
                        .fold(0, |m, (k, &v)| m | u64::from(v == c) << (8 * k + 7));
                    assert_eq!(eq(x, c), want_eq, "{bytes:?} == {c}");
                    let want_ge = bytes
                        .iter()
                        .enumerate()
                        .fold(0, |m, (k, &v)| m | u64::from(v >= c) << (8 * k + 7));
                    assert_eq!(at_least(x, c), want_ge, "{bytes:?} >= {c}");
                }
            }
        }
        assert_eq!(load(b"short"), None);
    }
}
