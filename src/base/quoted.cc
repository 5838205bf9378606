#include "base/quoted.h"

#include <cstdio>
#include <cstring>

#include "base/say.h"
#include "base/text.h"

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
  bool cut = false;   ///< longer than kQuotedChars characters
  bool valid = true;  ///< well-formed UTF-8
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

namespace {

class ControlEscaper : public std::streambuf {
 public:
  ControlEscaper(std::streambuf* to, bool json) : to_(to), json_(json) {}

 protected:
  int overflow(int ch) override {
    if (ch == traits_type::eof()) return 0;
    char c = static_cast<char>(ch);
    return xsputn(&c, 1) == 1 ? ch : traits_type::eof();
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    const char* p = s;
    const char* end = s + n;
    if (pending_c2_ && p < end) {  // the last piece ended in the first byte of a two-byte character
      pending_c2_ = false;
      auto b = static_cast<unsigned char>(*p);
      if (b >= 0x80 && b <= 0x9F) {
        escape(b);
        ++p;
      } else {
        to_->sputc('\xC2');
      }
    }
    while (p < end) {
      const char* at = find_special(p, end);
      to_->sputn(p, at - p);  // the plain run, passed on as it is
      if (at == end) break;
      auto b = static_cast<unsigned char>(*at);
      if (b != 0xC2) {
        escape(b);
        p = at + 1;
      } else if (at + 1 == end) {
        pending_c2_ = true;
        p = end;
      } else if (auto next = static_cast<unsigned char>(at[1]); next >= 0x80 && next <= 0x9F) {
        escape(next);
        p = at + 2;
      } else {
        to_->sputn(at, 2);  // an ordinary two-byte character
        p = at + 2;
      }
    }
    return n;
  }
  int sync() override {
    if (pending_c2_) to_->sputc('\xC2');
    pending_c2_ = false;
    return to_->pubsync();
  }

 private:
  /// The next byte that may need an escape: 0xC2 (C1 controls are C2 80–9F), DEL, and in
  /// text C0 but line breaks and tabs. JSON answers are large: memchr, not a loop, finds them.
  const char* find_special(const char* p, const char* end) const {
    if (json_) {
      auto* c2 = static_cast<const char*>(std::memchr(p, 0xC2, static_cast<std::size_t>(end - p)));
      const char* stop = c2 ? c2 : end;
      auto* del =
          static_cast<const char*>(std::memchr(p, 0x7F, static_cast<std::size_t>(stop - p)));
      return del ? del : stop;
    }
    for (; p < end; ++p) {
      auto b = static_cast<unsigned char>(*p);
      if ((b < 0x20 && b != '\n' && b != '\t') || b == 0x7F || b == 0xC2) return p;
    }
    return end;
  }
  void escape(unsigned code) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "\\u%04x", code);
    to_->sputn(buf, 6);
  }
  std::streambuf* to_;
  bool json_;
  bool pending_c2_ = false;
};

}  // namespace

std::unique_ptr<std::streambuf> control_escaping_buffer(std::streambuf* to, bool json) {
  return std::make_unique<ControlEscaper>(to, json);
}

std::string in_quotes(std::string_view value) {
  Shown s = show(value);
  // Japanese quotes a value in 「」, as Japanese text does; English in double quotes
  std::string out = say("\"{1}\"", {s.text});
  if (s.cut) out += say(" ({1} bytes)", {std::to_string(value.size())});
  if (!s.valid) out += say(" (not valid UTF-8)");
  return out;
}

std::string did_you_mean(const std::optional<std::string>& suggestion) {
  return suggestion ? say(" (did you mean {1}?)", {in_quotes(*suggestion)}) : "";
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  return did_you_mean(nearest(word, candidates));
}

}  // namespace renkei
