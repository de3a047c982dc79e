import Foundation

/// Reference data in `Tests/Fixtures`, written by the committed generator
/// scripts beside it (Python, from PyPI packages nobody on the project
/// wrote). The tests read the files; only regenerating them needs Python.
public enum Fixture {
    public static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The parsed JSON document `name` (for example `fsrs_reference.json`).
    public static func json(_ name: String) throws -> Any {
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        return try JSONSerialization.jsonObject(with: data)
    }
}
