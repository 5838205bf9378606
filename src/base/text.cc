#include "base/text.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "base/say.h"

namespace renkei {

namespace {

std::vector<utf8proc_int32_t> code_points(std::string_view s) {
  std::vector<utf8proc_int32_t> out;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {  // invalid byte: count it as U+FFFD and move on
      cp = 0xFFFD;
      n = 1;
    }
    out.push_back(cp);
    p += n;
    left -= n;
  }
  return out;
}

void append_utf8(std::string& out, utf8proc_int32_t cp) {
  utf8proc_uint8_t buf[4];
  utf8proc_ssize_t n = utf8proc_encode_char(cp, buf);
  out.append(reinterpret_cast<char*>(buf), static_cast<std::size_t>(n));
}

bool is_kana(utf8proc_int32_t cp) {
  return (cp >= 0x3041 && cp <= 0x30FF) || (cp >= 0xFF66 && cp <= 0xFF9F);
}

bool is_dash(utf8proc_int32_t cp) {
  switch (cp) {
    case 0x002D:
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0x30FC:
    case 0xFF0D:
    case 0xFF70:
    case 0x2500:
    case 0x301C:
    case 0xFF5E: return true;
    default: return false;
  }
}

/// Decodes one well-formed UTF-8 sequence at `p` (the rules of utf8proc_iterate: no
/// overlong forms, no surrogates, nothing above U+10FFFF) and advances `p`; -1 when the
/// bytes are not UTF-8.
std::int32_t next_code_point(const unsigned char*& p, const unsigned char* end) {
  unsigned b0 = *p;
  if (b0 < 0x80) {
    ++p;
    return static_cast<std::int32_t>(b0);
  }
  auto cont = [&](std::ptrdiff_t i, unsigned lo, unsigned hi) {
    return p + i < end && p[i] >= lo && p[i] <= hi;
  };
  std::int32_t cp;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    if (!cont(1, 0x80, 0xBF)) return -1;
    cp = static_cast<std::int32_t>(((b0 & 0x1F) << 6) | (p[1] & 0x3F));
    p += 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (!cont(1, b0 == 0xE0 ? 0xA0 : 0x80, b0 == 0xED ? 0x9F : 0xBF) || !cont(2, 0x80, 0xBF))
      return -1;
    cp = static_cast<std::int32_t>(((b0 & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F));
    p += 3;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (!cont(1, b0 == 0xF0 ? 0x90 : 0x80, b0 == 0xF4 ? 0x8F : 0xBF) || !cont(2, 0x80, 0xBF) ||
        !cont(3, 0x80, 0xBF))
      return -1;
    cp = static_cast<std::int32_t>(((b0 & 0x07) << 18) | ((p[1] & 0x3F) << 12) |
                                   ((p[2] & 0x3F) << 6) | (p[3] & 0x3F));
    p += 4;
  } else {
    return -1;
  }
  return cp;
}

/// Code points that NFKC with case folding (and UTF8PROC_IGNORE) leaves as they are and
/// that never combine with a neighbour: ASCII but A–Z (which fold to a–z), kana, common
/// CJK ideographs and punctuation. Most names are made only of these, and then
/// normalizing them is the identity (tests/formats/load_limits_test.cc checks each against
/// utf8proc).
bool nfkc_casefold_stable(std::int32_t cp) {
  return (cp < 0x80 && !(cp >= 'A' && cp <= 'Z')) || (cp >= 0x3001 && cp <= 0x3003) ||
         (cp >= 0x3005 && cp <= 0x3007) || (cp >= 0x3008 && cp <= 0x3011) ||
         (cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x30A1 && cp <= 0x30FC) ||
         (cp >= 0x4E00 && cp <= 0x9FFF);
}

std::string nfkc_casefold_slow(std::string_view name) {
  utf8proc_uint8_t* mapped = nullptr;
  auto opts = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                             UTF8PROC_CASEFOLD | UTF8PROC_IGNORE);
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(name.data()),
                                    static_cast<utf8proc_ssize_t>(name.size()), &mapped, opts);
  std::string normalized =
      n >= 0 ? std::string(reinterpret_cast<char*>(mapped), static_cast<std::size_t>(n))
             : std::string(name);
  std::free(mapped);
  return normalized;
}

}  // namespace

std::string nfkc_casefold(std::string_view s) { return nfkc_casefold_slow(s); }
bool is_nfkc_casefold_stable(std::int32_t cp) { return nfkc_casefold_stable(cp); }

