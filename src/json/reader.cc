#include "json/reader.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <tuple>
#include <unordered_set>

#include "base/error.h"
#include "base/quoted.h"
#include "base/say.h"
#include "base/text.h"
#include "json/syntax_message.h"

namespace renkei {

namespace {

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

std::string place(const std::string& file, std::string_view text, std::size_t byte) {
  auto [line, col] = line_col(text, byte);
  return file + ":" + std::to_string(line) + ":" + std::to_string(col);
}

/// SAX handler that accepts everything and keeps nlohmann's syntax error message.
class SyntaxErrorSax : public nlohmann::json_sax<nlohmann::json> {
 public:
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
    error_text = e.what();
    return false;
  }
  std::string error_text;
};

/// The message for a text JsonDocument found malformed at byte `near`. nlohmann's parser
/// words it (the messages renkei has always given, pinned by tests); the grammar is the same.
[[noreturn]] void throw_syntax_error(std::string_view text, const std::string& file,
                                     std::size_t near) {
  SyntaxErrorSax sax;
  bool ok = true;
  try {
    ok = nlohmann::json::sax_parse(text.begin(), text.end(), &sax,
                                   nlohmann::json::input_format_t::json, true, false);
  } catch (const nlohmann::json::exception& e) {
    throw data_error(say("{1}: invalid JSON: {2}", {file, e.what()}));
  }
  if (ok || sax.error_text.empty())
    throw data_error(say("{1}: invalid JSON", {place(file, text, near)}));
  // nlohmann's message reads "[json.exception.parse_error.101] parse error at line L, column C:
  // why".
  const std::string& why = sax.error_text;
  std::size_t lpos = why.find("at line ");
  std::size_t colon = why.find(": ", lpos == std::string::npos ? 0 : lpos);
  std::string detail = colon == std::string::npos ? why : why.substr(colon + 2);
  std::size_t line = 0, col = 0;
  if (lpos == std::string::npos ||
      std::sscanf(why.c_str() + lpos, "at line %zu, column %zu", &line, &col) != 2)
    std::tie(line, col) = line_col(text, text.size());
  throw data_error(
      say("{1}: invalid JSON: {2}", {file + ":" + std::to_string(line) + ":" + std::to_string(col),
                                     json_syntax_message(detail, language())}));
}

/// Thrown inside the parser at the first byte that breaks the grammar; turned into the
/// message by throw_syntax_error.
struct SyntaxError {
  std::size_t at;
};

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

/// Parses a JSON text with the grammar of RFC 8259 as nlohmann::json's strict parser reads
/// it, iteratively (no recursion), into a flat array of values.
class Parser {
 public:
  Parser(std::string_view text, const std::string& file, std::vector<JsonValue>& values,
         std::string& unescaped)
      : text_(text), file_(file), values_(values), unescaped_(unescaped) {}

  void parse() {
    values_.reserve(text_.size() / 24 + 1);
    skip_whitespace();
    begin_value({});
    while (true) {
      if (opened_) {  // just after "[" or "{"
        opened_ = false;
        skip_whitespace();
        if (peek() == closer()) {
          close();
        } else {
          begin_value(top().is_object ? member_key() : std::string_view());
        }
        continue;
      }
      if (stack_.empty()) break;
      skip_whitespace();
      char c = peek();
      if (c == ',') {
        ++pos_;
        skip_whitespace();
        begin_value(top().is_object ? member_key() : std::string_view());
      } else if (c == closer()) {
        close();
      } else {
        throw SyntaxError{pos_};
      }
    }
    skip_whitespace();
    if (pos_ != text_.size()) throw SyntaxError{pos_};
  }

 private:
  /// An array or object still open.
  struct Frame {
    std::size_t index;  ///< its value in values_
    bool is_object;
    std::unique_ptr<std::unordered_set<std::string_view>> keys;  ///< for large objects only
  };

  char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
  Frame& top() { return stack_.back(); }
  char closer() const { return stack_.empty() ? '\0' : stack_.back().is_object ? '}' : ']'; }

  void skip_whitespace() {
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return;
      ++pos_;
    }
  }

