import Foundation

/// The user's STAR-template note from the project's seeds, which lives in
/// `shared/seeds/` beside the repository (as CI lays it out). Tests that read
/// it run only where it is present, so a lone clone's `swift test` passes.
public enum SeedNote {
    public static let path: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.deletingLastPathComponent().appendingPathComponent("shared/seeds/003_b0fbc38f8764f580.txt").path
    }()

    public static var isPresent: Bool { FileManager.default.fileExists(atPath: path) }
}
