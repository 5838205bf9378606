#include "formats/snapshot.h"

#include <dirent.h>
#include <fcntl.h>
#include <link.h>
#include <sys/stat.h>
#include <unistd.h>
#define XXH_INLINE_ALL  // header-only: no library to link, and the hash inlines
#include <xxhash.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <vector>

namespace renkei {

namespace {

constexpr std::string_view kMagic = "renkei-snapshot/4\n";

// A field added to one of these structs must be written and read below; the sizes make the
// build fail until it is (update them after adding the field to put() and get()).
static_assert(sizeof(void*) != 8 || sizeof(Node) == 920, "Node changed: update snapshot.cc");
static_assert(sizeof(void*) != 8 || sizeof(Edge) == 280, "Edge changed: update snapshot.cc");
static_assert(sizeof(void*) != 8 || sizeof(Meeting) == 224, "Meeting changed: update snapshot.cc");
static_assert(sizeof(void*) != 8 || sizeof(Source) == 104, "Source changed: update snapshot.cc");
static_assert(sizeof(void*) != 8 || sizeof(MunicipalityFacts) == 112,
              "MunicipalityFacts changed: update snapshot.cc");
static_assert(sizeof(void*) != 8 || sizeof(DocumentInfo) == 192,
              "DocumentInfo changed: update snapshot.cc");
static_assert(sizeof(void*) != 8 || sizeof(LoadReport) == 88,
              "LoadReport changed: update snapshot.cc");
static_assert(sizeof(void*) != 8 || sizeof(OutsideNotes) == 64,
              "OutsideNotes changed: update snapshot.cc");

/// Appends the model to a byte string: fixed-width little-endian numbers, strings as length
/// and bytes, optionals as a presence byte.
class Writer {
 public:
  std::string bytes;

  void u8(std::uint8_t v) { bytes.push_back(static_cast<char>(v)); }
  void u64(std::uint64_t v) { bytes.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void i64(std::int64_t v) { u64(static_cast<std::uint64_t>(v)); }
  void f64(double v) {
    std::uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    u64(bits);
  }
  void str(std::string_view s) {
    u64(s.size());
    bytes.append(s);
  }
  template <typename E>
  void term(E e) {
    u8(static_cast<std::uint8_t>(e));
  }
  void strings(const std::vector<std::string>& v) {
    u64(v.size());
    for (const auto& s : v) str(s);
  }
  void source(const Source& s) {
    i64(s.row);
    str(s.section);
    str(s.text);
    str(s.input);
  }
  void source(const std::optional<Source>& s) {
    u8(s.has_value());
    if (s) source(*s);
  }

  void node(const Node& n) {
    str(n.id);
    term(n.kind);
    str(n.name);
    str(n.name_en);
    u64(n.aliases.size());
    for (const auto& a : n.aliases) {
      str(a.name);
      source(a.source);
    }
    source(n.source);
    str(n.outside_source);
    str(n.note);
    str(n.type);
    i64(n.row);
    u8(n.activity.has_value());
    if (n.activity) {
      term(n.activity->status);
      source(n.activity->source);
    }
    u64(n.challenges.size());
    for (const auto& c : n.challenges) source(c);
    u64(n.no_children.size());
    for (const auto& c : n.no_children) source(c);
    u8(n.facts.has_value());
    if (n.facts) {
      str(n.facts->code);
      str(n.facts->lgcode);
      f64(n.facts->lat);
      f64(n.facts->lng);
      str(n.facts->source);
    }
    term(n.level);
    term(n.council_status);
    source(n.status_source);
    u64(n.meetings.size());
    for (const auto& m : n.meetings) {
      strings(m.months);
      term(m.status);
      u8(m.about_children);
      strings(m.topics);
      str(m.summary);
      str(m.note);
      source(m.source);
    }
    str(n.description);
    source(n.out_of_area);
  }

  void document(const DocumentInfo& d) {
    term(d.form);
    u64(d.columns.size());
    for (const SourceColumn& c : d.columns) {
      str(c.label);
      term(c.role);
      str(c.heading);
      i64(c.block);
    }
  }

  void edge(const Edge& e) {
    u64(e.from);
    u64(e.to);
    term(e.relation);
    source(e.source);
    str(e.outside_source);
    i64(e.order);
    str(e.since);
    term(e.status);
    str(e.date);
    str(e.note);
  }
};

/// Reads what Writer wrote. Any read past the end or out-of-range value clears `ok` and
/// yields empty values from then on; the caller checks `ok` once at the end.
class Reader {
 public:
  explicit Reader(std::string_view b) : b_(b) {}
  bool ok = true;

