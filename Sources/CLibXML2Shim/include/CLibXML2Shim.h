// Fixed-signature wrappers for the parts of libxml2 Swift cannot call directly.
// `xmlFree` is a global function-pointer variable in libxml2, not a function; Swift
// imports it awkwardly, so memory that libxml2 hands out is released through here.
// Threads: safe on any thread once xmlInitParser() has run.
#ifndef PROVSTAT_CLIBXML2SHIM_H
#define PROVSTAT_CLIBXML2SHIM_H

// Hide libxml2's ICU include exactly as CLibXML2/shim.h does (see there), so both
// modules see the same struct definitions.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>

/// Frees memory that libxml2 allocated (xmlNodeGetContent, xmlGetProp, ...).
void provstat_xml_free(void *pointer);

/// The runtime libxml2 version (xmlParserVersion is a macro in threaded builds).
const char *provstat_xml_parser_version(void);

/// Installs a structured error handler that drops parser diagnostics for this thread.
void provstat_xml_silence_errors(void);

/// Memory that one lean read's libxml2 allocations came from, freed whole with the document.
typedef struct provstat_arena provstat_arena;

/// Routes libxml2's allocator through provstat's functions (call once, before xmlInitParser):
/// plain malloc and free, except on a thread inside a lean read, where blocks come from its arena.
void provstat_xml_install_allocator(void);

/// Whether a lean read keeps the attribute on an element so named (lower-case): `class` and `id`
/// of the elements detection scores or may leave out, `rowspan` and `colspan` of table cells.
/// Code that reads another attribute of a detected article's page must add it here.
int provstat_lean_keeps_attribute(const char *element, const char *attribute);

/// htmlReadMemory, step for step (the same context, SAX handler, options and encoding switch),
/// except that elements keep only the attributes article detection and block collection read
/// (provstat_lean_keeps_attribute) and no `id` table is built. The tree is otherwise the same.
/// With `arena` non-NULL and the allocator installed, the document's memory comes from an arena
/// stored there (NULL when none was used): free it with provstat_arena_free, never xmlFreeDoc.
/// Such a document is read-only: nothing may free or grow its parts through libxml2 afterwards.
htmlDocPtr provstat_html_read_memory_lean(const char *buffer, int size, const char *url, const char *encoding,
                                          int options, provstat_arena **arena);

/// Frees a lean read's arena, and so its document (NULL is ignored).
void provstat_arena_free(provstat_arena *arena);

#endif
