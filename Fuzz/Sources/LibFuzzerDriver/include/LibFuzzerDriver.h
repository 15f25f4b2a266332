#ifndef EVSCAN_LIBFUZZER_DRIVER_H
#define EVSCAN_LIBFUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/* libFuzzer's entry for programs that keep their own main: SwiftPM renames an executable's entry point
   and aliases main to it, so libFuzzer's main cannot be used; this runs the same driver from ours. */
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
