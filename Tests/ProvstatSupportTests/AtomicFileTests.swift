import Foundation
import ProvstatSupport
import Testing

@Suite("Atomic file writes")
struct AtomicFileTests {
    /// A fresh folder, removed after `body`.
    private func inFolder(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("provstat-support-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    private func names(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test("create never replaces an existing file and leaves no temporary behind")
    func createRefusesToOverwrite() throws {
        try inFolder { folder in
            let url = folder.appendingPathComponent("v1.json")
            try AtomicFile.create(Data("one".utf8), at: url)
            let error = #expect(throws: FileWriteError.self) { try AtomicFile.create(Data("two".utf8), at: url) }
            #expect(error?.path == url.path)
            #expect(error?.detail.hasPrefix("link to: ") == true)
            #expect(try Data(contentsOf: url) == Data("one".utf8))
            #expect(try names(in: folder) == ["v1.json"])
            let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
            #expect(mode == 0o444)
        }
    }

    @Test("replace swaps the content whole, with the mode asked for")
    func replace() throws {
        try inFolder { folder in
            let url = folder.appendingPathComponent("latest")
            try AtomicFile.replace(Data("v1.json\n".utf8), at: url)
            try AtomicFile.replace(Data("v2.json\n".utf8), at: url, permissions: 0o600)
            #expect(try String(contentsOf: url, encoding: .utf8) == "v2.json\n")
            let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            #expect(try names(in: folder) == ["latest"])
        }
    }

    @Test("replace makes missing folders only when asked")
    func folders() throws {
        try inFolder { folder in
            let url = folder.appendingPathComponent("blobs/ab/abcdef")
            #expect(throws: FileWriteError.self) { try AtomicFile.replace(Data("x".utf8), at: url) }
            try AtomicFile.replace(Data("x".utf8), at: url, createFolders: true)
            #expect(try Data(contentsOf: url) == Data("x".utf8))
        }
    }

    @Test("threads writing the same file never share a temporary file")
    func concurrentWriters() throws {
        try inFolder { folder in
            let url = folder.appendingPathComponent("page.json")
            // Each writer's content is one repeated byte: a torn file would mix two of them.
            let contents = (0..<8).map { Data(repeating: UInt8(0x41 + $0), count: 256 * 1024) }
            DispatchQueue.concurrentPerform(iterations: 32) { index in
                try? AtomicFile.replace(contents[index % 8], at: url)
            }
            let result = try Data(contentsOf: url)
            #expect(contents.contains(result))
            #expect(try names(in: folder) == ["page.json"])
        }
    }

    @Test("leftover temporary files are removed, other files kept")
    func leftovers() throws {
        try inFolder { folder in
            for name in [".v2.json.123.abcd.tmp", "v1.json", ".hidden"] {
                try Data("x".utf8).write(to: folder.appendingPathComponent(name))
            }
            AtomicFile.removeLeftovers(in: folder)
            #expect(try names(in: folder) == [".hidden", "v1.json"])
        }
    }
}
