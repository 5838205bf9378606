// The explorer page's style sheet and script, kept in their own files so they read as CSS
// and JavaScript; each file is one C++ raw string literal.
#include "explorer/explorer.h"

namespace renkei {

std::string_view explorer_style() {
  static const char kStyle[] =
#include "explorer/style.css.inc"
      ;
  return {kStyle, sizeof kStyle - 1};
}

std::string_view explorer_script() {
  static const char kScript[] =
#include "explorer/script.js.inc"
      ;
  return {kScript, sizeof kScript - 1};
}

}  // namespace renkei
