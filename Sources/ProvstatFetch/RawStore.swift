import Foundation
import ProvstatCore
import ProvstatSupport

/// Every body fetched, stored once under its SHA-256, and per URL the metadata of its last fetch.
///
/// Layout under `root`: `blobs/ab/abcdef…` (the bytes) and `pages/<sha256 of URL>.json`
/// (a `StoredPage`). Every write is atomic and durable (`AtomicFile`: fsync, rename, fsync of the
/// folder), so a run killed mid-write leaves the previous state, never a torn blob. Blobs are
/// checked against their name when read. Threads: a value type over the file system; safe from any thread (two workers
/// writing the same blob write the same bytes, and rename is atomic).
public struct RawStore: Sendable {
    /// The store's folder.
    public let root: URL

    public init(root: URL) { self.root = root }

    /// The default store beneath a snapshot root: `<output>/.raw`.
    public static func defaultRoot(output: URL) -> URL { output.appendingPathComponent(".raw", isDirectory: true) }

    // MARK: - Reading

    /// The metadata of the last stored fetch of `url`, if any.
    public func page(for url: String) throws(FetchError) -> StoredPage? {
        let file = pageFile(for: url)
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        do {
            return try Self.decoder.decode(StoredPage.self, from: Data(contentsOf: file))
        } catch {
            throw FetchError(
                url: url,
                reason: .store("\(file.path) is unreadable (\(error.localizedDescription)); delete it to refetch"))
        }
    }

    /// The stored bytes of `page`, verified against their digest; nil when the blob is missing.
    public func body(of page: StoredPage) throws(FetchError) -> Data? {
        let file = blobFile(page.sha256)
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        guard SHA256Hex.digest(data) == page.sha256 else {
            throw FetchError(
                url: page.url, reason: .store("\(file.path) does not match its digest; delete it to refetch"))
        }
        return data
    }

    /// Whether the blob of `page` is present (not verified).
    public func hasBody(_ page: StoredPage) -> Bool {
        FileManager.default.fileExists(atPath: blobFile(page.sha256).path)
    }

    /// The stored response for `url`, or nil when the store has no complete copy.
    public func response(for url: String) throws(FetchError) -> FetchResponse? {
        guard let page = try page(for: url), let body = try body(of: page) else { return nil }
        return page.response(body: body)
    }

    // MARK: - Writing

    /// Stores a response: its body (once per digest) and the URL's metadata.
    @discardableResult
    public func save(_ response: FetchResponse) throws(FetchError) -> StoredPage {
        let digest = SHA256Hex.digest(response.body)
        let blob = blobFile(digest)
        do {
            if !FileManager.default.fileExists(atPath: blob.path) {
                try AtomicFile.replace(response.body, at: blob, createFolders: true)
            }
        } catch { throw FetchError(url: response.url, reason: .store(error.description)) }
        let page = StoredPage(
            url: response.url, finalURL: response.finalURL, status: response.status,
            headers: response.headers.map { [$0.name, $0.value] }, fetchedAt: response.fetchedAt,
            checkedAt: response.fetchedAt, sha256: digest, bytes: response.body.count)
        try write(page)
        return page
    }

    /// Records that the server confirmed `page` unchanged (a 304) at `date`, keeping any new
    /// validators it sent.
    @discardableResult
    public func confirm(_ page: StoredPage, at date: Date, headers: [(name: String, value: String)]) throws(FetchError)
        -> StoredPage
    {
        var updated = page
        updated.checkedAt = date
        for name in ["etag", "last-modified"] {
            if let value = headers.last(where: { $0.name == name })?.value {
                updated.headers.removeAll { $0.first == name }
                updated.headers.append([name, value])
            }
        }
        try write(updated)
        return updated
    }

    private func write(_ page: StoredPage) throws(FetchError) {
        do {
            try AtomicFile.replace(try Self.encoder.encode(page), at: pageFile(for: page.url), createFolders: true)
        } catch let failure as FileWriteError {
            throw FetchError(url: page.url, reason: .store(failure.description))
        } catch {
            throw FetchError(url: page.url, reason: .store("cannot encode metadata: \(error)"))
        }
    }

    // MARK: - Paths

    func blobFile(_ digest: String) -> URL {
        root.appendingPathComponent("blobs", isDirectory: true)
            .appendingPathComponent(String(digest.prefix(2)), isDirectory: true)
            .appendingPathComponent(digest)
    }

    func pageFile(for url: String) -> URL {
        root.appendingPathComponent("pages", isDirectory: true).appendingPathComponent(
            SHA256Hex.digest(Data(url.utf8)) + ".json")
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
