#include "formats/xlsx_reader.h"

#include <expat.h>
#include <zip.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "base/error.h"
#include "base/files.h"
#include "base/quoted.h"
#include "base/say.h"

namespace renkei {

std::string excel_column(std::size_t index) {
  std::string s;
  for (std::size_t n = index + 1; n > 0; n = (n - 1) / 26)
    s.insert(s.begin(), static_cast<char>('A' + (n - 1) % 26));
  return s;
}

namespace {

using Attributes = std::map<std::string, std::string>;

/// One XML part parsed as a stream of elements: `start(name, attributes)`, `end(name)` and
/// the text between. Names lose their namespace prefix ("x:row" is "row"). A document type
/// declaration (never in a workbook; the door to entity tricks) stops the parse.
class XmlPart {
 public:
  std::function<void(const std::string&, const Attributes&)> start;
  std::function<void(const std::string&)> end;
  std::function<void(const char*, int)> text;

  /// Parses `xml`; false with `error` set when it is not well-formed.
  bool parse(const std::string& xml, std::string& error) {
    std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)> p(XML_ParserCreate("UTF-8"),
                                                                   &XML_ParserFree);
    if (!p) return error = say("out of memory"), false;
    XML_SetUserData(p.get(), this);
    XML_SetElementHandler(p.get(), &XmlPart::on_start, &XmlPart::on_end);
    XML_SetCharacterDataHandler(p.get(), &XmlPart::on_text);
    XML_SetStartDoctypeDeclHandler(p.get(), &XmlPart::on_doctype);
    parser_ = p.get();
    XML_Status status = XML_Parse(p.get(), xml.data(), static_cast<int>(xml.size()), XML_TRUE);
    // A handler's exception (a limit, a bad cell) waited here: it must not unwind through
    // expat's C frames, which would leave the parser's memory behind.
    if (failure_) std::rethrow_exception(failure_);
    if (status == XML_STATUS_ERROR) {
      error = doctype_
                  ? say("it declares a document type, which no workbook does")
                  : say("{1} at line {2}", {XML_ErrorString(XML_GetErrorCode(p.get())),
                                            std::to_string(XML_GetCurrentLineNumber(p.get()))});
      return false;
    }
    return true;
  }
  /// Stops the parse from a handler (a limit reached); parse() then returns false.
  void stop() { XML_StopParser(parser_, XML_FALSE); }

 private:
  static std::string local(const char* name) {
    const char* colon = std::strrchr(name, ':');
    return colon ? colon + 1 : name;
  }
  /// Runs a handler, keeping its exception for parse() and stopping the parser.
  template <typename F>
  static void guarded(void* self, F&& f) {
    auto* x = static_cast<XmlPart*>(self);
    if (x->failure_) return;
    try {
      f(*x);
    } catch (...) {
      x->failure_ = std::current_exception();
      XML_StopParser(x->parser_, XML_FALSE);
    }
  }
  static void on_start(void* self, const char* name, const char** attrs) {
    guarded(self, [&](XmlPart& x) {
      if (!x.start) return;
      Attributes a;
      for (int i = 0; attrs[i]; i += 2) a[local(attrs[i])] = attrs[i + 1];
      x.start(local(name), a);
    });
  }
  static void on_end(void* self, const char* name) {
    guarded(self, [&](XmlPart& x) {
      if (x.end) x.end(local(name));
    });
  }
  static void on_text(void* self, const char* s, int len) {
    guarded(self, [&](XmlPart& x) {
      if (x.text) x.text(s, len);
    });
  }
  static void on_doctype(void* self, const char*, const char*, const char*, int) {
    auto* x = static_cast<XmlPart*>(self);
    x->doctype_ = true;
    XML_StopParser(x->parser_, XML_FALSE);
  }
  XML_Parser parser_ = nullptr;
  bool doctype_ = false;
  std::exception_ptr failure_;
};

/// The zip archive and its parts, each read whole within kMaxWorkbookPartBytes.
class Archive {
 public:
  Archive(const std::string& bytes, const std::string& path) : path_(path) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    if (src) zip_ = zip_open_from_source(src, ZIP_RDONLY, &err);
    if (!zip_) {
      if (src) zip_source_free(src);
      std::string why = zip_error_strerror(&err);
      zip_error_fini(&err);
      throw data_error(
          say("{1}: is not a readable .xlsx workbook (a damaged zip: {2}); open it "
              "in Excel and save it again as .xlsx",
              {path_, why}));
    }
    zip_error_fini(&err);
  }
  ~Archive() {
    if (zip_) zip_discard(zip_);
  }
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;

