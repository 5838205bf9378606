// Name resolution and the text helpers of base/text.h on arbitrary strings: what users type
// on the command line reaches these unfiltered (including invalid UTF-8).
#include "fuzz_support.h"
#include "model/resolve.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace renkei;
  static const NameIndex index(fuzz::builtin());
  std::string_view s(reinterpret_cast<const char*>(data), size);
  try {
    index.resolve(s);
  } catch (const Error& e) {
    if (e.code() != ExitCode::UsageError) fuzz::bug("resolve failed with a data error");
  }
  // One lookup per input: an unknown name is compared with every key (did-you-mean), which
  // is what makes this target slow (tens of executions a second under ASan).
  (void)match_key(s);
  (void)code_point_count(s);
  (void)valid_utf8(s);
  std::size_t w = display_width(s);
  std::string padded = pad(s, w + 3);
  if (display_width(padded) != w + 3 && valid_utf8(s)) fuzz::bug("pad gave the wrong width");
  std::string cut = truncate_to_width(s, 5);
  if (valid_utf8(s) && display_width(cut) > 5) fuzz::bug("truncate_to_width went over the width");
  (void)wrap_to_width(s, 1 + size % 30, "  ");
  std::string_view half = s.substr(0, size / 2), rest = s.substr(size / 2);
  (void)edit_distance(half.substr(0, 200), rest.substr(0, 200));
  (void)nearest(s.substr(0, 200),
                {"上関町", "柳井市", "たんぽぽ", std::string(rest.substr(0, 50))});
  return 0;
}
