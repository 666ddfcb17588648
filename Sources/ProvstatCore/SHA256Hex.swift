import Crypto
import Foundation
import ProvstatCore

/// SHA-256 digests as lowercase hex, the form the raw store, definitions and snapshots record.
public enum SHA256Hex {
    /// The digest of `data`.
    public static func digest(_ data: Data) -> String {
        SHA256.hash(data: data).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
