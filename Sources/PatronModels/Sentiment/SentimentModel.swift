import Foundation

/// The learned layer of one language: a logistic regression over hashed word 1–2-grams and
/// character 3–5-grams of the text (int8 weights, one scale) and over dense features of the
/// lexicon's reading (`SentimentScorer.Reading`), trained offline by
/// `Training/sentiment/train.py` and shipped as `model-LANG.bin` beside the lexicons.
///
/// File layout (little-endian): "PSM1", UInt32 hash bits, UInt32 dense count, Float64 scale,
/// Float64 bias, Float64 neutral band, Float64 × dense count, Int8 × 2^bits.
struct SentimentModel: Sendable {
    let bits: Int
    let weights: [Int8]
    let scale: Double
    let bias: Double
    /// A text in which the lexicon finds no sentiment word is neutral when its learned score is
    /// within this distance of 0 (calibrated on the training data's dev part).
    let neutralBand: Double
    let dense: [Double]

    /// What went wrong reading a model file.
    struct FormatError: Error, CustomStringConvertible {
        let description: String
    }

    init(bytes: [UInt8], name: String) throws {
        func fail(_ why: String) -> FormatError {
            FormatError(description: "\(name): \(why); rebuild it with Training/sentiment/train.py")
        }
        var at = 0
        func take(_ n: Int) throws -> ArraySlice<UInt8> {
            guard at + n <= bytes.count else { throw fail("ends early at byte \(at)") }
            defer { at += n }
            return bytes[at..<(at + n)]
        }
        func u32() throws -> UInt32 { try take(4).reversed().reduce(0) { $0 << 8 | UInt32($1) } }
        func f64() throws -> Double { Double(bitPattern: try take(8).reversed().reduce(0) { $0 << 8 | UInt64($1) }) }
        guard Array(try take(4)) == Array("PSM1".utf8) else { throw fail("not a Patron sentiment model") }
        bits = Int(try u32())
        let denseCount = Int(try u32())
        guard (8...24).contains(bits), denseCount == Features.denseCount else {
            throw fail(
                "has \(bits) hash bits and \(denseCount) dense features; this Patron reads \(Features.denseCount)")
        }
        scale = try f64()
        bias = try f64()
        neutralBand = try f64()
        dense = try (0..<denseCount).map { _ in try f64() }
        weights = try take(1 << bits).map { Int8(bitPattern: $0) }
        guard at == bytes.count else { throw fail("has \(bytes.count - at) bytes too many") }
    }

    /// The score in −1…1 (tanh of half the logit: 2·P(positive) − 1), from `sparse`, the mean
    /// over the text's sentences of their summed int8 weights over √(their feature count), and
    /// the lexicon's reading.
    func score(sparse: Double, _ reading: SentimentScorer.Reading) -> Double {
        var z = bias + scale * sparse
        for i in 0..<dense.count { z += dense[i] * reading.dense(i) }
        let s = tanh(z / 2)
        if !reading.hasSentiment && abs(s) < neutralBand { return 0 }
        // A text the lexicon or the model finds sentiment in is never labelled neutral.
        return abs(s) >= 0.05 ? s : s < 0 ? -0.05 : 0.05
    }
}

/// Hashed n-gram features, as the learned layer sees them.
enum Features {
    /// The dense features, in `SentimentScorer.Reading.dense` order.
    static let denseCount = 11
    static let bits = 18

    /// FNV-1a, 32 bits, from a seed.
    @inline(__always) static func fnv(_ p: UnsafePointer<UInt8>, _ count: Int, seed: UInt32) -> UInt32 {
        var h = seed
        for i in 0..<count { h = (h ^ UInt32(p[i])) &* prime }
        return h
    }

    static let prime: UInt32 = 16_777_619, unigramSeed: UInt32 = 2_166_136_261, bigramMix: UInt32 = 0x85EB_CA6B

    /// A hash's bucket among 2^(32 − `shift`): the top bits of a multiplicative mix (FNV's low
    /// bits alone are weak).
    @inline(__always) static func bucket(_ h: UInt32, _ shift: UInt32) -> Int { Int((h &* 0x9E37_79B1) >> shift) }

    /// Calls `add` with the bucket of every feature of one sentence's words: each word, each
    /// pair of neighbouring words, and each 3-, 4- and 5-byte piece of the word framed by
    /// spaces (" word "). The pieces come from a sliding window of the last five bytes, one
    /// multiply each. `shift` is 32 minus the hash bits.
    @inline(__always)
    static func hash(_ r: SentimentScorer.SentenceReader, shift: UInt32, _ add: (Int) -> Void) {
        var previous: UInt32 = 0
        for k in 0..<r.tokenCount {
            let t = r.tokens[k]
            if t.symbolValence != nil { continue }
            let w = r.word(t)
            guard let p = w.baseAddress, w.count > 0 else { continue }
            let u = fnv(p, w.count, seed: unigramSeed)
            add(bucket(u, shift))
            if k > 0 { add(bucket((previous &* bigramMix) ^ u ^ 0x5bd1_e995, shift)) }
            previous = u
            var window: UInt64 = 0x20
            for j in 0...w.count {
                window = window << 8 | UInt64(j < w.count ? p[j] : 0x20)
                if j >= 1 { add(piece(window & 0xFF_FFFF, 3, shift)) }
                if j >= 2 { add(piece(window & 0xFFFF_FFFF, 4, shift)) }
                if j >= 3 { add(piece(window & 0xFF_FFFF_FFFF, 5, shift)) }
            }
        }
    }

    /// The bucket of a piece of `length` bytes packed in `bytes`.
    @inline(__always) static func piece(_ bytes: UInt64, _ length: UInt64, _ shift: UInt32) -> Int {
        Int(UInt32(truncatingIfNeeded: ((bytes | length << 56) &* 0x9E37_79B9_7F4A_7C15) >> 32) >> shift)
    }
}
