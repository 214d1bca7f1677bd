import ArgumentParser
import Foundation
import KGPipeline

struct Serve: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Browse the graph in a web page: search, ego networks, paths and every edge's statements.",
    discussion: """
      Serves a page and its JSON API (/api/entities, /api/entities/{id}, /api/neighbors/{id}, \
      /api/path, /api/edges/{id}; see README) until Ctrl-C or SIGTERM. It listens on the \
      loopback address only, unless --host says otherwise.
        kg serve --store graphs/kg.sqlite            then open http://127.0.0.1:8080/
        kg serve --port 0                            any free port; the URL is printed
      """)

  @OptionGroup var storeOptions: StoreOptions
  @Option(help: ArgumentHelp("The TCP port; 0 takes any free one.", valueName: "n")) var port: Int = 8080
  @Option(help: ArgumentHelp("The address to listen on.", valueName: "address")) var host: String = "127.0.0.1"

  func validate() throws {
    guard (0...65_535).contains(port) else { throw ValidationError("--port must be from 0 to 65535, not \(port).") }
    guard !host.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--host cannot be empty.") }
  }

  func run() throws {
    try ErrorPresentation.run {
      try Workspace(queryingStoreAt: storeOptions.store).serve(host: host, port: port) { url in
        // Written at once (not buffered), so a script waiting for the URL sees it.
        try? FileHandle.standardOutput.write(contentsOf: Data("kg serve: \(url) (Ctrl-C stops)\n".utf8))
      }
      printErr("kg serve: stopped")
    }
  }
}
