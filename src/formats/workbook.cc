#include "formats/workbook.h"

#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <map>

#include "base/error.h"
#include "base/files.h"
#include "base/output_file.h"
#include "base/say.h"
#include "base/text.h"

namespace renkei {

namespace {

template <typename E>
std::vector<std::string> labels(const std::vector<Term<E>>& table,
                                std::initializer_list<E> only = {}) {
  std::vector<std::string> out;
  for (const auto& t : table)
    if (*t.label_ja &&
        (only.size() == 0 || std::find(only.begin(), only.end(), t.value) != only.end()))
      out.push_back(t.label_ja);
  return out;
}

/// The file's dates: the first day of the fiscal year, so the same data gives the same bytes.
std::time_t fixed_time(const Dataset& ds) {
  std::tm tm{};
  const std::string& m = ds.fiscal_year.first_month;
  tm.tm_year = 100;
  tm.tm_mday = 1;
  if (m.size() == 7) {
    tm.tm_year = std::atoi(m.substr(0, 4).c_str()) - 1900;
    tm.tm_mon = std::atoi(m.substr(5, 2).c_str()) - 1;
  }
  return timegm(&tm);
}

/// A column's width in Excel's units: about one per half-width character of the header, the
/// longest sample cell and a margin, between 8 and 60.
double column_width(const std::vector<std::vector<std::string>>& rows, std::size_t c) {
  std::size_t widest = 8;
  for (std::size_t r = 0; r < rows.size() && r < 200; ++r)
    if (c < rows[r].size()) {
      std::string_view cell = rows[r][c];
      cell = cell.substr(0, cell.find('\n'));
      widest = std::max(widest, display_width(cell) + 2);
    }
  return static_cast<double>(std::min<std::size_t>(widest, 60));
}

/// Excel's limits on the texts of a validation: 32 characters of title, 255 of message.
std::string clip(const std::string& s, std::size_t chars) {
  std::size_t count = 0, i = 0;
  while (i < s.size() && count < chars) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    ++count;
  }
  return s.substr(0, std::min(i, s.size()));
}

class BookWriter {
 public:
  BookWriter(const Dataset& ds, const std::string& file) {
    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;
    book_ = workbook_new_opt(file.c_str(), &options);
    if (!book_) throw data_error(say("{1}: cannot create the workbook", {file}));
    lxw_doc_properties props{};
    props.created = fixed_time(ds);
    workbook_set_properties(book_, &props);
    header_ = workbook_add_format(book_);
    format_set_bold(header_);
    format_set_bg_color(header_, 0xDDEBF7);
    format_set_border(header_, LXW_BORDER_THIN);
    format_set_text_wrap(header_);
    format_set_align(header_, LXW_ALIGN_VERTICAL_TOP);
    text_ = workbook_add_format(book_);
    format_set_num_format(text_, "@");  // cells are text: 2024-11 stays 2024-11, 16 stays 16
    format_set_align(text_, LXW_ALIGN_VERTICAL_TOP);
    title_ = workbook_add_format(book_);
    format_set_bold(title_);
    format_set_font_size(title_, 14);
  }
  ~BookWriter() {
    if (book_) workbook_close(book_);
  }

  void explanation(const std::string& readme) {
    lxw_worksheet* ws = workbook_add_worksheet(book_, "説明");
    lxw_format* wrap = workbook_add_format(book_);  // long lines wrap, on screen and in print
    format_set_text_wrap(wrap);
    format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
    worksheet_set_column(ws, 0, 0, 110, wrap);
    lxw_row_t r = 0;
    std::size_t start = 0;
    while (start < readme.size()) {
      std::size_t end = readme.find('\n', start);
      if (end == std::string::npos) end = readme.size();
      std::string line = readme.substr(start, end - start);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      start = end + 1;
      if (line.find_first_not_of("=") == std::string::npos && !line.empty()) continue;
      worksheet_write_string(ws, r, 0, line.c_str(), r == 0 ? title_ : wrap);
      ++r;
    }
  }

