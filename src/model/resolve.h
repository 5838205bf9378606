#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/dataset.h"

namespace renkei {

/// Finds nodes by what users type: an id, the Japanese name, any alias, the romanized name,
/// a municipality without its 市/町 suffix, or (when only one node fits) part of a name.
/// "柳井" is 柳井市 before it is the 柳井 planning region: names from the document come
/// first, short municipality names next, aliases from outside facts last.
/// Matching ignores width, case, spaces and long-vowel/hyphen variants (see match_key).
class NameIndex {
 public:
  explicit NameIndex(const Dataset& ds);

  /// The node `query` names, restricted to `kinds` when not empty. Throws a usage error
  /// (exit 2) "unknown node "…" (did you mean "…"?)" or "… is ambiguous: …".
  std::size_t resolve(std::string_view query, const std::vector<Kind>& kinds = {}) const;
  /// Like resolve, but nullopt instead of an error when nothing matches.
  std::optional<std::size_t> find(std::string_view query,
                                  const std::vector<Kind>& kinds = {}) const;

 private:
  enum class Tier { Strong, Weak, Outside };
  static constexpr int kScansBeforeIndex = 3;
  /// Typed text longer than this (code points) is not searched for a shared piece.
  static constexpr std::size_t kMaxSharedPartChars = 48;
  /// Fills the maps below (once).
  void build() const;
  /// The nodes one tier's map would give for `key`, found by scanning every node.
  std::vector<std::size_t> scan(Tier tier, const std::string& key) const;
  std::vector<std::size_t> candidates(std::string_view query, const std::vector<Kind>& kinds) const;
  std::optional<std::size_t> longest_shared_part(const std::string& key,
                                                 const std::vector<Kind>& kinds) const;

  const Dataset& ds_;
  // Built on first need (build()); until then lookups scan the nodes.
  mutable bool built_ = false;
  mutable int scans_ = 0;
  mutable std::unordered_map<std::string, std::vector<std::size_t>>
      strong_;  ///< ids, names, aliases, romanized names
  mutable std::unordered_map<std::string, std::vector<std::size_t>>
      weak_;  ///< short municipality names
  mutable std::unordered_map<std::string, std::vector<std::size_t>>
      outside_;  ///< aliases from outside facts (region 柳井)
  mutable std::vector<std::pair<std::string, std::size_t>>
      keys_;  ///< every strong key, in node order
};

}  // namespace renkei
