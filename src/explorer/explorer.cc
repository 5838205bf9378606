#include "explorer/explorer.h"

#include "diagram/builder.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <deque>
#include <map>
#include <set>
#include <stdexcept>

#include "base/error.h"
#include "base/say.h"
#include "diagram/diagrams.h"
#include "query/queries.h"

namespace renkei {

using nlohmann::json;

namespace {

const std::vector<Relation> kDrawnRelations = {Relation::Holds, Relation::Participates,
                                               Relation::PartOf, Relation::Coordinator,
                                               Relation::Liaises};

std::string html_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

/// The text of an SVG <title>, with the entities Graphviz writes decoded.
std::string svg_text(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] != '&') {
      out += s[i++];
      continue;
    }
    auto semi = s.find(';', i);
    if (semi == std::string_view::npos) {
      out += s.substr(i);
      break;
    }
    std::string_view ent = s.substr(i + 1, semi - i - 1);
    if (ent == "amp")
      out += '&';
    else if (ent == "lt")
      out += '<';
    else if (ent == "gt")
      out += '>';
    else if (ent == "quot")
      out += '"';
    else if (ent == "apos")
      out += '\'';
    else if (!ent.empty() && ent[0] == '#')
      out += static_cast<char>(std::stoi(std::string(ent.substr(1))));  // ids are ASCII
    else
      out += "&" + std::string(ent) + ";";
    i = semi + 1;
  }
  return out;
}

/// Two node ids as a key that does not depend on the edge's direction.
std::pair<std::string, std::string> unordered_pair(const std::string& a, const std::string& b) {
  return a < b ? std::make_pair(a, b) : std::make_pair(b, a);
}

json term_words_json(const char* word, const char* label_ja, const char* description) {
  return {{"word", word}, {"label_ja", label_ja}, {"description", description}};
}

}  // namespace

Diagram explorer_diagram(const Network& net, Lang lang) {
  const Dataset& ds = net.data();
  Diagram d;
  d.lang = lang;
  d.page = Page::Fit;
  d.group_by_region = true;
  std::vector<std::size_t> drawn;
  for (std::size_t i = 0; i < ds.nodes.size(); ++i) {
    Kind k = ds.nodes[i].kind;
    if (k == Kind::Municipality || k == Kind::Council || k == Kind::Office || k == Kind::Center)
      drawn.push_back(i);
  }
  sort_nodes(ds, drawn);
  std::set<std::size_t> in(drawn.begin(), drawn.end());
  for (std::size_t i : drawn) d.nodes.push_back({i, Mark::Normal, ""});
  mark_shared_offices(ds, d);
  for (std::size_t k = 0; k < ds.edges.size(); ++k) {
    const Edge& e = ds.edges[k];
    if (in.count(e.from) && in.count(e.to) &&
        std::find(kDrawnRelations.begin(), kDrawnRelations.end(), e.relation) !=
            kDrawnRelations.end())
      d.edges.push_back({k, Mark::Normal});
  }
  // Planning regions in bands of about seven municipalities (as the overview slide has
  // them), each band a column group of its own: a drawing about as wide as a screen, not
  // one tall column of nineteen municipalities and their offices.
  stack_regions_in_bands(ds, drawn, 3, d);
  d.title = network_title(ds, lang);
  return d;
}

