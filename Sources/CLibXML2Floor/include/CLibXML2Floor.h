#ifndef POSTLINT_LIBXML2_FLOOR_H
#define POSTLINT_LIBXML2_FLOOR_H
#include <stddef.h>
#include <stdint.h>

/// The floor of the benchmark: the least work any libxml2-based linter must do on an HTML buffer.
/// Parses `length` bytes with htmlReadMemory (HTML_PARSE_NONET | RECOVER | NOERROR | NOWARNING),
/// walks every text node and attribute of the tree, and returns the sum of their lengths (so the
/// walk cannot be optimised away). Returns -1 if libxml2 produced no document.
int64_t postlint_floor_parse_html(const char *bytes, size_t length);

/// Initialises libxml2 once (call before timing, and before parsing from several threads).
void postlint_floor_init(void);
#endif
