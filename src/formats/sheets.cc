// The sheet layout and the sheet writer (`renkei template`, `export --format sheets`).
// Reading sheets back is in sheets_import.cc.
#include "formats/sheets.h"

#include <sys/stat.h>

#include <filesystem>
#include <map>

#include "base/error.h"
#include "base/output_file.h"
#include "base/say.h"
#include "formats/csv.h"
#include "formats/dataset_json.h"
#include "formats/load.h"
#include "model/facts.h"

namespace renkei {

namespace {

// Every sheet but the document quotes the table: these three columns end each of them.
const SheetColumn kSourceRow{
    "source_row", "出典の行 (source_row)", false,
    "出典の表の行番号。文章の資料や表の上の説明文、資料のない入力なら空欄"};
const SheetColumn kSourceSection{
    "source_section", "出典の欄 (source_section)", false,
    "出典の列の見出し (columns.csv の見出し。山口県の資料2-②なら 市町, "
    "1(1), 1(4), 2, 3, 4, 6)。文章の資料や入力なら空欄"};
const SheetColumn kSourceText{"source_text", "出典の原文 (source_text)", true,
                              "その欄の原文を一字一句そのまま (誤字・抽出の崩れも含めて) 写す。"
                              "出典の形式が入力なら空欄でよい (この行のセルが出典になる)"};

std::vector<SheetColumn> with_source(std::vector<SheetColumn> columns) {
  columns.push_back(kSourceRow);
  columns.push_back(kSourceSection);
  columns.push_back(kSourceText);
  return columns;
}

/// Offices and centers may be stated to help beyond their area (区域外支援): its quote.
std::vector<SheetColumn> with_out_of_area(std::vector<SheetColumn> columns) {
  columns.push_back({"out_of_area_row", "区域外支援の出典の行 (out_of_area_row)", false,
                     "担当区域の外も必要に応じて支援すると書いた行。空欄可"});
  columns.push_back({"out_of_area_section", "区域外支援の出典の欄 (out_of_area_section)", false,
                     "その列の見出し"});
  columns.push_back({"out_of_area_text", "区域外支援の出典の原文 (out_of_area_text)", false,
                     "「必要に応じて担当区域外での支援が可能」などの原文。書いてあるときだけ"});
  return columns;
}

const SheetColumn kId{"id", "ID (id)", false,
                      "空欄でよい。既存の名称・別表記と一致すればそのID、なければ自動で付く"};
const SheetColumn kNameEn{"name_en", "ローマ字表記 (name_en)", false,
                          "英語表示 (--lang en) 用。空欄可"};
const SheetColumn kNote{"note", "備考 (note)", false, "判断の理由など。空欄可"};

}  // namespace

const std::vector<SheetLayout>& sheet_layouts() {
  static const std::vector<SheetLayout> layouts = {
      {"document.csv",
       "資料",
       "表そのもの。1行だけ書く",
       {
           {"title", "データ名 (title)", true, "データの題名。ふつうは資料名と同じ"},
           {"publisher", "発行者 (publisher)", true, "例: 山口県"},
           {"label", "資料番号 (label)", true, "例: 資料2-②"},
           {"document_title", "資料名 (document_title)", true, "資料の題名"},
           {"source_file", "出典テキスト (source_file)", false,
            "資料を文字にしたテキストファイル "
            "(シートと同じフォルダからの相対パス)。原文の照合に使う。空欄なら照合しない"},
           {"document_note", "資料の備考 (document_note)", false, "資料についての注記"},
           {"source_form", "出典の形式 (source_form)", false,
            "表 (見出し行と1行1件の表。タブ区切りかCSV), 行番号つきの表 (PDFから写した表), 文章, "
            "または 入力 "
            "(元の資料がなく、このブックに打ち込んだものが原本。各事実の出典はそのシートとセル)。"
            "空欄なら columns.csv があれば表、なければ文章"},
           {"fiscal_year", "年度 (fiscal_year)", true, "例: 令和7年度"},
           {"first_month", "年度の最初の月 (first_month)", true, "YYYY-MM。例: 2025-04"},
           {"last_month", "年度の最後の月 (last_month)", true, "YYYY-MM。例: 2026-03"},
           {"outside_facts", "外部の事実 (outside_facts)", false,
            "圏域・市町コード・座標のファイル。例: yamaguchi-regions.json。空欄なら使わない"},
       }},
      {"columns.csv",
       "出典の表の列",
       "1行 = 出典の表の列1つ (見出しの字のまま)。引用はこの見出しで列を指す",
       {
           {"label", "見出し (label)", true, "表の見出し行の字のまま。例: 担当区域"},
           {"role", "中身 (role)", true,
            "市区町村, 協議の場, 開催状況, 取組, 配置先, 活動状況, 課題, その他 のいずれか"},
           {"heading", "見出しの全文 (heading)", false, "見出しが長いとき、その全文。空欄可"},
           {"block", "ブロック (block)", false,
            "行番号つきの表で、同じ行がページを分けて2回目に出る列なら 2。ふつうは空欄"},
       },
       true},
      {"municipalities.csv", "市町", "表の1行 = 1市町",
       with_source({
           kId,
           {"name", "市町名 (name)", true, "例: 上関町"},
           kNameEn,
           {"type", "種別 (type)", false, "市, 区, 町 または 村。空欄なら名称の最後の字から"},
           {"row", "表の行 (row)", false,
            "表の行番号。表にその市区町村自身の行がない (担当区域に名前が出るだけ) なら空欄"},
           kNote,
       })},
      {"centers.csv", "医療的ケア児支援センター", "1行 = 1支援センター",
       with_out_of_area(with_source(
           {kId, {"name", "名称 (name)", true, "センターの正式な名称"}, kNameEn, kNote}))},
      {"councils.csv", "協議の場", "1行 = 1つの協議会・部会・プロジェクト",
       with_source({
           kId,
           {"name", "名称 (name)", true, "協議の場の名称 (1(1)欄)"},
           kNameEn,
           {"level", "単位 (level)", true, "市町 (その市町のもの) または 圏域 (圏域で共同)"},
           {"status", "状態 (status)", true, "活動中, 休会, 終了, 設立予定"},
           {"status_source_row", "状態の出典の行 (status_source_row)", false,
            "状態 (休会など) の根拠の行。空欄可"},
           {"status_source_section", "状態の出典の欄 (status_source_section)", false,
            "状態の根拠の欄"},
           {"status_source_text", "状態の出典の原文 (status_source_text)", false,
            "状態の根拠の原文"},
           kNote,
       })},
      {"offices.csv", "コーディネーターの配置先", "1行 = 1事業所 (何市町から名前が挙がっても1行)",
       with_out_of_area(
           with_source({kId,
                        {"name", "名称 (name)", true,
                         "事業所の正しい名称 (誤字は直し、原文の綴りは aliases.csv へ)"},
                        kNameEn,
                        kNote}))},
      {"initiatives.csv", "取組の種類", "1行 = 1種類の取組 (レスパイト、避難訓練 など)",
       with_source({
           kId,
           {"name", "名称 (name)", true, "取組の種類の名前"},
           kNameEn,
           {"description", "説明 (description)", true, "どんな取組をこの種類にまとめるか"},
           kNote,
       })},
      {"aliases.csv", "別表記",
       "1行 = ある名称の、原文での別の書き方1つ (たんぼぼ → たんぽぽ など)",
       with_source({
           {"node", "対象 (node)", true, "どの市町・協議の場・配置先などの別表記か (名称で)"},
           {"alias", "別表記 (alias)", true, "原文の書き方。出典の原文の中にそのまま含まれること"},
       })},
      {"activities.csv", "コーディネーターの活動状況 (4欄)",
       "1行 = 1市町 (表に書かれていない市町は行なし = 記載なし)",
       with_source({
           {"municipality", "市町 (municipality)", true, "市町名"},
           {"status", "活動 (status)", true,
            "活動あり, または 活動なし (特になし・対応ケースなし など)"},
       })},
      {"challenges.csv", "課題", "1行 = 1つの課題・不足 (原文が課題そのもの)",
       with_source({{"municipality", "市町 (municipality)", true, "市町名"}})},
      {"no_children.csv", "対象児なし",
       "1行 = 「対象者なし」「該当者がいない」など、いま支援の対象となる子がいないと書いた原文1つ",
       with_source({{"municipality", "市町 (municipality)", true, "市町名"}}), true},
      {"meetings.csv", "開催状況 (1(4)欄)", "1行 = 協議の場の、ある年度の開催の記録1つ",
       with_source({
           {"council", "協議の場 (council)", true, "協議の場の名称"},
           {"status", "開催状況 (status)", true, "開催, 予定, 開催なし, 休会"},
           {"months", "開催月 (months)", false,
            "YYYY-MM を空白か「、」で区切って。例: 2024-06 2025-02。不明なら空欄"},
           {"about_children", "医ケア児の協議 (about_children)", false,
            "医療的ケア児が議題でなかったときだけ「いいえ」"},
           {"topics", "協議題 (topics)", false, "原文から。複数ならセル内で改行 (Alt+Enter)"},
           {"summary", "協議状況 (summary)", false, "原文から"},
           kNote,
       })},
      {"links.csv", "つながり", "1行 = 設置・参加・部会・連携の関係1つ",
       with_source({
           {"from", "元 (from)", true, "市町 (設置・参加・連携) または 協議の場 (部会・連携)"},
           {"relation", "関係 (relation)", true, "設置, 参加, 部会・プロジェクト, 連携"},
           {"to", "先 (to)", true, "協議の場 または 支援センター (連携)"},
           {"status", "状態 (status)", false, "参加が予定のときだけ「予定」"},
           kNote,
       })},
      {"placements.csv", "コーディネーターの配置 (3欄)",
       "1行 = ある市町のコーディネーターの配置先1つ (①②③…)",
       with_source({
           {"municipality", "市町 (municipality)", true, "市町名"},
           {"order", "番号 (order)", true, "①②③ または 1, 2, 3"},
           {"office", "配置先 (office)", true, "配置先の名称 (offices.csv の名称か別表記)"},
           {"since", "配置開始 (since)", false,
            "YYYY-MM, または配置年度 (令和2年度, 2020年度)。書いてあるときだけ"},
           kNote,
       })},
      {"initiative_runs.csv", "取組の実施・予定",
       "1行 = ある市町が、ある種類の取組を、した・している・予定・検討中",
       with_source({
           {"municipality", "市町 (municipality)", true, "市町名"},
           {"initiative", "取組 (initiative)", true, "取組の種類の名称 (initiatives.csv)"},
           {"status", "段階 (status)", true, "実施済, 実施中, 予定, 検討中"},
           {"date", "時期 (date)", false, "YYYY-MM。書いてあるときだけ"},
           kNote,
       })},
  };
  return layouts;
}

namespace {

/// A sheet being written: the layout's columns, filled by field word.
class SheetWriter {
 public:
  explicit SheetWriter(const SheetLayout& layout) : layout_(layout) {
    std::vector<std::string> header;
    for (const auto& c : layout.columns) header.push_back(c.header);
    rows_.push_back(std::move(header));
  }
  void add(const std::map<std::string, std::string>& cells) {
    std::vector<std::string> row;
    for (const auto& c : layout_.columns) {
      auto it = cells.find(c.field);
      row.push_back(it == cells.end() ? "" : it->second);
    }
    rows_.push_back(std::move(row));
  }
  std::vector<std::vector<std::string>>& rows() { return rows_; }

