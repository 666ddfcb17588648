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
#include <stdint.h>
#include <stddef.h>

/// Frees memory that libxml2 allocated (xmlNodeGetContent, xmlGetProp, ...).
void provstat_xml_free(void *pointer);

/// The runtime libxml2 version (xmlParserVersion is a macro in threaded builds).
const char *provstat_xml_parser_version(void);

/// Installs a structured error handler that drops parser diagnostics for this thread.
void provstat_xml_silence_errors(void);

/// Whether a flat read keeps the attribute on an element so named (lower-case): `class` and `id`
/// of the elements detection scores or may leave out, `rowspan` and `colspan` of table cells.
/// Code that reads another attribute of a detected article's page must add it here.
int provstat_lean_keeps_attribute(const char *element, const char *attribute);

/// Whether `count` bytes are well-formed UTF-8 (Unicode table 3-7): 1 or 0, checked sixteen bytes
/// at a time; -1 when this processor lacks the instructions for it (the caller checks otherwise).
int provstat_utf8_valid(const uint8_t *bytes, size_t count);

// MARK: - Flat read

/// What a node of a flat tree is (the values of libxml2's node types where there is one).
enum {
    PROVSTAT_FLAT_DOCUMENT = 0,
    PROVSTAT_FLAT_ELEMENT = 1,
    PROVSTAT_FLAT_TEXT = 3,
    PROVSTAT_FLAT_CDATA = 4,
    /// A comment or processing instruction: content never read, but it separates texts.
    PROVSTAT_FLAT_OTHER = 8,
};

/// Which kept attribute a flat attribute is.
enum { PROVSTAT_FLAT_CLASS = 0, PROVSTAT_FLAT_ID = 1, PROVSTAT_FLAT_ROWSPAN = 2, PROVSTAT_FLAT_COLSPAN = 3 };

/// One node of a flat tree; links are node indices, -1 for none. Node 0 is the document.
typedef struct provstat_flat_node {
    int32_t parent;
    int32_t first_child;
    int32_t last_child;
    int32_t next;
    int32_t kind;
    /// An element's name: an index into the tree's names.
    uint32_t name;
    /// Text and CDATA: the offset of the content (NUL-terminated) in `text`. Elements: the index of
    /// the first attribute.
    uint32_t start;
    /// Text and CDATA: the content's byte length. Elements: how many attributes follow `start`.
    uint32_t length;
    /// Free for the reader (detection keeps a slot number here); 0 when built.
    int32_t mark;
    /// Text: bytes above 0x20 and commas in the content up to its first NUL (what detection
    /// measures), counted as the text arrives. 0 for CDATA.
    uint32_t visible;
    uint32_t commas;
    /// Text: 1 once a NUL byte ended the content as a C string (nothing after it counts).
    int32_t sealed;
} provstat_flat_node;

/// A kept attribute of an element (provstat_lean_keeps_attribute).
typedef struct provstat_flat_attribute {
    int32_t which;
    /// Offset of the NUL-terminated value in `text`, or -1 for an attribute without a value.
    int32_t value;
    uint32_t length;
} provstat_flat_attribute;

/// A page as libxml2's HTML parser reads it, laid out flat: the nodes its default SAX handler would
/// build (the same elements, texts merged the same way), with only the attributes
/// provstat_lean_keeps_attribute keeps, in the order they were made (detection breaks ties by it).
typedef struct provstat_flat_tree {
    provstat_flat_node *nodes;
    int32_t count;
    provstat_flat_attribute *attributes;
    int32_t attribute_count;
    /// Text contents and attribute values, each followed by a NUL.
    unsigned char *text;
    size_t text_length;
    /// The distinct element names, NUL-terminated, at `name_offsets` in `name_bytes`.
    char *name_bytes;
    uint32_t *name_offsets;
    int32_t name_count;
    /// The builder's: room in the buffers above, kept with them when a thread reuses the tree.
    int32_t node_capacity;
    int32_t attribute_capacity;
    size_t text_capacity;
    size_t name_bytes_length;
    size_t name_bytes_capacity;
    int32_t name_capacity;
} provstat_flat_tree;

/// Reads a page with htmlReadMemory's parser, context and options, but with SAX callbacks that
/// build a flat tree instead of libxml2's: NULL where htmlReadMemory would return no document (or
/// memory runs out); `url` is not given to the parser (it only names the document and its
/// diagnostics, which the flat tree does not keep). Free it with provstat_flat_tree_free. The tree
/// may be one this thread freed before, reset: it holds only what this read built.
provstat_flat_tree *provstat_html_read_flat(const char *buffer, int size, const char *url, const char *encoding,
                                            int options);

/// Frees a flat tree (NULL is ignored): the thread keeps one for its next read (the buffers of a
/// page, reset and reused, cost no mallocs and are warm in the cache); frees it at its exit.
void provstat_flat_tree_free(provstat_flat_tree *tree);

#endif
