// libxml2 is built with ICU, and its encoding.h would pull in the system's <unicode/*.h>,
// whose UErrorCode clashes with Foundation's bundled ICU when both modules are imported.
// Nothing here uses the ICU converter fields (they only extend xmlCharEncodingHandler,
// which is used through pointers), so hide ICU from the rest of the headers.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/parser.h>