  void sheet(const SheetLayout& layout, const std::vector<std::vector<std::string>>& rows) {
    lxw_worksheet* ws = workbook_add_worksheet(book_, workbook_sheet_name(layout));
    worksheet_freeze_panes(ws, 1, 0);
    worksheet_set_row(ws, 0, 45, nullptr);
    const lxw_row_t last = std::max<lxw_row_t>(1000, static_cast<lxw_row_t>(rows.size()) + 500);
    for (std::size_t c = 0; c < layout.columns.size(); ++c) {
      const SheetColumn& col = layout.columns[c];
      auto cc = static_cast<lxw_col_t>(c);
      worksheet_set_column(ws, cc, cc, column_width(rows, c), text_);
      // Every column says what to write when a cell of it is selected; closed words are
      // chosen from a list, so that a typo cannot happen.
      std::vector<std::string> choices = column_choices(layout, col);
      std::vector<char*> list;
      for (std::string& w : choices) list.push_back(w.data());
      list.push_back(nullptr);
      std::string title = clip(std::string(col.required ? "必須: " : "") + col.header, 32);
      std::string message = clip(col.help, 250);
      lxw_data_validation hint{};  // on the header: what the column wants
      hint.validate = LXW_VALIDATION_TYPE_ANY;
      hint.show_input = LXW_VALIDATION_ON;
      hint.input_title = title.data();
      hint.input_message = message.data();
      worksheet_data_validation_cell(ws, 0, cc, &hint);
      lxw_data_validation v = hint;  // on the cells: the same, and the list where there is one
      v.validate = choices.empty() ? LXW_VALIDATION_TYPE_ANY : LXW_VALIDATION_TYPE_LIST;
      if (!choices.empty()) v.value_list = list.data();
      v.ignore_blank = LXW_VALIDATION_ON;
      v.show_error = choices.empty() ? LXW_VALIDATION_OFF : LXW_VALIDATION_ON;
      worksheet_data_validation_range(ws, 1, cc, last, cc, &v);
    }
    for (std::size_t r = 0; r < rows.size(); ++r)
      for (std::size_t c = 0; c < rows[r].size(); ++c) {
        if (rows[r][c].empty()) continue;
        worksheet_write_string(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c),
                               rows[r][c].c_str(), r == 0 ? header_ : text_);
      }
  }

  void close(const std::string& file) {
    lxw_error e = workbook_close(book_);
    book_ = nullptr;
    if (e != LXW_NO_ERROR)
      throw data_error(say("{1}: cannot write the workbook ({2})", {file, lxw_strerror(e)}));
  }

 private:
  lxw_workbook* book_ = nullptr;
  lxw_format *header_ = nullptr, *text_ = nullptr, *title_ = nullptr;
};

/// The first sheet's text: how to fill the workbook in, then every sheet's columns.
std::string workbook_readme() {
  std::string s =
      "renkei の入力用ブック (Excel)\n"
      "医療的ケア児支援の取組状況の表を、Excel で入力して renkei のデータにするためのブックです。\n"
      "シートごとに1つの表です。1行目は見出しで、セルを選ぶと何を書くかが出ます。"
      "決まった語 (状態・関係・種別など) はセルの一覧から選びます。\n"
      "ID は書かなくてかまいません。名称は今のデータの名称・別表記と照合されます。\n"
      "出典の原文は、資料の文字を一字一句そのまま写します "
      "(取り込みのときに資料のテキストと照合します)。\n"
      "元になる資料がなく、このブックに打ち込んだものが原本のときは、資料シートの出典の形式を"
      "「入力」にします。出典の行・欄・原文は空欄でよく、各事実の出典は打ち込んだシートとセル "
      "(例: 入力: 配置!C7) として残ります。資料からの引用としては扱いません。\n"
      "取り込み: renkei import このブック.xlsx -o data/新しいデータ.json  (詳しくは "
      "docs/import.md)\n"
      "誤りはシートとセルの番地で示されます (例: 配置!C7)。直して保存し、もう一度取り込みます。\n";
  for (const auto& l : sheet_layouts()) {
    s += "\n" + std::string(workbook_sheet_name(l)) + " — " + l.title_ja + ": " + l.summary + "\n";
    for (const auto& c : l.columns)
      s += std::string("  ") + c.header + (c.required ? " [必須]" : "") + ": " + c.help + "\n";
  }
  return s;
}

}  // namespace