json explorer_data(const Network& net) {
  const Dataset& ds = net.data();
  json j;
  j["title"] = ds.title;
  j["citation"] = document_citation(ds);
  j["unit_word"] = unit_word(ds);
  j["document"] = {{"publisher", ds.document.publisher},
                   {"label", ds.document.label},
                   {"title", ds.document.title},
                   {"note", ds.document.note}};
  j["fiscal_year"] = {{"label", ds.fiscal_year.label},
                      {"first_month", ds.fiscal_year.first_month},
                      {"last_month", ds.fiscal_year.last_month},
                      {"words_en", fiscal_year_words(ds, Lang::En)}};
  json nodes = json::array();
  for (std::size_t i = 0; i < ds.nodes.size(); ++i) nodes.push_back(node_json(ds, i));
  j["nodes"] = nodes;
  json edges = json::array();
  for (std::size_t k = 0; k < ds.edges.size(); ++k) {
    json e = edge_json(ds, k);
    e["from"] = ds.nodes[ds.edges[k].from].id;  // the page looks nodes up by id
    e["to"] = ds.nodes[ds.edges[k].to].id;
    edges.push_back(e);
  }
  j["edges"] = edges;

  json kinds = json::array(), relations = json::array(), rules = json::array();
  for (const auto& t : renkei::kinds())
    kinds.push_back(term_words_json(t.word, t.label_ja, t.description));
  for (const auto& t : renkei::relations())
    relations.push_back(term_words_json(t.word, t.label_ja, t.description));
  for (const auto& r : gap_rules()) {
    std::string label = r.label_ja;
    label.erase(std::remove(label.begin(), label.end(), '\n'), label.end());
    json rule = {{"name", r.name}, {"label_ja", label}, {"summary", r.summary}};
    if (auto why_not = gap_rule_not_applicable(ds, r.rule)) rule["not_applicable"] = *why_not;
    rules.push_back(rule);
  }
  json statuses;
  auto add_statuses = [&](const char* key, const auto& table) {
    json t = json::object();
    for (const auto& x : table) t[x.word] = x.label_ja;
    statuses[key] = t;
  };
  add_statuses("meeting", meeting_statuses());
  add_statuses("council", council_statuses());
  add_statuses("level", council_levels());
  add_statuses("activity", activity_statuses());
  add_statuses("edge", edge_statuses());
  j["statuses"] = statuses;
  j["kinds"] = kinds;
  j["relations"] = relations;
  j["gap_rules"] = rules;

  json gaps = json::array();
  for (const Finding& f : find_gaps(net)) {
    json ev = json::array();
    for (const Source& s : f.evidence) ev.push_back(source_json(s));
    json context = json::array();
    for (const Source& s : f.context) context.push_back(source_json(s));
    gaps.push_back({{"rule", gap_rules()[static_cast<std::size_t>(f.rule)].name},
                    {"municipality", ds.nodes[f.municipality].id},
                    {"detail", f.detail},
                    {"evidence", ev},
                    {"context", context}});
  }
  j["gaps"] = gaps;

  json shared = json::array();
  for (const SharedOffice& o : shared_offices(net).offices) {
    json ms = json::array();
    for (std::size_t m : o.municipalities) ms.push_back(ds.nodes[m].id);
    shared.push_back({{"office", ds.nodes[o.office].id}, {"municipalities", ms}});
  }
  j["shared"] = shared;

  std::vector<std::size_t> region_nodes;
  for (std::size_t i = 0; i < ds.nodes.size(); ++i)
    if (ds.nodes[i].kind == Kind::Region) region_nodes.push_back(i);
  sort_nodes(ds, region_nodes);
  json regions = json::array();
  for (std::size_t r : region_nodes) {
    std::vector<std::size_t> members;
    for (const Edge& e : ds.edges)
      if (e.relation == Relation::InRegion && e.to == r) members.push_back(e.from);
    sort_nodes(ds, members);
    json ms = json::array();
    for (std::size_t m : members) ms.push_back(ds.nodes[m].id);
    regions.push_back(
        {{"id", ds.nodes[r].id}, {"municipalities", ms}, {"source", ds.nodes[r].outside_source}});
  }
  j["regions"] = regions;
  j["support_relations"] = {"holds", "participates", "part_of", "coordinator", "liaises"};
  return j;
}

