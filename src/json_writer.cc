#include "json_writer.h"

#include <cstring>

#include "names.h"

namespace renkei {

void JsonWriter::newline_indent(std::size_t depth) {
  static const std::string line(1 + 2 * 32, ' ');  // a line break and the indent of 32 levels
  if (depth <= 32) {
    out_.append(line.data(), 1 + depth * 2);
    out_[out_.size() - 1 - depth * 2] = '\n';
    return;
  }
  out_ += '\n';
  out_.append(depth * 2, ' ');
}

void JsonWriter::finish() {
  if (!sink_) return;
  sink_->write(out_.data(), static_cast<std::streamsize>(out_.size()));
  out_.clear();
}

void JsonWriter::before_value() {
  spill();
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (levels_.empty()) return;
  if (levels_.back().items++) out_ += ',';
  newline_indent(levels_.size());
}

std::string JsonWriter::indented(std::string_view document, std::size_t depth) {
  std::string out;
  for (;;) {
    std::size_t line = document.find('\n');
    if (line == std::string_view::npos) break;
    out.append(document.data(), line + 1);  // string values never hold a raw line break: JSON escapes it
    out.append(depth * 2, ' ');
    document.remove_prefix(line + 1);
  }
  return out += document;
}

JsonWriter& JsonWriter::open(char bracket, bool object) {
  before_value();
  out_ += bracket;
  levels_.push_back({object, 0});
  return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
  Level level = levels_.back();
  levels_.pop_back();
  if (level.items) newline_indent(levels_.size());
  out_ += bracket;
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view k) {
  spill();
  if (levels_.back().items++) out_ += ',';
  newline_indent(levels_.size());
  string(k);
  out_ += ": ";
  after_key_ = true;
  return *this;
}

namespace {

/// Whether any of eight bytes is below 0x20, a quote or a backslash: bytes JSON escapes.
bool any_to_escape(std::uint64_t word) {
  constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  auto zero_byte = [&](std::uint64_t x) { return (x - ones) & ~x & highs; };
  std::uint64_t below_space = (word - ones * 0x20) & ~word & highs;  // bytes < 0x20 (for bytes < 0x80)
  return below_space || zero_byte(word ^ (ones * '"')) || zero_byte(word ^ (ones * '\\'));
}

}  // namespace

void JsonWriter::string(std::string_view s) {
  static const char* hex = "0123456789abcdef";
  std::size_t mark = out_.size();
  out_ += '"';
  std::size_t plain = 0;  // start of the run of bytes copied as they are
  std::size_t i = 0;
  while (i < s.size()) {
    // Eight plain ASCII bytes at a time (ids, keys, numbers as text).
    if (s.size() - i >= 8) {
      std::uint64_t word;
      std::memcpy(&word, s.data() + i, 8);
      if (!(word & 0x8080808080808080ull) && !any_to_escape(word)) {
        i += 8;
        continue;
      }
    }
    auto ch = static_cast<unsigned char>(s[i]);
    if (ch >= 0x80) {  // a run of multi-byte characters: checked as a whole, copied as it is
      std::size_t j = i;
      while (j < s.size() && static_cast<unsigned char>(s[j]) >= 0x80) ++j;
      if (!valid_utf8(s.substr(i, j - i))) {  // nlohmann replaces each bad sequence with U+FFFD: let it
        out_.resize(mark);
        out_ += nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
      }
      i = j;
      continue;
    }
    ++i;
    if (ch >= 0x20 && ch != '"' && ch != '\\') continue;
    out_.append(s, plain, i - 1 - plain);
    plain = i;
    switch (ch) {
      case '"': out_ += "\\\""; break;
      case '\\': out_ += "\\\\"; break;
      case '\b': out_ += "\\b"; break;
      case '\f': out_ += "\\f"; break;
      case '\n': out_ += "\\n"; break;
      case '\r': out_ += "\\r"; break;
      case '\t': out_ += "\\t"; break;
      default:
        out_ += "\\u00";
        out_ += hex[ch >> 4];
        out_ += hex[ch & 15];
    }
  }
  out_.append(s, plain, s.size() - plain);
  out_ += '"';
}

JsonWriter& JsonWriter::value(std::string_view s) {
  before_value();
  string(s);
  return *this;
}

JsonWriter& JsonWriter::value(std::int64_t n) {
  before_value();
  out_ += std::to_string(n);
  return *this;
}

JsonWriter& JsonWriter::value(std::size_t n) {
  before_value();
  out_ += std::to_string(n);
  return *this;
}

JsonWriter& JsonWriter::value(bool b) {
  before_value();
  out_ += b ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::null() {
  before_value();
  out_ += "null";
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
      out_ += j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      return *this;
  }
}

}  // namespace renkei