  void expect(char c) {
    if (peek() != c) throw SyntaxError{pos_};
    ++pos_;
  }

  /// Reads `"key"` and `:` of an object member, refusing a key the object already has.
  std::string_view member_key() {
    if (peek() != '"') throw SyntaxError{pos_};
    std::string_view key = scan_string();
    Frame& f = top();
    const JsonValue& object = values_[f.index];
    bool seen = false;
    if (f.keys) {
      seen = !f.keys->insert(key).second;
    } else {
      for (std::size_t i = f.index + 1; i < values_.size(); i += values_[i].span)
        if (values_[i].key == key) seen = true;
      if (!seen && object.size >= 16) {  // many members: a set keeps the check linear
        f.keys = std::make_unique<std::unordered_set<std::string_view>>();
        for (std::size_t i = f.index + 1; i < values_.size(); i += values_[i].span)
          f.keys->insert(values_[i].key);
        f.keys->insert(key);
      }
    }
    if (seen)
      throw data_error(say("{1}: {2}: key {3} appears twice in one object; keep one",
                           {file_, pointer_append(object_pointer(), key), in_quotes(key)}));
    skip_whitespace();
    expect(':');
    skip_whitespace();
    return key;
  }

  /// The JSON pointer of the innermost open container.
  std::string object_pointer() const {
    std::string out;
    for (std::size_t d = 1; d < stack_.size(); ++d) {
      const Frame& parent = stack_[d - 1];
      const JsonValue& v = values_[stack_[d].index];
      out = parent.is_object ? pointer_append(out, v.key)
                             : pointer_append(out, values_[parent.index].size - 1);
    }
    return out;
  }

  /// Starts the value at pos_: a scalar is read whole, an array or object is opened.
  void begin_value(std::string_view key) {
    if (!stack_.empty()) ++values_[top().index].size;
    values_.emplace_back();
    std::size_t index = values_.size() - 1;
    JsonValue* v = &values_.back();
    v->key = key;
    v->begin = text_.data() + pos_;
    switch (peek()) {
      case '{':
      case '[': {
        if (stack_.size() >= kMaxJsonDepth)
          throw data_error(
              say("{1}: arrays and objects are nested more than {2} deep; renkei's files need far "
                  "fewer levels",
                  {place(file_, text_, pos_), std::to_string(kMaxJsonDepth)}));
        bool is_object = peek() == '{';
        v->type = is_object ? JsonType::Object : JsonType::Array;
        ++pos_;
        stack_.push_back({index, is_object, nullptr});
        opened_ = true;
        return;
      }
      case '"':
        v->type = JsonType::String;
        v->string = scan_string();
        return;
      case 't':
        literal("true");
        v->type = JsonType::Boolean;
        v->boolean = true;
        return;
      case 'f':
        literal("false");
        v->type = JsonType::Boolean;
        v->boolean = false;
        return;
      case 'n':
        literal("null");
        v->type = JsonType::Null;
        return;
      default: scan_number(*v);
    }
  }

  void close() {
    ++pos_;
    Frame& f = top();
    values_[f.index].span = static_cast<std::uint32_t>(values_.size() - f.index);
    stack_.pop_back();
  }

  void literal(std::string_view word) {
    if (text_.compare(pos_, word.size(), word) != 0) throw SyntaxError{pos_};
    pos_ += word.size();
  }

