#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace renkei {

/// The key a name is matched by: NFKC, case-folded, without spaces, with the long-vowel
/// mark, hyphens and dashes (and a kanji 一 misread for ー after kana) made one character.
std::string match_key(std::string_view name);
/// match_key through utf8proc for every name: the reference the fast path is tested against.
std::string match_key_general(std::string_view name);
/// NFKC with case folding and default-ignorable code points removed (utf8proc), the first
/// step of match_key.
std::string nfkc_casefold(std::string_view s);
/// True for a code point nfkc_casefold leaves unchanged whatever surrounds it; match_key
/// skips utf8proc for names made only of these.
bool is_nfkc_casefold_stable(std::int32_t cp);

/// Columns a string takes in a terminal (East Asian Width: wide characters count 2).
std::size_t display_width(std::string_view s);
/// Pads `s` with spaces to `width` columns (left-aligned), or right-aligns when `right`.
std::string pad(std::string_view s, std::size_t width, bool right = false);
/// Cuts `s` to at most `width` columns, ending in "…" when cut.
std::string truncate_to_width(std::string_view s, std::size_t width);

/// Splits `s` into lines of at most `width` columns of text (breaking after 、。 or a space
/// when that keeps most of the line, else anywhere); lines after the first start with
/// `indent`, which is not counted in `width`.
std::string wrap_to_width(std::string_view s, std::size_t width, const std::string& indent);

/// Bytes of the UTF-8 sequence that starts with `lead` (1 for ASCII and for a stray
/// continuation byte, so that a walk over damaged text still moves on).
inline std::size_t utf8_sequence_length(unsigned char lead) {
  return lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
}

/// Number of Unicode code points.
std::size_t code_point_count(std::string_view s);
/// Edit distance in Unicode code points.
std::size_t edit_distance(std::string_view a, std::string_view b);
/// edit_distance(a, b) when it is at most `limit`, else limit + 1: a band of the table only,
/// O(length × limit), and no work at all when the lengths alone differ by more.
std::size_t edit_distance_within(std::string_view a, std::string_view b, std::size_t limit);
/// Typed text longer than this (in code points) gets no did-you-mean: no name is that long,
/// and looking for one near it would cost time in proportion to its length squared.
inline constexpr std::size_t kMaxSuggestChars = 200;
/// The candidate closest to `word` when it is close enough to be a likely typo.
std::optional<std::string> nearest(std::string_view word,
                                   const std::vector<std::string>& candidates);

/// True when the bytes are valid UTF-8.
bool valid_utf8(std::string_view s);
/// The first control character in UTF-8 text: C0 (U+0000–U+001F, tab and line breaks too),
/// DEL (U+007F) or C1 (U+0080–U+009F); nullopt when there is none.
std::optional<std::uint32_t> control_character(std::string_view s);
/// Why `text` cannot be a value of the data, or nullopt: no NUL (it cuts text short in other
/// programs), no U+FFFE/U+FFFF (no XML file can hold them) and, for a name (`one_line`), no
/// control character. The sentence follows the quoted value: "\"a\nb\" contains …".
std::optional<std::string> text_problem(std::string_view text, bool one_line);

}  // namespace renkei