std::string match_key(std::string_view name) {
  bool stable = true;
  const auto* end = reinterpret_cast<const unsigned char*>(name.data()) + name.size();
  for (const auto* p = reinterpret_cast<const unsigned char*>(name.data()); p < end && stable;) {
    std::int32_t cp = next_code_point(p, end);
    stable = cp >= 0 && (nfkc_casefold_stable(cp) || (cp >= 'A' && cp <= 'Z'));
  }
  // Most names need no normalizing but folding A–Z to a–z (see nfkc_casefold_stable); the
  // rest go through utf8proc.
  if (stable) {
    std::string out;
    out.reserve(name.size() + 8);
    std::int32_t prev = 0;
    // The same rules as below, for the stable set only: the one space in it is ' ', its
    // dashes are '-' and ー, its middle dot ・; nothing else needs utf8proc.
    const auto* p = reinterpret_cast<const unsigned char*>(name.data());
    const auto* run = p;  // start of the bytes not yet copied, copied in one go when a change comes
    auto copy_run = [&](const unsigned char* upto) {
      out.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(upto - run));
    };
    while (p < end) {
      const auto* start = p;
      std::int32_t cp = next_code_point(p, end);
      if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x30FB) {
        copy_run(start);
        run = p;
        continue;
      }
      if (cp >= 'A' && cp <= 'Z') {
        copy_run(start);
        out += static_cast<char>(cp - 'A' + 'a');
        run = p;
      } else if (cp == '-' || (cp == 0x4E00 && is_kana(prev))) {
        copy_run(start);
        cp = 0x30FC;
        append_utf8(out, cp);
        run = p;
      }
      prev = cp;
    }
    copy_run(end);
    return out;
  }
  return match_key_general(name);
}

std::string match_key_general(std::string_view name) {
  std::string out;
  utf8proc_int32_t prev = 0;
  std::string normalized = nfkc_casefold_slow(name);
  const auto* p = reinterpret_cast<const unsigned char*>(normalized.data());
  const auto* nend = p + normalized.size();
  while (p < nend) {
    utf8proc_int32_t cp = next_code_point(p, nend);
    if (cp < 0) {  // invalid byte: count it as U+FFFD and move on, as code_points does
      cp = 0xFFFD;
      ++p;
    }
    utf8proc_category_t cat = utf8proc_category(cp);
    if (cat == UTF8PROC_CATEGORY_ZS || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x30FB ||
        cp == 0xB7)
      continue;  // spaces and the middle dot ・ do not distinguish names
    if (is_dash(cp) || (cp == 0x4E00 && is_kana(prev))) cp = 0x30FC;
    append_utf8(out, cp);
    prev = cp;
  }
  return out;
}

std::size_t display_width(std::string_view s) {
  std::size_t w = 0;
  for (utf8proc_int32_t cp : code_points(s)) {
    // East Asian Wide and Fullwidth count 2; ambiguous-width symbols such as ① count 1,
    // as wcwidth() and most terminals do.
    w += static_cast<std::size_t>(std::max(utf8proc_charwidth(cp), 0));
  }
  return w;
}

std::string pad(std::string_view s, std::size_t width, bool right) {
  std::size_t w = display_width(s);
  std::string fill(w < width ? width - w : 0, ' ');
  return right ? fill + std::string(s) : std::string(s) + fill;
}

std::string truncate_to_width(std::string_view s, std::size_t width) {
  if (display_width(s) <= width) return std::string(s);
  std::string out;
  std::size_t w = 0;
  for (utf8proc_int32_t cp : code_points(s)) {
    std::string one;
    append_utf8(one, cp);
    std::size_t cw = display_width(one);
    if (w + cw + 1 > width) break;
    out += one;
    w += cw;
  }
  return out + "…";
}

