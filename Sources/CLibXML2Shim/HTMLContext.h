// Internal to the shim: the parser context of the flat read.
#ifndef PROVSTAT_HTMLCONTEXT_H
#define PROVSTAT_HTMLCONTEXT_H

#include <libxml/HTMLparser.h>

/// A parser context set up as htmlReadMemory sets it up (options, encoding, URL), with the
/// default HTML SAX handler changed by `adjust` before the options are applied; NULL when libxml2
/// cannot make one (an empty buffer). The caller runs htmlParseDocument and frees the context.
xmlParserCtxtPtr provstat_html_context(const char *buffer, int size, const char *url, const char *encoding,
                                       int options, void (*adjust)(xmlSAXHandler *sax));

/// Whether the lean filter keeps the class and id of an element so named (lower-case).
int provstat_reads_names_of(const char *element);

/// Whether the lean filter keeps the rowspan and colspan of an element so named: a table cell.
int provstat_is_cell(const char *element);

#endif
