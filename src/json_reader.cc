#include "json_reader.h"

#include <cmath>
#include <cstdio>
#include <tuple>
#include <limits>

#include "error.h"
#include "names.h"

namespace renkei {

using nlohmann::json;

namespace {

/// SAX handler that builds a json value like nlohmann's DOM parser but refuses duplicate keys.
class StrictSax : public nlohmann::json_sax<json> {
 public:
  explicit StrictSax(json& root) : root_(root) {}

  bool null() override { return put(json(nullptr)); }
  bool boolean(bool v) override { return put(json(v)); }
  bool number_integer(number_integer_t v) override { return put(json(v)); }
  bool number_unsigned(number_unsigned_t v) override { return put(json(v)); }
  bool number_float(number_float_t v, const string_t&) override { return put(json(v)); }
  bool string(string_t& v) override { return put(json(std::move(v))); }
  bool binary(binary_t& v) override { return put(json::binary(std::move(v))); }
  bool start_object(std::size_t) override {
    json* slot = place(json::object());
    stack_.push_back({slot, {}, path()});
    return true;
  }
  bool key(string_t& k) override {
    Frame& f = stack_.back();
    if (f.value->contains(k)) {
      duplicate_pointer = pointer_append(f.pointer, k);
      duplicate_key = k;
      return false;
    }
    f.key = k;
    return true;
  }
  bool end_object() override {
    stack_.pop_back();
    return true;
  }
  bool start_array(std::size_t) override {
    json* slot = place(json::array());
    stack_.push_back({slot, {}, path()});
    return true;
  }
  bool end_array() override {
    stack_.pop_back();
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
    error_id = e.id;
    error_text = e.what();
    return false;
  }

  std::string duplicate_key, duplicate_pointer;
  int error_id = 0;
  std::string error_text;

 private:
  struct Frame {
    json* value;
    std::string key;
    std::string pointer;
  };
  std::string path() const {
    if (stack_.empty()) return "";
    const Frame& f = stack_.back();
    if (f.value->is_object()) return pointer_append(f.pointer, f.key);
    return pointer_append(f.pointer, f.value->size() - 1);
  }
  json* place(json v) {
    if (stack_.empty()) {
      root_ = std::move(v);
      return &root_;
    }
    Frame& f = stack_.back();
    if (f.value->is_object()) return &((*f.value)[f.key] = std::move(v));
    f.value->push_back(std::move(v));
    return &f.value->back();
  }
  bool put(json v) {
    place(std::move(v));
    return true;
  }

  json& root_;
  std::vector<Frame> stack_;
};

/// Line and column (1-based, column in characters) of a byte offset.
std::pair<std::size_t, std::size_t> line_col(std::string_view text, std::size_t byte) {
  std::size_t line = 1, col = 1;
  for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++line;
      col = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++col;
    }
  }
  return {line, col};
}

}  // namespace

json parse_json_strict(std::string_view text, const std::string& file) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF")
    throw data_error(file + ":1:1: the file starts with a UTF-8 byte order mark; save it as UTF-8 without BOM");
  json root;
  StrictSax sax(root);
  bool ok = false;
  try {
    ok = json::sax_parse(text.begin(), text.end(), &sax, json::input_format_t::json, true, false);
  } catch (const json::exception& e) {
    throw data_error(file + ": invalid JSON: " + e.what());
  }
  if (ok) return root;
  if (!sax.duplicate_key.empty())
    throw data_error(file + ": " + sax.duplicate_pointer + ": key \"" + sax.duplicate_key +
                     "\" appears twice in one object; keep one");
  // nlohmann's message reads "[json.exception.parse_error.101] parse error at line L, column C: why".
  std::string why = sax.error_text;
  std::size_t lpos = why.find("at line ");
  std::size_t colon = why.find(": ", lpos == std::string::npos ? 0 : lpos);
  std::string detail = colon == std::string::npos ? why : why.substr(colon + 2);
  std::size_t line = 0, col = 0;
  if (lpos == std::string::npos ||
      std::sscanf(why.c_str() + lpos, "at line %zu, column %zu", &line, &col) != 2)
    std::tie(line, col) = line_col(text, text.size());
  throw data_error(file + ":" + std::to_string(line) + ":" + std::to_string(col) + ": invalid JSON: " + detail);
}

std::string pointer_append(const std::string& base, std::string_view token) {
  std::string out = base + "/";
  for (char c : token) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}
std::string pointer_append(const std::string& base, std::size_t index) {
  return base + "/" + std::to_string(index);
}

std::string json_type_name(const json& v) {
  switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return "an integer";
    case json::value_t::number_float: return "a number";
    default: return "a value";
  }
}

