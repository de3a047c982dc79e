/// Invented stories for `starlog demo` and for tests: what a filled-in
/// journal looks like.
public enum SampleStories {
    public static let all: [StoryDraft] = [
        make(
            title: "Cut checkout latency before the holiday peak",
            situation: "Checkout p99 latency had crept up to 2.1 seconds and abandoned carts were rising two months before our busiest season.",
            task: "I owned the payments service and had six weeks to bring p99 under 800 ms without a freeze on features.",
            action: "I profiled the slowest requests, found the fraud check called three services in sequence, batched them into one parallel call, and added a cache for repeat customers. I rehearsed the rollout behind a flag with the on-call team.",
            result: "p99 fell to 600 ms, abandoned carts dropped 8%, and the peak passed with no payment incident.",
            learnings: "Measure before guessing: the slow part was not the one everyone blamed.",
            outcome: .success, company: "Acme Retail", role: "Senior engineer", when: "2023-09",
            principles: ["deliver-results", "dive-deep"]),
        make(
            title: "Owning a missed migration deadline",
            situation: "Our database migration slipped three weeks after I underestimated the data clean-up.",
            task: "I had committed the date to two partner teams who were planning launches around it.",
            action: "I told both teams the day I knew, explained the mistake without excuses, proposed a phased cut-over that unblocked their launches, and wrote a checklist for estimating clean-up work.",
            result: "Both launches shipped on time on the phased plan; the full migration finished two weeks late.",
            learnings: "Say early and plainly when a date is at risk; people plan around honesty, not optimism.",
            outcome: .mixed, company: "Acme Retail", role: "Senior engineer", when: "2022-05",
            principles: ["earn-trust", "ownership"]),
        make(
            title: "Simplifying the deploy pipeline",
            situation: "Deploys took 45 minutes through four hand-written scripts that only two people understood.",
            task: "I wanted any engineer to be able to deploy safely in under ten minutes.",
            action: "I mapped every step, deleted the ones nobody needed, replaced the rest with one declarative pipeline, and paired with each team on its first deploy.",
            result: "Deploys take eight minutes, twelve engineers deploy each week instead of two, and rollback is one command.",
            learnings: "",
            outcome: .success, company: "Globex", role: "Engineer", when: "2021",
            principles: ["invent-and-simplify", "frugality"]),
        make(
            title: "Disagreeing about a rewrite",
            situation: "My lead proposed rewriting our search service from scratch in a new language.",
            task: "I believed an incremental fix was cheaper and safer, and needed to make that case.",
            action: "I gathered incident data, estimated both plans, and presented them in our design review. The team chose the rewrite; I committed to it and led the data-migration part.",
            result: "The rewrite shipped a month late but cut infrastructure cost 30%; my migration plan had no data loss.",
            learnings: "Disagree with data, then commit fully once the call is made.",
            outcome: .success, company: "Globex", role: "Engineer", when: "2020-11",
            principles: ["have-backbone-disagree-and-commit"]),
        make(
            title: "A launch that customers did not want",
            situation: "We built a recommendations panel the product team was sure customers wanted.",
            task: "I led the engineering and was asked to ship it in one quarter.",
            action: "I shipped it on time but skipped the small customer test I had planned, to save two weeks.",
            result: "Clicks were under 1% and we removed the panel after two months.",
            learnings: "I now insist on a small customer test before building; two weeks of testing would have saved a quarter.",
            outcome: .failure, company: "Initech", role: "Tech lead", when: "2019-04",
            principles: ["customer-obsession", "learn-and-be-curious"]),
    ]

    static func make(
        title: String, situation: String, task: String, action: String, result: String, learnings: String,
        outcome: Outcome, company: String, role: String, when: String, principles: [String]
    ) -> StoryDraft {
        var draft = StoryDraft(title: title)
        draft.situation = situation
        draft.task = task
        draft.action = action
        draft.result = result
        draft.learnings = learnings
        draft.outcome = outcome
        draft.company = company
        draft.role = role
        draft.when = StoryDate(when)
        draft.principles = principles
        return draft
    }
}
