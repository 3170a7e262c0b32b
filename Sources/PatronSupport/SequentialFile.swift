import Foundation

/// A file written front to back through a small aligned buffer, with direct I/O (`O_DIRECT`)
/// where the file system takes it.
///
/// Cached tables are written once and read back, if ever, much later: passing them through
/// the page cache costs a copy into freshly allocated kernel pages, which on the virtual
/// machines this project runs on is the slow part of a write (about 60 MB/s at times against
/// 0.8–1.1 GB/s direct). Direct I/O needs whole 4 KiB blocks from aligned memory, so bytes
/// are gathered in a 1 MiB aligned buffer; the last block is padded and the file truncated
/// to its true length. Where direct I/O is refused (tmpfs, some network file systems) the
/// same writes go through the page cache.
///
/// `observe` sees every byte of the file once, in order — to checksum it without reading
/// it back.
///
/// ```swift
/// var file = try SequentialFile(path: "out.arrow")
/// try file.write(header)
/// try file.finish()
/// ```
package struct SequentialFile {
    static let blockSize = 4096
    static let bufferSize = 1 << 20

    private let fd: Int32
    private let path: String
    private var direct: Bool
    private let buffer: UnsafeMutableRawPointer
    private var filled = 0
    /// Bytes of the file before the buffer.
    private var flushed = 0
    private let observe: ((UnsafeRawBufferPointer) -> Void)?
    /// The first write that failed, for the Arrow writer, which does not stop to check.
    package private(set) var failure: Error? = nil

    /// Bytes written so far.
    package var count: Int { flushed + filled }

    /// - Parameter direct: try direct I/O (false: through the page cache, as where it is refused).
    package init(
        path: String, direct wantDirect: Bool = true, observe: ((UnsafeRawBufferPointer) -> Void)? = nil
    ) throws {
        let flags = O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC
        var fd = Self.directFlag == 0 || !wantDirect ? -1 : open(path, flags | Self.directFlag, 0o644)
        direct = fd >= 0
        if fd < 0 { fd = open(path, flags, 0o644) }
        guard fd >= 0 else {
            throw FileWriteError(description: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        self.fd = fd
        self.path = path
        self.observe = observe
        buffer = UnsafeMutableRawPointer.allocate(byteCount: Self.bufferSize, alignment: Self.blockSize)
    }

    /// `O_DIRECT`, which Glibc's Swift module does not export (its value depends on the
    /// architecture); 0 where unknown.
    static var directFlag: Int32 {
        #if os(Linux) && (arch(x86_64) || arch(i386))
        return 0o40000
        #elseif os(Linux) && (arch(arm64) || arch(arm))
        return 0o200000
        #else
        return 0
        #endif
    }

    package mutating func write(_ bytes: UnsafeRawBufferPointer) throws {
        var from = 0
        while from < bytes.count {
            let n = min(bytes.count - from, Self.bufferSize - filled)
            (buffer + filled).copyMemory(from: bytes.baseAddress! + from, byteCount: n)
            filled += n
            from += n
            if filled == Self.bufferSize { try flush() }
        }
    }

    package mutating func write(_ bytes: [UInt8]) throws { try bytes.withUnsafeBytes { try write($0) } }

    /// Writes the buffer out: whole blocks, the last one padded with zeros on the final flush.
    private mutating func flush(final: Bool = false) throws {
        guard filled > 0 else { return }
        observe?(UnsafeRawBufferPointer(start: buffer, count: filled))
        var length = filled
        if direct && final && length % Self.blockSize != 0 {
            let padded = (length + Self.blockSize - 1) / Self.blockSize * Self.blockSize
            (buffer + length).initializeMemory(as: UInt8.self, repeating: 0, count: padded - length)
            length = padded
        }
        var done = 0
        while done < length {
            let n = pwrite(fd, buffer + done, length - done, off_t(flushed + done))
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EINVAL && direct {
                    // Direct I/O accepted at open but not for this write: the page cache then.
                    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~Self.directFlag)
                    direct = false
                    length = filled
                    continue
                }
                throw FileWriteError(description: "cannot write \(path): \(String(cString: strerror(errno)))")
            }
            done += n
        }
        flushed += filled
        filled = 0
    }

    /// Writes what is left, sets the file's true length and closes it; the buffer is freed
    /// whether or not this succeeds.
    package mutating func finish() throws {
        defer { buffer.deallocate() }
        do {
            let wasDirect = direct
            try flush(final: true)
            if wasDirect && ftruncate(fd, off_t(flushed)) != 0 {
                throw FileWriteError(description: "cannot write \(path): \(String(cString: strerror(errno)))")
            }
        } catch {
            _ = close(fd)
            throw error
        }
        if close(fd) != 0 {
            throw FileWriteError(description: "cannot close \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Closes the file and frees the buffer after a failure elsewhere.
    package func abandon() {
        buffer.deallocate()
        _ = close(fd)
    }
}

extension SequentialFile {
    /// Writes `bytes` to `path`, created or replaced, as `SequentialFile` does.
    ///
    /// ```swift
    /// try SequentialFile.write(Array(csv.utf8), to: "Reports/weekly/customers.csv")
    /// ```
    package static func write(_ bytes: [UInt8], to path: String) throws {
        var file = try SequentialFile(path: path)
        do { try file.write(bytes) } catch {
            file.abandon()
            throw error
        }
        try file.finish()
    }
}

extension SequentialFile {
    /// Writes `bytes`; a failure is kept and thrown by `finish()` (for writers that cannot
    /// throw at each piece).
    package mutating func put(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil else { return }
        do { try write(bytes) } catch { failure = error }
    }
}

/// A file that could not be written (disk full, no permission), with the system's reason.
package struct FileWriteError: Error, CustomStringConvertible {
    package let description: String
    package init(description: String) { self.description = description }
}
