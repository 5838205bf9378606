// Google Benchmark timings of renkei's library calls on one dataset file.
//
//   RENKEI_BENCH_DATA=/tmp/japan/dataset.json build-bench/bench/renkei_bench
//
// Without RENKEI_BENCH_DATA the built-in Yamaguchi data is used. With RENKEI_BENCH_DOT set,
// the region diagram's DOT is written there first, so `dot -Tsvg` can be timed on the very
// same text (bench/run does this).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <memory>

#include "diagram/diagrams.h"
#include "explorer/explorer.h"
#include "formats/load.h"
#include "formats/snapshot.h"
#include "model/resolve.h"
#include "query/queries.h"

namespace renkei {
namespace {

/// The dataset and what every benchmark needs from it, loaded once for the whole run.
struct Fixture {
  Dataset ds;
  std::unique_ptr<Network> net;
  std::unique_ptr<NameIndex> names;
  std::size_t first_municipality = 0, far_municipality = 0, busiest_office = 0, first_region = 0;
  std::string region_dot;
};

Dataset load_configured() {
  const char* path = std::getenv("RENKEI_BENCH_DATA");
  return path && *path ? load_dataset_file(path) : load_builtin_dataset();
}

Fixture& fixture() {
  static Fixture* f = [] {
    auto* x = new Fixture{load_configured(), nullptr, nullptr, 0, 0, 0, 0, {}};
    x->net = std::make_unique<Network>(x->ds);
    x->names = std::make_unique<NameIndex>(x->ds);
    const Dataset& ds = x->ds;
    std::size_t best_served = 0;
    bool have_m = false, have_r = false;
    for (std::size_t i = 0; i < ds.nodes.size(); ++i) {
      if (ds.nodes[i].kind == Kind::Municipality &&
          (!have_m || ds.nodes[i].row < ds.nodes[x->first_municipality].row)) {
        x->first_municipality = i;
        have_m = true;
      }
      if (ds.nodes[i].kind == Kind::Region && !have_r) {
        x->first_region = i;
        have_r = true;
      }
    }
    for (const SharedOffice& o : shared_offices(*x->net).offices)
      if (o.municipalities.size() > best_served) {
        best_served = o.municipalities.size();
        x->busiest_office = o.office;
      }
    // The path benchmark goes to the farthest municipality the first one reaches.
    ReachQuery q;
    q.from = x->first_municipality;
    q.kinds = {Kind::Municipality};
    auto reached = reach(*x->net, q);
    x->far_municipality = reached.empty() ? x->first_municipality : reached.back().node;
    Diagram d =
        make_diagram(*x->net, *x->names, "region:" + ds.nodes[x->first_region].id, Lang::Ja);
    x->region_dot = write_dot(ds, d);
    if (const char* out = std::getenv("RENKEI_BENCH_DOT"); out && *out)
      std::ofstream(out) << x->region_dot;
    return x;
  }();
  return *f;
}

void BM_LoadValidate(benchmark::State& st) {
  for (auto _ : st) benchmark::DoNotOptimize(load_configured());
}
/// Decoding the snapshot of the checked model (what every command after the first does).
void BM_LoadFromSnapshot(benchmark::State& st) {
  Fixture& f = fixture();
  std::string bytes = encode_snapshot(f.ds, LoadReport{}, "bench", "");
  for (auto _ : st) benchmark::DoNotOptimize(decode_snapshot(bytes, "bench", nullptr, nullptr));
}
/// What a command that names one node pays: a fresh index, one lookup (a scan of the nodes).
void BM_NameLookupFirst(benchmark::State& st) {
  Fixture& f = fixture();
  const std::string& id = f.ds.nodes[f.far_municipality].id;
  for (auto _ : st) {
    NameIndex names(f.ds);
    benchmark::DoNotOptimize(names.find(id));
  }
}
/// Building the whole index (what a miss, or the fourth lookup, costs).
void BM_NameIndexBuild(benchmark::State& st) {
  Fixture& f = fixture();
  for (auto _ : st) {
    NameIndex names(f.ds);
    benchmark::DoNotOptimize(names.find("no such name at all"));
  }
}
void BM_BuildNetwork(benchmark::State& st) {
  Fixture& f = fixture();
  for (auto _ : st) Network net(f.ds);
}
void BM_Shared(benchmark::State& st) {
  Fixture& f = fixture();
  for (auto _ : st) benchmark::DoNotOptimize(shared_offices(*f.net));
}
void BM_Gaps(benchmark::State& st) {
  Fixture& f = fixture();
  for (auto _ : st) benchmark::DoNotOptimize(find_gaps(*f.net));
}
void BM_Reach(benchmark::State& st) {
  Fixture& f = fixture();
  ReachQuery q;
  q.from = f.first_municipality;
  for (auto _ : st) benchmark::DoNotOptimize(reach(*f.net, q));
}
void BM_Path(benchmark::State& st) {
  Fixture& f = fixture();
  for (auto _ : st)
    benchmark::DoNotOptimize(
        shortest_path(*f.net, f.first_municipality, f.far_municipality, {}, false));
}
void BM_WhatIfOne(benchmark::State& st) {
  Fixture& f = fixture();
  for (auto _ : st) benchmark::DoNotOptimize(what_if_removed(f.ds, {f.busiest_office}));
}
void BM_WhatIfEachOffice(benchmark::State& st) {
  Fixture& f = fixture();
  for (auto _ : st) benchmark::DoNotOptimize(what_if_each(f.ds, Kind::Office));
}
void BM_Metrics(benchmark::State& st) {
  Fixture& f = fixture();
  for (auto _ : st) benchmark::DoNotOptimize(metrics(*f.net));
}
void BM_Initiatives(benchmark::State& st) {
  Fixture& f = fixture();
  for (auto _ : st) benchmark::DoNotOptimize(initiatives(*f.net));
}
void BM_RegionDot(benchmark::State& st) {
  Fixture& f = fixture();
  const std::string preset = "region:" + f.ds.nodes[f.first_region].id;
  for (auto _ : st)
    benchmark::DoNotOptimize(write_dot(f.ds, make_diagram(*f.net, *f.names, preset, Lang::Ja)));
}
/// The same work as `dot -Tsvg` on the same DOT, in-process.
void BM_RegionRenderSvg(benchmark::State& st) {
  Fixture& f = fixture();
  for (auto _ : st)
    benchmark::DoNotOptimize(render_dot(f.region_dot, Engine::Dot, Format::Svg, std::nullopt));
}
/// What `renkei render --preset region:X -o x.svg` does: fit to a 16:9 page, best legend place.
void BM_RegionSlideSvg(benchmark::State& st) {
  Fixture& f = fixture();
  const std::string preset = "region:" + f.ds.nodes[f.first_region].id;
  for (auto _ : st)
    benchmark::DoNotOptimize(
        render_diagram(f.ds, make_diagram(*f.net, *f.names, preset, Lang::Ja), Format::Svg));
}
void BM_ExplorerData(benchmark::State& st) {
  Fixture& f = fixture();
  for (auto _ : st) benchmark::DoNotOptimize(explorer_data(*f.net));
}
/// The whole explorer page: lays out the entire network twice (ja, en); one prefecture only in
/// bench/run.
void BM_ExplorerHtml(benchmark::State& st) {
  Fixture& f = fixture();
  for (auto _ : st)
    benchmark::DoNotOptimize(explorer_html(*f.net, Lang::Ja, explorer_drawings(*f.net)));
}

BENCHMARK(BM_LoadValidate)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadFromSnapshot)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_NameLookupFirst)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_NameIndexBuild)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BuildNetwork)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Shared)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Gaps)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Reach)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Path)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WhatIfOne)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WhatIfEachOffice)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Metrics)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Initiatives)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RegionDot)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RegionRenderSvg)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RegionSlideSvg)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ExplorerData)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ExplorerHtml)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace renkei

BENCHMARK_MAIN();
