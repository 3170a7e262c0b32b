import Foundation

/// A file mapped read-only, whose pages can be handed back once they have been read.
///
/// A mapped file's pages count in the process's resident memory for as long as they stay
/// mapped, though they are only the kernel's page cache. Readers that go through a large
/// file once (the CSV reader, the Arrow reader, a checksum) call `release` behind them, so a
/// 200 MB input adds a few megabytes to the resident size instead of 200 MB; a page read
/// again is simply mapped again from the page cache.
///
/// ```swift
/// let file = try MappedFile(path: "Data/orders.csv")
/// file.data.withUnsafeBytes { … }     // the bytes
/// file.release(0..<4 << 20)           // done with the first 4 MiB
/// ```
package struct MappedFile: Sendable {
    /// The file's bytes (the mapping itself; unmapped when the last copy of `data` goes).
    package let data: Data

    /// - Parameter random: the reader will touch a few scattered pages (a preview, picked
    ///   rows): no read-ahead, so that a file not in the page cache costs the pages read,
    ///   not megabytes around each.
    package init(path: String, random: Bool = false) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw MappedFileError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw MappedFileError(path: path, reason: String(cString: strerror(errno))) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw MappedFileError(path: path, reason: "not a regular file") }
        let size = Int(info.st_size)
        if size == 0 {
            data = Data()
            return
        }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
            throw MappedFileError(path: path, reason: String(cString: strerror(errno)))
        }
        if random { madvise(base, size, MADV_RANDOM) }
        data = Data(bytesNoCopy: base, count: size, deallocator: .custom { pointer, count in munmap(pointer, count) })
    }

    /// Drops the pages wholly inside `range` from resident memory (the file is untouched).
    package func release(_ range: Range<Int>) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            let address = Int(bitPattern: base)
            let start = (address + max(0, range.lowerBound) + page - 1) / page * page
            let end = (address + min(raw.count, range.upperBound)) / page * page
            if end > start { madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_DONTNEED) }
        }
    }
}

/// A file that could not be mapped, with the system's reason.
package struct MappedFileError: Error, CustomStringConvertible {
    package var path: String
    package var reason: String
    package var description: String { "cannot read \(path): \(reason)" }
}
