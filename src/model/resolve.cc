#include "model/resolve.h"

#include "model/facts.h"

#include <algorithm>

#include "base/error.h"
#include "base/quoted.h"
#include "base/say.h"
#include "base/text.h"

namespace renkei {

namespace {
void add(std::unordered_map<std::string, std::vector<std::size_t>>& map, const std::string& key,
         std::size_t i) {
  if (key.empty()) return;
  auto& v = map[key];
  if (std::find(v.begin(), v.end(), i) == v.end()) v.push_back(i);
}
}  // namespace

NameIndex::NameIndex(const Dataset& ds) : ds_(ds) {}

void NameIndex::build() const {
  if (built_) return;
  built_ = true;
  const Dataset& ds = ds_;
  strong_.reserve(ds.nodes.size() * 3);
  keys_.reserve(ds.nodes.size() * 3);
  auto add_strong = [this](const std::string& name, std::size_t i) {
    std::string key = match_key(name);
    add(strong_, key, i);
    if (!key.empty()) keys_.push_back({std::move(key), i});
  };
  for (std::size_t i = 0; i < ds.nodes.size(); ++i)
    for (const Spelling& s : spellings(ds.nodes[i])) {
      if (s.kind == Spelling::Kind::OutsideAlias)
        add(outside_, match_key(s.text), i);
      else if (s.kind == Spelling::Kind::ShortName)
        add(weak_, match_key(s.text), i);
      else
        add_strong(s.text, i);
    }
}

std::vector<std::size_t> NameIndex::scan(Tier tier, const std::string& key) const {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < ds_.nodes.size(); ++i) {
    bool hit = false;
    for_each_spelling(ds_.nodes[i], [&](std::string_view text, Spelling::Kind kind) {
      Tier t = kind == Spelling::Kind::OutsideAlias ? Tier::Outside
               : kind == Spelling::Kind::ShortName  ? Tier::Weak
                                                    : Tier::Strong;
      hit = hit || (t == tier && match_key(text) == key);
    });
    if (hit) out.push_back(i);
  }
  return out;
}

std::vector<std::size_t> NameIndex::candidates(std::string_view query,
                                               const std::vector<Kind>& kinds) const {
  auto allowed = [&](std::size_t i) {
    return kinds.empty() || std::find(kinds.begin(), kinds.end(), ds_.nodes[i].kind) != kinds.end();
  };
  auto filtered = [&](const std::vector<std::size_t>& v) {
    std::vector<std::size_t> out;
    for (std::size_t i : v)
      if (allowed(i)) out.push_back(i);
    return out;
  };
  std::string key = match_key(query);
  if (key.empty()) return {};
  // The first few lookups scan the nodes instead of building the index: a command names one
  // or two nodes, and on nationwide data a scan costs a few milliseconds where the index
  // costs ten or more. Same tiers, same order (tests/base/text_test.cc compares the two).
  if (!built_ && scans_ < kScansBeforeIndex) {
    ++scans_;
    for (Tier tier : {Tier::Strong, Tier::Weak, Tier::Outside}) {
      auto v = filtered(scan(tier, key));
      if (!v.empty()) return v;
    }
  }
  build();
  for (const auto* map : {&strong_, &weak_, &outside_}) {
    auto it = map->find(key);
    if (it != map->end()) {
      auto v = filtered(it->second);
      if (!v.empty()) return v;
    }
  }
  // Part of a name: only at least two characters, and every node containing it is returned.
  std::vector<std::size_t> out;
  if (display_width(key) < 2) return out;
  for (const auto& [k, i] : keys_)
    if (allowed(i) && k.find(key) != std::string::npos &&
        std::find(out.begin(), out.end(), i) == out.end())
      out.push_back(i);
  return out;
}

