internal import CLibXML2
internal import CLibXML2Shim

/// libxml2's process-wide initialisation, done once before any worker starts.
public enum LibXML2 {
    private static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    /// Runs `xmlInitParser` the first time it is called; later calls do nothing.
    @discardableResult
    public static func initialise() -> Bool { initialised }

    /// The libxml2 version string, e.g. `2.9.14`.
    public static var version: String {
        initialise()
        return String(cString: provstat_xml_parser_version())
    }
}
