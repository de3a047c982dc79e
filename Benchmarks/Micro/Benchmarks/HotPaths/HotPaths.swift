import Benchmark
import Glibc
import StarlogJournal
import StarlogStorage

/// A journal of `count` stories in a temporary folder, made once per process.
final class Fixture: @unchecked Sendable {
    let folder: String
    let journal: Journal

    init(count: Int) {
        var template = Array("/tmp/starlog-micro-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        folder = String(cString: made!)
        journal = try! Journal.open(at: folder + "/journal.db", clock: .fixed(1_780_000_000))
        let words = ["latency", "checkout", "migration", "team", "customer", "deadline", "incident", "root", "cause", "pipeline"]
        let slugs = ["deliver-results", "ownership", "dive-deep", "earn-trust", "bias-for-action"]
        do {
            for index in 0..<count {
                var draft = StoryDraft(title: "Story \(index) about \(words[index % words.count])")
                let body = (0..<60).map { words[($0 * 7 + index) % words.count] }.joined(separator: " ")
                draft.situation = body
                draft.task = body
                draft.action = body + " \"quoted\" and a tab\there"
                draft.result = body
                draft.principles = [slugs[index % slugs.count], slugs[(index + 2) % slugs.count]]
                _ = try! journal.stories.add(draft)
            }
        }
    }

    deinit {
        for suffix in ["", "-wal", "-shm"] { unlink(folder + "/journal.db" + suffix) }
        rmdir(folder)
    }
}

nonisolated(unsafe) var fixture: Fixture?

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .instructions],
        warmupIterations: 10,
        maxDuration: .seconds(2),
        maxIterations: 10_000)

    Benchmark.setup = { fixture = Fixture(count: 1_000) }
    Benchmark.teardown = { fixture = nil }

    let findSQL = "SELECT id, title, created_at FROM story WHERE id = ?"

    // Statement preparation: a fresh prepare each time against the cached
    // one, on a connection of the benchmark's own to the fixture's file.
    Benchmark("statement: prepare, bind, step, finalize") { benchmark in
        let database = try Database(path: fixture!.journal.path, mode: .readOnly)
        for id in benchmark.scaledIterations {
            let statement = try database.prepare(findSQL)
            blackHole(try statement.first([Int64(id % 1_000 + 1)]) { $0.text(1) })
        }
    }
    Benchmark("statement: cached, bind, step, reset") { benchmark in
        let database = try Database(path: fixture!.journal.path, mode: .readOnly)
        for id in benchmark.scaledIterations {
            blackHole(try database.cached(findSQL).first([Int64(id % 1_000 + 1)]) { $0.text(1) })
        }
    }

    // FTS pattern building from what a user types.
    Benchmark("search query: words, phrase, prefix, section") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(SearchQuery("checkout latency \"root cause\" migrat* result:p99 café").pattern)
        }
    }

    // Row decoding: one story (14 columns and its principles) and a page of 20.
    Benchmark("decode: find one story") { benchmark in
        let stories = fixture!.journal.stories
        for id in benchmark.scaledIterations {
            blackHole(try stories.find(Int64(id % 1_000 + 1)))
        }
    }
    Benchmark("decode: list a principle's newest 20") { benchmark in
        let stories = fixture!.journal.stories
        for _ in benchmark.scaledIterations {
            blackHole(try stories.list(StoryFilter(principle: "dive-deep", limit: 20)))
        }
    }
    Benchmark("search: a common word, 20 hits with snippets") { benchmark in
        let search = fixture!.journal.search
        for _ in benchmark.scaledIterations {
            blackHole(try search.search(SearchQuery("latency"), limit: 20))
        }
    }

    // JSON rendering of a story, as show --json and export write it.
    Benchmark("json: render one story") { benchmark in
        let story = try fixture!.journal.stories.require(1)
        for _ in benchmark.scaledIterations {
            blackHole(story.json.rendered(indent: 2))
        }
    }
}
