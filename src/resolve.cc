#include "resolve.h"

#include <algorithm>

#include "error.h"
#include "names.h"

namespace renkei {

namespace {
void add(std::unordered_map<std::string, std::vector<std::size_t>>& map, const std::string& key, std::size_t i) {
  if (key.empty()) return;
  auto& v = map[key];
  if (std::find(v.begin(), v.end(), i) == v.end()) v.push_back(i);
}
bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() > suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}
}  // namespace

NameIndex::NameIndex(const Dataset& ds) : ds_(ds) {
  for (std::size_t i = 0; i < ds.nodes.size(); ++i) {
    const Node& n = ds.nodes[i];
    std::vector<std::string> names = {n.id, n.name, n.name_en};
    for (const auto& a : n.aliases) names.push_back(a.name);
    for (const auto& name : names) {
      std::string key = match_key(name);
      add(strong_, key, i);
      if (!key.empty()) keys_.push_back({key, i});
    }
    if (n.kind == Kind::Municipality)
      for (const char* suffix : {"市", "町", "村"})
        if (ends_with(n.name, suffix)) add(weak_, match_key(n.name.substr(0, n.name.size() - std::string(suffix).size())), i);
  }
}

std::vector<std::size_t> NameIndex::candidates(std::string_view query, const std::vector<Kind>& kinds) const {
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
  for (const auto* map : {&strong_, &weak_}) {
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
    if (allowed(i) && k.find(key) != std::string::npos && std::find(out.begin(), out.end(), i) == out.end())
      out.push_back(i);
  return out;
}

std::optional<std::size_t> NameIndex::find(std::string_view query, const std::vector<Kind>& kinds) const {
  auto c = candidates(query, kinds);
  if (c.size() == 1) return c[0];
  return std::nullopt;
}

std::size_t NameIndex::resolve(std::string_view query, const std::vector<Kind>& kinds) const {
  auto c = candidates(query, kinds);
  if (c.size() == 1) return c[0];
  std::string what = kinds.size() == 1 ? word(kinds[0]) : std::string("node");
  if (c.empty()) {
    std::string key = match_key(query);
    std::optional<std::size_t> best;
    std::size_t best_d = 0;
    for (const auto& [k, i] : keys_) {
      if (!kinds.empty() && std::find(kinds.begin(), kinds.end(), ds_.nodes[i].kind) == kinds.end()) continue;
      std::size_t d = edit_distance(key, k);
      if (!best || d < best_d) {
        best = i;
        best_d = d;
      }
    }
    std::string msg = "unknown " + what + " \"" + std::string(query) + "\"";
    if (best && best_d <= std::max<std::size_t>(2, display_width(key) / 2))
      msg += " (did you mean \"" + ds_.nodes[*best].name + "\"?)";
    else
      msg += "; see `renkei list` for names";
    throw usage_error(msg);
  }
  std::sort(c.begin(), c.end());
  std::string list;
  for (std::size_t k = 0; k < c.size() && k < 6; ++k) list += (k ? ", " : "") + ds_.nodes[c[k]].name;
  if (c.size() > 6) list += ", …";
  throw usage_error("\"" + std::string(query) + "\" is ambiguous: it matches " + std::to_string(c.size()) + " " + what +
                    "s (" + list + "); give more of the name or the id");
}

}  // namespace renkei
