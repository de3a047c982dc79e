import Dispatch
import StarlogStorage

/// Checks the lint penalties of batches of stories on the other cores while
/// their writer goes on reading and writing. The writer hands over a batch
/// and later asks for its penalties: a worker has checked it by then, or is
/// checking it (the writer waits), or has not started it (the writer checks
/// it itself, so no core idles while work waits).
final class PenaltyPipeline: Sendable {
    /// A batch handed over, and its penalties once checked.
    final class Batch: Sendable {
        fileprivate let stories: [Story]
        fileprivate let claimed = Locked(false)
        fileprivate let penalties = Locked<[Int]?>(nil)
        fileprivate let checked = DispatchSemaphore(value: 0)

        fileprivate init(_ stories: [Story]) {
            self.stories = stories
        }

        /// True for the one caller that gets to check it.
        fileprivate func claim() -> Bool {
            claimed.withLock { claimed in
                defer { claimed = true }
                return !claimed
            }
        }

        fileprivate func check() {
            let result = stories.map(LintRepository.penalty(of:))
            penalties.withLock { $0 = result }
            checked.signal()
        }
    }

    private let waiting = Locked<[Batch]>([])
    /// Workers besides the writer: one core stays with it.
    let workers = max(1, LintRepository.cores - 1)

    init() {}

    /// Hands over `stories`; a worker starts on them when one is free.
    func submit(_ stories: [Story]) -> Batch {
        let batch = Batch(stories)
        waiting.withLock { $0.append(batch) }
        DispatchQueue.global().async { [self] in
            // Each submission wakes one worker for the oldest batch not yet taken.
            while let next = waiting.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) {
                if next.claim() { next.check(); return }
            }
        }
        return batch
    }

    /// The penalties of `batch`'s stories, in order.
    func penalties(of batch: Batch) -> [Int] {
        if batch.claim() {
            waiting.withLock { $0.removeAll { $0 === batch } }
            batch.check()
        } else {
            batch.checked.wait()
            batch.checked.signal()
        }
        return batch.penalties.withLock { $0 ?? [] }
    }
}
