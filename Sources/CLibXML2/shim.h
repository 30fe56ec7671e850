#ifndef POSTLINT_LIBXML2_SHIM_H
#define POSTLINT_LIBXML2_SHIM_H
// libxml2's headers pull in ICU when it was built with it; Foundation ships its own private ICU
// module, and the two clash ("'UErrorCode' has different definitions"). PostLint never uses
// libxml2's ICU support, so hide it before any parser header is read.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/encoding.h>
#endif