  std::uint8_t u8() {
    if (!need(1)) return 0;
    return static_cast<std::uint8_t>(b_[pos_++]);
  }
  std::uint64_t u64() {
    if (!need(8)) return 0;
    std::uint64_t v;
    std::memcpy(&v, b_.data() + pos_, sizeof v);
    pos_ += 8;
    return v;
  }
  int i32() {
    auto v = static_cast<std::int64_t>(u64());
    if (v < INT32_MIN || v > INT32_MAX) ok = false;
    return ok ? static_cast<int>(v) : 0;
  }
  double f64() {
    std::uint64_t bits = u64();
    double v;
    std::memcpy(&v, &bits, sizeof v);
    return v;
  }
  std::string str() {
    std::string s;
    str(s);
    return s;
  }
  /// Reads a string into `s` in place (no temporary to move and free: a nationwide
  /// snapshot holds some 150,000 of them).
  void str(std::string& s) {
    std::uint64_t n = u64();
    if (!need(n)) return s.clear();
    s.assign(b_.data() + pos_, n);
    pos_ += n;
  }
  /// A count of items each at least `min_bytes` long: bounded by what is left.
  std::size_t count(std::size_t min_bytes) {
    std::uint64_t n = u64();
    if (n > (b_.size() - pos_) / min_bytes) ok = false;
    return ok ? n : 0;
  }
  template <typename E>
  E term(std::size_t values) {
    std::uint8_t v = u8();
    if (v >= values) ok = false;
    return ok ? static_cast<E>(v) : E{};
  }
  bool flag() {
    std::uint8_t v = u8();
    if (v > 1) ok = false;
    return v == 1;
  }
  std::vector<std::string> strings() {
    std::vector<std::string> v(count(8));
    for (auto& s : v) str(s);
    return v;
  }
  Source source() {
    Source s;
    source(s);
    return s;
  }
  void source(Source& s) {
    s.row = i32();
    str(s.section);
    str(s.text);
    str(s.input);
  }
  void optional_source(std::optional<Source>& s) {
    if (flag())
      source(s.emplace());
    else
      s.reset();
  }

  /// Reads a node into `n`, a default-constructed node already in place in the dataset.
  void node(Node& n) {
    str(n.id);
    n.kind = term<Kind>(kinds_count());
    str(n.name);
    str(n.name_en);
    n.aliases.resize(count(9));
    for (auto& a : n.aliases) {
      str(a.name);
      optional_source(a.source);
    }
    optional_source(n.source);
    str(n.outside_source);
    str(n.note);
    str(n.type);
    n.row = i32();
    if (flag())
      n.activity = CoordinatorActivity{term<ActivityStatus>(activity_statuses().size()), source()};
    n.challenges.resize(count(24));
    for (auto& c : n.challenges) source(c);
    n.no_children.resize(count(24));
    for (auto& c : n.no_children) source(c);
    if (flag()) {
      MunicipalityFacts f;
      str(f.code);
      str(f.lgcode);
      f.lat = f64();
      f.lng = f64();
      str(f.source);
      n.facts = std::move(f);
    }
    n.level = term<CouncilLevel>(council_levels().size());
    n.council_status = term<CouncilStatus>(council_statuses().size());
    optional_source(n.status_source);
    n.meetings.resize(count(8));
    for (auto& m : n.meetings) {
      m.months = strings();
      m.status = term<MeetingStatus>(meeting_statuses().size());
      m.about_children = flag();
      m.topics = strings();
      str(m.summary);
      str(m.note);
      source(m.source);
    }
    str(n.description);
    optional_source(n.out_of_area);
  }

  void document(DocumentInfo& d) {
    d.form = term<SourceForm>(source_forms().size());
    d.columns.resize(count(26));
    for (SourceColumn& c : d.columns) {
      str(c.label);
      c.role = term<ColumnRole>(column_roles().size());
      str(c.heading);
      c.block = i32();
    }
  }

  void edge(Edge& e, std::size_t nodes) {
    e.from = u64();
    e.to = u64();
    if (e.from >= nodes || e.to >= nodes) ok = false;
    e.relation = term<Relation>(relations_count());
    optional_source(e.source);
    str(e.outside_source);
    e.order = i32();
    str(e.since);
    e.status = term<EdgeStatus>(edge_statuses().size());
    str(e.date);
    str(e.note);
  }

