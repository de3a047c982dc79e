import Foundation
import StarlogStorage
import Testing

@testable import StarlogJournal

/// The partial index `story_lint_unchecked` (migration 10) lets the lint
/// cache's check read only the stories whose penalty is out of date.
@Suite("Lint cache: the index of unchecked stories")
struct LintUncheckedIndexTests {
    @Test("the index is made with the condition the check uses, and its version tag")
    func sameCondition() throws {
        let test = try TestJournal()
        let sql = try #require(try test.journal.database.first(
            "SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = 'story_lint_unchecked'") { $0.text(0) })
        let words = { (text: String) in text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        #expect(words(sql).hasSuffix("WHERE " + words(LintRepository.uncheckedCondition)), "\(sql)")
        #expect(LintRepository.uncheckedCondition.contains("'" + LintRepository.cacheVersion + "'"))
    }

    @Test("the index holds exactly the stories a full pass finds unchecked, and the check empties it")
    func holdsTheUnchecked() throws {
        let test = try TestJournal()
        for index in 0..<6 {
            try test.add("Story \(index)") { $0.result = "it went well \(index)" }
        }
        let database = test.journal.database
        func indexed() throws -> [Int64] {
            try database.rows("SELECT id FROM story INDEXED BY story_lint_unchecked WHERE "
                              + LintRepository.uncheckedCondition + " ORDER BY id") { $0.int64(0) }
        }
        func scanned() throws -> [Int64] {
            try database.rows("""
                SELECT id FROM story NOT INDEXED
                WHERE lint_penalty IS NULL OR lint_checked IS NOT (? || updated_at) ORDER BY id
                """, [LintRepository.cacheVersion]) { $0.int64(0) }
        }
        #expect(try indexed().isEmpty)
        // Written by another program: a new story, a changed one, one
        // checked by older rules, one whose penalty was cleared.
        try database.execute("""
            INSERT INTO story (title, situation, created_at, updated_at)
            VALUES ('From elsewhere', 'typed in the sqlite3 shell', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
            UPDATE story SET result = 'changed', updated_at = '2026-01-02T00:00:00Z' WHERE id = 2;
            UPDATE story SET lint_checked = 'lint-1 ' || updated_at WHERE id = 3;
            UPDATE story SET lint_penalty = NULL WHERE id = 5;
            """)
        #expect(try indexed() == [2, 3, 5, 7])
        #expect(try indexed() == (try scanned()))
        _ = try test.journal.lint.refreshPenalties()
        #expect(try indexed().isEmpty)
        #expect(try scanned().isEmpty)
    }
}
