// The catalogue of sentences (base/say.h): every say("…") and N_("…") in src/ has its
// Japanese, with the same placeholders, and the catalogue holds nothing no code says.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "base/say.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace renkei;

namespace {

bool ident_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/// Skips spaces, line breaks and comments from `i`.
std::size_t skip_space(const std::string& s, std::size_t i) {
  while (i < s.size()) {
    if (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r') {
      ++i;
    } else if (s.compare(i, 2, "//") == 0) {
      i = s.find('\n', i);
      if (i == std::string::npos) return s.size();
    } else if (s.compare(i, 2, "/*") == 0) {
      i = s.find("*/", i);
      if (i == std::string::npos) return s.size();
      i += 2;
    } else {
      break;
    }
  }
  return i;
}

/// The string literal (one or more, joined as C++ joins them) starting at `i`, unescaped;
/// false when there is none there. `i` ends after it.
bool read_literal(const std::string& s, std::size_t& i, std::string& out) {
  bool any = false;
  for (std::size_t j = skip_space(s, i); j < s.size() && s[j] == '"'; j = skip_space(s, i)) {
    any = true;
    for (++j; j < s.size() && s[j] != '"'; ++j) {
      if (s[j] != '\\') {
        out += s[j];
        continue;
      }
      char e = s[++j];
      out += e == 'n' ? '\n' : e == 't' ? '\t' : e;
    }
    i = j + 1;
  }
  return any;
}

/// `s` with its comments blanked (line breaks kept, so lines still count), strings untouched.
std::string without_comments(const std::string& s) {
  std::string out = s;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] == '"' || out[i] == '\'') {
      char q = out[i];
      for (++i; i < out.size() && out[i] != q; ++i)
        if (out[i] == '\\') ++i;
    } else if (out.compare(i, 2, "//") == 0) {
      for (; i < out.size() && out[i] != '\n'; ++i) out[i] = ' ';
    } else if (out.compare(i, 2, "/*") == 0) {
      for (; i < out.size() && out.compare(i, 2, "*/") != 0; ++i)
        if (out[i] != '\n') out[i] = ' ';
      if (i < out.size()) out[i] = out[i + 1] = ' ';
    }
  }
  return out;
}

struct Said {
  std::string text, where;
};

/// Every literal sentence said in one source file: say("…"), say(lang, "…"), N_("…").
void sentences_in(const fs::path& file, std::vector<Said>& out) {
  std::string s = without_comments(test::read_file(file.string()));
  for (const char* marker : {"say(", "N_("}) {
    std::string m = marker;
    for (std::size_t at = s.find(m); at != std::string::npos; at = s.find(m, at + 1)) {
      if (at > 0 && (ident_char(s[at - 1]) || s[at - 1] == '.')) continue;
      std::size_t i = at + m.size();
      std::string text;
      if (!read_literal(s, i, text) && m == "say(") {
        // say(lang, "…"): the first argument is a name or member, then the sentence
        std::size_t j = skip_space(s, i);
        while (j < s.size() && (ident_char(s[j]) || s[j] == '.' || s[j] == '_' || s[j] == ':' ||
                                s[j] == '-' || s[j] == '>' || s[j] == '(' || s[j] == ')'))
          ++j;
        j = skip_space(s, j);
        if (j >= s.size() || s[j] != ',') continue;
        i = j + 1;
        if (!read_literal(s, i, text)) continue;
      } else if (text.empty()) {
        continue;
      }
      auto line = std::count(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(at), '\n') + 1;
      out.push_back({text, file.lexically_relative(test::repo_path("")).string() + ":" +
                               std::to_string(line)});
    }
  }
}

std::vector<Said> every_sentence() {
  std::vector<Said> all;
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(test::repo_path("src")))
    if (e.is_regular_file() && (e.path().extension() == ".cc" || e.path().extension() == ".h"))
      files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) sentences_in(f, all);
  return all;
}

std::multiset<std::string> placeholders(std::string_view text) {
  std::multiset<std::string> out;
  for (std::size_t i = 0; i + 2 < text.size(); ++i)
    if (text[i] == '{' && text[i + 1] >= '1' && text[i + 1] <= '9' && text[i + 2] == '}')
      out.insert(std::string(text.substr(i, 3)));
  return out;
}

bool has_letters(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

}  // namespace

TEST_CASE("every sentence renkei says has its Japanese, with the same placeholders") {
  std::map<std::string_view, std::string_view> ja;
  for (const auto& [en, j] : japanese_catalogue()) {
    INFO("catalogue entry: " << en);
    CHECK(ja.emplace(en, j).second);  // one Japanese per sentence
  }
  auto said = every_sentence();
  REQUIRE(said.size() > 20);  // the scan finds the code's sentences at all
  std::set<std::string> used;
  for (const auto& s : said) {
    used.insert(s.text);
    INFO(s.where << ": " << s.text);
    auto it = ja.find(s.text);
    CHECK(it != ja.end());
    if (it == ja.end()) continue;
    CHECK(placeholders(it->second) == placeholders(s.text));
  }
  for (const auto& [en, j] : ja) {
    INFO("catalogue entry no code says: " << en);
    CHECK(used.count(std::string(en)) == 1);
  }
}

TEST_CASE("the Japanese catalogue is Japanese") {
  for (const auto& [en, j] : japanese_catalogue()) {
    INFO(en << " -> " << j);
    // a sentence with words in it is said with Japanese words, not left in English (or with
    // none, only its placeholders: "{1} municipalities{2}" is 「{1}{2}」, 19市町)
    if (has_letters(en) && has_letters(j))
      CHECK(std::any_of(j.begin(), j.end(),
                        [](char c) { return static_cast<unsigned char>(c) >= 0x80; }));
  }
}

TEST_CASE("say fills placeholders in either language and falls back to English") {
  CHECK(say(Lang::En, "{2} before {1}", {"a", "b"}) == "b before a");
  CHECK(say(Lang::Ja, "not in the catalogue {1}", {"x"}) == "not in the catalogue x");
  CHECK(say(Lang::En, "{x} and {10} stay", {"a"}) == "{x} and {10} stay");
  Lang before = language();
  {
    LanguageScope ja(Lang::Ja);
    CHECK(language() == Lang::Ja);
    CHECK(say(" (did you mean {1}?)", {"x"}) == "（もしかしてx？）");
  }
  CHECK(language() == before);
}