 private:
  const SheetLayout& layout_;
  std::vector<std::vector<std::string>> rows_;
};

using Cells = std::map<std::string, std::string>;

/// A quote's row, column and text. A fact entered in the sheets has only its cell, which the
/// next import takes again from the row's own cells: its text is written only where it is the
/// fact itself (`own_text`: a challenge's words, a status's reason).
void put_source(Cells& cells, const std::optional<Source>& s, const std::string& prefix = "source_",
                bool own_text = false) {
  if (!s) return;
  if (s->entered()) {
    if (own_text || prefix != "source_") cells[prefix + "text"] = s->text;
    return;
  }
  cells[prefix + "row"] = s->row ? std::to_string(s->row) : "";
  cells[prefix + "section"] = s->section;
  cells[prefix + "text"] = s->text;
}

std::string order_mark(int order) {
  // ①–⑳ as the source prints them; larger numbers as digits.
  if (order < 1 || order > 20) return std::to_string(order);
  char32_t cp = U'\u2460' + static_cast<char32_t>(order - 1);
  std::string s;
  s += static_cast<char>(0xE0 | (cp >> 12));
  s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  s += static_cast<char>(0x80 | (cp & 0x3F));
  return s;
}

template <typename E>
std::string label(const std::vector<Term<E>>& table, E v) {
  for (const auto& t : table)
    if (t.value == v) return t.label_ja;
  return "";
}

}  // namespace

std::map<std::string, std::vector<std::vector<std::string>>> sheet_rows(const Dataset& ds) {
  std::map<std::string, SheetWriter> w;
  for (const auto& l : sheet_layouts()) w.emplace(l.file, SheetWriter(l));
  auto name_of = [&](std::size_t i) { return ds.nodes[i].name; };

  w.at("document.csv")
      .add({{"title", ds.title},
            {"publisher", ds.document.publisher},
            {"label", ds.document.label},
            {"document_title", ds.document.title},
            {"source_file", ds.document.source_file},
            {"document_note", ds.document.note},
            {"fiscal_year", ds.fiscal_year.label},
            {"first_month", ds.fiscal_year.first_month},
            {"last_month", ds.fiscal_year.last_month},
            {"outside_facts", outside_facts_name(ds)},
            {"source_form", ds.document.columns.empty() && ds.document.form == SourceForm::Prose
                                ? ""
                                : label(source_forms(), ds.document.form)}});
  for (const SourceColumn& col : ds.document.columns)
    w.at("columns.csv")
        .add({{"label", col.label},
              {"role", label(column_roles(), col.role)},
              {"heading", col.heading},
              {"block", col.block == 1 ? "" : std::to_string(col.block)}});

  static const std::map<Kind, const char*> node_sheet = {{Kind::Municipality, "municipalities.csv"},
                                                         {Kind::Center, "centers.csv"},
                                                         {Kind::Council, "councils.csv"},
                                                         {Kind::Office, "offices.csv"},
                                                         {Kind::Initiative, "initiatives.csv"}};
  for (const Node& n : ds.nodes) {
    if (is_outside_fact(n)) continue;
    Cells c{{"id", n.id}, {"name", n.name}, {"name_en", n.name_en}, {"note", n.note}};
    put_source(c, n.source);
    if (n.kind == Kind::Municipality) {
      c["type"] = n.type;
      c["row"] = n.row ? std::to_string(n.row) : "";
    }
    if (n.kind == Kind::Council) {
      c["level"] = label(council_levels(), n.level);
      c["status"] = label(council_statuses(), n.council_status);
      put_source(c, n.status_source, "status_source_");
    }
    if (n.kind == Kind::Initiative) c["description"] = n.description;
    put_source(c, n.out_of_area, "out_of_area_");
    w.at(node_sheet.at(n.kind)).add(c);
  }
  // Sheets that name nodes follow the node order, so each node's rows stay together.
  for (const Node& n : ds.nodes) {
    if (is_outside_fact(n)) continue;
    for (const Alias& a : n.aliases) {
      if (!a.source) continue;
      Cells c{{"node", n.name}, {"alias", a.name}};
      put_source(c, a.source);
      w.at("aliases.csv").add(c);
    }
    if (n.activity) {
      Cells c{{"municipality", n.name}, {"status", label(activity_statuses(), n.activity->status)}};
      put_source(c, n.activity->source);
      w.at("activities.csv").add(c);
    }
    for (const Source& s : n.challenges) {
      Cells c{{"municipality", n.name}};
      put_source(c, s, "source_", true);
      w.at("challenges.csv").add(c);
    }
    for (const Source& s : n.no_children) {
      Cells c{{"municipality", n.name}};
      put_source(c, s, "source_", true);
      w.at("no_children.csv").add(c);
    }
    for (const Meeting& m : n.meetings) {
      std::string months, topics;
      for (const auto& mo : m.months) months += (months.empty() ? "" : " ") + mo;
      for (const auto& t : m.topics) topics += (topics.empty() ? "" : "\n") + t;
      Cells c{{"council", n.name}, {"status", label(meeting_statuses(), m.status)},
              {"months", months},  {"about_children", m.about_children ? "" : "いいえ"},
              {"topics", topics},  {"summary", m.summary},
              {"note", m.note}};
      put_source(c, m.source);
      w.at("meetings.csv").add(c);
    }
  }
  for (const Edge& e : ds.edges) {
    if (is_outside_fact(e)) continue;
    Cells c{{"note", e.note}};
    put_source(c, e.source);
    switch (e.relation) {
      case Relation::Coordinator:
        c["municipality"] = name_of(e.from);
        c["order"] = order_mark(e.order);
        c["office"] = name_of(e.to);
        c["since"] = e.since;
        w.at("placements.csv").add(c);
        break;
      case Relation::Runs:
        c["municipality"] = name_of(e.from);
        c["initiative"] = name_of(e.to);
        c["status"] = label(edge_statuses(), e.status);
        c["date"] = e.date;
        w.at("initiative_runs.csv").add(c);
        break;
      default:
        c["from"] = name_of(e.from);
        c["relation"] = label(relations(), e.relation);
        c["to"] = name_of(e.to);
        c["status"] = e.status == EdgeStatus::Current ? "" : label(edge_statuses(), e.status);
        w.at("links.csv").add(c);
        break;
    }
  }
  std::map<std::string, std::vector<std::vector<std::string>>> out;
  for (auto& [file, writer] : w) out[file] = std::move(writer.rows());
  return out;
}

namespace {

/// The text of every sheet for `ds`, by file name, as Excel saves "CSV UTF-8".
std::map<std::string, std::string> sheet_texts(const Dataset& ds) {
  std::map<std::string, std::string> out;
  for (const auto& [file, rows] : sheet_rows(ds)) {
    std::string text(csv::kBom);
    for (const auto& r : rows) text += csv::row(r);
    out[file] = std::move(text);
  }
  return out;
}

void make_directory(const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (!std::filesystem::is_directory(dir))
    throw data_error(ec ? say("{1}: cannot create the folder ({2})", {dir, ec.message()})
                        : say("{1}: cannot create the folder", {dir}));
}

/// The sheets, README and copied files as one set (write_file_set): all replaced, or none.
std::vector<std::string> write_files(
    const std::string& dir, const std::vector<std::pair<std::string, std::string>>& files) {
  make_directory(dir);
  std::vector<std::string> written;
  for (const auto& [name, text] : files) {
    if (auto slash = name.rfind('/'); slash != std::string::npos)
      make_directory(dir + "/" + name.substr(0, slash));
    written.push_back(name);
  }
  write_file_set(dir, files);
  return written;
}

std::vector<std::pair<std::string, std::string>> sheet_files(const Dataset& ds) {
  std::map<std::string, std::string> texts = sheet_texts(ds);
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& l : sheet_layouts()) files.push_back({l.file, texts.at(l.file)});
  files.push_back({"README.txt", sheets_readme()});
  return files;
}

}  // namespace

