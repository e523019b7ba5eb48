// The core module: what every other module stands on.
//
// Start here:
//   result.hpp    Result<T> and Status: a value or an Error, for every expected failure.
//   error.hpp     Error: code, message for a person, and where (field, file, line).
//   date.hpp      Date (civil dates of statutory facts) and Timestamp (UTC recording times).
//   calendar.hpp  England and Wales bank holidays and working-day arithmetic.
//   env.hpp       Clock (SystemClock, FixedClock for tests) and Random (seeded, deterministic).
//   digest.hpp    SHA-256, random secrets and constant-time comparison (libsodium).
//   text.hpp      ASCII lower case, trimming, UTF-8 character counts.
#pragma once

#include "hearth/core/calendar.hpp"
#include "hearth/core/date.hpp"
#include "hearth/core/digest.hpp"
#include "hearth/core/env.hpp"
#include "hearth/core/error.hpp"
#include "hearth/core/result.hpp"
#include "hearth/core/text.hpp"
