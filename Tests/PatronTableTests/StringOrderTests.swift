import Testing

@testable import PatronTable

@Suite struct StringOrderTests {
    /// Byte order with the shorter string first on a tie: how per-customer tables sort ids.
    func before(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        for (x, y) in zip(a, b) where x != y { return x < y }
        return a.count < b.count
    }

    @Test func keysOrderAndGroupLikeTheBytes() {
        var rng: UInt64 = 99
        func next(_ n: Int) -> Int {
            rng = rng &* 6364136223846793005 &+ 1442695040888963407
            return Int(rng >> 33) % n
        }
        // Short ids over a small alphabet (many ties and shared starts), with 0 bytes and the
        // empty string among them.
        let alphabet: [UInt8] = [0, 0x30, 0x31, 0x39, 0x41, 0x7A, 0xC3, 0xFF]
        var buffer = StringBuffer()
        var values = [[UInt8]]()
        for _ in 0..<20_000 {
            let value = (0..<next(9)).map { _ in alphabet[next(alphabet.count)] }
            values.append(value)
            value.withUnsafeBufferPointer { buffer.append(bytesOf: $0) }
        }
        guard let (keys, limit) = buffer.orderKeys() else {
            Issue.record("no keys for short values")
            return
        }
        #expect(keys.allSatisfy { $0 < limit })
        for _ in 0..<50_000 {
            let i = next(values.count), j = next(values.count)
            #expect((keys[i] == keys[j]) == (values[i] == values[j]))
            #expect((keys[i] < keys[j]) == before(values[i], values[j]))
        }
    }

    @Test func denseForTypicalIdsAndNilForLongOnes() {
        var ids = StringBuffer()
        for n in 0..<1_000 { ids.append("C" + String(1_000_000 + n * 997).dropFirst()) }
        let (keys, limit) = ids.orderKeys()!
        // Seven varying digits at most: far below 2^64.
        #expect(limit <= 10_000_000)
        #expect(Set(keys).count == 1_000)
        var short = StringBuffer()
        for id in ["C2", "C10", "C2"] { short.append(id) }
        #expect(short.orderKeys()!.keys == [2, 1, 2])
        var long = StringBuffer()
        for id in ["a", "customer-1"] { long.append(id) }
        #expect(long.orderKeys() == nil)
        #expect(StringBuffer().orderKeys()!.keys.isEmpty)
    }

    @Test func compareIsByteOrderShorterFirst() {
        var a = StringBuffer()
        for s in ["", "A", "AB", "ABC", "AC", "B", "b", "é"] { a.append(s) }
        #expect(a.isStrictlyIncreasing())
        for i in 0..<a.count { for j in 0..<a.count { #expect((StringBuffer.compare(a, i, a, j) < 0) == (i < j)) } }
        var repeated = StringBuffer()
        for s in ["A", "B", "B"] { repeated.append(s) }
        #expect(!repeated.isStrictlyIncreasing())
    }
}
