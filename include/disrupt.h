/* disrupt.h — the whole public API: one header per pipeline stage.
 *
 *   ingest ─► series ─► baseline ─► segment ─► windows ─► report / plot
 *
 * Conventions: functions return 0 or a positive DISRUPT_E* code and fill a caller-supplied
 * disrupt_error; objects we allocate come with _alloc/_free, structs the caller embeds with
 * _init/_fini; each header states what it owns. */
#ifndef DISRUPT_H
#define DISRUPT_H

#include "disrupt/core/error.h"
#include "disrupt/ingest/series.h"
#include "disrupt/ingest/timeparse.h"
#include "disrupt/ingest/ingest.h"
#include "disrupt/engine/cost.h"
#include "disrupt/engine/segment.h"
#include "disrupt/detect/baseline.h"
#include "disrupt/detect/boundary.h"
#include "disrupt/detect/window.h"
#include "disrupt/detect/detect.h"
#include "disrupt/detect/incident.h"
#include "disrupt/detect/recurrence.h"
#include "disrupt/workflows/report.h"
#include "disrupt/core/timefmt.h"
#include "disrupt/plot/timeaxis.h"
#include "disrupt/workflows/events.h"
#include "disrupt/plot/plot.h"
#include "disrupt/simulate/simulate.h"
#include "disrupt/core/outfile.h"
#include "disrupt/core/jsonw.h"

#endif