  bool has(const std::string& name) const { return zip_name_locate(zip_, name.c_str(), 0) >= 0; }

  std::string read(const std::string& name) const {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(zip_, name.c_str(), 0, &st) != 0)
      throw data_error(
          say("{1}: is not a workbook renkei can read (it has no {2})", {path_, name}));
    if ((st.valid & ZIP_STAT_SIZE) && st.size > kMaxWorkbookPartBytes) too_large(name);
    std::unique_ptr<zip_file_t, decltype(&zip_fclose)> f(zip_fopen(zip_, name.c_str(), 0),
                                                         &zip_fclose);
    if (!f)
      throw data_error(say("{1}: cannot unpack {2} ({3})", {path_, name, zip_strerror(zip_)}));
    std::string out;
    char buf[65536];
    for (;;) {
      zip_int64_t n = zip_fread(f.get(), buf, sizeof buf);
      if (n < 0)
        throw data_error(say("{1}: {2} is damaged ({3})",
                             {path_, name, zip_error_strerror(zip_file_get_error(f.get()))}));
      if (n == 0) break;
      out.append(buf, static_cast<std::size_t>(n));
      if (out.size() > kMaxWorkbookPartBytes) too_large(name);  // the size it claimed was a lie
    }
    return out;
  }

 private:
  [[noreturn]] void too_large(const std::string& name) const {
    throw data_error(
        say("{1}: {2} unpacks to more than {3} MB, more than any table of this "
            "kind; is it the right file?",
            {path_, name, std::to_string(kMaxWorkbookPartBytes >> 20)}));
  }
  std::string path_;
  zip_t* zip_ = nullptr;
};

/// Number formats that show a date: Excel's built-in ones (14–22, 27–36 and 50–58 for Japanese
/// era and year-month forms, 45–47) and any custom format with y, m or d outside quotes.
bool is_date_format(int id, const std::map<int, std::string>& custom) {
  if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
      (id >= 50 && id <= 58))
    return true;
  auto it = custom.find(id);
  if (it == custom.end()) return false;
  bool quoted = false, bracket = false;
  for (char c : it->second) {
    if (c == '"') quoted = !quoted;
    if (!quoted && c == '[') bracket = true;
    if (!quoted && c == ']') bracket = false;
    if (!quoted && !bracket && (c == 'y' || c == 'd' || c == 'e' || c == 'g')) return true;
  }
  return false;
}

/// Excel's serial day (1900 date system: day 1 is 1900-01-01, with its phantom 1900-02-29)
/// as YYYY-MM-DD.
std::string serial_date(double serial) {
  long days = static_cast<long>(std::floor(serial));
  if (days > 59) --days;  // the phantom leap day
  // Days since 1899-12-31 to a civil date (Howard Hinnant's algorithm, from 1970-01-01).
  long z = days - 25568 + 719468;  // 1899-12-31 is 25568 days before 1970-01-01
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  long d = doy - (153 * mp + 2) / 5 + 1;
  long m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) ++y;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(y % 10000), static_cast<int>(m),
                static_cast<int>(d));
  return buf;
}

/// A number as a person typed it: 16, not 16.0; 1.5 as 1.5.
std::string number_text(const std::string& v) {
  char* end = nullptr;
  double d = std::strtod(v.c_str(), &end);
  if (end == v.c_str() || !std::isfinite(d)) return v;
  if (d == std::floor(d) && std::fabs(d) < 1e15) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", d);
    return buf;
  }
  return v;
}

/// "C7" → column 2 (0-based); nullopt when it is not a cell reference.
std::optional<std::size_t> column_of_ref(const std::string& ref) {
  std::size_t col = 0, i = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 3)
    col = col * 26 + static_cast<std::size_t>(ref[i++] - 'A' + 1);
  if (i == 0 || col == 0 || col > 16384) return std::nullopt;
  return col - 1;
}

class WorkbookReader {
 public:
  WorkbookReader(const std::string& bytes, const std::string& path)
      : path_(path), zip_(bytes, path) {}

