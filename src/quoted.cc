#include "quoted.h"

#include <cstdio>

#include "names.h"

namespace renkei {

namespace {

/// Length of the well-formed UTF-8 sequence at `s[i]` (RFC 3629), or 0 when the byte there
/// does not start one.
std::size_t sequence_length(std::string_view s, std::size_t i) {
  auto byte = [&](std::size_t k) -> unsigned {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u;
  };
  auto in = [](unsigned b, unsigned lo, unsigned hi) { return b >= lo && b <= hi; };
  unsigned b0 = byte(0), b1 = byte(1);
  if (b0 < 0x80) return 1;
  if (in(b0, 0xC2, 0xDF)) return in(b1, 0x80, 0xBF) ? 2 : 0;
  if (in(b0, 0xE0, 0xEF)) {
    unsigned lo = b0 == 0xE0 ? 0xA0 : 0x80, hi = b0 == 0xED ? 0x9F : 0xBF;
    return in(b1, lo, hi) && in(byte(2), 0x80, 0xBF) ? 3 : 0;
  }
  if (in(b0, 0xF0, 0xF4)) {
    unsigned lo = b0 == 0xF0 ? 0x90 : 0x80, hi = b0 == 0xF4 ? 0x8F : 0xBF;
    return in(b1, lo, hi) && in(byte(2), 0x80, 0xBF) && in(byte(3), 0x80, 0xBF) ? 4 : 0;
  }
  return 0;
}

/// A value as a message shows it, and what the reader should be told about it.
struct Shown {
  std::string text;
  bool cut = false;    ///< longer than kQuotedChars characters
  bool valid = true;   ///< well-formed UTF-8
};

Shown show(std::string_view value, std::size_t max_chars = kQuotedChars, bool keep_layout = false) {
  Shown out;
  char buf[8];
  std::size_t chars = 0;
  for (std::size_t i = 0; i < value.size();) {
    if (keep_layout && (value[i] == '\n' || value[i] == '\t')) {
      out.text += value[i++];
      continue;
    }
    if (chars == max_chars) {
      out.cut = true;
      out.valid = out.valid && valid_utf8(value.substr(i));
      break;
    }
    std::size_t n = sequence_length(value, i);
    if (n == 0) out.valid = false;
    if (n == 0) {  // a byte that is not UTF-8 counts as one character
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(value[i]));
      out.text += buf;
      n = 1;
    } else if (auto cp = control_character(value.substr(i, n))) {
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(*cp));
      out.text += buf;
    } else {
      out.text.append(value, i, n);
    }
    i += n;
    ++chars;
  }
  if (out.cut) out.text += "…";
  return out;
}

}  // namespace

std::string excerpt(std::string_view value) { return show(value).text; }

std::string terminal_safe(std::string_view text, bool keep_layout) {
  return show(text, std::string::npos, keep_layout).text;
}

std::string in_quotes(std::string_view value) {
  Shown s = show(value);
  std::string out = "\"" + s.text + "\"";
  if (s.cut) out += " (" + std::to_string(value.size()) + " bytes)";
  if (!s.valid) out += " (not valid UTF-8)";
  return out;
}

}  // namespace renkei
