#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace renkei {

/// Deepest nesting of arrays and objects a JSON file may have. renkei's formats need six
/// levels; the limit keeps a hostile file from costing memory or stack (docs/data-model.md).
inline constexpr std::size_t kMaxJsonDepth = 64;

/// The type of a JSON value, as nlohmann::json would classify it: an integer without sign
/// that fits 64 bits is Unsigned, one with a sign is Integer, anything else numeric is Float.
enum class JsonType : std::uint8_t {
  Null,
  Boolean,
  Integer,
  Unsigned,
  Float,
  String,
  Array,
  Object
};

/// One value of a JsonDocument. A document's values sit in one array in file order; the
/// members of an array or object follow it, and `span` counts the value and everything
/// inside it, so the next sibling of a value is `this + span`. Views point into the
/// document's text (or its buffer of unescaped strings) and live as long as both.
struct JsonValue {
  JsonType type = JsonType::Null;
  std::uint32_t span = 1;       ///< this value and all values nested in it
  std::uint32_t size = 0;       ///< members of an object, elements of an array
  std::string_view key;         ///< the member name, when the value sits in an object
  std::string_view string;      ///< a string's content, escapes resolved
  const char* begin = nullptr;  ///< first byte of the value in the file, for messages
  union {
    bool boolean;
    std::int64_t integer;
    std::uint64_t unsigned_integer;
    double number = 0;
  };

  bool is_object() const { return type == JsonType::Object; }
  bool is_array() const { return type == JsonType::Array; }
  bool is_string() const { return type == JsonType::String; }
  bool is_boolean() const { return type == JsonType::Boolean; }
  bool is_integer() const { return type == JsonType::Integer || type == JsonType::Unsigned; }
  bool is_number() const { return is_integer() || type == JsonType::Float; }
  /// The number as a double, whatever its type.
  double as_double() const;

  /// Iterates the members of an array or object (empty for anything else).
  class Iterator {
   public:
    explicit Iterator(const JsonValue* p) : p_(p) {}
    const JsonValue& operator*() const { return *p_; }
    const JsonValue* operator->() const { return p_; }
    Iterator& operator++() {
      p_ += p_->span;
      return *this;
    }
    bool operator!=(const Iterator& o) const { return p_ != o.p_; }

   private:
    const JsonValue* p_;
  };
  Iterator begin_members() const { return Iterator(this + 1); }
  Iterator end_members() const { return Iterator(this + span); }
  /// The member named `key` of an object, or nullptr.
  const JsonValue* find(std::string_view key) const;
};

/// `for (const JsonValue& m : members(v))`: the members of an array or object in file order.
struct JsonMembers {
  const JsonValue& v;
  JsonValue::Iterator begin() const { return v.begin_members(); }
  JsonValue::Iterator end() const { return v.end_members(); }
};
inline JsonMembers members(const JsonValue& v) { return {v}; }

/// A JSON text parsed strictly in one pass into a flat array of values, without a tree of
/// allocations. A syntax error becomes "FILE:LINE:COL: invalid JSON: …", a key given twice
/// in one object "FILE: /pointer: key … appears twice …", nesting deeper than kMaxJsonDepth
/// "FILE:LINE:COL: …", a UTF-8 byte order mark or a NUL byte "FILE:1:1: …" / "FILE:LINE:COL: …".
/// Throws renkei::Error (exit 1). `text` must outlive the document.
class JsonDocument {
 public:
  JsonDocument(std::string_view text, const std::string& file);
  JsonDocument(const JsonDocument&) = delete;
  JsonDocument& operator=(const JsonDocument&) = delete;

  const JsonValue& root() const { return values_.front(); }

 private:
  std::vector<JsonValue> values_;
  std::string unescaped_;  ///< contents of strings that had escapes; capacity fixed before use
};

/// "/nodes/3/name": a JSON pointer, escaped as RFC 6901 says.
std::string pointer_append(const std::string& base, std::string_view token);
std::string pointer_append(const std::string& base, std::size_t index);

/// What a string field may hold. No string may hold a NUL (U+0000): it cuts the text short
/// in C programs and spreadsheets, and renkei's own CSV reader refuses it. A name (of a
/// node, an alias, a romanized name) is one line of plain text: no control character at all.
enum class Text { Any, Name };

/// Reads the fields of one JSON object, naming the file and pointer in every error, and
/// refuses fields it was not asked about (with a did-you-mean) when `finish()` is called.
/// Keys passed to it must outlive the reader (string literals, as in formats/load.cc).
class ObjectReader {
 public:
  ObjectReader(const JsonValue& value, const std::string& file, std::string pointer);

  std::string required_string(std::string_view key, Text rule = Text::Any);
  /// The file's "format" field must be `expected` ("renkei-dataset/1"), else a clear refusal.
  void require_format(std::string_view expected);
  std::optional<std::string> optional_string(std::string_view key, Text rule = Text::Any);
  int required_int(std::string_view key, int min, int max);
  std::optional<int> optional_int(std::string_view key, int min, int max);
  std::optional<double> optional_number(std::string_view key, double min, double max);
  double required_number(std::string_view key, double min, double max);
  std::optional<bool> optional_bool(std::string_view key);
  /// The array at `key` (empty when absent and not required).
  const JsonValue& array(std::string_view key, bool required);
  /// The object at `key`, or nullptr when absent and not required.
  const JsonValue* object(std::string_view key, bool required);
  std::vector<std::string> string_array(std::string_view key, Text rule = Text::Any);
  /// True when the object has a field `key` (does not count as reading it).
  bool has(std::string_view key) const { return value_.find(key) != nullptr; }

  /// Pointer to a field of this object.
  std::string at(std::string_view key) const { return pointer_append(pointer_, key); }
  const std::string& pointer() const { return pointer_; }
  const std::string& file() const { return file_; }
  /// Fails on any field that was not read.
  void finish() const;
  /// An error at this object's field: "FILE: /ptr/key: what".
  [[noreturn]] void fail(std::string_view key, const std::string& what) const;
  [[noreturn]] void fail_here(const std::string& what) const;

 private:
  const JsonValue* find(std::string_view key, bool required, const char* expected);
  void note_asked(std::string_view key);
  /// Refuses `text`, found at `pointer`, when it breaks `rule` (see Text).
  void check_text(const std::string& pointer, std::string_view text, Text rule) const;

  const JsonValue& value_;
  const std::string& file_;
  std::string pointer_;
  std::uint64_t read_members_ = 0;  ///< bit i: member i was read (objects up to 64 members)
  /// Keys asked for that no bit of read_members_ records (absent, or member 64 and later);
  /// with the members read they are the known fields `finish()` suggests from. Kept
  /// inline: a reader is made for every object of a file.
  std::array<std::string_view, 16> absent_{};
  std::size_t absent_count_ = 0;
  std::vector<std::string_view> more_absent_;
};

/// "a string", "an integer" …: the JSON type of a value, for messages.
std::string json_type_name(const JsonValue& v);
/// A short rendering of a value for messages: strings as in_quotes() shows them, other values
/// as JSON cut like excerpt().
std::string json_excerpt(const JsonValue& v);

}  // namespace renkei
