import Foundation
import ProvstatCore
import Testing

@testable import ProvstatSnapshot

@Suite("Canonical JSON")
struct CanonicalJSONTests {
    @Test(
        "Decimals print exactly as written",
        arguments: [
            ("1028840000", "1028840000"), ("0.32", "0.32"), ("-12.5", "-12.5"), ("0.000001", "0.000001"),
            ("100000000000000000000", "100000000000000000000"), ("1028840000000", "1028840000000"),
        ])
    func decimals(text: String, expected: String) throws {
        let data = try SnapshotCoding.encode(["v": Decimal(string: text)!])
        #expect(String(decoding: data, as: UTF8.self) == "{\n  \"v\": \(expected)\n}\n")
    }

    @Test("A computed decimal prints without float noise")
    func computedDecimal() throws {
        let scaled = Decimal(string: "1.02884")! * 1_000_000_000
        let share = Decimal(32) / 100
        let text = String(decoding: try SnapshotCoding.encode([scaled, share]), as: UTF8.self)
        #expect(text == "[\n  1028840000,\n  0.32\n]\n")
    }

    @Test("Keys are sorted by UTF-8 bytes at every depth, nil optionals left out")
    func sortedKeys() throws {
        struct Inner: Encodable {
            let b = 1
            let a: String? = nil
            let B = true
        }
        struct Outer: Encodable {
            let zeta = Inner()
            let alpha = [Inner()]
            let ước = "đạt"
        }
        let text = String(decoding: try SnapshotCoding.encode(Outer()), as: UTF8.self)
        #expect(
            text == """
                {
                  "alpha": [
                    {
                      "B": true,
                      "b": 1
                    }
                  ],
                  "zeta": {
                    "B": true,
                    "b": 1
                  },
                  "ước": "đạt"
                }

                """)
    }

    @Test("A subclass's superclass members go under \"super\", as with JSONEncoder")
    func superEncoder() throws {
        class Base: Encodable {
            let amount = Decimal(string: "0.32")!
        }
        final class Derived: Base {
            let label = "thu"
            override func encode(to encoder: Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(label, forKey: .label)
                try super.encode(to: container.superEncoder())
            }
            enum CodingKeys: String, CodingKey { case label }
        }
        let text = String(decoding: try SnapshotCoding.encode(Derived()), as: UTF8.self)
        #expect(text == "{\n  \"label\": \"thu\",\n  \"super\": {\n    \"amount\": 0.32\n  }\n}\n")
    }

    @Test("Strings escape quotes, backslashes and control characters only")
    func escaping() throws {
        let text = String(decoding: try SnapshotCoding.encode(["s": "a\"b\\c\nd\u{1}/é"]), as: UTF8.self)
        #expect(text == "{\n  \"s\": \"a\\\"b\\\\c\\nd\\u0001/é\"\n}\n")
    }

    @Test("Equal snapshots give equal bytes, and the bytes read back to the same snapshot")
    func roundTrip() throws {
        let snapshot = Fixture.snapshot(indicators: [
            Fixture.indicator("exports", "925000000"), Fixture.indicator("revenue", "1028840000", unit: "VND"),
            Fixture.indicator("share", "0.32", unit: "%"),
        ])
        let first = try SnapshotCoding.encode(snapshot)
        let second = try SnapshotCoding.encode(snapshot)
        #expect(first == second)
        let decoded = try SnapshotCoding.decodeSnapshot(first, path: "memory")
        #expect(decoded == snapshot)
        #expect(try SnapshotCoding.encode(decoded) == first)
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.contains("\"value\": 0.32\n"))
        #expect(text.contains("\"value\": 1028840000\n"))
        #expect(!text.contains("e+"))
    }

    @Test("Timestamps, run id and how a page was obtained do not change the content digest")
    func contentDigestIgnoresVolatileFields() throws {
        let snapshot = Fixture.snapshot()
        var rerun = Fixture.rerun(of: snapshot)
        rerun.supersedes = String(repeating: "f", count: 64)
        #expect(try SnapshotCoding.contentDigest(snapshot) == SnapshotCoding.contentDigest(rerun))
        var changed = rerun
        changed.indicators["exports"]!.value = 926_000_000
        #expect(try SnapshotCoding.contentDigest(snapshot) != SnapshotCoding.contentDigest(changed))
        var newerReader = rerun
        newerReader.provstatVersion = "0.2.0"
        #expect(try SnapshotCoding.contentDigest(snapshot) != SnapshotCoding.contentDigest(newerReader))
    }
}
