// The explorer page fed arbitrary names: the data must stay inside its JSON <script>
// element (no name closes it or opens another), and read back as the same names.
#include <nlohmann/json.hpp>

#include "explorer/explorer.h"
#include "fuzz_support.h"

namespace {

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace renkei;
  std::vector<std::string> names = fuzz::names_from(data, size);
  Dataset ds = fuzz::renamed(names);
  Network net(ds);
  ExplorerDrawings drawings{"<svg id=\"ja\"></svg>", "<svg id=\"en\"></svg>"};  // no Graphviz here
  std::string page = lower(explorer_html(net, Lang::Ja, drawings));
  if (count(page, "<script") != 2 || count(page, "</script") != 2)
    fuzz::bug("a name opened or closed a <script>");
  if (count(page, "<!--") != 0) fuzz::bug("a name opened an HTML comment");
  const std::string open = "<script type=\"application/json\" id=\"renkei-data\">";
  std::string real = explorer_html(net, Lang::Ja, drawings);
  auto at = lower(real).find(open);
  if (at == std::string::npos) fuzz::bug("no data element");
  at += open.size();
  auto end = lower(real).find("</script>", at);
  nlohmann::json j = nlohmann::json::parse(real.substr(at, end - at), nullptr, false);
  if (j.is_discarded()) fuzz::bug("the embedded data is not JSON");
  std::string all = j.dump();
  for (std::size_t i = 0; i < names.size() && i < ds.nodes.size(); ++i)
    if (!names[i].empty() && all.find(nlohmann::json(names[i]).dump()) == std::string::npos)
      fuzz::bug("a name did not come back out of the embedded data");
  return 0;
}
