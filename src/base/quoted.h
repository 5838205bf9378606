#pragma once
#include <cstddef>
#include <memory>
#include <optional>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

namespace renkei {

/// Characters of a value a message shows; the rest is cut. A whole 10 MB id in an error
/// line helps nobody, and the first words are enough to find it.
inline constexpr std::size_t kQuotedChars = 40;

/// `value` made safe for one line of a message: cut after kQuotedChars characters with "…",
/// control characters (C0, DEL, C1) written as \u001b and bytes that are not UTF-8 as \xff,
/// so nothing reaches the terminal but plain text.
std::string excerpt(std::string_view value);

/// How a message quotes a value from the data or the command line: excerpt(value) in double
/// quotes (in 「」 when the language is Japanese), followed by " (N bytes)" when it was cut and "
/// (not valid UTF-8)" when it is not UTF-8. `"たんぽぽ\u0000"`, `"aaaa…" (10485760 bytes)`,
/// `"\xff\xfe" (not valid UTF-8)`.
std::string in_quotes(std::string_view value);

/// " (did you mean "X"?)" when a candidate is close enough to `word` to be a likely typo
/// (nearest() in base/text.h), else "": the one way every message suggests a name.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);
/// The same for a suggestion already found (or none).
std::string did_you_mean(const std::optional<std::string>& suggestion);

/// Text for a terminal: control characters (C0, DEL, C1) written as \u001b and bytes that are
/// not UTF-8 as \xff, as in excerpt(), but nothing cut; with `keep_layout`, line breaks and
/// tabs stay as they are. An ESC or CSI in the data (a note, a title, a file name) can then
/// never retitle, clear or recolour the terminal of whoever reads the answer.
std::string terminal_safe(std::string_view text, bool keep_layout);

/// A stream buffer that passes everything written to it on to `to`, with the control
/// characters of the data written as escapes, as it goes (no copy of the answer is held):
/// DEL and C1 (U+0080–U+009F) always, as \u007f, \u009b …; C0 but line breaks and tabs too,
/// unless `json` (JSON writes C0 as escapes itself, and its line breaks are its layout). In
/// JSON the escapes mean the same characters to any reader; in text they are shown, not obeyed.
std::unique_ptr<std::streambuf> control_escaping_buffer(std::streambuf* to, bool json);

}  // namespace renkei
