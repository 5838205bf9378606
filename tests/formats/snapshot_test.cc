// Snapshots of the checked model (src/snapshot.*): a later load of the same bytes gives the
// same dataset, and anything that changed, is damaged or is not ours is read in full again.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>

#include "base/error.h"
#include "formats/dataset_json.h"
#include "formats/load.h"
#include "formats/snapshot.h"
#include "test_support.h"

using namespace renkei;
using renkei::test::read_file;
using renkei::test::run_renkei;
using renkei::test::TempDir;
using renkei::test::write_file;

namespace {

/// A cache in its own folder that snapshots every dataset, however small.
SnapshotCache cache_in(const TempDir& dir) {
  SnapshotCache c;
  c.dir = dir.file("cache");
  c.min_bytes = 0;
  return c;
}

std::size_t snapshots_in(const std::string& dir) {
  std::size_t n = 0;
  if (std::filesystem::is_directory(dir))
    for (const auto& e : std::filesystem::directory_iterator(dir))
      n += e.path().extension() == ".snap";
  return n;
}

std::string only_snapshot(const std::string& dir) {
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".snap") return e.path().string();
  return "";
}

/// Loads through the cache and says how.
std::pair<Dataset, SnapshotUse> load(const std::string& path, const SnapshotCache& cache) {
  SnapshotUse use = SnapshotUse::Off;
  LoadReport report;
  Dataset ds = load_dataset_cached(path, cache, &report, &use);
  return {std::move(ds), use};
}

/// A file's bytes changed in place, keeping its size and modification time: what a stat-based
/// cache would miss.
void change_keeping_size_and_time(const std::string& path, const std::string& from,
                                  const std::string& to) {
  REQUIRE(from.size() == to.size());
  struct stat before;
  REQUIRE(stat(path.c_str(), &before) == 0);
  std::string text = read_file(path);
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  write_file(path, text);
  timespec times[2] = {before.st_atim, before.st_mtim};
  REQUIRE(utimensat(AT_FDCWD, path.c_str(), times, 0) == 0);
}

}  // namespace

TEST_CASE("a dataset loaded from its snapshot is the dataset loaded in full, field for field") {
  TempDir dir;
  std::string path = test::write_dataset(dir, test::builtin_json());
  SnapshotCache cache = cache_in(dir);
  auto [first, use1] = load(path, cache);
  CHECK(use1 == SnapshotUse::Written);
  CHECK(snapshots_in(cache.dir) == 1);
  auto [second, use2] = load(path, cache);
  CHECK(use2 == SnapshotUse::Hit);
  // dataset_to_json writes every field of the model (export --format json round-trips byte
  // for byte), so equal text means nothing was lost or changed on the way through.
  Dataset full = load_dataset_file(path);
  CHECK(dataset_to_json(second) == dataset_to_json(full));
  CHECK(second.origin == path);
  CHECK(second.source_text == full.source_text);
  CHECK(second.nodes.size() == 120);  // 112 in the file + 8 planning regions from outside facts
  CHECK(second.find_id("tanpopo").has_value());
  CHECK(second.edges_from(*second.find_id("tanpopo")).size() ==
        full.edges_from(*full.find_id("tanpopo")).size());
}

TEST_CASE("the load report survives the snapshot: validate and summary say the same") {
  TempDir dir;
  std::string path = test::write_dataset(dir, test::builtin_json());
  SnapshotCache cache = cache_in(dir);
  LoadReport full, cached;
  load_dataset_cached(path, cache, &full);
  SnapshotUse use;
  load_dataset_cached(path, cache, &cached, &use);
  REQUIRE(use == SnapshotUse::Hit);
  CHECK(cached.quotes_checked == full.quotes_checked);
  CHECK(cached.quotes_checked > 300);
  CHECK(cached.source_file == full.source_file);
  CHECK(cached.outside_facts_file == full.outside_facts_file);
}

TEST_CASE("a changed dataset is read in full even when its size and time are unchanged") {
  TempDir dir;
  std::string path = test::write_dataset(dir, test::builtin_json());
  SnapshotCache cache = cache_in(dir);
  load(path, cache);
  // たんぽぽ's romanized name changes; same byte count, same modification time.
  change_keeping_size_and_time(path, "Center Tanpopo\"", "Center Tanpopa\"");
  auto [ds, use] = load(path, cache);
  CHECK(use == SnapshotUse::Written);
  REQUIRE(ds.find_id("tanpopo"));
  CHECK(ds.nodes[*ds.find_id("tanpopo")].name_en == "Community Life Support Center Tanpopa");
}

