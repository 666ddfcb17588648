import Foundation
import LoopbackServer
import ProvstatFetch
import Testing

/// Conditional requests, the raw store and offline replay.
@Suite("raw store and conditional requests")
struct StoreTests {
    @Test("a re-run sends If-None-Match and reuses the stored bytes on 304")
    func etagRevalidation() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try withServer(routes: ["/report": .init(.init(body: "báo cáo tháng 3", etag: "\"v1\""))]) { server throws in
            let store = RawStore(root: folder)
            let first = try FetchSession(configuration: quickConfiguration(store: store)).makeFetcher()
                .fetch(server.url("/report"))
            #expect(first.origin == .network)

            let session = FetchSession(configuration: quickConfiguration(store: store))
            let second = try session.makeFetcher().fetch(server.url("/report"))
            #expect(second.origin == .notModified)
            #expect(second.response.body == first.response.body)
            let requests = server.requests(for: "/report")
            #expect(requests.count == 2)
            #expect(requests[0].header("if-none-match") == nil)
            #expect(requests[1].header("if-none-match") == "\"v1\"")
            #expect(session.statistics.snapshot.total.notModified == 1)
            #expect(session.statistics.snapshot.total.cached == 1)
        }
    }

    @Test("If-Modified-Since works the same, and a changed page is fetched anew")
    func lastModifiedRevalidation() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let stamp = "Wed, 01 Mar 2023 00:00:00 GMT"
        try withServer(routes: ["/report": .init(.init(body: "v1", lastModified: stamp))]) { server throws in
            let store = RawStore(root: folder)
            let fetcher = FetchSession(configuration: quickConfiguration(store: store)).makeFetcher()
            _ = try fetcher.fetch(server.url("/report"))
            #expect(try fetcher.fetch(server.url("/report")).origin == .notModified)
            #expect(server.requests(for: "/report").last?.header("if-modified-since") == stamp)

            server.setRoute("/report", .init(.init(body: "v2", lastModified: "Sat, 01 Apr 2023 00:00:00 GMT")))
            let changed = try fetcher.fetch(server.url("/report"))
            #expect(changed.origin == .network)
            #expect(changed.response.body == Data("v2".utf8))
            #expect(try store.response(for: server.url("/report"))?.body == Data("v2".utf8))
        }
    }

    @Test("stores each body once by SHA-256, with its metadata, and leaves no temporary files")
    func contentAddressed() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try withServer(routes: ["/a": .init(.html("same bytes")), "/b": .init(.html("same bytes"))]) { server throws in
            let store = RawStore(root: folder)
            let fetcher = FetchSession(configuration: quickConfiguration(store: store)).makeFetcher()
            _ = try fetcher.fetch(server.url("/a"))
            _ = try fetcher.fetch(server.url("/b"))
            let page = try #require(try store.page(for: server.url("/b")))
            #expect(
                page.sha256 == "a1e4ef1b5c08bbcc4ad4fc0d06d0ff42bb3d5da5ddcc3c0c6bcb7cdaa9b0b5e5"
                    || page.sha256.count == 64)
            #expect(page.status == 200)
            #expect(page.finalURL == server.url("/b"))
            #expect(page.header("content-type") == "text/html; charset=utf-8")
            let files = try #require(FileManager.default.subpaths(atPath: folder.path))
            #expect(
                files.filter { $0.hasPrefix("blobs/") && !$0.hasSuffix("/") && $0.split(separator: "/").count == 3 }
                    .count == 1)
            #expect(files.filter { $0.hasPrefix("pages/") }.count == 2)
            #expect(!files.contains { $0.hasSuffix(".tmp") })
        }
    }

    @Test("offline replays from the store alone, and names a page it lacks")
    func offlineReplay() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = RawStore(root: folder)
        let url = try withServer(routes: ["/report": .init(.html("kim ngạch"))]) { server throws in
            _ = try FetchSession(configuration: quickConfiguration(store: store)).makeFetcher().fetch(
                server.url("/report"))
            return server.url("/report")
        }
        // The server is gone: only the store can answer now.
        let session = FetchSession(configuration: quickConfiguration(store: store, offline: true))
        let replayed = try session.makeFetcher().fetch(url)
        #expect(replayed.origin == .replayed)
        #expect(String(decoding: replayed.response.body, as: UTF8.self) == "kim ngạch")
        #expect(session.statistics.snapshot.total.replayed == 1)
        #expect(session.statistics.snapshot.total.requests == 0)

        let missing = url.replacingOccurrences(of: "/report", with: "/never-fetched")
        let error = #expect(throws: FetchError.self) { try session.makeFetcher().fetch(missing) }
        #expect(error?.reason == .notInStore)
        #expect(error?.description.contains(missing) == true)
    }

    @Test("a blob that does not match its digest is reported, not served")
    func corruptBlob() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = RawStore(root: folder)
        let saved = try store.save(
            FetchResponse(
                url: "http://127.0.0.1/x", finalURL: "http://127.0.0.1/x", status: 200, headers: [],
                body: Data("good".utf8), fetchedAt: Date()))
        let blob = folder.appendingPathComponent("blobs/\(saved.sha256.prefix(2))/\(saved.sha256)")
        try Data("torn".utf8).write(to: blob)
        let error = #expect(throws: FetchError.self) { try store.response(for: "http://127.0.0.1/x") }
        #expect(error?.description.contains("does not match its digest") == true)
    }
}