namespace {

/// The files of `files` already in `dir` (with `only_changed`, only those whose bytes differ).
std::vector<std::string> existing_files(
    const std::string& dir, const std::vector<std::pair<std::string, std::string>>& files,
    bool only_changed) {
  std::vector<std::string> existing;
  for (const auto& [name, text] : files) {
    std::string path = dir + "/" + name;
    struct stat st;
    if (stat(path.c_str(), &st) != 0) continue;
    if (only_changed && read_existing_output(path) == text) continue;
    existing.push_back(name);
  }
  return existing;
}

/// "a, b, c, …": the first three names, for a refusal.
std::string first_names(const std::vector<std::string>& names) {
  std::string list;
  for (std::size_t i = 0; i < names.size() && i < 3; ++i) list += (i ? ", " : "") + names[i];
  if (names.size() > 3) list += ", …";
  return list;
}

}  // namespace

std::vector<std::string> write_sheets(const Dataset& ds, const std::string& dir, bool force) {
  auto files = sheet_files(ds);
  for (const std::string& name : {ds.document.source_file, outside_facts_name(ds)}) {
    if (!is_inside_folder(name)) continue;
    if (auto text = dataset_sibling(ds, name)) files.push_back({name, *text});
  }
  if (!force) {
    std::vector<std::string> changed = existing_files(dir, files, true);
    if (!changed.empty())
      throw data_error(
          say("{1}: {2} of the files already there differ from this dataset's "
              "({3}); they may hold someone's typing, so renkei does not overwrite "
              "them: choose an empty folder, or give --force to replace them",
              {dir, std::to_string(changed.size()), first_names(changed)}));
  }
  return write_files(dir, files);
}