TEST_CASE("a changed outside-facts or source file is read again, so its checks run again") {
  TempDir dir;
  std::string path = test::write_dataset(dir, test::builtin_json());
  SnapshotCache cache = cache_in(dir);
  load(path, cache);

  SECTION("outside facts: the new planning region name is used") {
    std::string facts = dir.file("yamaguchi-regions.json");
    std::string text = read_file(facts);
    auto at = text.find("\"下関圏域\"");
    REQUIRE(at != std::string::npos);
    write_file(facts, text.replace(at, std::string("\"下関圏域\"").size(), "\"下関地域\""));
    auto [ds, use] = load(path, cache);
    CHECK(use == SnapshotUse::Written);
    bool renamed = false;
    for (const Node& n : ds.nodes) renamed |= n.kind == Kind::Region && n.name == "下関地域";
    CHECK(renamed);
  }
  SECTION("source text: a quote no longer in the source is an error, snapshot or not") {
    std::string source = dir.file("source/yamaguchi-r6.txt");
    std::string text = read_file(source);
    auto at = text.find("たんぼぼ");  // as printed (the data corrects it to たんぽぽ)
    REQUIRE(at != std::string::npos);
    write_file(source, text.replace(at, std::string("たんぼぼ").size(), "ひまわり"));
    CHECK_THROWS_AS(load(path, cache), Error);
  }
  SECTION("source text removed: the same error as without a snapshot") {
    std::filesystem::remove(dir.file("source/yamaguchi-r6.txt"));
    std::string cached_error, full_error;
    try {
      load(path, cache);
    } catch (const Error& e) {
      cached_error = e.what();
    }
    try {
      load_dataset_file(path);
    } catch (const Error& e) {
      full_error = e.what();
    }
    CHECK(!full_error.empty());
    CHECK(cached_error == full_error);
  }
}

TEST_CASE("a damaged, truncated or foreign snapshot is ignored and the file read in full") {
  TempDir dir;
  std::string path = test::write_dataset(dir, test::builtin_json());
  SnapshotCache cache = cache_in(dir);
  load(path, cache);
  std::string snap = only_snapshot(cache.dir);
  std::string good = read_file(snap);
  Dataset full = load_dataset_file(path);
  std::string expected = dataset_to_json(full);

  auto reload_is_full = [&](const std::string& bytes) {
    write_file(snap, bytes);
    auto [ds, use] = load(path, cache);
    CHECK(use == SnapshotUse::Written);
    CHECK(dataset_to_json(ds) == expected);
  };
  SECTION("one byte flipped in the middle") {
    std::string bad = good;
    bad[bad.size() / 2] ^= 0x20;
    reload_is_full(bad);
  }
  SECTION("cut in half") { reload_is_full(good.substr(0, good.size() / 2)); }
  SECTION("empty") { reload_is_full(""); }
  SECTION("another dataset's snapshot under this name") {
    TempDir other;
    nlohmann::json j = test::builtin_json();
    j["title"] = "another title";
    std::string other_path = test::write_dataset(other, j);
    SnapshotCache other_cache = cache_in(other);
    load(other_path, other_cache);
    reload_is_full(read_file(only_snapshot(other_cache.dir)));
  }
}

TEST_CASE("decode_snapshot refuses every truncation and never reads past the end") {
  Dataset ds = load_builtin_dataset();
  LoadReport report;
  std::string bytes = encode_snapshot(ds, report, "key", "");
  CHECK(decode_snapshot(bytes, "key", nullptr, nullptr).has_value());
  CHECK_FALSE(decode_snapshot(bytes, "other key", nullptr, nullptr).has_value());
  std::size_t accepted = 0;
  for (std::size_t n = 0; n < bytes.size(); n += 97)
    accepted += decode_snapshot(bytes.substr(0, n), "key", nullptr, nullptr).has_value();
  CHECK(accepted == 0);
}

TEST_CASE("a cache folder that cannot be written only means no snapshot") {
  TempDir dir;
  std::string path = test::write_dataset(dir, test::builtin_json());
  SnapshotCache cache = cache_in(dir);
  write_file(cache.dir, "a file where the folder should be");
  auto [ds, use] = load(path, cache);
  CHECK(use == SnapshotUse::Miss);
  CHECK(ds.nodes.size() == 120);
}

