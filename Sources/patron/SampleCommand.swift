import ArgumentParser
import Foundation
import PatronModels

extension Patron {
    struct Sample: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a realistic synthetic orders CSV (repeat buyers, churn, multilingual feedback).",
            discussion: "Example: patron sample -o Data/sample/orders.csv --customers 3000 --seed 1")

        @Option(name: .shortAndLong, help: "Output CSV file.") var output: String
        @Option(name: .long, help: "Number of customers.") var customers: Int = 3000
        @Option(name: .long, help: "Random seed: the same seed writes the same bytes.") var seed: UInt64 = 1

        func validate() throws {
            guard customers >= 1 && customers <= 50_000_000 else {
                throw ValidationError("--customers must be between 1 and 50000000")
            }
        }

        func run() throws {
            let bytes = SampleOrders(customers: customers, seed: seed).csv()
            try Data(bytes).write(to: URL(fileURLWithPath: output))
            let rows = bytes.reduce(0) { $0 + ($1 == 10 ? 1 : 0) } - 1
            print("wrote \(output): \(customers) customers, about \(rows) order lines, \(bytes.count / 1024) KiB")
        }
    }
}
