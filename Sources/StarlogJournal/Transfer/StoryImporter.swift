#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StarlogStorage

/// The work of one import, inside the transaction `importStories` opened.
final class StoryImporter {
    let journal: Journal
    var database: Database { journal.database }
    let lookup: PrincipleLookup
    /// Content hash → ids of stories with that hash, for the duplicate check.
    /// One id per hash; the rare further stories with a hash already
    /// taken go to `knownMore`. (An array per hash cost about 5 MB of
    /// memory at 100,000 stories.)
    private var known: [Int: Int64] = [:]
    private var knownMore: [Int: [Int64]] = [:]
    /// A story's id in the file → its id in the journal.
    private(set) var storyIDs: [Int64: Int64] = [:]
    let now: String

    /// Checks the lint penalties of the stories to add on the other cores,
    /// so each is written with its penalty; nil for a dry run, which
    /// writes stories without one and rolls back.
    private let penalties: PenaltyPipeline?

    init(journal: Journal, checksPenalties: Bool) {
        self.journal = journal
        self.lookup = PrincipleLookup(repository: journal.principles)
        self.now = journal.clock.timestamp()
        self.penalties = checksPenalties ? PenaltyPipeline() : nil
    }

    /// A story read from the file, its principles resolved, waiting for its
    /// lint penalty before it is added (or found to be a duplicate).
    private struct Waiting {
        let draft: StoryDraft
        let tags: [Principle]
        let hash: Int
        let fileID: Int64?
        let createdAt: String
        let updatedAt: String
    }

    /// Stories read and not yet handed to the pipeline, then the batches
    /// handed over, oldest first.
    private var collecting: [Waiting] = []
    private var handedOver: [(batch: PenaltyPipeline.Batch, stories: [Waiting])] = []
    /// Stories per batch.
    private static let batchSize = 256

    /// The text of the story table's full-text insert trigger while the
    /// import has lifted it (see `deferIndexing`).
    private var liftedIndexTrigger: String?

    /// The text of the readiness totals' insert triggers while the import
    /// has lifted them (see `deferTotals`).
    private var liftedTotalsTriggers: [String] = []

    /// The highest practice attempt id before the import (0 for none).
    private(set) var lastAttemptBefore: Int64 = 0

    /// Reads the hashes of the stories already in the journal, and defers
    /// the indexing of new stories to `finish`.
    func prepare() throws {
        if try database.tableExists("practice_attempt") {
            lastAttemptBefore = try database.integer("SELECT coalesce(max(id), 0) FROM practice_attempt") ?? 0
        }
        try database.forEach("SELECT id, title, situation, task, action, result, learnings FROM story") { row in
            let hash = Self.identity(title: row.text(1), situation: row.text(2), task: row.text(3),
                                     action: row.text(4), result: row.text(5), learnings: row.text(6))
            remember(hash, row.int64(0))
        }
        try deferIndexing()
        try deferTotals()
    }

    /// Lifts the readiness totals' per-row insert triggers for the import's
    /// transaction; `finishTotals` fills the totals in bulk and puts them
    /// back. Like the index trigger, a failed, dry or killed import rolls
    /// the lifting back.
    private func deferTotals() throws {
        for name in ReadinessTotals.insertTriggers {
            guard let trigger = try database.first(
                "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?", [name], { $0.text(0) }) else { continue }
            // The name is one of the program's own triggers.
            try database.execute("DROP TRIGGER main.\(name.quotedDatabaseIdentifier)")
            liftedTotalsTriggers.append(trigger)
        }
    }

    /// Brings the readiness totals up to date for everything the import
    /// wrote (call it after the import's last write) and restores their
    /// insert triggers.
    func finishTotals() throws {
        guard !liftedTotalsTriggers.isEmpty else { return }
        try ReadinessTotals.fill(database, attemptsAfter: lastAttemptBefore)
        for trigger in liftedTotalsTriggers { try database.execute(trigger) }
        liftedTotalsTriggers = []
    }

    /// FTS5 writes the words it holds to a new index segment at every
    /// statement savepoint, and each `INSERT INTO story` runs the insert
    /// trigger inside one. Story by story, an import built the index out of
    /// one tiny segment per story and merged them over and over (22% of an
    /// import's time at 1,000 stories, most of it at 100,000). So for the
    /// length of its transaction the import lifts that trigger, notes each
    /// new story's id, and `finish` indexes them all with one statement, as
    /// a bulk load does, then puts the trigger back from its own text. A
    /// failed, dry or killed import rolls back, and the trigger with it.
    private func deferIndexing() throws {
        let trigger = try database.first(
            "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'story_fts_after_insert' AND tbl_name = 'story'"
        ) { $0.text(0) }
        guard let trigger else { return }
        try database.execute("""
            CREATE TEMP TABLE IF NOT EXISTS import_new_story (id INTEGER PRIMARY KEY);
            DELETE FROM temp.import_new_story;
            DROP TRIGGER main.story_fts_after_insert;
            """)
        liftedIndexTrigger = trigger
    }

    /// Indexes the stories the import added and restores the insert trigger.
    func finish() throws {
        guard let trigger = liftedIndexTrigger else { return }
        try database.execute("""
            INSERT INTO story_fts (rowid, title, situation, task, action, result, learnings)
            SELECT s.id, s.title, s.situation, s.task, s.action, s.result, s.learnings
            FROM temp.import_new_story AS n JOIN story AS s ON s.id = n.id
            ORDER BY n.id;
            DROP TABLE temp.import_new_story;
            """)
        try database.execute(trigger)
        liftedIndexTrigger = nil
    }

    private func remember(_ hash: Int, _ id: Int64) {
        if known[hash] == nil { known[hash] = id } else { knownMore[hash, default: []].append(id) }
    }

