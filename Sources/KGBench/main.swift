// kg-bench: benchmarks live here, never in `swift test` (see scripts/bench).
import KGPipeline

print("kg-bench: no benchmarks yet; see scripts/bench.")
