#include "formats/dataset_json.h"

#include <nlohmann/json.hpp>

#include "formats/embedded.h"
#include "formats/load.h"
#include "model/facts.h"

namespace renkei {

namespace {

// ordered_json keeps keys in the order they are set, which is the order of
// data/yamaguchi-r6.json; the order differs by kind (a council's note follows its meetings,
// an office's note comes before its aliases), so each kind sets its own.
using ojson = nlohmann::ordered_json;

ojson ordered_source_json(const Source& s) {
  ojson j;
  if (s.row) j["row"] = s.row;  // a prose source's quotes name no row or column
  if (!s.section.empty()) j["section"] = s.section;
  j["text"] = s.text;
  if (s.entered()) j["input"] = s.input;  // typed in this sheet and cell, not quoted
  return j;
}

void put_aliases(ojson& j, const Node& n) {
  if (n.aliases.empty()) return;
  ojson arr = ojson::array();
  for (const Alias& a : n.aliases) {
    if (!a.source) continue;  // outside-fact aliases belong to regions, which are not written
    ojson aj;
    aj["name"] = a.name;
    aj["source"] = ordered_source_json(*a.source);
    arr.push_back(std::move(aj));
  }
  if (!arr.empty()) j["aliases"] = std::move(arr);
}

void put_note(ojson& j, const std::string& note) {
  if (!note.empty()) j["note"] = note;
}

ojson meeting_json(const Meeting& m) {
  ojson j;
  j["months"] = m.months;
  j["status"] = word(m.status);
  if (!m.about_children) j["about_children"] = false;
  if (!m.topics.empty()) j["topics"] = m.topics;
  if (!m.summary.empty()) j["summary"] = m.summary;
  put_note(j, m.note);
  j["source"] = ordered_source_json(m.source);
  return j;
}

ojson node_json(const Node& n) {
  ojson j;
  j["id"] = n.id;
  j["kind"] = word(n.kind);
  j["name"] = n.name;
  if (!n.name_en.empty()) j["name_en"] = n.name_en;
  switch (n.kind) {
    case Kind::Municipality:
      j["type"] = n.type;
      if (n.row) j["row"] = n.row;
      put_note(j, n.note);
      put_aliases(j, n);
      if (n.source) j["source"] = ordered_source_json(*n.source);
      if (n.activity) {
        ojson a;
        a["status"] = word(n.activity->status);
        a["source"] = ordered_source_json(n.activity->source);
        j["coordinator_activity"] = std::move(a);
      }
      if (!n.challenges.empty()) {
        ojson arr = ojson::array();
        for (const Source& s : n.challenges) arr.push_back(ordered_source_json(s));
        j["challenges"] = std::move(arr);
      }
      if (!n.no_children.empty()) {
        ojson arr = ojson::array();
        for (const Source& s : n.no_children) arr.push_back(ordered_source_json(s));
        j["no_children"] = std::move(arr);
      }
      break;
    case Kind::Council: {
      j["level"] = word(n.level);
      j["status"] = word(n.council_status);
      put_aliases(j, n);
      ojson ms = ojson::array();
      for (const Meeting& m : n.meetings) ms.push_back(meeting_json(m));
      j["meetings"] = std::move(ms);
      if (n.status_source) j["status_source"] = ordered_source_json(*n.status_source);
      put_note(j, n.note);
      if (n.source) j["source"] = ordered_source_json(*n.source);
      break;
    }
    case Kind::Initiative:
      j["description"] = n.description;
      put_note(j, n.note);
      put_aliases(j, n);
      if (n.source) j["source"] = ordered_source_json(*n.source);
      break;
    case Kind::Office:
    case Kind::Center:
    case Kind::Region:
      put_note(j, n.note);
      put_aliases(j, n);
      if (n.source) j["source"] = ordered_source_json(*n.source);
      if (n.out_of_area) j["out_of_area"] = ordered_source_json(*n.out_of_area);
      break;
  }
  return j;
}

ojson edge_json(const Dataset& ds, const Edge& e) {
  ojson j;
  j["from"] = ds.nodes[e.from].id;
  j["to"] = ds.nodes[e.to].id;
  j["relation"] = word(e.relation);
  if (e.relation == Relation::Coordinator) {
    j["order"] = e.order;
    if (!e.since.empty()) j["since"] = e.since;
  }
  if ((e.relation == Relation::Runs || e.relation == Relation::Participates) &&
      e.status != EdgeStatus::Current)
    j["status"] = word(e.status);
  if (e.relation == Relation::Runs && !e.date.empty()) j["date"] = e.date;
  put_note(j, e.note);
  if (e.source) j["source"] = ordered_source_json(*e.source);
  return j;
}

}  // namespace

std::string dataset_to_json(const Dataset& ds) {
  ojson j;
  j["format"] = "renkei-dataset/1";
  j["title"] = ds.title;
  ojson doc;
  doc["publisher"] = ds.document.publisher;
  doc["label"] = ds.document.label;
  doc["title"] = ds.document.title;
  if (!ds.document.source_file.empty()) doc["source_file"] = ds.document.source_file;
  if (!ds.document.note.empty()) doc["note"] = ds.document.note;
  if (ds.document.form != SourceForm::Prose || !ds.document.columns.empty()) {
    doc["source_form"] = word(ds.document.form);
    ojson cols = ojson::array();
    for (const SourceColumn& c : ds.document.columns) {
      ojson cj;
      cj["label"] = c.label;
      cj["role"] = word(c.role);
      if (!c.heading.empty()) cj["heading"] = c.heading;
      if (c.block != 1) cj["block"] = c.block;
      cols.push_back(std::move(cj));
    }
    doc["columns"] = std::move(cols);
  }
  j["document"] = std::move(doc);
  ojson fy;
  fy["label"] = ds.fiscal_year.label;
  fy["first_month"] = ds.fiscal_year.first_month;
  fy["last_month"] = ds.fiscal_year.last_month;
  j["fiscal_year"] = std::move(fy);
  std::string outside = outside_facts_name(ds);
  if (!outside.empty()) j["outside_facts"] = outside;
  ojson nodes = ojson::array();
  for (const Node& n : ds.nodes)
    if (!is_outside_fact(n)) nodes.push_back(node_json(n));
  j["nodes"] = std::move(nodes);
  ojson edges = ojson::array();
  for (const Edge& e : ds.edges)
    if (!is_outside_fact(e)) edges.push_back(edge_json(ds, e));
  j["edges"] = std::move(edges);
  return j.dump(2) + "\n";
}

std::string outside_facts_name(const Dataset& ds) { return ds.outside_facts; }

std::optional<std::string> dataset_sibling(const Dataset& ds, const std::string& relative_path) {
  if (relative_path.empty()) return std::nullopt;
  if (ds.origin == kBuiltinName) {
    if (relative_path == "yamaguchi-regions.json") return std::string(embedded::outside_facts());
    if (relative_path == "source/yamaguchi-r6.txt") return std::string(embedded::source_text());
    return std::nullopt;
  }
  if (relative_path == ds.document.source_file && !ds.source_text.empty()) return ds.source_text;
  if (relative_path[0] == '/') return read_whole_file(relative_path);
  std::string dir;
  if (auto slash = ds.origin.rfind('/'); slash != std::string::npos)
    dir = ds.origin.substr(0, slash + 1);
  return read_whole_file(dir + relative_path);
}

}  // namespace renkei
