#pragma once
#include <nlohmann/json.hpp>

#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace renkei {

/// Parses JSON text strictly: a syntax error becomes "FILE:LINE:COL: …", a key given twice
/// in one object becomes "FILE: /pointer: duplicate key …". Throws renkei::Error (exit 1).
nlohmann::json parse_json_strict(std::string_view text, const std::string& file);

/// "/nodes/3/name": a JSON pointer, escaped as RFC 6901 says.
std::string pointer_append(const std::string& base, std::string_view token);
std::string pointer_append(const std::string& base, std::size_t index);

/// Reads the fields of one JSON object, naming the file and pointer in every error, and
/// refuses fields it was not asked about (with a did-you-mean) when `finish()` is called.
class ObjectReader {
 public:
  ObjectReader(const nlohmann::json& value, std::string file, std::string pointer);

  std::string required_string(std::string_view key);
  std::optional<std::string> optional_string(std::string_view key);
  int required_int(std::string_view key, int min, int max);
  std::optional<int> optional_int(std::string_view key, int min, int max);
  std::optional<double> optional_number(std::string_view key, double min, double max);
  double required_number(std::string_view key, double min, double max);
  std::optional<bool> optional_bool(std::string_view key);
  /// The array at `key` (empty when absent and not required).
  const nlohmann::json& array(std::string_view key, bool required);
  /// The object at `key`, or nullptr when absent and not required.
  const nlohmann::json* object(std::string_view key, bool required);
  std::vector<std::string> string_array(std::string_view key);

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
  const nlohmann::json* find(std::string_view key, bool required, const char* expected);

  const nlohmann::json& value_;
  std::string file_, pointer_;
  std::set<std::string, std::less<>> seen_;
};

/// "a string", "an integer" …: the JSON type of a value, for messages.
std::string json_type_name(const nlohmann::json& v);
/// A short rendering of a value for messages: strings quoted, long values cut.
std::string json_excerpt(const nlohmann::json& v);

}  // namespace renkei
