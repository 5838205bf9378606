#include "json/writer.h"

#include <algorithm>
#include <charconv>
#include <cstring>

#include "base/text.h"

namespace renkei {

void JsonWriter::make_room(std::size_t n) {
  if (sink_ && used_) {  // a stream's buffer is emptied rather than grown
    finish();
    if (out_.size() >= n) return;
  }
  // The string's own capacity grows geometrically; only the room asked for (or a little
  // more) is filled in. A stream's buffer starts at about the size it is emptied at.
  const std::size_t least = sink_ ? std::size_t{1} << 17 : 256;
  out_.resize(used_ + std::max(n, least));
}

void JsonWriter::finish() {
  if (!sink_) {
    out_.resize(used_);
    return;
  }
  sink_->write(out_.data(), static_cast<std::streamsize>(used_));
  used_ = 0;
}

void JsonWriter::newline_indent(std::size_t depth) {
  char* p = room(1 + 2 * depth);
  *p = '\n';
  std::memset(p + 1, ' ', 2 * depth);
  used_ += 1 + 2 * depth;
}

void JsonWriter::before_value() {
  spill();
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (levels_.empty()) return;
  if (levels_.back().items++) put(',');
  newline_indent(levels_.size());
}

JsonWriter& JsonWriter::open(char bracket, bool object) {
  before_value();
  put(bracket);
  levels_.push_back({object, 0});
  return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
  Level level = levels_.back();
  levels_.pop_back();
  if (level.items) newline_indent(levels_.size());
  put(bracket);
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view k) {
  spill();
  if (levels_.back().items++) put(',');
  newline_indent(levels_.size());
  string(k);
  put(std::string_view(": "));
  after_key_ = true;
  return *this;
}

namespace {

/// Whether any of eight bytes is below 0x20, a quote or a backslash: bytes JSON escapes.
/// Exact for bytes below 0x80, which is all it is asked about.
bool any_to_escape(std::uint64_t word) {
  constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  auto zero_byte = [&](std::uint64_t x) { return (x - ones) & ~x & highs; };
  std::uint64_t below_space = (word - ones * 0x20) & ~word & highs;
  return below_space || zero_byte(word ^ (ones * '"')) || zero_byte(word ^ (ones * '\\'));
}

/// The length of the well-formed three-byte character (U+0800–U+FFFF, no surrogates: kana,
/// kanji, full-width forms) at p, or 0 when it is something else, left to valid_utf8.
std::size_t three_byte_character(const unsigned char* p, const unsigned char* end) {
  if (end - p < 3 || p[0] < 0xE0 || p[0] > 0xEF) return 0;
  unsigned lo = p[0] == 0xE0 ? 0xA0 : 0x80, hi = p[0] == 0xED ? 0x9F : 0xBF;
  return p[1] >= lo && p[1] <= hi && (p[2] & 0xC0) == 0x80 ? 3 : 0;
}

}  // namespace

void JsonWriter::string(std::string_view s) {
  static const char* hex = "0123456789abcdef";
  // Room for the worst case (every byte a \u00XX); only what is written counts.
  char* const start = room(2 + 6 * s.size());
  char* p = start;
  *p++ = '"';
  const auto* in = reinterpret_cast<const unsigned char*>(s.data());
  const auto* const end = in + s.size();
  while (in < end) {
    if (end - in >= 8) {  // eight plain ASCII bytes at a time (ids, keys, numbers as text)
      std::uint64_t word;
      std::memcpy(&word, in, 8);
      if (!(word & 0x8080808080808080ull) && !any_to_escape(word)) {
        std::memcpy(p, in, 8);
        p += 8;
        in += 8;
        continue;
      }
    }
    unsigned ch = *in;
    if (ch >= 0x80) {  // a run of multi-byte characters, checked and copied as it is
      const auto* run = in;
      for (std::size_t k; in < end && *in >= 0x80; in += k) {
        k = three_byte_character(in, end);
        if (k) continue;
        // Anything else: one character checked the general way (nlohmann replaces each bad
        // sequence with U+FFFD: let it, for the whole string).
        const auto* next = in + 1;
        while (next < end && (*next & 0xC0) == 0x80 && next - in < 4) ++next;
        if (!valid_utf8(std::string_view(reinterpret_cast<const char*>(in),
                                         static_cast<std::size_t>(next - in)))) {
          put(nlohmann::json(std::string(s))
                  .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
          return;
        }
        k = static_cast<std::size_t>(next - in);
      }
      std::memcpy(p, run, static_cast<std::size_t>(in - run));
      p += in - run;
      continue;
    }
    ++in;
    if (ch >= 0x20 && ch != '"' && ch != '\\') {
      *p++ = static_cast<char>(ch);
      continue;
    }
    *p++ = '\\';
    switch (ch) {
      case '"': *p++ = '"'; break;
      case '\\': *p++ = '\\'; break;
      case '\b': *p++ = 'b'; break;
      case '\f': *p++ = 'f'; break;
      case '\n': *p++ = 'n'; break;
      case '\r': *p++ = 'r'; break;
      case '\t': *p++ = 't'; break;
      default:
        std::memcpy(p, "u00", 3);
        p[3] = hex[ch >> 4];
        p[4] = hex[ch & 15];
        p += 5;
    }
  }
  *p++ = '"';
  used_ += static_cast<std::size_t>(p - start);
}

JsonWriter& JsonWriter::value(std::string_view s) {
  before_value();
  string(s);
  return *this;
}

JsonWriter& JsonWriter::value(std::int64_t n) {
  before_value();
  char* p = room(24);
  used_ += static_cast<std::size_t>(std::to_chars(p, p + 24, n).ptr - p);
  return *this;
}

JsonWriter& JsonWriter::value(std::size_t n) {
  before_value();
  char* p = room(24);
  used_ += static_cast<std::size_t>(std::to_chars(p, p + 24, n).ptr - p);
  return *this;
}

JsonWriter& JsonWriter::value(bool b) {
  before_value();
  put(std::string_view(b ? "true" : "false"));
  return *this;
}

JsonWriter& JsonWriter::null() {
  before_value();
  put(std::string_view("null"));
  return *this;
}

JsonWriter& JsonWriter::value(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::object:
      begin_object();
      for (const auto& [k, v] : j.items()) member(k, v);
      return end_object();
    case nlohmann::json::value_t::array:
      begin_array();
      for (const auto& v : j) value(v);
      return end_array();
    case nlohmann::json::value_t::string: return value(j.get_ref<const std::string&>());
    default:  // numbers, booleans, null, binary: as nlohmann writes them
      before_value();
      put(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
      return *this;
  }
}

}  // namespace renkei
