import Foundation
import LoopbackServer
import ProvstatFetch
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// TLS verification against a real TLS server (`openssl s_server`) with a self-signed certificate.
@Suite("TLS verification", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl")))
struct TLSTests {
    @Test("refuses a certificate it cannot verify, and does not retry")
    func refusesSelfSigned() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let key = folder.appendingPathComponent("key.pem").path
        let certificate = folder.appendingPathComponent("cert.pem").path
        try runOpenSSL([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate, "-days", "1",
            "-subj", "/CN=127.0.0.61", "-addext", "subjectAltName=IP:127.0.0.61",
        ])

        // Learn a free port on the address, then hand it to s_server.
        let probe = LoopbackServer(host: "127.0.0.61")
        try probe.start()
        let port = probe.port
        try probe.stop()
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        server.arguments = [
            "s_server", "-accept", "127.0.0.61:\(port)", "-cert", certificate, "-key", key, "-www", "-quiet",
        ]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer {
            // SIGKILL: the child inherits the test thread's signal mask, in which SIGTERM may be blocked.
            kill(server.processIdentifier, SIGKILL)
            server.waitUntilExit()
        }

        let url = "https://127.0.0.61:\(port)/"
        let session = FetchSession(configuration: quickConfiguration())
        var seen: FetchError? = nil
        // s_server needs a moment to listen; a refused connection means "not yet".
        for _ in 0..<40 {
            do throws(FetchError) {
                _ = try session.makeFetcher().fetch(url)
                Issue.record("a self-signed certificate was accepted")
                return
            } catch {
                if case .transport(let code, _) = error.reason, code == 7 {
                    Thread.sleep(forTimeInterval: 0.05)
                    continue
                }
                seen = error
                break
            }
        }
        let failure = try #require(seen)
        guard case .transport(let code, let message) = failure.reason else {
            Issue.record("expected a TLS error, got \(failure)")
            return
        }
        #expect(code == 60, "CURLE_PEER_FAILED_VERIFICATION, got \(code): \(message)")
        #expect(!failure.isTransient)
        // Now that the server listens, one attempt decides: a verification failure is not retried.
        let again = #expect(throws: FetchError.self) { try session.makeFetcher().fetch(url) }
        #expect(again?.attempts == 1)
    }

    private func runOpenSSL(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "openssl \(arguments.first ?? "")")
    }
}