std::string wrap_to_width(std::string_view s, std::size_t width, const std::string& indent) {
  std::string out, line;
  std::size_t w = 0, limit = width;
  std::size_t last_break = std::string::npos;  // byte offset in `line` after a good break point
  std::size_t width_at_break = 0;
  for (utf8proc_int32_t cp : code_points(s)) {
    std::string one;
    append_utf8(one, cp);
    std::size_t cw = display_width(one);
    // Kinsoku: 、。」）and the like never start a line; they stay on the one before.
    bool no_break_before = cp == 0x3001 || cp == 0x3002 || cp == 0x300D || cp == 0x300F ||
                           cp == 0xFF09 || cp == 0x30FC || cp == 0xFF0C || cp == 0xFF0E ||
                           cp == 0x3063 || cp == 0x30C3;
    if (w + cw > limit && !line.empty() && !no_break_before) {
      std::string rest;
      std::size_t rest_w = 0;
      // Break after 、。 or a space when that keeps most of the line; otherwise anywhere.
      if (last_break != std::string::npos && last_break < line.size() &&
          width_at_break * 3 >= limit * 2) {
        rest = line.substr(last_break);
        rest_w = w - width_at_break;
        line.resize(last_break);
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out += line + "\n" + indent;
      line = rest;
      w = rest_w;
      last_break = std::string::npos;
    }
    if (line.empty() && cp == ' ') continue;
    line += one;
    w += cw;
    if (cp == ' ' || cp == 0x3001 || cp == 0x3002 || cp == 0xFF0C || cp == 0x30FB) {
      last_break = line.size();
      width_at_break = w;
    }
  }
  return out + line;
}

std::size_t code_point_count(std::string_view s) { return code_points(s).size(); }

std::size_t edit_distance(std::string_view a, std::string_view b) {
  auto x = code_points(a), y = code_points(b);
  std::vector<std::size_t> prev(y.size() + 1), cur(y.size() + 1);
  for (std::size_t j = 0; j <= y.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= y.size(); ++j)
      cur[j] =
          std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[y.size()];
}

std::size_t edit_distance_within(std::string_view a, std::string_view b, std::size_t limit) {
  const std::size_t over = limit + 1;
  std::size_t n = code_point_count(a), m = code_point_count(b);
  if ((n > m ? n - m : m - n) > limit) return over;
  auto x = code_points(a), y = code_points(b);
  std::vector<std::size_t> prev(m + 1, over), cur(m + 1, over);
  for (std::size_t j = 0; j <= std::min(m, limit); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    // Row i only needs columns i - limit … i + limit; the cells just outside are "over".
    std::size_t lo = i > limit ? i - limit : 0, hi = std::min(m, i + limit);
    if (lo > 0) cur[lo - 1] = over;
    if (hi < m) cur[hi + 1] = over;
    std::size_t row_best = over;
    if (lo == 0) row_best = cur[0] = i;
    for (std::size_t j = std::max<std::size_t>(lo, 1); j <= hi; ++j) {
      std::size_t v =
          std::min({prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1), prev[j] + 1, cur[j - 1] + 1});
      cur[j] = std::min(v, over);
      row_best = std::min(row_best, cur[j]);
    }
    if (row_best > limit) return over;  // a row's least value never goes down again
    std::swap(prev, cur);
  }
  return std::min(prev[m], over);
}

std::optional<std::string> nearest(std::string_view word,
                                   const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  std::size_t best_d = 0;
  std::size_t len = code_point_count(word);
  if (len > kMaxSuggestChars) return std::nullopt;
  std::size_t limit = std::max<std::size_t>(2, len / 3);
  for (const auto& c : candidates) {
    std::size_t d = edit_distance_within(word, c, limit);
    if (d <= limit && (!best || d < best_d)) {
      best = c;
      best_d = d;
    }
  }
  return best;
}

bool valid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    // Eight ASCII bytes at a time: most of a dataset's bytes are JSON punctuation and ids.
    while (end - p >= 8) {
      std::uint64_t word;
      std::memcpy(&word, p, 8);
      if (word & 0x8080808080808080ull) break;
      p += 8;
    }
    if (p == end) break;
    if (next_code_point(p, end) < 0) return false;
  }
  return true;
}

std::optional<std::uint32_t> control_character(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7F) return c;
    // C1 controls are U+0080–U+009F, in UTF-8 0xC2 0x80–0xC2 0x9F.
    if (c == 0xC2 && i + 1 < s.size()) {
      auto c1 = static_cast<unsigned char>(s[i + 1]);
      if (c1 >= 0x80 && c1 <= 0x9F) return c1;
    }
  }
  return std::nullopt;
}

std::optional<std::string> text_problem(std::string_view text, bool one_line) {
  if (one_line) {
    if (auto cp = control_character(text)) {
      char code[8];
      std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(*cp));
      return say("contains a control character ({1}); a name is one line of plain text", {code});
    }
  }
  if (text.find('\0') != std::string_view::npos)
    return say(
        "contains a NUL character (U+0000), which cuts the text short in other programs; remove "
        "it");
  for (const char* nonchar : {"\xEF\xBF\xBE", "\xEF\xBF\xBF"})
    if (text.find(nonchar) != std::string_view::npos)
      return say(
          "contains {1}, which is not a character (no XML file such as GraphML can hold it); "
          "remove it",
          {nonchar[2] == '\xBE' ? "U+FFFE" : "U+FFFF"});
  return std::nullopt;
}

}  // namespace renkei
