// The sheet importer (src/formats/sheets.h, src/formats/csv.h) on arbitrary bytes: the first byte
// picks a sheet of a sound sheet folder (the built-in data as `renkei export --format sheets`
// writes it), the rest replaces that sheet's file. Import must succeed or throw renkei::Error.
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "formats/csv.h"
#include "formats/sheets.h"
#include "fuzz_support.h"

namespace {

/// A folder holding the built-in data's sheets, made once; each input changes one file in a
/// copy that is put back afterwards.
const std::string& folder() {
  static const std::string dir = [] {
    std::string d =
        std::filesystem::temp_directory_path() / ("renkei-fuzz-sheets-" + std::to_string(getpid()));
    renkei::write_sheets(renkei::fuzz::builtin(), d);
    return d;
  }();
  return dir;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}
void spit(const std::string& path, std::string_view bytes) {
  std::ofstream(path, std::ios::binary)
      .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace renkei;
  if (size == 0) return 0;
  const auto& layouts = sheet_layouts();
  std::string path = folder() + "/" + layouts[data[0] % layouts.size()].file;
  std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  try {
    (void)csv::parse(bytes, "fuzz.csv");
  } catch (const Error&) {
  }
  std::string before = slurp(path);
  spit(path, bytes);
  try {
    (void)import_sheets(folder(), fuzz::builtin(), nullptr);
  } catch (const Error&) {
  }
  spit(path, before);
  return 0;
}
