import Foundation

/// Runs one job per item on worker threads (one per core) and hands the results to the calling
/// thread in item order, as they become ready: how `minutes parse` and `ingest` use every core
/// while their output (JSON Lines, index batches) stays in the order of the files given.
///
/// Workers stay at most `window` items ahead of the caller, which bounds memory however many
/// items there are. If `deliver` throws, no further item is started, the workers are joined and
/// the error is rethrown.
public enum OrderedPipeline {
    /// Runs `job` for items `0..<count` on `workers` threads and calls `deliver` with each item's
    /// number and result on the calling thread, in order.
    ///
    /// `makeJob` is called once on each worker thread, so a job can keep per-thread state (an
    /// encoder, a buffer) that is never shared. With one worker (or one item) everything runs on
    /// the calling thread, with no thread started.
    public static func run<Result: Sendable>(
        count: Int,
        workers: Int = ProcessInfo.processInfo.activeProcessorCount,
        window: Int = 64,
        makeJob: @escaping @Sendable () -> (Int) -> Result,
        deliver: (Int, Result) throws -> Void
    ) rethrows {
        guard count > 0 else { return }
        let workers = min(count, max(1, workers))
        if workers == 1 {
            let job = makeJob()
            for number in 0..<count { try deliver(number, job(number)) }
            return
        }
        let queue = Handover<Result>(count: count, window: window)
        let group = DispatchGroup()
        for _ in 0..<workers {
            DispatchQueue.global().async(group: group) {
                let job = makeJob()
                while let number = queue.claim() {
                    queue.put(number, job(number))
                }
            }
        }
        defer {
            queue.cancel()
            group.wait()
        }
        for number in 0..<count {
            try deliver(number, queue.take(number))
        }
    }

    /// Hands item numbers to workers and their results, in order, to the one taker.
    private final class Handover<Result>: @unchecked Sendable {
        // Every stored property is read and written only with `condition` locked.
        private let condition = NSCondition()
        private let count: Int
        private let window: Int
        private var nextToClaim = 0
        private var nextToTake = 0
        private var cancelled = false
        private var results: [Int: Result] = [:]

        init(count: Int, window: Int) {
            self.count = count
            self.window = max(1, window)
        }

        /// The number of the next item to work on; nil when none is left or the run stopped.
        /// Waits while the workers are `window` items ahead of the taker.
        func claim() -> Int? {
            condition.lock()
            defer { condition.unlock() }
            while !cancelled && nextToClaim < count && nextToClaim - nextToTake >= window {
                condition.wait()
            }
            guard !cancelled, nextToClaim < count else { return nil }
            nextToClaim += 1
            return nextToClaim - 1
        }

        /// Stores the result of item `number`.
        func put(_ number: Int, _ result: Result) {
            condition.lock()
            results[number] = result
            condition.broadcast()
            condition.unlock()
        }

        /// Waits for, and removes, the result of item `number` (taken in order).
        func take(_ number: Int) -> Result {
            condition.lock()
            defer { condition.unlock() }
            while true {
                if let result = results.removeValue(forKey: number) {
                    nextToTake = number + 1
                    condition.broadcast()
                    return result
                }
                condition.wait()
            }
        }

        /// Stops handing out items (the taker failed, or finished).
        func cancel() {
            condition.lock()
            cancelled = true
            condition.broadcast()
            condition.unlock()
        }
    }
}
