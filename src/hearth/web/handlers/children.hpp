// The "Children" page (GET /children): search the authority's children by name or child id, one
// page of 25 at a time.
#pragma once

#include <string>

#include "hearth/core/result.hpp"
#include "hearth/web/http.hpp"
#include "hearth/web/messages.hpp"
#include "hearth/web/router.hpp"

namespace hearth::web {

inline constexpr int kChildrenPageSize = 25;
inline constexpr size_t kMaxSearchChars = 100;

// The page's query parameters, read and checked: the page's form object.
struct ChildrenSearch {
  std::string q;   // name words or a child id, trimmed; "" lists everyone
  int page = 1;    // 1-based
  std::string la;  // local authority code as asked for; "" for the default

  // Fails with kInvalid naming the field ("page" or "q") and saying what is wrong, in words
  // from `messages`: page must be a whole number from 1; q at most kMaxSearchChars characters.
  static core::Result<ChildrenSearch> read(const Request& request, const Messages& messages);
};

Response children_index(const Request& request, const RouteParams& params, Services& services);

}  // namespace hearth::web
