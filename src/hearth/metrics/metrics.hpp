// The metrics module: figures from the records, never a child. For now, the caseload's figures
// on a day (caseload_figures.hpp); the National Framework indicators come with the dashboard.
#pragma once

#include "hearth/metrics/caseload_figures.hpp"
