// Reading filled-in sheets back into a dataset (`renkei import`, diff of a sheet folder).
// The layout is in sheets.cc; docs/import.md explains it to the people who fill it in.
#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <map>
#include <set>
#include <unordered_map>

#include "base/error.h"
#include "base/output_file.h"
#include "base/quoted.h"
#include "base/say.h"
#include "base/text.h"
#include "formats/csv.h"
#include "formats/dataset_json.h"
#include "formats/load.h"
#include "formats/outside_facts.h"
#include "formats/sheets.h"
#include "formats/source_text.h"
#include "formats/workbook.h"
#include "formats/xlsx_reader.h"
#include "model/check.h"
#include "model/facts.h"
#include "model/source_document.h"

namespace renkei {

namespace {

// ---------------------------------------------------------------------------------------------
// Cell text

/// Cuts spaces (ASCII and the ideographic U+3000) from both ends.
std::string trim(std::string_view s) {
  auto space_at_front = [&](std::string_view t) -> std::size_t {
    if (!t.empty() && (t[0] == ' ' || t[0] == '\t' || t[0] == '\r' || t[0] == '\n')) return 1;
    if (t.substr(0, 3) == "\xE3\x80\x80") return 3;
    return 0;
  };
  auto space_at_back = [&](std::string_view t) -> std::size_t {
    if (!t.empty() && (t.back() == ' ' || t.back() == '\t' || t.back() == '\r' || t.back() == '\n'))
      return 1;
    if (t.size() >= 3 && t.substr(t.size() - 3) == "\xE3\x80\x80") return 3;
    return 0;
  };
  while (std::size_t n = space_at_front(s)) s.remove_prefix(n);
  while (std::size_t n = space_at_back(s)) s.remove_suffix(n);
  return std::string(s);
}

/// Full-width ASCII (０-９, （）, ／ …) as ASCII, the ideographic space as a space, and the
/// circled numbers ①–㊿ as digits: what staff type in number and month cells.
std::string ascii_width(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80 || i + 2 >= s.size() || (c & 0xF0) != 0xE0) {
      std::size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
      out.append(s.substr(i, len));
      i += len;
      continue;
    }
    char32_t cp =
        (char32_t(c & 0x0F) << 12) | (char32_t(s[i + 1] & 0x3F) << 6) | char32_t(s[i + 2] & 0x3F);
    if (cp >= 0xFF01 && cp <= 0xFF5E)
      out += static_cast<char>(cp - 0xFEE0);
    else if (cp == 0x3000)
      out += ' ';
    else if (cp >= 0x2460 && cp <= 0x2473)
      out += std::to_string(cp - 0x2460 + 1);
    else if (cp >= 0x3251 && cp <= 0x325F)
      out += std::to_string(cp - 0x3251 + 21);
    else if (cp >= 0x32B1 && cp <= 0x32BF)
      out += std::to_string(cp - 0x32B1 + 36);
    else
      out.append(s.substr(i, 3));
    i += 3;
  }
  return out;
}

std::optional<int> parse_int(const std::string& cell, int min, int max) {
  std::string s = trim(ascii_width(cell));
  if (s.empty() || s.size() > 6) return std::nullopt;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  if (v < min || v > max) return std::nullopt;
  return v;
}

std::string two_digits(int m) { return (m < 10 ? "0" : "") + std::to_string(m); }

/// "2024-11" and what Excel turns it into when a sheet is opened and saved again
/// ("2024/11/1", "2024/11", "Nov-24", "2024年11月"), as YYYY-MM; nullopt when it is none of those.
std::optional<std::string> parse_month(const std::string& cell) {
  std::string s = trim(ascii_width(cell));
  // Digits groups and what separates them.
  std::vector<int> numbers;
  std::vector<std::size_t> digits;
  std::string letters, seps;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] >= '0' && s[i] <= '9') {
      std::size_t j = i;
      int v = 0;
      while (j < s.size() && s[j] >= '0' && s[j] <= '9' && j - i < 6) v = v * 10 + (s[j++] - '0');
      numbers.push_back(v);
      digits.push_back(j - i);
      i = j;
    } else if ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')) {
      letters += static_cast<char>(s[i] | 0x20);
      ++i;
    } else {
      std::size_t len = static_cast<unsigned char>(s[i]) >= 0xE0 ? 3 : 1;
      seps += s.substr(i, len) + "|";
      i += len;
    }
  }
  auto month = [](int y, int m) -> std::optional<std::string> {
    if (y < 1900 || y > 2999 || m < 1 || m > 12) return std::nullopt;
    return std::to_string(y) + "-" + two_digits(m);
  };
  if (letters.empty() && (numbers.size() == 2 || numbers.size() == 3) && digits[0] == 4 &&
      digits[1] <= 2) {
    bool dashes = seps == "-|" || seps == "-|-|", slashes = seps == "/|" || seps == "/|/|",
         dots = seps == ".|" || seps == ".|.|";
    bool kanji = seps == "年|月|" || seps == "年|月|日|";
    if (dashes || slashes || dots || kanji) return month(numbers[0], numbers[1]);
  }
  static const char* names[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                "jul", "aug", "sep", "oct", "nov", "dec"};
  if (letters.size() == 3 && numbers.size() == 1 && seps == "-|") {
    for (int m = 0; m < 12; ++m)
      if (letters == names[m]) return month(digits[0] == 2 ? 2000 + numbers[0] : numbers[0], m + 1);
  }
  return std::nullopt;
}

