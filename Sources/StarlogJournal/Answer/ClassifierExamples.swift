import StarlogStorage

/// Reads the labelled texts the principle classifier learns from.
struct ClassifierExamples {
    let database: Database

    /// Every principle's name and summary (two texts), every question of the
    /// bank the user has not hidden (the built-in ones and the user's own),
    /// the distinct question texts of past practice attempts with the
    /// principle each was for, and the questions of interview debriefs that
    /// record the principle they probed. A hidden question is left out: the
    /// user said it is not one of theirs. A practised or debriefed text is
    /// read once per principle, and not at all when it is already a shown
    /// bank question of that principle.
    func all() throws -> [ClassifierExample] {
        var examples: [ClassifierExample] = []
        try database.forEach("SELECT id, name, summary FROM principle ORDER BY id") { row in
            examples.append(ClassifierExample(principleID: row.int64(0), source: .name, text: row.text(1)))
            if !row.text(2).trimmed.isEmpty {
                examples.append(ClassifierExample(principleID: row.int64(0), source: .summary, text: row.text(2)))
            }
        }
        examples += try database.rows("SELECT principle_id, builtin, text FROM question WHERE hidden = 0 ORDER BY id") { row in
            ClassifierExample(principleID: row.int64(0), source: row.int64(1) != 0 ? .bank : .own, text: row.text(2))
        }
        var seen = Set(examples.lazy.filter { $0.source == .bank || $0.source == .own }.map { Key(principleID: $0.principleID, text: $0.text) })
        // The distinct texts practised per principle, one seek each in the
        // index on (principle_id, question): the first text of each
        // principle, then the next after the last one found.
        let practised = try database.rows("""
            WITH RECURSIVE texts(principle_id, question) AS (
                SELECT p.id, (SELECT min(a.question) FROM practice_attempt a WHERE a.principle_id = p.id)
                FROM principle p
                UNION ALL
                SELECT t.principle_id, (SELECT min(a.question) FROM practice_attempt a
                                        WHERE a.principle_id = t.principle_id AND a.question > t.question)
                FROM texts t WHERE t.question IS NOT NULL)
            SELECT principle_id, question FROM texts WHERE question IS NOT NULL
            ORDER BY principle_id, question
            """) { row in
            ClassifierExample(principleID: row.int64(0), source: .practised, text: row.text(1))
        }
        let debriefed = try database.rows("""
            SELECT DISTINCT principle_id, question FROM interview_debrief WHERE principle_id IS NOT NULL
            ORDER BY principle_id, question
            """) { row in
            ClassifierExample(principleID: row.int64(0), source: .debriefed, text: row.text(1))
        }
        let asked = practised + debriefed
        examples += asked.filter { seen.insert(Key(principleID: $0.principleID, text: $0.text)).inserted }
        return examples
    }

    private struct Key: Hashable {
        let principleID: Int64
        let text: String
    }
}

extension Journal {
    /// The principle classifier for `principles`, learned from what the
    /// journal holds now.
    public func classifier(for principles: [Principle]) throws -> PrincipleClassifier {
        try PrincipleClassifier(principles: principles, examples: ClassifierExamples(database: database).all())
    }
}
