// The workflow module: statutory processes and timescales. For now, where a child stands
// (status.hpp) and the next statutory dates that the records' own dates decide
// (statutory_dates.hpp), and caseloads with both (caseload.hpp); tasks, alerts and the chronology
// come with the workflow issue.
#pragma once

#include "hearth/workflow/caseload.hpp"
#include "hearth/workflow/status.hpp"
#include "hearth/workflow/statutory_dates.hpp"
