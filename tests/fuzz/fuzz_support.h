#pragma once
// What the libFuzzer targets share: the built-in dataset loaded once, a way to hand fuzzed
// names to the writers, and the rule that only renkei::Error may leave the library.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "base/text.h"
#include "formats/embedded.h"
#include "formats/load.h"
#include "model/dataset.h"

namespace renkei::fuzz {

/// The built-in dataset, loaded once per process.
inline const Dataset& builtin() {
  static const Dataset ds = load_builtin_dataset();
  return ds;
}

/// Reads the files a dataset names beside it from the copies compiled into the program.
inline SiblingReader builtin_siblings() {
  return [](const std::string& rel) -> std::optional<std::string> {
    if (rel == "yamaguchi-regions.json") return std::string(embedded::outside_facts());
    if (rel == "source/yamaguchi-r6.txt") return std::string(embedded::source_text());
    return std::nullopt;
  };
}

/// Splits fuzz input at 0x01 bytes into names. A loaded dataset only ever holds valid UTF-8
/// (the loader refuses anything else), so invalid pieces are replaced rather than passed on.
inline std::vector<std::string> names_from(const std::uint8_t* data, std::size_t size) {
  std::vector<std::string> out(1);
  for (std::size_t i = 0; i < size; ++i) {
    if (data[i] == 0x01)
      out.emplace_back();
    else
      out.back() += static_cast<char>(data[i]);
  }
  for (auto& s : out)
    if (!valid_utf8(s)) s = "x";
  return out;
}

/// A copy of the built-in dataset with the first nodes renamed to `names` (names, aliases,
/// romanized names and notes: everything a writer prints).
inline Dataset renamed(const std::vector<std::string>& names) {
  Dataset ds = builtin();
  for (std::size_t i = 0; i < names.size() && i < ds.nodes.size(); ++i) {
    Node& n = ds.nodes[(i * 7) % ds.nodes.size()];  // spread over kinds, not only municipalities
    if (names[i].empty()) continue;
    n.name = names[i];
    n.name_en = names[i];
    n.note = names[i];
    if (!n.aliases.empty()) n.aliases[0].name = names[i] + "'";
  }
  return ds;
}

/// A finding: libFuzzer reports the abort with the input that caused it.
[[noreturn]] inline void bug(const char* what) {
  std::fprintf(stderr, "renkei fuzz: %s\n", what);
  std::abort();
}

}  // namespace renkei::fuzz
