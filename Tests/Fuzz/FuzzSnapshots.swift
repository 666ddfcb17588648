import Foundation
import ProvstatPipeline
import ProvstatSnapshot

/// A small definition to validate snapshots with (no file behind it: nothing is fetched).
private let definition: PipelineDefinition? = try? DefinitionLoader().load(
    data: Data(
        """
        pipeline: demo
        sources:
          - id: report
            url: report.html
        indicators:
          - id: exports_ytd
            name: kim ngạch xuất khẩu
            unit: USD
            components: [exports_rice_ytd]
          - id: exports_rice_ytd
            name: xuất khẩu gạo
            unit: USD
        targets:
          - indicator: exports_ytd
            year: 2023
            value: 1.500 triệu USD
        """.utf8), file: URL(fileURLWithPath: "/fuzz/Pipelines/demo.yaml"))

/// An output folder that does not exist: earlier months are simply absent.
private let root = URL(fileURLWithPath: "/nonexistent/provstat-fuzz-output")

/// libFuzzer entry: the bytes as a snapshot file, as `provstat validate` reads it — decoded,
/// its pipeline name looked up (never as a path) and its checks re-run.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSnapshots(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    guard let snapshot = try? SnapshotCoding.decodeSnapshot(data, path: "fuzz.json") else { return 0 }
    _ = try? DefinitionLoader(searchPaths: [root]).load(named: snapshot.pipeline)
    if let definition {
        let validation = SnapshotValidation(snapshot: snapshot, definition: definition, outputRoot: root)
        _ = validation.status
    }
    return 0
}