  bool digit() const { return pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9'; }

  /// -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, typed as nlohmann types it.
  void scan_number(JsonValue& v) {
    std::size_t start = pos_;
    bool negative = peek() == '-';
    if (negative) ++pos_;
    if (!digit()) throw SyntaxError{pos_};
    if (peek() == '0') {
      ++pos_;
    } else {
      while (digit()) ++pos_;
    }
    bool integral = true;
    if (peek() == '.') {
      integral = false;
      ++pos_;
      if (!digit()) throw SyntaxError{pos_};
      while (digit()) ++pos_;
    }
    if (peek() == 'e' || peek() == 'E') {
      integral = false;
      ++pos_;
      if (peek() == '+' || peek() == '-') ++pos_;
      if (!digit()) throw SyntaxError{pos_};
      while (digit()) ++pos_;
    }
    std::string_view token = text_.substr(start, pos_ - start);
    if (integral) {
      std::uint64_t magnitude = 0;
      bool overflow = false;
      for (char c : token.substr(negative ? 1 : 0)) {
        auto d = static_cast<std::uint64_t>(c - '0');
        if (magnitude > (UINT64_MAX - d) / 10) overflow = true;
        magnitude = magnitude * 10 + d;
      }
      if (!overflow && !negative) {
        v.type = JsonType::Unsigned;
        v.unsigned_integer = magnitude;
        return;
      }
      if (!overflow && magnitude <= static_cast<std::uint64_t>(INT64_MAX) + 1) {
        v.type = JsonType::Integer;
        v.integer = magnitude == static_cast<std::uint64_t>(INT64_MAX) + 1
                        ? INT64_MIN
                        : -static_cast<std::int64_t>(magnitude);
        return;
      }
    }
    v.type = JsonType::Float;
    v.number = std::strtod(std::string(token).c_str(), nullptr);
    if (!std::isfinite(v.number))
      throw data_error(say("{1}: invalid JSON: the number {2} is too large",
                           {place(file_, text_, start), excerpt(token)}));
  }

  /// Reads a string at pos_ (on its opening quote); returns its content with escapes
  /// resolved, as a view into the text when it has none.
  std::string_view scan_string() {
    ++pos_;
    std::size_t start = pos_;
    while (true) {
      if (pos_ >= text_.size()) throw SyntaxError{pos_};
      auto c = static_cast<unsigned char>(text_[pos_]);
      if (c == '"') {
        ++pos_;
        return text_.substr(start, pos_ - 1 - start);
      }
      if (c == '\\') return scan_escaped_string(start);
      if (c < 0x20) throw SyntaxError{pos_};
      if (c < 0x80) {
        ++pos_;
      } else {
        skip_utf8_sequence();
      }
    }
  }

  /// The rest of a string that has escapes, copied into unescaped_.
  std::string_view scan_escaped_string(std::size_t start) {
    // Reserved once, before the first view into it, and never reallocated: resolving
    // escapes never makes a string longer, so all strings together fit in the text's size.
    if (unescaped_.capacity() < text_.size()) unescaped_.reserve(text_.size());
    std::size_t out_start = unescaped_.size();
    unescaped_.append(text_.data() + start, pos_ - start);
    while (true) {
      if (pos_ >= text_.size()) throw SyntaxError{pos_};
      auto c = static_cast<unsigned char>(text_[pos_]);
      if (c == '"') {
        ++pos_;
        return std::string_view(unescaped_.data() + out_start, unescaped_.size() - out_start);
      }
      if (c < 0x20) throw SyntaxError{pos_};
      if (c >= 0x80) {
        std::size_t from = pos_;
        skip_utf8_sequence();
        unescaped_.append(text_.data() + from, pos_ - from);
        continue;
      }
      ++pos_;
      if (c != '\\') {
        unescaped_ += static_cast<char>(c);
        continue;
      }
      char e = peek();
      ++pos_;
      switch (e) {
        case '"': unescaped_ += '"'; break;
        case '\\': unescaped_ += '\\'; break;
        case '/': unescaped_ += '/'; break;
        case 'b': unescaped_ += '\b'; break;
        case 'f': unescaped_ += '\f'; break;
        case 'n': unescaped_ += '\n'; break;
        case 'r': unescaped_ += '\r'; break;
        case 't': unescaped_ += '\t'; break;
        case 'u': {
          std::uint32_t cp = hex4();
          if (cp >= 0xDC00 && cp <= 0xDFFF) throw SyntaxError{pos_};
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (peek() != '\\' || pos_ + 1 >= text_.size() || text_[pos_ + 1] != 'u')
              throw SyntaxError{pos_};
            pos_ += 2;
            std::uint32_t low = hex4();
            if (low < 0xDC00 || low > 0xDFFF) throw SyntaxError{pos_};
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          append_utf8(unescaped_, cp);
          break;
        }
        default: throw SyntaxError{pos_ - 1};
      }
    }
  }

  std::uint32_t hex4() {
    std::uint32_t cp = 0;
    for (int i = 0; i < 4; ++i) {
      int h = pos_ < text_.size() ? hex_value(text_[pos_]) : -1;
      if (h < 0) throw SyntaxError{pos_};
      cp = cp * 16 + static_cast<std::uint32_t>(h);
      ++pos_;
    }
    return cp;
  }

  /// Steps over one well-formed UTF-8 sequence of 2–4 bytes (RFC 3629), as nlohmann checks it.
  void skip_utf8_sequence() {
    auto byte = [&](std::size_t i) -> unsigned {
      return pos_ + i < text_.size() ? static_cast<unsigned char>(text_[pos_ + i]) : 0u;
    };
    auto in = [](unsigned b, unsigned lo, unsigned hi) { return b >= lo && b <= hi; };
    unsigned b0 = byte(0), b1 = byte(1);
    std::size_t n = 0;
    if (in(b0, 0xC2, 0xDF)) {
      n = in(b1, 0x80, 0xBF) ? 2 : 0;
    } else if (in(b0, 0xE0, 0xEF)) {
      unsigned lo = b0 == 0xE0 ? 0xA0 : 0x80, hi = b0 == 0xED ? 0x9F : 0xBF;
      n = in(b1, lo, hi) && in(byte(2), 0x80, 0xBF) ? 3 : 0;
    } else if (in(b0, 0xF0, 0xF4)) {
      unsigned lo = b0 == 0xF0 ? 0x90 : 0x80, hi = b0 == 0xF4 ? 0x8F : 0xBF;
      n = in(b1, lo, hi) && in(byte(2), 0x80, 0xBF) && in(byte(3), 0x80, 0xBF) ? 4 : 0;
    }
    if (n == 0) throw SyntaxError{pos_};
    pos_ += n;
  }

  std::string_view text_;
  const std::string& file_;
  std::vector<JsonValue>& values_;
  std::string& unescaped_;
  std::vector<Frame> stack_;
  std::size_t pos_ = 0;
  bool opened_ = false;
};

/// Where the bytes of a well-formed value that is not the document's root end: the scan
/// stops at its closing quote or bracket, or at the comma, bracket or space after a number
/// or literal, which a member always has. Only for messages.
const char* value_end(const char* p) {
  int depth = 0;
  bool in_string = false;
  for (const char* q = p;; ++q) {
    char c = *q;
    if (in_string) {
      if (c == '\\') {
        ++q;
      } else if (c == '"') {
        in_string = false;
        if (depth == 0) return q + 1;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if (c == ']' || c == '}') {
      if (depth == 0) return q;
      if (--depth == 0) return q + 1;
    } else if (depth == 0 && (c == ',' || c == ' ' || c == '\n' || c == '\r' || c == '\t')) {
      return q;
    }
  }
}

}  // namespace

double JsonValue::as_double() const {
  switch (type) {
    case JsonType::Integer: return static_cast<double>(integer);
    case JsonType::Unsigned: return static_cast<double>(unsigned_integer);
    case JsonType::Float: return number;
    default: return 0;
  }
}

const JsonValue* JsonValue::find(std::string_view k) const {
  if (type != JsonType::Object) return nullptr;
  for (const JsonValue& m : members(*this))
    if (m.key == k) return &m;
  return nullptr;
}

JsonDocument::JsonDocument(std::string_view text, const std::string& file) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF")
    throw data_error(
        say("{1}:1:1: the file starts with a UTF-8 byte order mark; save it as UTF-8 without BOM",
            {file}));
  if (const void* nul = std::memchr(text.data(), '\0', text.size()))
    throw data_error(
        say("{1}: the file contains a NUL byte; a JSON file is text (is this the right file?)",
            {place(file, text,
                   static_cast<std::size_t>(static_cast<const char*>(nul) - text.data()))}));
  try {
    Parser(text, file, values_, unescaped_).parse();
  } catch (const SyntaxError& e) {
    throw_syntax_error(text, file, e.at);
  }
}

std::string pointer_append(const std::string& base, std::string_view token) {
  std::string out;
  out.reserve(base.size() + 1 + token.size());
  out += base;
  out += '/';
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

std::string json_type_name(const JsonValue& v) {
  switch (v.type) {
    case JsonType::Null: return say("type|null");
    case JsonType::Object: return say("an object");
    case JsonType::Array: return say("an array");
    case JsonType::String: return say("a string");
    case JsonType::Boolean: return say("a boolean");
    case JsonType::Integer:
    case JsonType::Unsigned: return say("an integer");
    case JsonType::Float: return say("a number");
  }
  return say("a value");
}

std::string json_excerpt(const JsonValue& v) {
  if (v.is_string()) return in_quotes(v.string);
  // nlohmann renders the value as renkei always has: keys sorted, numbers in its format.
  // Quoted in Japanese as a string is (整数「42」), as it is in English (an integer 42).
  return say("value|{1}",
             {excerpt(nlohmann::json::parse(v.begin, value_end(v.begin))
                          .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))});
}

ObjectReader::ObjectReader(const JsonValue& value, const std::string& file, std::string pointer)
    : value_(value), file_(file), pointer_(std::move(pointer)) {
  if (!value_.is_object()) fail_here(say("expected an object, got {1}", {json_type_name(value_)}));
}

void ObjectReader::fail(std::string_view key, const std::string& what) const {
  throw data_error(file_ + ": " + at(key) + ": " + what);
}
void ObjectReader::fail_here(const std::string& what) const {
  throw data_error(file_ + ": " + (pointer_.empty() ? "/" : pointer_) + ": " + what);
}

void ObjectReader::note_asked(std::string_view key) {
  for (std::size_t i = 0; i < absent_count_; ++i)
    if (absent_[i] == key) return;
  if (absent_count_ < absent_.size())
    absent_[absent_count_++] = key;
  else if (std::find(more_absent_.begin(), more_absent_.end(), key) == more_absent_.end())
    more_absent_.push_back(key);
}

const JsonValue* ObjectReader::find(std::string_view key, bool required, const char* expected) {
  std::size_t i = 0;
  for (const JsonValue& m : members(value_)) {
    if (m.key == key) {
      if (i < 64)
        read_members_ |= std::uint64_t{1} << i;
      else
        note_asked(key);
      return &m;
    }
    ++i;
  }
  note_asked(key);
  if (required) fail_here(say("missing field \"{1}\" ({2})", {std::string(key), say(expected)}));
  return nullptr;
}

void ObjectReader::check_text(const std::string& pointer, std::string_view text, Text rule) const {
  if (auto problem = text_problem(text, rule == Text::Name))
    throw data_error(file_ + ": " + pointer + ": " + in_quotes(text) + " " + *problem);
}

std::optional<std::string> ObjectReader::optional_string(std::string_view key, Text rule) {
  const JsonValue* v = find(key, false, N_("a string"));
  if (!v) return std::nullopt;
  if (!v->is_string())
    fail(key, say("expected a string, got {1} {2}", {json_type_name(*v), json_excerpt(*v)}));
  check_text(at(key), v->string, rule);
  return std::string(v->string);
}
std::string ObjectReader::required_string(std::string_view key, Text rule) {
  const JsonValue* v = find(key, true, N_("a string"));
  if (!v->is_string())
    fail(key, say("expected a string, got {1} {2}", {json_type_name(*v), json_excerpt(*v)}));
  if (v->string.empty()) fail(key, say("must not be empty"));
  check_text(at(key), v->string, rule);
  return std::string(v->string);
}
void ObjectReader::require_format(std::string_view expected) {
  std::string format = required_string("format");
  if (format != expected)
    fail("format", say("unsupported format {1}; this renkei reads \"{2}\"",
                       {in_quotes(format), std::string(expected)}));
}
std::optional<int> ObjectReader::optional_int(std::string_view key, int min, int max) {
  const JsonValue* v = find(key, false, N_("an integer"));
  if (!v) return std::nullopt;
  if (!v->is_integer())
    fail(key, say("expected an integer, got {1} {2}", {json_type_name(*v), json_excerpt(*v)}));
  if (v->type == JsonType::Unsigned ? v->unsigned_integer > static_cast<std::uint64_t>(max)
                                    : (v->integer < min || v->integer > max))
    fail(key, say("{1} is out of range; expected {2} to {3}",
                  {json_excerpt(*v), std::to_string(min), std::to_string(max)}));
  return v->type == JsonType::Unsigned ? static_cast<int>(v->unsigned_integer)
                                       : static_cast<int>(v->integer);
}
int ObjectReader::required_int(std::string_view key, int min, int max) {
  find(key, true, N_("an integer"));
  return *optional_int(key, min, max);
}
std::optional<double> ObjectReader::optional_number(std::string_view key, double min, double max) {
  const JsonValue* v = find(key, false, N_("a number"));
  if (!v) return std::nullopt;
  if (!v->is_number())
    fail(key, say("expected a number, got {1} {2}", {json_type_name(*v), json_excerpt(*v)}));
  double d = v->as_double();
  if (!std::isfinite(d) || d < min || d > max)
    fail(key, say("{1} is out of range; expected {2} to {3}",
                  {json_excerpt(*v), std::to_string(min), std::to_string(max)}));
  return d;
}
double ObjectReader::required_number(std::string_view key, double min, double max) {
  find(key, true, N_("a number"));
  return *optional_number(key, min, max);
}
std::optional<bool> ObjectReader::optional_bool(std::string_view key) {
  const JsonValue* v = find(key, false, N_("true or false"));
  if (!v) return std::nullopt;
  if (!v->is_boolean())
    fail(key, say("expected true or false, got {1} {2}", {json_type_name(*v), json_excerpt(*v)}));
  return v->boolean;
}
const JsonValue& ObjectReader::array(std::string_view key, bool required) {
  static const JsonValue empty = [] {
    JsonValue v;
    v.type = JsonType::Array;
    return v;
  }();
  const JsonValue* v = find(key, required, N_("an array"));
  if (!v) return empty;
  if (!v->is_array()) fail(key, say("expected an array, got {1}", {json_type_name(*v)}));
  return *v;
}
const JsonValue* ObjectReader::object(std::string_view key, bool required) {
  const JsonValue* v = find(key, required, N_("an object"));
  if (v && !v->is_object()) fail(key, say("expected an object, got {1}", {json_type_name(*v)}));
  return v;
}
std::vector<std::string> ObjectReader::string_array(std::string_view key, Text rule) {
  const JsonValue& a = array(key, false);
  std::vector<std::string> out;
  out.reserve(a.size);
  std::size_t i = 0;
  for (const JsonValue& e : members(a)) {
    if (!e.is_string())
      throw data_error(file_ + ": " + pointer_append(at(key), i) + ": " +
                       say("expected a string, got {1} {2}", {json_type_name(e), json_excerpt(e)}));
    check_text(pointer_append(at(key), i), e.string, rule);
    out.emplace_back(e.string);
    ++i;
  }
  return out;
}

void ObjectReader::finish() const {
  if (value_.size <= 64 &&
      read_members_ ==
          (value_.size == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << value_.size) - 1))
    return;
  // Some field was not read: name the first unknown one in key order, as renkei always has.
  std::vector<std::string> known(absent_.begin(),
                                 absent_.begin() + static_cast<std::ptrdiff_t>(absent_count_));
  known.insert(known.end(), more_absent_.begin(), more_absent_.end());
  std::vector<std::string> unknown;
  std::size_t i = 0;
  for (const JsonValue& m : members(value_)) {
    bool read = i < 64 ? (read_members_ >> i) & 1
                       : std::find(known.begin(), known.end(), m.key) != known.end();
    (read ? known : unknown).emplace_back(m.key);
    ++i;
  }
  if (unknown.empty()) return;
  std::sort(known.begin(), known.end());
  known.erase(std::unique(known.begin(), known.end()), known.end());
  const std::string& first = *std::min_element(unknown.begin(), unknown.end());
  fail(first, say("unknown field {1}{2}", {in_quotes(first), did_you_mean(first, known)}));
}

}  // namespace renkei
