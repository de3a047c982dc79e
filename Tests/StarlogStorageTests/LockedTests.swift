import Dispatch
import StarlogStorage
import Testing

@Suite("Locked")
struct LockedTests {
    @Test("threads that change one value under its lock lose no change")
    func noLostUpdates() {
        let count = Locked(0)
        let list = Locked<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for step in 0..<5_000 {
                count.withLock { $0 += 1 }
                if step % 100 == 0 { list.withLock { $0.append(worker) } }
            }
        }
        #expect(count.withLock { $0 } == 40_000)
        #expect(list.withLock { $0.count } == 400)
    }

    @Test("a typed error thrown under the lock comes out as it is, and the lock is free again")
    func throwsThrough() {
        struct Refused: Error, Equatable {}
        let value = Locked(1)
        #expect(throws: Refused.self) { try value.withLock { (_: inout Int) throws(Refused) in throw Refused() } }
        #expect(value.withLock { $0 } == 1)
    }
}
