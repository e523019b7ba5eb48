// What handlers need from the world, passed to every handler by reference: the store, the clock
// and the site (templates, words and static files). The executable builds these once and they
// outlive the server. Tests pass a FakeStore (tests/fakes/fake_store.hpp) and a FixedClock.
#pragma once

#include "hearth/core/env.hpp"
#include "hearth/store/store.hpp"
#include "hearth/web/site.hpp"

namespace hearth::web {

struct Services {
  store::Store& store;
  const core::Clock& clock;
  const Site& site;
};

}  // namespace hearth::web