/// Splits a list cell at spaces, commas, 、 and line breaks.
/// A fiscal year as the year it starts in: 令和2年度 / R2年度 / 令和元年度 → 2020 (令和 N is
/// 2018 + N), 平成30年度 → 2018, 2020年度 / 2020 → 2020; nullopt for anything else.
std::optional<std::string> parse_fiscal_year(const std::string& cell) {
  std::string s = cell;
  auto drop_suffix = [&](std::string_view suffix) {
    if (s.size() > suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0)
      s.resize(s.size() - suffix.size());
  };
  drop_suffix("年度");
  struct Era {
    std::string_view prefix;
    int offset;
  };
  static const Era eras[] = {{"令和", 2018}, {"R", 2018}, {"平成", 1988}, {"H", 1988}};
  int offset = 0;
  for (const Era& e : eras)
    if (s.compare(0, e.prefix.size(), e.prefix) == 0) {
      offset = e.offset;
      s = s.substr(e.prefix.size());
      break;
    }
  if (offset && s == "元") return std::to_string(offset + 1);
  if (s.empty() || s.size() > 4 ||
      !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  int n = std::stoi(s);
  if (offset) return n >= 1 && n <= 99 ? std::optional(std::to_string(offset + n)) : std::nullopt;
  return s.size() == 4 && n >= 1900 && n <= 2199 ? std::optional(s) : std::nullopt;
}

std::vector<std::string> split_list(const std::string& cell) {
  std::string s = ascii_width(cell);
  for (const char* sep : {"、", "，", "・"})
    for (std::size_t p; (p = s.find(sep)) != std::string::npos;)
      s.replace(p, std::string(sep).size(), " ");
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ' ' || c == ',' || c == ';' || c == '\n' || c == '\r' || c == '\t') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

std::vector<std::string> split_lines(const std::string& cell) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= cell.size()) {
    std::size_t end = cell.find('\n', start);
    std::string line =
        trim(cell.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (!line.empty()) out.push_back(line);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

/// "A", "B", … "AA": the column letter a spreadsheet shows.
std::string column_letter(std::size_t index) {
  std::string s;
  for (std::size_t n = index + 1; n > 0; n = (n - 1) / 26)
    s.insert(s.begin(), static_cast<char>('A' + (n - 1) % 26));
  return s;
}

// ---------------------------------------------------------------------------------------------
// One sheet as read

struct SheetRow {
  int line = 0;
  std::vector<std::string> cells;
};

/// A sheet file read and its header row matched to the layout's columns.
class Sheet {
 public:
  /// Takes the table's rows (moved, not copied: a sheet's cells are held once).
  /// A workbook's sheet is named by `book_sheet` (its tab), its cells as Excel shows them.
  Sheet(const SheetLayout& layout, const std::string& path, csv::Table table,
        std::string book_sheet = "")
      : layout_(layout), path_(path), book_sheet_(std::move(book_sheet)) {
    std::size_t first = 0;
    auto blank = [](const std::vector<std::string>& cells) {
      return std::all_of(cells.begin(), cells.end(),
                         [](const std::string& c) { return trim(c).empty(); });
    };
    while (first < table.rows.size() && blank(table.rows[first])) ++first;
    if (first == table.rows.size())
      throw data_error(
          say("{1}: the sheet is empty; row 1 must hold the column headers (renkei template "
              "writes them)",
              {shown()}));
    header_line_ = table.lines[first];
    for (std::size_t r = first + 1; r < table.rows.size(); ++r)
      if (!blank(table.rows[r])) rows_.push_back({table.lines[r], std::move(table.rows[r])});
    match_header(table.rows[first]);
  }

  const SheetLayout& layout() const { return layout_; }
  const std::vector<SheetRow>& rows() const { return rows_; }
  const std::string& path() const { return path_; }
  const std::string& file() const { return file_; }

  /// The cell of `field` in `row`, trimmed, with the ' that protects formula-like text removed;
  /// empty when the sheet has no such column.
  std::string get(const SheetRow& row, std::string_view field) const {
    auto it = column_of_.find(std::string(field));
    if (it == column_of_.end() || it->second >= row.cells.size()) return "";
    return trim(csv::unneutralise(trim(row.cells[it->second])));
  }
  /// Free text (a note): the cell as typed, spaces and line breaks kept, with the ' that
  /// protects formula-like text removed; empty when it holds only white space.
  std::string text(const SheetRow& row, std::string_view field) const {
    auto it = column_of_.find(std::string(field));
    if (it == column_of_.end() || it->second >= row.cells.size()) return "";
    const std::string& cell = row.cells[it->second];
    if (trim(cell).empty()) return "";
    return csv::unneutralise(cell);
  }
  /// Like `get`, but a required cell left empty is an error.
  std::string required(const SheetRow& row, std::string_view field) const {
    std::string v = get(row, field);
    if (v.empty()) fail(row, field, say("is empty; {1}", {help(field)}));
    return v;
  }
  /// The cell as a user finds it: "配置先!C7" in a workbook, "placements.csv!C7" in a folder
  /// of CSV sheets (Excel opens one as a tab of that name).
  std::string cell_name(const SheetRow& row, std::string_view field) const {
    auto it = column_of_.find(std::string(field));
    std::string col = it == column_of_.end() ? "" : column_letter(it->second);
    return (book_sheet_.empty() ? file_ : book_sheet_) + "!" + col + std::to_string(row.line);
  }
  CellPlace place(const SheetRow& row, std::string_view field) const {
    return {file_, row.line, header(field)};
  }
  /// "DIR/placements.csv:12: column C 配置先 (office): what"; in a workbook
  /// "BOOK.xlsx: 配置!C12: 配置先 (office): what".
  std::string where(const SheetRow& row, std::string_view field) const {
    return where_at(row.line, field);
  }
  std::string where_at(int line, std::string_view field) const {
    auto it = column_of_.find(std::string(field));
    if (!book_sheet_.empty()) {
      if (it == column_of_.end()) return row_prefix(line);
      return path_ + ": " + book_sheet_ + "!" + column_letter(it->second) + std::to_string(line) +
             ": " + header(field) + ": ";
    }
    std::string col;
    if (it != column_of_.end())
      return say("{1}:{2}: column {3} {4}: ",
                 {path_, std::to_string(line), column_letter(it->second), header(field)});
    return say("{1}:{2}: ", {path_, std::to_string(line)});
  }
  /// where_at for a column named by its header as the layout writes it.
  std::string where_header(int line, const std::string& header_text) const {
    for (const auto& c : layout_.columns)
      if (header_text == c.header) return where_at(line, c.field);
    return row_prefix(line);
  }
  /// The sheet as messages name it: its file, or "BOOK.xlsx: 配置".
  std::string shown() const { return book_sheet_.empty() ? path_ : path_ + ": " + book_sheet_; }
  /// A row as messages name it: "DIR/placements.csv:12: " or "BOOK.xlsx: 配置 row 12: ".
  std::string row_prefix(int line) const {
    return book_sheet_.empty() ? say("{1}:{2}: ", {path_, std::to_string(line)})
                               : say("{1} row {2}: ", {shown(), std::to_string(line)});
  }
  [[noreturn]] void fail(const SheetRow& row, std::string_view field,
                         const std::string& what) const {
    throw data_error(where(row, field) + what);
  }
  std::string header(std::string_view field) const {
    for (const auto& c : layout_.columns)
      if (field == c.field) return c.header;
    return std::string(field);
  }

 private:
  const char* help(std::string_view field) const {
    for (const auto& c : layout_.columns)
      if (field == c.field) return c.help;
    return "";
  }

  void match_header(const std::vector<std::string>& cells) {
    file_ = layout_.file;
    std::string at = row_prefix(header_line_);
    std::vector<std::string> headers;
    for (const auto& c : layout_.columns) headers.push_back(c.header);
    for (std::size_t i = 0; i < cells.size(); ++i) {
      std::string text = trim(cells[i]);
      if (text.empty()) {
        for (const auto& r : rows_)
          if (i < r.cells.size() && !trim(r.cells[i]).empty())
            throw data_error(
                at + say("column {1} has no header but line {2} fills it; name the column or "
                         "delete it",
                         {column_letter(i), std::to_string(r.line)}));
        continue;
      }
      const SheetColumn* col = find_column(text);
      if (!col) {
        throw data_error(
            at + say("column {1}: unknown header {2} in {3}{4}; the headers are "
                     "listed in README.txt and docs/import.md",
                     {column_letter(i), in_quotes(text), file_, did_you_mean(suggest(text))}));
      }
      if (column_of_.count(col->field))
        throw data_error(at + say("column {1}: {2} appears twice (also column {3}); keep one",
                                  {column_letter(i), in_quotes(col->header),
                                   column_letter(column_of_[col->field])}));
      column_of_[col->field] = i;
    }
    for (const auto& c : layout_.columns)
      if (c.required && !column_of_.count(c.field))
        throw data_error(at + say("the required column {1} is missing; add it to row {2} ({3})",
                                  {in_quotes(c.header), std::to_string(header_line_), c.help}));
  }

  /// The Japanese part of a header, "市町" of "市町 (municipality)".
  static std::string japanese_part(const std::string& header) {
    auto p = header.find(" (");
    return p == std::string::npos ? header : header.substr(0, p);
  }

  const SheetColumn* find_column(const std::string& text) const {
    std::string key = match_key(text);
    for (const auto& c : layout_.columns)
      if (key == match_key(c.header) || key == match_key(c.field)) return &c;
    // The Japanese part alone only when it is unique in the sheet (市町 is both a name and a
    // reference elsewhere).
    const SheetColumn* found = nullptr;
    for (const auto& c : layout_.columns)
      if (key == match_key(japanese_part(c.header))) {
        if (found) return nullptr;
        found = &c;
      }
    return found;
  }

  std::optional<std::string> suggest(const std::string& text) const {
    std::vector<std::string> headers, fields, parts;
    for (const auto& c : layout_.columns) {
      headers.push_back(c.header);
      fields.push_back(c.field);
      parts.push_back(japanese_part(c.header));
    }
    if (auto near = nearest(text, headers)) return near;
    for (const auto* list : {&fields, &parts})
      if (auto near = nearest(match_key(text), *list))
        for (std::size_t i = 0; i < list->size(); ++i)
          if ((*list)[i] == *near) return headers[i];
    return std::nullopt;
  }

  const SheetLayout& layout_;
  std::string path_, file_, book_sheet_;
  int header_line_ = 1;
  std::vector<SheetRow> rows_;
  std::map<std::string, std::size_t> column_of_;
};

/// A closed-set word (status, level, relation) written as its data word or its Japanese label.
template <typename E>
E read_term(const Sheet& sheet, const SheetRow& row, std::string_view field,
            const std::vector<Term<E>>& table, const std::vector<E>& allowed) {
  std::string cell = sheet.required(row, field);
  std::string key = match_key(cell);
  std::vector<std::string> choices, spelled;
  for (const auto& t : table) {
    if (std::find(allowed.begin(), allowed.end(), t.value) == allowed.end()) continue;
    if (key == match_key(t.word) || (*t.label_ja && key == match_key(t.label_ja))) return t.value;
    choices.push_back(language() == Lang::En ? std::string(t.label_ja) + " (" + t.word + ")"
                                             : std::string(t.label_ja));
    spelled.push_back(t.label_ja);
    spelled.push_back(t.word);
  }
  std::string list;
  for (std::size_t i = 0; i < choices.size(); ++i) list += (i ? say("list|, ") : "") + choices[i];
  sheet.fail(row, field,
             say("unknown word {1}; write one of {2}{3}",
                 {in_quotes(cell), list, did_you_mean(cell, spelled)}));
}

// ---------------------------------------------------------------------------------------------
// Names

/// Node names by match key, in tiers tried in order: the name, then the other spellings.
class NameTable {
 public:
  enum Tier { Name, Alias, Id, NameEn, ShortName, kTiers };
  static const char* how(Tier t) {
    static const char* words[] = {"name", "alias", "id", "romanized name", "short name"};
    return words[t];
  }

  explicit NameTable(const Dataset& ds) : ds_(ds) {
    for (std::size_t i = 0; i < ds.nodes.size(); ++i) add_node(i);
  }
  void add_node(std::size_t i) {
    const Node& n = ds_.nodes[i];
    if (n.kind == Kind::Region || !n.outside_source.empty()) return;
    for (const Spelling& s : spellings(n)) switch (s.kind) {
        case Spelling::Kind::Name: add(Name, s.text, i); break;
        case Spelling::Kind::SourceAlias: add(Alias, s.text, i); break;
        case Spelling::Kind::Id: add(Id, s.text, i); break;
        case Spelling::Kind::NameEn: add(NameEn, s.text, i); break;
        case Spelling::Kind::ShortName: add(ShortName, s.text, i); break;
        case Spelling::Kind::OutsideAlias: break;  // outside facts are not the sheets' names
      }
  }
  void add_alias(std::size_t i, const std::string& alias) { add(Alias, alias, i); }

  struct Found {
    std::size_t node;
    Tier tier;
  };
  /// The one node `text` names among `kinds` (all when empty), trying tiers up to `last`.
  std::optional<Found> find(const std::string& text, const std::vector<Kind>& kinds,
                            Tier last = ShortName) const {
    std::string key = match_key(text);
    for (int t = Name; t <= last; ++t) {
      auto it = keys_[t].find(key);
      if (it == keys_[t].end()) continue;
      std::vector<std::size_t> hits;
      for (std::size_t i : it->second)
        if (kinds.empty() ||
            std::find(kinds.begin(), kinds.end(), ds_.nodes[i].kind) != kinds.end())
          hits.push_back(i);
      if (hits.size() == 1) return Found{hits[0], static_cast<Tier>(t)};
      if (hits.size() > 1) return std::nullopt;
    }
    return std::nullopt;
  }

  /// Up to `count` names (and aliases) of `kinds` closest to `text`, nearest first; only those
  /// within `limit` edits when `limit` is set.
  std::vector<std::string> nearest_names(const std::string& text, const std::vector<Kind>& kinds,
                                         std::size_t count,
                                         std::optional<std::size_t> limit) const {
    std::string key = match_key(text);
    std::vector<std::pair<std::size_t, std::string>> scored;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < ds_.nodes.size(); ++i) {
      const Node& n = ds_.nodes[i];
      if (n.kind == Kind::Region ||
          (!kinds.empty() && std::find(kinds.begin(), kinds.end(), n.kind) == kinds.end()))
        continue;
      std::vector<std::string> names;
      for (const Spelling& s : spellings(n))
        if (s.kind == Spelling::Kind::Name || s.kind == Spelling::Kind::SourceAlias)
          names.push_back(s.text);
      for (const auto& s : names) {
        std::size_t d = edit_distance(key, match_key(s));
        if (limit && d > *limit) continue;
        if (seen.insert(s).second) scored.push_back({d, s});
      }
    }
    std::sort(scored.begin(), scored.end());
    std::vector<std::string> out;
    for (std::size_t k = 0; k < scored.size() && k < count; ++k) out.push_back(scored[k].second);
    return out;
  }

 private:
  void add(Tier t, const std::string& name, std::size_t i) {
    std::string key = match_key(name);
    if (key.empty()) return;
    auto& v = keys_[t][key];
    if (std::find(v.begin(), v.end(), i) == v.end()) v.push_back(i);
  }
  const Dataset& ds_;
  std::unordered_map<std::string, std::vector<std::size_t>> keys_[kTiers];
};

std::string kinds_text(const std::vector<Kind>& kinds) {
  if (kinds.empty()) return "node";
  std::string s;
  for (std::size_t i = 0; i < kinds.size(); ++i)
    s += (i ? " or " : "") + std::string(word(kinds[i]));
  return s;
}

/// kinds_text as a message says it: "office or council", in Japanese 「配置先または協議の場」.
std::string kinds_words(const std::string& expected) {
  if (language() == Lang::En) return expected;
  std::string out, rest = expected;
  while (!rest.empty()) {
    std::size_t p = rest.find(" or ");
    std::string one = rest.substr(0, p);
    rest = p == std::string::npos ? "" : rest.substr(p + 4);
    std::string ja = one == "node" ? say("node") : one;
    for (const auto& t : kinds())
      if (one == t.word) ja = t.label_ja;
    out += (out.empty() ? "" : "または") + ja;
  }
  return out;
}

/// An id from a romanized name: "Ube Liaison Council" → "ube-liaison-council".
std::string slug_of(const std::string& name_en) {
  std::string s;
  for (char c : name_en) {
    char l = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    bool ok = (l >= 'a' && l <= 'z') || (l >= '0' && l <= '9');
    if (ok)
      s += l;
    else if (!s.empty() && s.back() != '-')
      s += '-';
  }
  if (s.size() > 60) s.resize(60);
  while (!s.empty() && s.back() == '-') s.pop_back();
  return s;
}

/// 32-bit FNV-1a of the name, as 8 hex digits: the same name always gets the same id.
std::string name_hash(const std::string& name) {
  std::uint32_t h = 2166136261u;
  for (unsigned char c : name) {
    h ^= c;
    h *= 16777619u;
  }
  static const char* hex = "0123456789abcdef";
  std::string s;
  for (int shift = 28; shift >= 0; shift -= 4) s += hex[(h >> shift) & 0xF];
  return s;
}

bool is_directory(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// ---------------------------------------------------------------------------------------------
// The importer

/// Reads one sheet folder; one instance per import.
class Importer {
 public:
  Importer(std::string dir, const Dataset& reference, ImportReport& report,
           const std::vector<std::string>& also_look_in, ReferenceUse use)
      : dir_(std::move(dir)),
        reference_(&reference),
        use_(use),
        report_(report),
        also_look_in_(also_look_in) {
    while (dir_.size() > 1 && dir_.back() == '/') dir_.pop_back();
    report_.dir = dir_;
  }

  Dataset run() {
    read_sheets();
    read_document();
    choose_reference();
    for (const char* file :
         {"municipalities.csv", "centers.csv", "councils.csv", "offices.csv", "initiatives.csv"})
      read_nodes(sheet(file));
    assign_ids();
    names_.emplace(ds_);
    read_aliases();
    read_activities();
    read_quotes("challenges.csv", "challenges", &Node::challenges);
    read_quotes("no_children.csv", "no_children", &Node::no_children);
    read_meetings();
    read_links();
    read_placements();
    read_runs();
    if (!report_.unmatched.empty()) {
      const UnmatchedName& u = report_.unmatched.front();
      std::size_t others = report_.unmatched.size() - 1 + report_.unmatched_not_listed;
      std::string more =
          others ? say(" (and {1} more, listed above)", {std::to_string(others)}) : "";
      throw data_error(sheet(u.place.sheet).where_header(u.place.line, u.place.column) +
                       say("{1} names no {2} in the sheets{3}; fix the spelling or add the "
                           "missing rows",
                           {in_quotes(u.written), kinds_words(u.expected), more}));
    }
    for (const Node& n : reference_->nodes)
      if (n.kind != Kind::Region && n.outside_source.empty() && !ds_.find_id(n.id))
        report_.not_in_sheets.push_back(n.id);
    return validate();
  }

 private:
  const Sheet& sheet(const std::string& file) const { return sheets_.at(file); }

  void read_sheets() {
    struct stat st;
    if (is_workbook_path(dir_) && stat(dir_.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
      read_workbook_sheets();
      return;
    }
    if (stat(dir_.c_str(), &st) != 0) throw data_error(say("{1}: no such folder", {dir_}));
    if (!S_ISDIR(st.st_mode))
      throw data_error(say(
          "{1}: is a file, not a folder; give the folder that holds the sheets (document.csv, …)",
          {dir_}));
    check_file_set(dir_);  // a folder an interrupted export left mixing two datasets is refused
    std::set<std::string> present;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir_, ec))
      present.insert(entry.path().filename().string());
    std::vector<std::string> expected;
    for (const auto& l : sheet_layouts()) expected.push_back(l.file);
    for (const auto& name : present) {
      bool csv = name.size() > 4 && match_key(name.substr(name.size() - 4)) == ".csv";
      if (csv && !std::count(expected.begin(), expected.end(), name))
        report_.ignored_files.push_back(name);
    }
    for (const auto& l : sheet_layouts()) {
      std::string file = l.file;
      if (!present.count(file) && l.optional) continue;
      if (!present.count(file)) {
        std::string stem = file.substr(0, file.size() - 4);
        std::string why;
        if (present.count(stem + ".xlsx") || present.count(stem + ".xls"))
          why =
              say(" ({1}.xlsx is there: in Excel save it as \"CSV UTF-8 (コンマ区切り)\")", {stem});
        else if (auto near = nearest(file, report_.ignored_files))
          why = say(" (is {1} meant to be {2}? rename it)", {*near, file});
        else
          why = say(" (renkei template DIR writes them all)");
        throw data_error(
            say("{1}: the sheet {2} is missing; every sheet must be there, even with no rows{3}",
                {dir_, file, why}));
      }
      std::string path = dir_ + "/" + file;
      refuse_outside(dir_, path);
      // A sheet's cells take up to about 35 times its size in memory (each cell a string):
      // bounded here, far above any real table (all of Japan ten times over: 6 MB a sheet).
      struct stat sst;
      if (stat(path.c_str(), &sst) == 0 && S_ISREG(sst.st_mode) &&
          static_cast<std::uint64_t>(sst.st_size) > kMaxSheetBytes)
        throw data_error(
            say("{1}: the sheet is {2} MB, more than renkei reads for one sheet ({3} MB; a sheet "
                "of all of Japan's municipalities ten times over is 6 MB): is it the right file?",
                {path, std::to_string((static_cast<std::uint64_t>(sst.st_size) >> 20) + 1),
                 std::to_string(kMaxSheetBytes >> 20)}));
      csv::Table table =
          csv::parse(map_input_file(path, say("a sheet (a .csv file)").c_str()).view(),
                     path);  // the bytes go at once
      if (table.from_shift_jis) report_.shift_jis_sheets.push_back(file);
      sheets_.emplace(file, Sheet(l, path, std::move(table)));
      report_.sheets_read.push_back(file);
    }
  }

  /// The sheets of a workbook, each found by its tab name (配置), its file stem (placements) or
  /// its file name; other tabs are named in the report; 説明 is the workbook's own guide.
  void read_workbook_sheets() {
    std::vector<WorkbookSheet> book = read_workbook(dir_);
    base_dir_ = dir_.find('/') == std::string::npos ? "." : dir_.substr(0, dir_.rfind('/'));
    std::vector<bool> used(book.size());
    std::vector<std::string> tabs;
    for (const auto& b : book) tabs.push_back(b.name);
    for (const auto& l : sheet_layouts()) {
      std::string file = l.file, stem = file.substr(0, file.size() - 4);
      std::size_t i = 0;
      for (; i < book.size(); ++i) {
        std::string key = match_key(book[i].name);
        if (key == match_key(workbook_sheet_name(l)) || key == match_key(stem) ||
            key == match_key(file))
          break;
      }
      if (i == book.size()) {
        if (l.optional) continue;
        throw data_error(
            say("{1}: the sheet {2} ({3}) is missing; every sheet must be there, "
                "even with only its header row{4} (renkei template BOOK.xlsx writes "
                "them all)",
                {dir_, in_quotes(workbook_sheet_name(l)), stem,
                 did_you_mean(workbook_sheet_name(l), tabs)}));
      }
      used[i] = true;
      WorkbookSheet& b = book[i];
      if (!b.table.lines.empty())
        for (const std::string& range : b.merged) {
          int header = b.table.lines.front(), first = 0, last = 0;
          std::size_t colon = range.find(':');
          auto row_of = [](const std::string& ref) {
            std::size_t k = 0;
            while (k < ref.size() && !std::isdigit(static_cast<unsigned char>(ref[k]))) ++k;
            return std::atoi(ref.c_str() + k);
          };
          first = row_of(range.substr(0, colon));
          last = colon == std::string::npos ? first : row_of(range.substr(colon + 1));
          if (first <= header && header <= last)
            throw data_error(
                say("{1}: {2}!{3}: the header cells are merged; unmerge them, one "
                    "header per column",
                    {dir_, b.name, range}));
        }
      sheets_.emplace(file, Sheet(l, dir_, std::move(b.table), b.name));
      report_.sheets_read.push_back(b.name);
    }
    for (std::size_t i = 0; i < book.size(); ++i)
      if (!used[i] && book[i].name != "説明") report_.ignored_files.push_back(book[i].name);
  }

  std::string month_cell(const Sheet& s, const SheetRow& row, const char* field, bool required) {
    std::string v = required ? s.required(row, field) : s.get(row, field);
    if (v.empty()) return "";
    if (auto m = parse_month(v)) return *m;
    s.fail(row, field,
           say("{1} is not a month; write it as YYYY-MM, e.g. 2024-11", {in_quotes(v)}));
  }

  /// A placement's start: a month, or a fiscal year (配置年度) as 令和2年度, R2年度, 2020年度 or
  /// 2020, kept as the year it starts in.
  std::string since_cell(const Sheet& s, const SheetRow& row) {
    std::string v = ascii_width(s.get(row, "since"));
    if (v.empty()) return "";
    if (auto m = parse_month(v)) return *m;
    if (auto y = parse_fiscal_year(v)) return *y;
    s.fail(row, "since",
           say("{1} is neither a month nor a fiscal year; write YYYY-MM (2024-11) or the 配置年度 "
               "(令和2年度, 2020年度)",
               {in_quotes(v)}));
  }

  std::string sibling_name(const Sheet& s, const SheetRow& row, const char* field) {
    std::string v = s.get(row, field);
    if (!v.empty() && !is_inside_folder(v))
      s.fail(row, field,
             say("{1} must be a path inside the folder, such as source/yamaguchi-r7.txt (no "
                 "leading / and no ..)",
                 {in_quotes(v)}));
    return v;
  }

  void read_document() {
    const Sheet& s = sheet("document.csv");
    if (s.rows().empty())
      throw data_error(say("{1}: write the document's one row under the headers", {s.path()}));
    if (s.rows().size() > 1)
      throw data_error(say(
          "{1}:{2}: the document sheet has one row only (one table per import); delete this row",
          {s.path(), std::to_string(s.rows()[1].line)}));
    const SheetRow& r = s.rows()[0];
    ds_.title = s.required(r, "title");
    ds_.document.publisher = s.required(r, "publisher");
    ds_.document.label = s.required(r, "label");
    ds_.document.title = s.required(r, "document_title");
    ds_.document.source_file = sibling_name(s, r, "source_file");
    ds_.document.note = s.text(r, "document_note");
    ds_.fiscal_year.label = s.required(r, "fiscal_year");
    ds_.fiscal_year.first_month = month_cell(s, r, "first_month", true);
    ds_.fiscal_year.last_month = month_cell(s, r, "last_month", true);
    ds_.outside_facts = sibling_name(s, r, "outside_facts");
    read_columns();
    ds_.document.form = ds_.document.columns.empty() ? SourceForm::Prose : SourceForm::Table;
    if (!s.get(r, "source_form").empty())
      ds_.document.form = read_term(
          s, r, "source_form", source_forms(),
          {SourceForm::Table, SourceForm::NumberedRows, SourceForm::Prose, SourceForm::Input});
    document_row_ = r;
    for (const char* p : {"/title", "/document", "/fiscal_year", "/outside_facts"})
      place_[p] = s.place(r, "title");
  }

  /// The source table's columns, as the document labels them (columns.csv, optional).
  void read_columns() {
    auto it = sheets_.find("columns.csv");
    if (it == sheets_.end()) return;
    const Sheet& s = it->second;
    for (const SheetRow& r : s.rows()) {
      SourceColumn c;
      c.label = s.required(r, "label");
      c.role = read_term(
          s, r, "role", column_roles(),
          {ColumnRole::Unit, ColumnRole::Council, ColumnRole::Meetings, ColumnRole::Work,
           ColumnRole::Placements, ColumnRole::Activity, ColumnRole::Plans, ColumnRole::Other});
      c.heading = s.text(r, "heading");
      if (std::string b = s.get(r, "block"); !b.empty()) {
        auto n = parse_int(b, 1, 9);
        if (!n)
          s.fail(r, "block",
                 say("{1} is not a block number; write 2, or leave it empty", {in_quotes(b)}));
        c.block = *n;
      }
      place_["/document/columns/" + std::to_string(ds_.document.columns.size())] =
          s.place(r, "label");
      ds_.document.columns.push_back(std::move(c));
    }
  }

  Source read_source(const Sheet& s, const SheetRow& row, const std::string& prefix = "source_") {
    Source src;
    std::string row_field = prefix + "row", section_field = prefix + "section",
                text_field = prefix + "text";
    if (ds_.document.form == SourceForm::Input) return entered_source(s, row, prefix);
    // Row and column may be left empty for a prose source or a table's caption; a described
    // table's quotes need both (model/check.h says so at this cell).
    std::string row_text = s.get(row, row_field);
    if (!row_text.empty()) {
      auto n = parse_int(row_text, 1, 99999);
      if (!n)
        s.fail(row, row_field,
               say("{1} is not a row number; write the row of the table, e.g. 16",
                   {in_quotes(row_text)}));
      src.row = *n;
    }
    // The column as the document labels it; typed in another width or spacing, the label
    // it means (１（１） is 1(1)).
    src.section = s.get(row, section_field);
    for (const SourceColumn& c : ds_.document.columns)
      if (match_key(ascii_width(c.label)) == match_key(ascii_width(src.section)))
        src.section = c.label;
    src.text = s.required(row, text_field);
    return src;
  }

  /// A workbook that is its own source (出典の形式 入力): a fact's provenance is the cell it
  /// was typed in — the 出典の原文 cell where one is written (a challenge's own words), else the
  /// cell that states the fact (the office a placement names). Row and column of a document
  /// have nothing to point at.
  Source entered_source(const Sheet& s, const SheetRow& row, const std::string& prefix) {
    for (const char* f : {"row", "section"})
      if (!s.get(row, prefix + f).empty())
        s.fail(row, prefix + f,
               say("this table is its own source (document.csv 出典の形式 is 入力): a fact typed "
                   "here has no row or column of a document; leave this cell empty, or give the "
                   "document in 出典テキスト and its form"));
    std::string field = prefix + "text";
    if (s.get(row, field).empty()) field = prefix == "source_" ? fact_field(s.file()) : "";
    if (field.empty()) s.fail(row, prefix + "text", say("is empty; write what the table says"));
    Source src;
    src.input = s.cell_name(row, field);
    src.text = s.text(row, field);
    if (src.text.empty())
      s.fail(row, field, say("is empty; {1} is what this row states", {s.header(field)}));
    return src;
  }
  /// The column whose cell states a sheet's fact, for facts entered in the sheets.
  static std::string fact_field(const std::string& file) {
    static const std::map<std::string, std::string> field = {
        {"municipalities.csv", "name"},     {"centers.csv", "name"},
        {"councils.csv", "name"},           {"offices.csv", "name"},
        {"initiatives.csv", "name"},        {"aliases.csv", "alias"},
        {"activities.csv", "status"},       {"challenges.csv", "source_text"},
        {"no_children.csv", "source_text"}, {"meetings.csv", "status"},
        {"links.csv", "relation"},          {"placements.csv", "office"},
        {"initiative_runs.csv", "status"}};
    auto it = field.find(file);
    return it == field.end() ? "source_text" : it->second;
  }

  void read_nodes(const Sheet& s) {
    static const std::map<std::string, Kind> kind_of = {{"municipalities.csv", Kind::Municipality},
                                                        {"centers.csv", Kind::Center},
                                                        {"councils.csv", Kind::Council},
                                                        {"offices.csv", Kind::Office},
                                                        {"initiatives.csv", Kind::Initiative}};
    Kind kind = kind_of.at(s.file());
    for (const SheetRow& r : s.rows()) {
      Node n;
      n.kind = kind;
      n.name = s.required(r, "name");
      n.name_en = s.get(r, "name_en");
      n.note = s.text(r, "note");
      n.id = s.get(r, "id");
      if (!n.id.empty() && !is_valid_id(n.id))
        s.fail(r, "id",
               say("{1} is not a valid id; use lowercase ASCII letters, digits and hyphens, or "
                   "leave it empty",
                   {in_quotes(n.id)}));

      std::optional<NameTable::Found> ref = ref_names_->find(n.name, {kind}, NameTable::Alias);
      if (n.id.empty() && ref) n.id = reference_->nodes[ref->node].id;
      if (ref && ref->tier != NameTable::Name)
        report_.other_spellings.push_back({s.place(r, "name"), n.name,
                                           reference_->nodes[ref->node].id,
                                           reference_->nodes[ref->node].name, "reference alias"});
      bool renamed =
          !ref && !n.id.empty() && reference_->find_id(n.id);  // same id, new name: not a new node
      if (!ref && !renamed)
        report_.new_nodes.push_back(
            {s.place(r, "name"), kind, n.name, "",
             ref_names_->nearest_names(n.name, {kind}, 3,
                                       std::max<std::size_t>(2, code_point_count(n.name) / 3))});
      if (kind == Kind::Municipality) {
        n.type = s.get(r, "type");
        if (n.type.empty()) n.type = municipality_type_of_name(n.name);
        if (!is_municipality_type(n.type))
          s.fail(
              r, "type",
              say("{1} is not a municipality type; write 市, 区, 町 or 村", {in_quotes(n.type)}));

        std::string row_text = s.get(r, "row");  // empty: the table has no row of its own for it
        if (!row_text.empty()) {
          auto row = parse_int(row_text, 1, 99999);
          if (!row)
            s.fail(r, "row",
                   say("{1} is not a row number; write the municipality's row in the table, or "
                       "leave it empty",
                       {in_quotes(row_text)}));
          n.row = *row;
        }
      }
      if (kind == Kind::Council) {
        n.level = read_term(s, r, "level", council_levels(),
                            {CouncilLevel::Municipal, CouncilLevel::Regional});
        n.council_status = read_term(s, r, "status", council_statuses(),
                                     {CouncilStatus::Active, CouncilStatus::Suspended,
                                      CouncilStatus::Ended, CouncilStatus::Planned});
        bool any = !s.get(r, "status_source_row").empty() ||
                   !s.get(r, "status_source_section").empty() ||
                   !s.get(r, "status_source_text").empty();
        if (any) n.status_source = read_source(s, r, "status_source_");
      }
      if (kind == Kind::Initiative) n.description = s.required(r, "description");
      n.source = read_source(s, r);
      if (!s.get(r, "out_of_area_text").empty()) n.out_of_area = read_source(s, r, "out_of_area_");
      check_unique_name(s, r, n);
      place_["/nodes/" + std::to_string(ds_.nodes.size())] = s.place(r, "");
      node_rows_.push_back({&s, r});
      ds_.nodes.push_back(std::move(n));
    }
  }

  /// Two rows for one node would become two nodes with one name; say so at the second row.
  void check_unique_name(const Sheet& s, const SheetRow& r, const Node& n) {
    auto [it, fresh] = name_owner_.emplace(match_key(n.name), ds_.nodes.size());
    if (!fresh) {
      const auto& [other_sheet, other_row] = node_rows_[it->second];
      s.fail(r, "name",
             say("{1} is already defined at {2}:{3}; write each node once and list other "
                 "spellings in aliases.csv",
                 {in_quotes(n.name), other_sheet->file(), std::to_string(other_row.line)}));
    }
    if (!n.id.empty()) {
      auto [at, fresh_id] = id_owner_.emplace(n.id, ds_.nodes.size());
      if (!fresh_id) {
        const auto& [other_sheet, other_row] = node_rows_[at->second];
        s.fail(r, n.id == s.get(r, "id") ? "id" : "name",
               say("{1} is the same node ({2}) as {3} at {4}:{5}; write each node once and list "
                   "other spellings in aliases.csv",
                   {in_quotes(n.name), n.id, in_quotes(ds_.nodes[at->second].name),
                    other_sheet->file(), std::to_string(other_row.line)}));
      }
    }
  }

  /// Nodes without an id get one from their romanized name, else from their kind and name;
  /// never an id the sheets or the reference data already use.
  void assign_ids() {
    std::set<std::string> used;
    for (const Node& n : ds_.nodes) used.insert(n.id);
    for (const Node& n : reference_->nodes) used.insert(n.id);
    for (std::size_t i = 0; i < ds_.nodes.size(); ++i) {
      Node& n = ds_.nodes[i];
      if (!n.id.empty()) continue;
      std::string base = slug_of(n.name_en);
      if (base.empty()) base = std::string(word(n.kind)) + "-" + name_hash(n.name);
      std::string id = base;
      for (int k = 2; used.count(id); ++k) id = base + "-" + std::to_string(k);
      used.insert(id);
      n.id = id;
    }
    for (NewNode& nn : report_.new_nodes)
      for (const Node& n : ds_.nodes)
        if (n.name == nn.name && n.kind == nn.kind) nn.id = n.id;
  }

  /// The node a cell names among `kinds`: the sheets' own names and aliases first, then the
  /// reference data's spellings of a node the sheets keep. Unmatched names are collected.
  std::optional<std::size_t> resolve(const Sheet& s, const SheetRow& r, const char* field,
                                     const std::vector<Kind>& kinds) {
    std::string text = s.required(r, field);
    if (report_.unmatched.size() >= kMaxUnmatchedListed && !names_->find(text, kinds) &&
        !ref_names_->find(text, kinds)) {
      ++report_.unmatched_not_listed;  // enough listed: count the rest without looking up the
                                       // nearest names
      return std::nullopt;
    }
    if (auto f = names_->find(text, kinds)) {
      if (f->tier != NameTable::Name)
        report_.other_spellings.push_back({s.place(r, field), text, ds_.nodes[f->node].id,
                                           ds_.nodes[f->node].name, NameTable::how(f->tier)});
      return f->node;
    }
    UnmatchedName u{s.place(r, field), text, kinds_text(kinds),
                    names_->nearest_names(text, kinds, 3, std::nullopt), ""};
    if (auto ref = ref_names_->find(text, kinds)) {
      const Node& rn = reference_->nodes[ref->node];
      if (auto here = ds_.find_id(rn.id)) {
        report_.other_spellings.push_back(
            {s.place(r, field), text, rn.id, ds_.nodes[*here].name, "reference alias"});
        return *here;
      }
      u.hint = say("{1} is {2} ({3}) in the reference data, but no sheet defines it",
                   {in_quotes(text), rn.name, rn.id});
    } else if (auto other = names_->find(text, {})) {
      const Node& on = ds_.nodes[other->node];
      u.hint = say("{1} is the {2} {3}, not a {4}", {in_quotes(text), kinds_words(word(on.kind)),
                                                     on.name, kinds_words(kinds_text(kinds))});
    }
    report_.unmatched.push_back(std::move(u));
    return std::nullopt;
  }

  void read_aliases() {
    const Sheet& s = sheet("aliases.csv");
    for (const SheetRow& r : s.rows()) {
      auto node = resolve(s, r, "node", {});
      std::string alias = s.required(r, "alias");
      Source src = read_source(s, r);
      if (!node) continue;
      Node& n = ds_.nodes[*node];
      auto [it, fresh] = name_owner_.emplace(match_key(alias), *node);
      if (!fresh && it->second != *node)
        s.fail(r, "alias",
               say("{1} is already the name or an alias of {2}; a spelling may lead to one node "
                   "only",
                   {in_quotes(alias), ds_.nodes[it->second].name}));
      place_["/nodes/" + std::to_string(*node) + "/aliases/" + std::to_string(n.aliases.size())] =
          s.place(r, "");
      n.aliases.push_back({alias, src});
      names_->add_alias(*node, alias);
    }
  }

  void read_activities() {
    const Sheet& s = sheet("activities.csv");
    for (const SheetRow& r : s.rows()) {
      auto m = resolve(s, r, "municipality", {Kind::Municipality});
      ActivityStatus status = read_term(s, r, "status", activity_statuses(),
                                        {ActivityStatus::Active, ActivityStatus::NoneStated});
      Source src = read_source(s, r);
      if (!m) continue;
      std::string key = "/nodes/" + std::to_string(*m) + "/coordinator_activity";
      if (place_.count(key))
        s.fail(r, "municipality",
               say("{1} already has its activity at line {2}; one row per municipality",
                   {ds_.nodes[*m].name, std::to_string(place_[key].line)}));
      place_[key] = s.place(r, "");
      ds_.nodes[*m].activity = CoordinatorActivity{status, src};
    }
  }

  /// A sheet of municipality quotes (challenges, no child to serve): one row, one quote.
  void read_quotes(const std::string& file, const char* field, std::vector<Source> Node::*list) {
    if (!sheets_.count(file)) return;  // an optional sheet an older folder lacks
    const Sheet& s = sheet(file);
    for (const SheetRow& r : s.rows()) {
      auto m = resolve(s, r, "municipality", {Kind::Municipality});
      Source src = read_source(s, r);
      if (!m) continue;
      std::vector<Source>& quotes = ds_.nodes[*m].*list;
      place_["/nodes/" + std::to_string(*m) + "/" + field + "/" + std::to_string(quotes.size())] =
          s.place(r, "");
      quotes.push_back(src);
    }
  }

  void read_meetings() {
    const Sheet& s = sheet("meetings.csv");
    for (const SheetRow& r : s.rows()) {
      auto c = resolve(s, r, "council", {Kind::Council});
      Meeting m;
      m.status = read_term(s, r, "status", meeting_statuses(),
                           {MeetingStatus::Held, MeetingStatus::Planned, MeetingStatus::None,
                            MeetingStatus::Suspended});
      for (const std::string& mo : split_list(s.get(r, "months"))) {
        auto month = parse_month(mo);
        if (!month)
          s.fail(r, "months",
                 say("{1} is not a month; write months as YYYY-MM separated by spaces, e.g. "
                     "2024-06 2025-02",
                     {in_quotes(mo)}));
        m.months.push_back(*month);
      }
      std::string about = match_key(s.get(r, "about_children"));
      if (about.empty() || about == match_key("はい") || about == "yes" || about == "true" ||
          about == "○")
        m.about_children = true;
      else if (about == match_key("いいえ") || about == "no" || about == "false" || about == "×")
        m.about_children = false;
      else
        s.fail(r, "about_children",
               say("{1} is neither はい nor いいえ; leave it empty unless these children were not "
                   "on the agenda",
                   {in_quotes(s.get(r, "about_children"))}));
      m.topics = split_lines(s.get(r, "topics"));
      m.summary = s.get(r, "summary");
      m.note = s.text(r, "note");
      m.source = read_source(s, r);
      if (!c) continue;
      Node& n = ds_.nodes[*c];
      place_["/nodes/" + std::to_string(*c) + "/meetings/" + std::to_string(n.meetings.size())] =
          s.place(r, "");
      n.meetings.push_back(std::move(m));
    }
  }

  void add_edge(const Sheet& s, const SheetRow& r, Edge e) {
    place_["/edges/" + std::to_string(ds_.edges.size())] = s.place(r, "");
    ds_.edges.push_back(std::move(e));
  }

  void read_links() {
    const Sheet& s = sheet("links.csv");
    for (const SheetRow& r : s.rows()) {
      std::string rel_text = s.required(r, "relation");
      auto other_sheet = [&](Relation rel) -> const char* {
        if (rel == Relation::Coordinator) return "placements.csv";
        if (rel == Relation::Runs) return "initiative_runs.csv";
        return nullptr;
      };
      for (Relation rel : {Relation::Coordinator, Relation::Runs})
        if (match_key(rel_text) == match_key(word(rel)) ||
            match_key(rel_text) == match_key(label_ja(rel)))
          s.fail(r, "relation",
                 say("{1} relations are written in {2}, not in links.csv",
                     {in_quotes(rel_text), other_sheet(rel)}));
      if (match_key(rel_text) == match_key("in_region") ||
          match_key(rel_text) == match_key(label_ja(Relation::InRegion)))
        s.fail(r, "relation",
               say("planning regions come from the outside-facts file named in document.csv, not "
                   "from links.csv"));
      Edge e;
      e.relation =
          read_term(s, r, "relation", relations(),
                    {Relation::Holds, Relation::Participates, Relation::PartOf, Relation::Liaises});
      // What each relation joins (as the loader checks it).
      const std::vector<Kind> from_kinds =
          e.relation == Relation::PartOf    ? std::vector<Kind>{Kind::Council}
          : e.relation == Relation::Liaises ? std::vector<Kind>{Kind::Municipality, Kind::Council}
                                            : std::vector<Kind>{Kind::Municipality};
      const std::vector<Kind> to_kinds = e.relation == Relation::Liaises
                                             ? std::vector<Kind>{Kind::Center}
                                             : std::vector<Kind>{Kind::Council};
      auto from = resolve(s, r, "from", from_kinds);
      auto to = resolve(s, r, "to", to_kinds);
      std::string status = s.get(r, "status");
      if (!status.empty()) {
        if (e.relation != Relation::Participates)
          s.fail(r, "status",
                 say("only a participation (参加) can have a status (予定); leave it empty for {1}",
                     {label_ja(e.relation)}));
        e.status = read_term(s, r, "status", edge_statuses(), {EdgeStatus::Planned});
      }
      e.note = s.text(r, "note");
      e.source = read_source(s, r);
      if (!from || !to) continue;
      e.from = *from;
      e.to = *to;
      add_edge(s, r, std::move(e));
    }
  }

  void read_placements() {
    const Sheet& s = sheet("placements.csv");
    for (const SheetRow& r : s.rows()) {
      auto m = resolve(s, r, "municipality", {Kind::Municipality});
      auto office = resolve(s, r, "office", {Kind::Office});
      Edge e;
      e.relation = Relation::Coordinator;
      std::string order = s.required(r, "order");
      auto n = parse_int(order, 1, 99);
      if (!n)
        s.fail(r, "order",
               say("{1} is not a placement number; write ①, ② … or 1, 2 …", {in_quotes(order)}));
      e.order = *n;
      e.since = since_cell(s, r);
      e.note = s.text(r, "note");
      e.source = read_source(s, r);
      if (!m || !office) continue;
      e.from = *m;
      e.to = *office;
      add_edge(s, r, std::move(e));
    }
  }

  void read_runs() {
    const Sheet& s = sheet("initiative_runs.csv");
    for (const SheetRow& r : s.rows()) {
      auto m = resolve(s, r, "municipality", {Kind::Municipality});
      auto initiative = resolve(s, r, "initiative", {Kind::Initiative});
      Edge e;
      e.relation = Relation::Runs;
      e.status = read_term(
          s, r, "status", edge_statuses(),
          {EdgeStatus::Done, EdgeStatus::Ongoing, EdgeStatus::Planned, EdgeStatus::Considering});
      e.date = month_cell(s, r, "date", false);
      e.note = s.text(r, "note");
      e.source = read_source(s, r);
      if (!m || !initiative) continue;
      e.from = *m;
      e.to = *initiative;
      add_edge(s, r, std::move(e));
    }
  }

  /// A sheet, or a file the document sheet names, that is a link to somewhere outside its
  /// folder (…/placements.csv → /etc/passwd) is refused: an import reads the folder it is
  /// given, and copies what it read beside the output.
  static void refuse_outside(const std::string& dir, const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::is_symlink(path, ec) && !has_linked_parent(dir, path)) return;
    std::filesystem::path target = std::filesystem::canonical(path, ec);
    if (ec) return;  // a dangling link: reading it fails with its own message
    std::filesystem::path base = std::filesystem::canonical(dir, ec);
    if (ec) return;
    auto rel = target.lexically_relative(base);
    if (rel.empty() || *rel.begin() == "..")
      throw data_error(
          say("{1}: is a link to {2}, outside the folder; renkei imports only the "
              "folder's own files (copy the file into it)",
              {path, excerpt(target.string())}));
  }
  /// True when a folder between `dir` and `path` (such as source/) is a link.
  static bool has_linked_parent(const std::string& dir, const std::string& path) {
    std::error_code ec;
    std::filesystem::path p = std::filesystem::path(path).parent_path(),
                          stop = std::filesystem::path(dir);
    for (; !p.empty() && p != stop && p.string().size() > stop.string().size(); p = p.parent_path())
      if (std::filesystem::is_symlink(p, ec)) return true;
    return false;
  }

  /// A file the document sheet names: beside the sheets, then in `also_look_in`, then the
  /// reference data's own copy.
  std::optional<SiblingFile> find_sibling(const std::string& name) const {
    std::vector<std::string> dirs = {base_dir_.empty() ? dir_ : base_dir_};
    dirs.insert(dirs.end(), also_look_in_.begin(), also_look_in_.end());
    for (const auto& d : dirs) {
      std::string path = (d.empty() ? std::string(".") : d) + "/" + name;
      refuse_outside(d.empty() ? std::string(".") : d, path);
      if (auto text = read_whole_file(path)) return SiblingFile{name, path, *text};
    }
    if (auto text = dataset_sibling(*reference_, name))
      return SiblingFile{name, "the copy beside " + reference_->origin, *text, true};
    return std::nullopt;
  }

  void require_sibling(const std::string& name, const char* field, const char* what) {
    if (name.empty()) return;
    auto found = find_sibling(name);
    if (!found) {
      const Sheet& s = sheet("document.csv");
      std::string where = (base_dir_.empty() ? dir_ : base_dir_) + "/" + name;
      for (const auto& d : also_look_in_)
        where += ", " + (d.empty() ? std::string(".") : d) + "/" + name;
      s.fail(document_row_, field,
             say("{1} ({2}) is not at {3} nor in the reference data; put the file beside the "
                 "sheets, or leave the cell empty",
                 {in_quotes(name), say(what), where}));
    }
    siblings_[name] = *found;
  }

  /// Checks the model's rules over what the sheets say (model/check.h), each problem at the
  /// sheet row it came from, then adds the outside facts.
  Dataset validate() {
    require_sibling(ds_.document.source_file, "source_file",
                    N_("the document's text, for checking quotes"));
    require_sibling(ds_.outside_facts, "outside_facts", N_("planning regions and municipal codes"));
    for (const auto& [name, file] : siblings_) report_.siblings.push_back(file);
    ds_.origin = dir_;
    std::optional<SourceDocument> source;
    std::optional<QuoteSource> quotes;
    if (!ds_.document.source_file.empty()) {
      const SiblingFile& f = siblings_.at(ds_.document.source_file);
      ds_.source_text = f.contents;
      quotes.emplace(QuoteSource{
          source.emplace(read_source_text(f.contents, ds_.document, f.shown())), f.shown()});
    }
    CheckResult checked = check(ds_, quotes);
    if (!checked.problems.empty()) {
      const Problem& p = checked.problems.front();
      throw data_error(at_sheet_row(p.place) + p.text + (p.also ? row_of(*p.also) + p.rest : ""));
    }
    report_.quotes_checked = checked.quotes_checked;
    report_.quotes_anywhere = checked.quotes_anywhere;
    report_.facts_entered = checked.facts_entered;
    if (!ds_.outside_facts.empty()) add_outside_facts_file(siblings_.at(ds_.outside_facts));
    ds_.build_index();
    return std::move(ds_);
  }

  /// The sheet row a place of the dataset came from, and its part of the pointer.
  std::pair<const CellPlace*, std::string> row_place(const Place& place) const {
    std::string key = place.pointer();
    while (!key.empty() && !place_.count(key)) key = key.substr(0, key.rfind('/'));
    if (key.empty()) return {nullptr, ""};
    return {&place_.at(key), key};
  }

  /// Another place a message names: its sheet and line, "placements.csv:12".
  std::string row_of(const Place& place) const {
    auto [p, key] = row_place(place);
    return p ? p->sheet + ":" + std::to_string(p->line) : place.pointer();
  }

  /// Where a problem is, as the sheets show it: "DIR/placements.csv:42: column F 出典の原文
  /// (source_text): ".
  std::string at_sheet_row(const Place& place) const {
    std::string pointer = place.pointer();
    auto [p, key] = row_place(place);
    if (!p) return dir_ + ": " + pointer + ": ";
    const Sheet& s = sheet(p->sheet);
    // The field the pointer ends in, as a column of that sheet.
    std::string tail = pointer.substr(key.size()), field;
    for (std::size_t i = 1; i < tail.size();) {
      std::size_t j = tail.find('/', i);
      std::string token = tail.substr(i, j == std::string::npos ? std::string::npos : j - i);
      if (!token.empty() && !std::isdigit(static_cast<unsigned char>(token[0])))
        field += (field.empty() ? "" : "_") + token;
      if (j == std::string::npos) break;
      i = j + 1;
    }
    if (field == "text" || field == "row" || field == "section") field = "source_" + field;
    if (p->sheet == "aliases.csv" && field == "name") field = "alias";
    if (p->sheet == "placements.csv")
      field = field == "from" ? "municipality" : field == "to" ? "office" : field;
    if (p->sheet == "initiative_runs.csv")
      field = field == "from" ? "municipality" : field == "to" ? "initiative" : field;
    if (p->sheet == "document.csv") field = "";
    bool known = std::any_of(s.layout().columns.begin(), s.layout().columns.end(),
                             [&](const SheetColumn& c) { return field == c.field; });
    SheetRow row{p->line, {}};
    return s.where(row, known ? field : "");
  }

  /// The outside-facts file names municipalities by id; when the sheets drop or rename one, say
  /// which file that is and where the document sheet names it.
  void add_outside_facts_file(const SiblingFile& file) {
    try {
      add_outside_facts(ds_, file.contents, file.found_at, dir_);
    } catch (const Error& e) {
      throw Error(e.code(), sheet("document.csv").where(document_row_, "outside_facts") +
                                say("{1}; the outside facts must name only municipalities that "
                                    "municipalities.csv defines, by the same id and name",
                                    {e.what()}));
    }
  }

  std::string dir_;
  std::string base_dir_;  ///< where files the document names are looked for first: the folder, or
                          ///< the workbook's
  /// The reference names are matched against: the one given, or none when it is the built-in
  /// data and the sheets are another publisher's table (their names are not its names).
  void choose_reference() {
    if (use_ == ReferenceUse::SamePublisherOnly &&
        reference_->document.publisher != ds_.document.publisher) {
      report_.reference_skipped =
          say("{1} is {2}'s table, these sheets are {3}'s",
              {reference_->origin, reference_->document.publisher, ds_.document.publisher});

      reference_ = &no_reference_;
    }
    report_.reference = reference_->nodes.empty() ? "" : reference_->origin;
    ref_names_.emplace(*reference_);
  }

  const Dataset* reference_;
  ReferenceUse use_;
  Dataset no_reference_;
  std::optional<NameTable> ref_names_;
  ImportReport& report_;
  const std::vector<std::string>& also_look_in_;
  std::map<std::string, Sheet> sheets_;
  Dataset ds_;
  std::optional<NameTable> names_;
  SheetRow document_row_;
  std::map<std::string, CellPlace> place_;                    ///< JSON pointer → sheet row
  std::vector<std::pair<const Sheet*, SheetRow>> node_rows_;  ///< node → its defining row
  std::unordered_map<std::string, std::size_t> name_owner_, id_owner_;  ///< match key / id → node
  std::map<std::string, SiblingFile> siblings_;
};

}  // namespace

Dataset import_sheets(const std::string& dir, const Dataset& reference, ImportReport* report,
                      const std::vector<std::string>& also_look_in, ReferenceUse use) {
  ImportReport local;
  return Importer(dir, reference, report ? *report : local, also_look_in, use).run();
}

Dataset load_dataset_or_sheets(const std::string& path, const Dataset& reference) {
  if (is_directory(path)) return import_sheets(path, reference, nullptr);
  return load_dataset_file(path);
}

}  // namespace renkei
