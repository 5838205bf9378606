// The workbook reader (src/formats/xlsx_reader.h) on arbitrary bytes: a zip of XML parts read
// with libzip and expat. It must return sheets or throw renkei::Error, never crash, and stay
// inside its limits (kMaxWorkbookPartBytes, kMaxWorkbookCells).
#include <string>

#include "formats/xlsx_reader.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  try {
    for (const auto& sheet : renkei::read_workbook_bytes(bytes, "fuzz.xlsx"))
      for (const auto& row : sheet.table.rows) (void)row.size();
  } catch (const renkei::Error&) {
  }
  return 0;
}
