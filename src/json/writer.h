#pragma once
#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstring>
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
/// tests/json/writer_test.cc compares the two writers on every answer of the real data.
///
/// The text goes into a buffer that is grown ahead of what is written (so most writes are a
/// copy into room already there); finish() settles it. Call finish() before reading the
/// string a writer wrote into, and at the end of a stream.
class JsonWriter {
 public:
  /// Writes after what `out` holds already.
  explicit JsonWriter(std::string& out) : out_(out), used_(out.size()) {}
  /// A writer whose text continues a document at `depth` levels of nesting, for raw_value:
  /// its first value gets no separator, and its lines are indented for that depth.
  JsonWriter(std::string& out, std::size_t depth)
      : out_(out), used_(out.size()), levels_(depth, Level{true, 1}), after_key_(true) {}
  /// Writes to `sink` in pieces of about 64 KB as the text grows (a 6 MB answer is never
  /// held whole); call finish() at the end.
  explicit JsonWriter(std::ostream& sink) : out_(buffer_), sink_(&sink) {}
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;
  ~JsonWriter() {
    if (!sink_)
      out_.resize(used_);  // a string writer that was not finished still leaves only its text
  }

  /// Writes what is still buffered to the stream given at construction; for a string,
  /// leaves it holding exactly the text written.
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
  /// Text a JsonWriter made for this depth (see the constructor above), as the next value.
  JsonWriter& raw_value(std::string_view text) {
    before_value();
    put(text);
    return *this;
  }
  /// Levels of nesting open now.
  std::size_t depth() const { return levels_.size(); }
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

  /// Where the next `n` bytes go: room at the end of the buffer, made when there is not
  /// enough. Written bytes count once `used_` is moved past them.
  char* room(std::size_t n) {
    if (out_.size() - used_ < n) make_room(n);
    return &out_[0] + used_;
  }
  void make_room(std::size_t n);
  void put(char c) {
    *room(1) = c;
    ++used_;
  }
  void put(std::string_view s) {
    if (s.empty()) return;
    std::memcpy(room(s.size()), s.data(), s.size());
    used_ += s.size();
  }
  void spill() {
    if (sink_ && used_ >= (std::size_t{1} << 16)) finish();
  }

  struct Level {
    bool object;
    std::size_t items;
  };
  std::string buffer_;
  std::string& out_;
  std::size_t used_ = 0;  ///< bytes of out_ that are text; the rest is room
  std::ostream* sink_ = nullptr;
  std::vector<Level> levels_;
  bool after_key_ = false;
};

}  // namespace renkei
