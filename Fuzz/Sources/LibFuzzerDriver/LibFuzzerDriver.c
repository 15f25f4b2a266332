/* Declarations only (see include/LibFuzzerDriver.h); libFuzzer itself comes with -sanitize=fuzzer. */
#include "LibFuzzerDriver.h"