std::string json_excerpt(const json& v) {
  std::string s = v.dump(-1, ' ', false, json::error_handler_t::replace);
  if (s.size() > 60) s = s.substr(0, 57) + "...";
  return s;
}

ObjectReader::ObjectReader(const json& value, std::string file, std::string pointer)
    : value_(value), file_(std::move(file)), pointer_(std::move(pointer)) {
  if (!value_.is_object()) fail_here("expected an object, got " + json_type_name(value_));
}

void ObjectReader::fail(std::string_view key, const std::string& what) const {
  throw data_error(file_ + ": " + at(key) + ": " + what);
}
void ObjectReader::fail_here(const std::string& what) const {
  throw data_error(file_ + ": " + (pointer_.empty() ? "/" : pointer_) + ": " + what);
}

const json* ObjectReader::find(std::string_view key, bool required, const char* expected) {
  seen_.emplace(key);
  auto it = value_.find(key);
  if (it == value_.end()) {
    if (required) fail_here("missing field \"" + std::string(key) + "\" (" + expected + ")");
    return nullptr;
  }
  return &*it;
}

std::optional<std::string> ObjectReader::optional_string(std::string_view key) {
  const json* v = find(key, false, "a string");
  if (!v) return std::nullopt;
  if (!v->is_string()) fail(key, "expected a string, got " + json_type_name(*v) + " " + json_excerpt(*v));
  return v->get<std::string>();
}
std::string ObjectReader::required_string(std::string_view key) {
  find(key, true, "a string");
  auto s = optional_string(key);
  if (s->empty()) fail(key, "must not be empty");
  return *s;
}
std::optional<int> ObjectReader::optional_int(std::string_view key, int min, int max) {
  const json* v = find(key, false, "an integer");
  if (!v) return std::nullopt;
  if (!v->is_number_integer())
    fail(key, "expected an integer, got " + json_type_name(*v) + " " + json_excerpt(*v));
  if (v->is_number_unsigned() ? v->get<std::uint64_t>() > static_cast<std::uint64_t>(max)
                              : (v->get<std::int64_t>() < min || v->get<std::int64_t>() > max))
    fail(key, json_excerpt(*v) + " is out of range; expected " + std::to_string(min) + " to " + std::to_string(max));
  return static_cast<int>(v->get<std::int64_t>());
}
int ObjectReader::required_int(std::string_view key, int min, int max) {
  find(key, true, "an integer");
  return *optional_int(key, min, max);
}
std::optional<double> ObjectReader::optional_number(std::string_view key, double min, double max) {
  const json* v = find(key, false, "a number");
  if (!v) return std::nullopt;
  if (!v->is_number()) fail(key, "expected a number, got " + json_type_name(*v) + " " + json_excerpt(*v));
  double d = v->get<double>();
  if (!std::isfinite(d) || d < min || d > max)
    fail(key, json_excerpt(*v) + " is out of range; expected " + std::to_string(min) + " to " + std::to_string(max));
  return d;
}
double ObjectReader::required_number(std::string_view key, double min, double max) {
  find(key, true, "a number");
  return *optional_number(key, min, max);
}
std::optional<bool> ObjectReader::optional_bool(std::string_view key) {
  const json* v = find(key, false, "true or false");
  if (!v) return std::nullopt;
  if (!v->is_boolean()) fail(key, "expected true or false, got " + json_type_name(*v) + " " + json_excerpt(*v));
  return v->get<bool>();
}
const json& ObjectReader::array(std::string_view key, bool required) {
  static const json empty = json::array();
  const json* v = find(key, required, "an array");
  if (!v) return empty;
  if (!v->is_array()) fail(key, "expected an array, got " + json_type_name(*v));
  return *v;
}
const json* ObjectReader::object(std::string_view key, bool required) {
  const json* v = find(key, required, "an object");
  if (v && !v->is_object()) fail(key, "expected an object, got " + json_type_name(*v));
  return v;
}
std::vector<std::string> ObjectReader::string_array(std::string_view key) {
  const json& a = array(key, false);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!a[i].is_string())
      throw data_error(file_ + ": " + pointer_append(at(key), i) + ": expected a string, got " +
                       json_type_name(a[i]) + " " + json_excerpt(a[i]));
    out.push_back(a[i].get<std::string>());
  }
  return out;
}

void ObjectReader::finish() const {
  std::vector<std::string> known(seen_.begin(), seen_.end());
  for (auto it = value_.begin(); it != value_.end(); ++it) {
    if (seen_.count(it.key())) continue;
    std::string msg = "unknown field \"" + it.key() + "\"";
    if (auto near = nearest(it.key(), known)) msg += " (did you mean \"" + *near + "\"?)";
    fail(it.key(), msg);
  }
}

}  // namespace renkei