std::optional<std::size_t> NameIndex::longest_shared_part(const std::string& key,
                                                          const std::vector<Kind>& kinds) const {
  // The longest piece of what was typed (at least two characters) that is part of exactly
  // one node's name: "たんぽぽ園" → 地域生活支援センターたんぽぽ.
  std::vector<std::string> chars;
  for (std::size_t i = 0; i < key.size();) {
    std::size_t len = utf8_sequence_length(static_cast<unsigned char>(key[i]));
    chars.push_back(key.substr(i, len));
    i += len;
  }
  // Each piece length costs a pass over every key for every start: typed names are short,
  // so a long text gets no suggestion, and no piece is longer than the longest key.
  if (chars.size() > kMaxSharedPartChars) return std::nullopt;
  std::size_t longest = 0;
  for (const auto& kv : keys_) longest = std::max(longest, code_point_count(kv.first));
  for (std::size_t n = std::min(chars.size() > 0 ? chars.size() - 1 : 0, longest); n >= 2; --n)
    for (std::size_t start = 0; start + n <= chars.size(); ++start) {
      std::string piece;
      for (std::size_t k = start; k < start + n; ++k) piece += chars[k];
      std::vector<std::size_t> hits;
      for (const auto& [k, i] : keys_)
        if ((kinds.empty() ||
             std::find(kinds.begin(), kinds.end(), ds_.nodes[i].kind) != kinds.end()) &&
            k.find(piece) != std::string::npos &&
            std::find(hits.begin(), hits.end(), i) == hits.end())
          hits.push_back(i);
      if (hits.size() == 1) return hits[0];
    }
  return std::nullopt;
}

std::optional<std::size_t> NameIndex::find(std::string_view query,
                                           const std::vector<Kind>& kinds) const {
  auto c = candidates(query, kinds);
  if (c.size() == 1) return c[0];
  return std::nullopt;
}

std::size_t NameIndex::resolve(std::string_view query, const std::vector<Kind>& kinds) const {
  auto c = candidates(query, kinds);
  if (c.size() == 1) return c[0];
  bool ja = language() == Lang::Ja;
  // What was looked for, as the sentence names it: one kind, or any node.
  auto what_word = [&](bool plural) -> std::string {
    if (kinds.size() != 1) return plural ? say("resolve|nodes") : say("resolve|node");
    if (ja) return kinds[0] == Kind::Municipality ? unit_word(ds_) : label_ja(kinds[0]);
    return std::string(word(kinds[0])) + (plural ? "s" : "");
  };
  std::string what = what_word(false);
  if (c.empty()) {
    // Bytes that are not UTF-8 name nothing, and no name is near them.
    if (!valid_utf8(query))
      throw usage_error(
          say("unknown {1} {2}; see `renkei list` for names", {what, in_quotes(query)}));
    build();
    std::string key = match_key(query);
    std::size_t length = key.empty() ? 0 : code_point_count(key);
    if (length > kMaxSuggestChars)
      throw usage_error(
          say("unknown {1} {2}; see `renkei list` for names", {what, in_quotes(query)}));
    std::optional<std::size_t> best;
    std::size_t limit = std::max<std::size_t>(1, length / 3), best_d = limit + 1;
    for (const auto& [k, i] : keys_) {
      if (!kinds.empty() && std::find(kinds.begin(), kinds.end(), ds_.nodes[i].kind) == kinds.end())
        continue;
      std::size_t d = edit_distance_within(key, k, std::min(limit, best_d));
      if (d < best_d) {
        best = i;
        best_d = d;
      }
    }
    if (!best) best = longest_shared_part(key, kinds);
    if (best)
      throw usage_error(say("unknown {1} {2}", {what, in_quotes(query)}) +
                        did_you_mean(ds_.nodes[*best].name));
    throw usage_error(
        say("unknown {1} {2}; see `renkei list` for names", {what, in_quotes(query)}));
  }
  std::sort(c.begin(), c.end());
  std::string list;
  std::string sep = say("list|, ");
  for (std::size_t k = 0; k < c.size() && k < 6; ++k)
    list += (k ? sep : "") + excerpt(ds_.nodes[c[k]].name);
  if (c.size() > 6) list += sep + "…";
  throw usage_error(
      say("{1} is ambiguous: it matches {2} {3} ({4}); give more of the name or the id",
          {in_quotes(query), std::to_string(c.size()), what_word(true), list}));
}

}  // namespace renkei
