//! The hasher of the crate's build-time maps.
//!
//! It lives at the bottom of the module graph: the gazetteer, the compiled index and the
//! catalog all use it.

/// A fast, non-cryptographic hasher (FxHash) for build-time maps: keys are our own folded
/// names, not attacker-chosen, and SipHash dominated the build of large gazetteers.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct BuildFx;

impl std::hash::BuildHasher for BuildFx {
    type Hasher = FxHasher;
    fn build_hasher(&self) -> FxHasher {
        FxHasher(0)
    }
}

/// See [`BuildFx`].
pub(crate) struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in chunks.by_ref() {
            let mut a = [0u8; 8];
            a.copy_from_slice(c);
            self.write_u64(u64::from_le_bytes(a));
        }
        for &b in chunks.remainder() {
            self.write_u64(u64::from(b));
        }
    }
    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }
    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        // The multiply leaves the high bits well mixed and the low ones poor; hashbrown takes
        // its bucket from the low bits, so bring the high bits down (as rustc-hash 2 does).
        self.0.rotate_left(26)
    }
}
