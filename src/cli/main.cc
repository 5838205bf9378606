// renkei: the command-line entry point. Everything else lives in the library.
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.h"

namespace {

/// The process reads one dataset, answers and exits, and the model of a nationwide dataset
/// is tens of thousands of small allocations (25–30 MB). Faulting that in 4 KB at a time
/// costs more than building it. So: grow malloc's heap in one 80 MB step (virtual; only
/// what is touched is memory), keep it, and ask for transparent huge pages there, where the
/// system grants them on request (/sys/kernel/mm/transparent_hugepage/enabled = madvise or
/// always): a few dozen 2 MB page faults instead of ~6,000 (docs/performance.md). This is
/// what glibc's `glibc.malloc.hugetlb=1` tunable does, which can only be set from outside.
///
/// Not for the commands that lay out diagrams: Graphviz orders some of its work by pointer,
/// so a different heap gives a different (equally valid) layout, and graphs/ and the explorer
/// must stay the same bytes run after run (tests explorer_is_fresh, graphs --check).
void tune_heap() {
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
  constexpr std::size_t kStep = std::size_t{16} << 20, kPad = std::size_t{64} << 20,
                        kHuge = std::size_t{2} << 20;
  mallopt(M_MMAP_THRESHOLD, 32 << 20);  // large vectors come from the heap too
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  mallopt(M_TOP_PAD, static_cast<int>(kPad));
  void* block = std::malloc(kStep);
  if (!block) return;
  auto first = reinterpret_cast<std::uintptr_t>(block);
  auto end = reinterpret_cast<std::uintptr_t>(sbrk(0));
  std::free(block);  // back to the heap's top, which stays (under the trim threshold)
  std::uintptr_t start = (first + kHuge - 1) & ~(kHuge - 1);
  if (end > start && end - start <= kStep + 2 * kPad)
    madvise(reinterpret_cast<void*>(start), end - start, MADV_HUGEPAGE);
#endif
}

}  // namespace

bool lays_out(const char* command) {
  for (const char* c : {"render", "deck", "graphs", "explorer"})
    if (std::string(command) == c) return true;
  return false;
}

int main(int argc, char** argv) {
  if (argc < 2 || !lays_out(argv[1])) tune_heap();
  std::vector<std::string> args(argv + 1, argv + argc);
  renkei::set_free_data_at_end(false);  // the process ends after one command
  return renkei::run_cli(args, std::cout, std::cerr);
}
