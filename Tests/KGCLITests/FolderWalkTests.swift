import Foundation
import Testing

/// How `kg build` walks folders: links that fan out and join again, and odd entries.
@Suite struct FolderWalkTests {
  /// 25 levels, each folder holding two links to the next: 2^25 ways down to one article. Each
  /// real folder is read once, so this takes as long as 26 folders.
  @Test func linksFormingADAGAreWalkedOncePerFolder() throws {
    let folder = try TempFolder("kg-dag")
    let levels = 25
    for i in 0...levels {
      try FileManager.default.createDirectory(
        atPath: folder.path("in/d\(i)"), withIntermediateDirectories: true)
    }
    for i in 0..<levels {
      for name in ["a", "b"] {
        try FileManager.default.createSymbolicLink(
          atPath: folder.path("in/d\(i)/\(name)"), withDestinationPath: "../d\(i + 1)")
      }
    }
    try folder.seed(0, as: "in/d\(levels)/article.txt")
    let result = try KGProcess.run(["build", "in/d0", "--store", "kg.sqlite"], in: folder.url, timeout: 60)
    #expect(!result.timedOut, "the walk did not finish in 60 s")
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.contains("1 file, 1 added"), "\(result)")
    #expect(!result.stderr.contains("loop"), "\(result)")
  }
}
