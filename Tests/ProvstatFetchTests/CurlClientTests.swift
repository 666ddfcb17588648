import Foundation
import LoopbackServer
import ProvstatFetch
import Testing

/// The libcurl client against a real server: headers, compression, redirects, caps, broken wires.
@Suite("libcurl client")
struct CurlClientTests {
    @Test("sends a User-Agent naming provstat and its contact, and inflates gzip")
    func userAgentAndGzip() throws {
        let page = String(repeating: "Kim ngạch xuất khẩu tháng 3 năm 2023 ước đạt 1.234 triệu USD. ", count: 50)
        try withServer(routes: ["/page": .init(.init(body: page, gzip: true))]) { server throws in
            let handle = CurlEasyHandle(options: .init(userAgent: "provstat/1.2 (contact: ops@example.org)"))
            let response = try handle.get(server.url("/page"))
            #expect(response.status == 200)
            #expect(String(decoding: response.body, as: UTF8.self) == page)
            #expect(response.header("content-encoding") == "gzip")
            let seen = try #require(server.requests(for: "/page").first)
            #expect(seen.header("user-agent") == "provstat/1.2 (contact: ops@example.org)")
            #expect(seen.header("accept-encoding")?.contains("gzip") == true)
        }
    }

    @Test("follows up to 5 redirects and gives up on a loop")
    func redirectLoop() throws {
        try withServer(routes: [
            "/loop": .init(.redirect(to: "/loop")),
            "/a": .init(.redirect(to: "/b")), "/b": .init(.redirect(to: "/final")), "/final": .init(.html("done")),
        ]) { server throws in
            let handle = CurlEasyHandle()
            let followed = try handle.get(server.url("/a"))
            #expect(followed.finalURL == server.url("/final"))
            #expect(String(decoding: followed.body, as: UTF8.self) == "done")

            let error = #expect(throws: FetchError.self) { try handle.get(server.url("/loop")) }
            #expect(error?.reason == .tooManyRedirects(limit: 5))
            #expect(server.requests(for: "/loop").count == 6)  // the first request and 5 redirects
        }
    }

    @Test("refuses redirects to other schemes", arguments: ["file:///etc/passwd", "ftp://127.0.0.1/report.html"])
    func redirectToOtherScheme(target: String) throws {
        try withServer(routes: ["/evil": .init(.redirect(to: target))]) { server throws in
            let error = #expect(throws: FetchError.self) { try CurlEasyHandle().get(server.url("/evil")) }
            #expect(error?.reason == .redirectRefused(target: target))
            #expect(error?.description.contains("only http and https") == true)
        }
    }

    @Test("caps the body size with a clear error")
    func bodyCap() throws {
        let big = String(repeating: "x", count: 200_000)
        try withServer(routes: ["/big": .init(.html(big)), "/small": .init(.html("ok"))]) { server throws in
            let handle = CurlEasyHandle(options: .init(maxBodyBytes: 64 * 1024))
            let error = #expect(throws: FetchError.self) { try handle.get(server.url("/big")) }
            #expect(error?.reason == .tooLarge(limit: 65_536))
            #expect(error?.description.contains("max_bytes") == true)
            #expect(error?.isTransient == false)
            // The handle stays usable after an aborted transfer.
            #expect(try handle.get(server.url("/small")).body == Data("ok".utf8))
        }
    }

    @Test("caps a body of unannounced size as it arrives (gzip, chunked)")
    func streamedBodyCap() throws {
        // No Content-Length: libcurl cannot refuse up front, so the write callback must stop it.
        let big = String(repeating: "y", count: 100_000)
        try withServer(routes: ["/big": .init(.init(body: big, gzip: true, chunked: true))]) { server throws in
            let roomy = CurlEasyHandle(options: .init(maxBodyBytes: 200_000))
            let response = try roomy.get(server.url("/big"))
            #expect(response.body.count == 100_000)
            #expect(response.header("content-length") == nil)
            let tight = CurlEasyHandle(options: .init(maxBodyBytes: 50_000))
            let error = #expect(throws: FetchError.self) { try tight.get(server.url("/big")) }
            #expect(error?.reason == .tooLarge(limit: 50_000))
        }
    }

    @Test("times out a slow answer")
    func totalTimeout() throws {
        try withServer(routes: ["/slow": .init(.html("late", delay: 1.0))]) { server throws in
            let handle = CurlEasyHandle(options: .init(totalTimeout: 0.15))
            let started = Date()
            let error = #expect(throws: FetchError.self) { try handle.get(server.url("/slow")) }
            #expect(Date().timeIntervalSince(started) < 0.9)
            #expect(error?.reason == .transport(code: 28, message: error.map { reasonMessage($0) } ?? ""))
            #expect(error?.isTransient == true)
        }
    }

    @Test("reports a reset, a truncated body and a lying Content-Length as transient transport errors")
    func brokenWires() throws {
        let body = String(repeating: "z", count: 4000)
        try withServer(routes: [
            "/reset": .init(.init(body: body, fault: .resetConnection)),
            "/truncated": .init(.init(body: body, fault: .truncateBody(after: 100))),
            "/lying": .init(.init(body: body, fault: .declareLength(10_000))),
        ]) { server throws in
            let handle = CurlEasyHandle()
            for path in ["/reset", "/truncated", "/lying"] {
                let error = #expect(throws: FetchError.self, "\(path)") { try handle.get(server.url(path)) }
                guard case .transport(let code, _)? = error?.reason else {
                    Issue.record("\(path): expected a transport error, got \(String(describing: error))")
                    continue
                }
                #expect([18, 52, 56].contains(code), "\(path): curl code \(code)")
                #expect(error?.isTransient == true)
            }
        }
    }

    @Test("a refused connection is a transient transport error")
    func connectionRefused() throws {
        // Bind, learn a free port, stop: nothing listens there any more.
        let server = LoopbackServer(host: "127.0.0.9")
        try server.start()
        let url = server.url("/gone")
        try server.stop()
        let error = #expect(throws: FetchError.self) { try CurlEasyHandle(options: .init(connectTimeout: 1)).get(url) }
        #expect(error?.reason == .transport(code: 7, message: error.map { reasonMessage($0) } ?? ""))
        #expect(error?.isTransient == true)
    }
}

private func reasonMessage(_ error: FetchError) -> String {
    if case .transport(_, let message) = error.reason { return message }
    return ""
}
