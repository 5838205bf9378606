// Import from sheets (docs/import.md): the dataset writer, the sheet layout, `renkei template`
// and `renkei import`, and the round trip built-in data → sheets → dataset.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "dataset_json.h"
#include "load.h"
#include "test_support.h"

using namespace renkei;
using renkei::test::read_file;
using renkei::test::repo_path;

TEST_CASE("the dataset writer reproduces data/yamaguchi-r6.json byte for byte") {
  Dataset ds = load_builtin_dataset();
  std::string written = dataset_to_json(ds);
  std::string original = read_file(repo_path("data/yamaguchi-r6.json"));
  CHECK(nlohmann::json::parse(written) == nlohmann::json::parse(original));
  CHECK(written == original);
}

TEST_CASE("the dataset writer leaves out regions and in_region, and names the outside-facts file") {
  Dataset ds = load_builtin_dataset();
  nlohmann::json j = nlohmann::json::parse(dataset_to_json(ds));
  CHECK(j["outside_facts"] == "yamaguchi-regions.json");
  for (const auto& n : j["nodes"]) CHECK(n["kind"] != "region");
  for (const auto& e : j["edges"]) CHECK(e["relation"] != "in_region");
  // The written file loads again into the same network, outside facts included.
  Dataset again = load_dataset(dataset_to_json(ds), "again.json", [](const std::string& rel) -> std::optional<std::string> {
    return read_whole_file(repo_path("data/" + rel));
  });
  CHECK(again.nodes.size() == ds.nodes.size());
  CHECK(again.edges.size() == ds.edges.size());
}
