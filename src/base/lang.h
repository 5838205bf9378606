#pragma once
// The language names and words are shown in.

namespace renkei {

/// Label language: Japanese names (default) or romanized names.
enum class Lang { Ja, En };

}  // namespace renkei