TEST_CASE("only the newest snapshots are kept") {
  TempDir dir;
  SnapshotCache cache = cache_in(dir);
  cache.keep = 2;
  for (int i = 0; i < 4; ++i) {
    nlohmann::json j = test::builtin_json();
    j["title"] = "version " + std::to_string(i);
    TempDir data;
    load(test::write_dataset(data, j), cache);
  }
  CHECK(snapshots_in(cache.dir) == 2);
}

TEST_CASE("pruning the cache touches only renkei's own snapshots and its stale temporaries") {
  // A shared cache folder (RENKEI_CACHE): a user's own *.snap files, one named like renkei's
  // but not written by it, and temporaries — a fresh one (a store in progress) and one a
  // killed run left an hour and more ago.
  TempDir dir;
  SnapshotCache cache = cache_in(dir);
  cache.keep = 1;
  std::filesystem::create_directories(cache.dir);
  const std::string hex32 = "0123456789abcdef0123456789abcdef";
  std::vector<std::string> theirs = {"notes.snap", "photo-2024.snap", hex32 + ".snap"};
  for (const auto& n : theirs) write_file(cache.dir + "/" + n, "someone else's file");
  std::string fresh_tmp =
      cache.dir + "/" + std::string("fedcba9876543210fedcba9876543210") + ".snap.tmp-abc123";
  std::string stale_tmp =
      cache.dir + "/" + std::string("00000000000000000000000000000000") + ".snap.tmp-zzz999";
  write_file(fresh_tmp, "half");
  write_file(stale_tmp, "half");
  timespec old_times[2] = {{time(nullptr) - 7200, 0}, {time(nullptr) - 7200, 0}};
  REQUIRE(utimensat(AT_FDCWD, stale_tmp.c_str(), old_times, 0) == 0);
  for (int i = 0; i < 3; ++i) {
    nlohmann::json j = test::builtin_json();
    j["title"] = "version " + std::to_string(i);
    TempDir data;
    load(test::write_dataset(data, j), cache);
  }
  for (const auto& n : theirs) CHECK(read_file(cache.dir + "/" + n) == "someone else's file");
  CHECK(std::filesystem::exists(fresh_tmp));
  CHECK_FALSE(std::filesystem::exists(stale_tmp));
  CHECK(snapshots_in(cache.dir) == theirs.size() + 1);  // theirs, and renkei's newest one
}

TEST_CASE("renkei uses snapshots for large datasets and answers the same with and without") {
  // A 10-prefecture dataset from the benchmark generator: 1.4 MB, over the 1 MB threshold.
  TempDir dir;
  std::string gen = "python3 " + test::repo_path("bench/renkei-gen") +
                    " --prefectures 10 --seed 3 -o " + dir.path();
  REQUIRE(std::system(gen.c_str()) == 0);
  std::string data = dir.file("dataset.json");
  std::string cache = dir.file("cache");
  setenv("RENKEI_CACHE", cache.c_str(), 1);
  auto first = run_renkei({"gaps", "--json", "--data", data});
  CHECK(snapshots_in(cache) == 1);
  auto second = run_renkei({"gaps", "--json", "--data", data});
  auto path = run_renkei({"path", "p001-m001", "p001-m002", "--data", data});
  setenv("RENKEI_CACHE", "off", 1);
  auto uncached = run_renkei({"gaps", "--json", "--data", data});
  auto uncached_path = run_renkei({"path", "p001-m001", "p001-m002", "--data", data});
  unsetenv("RENKEI_CACHE");
  CHECK(first.code == 0);
  CHECK(second.code == 0);
  CHECK(second.err.empty());
  CHECK(second.out == first.out);
  CHECK(second.out == uncached.out);
  CHECK(nlohmann::json::parse(second.out).size() > 10);
  CHECK(path.code == uncached_path.code);
  CHECK(path.out == uncached_path.out);

  // A broken file of the same name is an error with the usual message, and leaves no snapshot.
  std::string text = read_file(data);
  write_file(data, text.substr(0, text.size() - 2));
  setenv("RENKEI_CACHE", cache.c_str(), 1);
  auto broken = run_renkei({"gaps", "--data", data});
  unsetenv("RENKEI_CACHE");
  CHECK(broken.code == 1);
  CHECK(broken.err.rfind("renkei: error: " + data + ":", 0) == 0);
  CHECK(snapshots_in(cache) == 1);
}
