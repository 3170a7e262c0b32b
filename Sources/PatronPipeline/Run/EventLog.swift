import Foundation

/// Where a run reports what it does: text lines for people, JSON lines for cron and log
/// collectors, and a live progress line only when standard error is a terminal.
package struct EventLog: Sendable {
    package enum Format: String, Sendable, CaseIterable {
        case text, json
    }

    package let format: Format
    package let quiet: Bool
    package let interactive: Bool
    /// With `PATRON_TRACE=1` in the environment every progress line is kept and stamped with
    /// the seconds since the log was made: where a long stage spends its time.
    package let trace: Bool
    private let start = DispatchTime.now()

    package init(
        format: Format = .text, quiet: Bool = false, interactive: Bool = isatty(2) != 0,
        trace: Bool = ProcessInfo.processInfo.environment["PATRON_TRACE"] == "1"
    ) {
        self.format = format
        self.quiet = quiet
        self.interactive = interactive && format == .text && !quiet
        self.trace = trace
    }

    /// Reports an event: `text` for people; `fields` become a JSON object in json mode.
    /// Errors are shown even when quiet.
    package func event(_ name: String, _ fields: [String: Value], text: String, isError: Bool = false) {
        if quiet && !isError { return }
        switch format {
        case .text:
            emit((interactive ? "\r\u{1B}[K" : "") + text + "\n")
        case .json:
            var all = fields
            all["event"] = .string(name)
            all["time"] = .string(EventLog.timestamp())
            emit(Value.map(all.map { .init($0.key, $0.value) }).canonicalJSON + "\n")
        }
    }

    /// A transient status line, overwritten by the next one; terminal only.
    package func progress(_ text: String) {
        if trace {
            guard !text.isEmpty else { return }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            emit(String(format: "[%8.3f s] ", seconds) + text + "\n")
            return
        }
        guard interactive else { return }
        emit("\r\u{1B}[K" + String(text.prefix(100)))
    }

    private func emit(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(2, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { break }
                offset += n
            }
        }
    }

    /// UTC time as `2025-06-30T12:00:00Z`.
    package static func timestamp(_ date: Date = Date()) -> String {
        var t = time_t(date.timeIntervalSince1970)
        var parts = tm()
        gmtime_r(&t, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return
            "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}
