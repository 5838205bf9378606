#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "formats/load.h"
#include "model/dataset.h"

namespace renkei {

/// Where and whether load_dataset_cached keeps snapshots (docs/performance.md, "Snapshots").
struct SnapshotCache {
  /// The folder for snapshots; empty turns the cache off.
  std::string dir;
  /// Datasets smaller than this are always read in full: they load in a few milliseconds.
  std::uint64_t min_bytes = std::uint64_t{1} << 20;
  /// Snapshots kept in `dir`; the oldest are removed when a new one is written.
  std::size_t keep = 8;
  /// Check the file in full even when a snapshot of it exists, then store a new one.
  bool refresh = false;

  /// The cache the CLI uses: $RENKEI_CACHE if set ("off" turns it off), else
  /// $XDG_CACHE_HOME/renkei, else $HOME/.cache/renkei; off when none of these is set.
  static SnapshotCache from_environment();
};

/// What load_dataset_cached did: read in full without the cache (off, or a small file),
/// used a snapshot, read in full and stored a snapshot, or read in full and could not store.
enum class SnapshotUse { Off, Hit, Written, Miss };

/// Loads a dataset file like load_dataset_file, through a snapshot of the checked model.
///
/// The first load of a file checks it in full and, when it is at least `cache.min_bytes`,
/// stores the loaded model in `cache.dir` under a key made of this renkei build, the path as
/// given and the file's bytes. A later load of the same bytes by the same build maps the
/// snapshot instead of parsing and checking again, after re-reading every file the dataset
/// named (outside facts, source text) and comparing their hashes with those the snapshot
/// was made from. A snapshot that is damaged, from another build or for other bytes is
/// ignored (the file is then read in full). Nothing about the cache is ever an error:
/// a folder that cannot be written only means no snapshot.
Dataset load_dataset_cached(const std::string& path, const SnapshotCache& cache,
                            LoadReport* report = nullptr, SnapshotUse* use = nullptr);

/// The model and report as snapshot bytes (format renkei-snapshot/1), keyed by `key`.
/// `siblings` lists the files the load read beside the dataset with their hashes.
std::string encode_snapshot(const Dataset& ds, const LoadReport& report, std::string_view key,
                            std::string_view siblings);

/// Reads snapshot bytes made by encode_snapshot for `key`; nullopt when they are damaged,
/// truncated or made for another key. Never throws and never reads outside `bytes`.
/// `siblings` receives the sibling record to verify before the result is used.
std::optional<Dataset> decode_snapshot(std::string_view bytes, std::string_view key,
                                       LoadReport* report, std::string* siblings);

}  // namespace renkei
