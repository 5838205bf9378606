#include "formats/outside_facts.h"

#include <map>
#include <set>
#include <unordered_map>
#include <vector>

#include "base/error.h"
#include "base/files.h"
#include "base/quoted.h"
#include "base/say.h"
#include "base/text.h"
#include "json/reader.h"
#include "model/check.h"

namespace renkei {

void add_outside_facts(Dataset& ds, std::string_view text, const std::string& shown_as,
                       const std::string& dataset_shown_as) {
  const std::string& ofile = shown_as;
  if (text.size() > kMaxDataFileBytes) refuse_size(ofile, text.size());
  if (!valid_utf8(text))
    throw data_error(say("{1}: the file is not valid UTF-8; save it as UTF-8", {ofile}));
  std::unordered_map<std::string, std::size_t> index;  // node id → node, kept as regions are added
  for (std::size_t i = 0; i < ds.nodes.size(); ++i) index.emplace(ds.nodes[i].id, i);
  auto index_of = [&](const std::string& id) -> std::optional<std::size_t> {
    auto it = index.find(id);
    if (it == index.end()) return std::nullopt;
    return it->second;
  };
  JsonDocument doc(text, ofile);
  ObjectReader top(doc.root(), ofile, "");
  top.require_format("renkei-outside/1");
  top.optional_string("note");
  ds.outside_notes.regions_basis = top.optional_string("regions_basis").value_or("");
  ds.outside_notes.positions_basis = top.optional_string("positions_basis").value_or("");
  const JsonValue& regions = top.array("regions", false);
  const JsonValue& munis = top.array("municipalities", false);
  top.finish();

  auto municipality = [&](ObjectReader& r, std::string_view key) {
    std::string id = r.required_string(key);
    auto i = index_of(id);
    if (!i || ds.nodes[*i].kind != Kind::Municipality) {
      std::vector<std::string> ids;
      for (const auto& n : ds.nodes)
        if (n.kind == Kind::Municipality) ids.push_back(n.id);
      r.fail(key, say("unknown municipality {1}{2}", {in_quotes(id), did_you_mean(id, ids)}));
    }
    return *i;
  };

  std::map<std::size_t, std::string> region_of;
  std::size_t i = 0;
  for (const JsonValue& region : members(regions)) {
    std::string rp = pointer_append("/regions", i++);
    ObjectReader r(region, ofile, rp);
    Node n;
    n.kind = Kind::Region;
    n.id = r.required_string("id");
    if (!is_valid_id(n.id))
      r.fail("id", say("{1} is not a valid id; use lowercase ASCII letters, digits and hyphens",
                       {in_quotes(n.id)}));
    if (index_of(n.id))
      r.fail("id", say("duplicate id {1}; it is already a node of {2}",
                       {in_quotes(n.id), dataset_shown_as}));
    n.name = r.required_string("name", Text::Name);
    n.name_en = r.optional_string("name_en", Text::Name).value_or("");
    for (const std::string& a : r.string_array("aliases", Text::Name))
      n.aliases.push_back({a, std::nullopt});
    n.outside_source = r.required_string("source");
    std::vector<std::string> members = r.string_array("municipalities");
    r.finish();
    index.emplace(n.id, ds.nodes.size());
    ds.nodes.push_back(n);
    std::size_t region_index = ds.nodes.size() - 1;
    for (std::size_t m = 0; m < members.size(); ++m) {
      std::string mp = pointer_append(rp + "/municipalities", m);
      auto mi = index_of(members[m]);
      if (!mi || ds.nodes[*mi].kind != Kind::Municipality)
        throw data_error(ofile + ": " + mp + ": " +
                         say("unknown municipality {1}{2}", {in_quotes(members[m]), ""}));
      if (region_of.count(*mi))
        throw data_error(ofile + ": " + mp + ": " +
                         say("{1} is already in {2}; a municipality is in one planning region",
                             {in_quotes(members[m]), region_of[*mi]}));
      region_of[*mi] = n.id;
      Edge e;
      e.from = *mi;
      e.to = region_index;
      e.relation = Relation::InRegion;
      e.outside_source = n.outside_source;
      ds.edges.push_back(e);
    }
  }
  std::set<std::size_t> with_facts;
  i = 0;
  for (const JsonValue& muni : members(munis)) {
    ObjectReader r(muni, ofile, pointer_append("/municipalities", i++));
    std::size_t mi = municipality(r, "municipality");
    Node& n = ds.nodes[mi];
    std::string name = r.required_string("name");
    if (name != n.name)
      r.fail("name", say("{1} does not match the dataset's name {2} for {3}",
                         {in_quotes(name), in_quotes(n.name), in_quotes(n.id)}));
    if (!with_facts.insert(mi).second)
      r.fail("municipality", say("{1} is listed twice", {in_quotes(n.id)}));
    MunicipalityFacts f;
    f.code = r.required_string("code");
    f.lgcode = r.optional_string("lgcode").value_or("");
    if (const JsonValue* o = r.object("office", false)) {
      ObjectReader orr(*o, ofile, r.at("office"));
      f.lat = orr.required_number("lat", -90, 90);
      f.lng = orr.required_number("lng", -180, 180);
      orr.finish();
    }
    f.source = r.required_string("source");
    r.finish();
    n.facts = f;
  }
}

}  // namespace renkei