  bool at_end() const { return pos_ == b_.size(); }

 private:
  bool need(std::uint64_t n) {
    if (!ok || n > b_.size() - pos_) ok = false;
    return ok;
  }
  std::string_view b_;
  std::size_t pos_ = 0;
};

/// The GNU build id of the running program (a hash the linker computes over the whole
/// binary), or the hash of the executable's bytes when it has none: snapshots are only
/// ever read by the build that wrote them.
std::string build_identity() {
  static const std::string id = [] {
    std::string found;
    dl_iterate_phdr(
        [](dl_phdr_info* info, std::size_t, void* out) -> int {
          auto& id = *static_cast<std::string*>(out);
          for (int i = 0; i < info->dlpi_phnum; ++i) {
            const auto& ph = info->dlpi_phdr[i];
            if (ph.p_type != PT_NOTE) continue;
            auto p = reinterpret_cast<const char*>(info->dlpi_addr + ph.p_vaddr);
            auto end = p + ph.p_memsz;
            while (p + sizeof(ElfW(Nhdr)) <= end) {
              auto nh = reinterpret_cast<const ElfW(Nhdr)*>(p);
              const char* name = p + sizeof(ElfW(Nhdr));
              const char* desc = name + ((nh->n_namesz + 3) & ~3u);
              if (nh->n_type == NT_GNU_BUILD_ID && nh->n_namesz == 4 &&
                  std::memcmp(name, "GNU", 4) == 0 && desc + nh->n_descsz <= end)
                id.assign(desc, nh->n_descsz);
              p = desc + ((nh->n_descsz + 3) & ~3u);
            }
          }
          return 1;  // the first object is the program itself
        },
        &found);
    if (!found.empty()) return "build-id:" + found;
    auto exe = read_whole_file("/proc/self/exe");
    if (!exe) return std::string("unknown");  // the key then never matches twice across builds
    XXH128_hash_t h = XXH3_128bits(exe->data(), exe->size());
    return "exe:" + std::string(reinterpret_cast<const char*>(&h), sizeof h);
  }();
  return id;
}

std::string hex(const void* data, std::size_t n) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  auto p = static_cast<const unsigned char*>(data);
  for (std::size_t i = 0; i < n; ++i) {
    out += digits[p[i] >> 4];
    out += digits[p[i] & 15];
  }
  return out;
}

/// The snapshot key of a dataset read from `path` with contents `text`.
std::string snapshot_key(const std::string& path, std::string_view text) {
  std::string head = std::string(kMagic) + build_identity() + '\0' + path + '\0';
  XXH3_state_t* st = XXH3_createState();
  XXH3_128bits_reset(st);
  XXH3_128bits_update(st, head.data(), head.size());
  XXH3_128bits_update(st, text.data(), text.size());
  XXH128_hash_t h = XXH3_128bits_digest(st);
  XXH3_freeState(st);
  return std::string(reinterpret_cast<const char*>(&h), sizeof h);
}

/// One line per file the load read beside the dataset: "PATH\tHASH" or "PATH\t-" when it
/// was missing. Read back the same way to check nothing changed.
void record_sibling(std::string& record, const std::string& rel,
                    const std::optional<std::string>& text) {
  record += rel;
  record += '\t';
  if (text) {
    XXH64_hash_t h = XXH3_64bits(text->data(), text->size());
    record += hex(&h, sizeof h);
  } else {
    record += '-';
  }
  record += '\n';
}

/// Reads the siblings listed in `record` again; true when every one is as it was.
bool siblings_unchanged(const std::string& record, const SiblingReader& read) {
  std::string check;
  std::size_t start = 0;
  while (start < record.size()) {
    std::size_t tab = record.find('\t', start), nl = record.find('\n', start);
    if (tab == std::string::npos || nl == std::string::npos || tab > nl) return false;
    std::string rel = record.substr(start, tab - start);
    try {
      record_sibling(check, rel, read(rel));
    } catch (...) {
      return false;  // now unreadable: the full load says why
    }
    start = nl + 1;
  }
  return check == record;
}

/// True when `name` is a snapshot file name renkei makes: 32 lowercase hex digits and .snap.
bool is_snapshot_name(std::string_view name) {
  if (name.size() != 32 + 5 || name.substr(32) != ".snap") return false;
  return std::all_of(name.begin(), name.begin() + 32,
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

/// True when `name` is a temporary store() makes: a snapshot name, ".tmp-" and mkstemp's six.
bool is_snapshot_temporary(std::string_view name) {
  return name.size() == 37 + 5 + 6 && is_snapshot_name(name.substr(0, 37)) &&
         name.substr(37, 5) == ".tmp-";
}

/// True when the file at `path` begins with the snapshot magic: renkei wrote it. Files in a
/// shared cache folder that merely end in .snap are someone else's.
bool starts_with_magic(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return false;
  char head[32];
  ssize_t n = read(fd, head, kMagic.size());
  close(fd);
  return n == static_cast<ssize_t>(kMagic.size()) &&
         std::string_view(head, kMagic.size()) == kMagic;
}

/// A temporary older than this was left by a killed renkei (a store takes milliseconds).
constexpr time_t kStaleTemporarySeconds = 3600;

/// Writes a snapshot next to the others, through a temporary and a rename so a reader never
/// sees half a file, then removes all but the newest `keep` of renkei's own snapshots and any
/// temporary of its own a killed run left. Nothing else in the folder is touched (it may be
/// shared: RENKEI_CACHE). Failures are ignored: a missing snapshot only costs the next load
/// its full check, so storing one never fails the command.
bool store(const SnapshotCache& cache, const std::string& name, const std::string& bytes) {
  // Over `ulimit -f` the kernel would kill the command with SIGXFSZ for an optimisation;
  // ignored, write() fails with EFBIG and the temporary is removed.
  std::signal(SIGXFSZ, SIG_IGN);
  mkdir(cache.dir.c_str(), 0700);  // one level: $XDG_CACHE_HOME itself is the user's
  std::string final_path = cache.dir + "/" + name;
  std::string tmp = final_path + ".tmp-XXXXXX";
  int fd = mkstemp(tmp.data());
  if (fd < 0) return false;
  const char* p = bytes.data();
  std::size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  if (close(fd) != 0 || left != 0 || rename(tmp.c_str(), final_path.c_str()) != 0) {
    unlink(tmp.c_str());
    return false;
  }

  struct Entry {
    std::string path;
    timespec mtime;
  };
  std::vector<Entry> entries;
  time_t now = time(nullptr);
  if (DIR* d = opendir(cache.dir.c_str())) {
    while (dirent* e = readdir(d)) {
      std::string n = e->d_name;
      bool snapshot = is_snapshot_name(n), temporary = is_snapshot_temporary(n);
      if (!snapshot && !temporary) continue;
      struct stat st;
      std::string full = cache.dir + "/" + n;
      if (lstat(full.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != geteuid()) continue;
      if (temporary) {
        if (now - st.st_mtim.tv_sec > kStaleTemporarySeconds) unlink(full.c_str());
        continue;
      }
      if (starts_with_magic(full)) entries.push_back({full, st.st_mtim});
    }
    closedir(d);
  }
  if (entries.size() <= cache.keep) return true;
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    if (a.mtime.tv_sec != b.mtime.tv_sec) return a.mtime.tv_sec > b.mtime.tv_sec;
    if (a.mtime.tv_nsec != b.mtime.tv_nsec) return a.mtime.tv_nsec > b.mtime.tv_nsec;
    return a.path < b.path;
  });
  for (std::size_t i = cache.keep; i < entries.size(); ++i)
    if (entries[i].path != final_path) unlink(entries[i].path.c_str());
  return true;
}

}  // namespace

SnapshotCache SnapshotCache::from_environment() {
  SnapshotCache c;
  if (const char* v = std::getenv("RENKEI_CACHE"); v && *v) {
    if (std::string_view(v) != "off") c.dir = v;
    return c;
  }
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x == '/') {
    c.dir = std::string(x) + "/renkei";
  } else if (const char* h = std::getenv("HOME"); h && *h == '/') {
    c.dir = std::string(h) + "/.cache/renkei";
  }
  return c;
}

std::string encode_snapshot(const Dataset& ds, const LoadReport& report, std::string_view key,
                            std::string_view siblings) {
  Writer w;
  w.bytes.reserve(256 + ds.nodes.size() * 400 + ds.edges.size() * 160 + ds.source_text.size());
  w.bytes.append(kMagic);
  w.str(key);
  w.str(siblings);
  w.u64(report.quotes_checked);
  w.u64(report.quotes_anywhere);
  w.u64(report.facts_entered);
  w.str(report.source_file);
  w.str(report.outside_facts_file);
  w.str(ds.title);
  for (const std::string* s :
       {&ds.document.publisher, &ds.document.label, &ds.document.title, &ds.document.source_file,
        &ds.document.note, &ds.fiscal_year.label, &ds.fiscal_year.first_month,
        &ds.fiscal_year.last_month, &ds.source_text, &ds.outside_facts,
        &ds.outside_notes.regions_basis, &ds.outside_notes.positions_basis})
    w.str(*s);
  w.document(ds.document);
  w.u64(ds.nodes.size());
  for (const auto& n : ds.nodes) w.node(n);
  w.u64(ds.edges.size());
  for (const auto& e : ds.edges) w.edge(e);
  XXH64_hash_t check = XXH3_64bits(w.bytes.data(), w.bytes.size());
  w.u64(check);
  return std::move(w.bytes);
}

std::optional<Dataset> decode_snapshot(std::string_view bytes, std::string_view key,
                                       LoadReport* report, std::string* siblings) {
  if (bytes.size() < kMagic.size() + 8 || bytes.substr(0, kMagic.size()) != kMagic)
    return std::nullopt;
  std::string_view body = bytes.substr(0, bytes.size() - 8);
  std::uint64_t check;
  std::memcpy(&check, bytes.data() + body.size(), sizeof check);
  if (XXH3_64bits(body.data(), body.size()) != check) return std::nullopt;

  Reader r(body.substr(kMagic.size()));
  if (r.str() != key) return std::nullopt;
  std::string sib = r.str();
  LoadReport rep;
  rep.quotes_checked = r.u64();
  rep.quotes_anywhere = r.u64();
  rep.facts_entered = r.u64();
  rep.source_file = r.str();
  rep.outside_facts_file = r.str();
  Dataset ds;
  ds.title = r.str();
  for (std::string* s :
       {&ds.document.publisher, &ds.document.label, &ds.document.title, &ds.document.source_file,
        &ds.document.note, &ds.fiscal_year.label, &ds.fiscal_year.first_month,
        &ds.fiscal_year.last_month, &ds.source_text, &ds.outside_facts,
        &ds.outside_notes.regions_basis, &ds.outside_notes.positions_basis})
    *s = r.str();
  r.document(ds.document);
  std::size_t nodes = r.count(64);
  ds.nodes.resize(nodes);
  for (std::size_t i = 0; i < nodes && r.ok; ++i) r.node(ds.nodes[i]);
  std::size_t edges = r.count(64);
  ds.edges.resize(edges);
  for (std::size_t i = 0; i < edges && r.ok; ++i) r.edge(ds.edges[i], nodes);
  if (!r.ok || !r.at_end() || ds.nodes.empty()) return std::nullopt;
  if (report) *report = std::move(rep);
  if (siblings) *siblings = std::move(sib);
  return ds;
}

Dataset load_dataset_cached(const std::string& path, const SnapshotCache& cache, LoadReport* report,
                            SnapshotUse* use) {
  if (use) *use = SnapshotUse::Off;
  FileBytes file = map_data_file(path);
  std::string_view text = file.view();
  if (cache.dir.empty() || text.empty() || text.size() < cache.min_bytes)
    return load_dataset_text(text, path, report);

  std::string key = snapshot_key(path, text);
  std::string name = hex(key.data(), key.size()) + ".snap";
  SiblingReader beside = sibling_reader(path);
  if (auto bytes = cache.refresh ? std::nullopt : map_whole_file(cache.dir + "/" + name)) {
    LoadReport rep;
    std::string siblings;
    if (auto ds = decode_snapshot(bytes->view(), key, &rep, &siblings);
        ds && siblings_unchanged(siblings, beside)) {
      ds->origin = path;
      ds->build_index();
      if (report) *report = std::move(rep);
      if (use) *use = SnapshotUse::Hit;
      return std::move(*ds);
    }
  }

  std::string siblings;
  SiblingReader recording = [&](const std::string& rel) {
    std::optional<std::string> got = beside(rel);
    record_sibling(siblings, rel, got);
    return got;
  };
  LoadReport rep;
  Dataset ds = load_dataset(text, path, recording, &rep);
  bool stored = store(cache, name, encode_snapshot(ds, rep, key, siblings));
  if (use) *use = stored ? SnapshotUse::Written : SnapshotUse::Miss;
  if (report) *report = std::move(rep);
  return ds;
}

}  // namespace renkei
