/* A fixture for the layer check: the engine may not include the plot stage. */
#include "disrupt/plot/plot.h"
