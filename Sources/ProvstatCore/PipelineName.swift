/// The rule for a pipeline's name, which names a folder of the snapshot tree: one that a
/// definition gives and one a snapshot claims are checked alike.
public enum PipelineName {
    /// Whether `name` is 1 to 100 letters, digits, '-' and '_' (no '/', no '.', no space).
    public static func isValid(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 100
            && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    }
}
