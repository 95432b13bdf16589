/* disrupt.h — the whole public API: one header per pipeline stage.
 *
 *   ingest ─► series ─► baseline ─► segment ─► windows ─► report / plot
 *
 * Conventions: functions return 0 or a positive DISRUPT_E* code and fill a caller-supplied
 * disrupt_error; objects we allocate come with _alloc/_free, structs the caller embeds with
 * _init/_fini; each header states what it owns. */
#ifndef DISRUPT_H
#define DISRUPT_H

#include "disrupt/error.h"
#include "disrupt/series.h"
#include "disrupt/timeparse.h"
#include "disrupt/ingest.h"
#include "disrupt/cost.h"
#include "disrupt/segment.h"
#include "disrupt/baseline.h"
#include "disrupt/boundary.h"
#include "disrupt/window.h"
#include "disrupt/detect.h"
#include "disrupt/incident.h"
#include "disrupt/recurrence.h"
#include "disrupt/report.h"
#include "disrupt/timefmt.h"
#include "disrupt/timeaxis.h"
#include "disrupt/events.h"
#include "disrupt/plot.h"
#include "disrupt/simulate.h"
#include "disrupt/outfile.h"
#include "disrupt/jsonw.h"

#endif