  std::vector<WorkbookSheet> read() {
    if (!zip_.has("xl/workbook.xml"))
      throw data_error(
          say("{1}: is a zip file but not an Excel workbook (no xl/workbook.xml)", {path_}));
    std::map<std::string, std::string> targets = relationships();
    std::vector<std::pair<std::string, std::string>> sheets;  // name, part
    parse("xl/workbook.xml", [&](const std::string& el, const Attributes& a) {
      if (el != "sheet") return;
      auto name = a.find("name"), id = a.find("id");
      if (name == a.end() || id == a.end() || !targets.count(id->second)) return;
      sheets.push_back({name->second, targets.at(id->second)});
    });
    if (zip_.has("xl/sharedStrings.xml")) shared_strings();
    if (zip_.has("xl/styles.xml")) styles();
    std::vector<WorkbookSheet> out;
    for (const auto& [name, part] : sheets)
      if (zip_.has(part)) out.push_back(sheet(name, part));
    return out;
  }

 private:
  void parse(const std::string& part,
             const std::function<void(const std::string&, const Attributes&)>& start,
             const std::function<void(const std::string&)>& end = {},
             const std::function<void(const char*, int)>& text = {}) {
    XmlPart x;
    x.start = start;
    x.end = end;
    x.text = text;
    std::string error;
    if (!x.parse(zip_.read(part), error))
      throw data_error(
          say("{1}: {2} is damaged ({3}); open the workbook in Excel and save it again",
              {path_, part, error}));
  }

  /// Relationship id → part name, from xl/_rels/workbook.xml.rels.
  std::map<std::string, std::string> relationships() {
    std::map<std::string, std::string> out;
    if (!zip_.has("xl/_rels/workbook.xml.rels")) return out;
    parse("xl/_rels/workbook.xml.rels", [&](const std::string& el, const Attributes& a) {
      if (el != "Relationship" || !a.count("Id") || !a.count("Target")) return;
      std::string t = a.at("Target");
      out[a.at("Id")] = t.rfind("/", 0) == 0 ? t.substr(1) : "xl/" + t;
    });
    return out;
  }

  /// The shared strings: each <si>'s text runs, without the phonetic guides (<rPh>, ふりがな)
  /// that Japanese Excel stores beside the text.
  void shared_strings() {
    std::string current;
    int in_t = 0, in_ruby = 0;
    parse(
        "xl/sharedStrings.xml",
        [&](const std::string& el, const Attributes&) {
          if (el == "si") current.clear();
          if (el == "rPh") ++in_ruby;
          if (el == "t") ++in_t;
        },
        [&](const std::string& el) {
          if (el == "si") {
            if (strings_.size() >= kMaxWorkbookCells) too_many_cells();
            strings_.push_back(current);
          }
          if (el == "rPh") --in_ruby;
          if (el == "t") --in_t;
        },
        [&](const char* s, int n) {
          if (in_t > 0 && in_ruby == 0) current.append(s, static_cast<std::size_t>(n));
        });
  }

  /// Which cell styles show a date.
  void styles() {
    std::map<int, std::string> custom;
    bool in_xfs = false;
    parse(
        "xl/styles.xml",
        [&](const std::string& el, const Attributes& a) {
          if (el == "numFmt" && a.count("numFmtId") && a.count("formatCode"))
            custom[std::atoi(a.at("numFmtId").c_str())] = a.at("formatCode");
          if (el == "cellXfs") in_xfs = true;
          if (el == "xf" && in_xfs) {
            int id = a.count("numFmtId") ? std::atoi(a.at("numFmtId").c_str()) : 0;
            date_style_.push_back(is_date_format(id, custom));
          }
        },
        [&](const std::string& el) {
          if (el == "cellXfs") in_xfs = false;
        });
  }

