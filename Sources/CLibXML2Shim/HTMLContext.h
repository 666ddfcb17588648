// Internal to the shim: the parser context of the flat read.
#ifndef PROVSTAT_HTMLCONTEXT_H
#define PROVSTAT_HTMLCONTEXT_H

#include <libxml/HTMLparser.h>

/// A parser context set up as htmlReadMemory sets it up (options, encoding, URL), with the
/// default HTML SAX handler changed by `adjust` before the options are applied; NULL when libxml2
/// cannot make one (an empty buffer). The context is the calling thread's, kept from its last read
/// and reset to how a new one starts. The caller runs htmlParseDocument, then gives the context
/// back with provstat_html_context_release.
xmlParserCtxtPtr provstat_html_context(const char *buffer, int size, const char *url, const char *encoding,
                                       int options, void (*adjust)(xmlSAXHandler *sax));

/// Frees the context's document and keeps the context for the thread's next read, or frees it.
/// Returns 0 when the page must be read again (the next context is a new one): its dictionary grew
/// so large that names left from earlier pages may have changed the read.
int provstat_html_context_release(xmlParserCtxtPtr context);

#endif