const char* workbook_sheet_name(const SheetLayout& layout) {
  static const std::map<std::string, const char*> names = {{"document.csv", "資料"},
                                                           {"columns.csv", "表の列"},
                                                           {"municipalities.csv", "市区町村"},
                                                           {"centers.csv", "支援センター"},
                                                           {"councils.csv", "協議の場"},
                                                           {"offices.csv", "配置先"},
                                                           {"initiatives.csv", "取組の種類"},
                                                           {"aliases.csv", "別表記"},
                                                           {"activities.csv", "活動状況"},
                                                           {"challenges.csv", "課題"},
                                                           {"no_children.csv", "対象児なし"},
                                                           {"meetings.csv", "開催状況"},
                                                           {"links.csv", "つながり"},
                                                           {"placements.csv", "配置"},
                                                           {"initiative_runs.csv", "取組の実施"}};
  auto it = names.find(layout.file);
  return it == names.end() ? layout.file : it->second;
}

std::vector<std::string> column_choices(const SheetLayout& layout, const SheetColumn& column) {
  std::string key = std::string(layout.file) + ":" + column.field;
  if (key == "document.csv:source_form") return labels(source_forms());
  if (key == "columns.csv:role") return labels(column_roles());
  if (key == "municipalities.csv:type") return {"市", "区", "町", "村"};
  if (key == "councils.csv:level") return labels(council_levels());
  if (key == "councils.csv:status") return labels(council_statuses());
  if (key == "activities.csv:status") return labels(activity_statuses());
  if (key == "meetings.csv:status") return labels(meeting_statuses());
  if (key == "meetings.csv:about_children") return {"はい", "いいえ"};
  if (key == "links.csv:relation")
    return labels(relations(),
                  {Relation::Holds, Relation::Participates, Relation::PartOf, Relation::Liaises});
  if (key == "links.csv:status") return {"予定"};
  if (key == "initiative_runs.csv:status")
    return labels(edge_statuses(), {EdgeStatus::Done, EdgeStatus::Ongoing, EdgeStatus::Planned,
                                    EdgeStatus::Considering});
  return {};
}

bool is_workbook_path(std::string_view path) {
  if (path.size() < 5) return false;
  std::string ext(path.substr(path.size() - 5));
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return ext == ".xlsx";
}

void write_workbook(const Dataset& ds, const std::string& path, bool force) {
  struct stat st;
  if (!force && stat(path.c_str(), &st) == 0)
    throw data_error(
        say("{1}: already exists; renkei does not overwrite a workbook that may "
            "hold someone's typing: give another name, or --force to replace it",
            {path}));
  // libxlsxwriter writes to a file name: a private temporary first, then renkei's own atomic
  // write, which also refuses to replace an input of the command.
  char tmp[] = "/tmp/renkei-book-XXXXXX";
  int fd = mkstemp(tmp);
  if (fd < 0) throw data_error(say("{1}: cannot create a temporary file for the workbook", {path}));
  ::close(fd);
  std::string bytes;
  try {
    BookWriter w(ds, tmp);
    w.explanation(workbook_readme());
    auto rows = sheet_rows(ds);
    for (const SheetLayout& l : sheet_layouts()) w.sheet(l, rows.at(l.file));
    w.close(path);
    bytes = read_file_if_present(tmp).value_or("");
  } catch (...) {
    ::unlink(tmp);
    throw;
  }
  ::unlink(tmp);
  if (bytes.empty()) throw data_error(say("{1}: the workbook could not be written", {path}));

  write_file_atomically(path, bytes);
}

}  // namespace renkei
