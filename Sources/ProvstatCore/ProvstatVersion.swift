/// This build's version, recorded in every snapshot and sent in the User-Agent.
public enum ProvstatVersion {
    public static let current = "0.1.0"
}
