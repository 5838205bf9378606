#include "formats/node_json.h"

#include "model/facts.h"

namespace renkei {

using nlohmann::json;

json source_json(const Source& s) {
  json j = {{"row", s.row}, {"section", s.section}, {"text", s.text}};
  if (s.entered()) j["input"] = s.input;
  return j;
}

void write_source(JsonWriter& w, const Source& s) {
  w.begin_object().member("row", s.row).member("section", s.section).member("text", s.text);
  if (s.entered()) w.member("input", s.input);
  w.end_object();
}

void write_node_ref(JsonWriter& w, const Dataset& ds, std::size_t i) {
  const Node& n = ds.nodes[i];
  w.begin_object().member("id", n.id).member("kind", word(n.kind)).member("name", n.name);
  if (!n.name_en.empty()) w.member("name_en", n.name_en);
  w.end_object();
}

void write_node_refs(JsonWriter& w, const Dataset& ds, const std::vector<std::size_t>& nodes) {
  w.begin_array();
  for (std::size_t i : nodes) write_node_ref(w, ds, i);
  w.end_array();
}

void NodeRefWriter::write(JsonWriter& w, std::size_t node) {
  std::size_t depth = w.depth();
  if (depth >= kDepths) return write_node_ref(w, ds_, node);
  if (made_.empty()) made_.resize(ds_.nodes.size() * kDepths);
  auto& [begin, end] = made_[node * kDepths + depth];
  if (end == 0) {
    begin = texts_.size();
    JsonWriter one(texts_, depth);
    write_node_ref(one, ds_, node);
    one.finish();
    end = texts_.size();
  }
  w.raw_value(std::string_view(texts_).substr(begin, end - begin));
}

void NodeRefWriter::write_all(JsonWriter& w, const std::vector<std::size_t>& nodes) {
  w.begin_array();
  for (std::size_t i : nodes) write(w, i);
  w.end_array();
}

json node_ref_json(const Dataset& ds, std::size_t i) {
  const Node& n = ds.nodes[i];
  json j = {{"id", n.id}, {"kind", word(n.kind)}, {"name", n.name}};
  if (!n.name_en.empty()) j["name_en"] = n.name_en;
  return j;
}

json node_json(const Dataset& ds, std::size_t i) {
  const Node& n = ds.nodes[i];
  json j = node_ref_json(ds, i);
  if (!n.aliases.empty()) {
    json a = json::array();
    for (const Alias& al : n.aliases) {
      json x = {{"name", al.name}};
      if (al.source) x["source"] = source_json(*al.source);
      a.push_back(x);
    }
    j["aliases"] = a;
  }
  if (!n.note.empty()) j["note"] = n.note;
  if (n.source) j["source"] = source_json(*n.source);
  switch (n.kind) {
    case Kind::Municipality: {
      j["type"] = n.type;
      j["row"] = n.row;
      if (n.activity)
        j["coordinator_activity"] = {{"status", word(n.activity->status)},
                                     {"source", source_json(n.activity->source)}};
      json ch = json::array();
      for (const Source& s : n.challenges) ch.push_back(source_json(s));
      j["challenges"] = ch;
      json none = json::array();
      for (const Source& s : n.no_children) none.push_back(source_json(s));
      j["no_children"] = none;
      json outside = json::object();
      if (auto r = region_of(ds, i)) outside["region"] = node_ref_json(ds, *r);
      if (n.facts) {
        outside["code"] = n.facts->code;
        if (!n.facts->lgcode.empty()) outside["lgcode"] = n.facts->lgcode;
        outside["office"] = {{"lat", n.facts->lat}, {"lng", n.facts->lng}};
        outside["source"] = n.facts->source;
      }
      if (!outside.empty()) j["outside"] = outside;
      break;
    }
    case Kind::Council: {
      j["level"] = word(n.level);
      j["status"] = word(n.council_status);
      if (n.status_source) j["status_source"] = source_json(*n.status_source);
      json ms = json::array();
      for (const Meeting& m : n.meetings) {
        json x = {{"months", m.months}, {"status", word(m.status)}};
        if (!m.about_children) x["about_children"] = false;
        if (!m.topics.empty()) x["topics"] = m.topics;
        if (!m.summary.empty()) x["summary"] = m.summary;
        if (!m.note.empty()) x["note"] = m.note;
        x["source"] = source_json(m.source);
        ms.push_back(x);
      }
      j["meetings"] = ms;
      break;
    }
    case Kind::Initiative: j["description"] = n.description; break;
    case Kind::Office:
    case Kind::Center:
      if (n.out_of_area) j["out_of_area"] = source_json(*n.out_of_area);
      break;
    case Kind::Region: j["outside"] = {{"source", n.outside_source}}; break;
  }
  return j;
}

json edge_json(const Dataset& ds, std::size_t k) {
  const Edge& e = ds.edges[k];
  json j = {{"relation", word(e.relation)},
            {"from", node_ref_json(ds, e.from)},
            {"to", node_ref_json(ds, e.to)}};
  if (e.order) j["order"] = e.order;
  if (!e.since.empty()) j["since"] = e.since;
  if (e.status != EdgeStatus::Current) j["status"] = word(e.status);
  if (!e.date.empty()) j["date"] = e.date;
  if (!e.note.empty()) j["note"] = e.note;
  if (e.source) j["source"] = source_json(*e.source);
  if (!e.outside_source.empty()) j["outside"] = {{"source", e.outside_source}};
  return j;
}

}  // namespace renkei