    /// What makes two stories the same for an import: the same Situation,
    /// Task, Action and Result, whatever their titles (so notes imported
    /// again after the stories were retitled add nothing). A story whose
    /// four sections are all empty is the same as one with its title and
    /// learnings.
    static func identity(title: String, situation: String, task: String, action: String, result: String, learnings: String) -> Int {
        if situation.isEmpty && task.isEmpty && action.isEmpty && result.isEmpty {
            return hash("title", title, learnings)
        }
        return hash("star", situation, task, action, result)
    }

    static func hash(_ fields: String...) -> Int {
        var hasher = Hasher()
        for field in fields { hasher.combine(field) }
        return hasher.finalize()
    }

    /// The id of a story the journal already has that is the same as
    /// `draft` (see `identity`), if any.
    func existing(_ draft: StoryDraft, hash: Int) throws -> Int64? {
        guard let first = known[hash] else { return nil }
        let starless = draft.situation.isEmpty && draft.task.isEmpty && draft.action.isEmpty && draft.result.isEmpty
        for id in [first] + (knownMore[hash] ?? []) {
            let same = try database.cached(
                starless
                    ? "SELECT 1 FROM story WHERE id = ? AND situation = '' AND task = '' AND action = '' AND result = '' AND title = ? AND learnings = ?"
                    : "SELECT 1 FROM story WHERE id = ? AND situation = ? AND task = ? AND action = ? AND result = ?"
            ).first(starless ? [id, draft.title, draft.learnings] : [id, draft.situation, draft.task, draft.action, draft.result]) { _ in true }
            if same == true { return id }
        }
        return nil
    }

    /// Adds one story unless the journal has it; counts it either way.
    /// With penalties checked, stories wait in batches while the pipeline
    /// checks them and are added in file order; `addWaitingStories` adds
    /// the rest before anything that refers to them.
    func add(_ draft: StoryDraft, fileID: Int64?, createdAt: String?, updatedAt: String?,
             place: String, into report: inout ImportReport) throws {
        let tags: [Principle]
        do {
            var seen = Set<Int64>()
            tags = try draft.principles.map(lookup.resolve).filter { seen.insert($0.id).inserted }
        } catch let error as JournalError {
            throw ImportProblem(place: place, cause: error)
        }
        let created = createdAt ?? now
        let story = Waiting(
            draft: draft, tags: tags,
            hash: Self.identity(title: draft.title, situation: draft.situation, task: draft.task,
                                action: draft.action, result: draft.result, learnings: draft.learnings),
            fileID: fileID, createdAt: created, updatedAt: updatedAt ?? created)
        guard let penalties else { return try insert(story, penalty: nil, into: &report) }
        collecting.append(story)
        guard collecting.count == Self.batchSize else { return }
        handedOver.append((penalties.submit(collecting.map(Self.lintable)), collecting))
        collecting.removeAll(keepingCapacity: true)
        // Batches in flight: one per worker, one for this thread.
        while handedOver.count > penalties.workers + 1 { try addOldestBatch(penalties, into: &report) }
    }

    /// Adds every story still waiting for its penalty.
    func addWaitingStories(into report: inout ImportReport) throws {
        guard let penalties else { return }
        if !collecting.isEmpty {
            handedOver.append((penalties.submit(collecting.map(Self.lintable)), collecting))
            collecting.removeAll()
        }
        while !handedOver.isEmpty { try addOldestBatch(penalties, into: &report) }
    }

    private func addOldestBatch(_ pipeline: PenaltyPipeline, into report: inout ImportReport) throws {
        let (batch, stories) = handedOver.removeFirst()
        for (story, penalty) in zip(stories, pipeline.penalties(of: batch)) {
            try insert(story, penalty: penalty, into: &report)
        }
    }

    /// The story as it will be written, for the lint rules (which read
    /// neither its id nor its principles).
    private static func lintable(_ story: Waiting) -> Story {
        let draft = story.draft
        return Story(id: 0, title: draft.title, situation: draft.situation, task: draft.task, action: draft.action,
                     result: draft.result, learnings: draft.learnings, outcome: draft.outcome,
                     company: draft.company.nonBlank, role: draft.role.nonBlank, when: draft.when,
                     createdAt: story.createdAt, updatedAt: story.updatedAt)
    }

    private func insert(_ story: Waiting, penalty: Int?, into report: inout ImportReport) throws {
        let draft = story.draft
        if let id = try existing(draft, hash: story.hash) {
            report.duplicates += 1
            if let fileID = story.fileID { storyIDs[fileID] = id }
            return
        }
        var id: Int64? = nil
        if let fileID = story.fileID, try database.cached("SELECT count(*) FROM story WHERE id = ?").integer([fileID]) == 0 {
            id = fileID
        }
        try database.cached("""
            INSERT INTO story (id, title, situation, task, action, result, learnings, outcome,
                               company, role, happened, created_at, updated_at, lint_penalty, lint_checked)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute([id, draft.title, draft.situation, draft.task, draft.action, draft.result, draft.learnings,
                  draft.outcome.rawValue, draft.company.nonBlank, draft.role.nonBlank, draft.when?.text,
                  story.createdAt, story.updatedAt, penalty.map(Int64.init),
                  penalty.map { _ in LintRepository.cacheVersion + story.updatedAt }])
        let newID = database.lastInsertRowID
        if liftedIndexTrigger != nil {
            try database.cached("INSERT INTO temp.import_new_story (id) VALUES (?)").execute([newID])
        }
        for principle in story.tags {
            try database.cached("INSERT INTO story_principle (story_id, principle_id) VALUES (?, ?)").execute([newID, principle.id])
        }
        remember(story.hash, newID)
        if let fileID = story.fileID { storyIDs[fileID] = newID }
        report.added += 1
    }
}
