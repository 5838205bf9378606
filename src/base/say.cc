#include "base/say.h"

#include <unordered_map>

namespace renkei {

namespace {

Lang g_language = Lang::Ja;

/// {N} in `text` replaced by args[N-1]; a brace that is not {1}…{9} stays as it is.
std::string fill(std::string_view text, std::initializer_list<std::string> args) {
  std::string out;
  out.reserve(text.size() + 16 * args.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{' && i + 2 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9' &&
        text[i + 2] == '}') {
      auto n = static_cast<std::size_t>(text[i + 1] - '1');
      if (n < args.size()) out += *(args.begin() + n);
      i += 2;
      continue;
    }
    out += text[i];
  }
  return out;
}

const std::unordered_map<std::string_view, std::string_view>& japanese() {
  static const auto* map = [] {
    auto* m = new std::unordered_map<std::string_view, std::string_view>;
    for (const auto& [en, ja] : japanese_catalogue()) m->emplace(en, ja);
    return m;
  }();
  return *map;
}

}  // namespace

std::string_view without_context(std::string_view english) {
  auto bar = english.find('|');
  if (bar == std::string_view::npos || bar == 0) return english;
  for (std::size_t i = 0; i < bar; ++i)
    if (!(english[i] >= 'a' && english[i] <= 'z')) return english;
  return english.substr(bar + 1);
}

Lang language() { return g_language; }
void set_language(Lang lang) { g_language = lang; }

const std::vector<std::pair<std::string_view, std::string_view>>& japanese_catalogue() {
  static const std::vector<std::pair<std::string_view, std::string_view>> entries = {
#include "base/catalogue/base.inc"
#include "base/catalogue/cli.inc"
#include "base/catalogue/diagram.inc"
#include "base/catalogue/formats.inc"
#include "base/catalogue/load.inc"
#include "base/catalogue/model.inc"
#include "base/catalogue/report.inc"
  };
  return entries;
}

std::string say(Lang lang, std::string_view english, std::initializer_list<std::string> args) {
  if (lang == Lang::Ja) {
    const auto& ja = japanese();
    if (auto it = ja.find(english); it != ja.end()) return fill(it->second, args);
  }
  return fill(without_context(english), args);
}

std::string say(std::string_view english, std::initializer_list<std::string> args) {
  return say(g_language, english, args);
}

}  // namespace renkei
