#pragma once
// The answer of diff, as text (in the reply's language) or JSON.
#include "diff/diff.h"
#include "report/reply.h"

namespace renkei {

void print_diff(const Reply& c, const DatasetDiff& d);

}  // namespace renkei
