#pragma once
#include <string_view>

/// The built-in dataset, compiled in by cmake/embed.cmake.
namespace renkei::embedded {
std::string_view dataset();        ///< data/yamaguchi-r6.json
std::string_view outside_facts();  ///< data/yamaguchi-regions.json
std::string_view source_text();    ///< data/source/yamaguchi-r6.txt
}  // namespace renkei::embedded
