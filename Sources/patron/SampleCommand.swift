import ArgumentParser
import Foundation
import PatronModels
import PatronPipeline
import PatronSupport

extension Patron {
    struct Sample: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a realistic synthetic export: orders, or an invoice-line export.",
            discussion: """
                --shape orders (the default): one row per order, UTF-8 — repeat buyers, churn,
                multilingual feedback, a little mess (the customer-health sample).
                --shape line-items: one row per product on an invoice, as shops export them —
                Latin-1, CRLF, dates like 12/1/2010 8:26, cancellations (C invoices) of earlier
                lines, postage and bank-charge lines, guests without a customer id, exact
                duplicate lines (the retail-lines sample).

                Examples:
                  patron sample -o Data/sample/orders.csv --customers 3000 --seed 1
                  patron sample -o Data/sample/retail-lines.csv --shape line-items --customers 800
                """)

        enum Shape: String, ExpressibleByArgument, CaseIterable {
            case orders
            case lineItems = "line-items"
        }

        @Option(name: .shortAndLong, help: "Output CSV file.") var output: String
        @Option(name: .long, help: "Number of customers.") var customers: Int = 3000
        @Option(name: .long, help: "Random seed: the same seed writes the same bytes.") var seed: UInt64 = 1
        @Option(name: .long, help: "orders or line-items.") var shape: Shape = .orders

        func validate() throws {
            guard customers >= 1 && customers <= 50_000_000 else {
                throw ValidationError("--customers must be between 1 and 50000000")
            }
        }

        func run() throws {
            let bytes =
                shape == .orders
                ? SampleOrders(customers: customers, seed: seed).csv()
                : SampleLineItems(customers: customers, seed: seed).csv()
            let folder = (ProjectPath.absolute(output, root: FileManager.default.currentDirectoryPath) as NSString)
                .deletingLastPathComponent
            if let problem = Folders.make(folder) {
                Main.fail("cannot write \(output): cannot make the folder \(folder): \(problem)", code: 1)
            }
            do { try SequentialFile.write(bytes, to: output) } catch {
                Main.fail("cannot write \(output): \(error)", code: 1)
            }
            let rows = bytes.reduce(0) { $0 + ($1 == 10 ? 1 : 0) } - 1
            let what = shape == .orders ? "order lines" : "invoice lines"
            print("wrote \(output): \(customers) customers, \(rows) \(what), \(bytes.count / 1024) KiB")
        }
    }
}
