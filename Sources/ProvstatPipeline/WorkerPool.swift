import Dispatch

/// Runs `count` workers on Dispatch, each looping over `input` until it is closed, then
/// closes `output` once the last worker has finished.
///
/// Each worker calls `makeState` once, on its own thread, for the resources it owns alone
/// (a curl handle, a parser), so C resources never cross threads.
enum WorkerPool {
    static func start<Input: Sendable, Output: Sendable, State>(
        name: String, count: Int, input: BoundedQueue<Input>, output: BoundedQueue<Output>,
        makeState: @escaping @Sendable () -> State,
        work: @escaping @Sendable (inout State, Input) -> Output
    ) {
        let group = DispatchGroup()
        for index in 0..<max(1, count) {
            let queue = DispatchQueue(label: "provstat.\(name).\(index)")
            queue.async(group: group) {
                var state = makeState()
                while let item = input.pop() {
                    output.push(work(&state, item))
                }
            }
        }
        group.notify(queue: .global()) { output.close() }
    }
}
