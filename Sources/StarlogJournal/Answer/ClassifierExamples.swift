import StarlogStorage

/// Reads the labelled texts the principle classifier learns from.
struct ClassifierExamples {
    let database: Database

    /// Every principle's name and summary (two texts), every question of the bank (the
    /// built-in ones and the user's own), and the distinct question texts of
    /// past practice attempts with the principle each was for. A practised
    /// text that is already a bank question of the same principle is read once.
    func all() throws -> [ClassifierExample] {
        var examples: [ClassifierExample] = []
        try database.forEach("SELECT id, name, summary FROM principle ORDER BY id") { row in
            examples.append(ClassifierExample(principleID: row.int64(0), source: .name, text: row.text(1)))
            if !row.text(2).trimmed.isEmpty {
                examples.append(ClassifierExample(principleID: row.int64(0), source: .summary, text: row.text(2)))
            }
        }
        examples += try database.rows("SELECT principle_id, builtin, text FROM question ORDER BY id") { row in
            ClassifierExample(principleID: row.int64(0), source: row.int64(1) != 0 ? .bank : .own, text: row.text(2))
        }
        examples += try database.rows("""
            SELECT DISTINCT a.principle_id, a.question FROM practice_attempt a
            WHERE a.principle_id IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM question q WHERE q.principle_id = a.principle_id AND q.text = a.question)
            ORDER BY a.principle_id, a.question
            """) { row in
            ClassifierExample(principleID: row.int64(0), source: .practised, text: row.text(1))
        }
        return examples
    }
}

extension Journal {
    /// The principle classifier for `principles`, learned from what the
    /// journal holds now.
    public func classifier(for principles: [Principle]) throws -> PrincipleClassifier {
        try PrincipleClassifier(principles: principles, examples: ClassifierExamples(database: database).all())
    }
}