  WorkbookSheet sheet(const std::string& name, const std::string& part) {
    WorkbookSheet ws;
    ws.name = name;
    struct Cell {
      std::string ref, type, value, inline_text;
      int style = 0;
      bool formula = false;
    } cell;
    std::vector<std::string> row;
    int row_number = 0, in_v = 0, in_is_t = 0, in_ruby = 0;
    bool in_is = false;
    std::size_t next_col = 0;
    auto finish_cell = [&] {
      std::string v;
      const std::string where = path_ + ": " + name + "!" + cell.ref + ": ";
      if (cell.type == "s") {
        std::size_t i = static_cast<std::size_t>(std::strtoul(cell.value.c_str(), nullptr, 10));
        if (i >= strings_.size())
          throw data_error(where + say("names shared string {1}, which the workbook does not have",
                                       {cell.value}));
        v = strings_[i];
      } else if (cell.type == "inlineStr") {
        v = cell.inline_text;
      } else if (cell.type == "str") {
        v = cell.value;
      } else if (cell.type == "b") {
        v = cell.value == "1" ? "TRUE" : "FALSE";
      } else if (cell.type == "e") {
        throw data_error(where + say("the cell shows the error {1}; correct the formula or type "
                                     "the value",
                                     {cell.value}));
      } else if (!cell.value.empty()) {
        bool date = cell.style >= 0 && static_cast<std::size_t>(cell.style) < date_style_.size() &&
                    date_style_[static_cast<std::size_t>(cell.style)];
        v = date ? serial_date(std::strtod(cell.value.c_str(), nullptr)) : number_text(cell.value);
      }
      if (cell.formula && cell.value.empty() && cell.type != "inlineStr")
        throw data_error(where + say("holds a formula with no saved value; type the value "
                                     "itself, or open the workbook in Excel and save it so the "
                                     "value is kept"));
      if (v.empty()) return;
      std::size_t col = next_col;
      if (auto c = column_of_ref(cell.ref)) col = *c;
      next_col = col + 1;
      if (++cells_ > kMaxWorkbookCells) too_many_cells();
      if (row.size() <= col) row.resize(col + 1);
      row[col] = std::move(v);
    };
    parse(
        part,
        [&](const std::string& el, const Attributes& a) {
          if (el == "row") {
            row.clear();
            next_col = 0;
            row_number = a.count("r") ? std::atoi(a.at("r").c_str()) : row_number + 1;
          } else if (el == "c") {
            cell = Cell{};
            if (a.count("r"))
              cell.ref = a.at("r");
            else
              cell.ref = excel_column(next_col) + std::to_string(row_number);
            if (a.count("t")) cell.type = a.at("t");
            if (a.count("s")) cell.style = std::atoi(a.at("s").c_str());
          } else if (el == "v") {
            ++in_v;
          } else if (el == "f") {
            cell.formula = true;
          } else if (el == "is") {
            in_is = true;
          } else if (el == "rPh") {
            ++in_ruby;
          } else if (el == "t" && in_is) {
            ++in_is_t;
          } else if (el == "mergeCell" && a.count("ref")) {
            ws.merged.push_back(a.at("ref"));
          }
        },
        [&](const std::string& el) {
          if (el == "v") --in_v;
          if (el == "is") in_is = false;
          if (el == "rPh") --in_ruby;
          if (el == "t" && in_is) --in_is_t;
          if (el == "c") finish_cell();
          if (el == "row" && !row.empty()) {
            ws.table.rows.push_back(std::move(row));
            ws.table.lines.push_back(row_number);
            row = {};
          }
        },
        [&](const char* s, int n) {
          if (in_v > 0) cell.value.append(s, static_cast<std::size_t>(n));
          if (in_is_t > 0 && in_ruby == 0) cell.inline_text.append(s, static_cast<std::size_t>(n));
        });
    return ws;
  }

  [[noreturn]] void too_many_cells() const {
    throw data_error(
        say("{1}: has more than {2} filled cells, more than any table of this kind; "
            "is it the right file?",
            {path_, std::to_string(kMaxWorkbookCells)}));
  }

  std::string path_;
  Archive zip_;
  std::vector<std::string> strings_;
  std::vector<bool> date_style_;
  std::size_t cells_ = 0;
};

}  // namespace

std::vector<WorkbookSheet> read_workbook_bytes(const std::string& bytes, const std::string& path) {
  if (bytes.rfind("\xD0\xCF\x11\xE0", 0) == 0)
    throw data_error(
        say("{1}: is an old Excel .xls workbook, or a password-protected one; "
            "renkei reads .xlsx: in Excel choose 名前を付けて保存 → "
            "\"Excel ブック (*.xlsx)\" (without a password)",
            {path}));
  if (bytes.rfind("PK", 0) != 0)
    throw data_error(
        say("{1}: is not an .xlsx workbook (an .xlsx file is a zip archive); is it "
            "the right file?",
            {path}));

  return WorkbookReader(bytes, path).read();
}

std::vector<WorkbookSheet> read_workbook(const std::string& path) {
  FileBytes file = map_input_file(path, say("a workbook (.xlsx)").c_str());
  return read_workbook_bytes(std::string(file.view()), path);
}

}  // namespace renkei
