// The snapshot decoder on arbitrary bytes (a cache file someone or something damaged): it
// must refuse (nullopt) or give a dataset whose edges stay inside it, never crash or read
// outside the bytes. Seed: tests/fuzz/corpus/snapshot/builtin, the built-in data encoded
// with the key "fuzz" (regenerate with the same encode_snapshot call if the format changes).
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <cstring>

#include "formats/snapshot.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // Inputs of even length get a correct checksum written over their last 8 bytes, so mutations
  // reach the decoder's body instead of stopping at the checksum.
  std::string fixed(reinterpret_cast<const char*>(data), size);
  if (size > 8 && size % 2 == 0) {
    XXH64_hash_t check = XXH3_64bits(fixed.data(), size - 8);
    std::memcpy(fixed.data() + size - 8, &check, sizeof check);
  }
  std::string_view bytes(fixed);
  renkei::LoadReport report;
  std::string siblings;
  if (auto ds = renkei::decode_snapshot(bytes, "fuzz", &report, &siblings)) {
    for (const renkei::Edge& e : ds->edges)
      if (e.from >= ds->nodes.size() || e.to >= ds->nodes.size())
        renkei::fuzz::bug("edge outside the dataset");
    ds->build_index();
  }
  return 0;
}
