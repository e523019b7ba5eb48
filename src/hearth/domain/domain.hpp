// The domain module: the records of children's social care and the rules every value obeys.
//
// Start here:
//   entities.hpp  every record (child, referral, assessment, section 47 enquiry, plan, episode,
//                 placement, carer, agency record, ...) with the CIN census and SSDA903 items.
//   codes.hpp     the code sets of both returns and Hearth's own, each citing its source.
//   values.hpp    NhsNumber, Upn and Postcode: identifiers that check themselves.
//   validate.hpp  validate(record, today): every problem with a record, each naming its field.
#pragma once

#include "hearth/domain/codes.hpp"
#include "hearth/domain/entities.hpp"
#include "hearth/domain/validate.hpp"
#include "hearth/domain/values.hpp"
