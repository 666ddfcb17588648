import Foundation
import ProvstatPipeline

/// libFuzzer entry: the bytes as a pipeline definition, as `provstat pipelines check` reads it.
/// Definition errors are fine (they name file, line and key); crashes and hangs are not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDefinitions(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    // Both ways a name is found: from `pipeline:` and from a file name that is no valid name.
    for file in ["/fuzz/Pipelines/fuzz.yaml", "/fuzz/Pipelines/x y.yaml"] {
        switch Result(catching: { () throws(DefinitionError) in
            try DefinitionLoader().load(data: data, file: URL(fileURLWithPath: file))
        }) {
        case .success(let definition): _ = definition.sources.map(\.definitionURL)
        case .failure(let error): _ = error.description
        }
    }
    return 0
}
