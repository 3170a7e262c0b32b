import PatronSupport
import Testing

@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func knownVectors(input: String, digest: String) {
        #expect(SHA256.hash(input).hex == digest)
    }

    @Test func streamingEqualsOneShot() {
        let data = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var h = SHA256()
        for chunk in stride(from: 0, to: data.count, by: 77) {
            h.update(Array(data[chunk..<min(chunk + 77, data.count)]))
        }
        var one = SHA256()
        one.update(data)
        #expect(h.finalize() == one.finalize())
        var million = SHA256()
        million.update([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
        #expect(million.finalize().hex == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
