import Foundation

/// Fuzz builds only: the API of `ProvstatCore/SHA256Hex.swift` without swift-crypto (which only
/// SwiftPM builds). A 64-hex-digit FNV-1a digest: not cryptographic, the same shape.
public enum SHA256Hex {
    public static func digest(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 64 - hex.count) + hex
    }
}
