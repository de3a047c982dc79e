import StarlogStorage

/// What the repositories of one journal share: its connection and its
/// clock. A repository holds the context and reaches the others through it,
/// so they are wired here once.
struct JournalContext {
    let database: Database
    let clock: JournalClock

    var principles: PrincipleRepository { PrincipleRepository(database: database) }
    var stories: StoryRepository { StoryRepository(context: self) }
    var search: StorySearch { StorySearch(context: self) }
    var lint: LintRepository { LintRepository(context: self) }
    var interviews: InterviewRepository { InterviewRepository(context: self) }
    var questions: QuestionRepository { QuestionRepository(context: self) }
    var practice: PracticeRepository { PracticeRepository(context: self) }
    var coverage: CoverageRepository { CoverageRepository(context: self) }
    var schedule: PracticeSchedule { PracticeSchedule(context: self) }
    var planner: LoopPlanner { LoopPlanner(context: self) }
    var health: HealthCheck { HealthCheck(database: database) }
    /// The story–principle pairs the planner, coverage and the drill weigh.
    var fits: StoryFitReader { StoryFitReader(database: database, lint: lint) }
}

/// A repository over a journal's shared context.
protocol JournalRepository {
    var context: JournalContext { get }
}

extension JournalRepository {
    var database: Database { context.database }
    var clock: JournalClock { context.clock }
    var principles: PrincipleRepository { context.principles }
}
