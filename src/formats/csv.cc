#include "formats/csv.h"

#include <iconv.h>

#include <cerrno>
#include <memory>

#include "base/error.h"
#include "base/say.h"
#include "base/text.h"

namespace renkei::csv {

namespace {

bool starts_formula(std::string_view t) {
  if (t.empty()) return false;
  switch (t.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
    case '\'': return true;
    default: return false;
  }
}

/// CP932 → UTF-8 with iconv, or nullopt-like empty flag when the bytes are not CP932 either.
bool from_cp932(std::string_view in, std::string& out) {
  iconv_t cd = iconv_open("UTF-8", "CP932");
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  std::unique_ptr<void, int (*)(iconv_t)> guard(cd, iconv_close);
  std::string src(in);
  out.assign(src.size() * 3 + 16, '\0');
  char* inp = src.data();
  std::size_t inleft = src.size();
  char* outp = out.data();
  std::size_t outleft = out.size();
  if (iconv(cd, &inp, &inleft, &outp, &outleft) == static_cast<std::size_t>(-1)) return false;
  out.resize(out.size() - outleft);
  return true;
}

}  // namespace

std::string cell(std::string_view text) {
  std::string t = starts_formula(text) ? "'" + std::string(text) : std::string(text);
  // Quoted also when it holds ; or a tab: Excel in a ; locale, or a tab-delimited import,
  // would split there, and a piece such as =cmd|… would start a formula (OWASP CSV injection).
  if (t.find_first_of(",\"\r\n;\t") == std::string::npos) return t;
  std::string q = "\"";
  for (char c : t) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + "\"";
}

std::string row(const std::vector<std::string>& cells) {
  std::string line;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) line += ',';
    line += cell(cells[i]);
  }
  return line + "\r\n";
}

std::string unneutralise(std::string_view text) {
  if (text.size() >= 2 && text.front() == '\'' && starts_formula(text.substr(1)))
    return std::string(text.substr(1));
  return std::string(text);
}

Table parse(std::string_view bytes, const std::string& file) {
  Table table;
  std::string converted;
  if (bytes.substr(0, kBom.size()) == kBom) bytes.remove_prefix(kBom.size());
  if (!valid_utf8(bytes)) {
    if (!from_cp932(bytes, converted))
      throw data_error(
          say("{1}: is neither UTF-8 nor Shift_JIS text; in Excel choose 名前を付けて保存 "
              "→ \"CSV UTF-8 (コンマ区切り)\" and import that file",
              {file}));
    bytes = converted;
    table.from_shift_jis = true;
  }
  if (bytes.find('\0') != std::string_view::npos)
    throw data_error(say("{1}: contains a NUL byte; this is not a text CSV file", {file}));

  std::vector<std::string> cells;
  std::string current;
  bool quoted = false, row_open = false;
  int line = 1, row_line = 1, quote_line = 0;
  // Memory: a sheet's cells are held until it is read, so no row or cell keeps room it does
  // not use (a vector grown one cell at a time has room for 8 where 5 are used; a string
  // grown a character at a time up to twice its length).
  auto take_cell = [&] {
    if (current.capacity() > current.size() + current.size() / 4 + 16) current.shrink_to_fit();
    cells.push_back(std::move(current));
    current.clear();
  };
  std::size_t width = 0;  // cells in the row before: the next row most likely has as many
  auto end_row = [&] {
    take_cell();
    cells.shrink_to_fit();
    width = cells.size();
    table.rows.push_back(std::move(cells));
    table.lines.push_back(row_line);
    cells.clear();
    cells.reserve(width);
    row_open = false;
  };
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    char c = bytes[i];
    if (!row_open) {
      row_open = true;
      row_line = line;
    }
    if (quoted) {
      if (c == '"') {
        if (i + 1 < bytes.size() && bytes[i + 1] == '"') {
          current += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        current += c;
      }
      continue;
    }
    if (c == '"' && current.empty()) {
      quoted = true;
      quote_line = line;
    } else if (c == ',') {
      take_cell();
    } else if (c == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n') {
      // CRLF: the \n ends the row.
    } else if (c == '\n' || c == '\r') {
      end_row();
      ++line;
    } else {
      current += c;
    }
  }
  if (quoted)
    throw data_error(say("{1}:{2}: a quoted cell is not closed; check for a stray \" in that row",
                         {file, std::to_string(quote_line)}));
  if (row_open) end_row();
  return table;
}

}  // namespace renkei::csv