/// A small, consistent part of the built-in data: 宇部市 with its first council and meeting,
/// the office with another spelling among its placements, its first initiative, a challenge,
/// and one support center. Every sheet gets one row, and the rows name each other.
Dataset template_example() {
  Dataset full = load_builtin_dataset();
  std::size_t town = *full.find_id("ube");
  std::vector<std::size_t> keep = {town};
  const Edge *holds = nullptr, *placement = nullptr, *runs = nullptr;
  for (std::size_t k : full.edges_from(town)) {
    const Edge& e = full.edges[k];
    if (e.relation == Relation::Holds && !holds) holds = &e;
    if (e.relation == Relation::Runs && !runs) runs = &e;
    if (e.relation == Relation::Coordinator &&
        (!placement || (placement->to != e.to && !full.nodes[e.to].aliases.empty() &&
                        full.nodes[placement->to].aliases.empty())))
      placement = &e;
  }
  Dataset ex;
  ex.origin = "renkei template";
  ex.title = full.title;
  ex.document = full.document;
  ex.fiscal_year = full.fiscal_year;
  // The outside facts list all 19 municipalities, so the one-town example names none; a real
  // year's document row names them (see the column's help).
  ex.outside_facts.clear();
  ex.source_text = full.source_text;
  auto add = [&](std::size_t i) {
    Node n = full.nodes[i];
    // One alias row: the office's (the printed spelling beside the corrected name).
    if (n.kind != Kind::Office) n.aliases.clear();
    n.facts.reset();
    if (n.aliases.size() > 1) n.aliases.resize(1);
    if (n.challenges.size() > 1) n.challenges.resize(1);
    if (n.meetings.size() > 1) n.meetings.resize(1);
    ex.nodes.push_back(std::move(n));
    return ex.nodes.size() - 1;
  };
  std::size_t m = add(town);
  add(*full.find_id("yamaguchi-support-center"));
  auto edge = [&](const Edge& e, std::size_t from) {
    Edge copy = e;
    copy.from = from;
    copy.to = add(e.to);
    ex.edges.push_back(copy);
  };
  edge(*holds, m);
  edge(*placement, m);
  edge(*runs, m);
  // Node order as the importer writes it: municipality, center, council, office, initiative.
  return ex;
}

