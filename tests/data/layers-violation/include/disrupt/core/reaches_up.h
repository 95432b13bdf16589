/* A fixture for the layer check: core reaches outside its folder. */
#include "../detect/window.h"
