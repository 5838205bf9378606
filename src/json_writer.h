#pragma once
#include <nlohmann/json.hpp>

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace renkei {

/// Writes JSON text straight into a string, byte for byte as nlohmann::json's
/// `dump(2, ' ', false, replace)` writes the same document, without building the document:
/// answers with thousands of items (whatif --each, gaps on nationwide data) are written
/// in one pass instead of as a tree of maps (docs/performance.md).
///
/// nlohmann::json keeps object keys sorted, so callers give keys in sorted (byte) order;
/// tests/json_writer_test.cc compares the two writers on every answer of the real data.
class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}
  /// Writes to `sink` in pieces of about 64 KB as the text grows (a 6 MB answer is never
  /// held whole); call finish() at the end.
  explicit JsonWriter(std::ostream& sink) : out_(buffer_), sink_(&sink) {}

  /// Writes what is still buffered to the stream given at construction.
  void finish();

  JsonWriter& begin_object() { return open('{', true); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('[', false); }
  JsonWriter& end_array() { return close(']'); }
  /// The next member's key; its value follows.
  JsonWriter& key(std::string_view k);

  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(const std::string& s) { return value(std::string_view(s)); }
  JsonWriter& value(std::int64_t n);
  JsonWriter& value(int n) { return value(static_cast<std::int64_t>(n)); }
  JsonWriter& value(std::size_t n);
  JsonWriter& value(bool b);
  JsonWriter& null();
  /// Text of a value already indented for this depth (see indented()), as the next value.
  /// For values written thousands of times (NodeRefWriter).
  JsonWriter& raw_value(std::string_view text) {
    before_value();
    out_ += text;
    return *this;
  }
  /// Levels of nesting open now.
  std::size_t depth() const { return levels_.size(); }
  /// The text of a whole document another JsonWriter wrote, indented to be a value at `depth`.
  static std::string indented(std::string_view document, std::size_t depth);
  /// Any nlohmann document, written in place (for the small parts not worth writing by hand).
  JsonWriter& value(const nlohmann::json& j);

  /// key(k).null().
  JsonWriter& null_member(std::string_view k) {
    key(k);
    return null();
  }
  /// key(k).value(v).
  template <typename T>
  JsonWriter& member(std::string_view k, const T& v) {
    key(k);
    return value(v);
  }

 private:
  JsonWriter& open(char bracket, bool object);
  JsonWriter& close(char bracket);
  void before_value();
  void newline_indent(std::size_t depth);
  void string(std::string_view s);

  void spill() {
    if (sink_ && out_.size() >= (std::size_t{1} << 16)) finish();
  }

  struct Level {
    bool object;
    std::size_t items;
  };
  std::string buffer_;
  std::string& out_;
  std::ostream* sink_ = nullptr;
  std::vector<Level> levels_;
  bool after_key_ = false;
};

}  // namespace renkei