std::vector<std::string> write_template(const std::string& dir, bool force) {
  auto files = sheet_files(template_example());
  if (!force) {
    std::vector<std::string> existing = existing_files(dir, files, false);
    if (!existing.empty())
      throw data_error(
          say("{1}: {2} of the template's files already exist ({3}); renkei "
              "template does not overwrite sheets; choose an empty folder or give "
              "--force to replace them",
              {dir, std::to_string(existing.size()), first_names(existing)}));
  }
  return write_files(dir, files);
}

std::string sheets_readme() {
  std::string s =
      "renkei の取り込み用シート (CSV)\r\n"
      "================================\r\n\r\n"
      "医療的ケア児支援の取組状況の表を、Excel で入力して renkei "
      "のデータにするためのシートです。\r\n"
      "1つの CSV が1つのシートです。1行目は見出し (列の名前) で、順番は入れ替えてかまいません。\r\n"
      "ID は書かなくてかまいません。名称は今のデータの名称・別表記と照合され (全角/半角や\r\n"
      "長音の違い、「たんぼぼ」のような誤字の別表記も含む)、一致すれば同じ ID を使います。\r\n\r\n"
      "保存のしかた: Excel の「名前を付けて保存」で「CSV UTF-8 (コンマ区切り)」を選びます。\r\n"
      "古い Excel の「CSV (コンマ区切り)」(Shift_JIS) も読めますが、UTF-8 "
      "をおすすめします。\r\n\r\n"
      "取り込み: renkei import このフォルダ -o data/新しいデータ.json\r\n"
      "詳しくは docs/import.md を見てください。\r\n";
  for (const auto& l : sheet_layouts()) {
    s += "\r\n" + std::string(l.file) + " — " + l.title_ja + ": " + l.summary + "\r\n";
    for (const auto& c : l.columns)
      s += std::string("  ") + c.header + (c.required ? " [必須]" : "") + ": " + c.help + "\r\n";
  }
  return s;
}

}  // namespace renkei
