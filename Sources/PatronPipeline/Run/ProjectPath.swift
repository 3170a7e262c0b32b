import Foundation

/// Where a path really points, for the rule that pipelines write only inside their project.
///
/// The path is resolved the way the kernel would: component by component from the project
/// root (or `/`), `..` stepping to the parent of what is resolved so far and every existing
/// component followed through symlinks. So `Reports/../../etc`, `/project/../etc` and a
/// `Reports` folder that is a symlink to `/tmp` all resolve outside.
///
/// ```swift
/// ProjectPath.isInside("Reports/weekly", root: "/srv/shop")   // true
/// ProjectPath.isInside("../elsewhere", root: "/srv/shop")     // false
/// ```
package enum ProjectPath {
    /// `path` made absolute: itself when it starts with `/`, else under `root` (the project).
    /// The one rule for every path a pipeline file or the command line gives: cache keys hash
    /// the file at this path, and stages read the same one.
    package static func absolute(_ path: String, root: String) -> String {
        path.hasPrefix("/") ? path : (root.hasSuffix("/") ? root + path : root + "/" + path)
    }

    /// The absolute path `path` (relative to `root` unless absolute) points at.
    package static func resolve(_ path: String, root: String) -> String {
        var current = path.hasPrefix("/") ? "" : real(root)
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                current =
                    (current as NSString).deletingLastPathComponent == "/"
                    ? "" : (current as NSString).deletingLastPathComponent
            default:
                let candidate = current + "/" + component
                current = FileManager.default.fileExists(atPath: candidate) ? real(candidate) : candidate
            }
        }
        return current.isEmpty ? "/" : current
    }

    /// Whether `path` resolves to `root` or somewhere under it.
    package static func isInside(_ path: String, root: String) -> Bool {
        let base = real(root)
        let resolved = resolve(path, root: root)
        return resolved == base || resolved.hasPrefix(base == "/" ? "/" : base + "/")
    }

    static func real(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        let text = String(cString: resolved)
        return text == "/" ? "" : text
    }
}
