/// xoshiro256** seeded through SplitMix64: fast, and the same stream on every machine for
/// the same seed, which is what makes samples and seeded fits reproducible.
///
/// ```swift
/// var rng = RandomSource(seed: 42)
/// let u = rng.uniform()        // [0, 1)
/// ```
package struct RandomSource: RandomNumberGenerator, Sendable {
    private var s: (UInt64, UInt64, UInt64, UInt64)

    package init(seed: UInt64) {
        var x = seed
        func splitmix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s = (splitmix(), splitmix(), splitmix(), splitmix())
    }

    package mutating func next() -> UInt64 {
        let result = ((s.1 &* 5) << 7 | (s.1 &* 5) >> 57) &* 9
        let t = s.1 << 17
        s.2 ^= s.0
        s.3 ^= s.1
        s.1 ^= s.2
        s.0 ^= s.3
        s.2 ^= t
        s.3 = s.3 << 45 | s.3 >> 19
        return result
    }

    /// Uniform on [0, 1) with 53 random bits.
    package mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Uniform integer in `0..<n`.
    package mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
