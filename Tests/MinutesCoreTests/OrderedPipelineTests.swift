import Foundation
@testable import MinutesCore
import Synchronization
import Testing

/// `OrderedPipeline`: results in item order whatever order the workers finish in, a bounded
/// lead of the workers over the caller, and a clean stop when the caller throws.
@Suite("Ordered pipeline")
struct OrderedPipelineTests {
    /// A job whose time varies from item to item (so workers finish out of order).
    static func uneven(_ number: Int) -> UInt64 {
        var x = UInt64(number) &* 0x9E37_79B9_7F4A_7C15
        for _ in 0..<((number * 7919) % 20_000) { x = x &* 6_364_136_223_846_793_005 &+ 1 }
        return x
    }

    @Test(arguments: [1, 2, 3, 8])
    func deliversEveryResultInItemOrder(workers: Int) {
        let expected = (0..<500).map(Self.uneven)
        var seen: [Int] = []
        OrderedPipeline.run(count: 500, workers: workers, window: 5, makeJob: { { ($0, Self.uneven($0)) } }, deliver: { number, result in
            #expect(result.0 == number && result.1 == expected[number])
            seen.append(number)
        })
        #expect(seen == Array(0..<500))
    }

    @Test func workersStayWithinTheWindow() {
        let started = Mutex(0)
        var worstLead = 0
        OrderedPipeline.run(count: 300, workers: 4, window: 6, makeJob: {
            { number in
                started.withLock { $0 = max($0, number + 1) }
                return Self.uneven(number)
            }
        }, deliver: { number, _ in
            // Item `number` has been taken: items up to `number + window` may have been started.
            worstLead = max(worstLead, started.withLock { $0 } - number - 1)
        })
        #expect(worstLead <= 6)
    }

    @Test func eachWorkerMakesItsJobOnce() {
        let made = Mutex(0)
        OrderedPipeline.run(count: 200, workers: 3, makeJob: {
            made.withLock { $0 += 1 }
            return { $0 }
        }, deliver: { _, _ in })
        #expect(made.withLock { $0 } == 3)
    }

    struct Stop: Error {}

    @Test func aThrowingCallerStopsTheWorkers() {
        let started = Mutex(0)
        var delivered = 0
        #expect(throws: Stop.self) {
            try OrderedPipeline.run(count: 10_000, workers: 2, window: 4, makeJob: {
                { number in started.withLock { $0 += 1 }; return number }
            }, deliver: { number, _ in
                delivered += 1
                if number == 20 { throw Stop() }
            })
        }
        #expect(delivered == 21)
        // The workers were joined before the error came out, and started little past the failure.
        #expect(started.withLock { $0 } <= 21 + 4 + 2)
    }

    @Test func noItemsRunsNothing() {
        OrderedPipeline.run(count: 0, makeJob: { { (_: Int) -> Int in Issue.record("job ran"); return 0 } }, deliver: { _, _ in
            Issue.record("deliver ran")
        })
    }
}
