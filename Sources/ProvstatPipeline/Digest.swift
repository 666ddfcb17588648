import Crypto
import Foundation

/// SHA-256 digests as lowercase hex.
enum Digest {
    static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