std::string script_safe_json(const json& j) {
  std::string text = j.dump(-1, ' ', false, json::error_handler_t::strict);
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '<')
      out += "\\u003c";
    else if (c == '>')
      out += "\\u003e";
    else if (c == '&')
      out += "\\u0026";
    else if (c == '\xE2' && i + 2 < text.size() && text[i + 1] == '\x80' &&
             (text[i + 2] == '\xA8' || text[i + 2] == '\xA9')) {
      out += text[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

std::string inline_svg(const Dataset& ds, const Diagram& d, std::string_view svg) {
  auto start = svg.find("<svg");
  if (start == std::string_view::npos)
    throw std::logic_error("explorer: Graphviz gave no <svg> element");
  // Graphviz writes edges grouped by node, not in the order they were given: match each by
  // its two ends, and edges between the same two nodes in the diagram's order.
  std::map<std::pair<std::string, std::string>, std::deque<std::size_t>> pending;
  for (const DiagramEdge& de : d.edges) {
    const Edge& e = ds.edges[de.edge];
    pending[unordered_pair(ds.nodes[e.from].id, ds.nodes[e.to].id)].push_back(de.edge);
  }
  std::string body(svg.substr(start));
  std::string out;
  out.reserve(body.size() + d.edges.size() * 16);
  std::size_t drawn = 0;
  for (std::size_t i = 0; i < body.size();) {
    if (body.compare(i, 4, "<!--") == 0) {  // Graphviz's comments repeat ids and name its version
      auto end = body.find("-->", i);
      i = end == std::string::npos ? body.size() : end + 3;
      if (i < body.size() && body[i] == '\n') ++i;
      continue;
    }
    static const std::string kEdge = "class=\"edge\">";
    if (body.compare(i, kEdge.size(), kEdge) == 0) {
      auto t0 = body.find("<title>", i), t1 = body.find("</title>", i);
      std::string title = svg_text(body.substr(t0 + 7, t1 - t0 - 7));
      auto arrow = title.find("->");
      auto it = arrow == std::string::npos
                    ? pending.end()
                    : pending.find(unordered_pair(title.substr(0, arrow), title.substr(arrow + 2)));
      if (it == pending.end() || it->second.empty())
        throw std::logic_error("explorer: SVG edge \"" + title +
                               "\" is not an edge of the diagram");
      out += "class=\"edge\" data-edge=\"" + std::to_string(it->second.front()) + "\">";
      it->second.pop_front();
      ++drawn;
      i += kEdge.size();
      continue;
    }
    out += body[i++];
  }
  if (drawn != d.edges.size())
    throw std::logic_error("explorer: the SVG has fewer edges than the diagram");
  return out;
}

std::string explorer_svg(const Network& net, Lang lang) {
  Diagram d = explorer_diagram(net, lang);
  return inline_svg(net.data(), d, render_diagram(net.data(), d, Format::Svg));
}

ExplorerDrawings explorer_drawings(const Network& net) {
  ExplorerDrawings out;
  // render_dot lays out each drawing in a fresh process, so both come out the same every run.
  out.ja = explorer_svg(net, Lang::Ja);
  out.en = explorer_svg(net, Lang::En);
  return out;
}

std::string explorer_html(const Network& net, Lang lang, const ExplorerDrawings& drawings) {
  const Dataset& ds = net.data();
  std::string svgs;
  for (Lang l : {Lang::Ja, Lang::En}) {
    const char* code = l == Lang::En ? "en" : "ja";
    svgs += std::string("<div class=\"drawing\" data-lang=\"") + code + "\"" +
            (l == lang ? "" : " hidden") + ">\n" + (l == Lang::En ? drawings.en : drawings.ja) +
            "</div>\n";
  }
  const std::string script = "\n" + std::string(explorer_script());
  const char* code = lang == Lang::En ? "en" : "ja";
  std::string title = say(lang, "renkei explorer: {1}", {network_title(ds, lang)});
  std::string page;
  page += "<!DOCTYPE html>\n<html lang=\"";
  page += code;
  page += "\">\n<head>\n<meta charset=\"utf-8\">\n";
  // Nothing may be fetched: the page carries its own script (allowed by hash), styles and
  // pictures; saved images are made from blob: URLs.
  page +=
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src "
      "'sha256-" +
      sha256_base64(script) +
      "'; style-src 'unsafe-inline'; img-src data: blob:; font-src 'none'; connect-src 'none'; "
      "base-uri 'none'; "
      "form-action 'none'\">\n";
  page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  page += "<meta name=\"generator\" content=\"renkei explorer\">\n";
  page += "<title>" + html_escape(title) + "</title>\n<style>\n";
  page += explorer_style();
  page += "</style>\n</head>\n<body>\n";
  page +=
      "<noscript><p class=\"noscript\">このページは JavaScript を使います。 / This page needs "
      "JavaScript.</p></noscript>\n";
  page +=
      "<div id=\"app\">\n<header id=\"bar\"></header>\n<main id=\"main\">\n<section id=\"view\">\n";
  page += svgs;
  page +=
      "</section>\n<aside id=\"panel\"></aside>\n</main>\n<footer id=\"foot\"></footer>\n</div>\n";
  page += "<script type=\"application/json\" id=\"renkei-data\">" +
          script_safe_json(explorer_data(net)) + "</script>\n";
  page += "<script>" + script + "</script>\n</body>\n</html>\n";
  return page;
}

// ---------------------------------------------------------------- SHA-256 (FIPS 180-4)

std::string sha256_base64(std::string_view bytes) {
  static const std::array<std::uint32_t, 64> k = {
      0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
      0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
      0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
      0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
      0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
      0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
      0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
      0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
      0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
      0xc67178f2};
  std::array<std::uint32_t, 8> h = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                    0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  std::string msg(bytes);
  std::uint64_t bit_len = static_cast<std::uint64_t>(msg.size()) * 8;
  msg += '\x80';
  while (msg.size() % 64 != 56) msg += '\0';
  for (int i = 7; i >= 0; --i) msg += static_cast<char>((bit_len >> (i * 8)) & 0xff);
  auto rotr = [](std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); };
  for (std::size_t chunk = 0; chunk < msg.size(); chunk += 64) {
    std::array<std::uint32_t, 64> w{};
    for (int i = 0; i < 16; ++i)
      for (int b = 0; b < 4; ++b)
        w[i] = (w[i] << 8) | static_cast<unsigned char>(msg[chunk + i * 4 + b]);
    for (int i = 16; i < 64; ++i) {
      std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
      std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    std::array<std::uint32_t, 8> v = h;
    for (int i = 0; i < 64; ++i) {
      std::uint32_t s1 = rotr(v[4], 6) ^ rotr(v[4], 11) ^ rotr(v[4], 25);
      std::uint32_t ch = (v[4] & v[5]) ^ (~v[4] & v[6]);
      std::uint32_t t1 = v[7] + s1 + ch + k[i] + w[i];
      std::uint32_t s0 = rotr(v[0], 2) ^ rotr(v[0], 13) ^ rotr(v[0], 22);
      std::uint32_t maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
      std::uint32_t t2 = s0 + maj;
      v = {t1 + t2, v[0], v[1], v[2], v[3] + t1, v[4], v[5], v[6]};
    }
    for (int i = 0; i < 8; ++i) h[i] += v[i];
  }
  std::string digest;
  for (std::uint32_t x : h)
    for (int b = 3; b >= 0; --b) digest += static_cast<char>((x >> (b * 8)) & 0xff);
  static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (std::size_t i = 0; i < digest.size(); i += 3) {
    std::uint32_t n = static_cast<unsigned char>(digest[i]) << 16;
    if (i + 1 < digest.size()) n |= static_cast<unsigned char>(digest[i + 1]) << 8;
    if (i + 2 < digest.size()) n |= static_cast<unsigned char>(digest[i + 2]);
    out += alphabet[(n >> 18) & 63];
    out += alphabet[(n >> 12) & 63];
    out += i + 1 < digest.size() ? alphabet[(n >> 6) & 63] : '=';
    out += i + 2 < digest.size() ? alphabet[n & 63] : '=';
  }
  return out;
}

}  // namespace renkei
