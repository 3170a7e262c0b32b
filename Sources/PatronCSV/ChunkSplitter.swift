import Foundation

/// Finds record boundaries for parallel parsing.
///
/// A newline ends a record exactly when an even number of quote characters precedes it
/// (doubled quotes inside quoted fields count twice, so they keep the parity). Quote counts
/// per piece are taken in parallel; each nominal split point then moves forward to the
/// first newline at even parity. A file with a stray quote outside quoted fields breaks the
/// parity rule; the reader detects that (a piece ends inside a quoted field) and re-reads
/// the file in one pass.
enum ChunkSplitter {
    /// Index just past the first newline outside quotes in `bytes`, or `bytes.count`.
    static func recordEnd(_ bytes: UnsafeRawBufferPointer, quote: UInt8, startParity: Bool = false) -> Int {
        var odd = startParity
        for (i, b) in bytes.enumerated() {
            if b == quote { odd.toggle() } else if b == 10, !odd { return i + 1 }
        }
        return bytes.count
    }

    static func quoteCount(_ bytes: UnsafeRawBufferPointer, quote: UInt8) -> Int { countByte(quote, in: bytes) }

    /// Boundaries `[start, b1, …, end]` of pieces of about `chunkSize` bytes, each starting
    /// at a record start.
    static func boundaries(
        _ data: Data, from start: Int, chunkSize: Int, quote: UInt8, parallelism: Int,
        release: @escaping @Sendable (Range<Int>) -> Void = { _ in }
    ) async -> [Int] {
        let end = data.count
        let size = max(1, chunkSize)
        let pieces = max(1, (end - start + size - 1) / size)
        if pieces == 1 { return [start, end] }
        let nominal = (0...pieces).map { min(end, start + $0 * size) }
        // Quote counts per nominal piece, in parallel.
        let counts = await withTaskGroup(of: [(Int, Int)].self) { group in
            let lanes = max(1, min(parallelism, pieces))
            for lane in 0..<lanes {
                group.addTask {
                    stride(from: lane, to: pieces, by: lanes).map { k in
                        defer { release(nominal[k]..<nominal[k + 1]) }
                        return (
                            k,
                            data.withUnsafeBytes {
                                quoteCount(
                                    UnsafeRawBufferPointer(rebasing: $0[nominal[k]..<nominal[k + 1]]), quote: quote)
                            }
                        )
                    }
                }
            }
            var counts = [Int](repeating: 0, count: pieces)
            for await partial in group { for (k, n) in partial { counts[k] = n } }
            return counts
        }
        var result = [start]
        var parityBefore = 0
        var reach = start
        for k in 0..<pieces {
            // A piece whose start the previous cut already passed would find that same cut
            // again (every newline in between is inside quotes): skip it, so that a file with
            // one enormous record is scanned once, not once per piece.
            if k > 0, nominal[k] >= reach {
                let cut = data.withUnsafeBytes { raw in
                    nominal[k]
                        + recordEnd(
                            UnsafeRawBufferPointer(rebasing: raw[nominal[k]..<end]), quote: quote,
                            startParity: parityBefore & 1 == 1)
                }
                if cut > result.last!, cut < end { result.append(cut) }
                reach = max(reach, cut)
            }
            parityBefore += counts[k]
        }
        result.append(end)
        return result
    }
}
