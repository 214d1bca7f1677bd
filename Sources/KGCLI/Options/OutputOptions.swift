import ArgumentParser

/// `--json`: print the answer as JSON (pretty-printed, sorted keys) instead of text.
struct OutputOptions: ParsableArguments {
  @Flag(name: .long, help: "Print JSON for scripts instead of text.")
  var json = false
}
