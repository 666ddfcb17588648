import ArgumentParser
import Foundation
import LoopbackServer
import ProvstatBench
import ProvstatFetch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `provstat-bench fetch`: the fetch engines against a loopback server with real latency.
///
/// A server on several loopback addresses (one "host" each) answers every page after a fixed
/// latency and counts requests in flight per address. Each engine fetches the pages through the
/// politeness coordinator; the report compares wall time with the ideal
/// (pages ÷ effective concurrency × latency) and shows the per-host peaks the server saw.
struct BenchFetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Measure the fetch engines (pool of easy handles, multi interface) on loopback.")

    @Option(help: "Pages to fetch.") var pages = 400
    @Option(help: "Host addresses (127.0.1.1, 127.0.1.2, …).") var hosts = 8
    @Option(help: "Server latency per page, in seconds.") var latency = 0.1
    @Option(name: .customLong("per-host"), help: "Requests in flight per host.") var perHost = 2
    @Option(help: "Requests in flight overall (default: hosts × per-host).") var global: Int?
    @Option(help: "Seconds between request starts to one host.") var delay = 0.0
    @Option(help: "Engines to run: easy, multi or both.") var engine = "both"
    @Option(help: "Rounds per engine (the best is reported).") var rounds = 1
    @Flag(help: "Exit 1 when the ratio exceeds 1.25 or a per-host limit was broken.") var strict = false

    func validate() throws {
        guard (1...200).contains(hosts) else { throw ValidationError("--hosts must be 1…200") }
        guard pages > 0, latency >= 0, perHost > 0, delay >= 0, rounds > 0 else {
            throw ValidationError(
                "--pages, --per-host and --rounds must be positive; --latency and --delay not negative")
        }
        guard ["easy", "multi", "both"].contains(engine) else {
            throw ValidationError("--engine is easy, multi or both")
        }
    }

    func run() throws {
        let global = self.global ?? hosts * perHost
        // Per host: perHost slots, but with a delay no more than one start every `delay` seconds.
        let perHostConcurrency = delay > 0 ? min(Double(perHost), latency / delay) : Double(perHost)
        let effective = min(Double(global), Double(hosts) * perHostConcurrency)
        let ideal = Double(pages) / effective * latency
        let addresses = (1...hosts).map { "127.0.1.\($0)" }
        let server = LoopbackServer(
            hosts: addresses, fallback: .init(.html(String(repeating: "số liệu ", count: 256), delay: latency)))
        try server.start()
        defer { try? server.stop() }
        let urls = (0..<pages).map { "http://\(addresses[$0 % hosts]):\(server.port)/page/\($0)" }

        print(
            "provstat-bench fetch: \(pages) pages, \(hosts) hosts, \(Int(latency * 1000)) ms latency, "
                + "per-host \(perHost), global \(global), delay \(delay) s, effective concurrency \(format(effective))")
        print("engine  wall s  ideal s  ratio  max per host  threads  cpu s  failed")
        var met = true
        let engines: [BatchFetch.Engine] =
            engine == "both" ? [.easyPool, .multi] : [BatchFetch.Engine(rawValue: engine)!]
        for engine in engines {
            var best: (wall: Double, peak: Int, cpu: Double, failed: Int)? = nil
            for _ in 0..<rounds {
                server.resetLog()
                let session = FetchSession(
                    configuration: .init(
                        client: .init(userAgent: "provstat-bench", connectTimeout: 5, totalTimeout: 30),
                        limits: .init(perHost: perHost, minimumDelay: delay, global: global),
                        retry: .init(attempts: 1), obeyRobots: false))
                let cpuBefore = cpuSeconds()
                let started = Date()
                let results = BatchFetch.run(
                    urls, engine: engine, workers: Int(effective.rounded(.up)), session: session)
                let wall = Date().timeIntervalSince(started)
                let cpu = cpuSeconds() - cpuBefore
                let peak = addresses.map { server.peakConcurrency(host: $0) }.max() ?? 0
                let failed = results.filter { if case .failure = $0 { true } else { false } }.count
                if best == nil || wall < best!.wall { best = (wall, peak, cpu, failed) }
            }
            let result = best!
            let ratio = result.wall / ideal
            let threads = engine == .multi ? 1 : Int(effective.rounded(.up))
            met = met && ratio <= 1.25 && result.peak <= perHost && result.failed == 0
            print(
                [
                    engine.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0), pad(format(result.wall), 6),
                    pad(format(ideal), 7), pad(format(ratio), 5), pad("\(result.peak) (≤ \(perHost))", 12),
                    pad("\(threads)", 7), pad(format(result.cpu), 5), pad("\(result.failed)", 6),
                ].joined(separator: "  "))
        }
        print("target: ratio ≤ 1.25 with every per-host limit held — \(met ? "met" : "MISSED")")
        if strict && !met { throw ExitCode(1) }
    }

    private func format(_ value: Double) -> String { String(format: "%.2f", value) }
    private func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    /// User plus system CPU time of the whole process (server thread included), in seconds.
    private func cpuSeconds() -> Double {
        var usage = rusage()
        #if canImport(Glibc)
            getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
            getrusage(RUSAGE_SELF, &usage)
        #endif
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
