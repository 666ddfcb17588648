#include "CLibXML2Shim.h"
#include "HTMLContext.h"

#include <libxml/SAX2.h>
#include <libxml/globals.h>
#include <libxml/xmlmemory.h>
#include <stdint.h>
#include <libxml/parserInternals.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/// Whether detection reads the class and id of an element so named: the containers it scores
/// and the elements it may leave out as furniture (ElementTag's `container` and `filterable`;
/// a test holds the two lists together). HTML element names are lower-case already.
static int provstat_reads_names_of(const char *element) {
    switch (element[0]) {
    case 'a': return strcmp(element, "article") == 0 || strcmp(element, "aside") == 0;
    case 'b': return strcmp(element, "body") == 0 || strcmp(element, "blockquote") == 0;
    case 'c': return strcmp(element, "center") == 0;
    case 'd': return strcmp(element, "div") == 0 || strcmp(element, "dl") == 0;
    case 'f': return strcmp(element, "font") == 0 || strcmp(element, "footer") == 0;
    case 'h': return strcmp(element, "header") == 0;
    case 'm': return strcmp(element, "main") == 0;
    case 'o': return strcmp(element, "ol") == 0;
    case 'p': return element[1] == 0;
    case 's': return strcmp(element, "section") == 0 || strcmp(element, "span") == 0;
    case 't': return strcmp(element, "td") == 0 || strcmp(element, "table") == 0;
    case 'u': return strcmp(element, "ul") == 0;
    default: return 0;
    }
}

/// Whether the element is a table cell, whose spans TableReader reads (ElementTag's `cell`).
static int provstat_is_cell(const char *element) {
    return element[0] == 't' && (element[1] == 'd' || element[1] == 'h') && element[2] == 0;
}

int provstat_lean_keeps_attribute(const char *element, const char *attribute) {
    // Attribute names compared without case, as TableReader does (HTML lower-cases them already).
    if (strcasecmp(attribute, "class") == 0 || strcasecmp(attribute, "id") == 0) {
        return provstat_reads_names_of(element);
    }
    if (strcasecmp(attribute, "rowspan") == 0 || strcasecmp(attribute, "colspan") == 0) {
        return provstat_is_cell(element);
    }
    return 0;
}

/// xmlSAX2StartElement with the attributes nobody reads left out: building, indexing and
/// freeing them is a good part of libxml2's work on a page.
static void provstat_start_element_lean(void *context, const xmlChar *name, const xmlChar **attributes) {
    if (attributes == NULL) {
        xmlSAX2StartElement(context, name, NULL);
        return;
    }
    const char *element = (const char *)name;
    int total = 0;
    int kept = 0;
    while (attributes[2 * total] != NULL) {
        if (provstat_lean_keeps_attribute(element, (const char *)attributes[2 * total])) kept++;
        total++;
    }
    if (kept == total) {
        xmlSAX2StartElement(context, name, attributes);
        return;
    }
    const xmlChar *stack[2 * 8 + 2];
    const xmlChar **filtered = kept <= 8 ? stack : malloc(sizeof(xmlChar *) * (2 * (size_t)kept + 2));
    if (filtered == NULL) {
        xmlSAX2StartElement(context, name, attributes);
        return;
    }
    int out = 0;
    for (int index = 0; index < total; index++) {
        if (!provstat_lean_keeps_attribute(element, (const char *)attributes[2 * index])) continue;
        filtered[out++] = attributes[2 * index];
        filtered[out++] = attributes[2 * index + 1];
    }
    filtered[out] = NULL;
    filtered[out + 1] = NULL;
    xmlSAX2StartElement(context, name, filtered);
    if (filtered != stack) free(filtered);
}

xmlParserCtxtPtr provstat_html_context(const char *buffer, int size, const char *url, const char *encoding,
                                        int options, void (*adjust)(xmlSAXHandler *sax)) {
    // htmlReadMemory and its htmlDoRead (libxml2 2.9) up to the parse, with the SAX handler adjusted.
    xmlInitParser();
    xmlParserCtxtPtr context = xmlCreateMemoryParserCtxt(buffer, size);
    if (context == NULL) return NULL;
    htmlDefaultSAXHandlerInit();
    if (context->sax != NULL) {
        memcpy(context->sax, &htmlDefaultSAXHandler, sizeof(xmlSAXHandlerV1));
        adjust(context->sax);
    }
    htmlCtxtUseOptions(context, options);
    context->html = 1;
    // No table of `id` values: nothing looks elements up by id in a lean document.
    context->loadsubset |= XML_SKIP_IDS;
    if (encoding != NULL) {
        xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler(encoding);
        if (handler != NULL) {
            xmlSwitchToEncoding(context, handler);
            if (context->input->encoding != NULL) xmlFree((xmlChar *)context->input->encoding);
            context->input->encoding = xmlStrdup((const xmlChar *)encoding);
        }
    }
    if (url != NULL && context->input != NULL && context->input->filename == NULL)
        context->input->filename = (char *)xmlStrdup((const xmlChar *)url);
    return context;
}

static void provstat_lean_handler(xmlSAXHandler *sax) {
    sax->startElement = provstat_start_element_lean;
}

static htmlDocPtr provstat_html_read_memory_lean_parse(const char *buffer, int size, const char *url,
                                                       const char *encoding, int options) {
    xmlParserCtxtPtr context = provstat_html_context(buffer, size, url, encoding, options, provstat_lean_handler);
    if (context == NULL) return NULL;
    htmlParseDocument(context);
    htmlDocPtr document = context->myDoc;
    context->myDoc = NULL;
    if (context->dictNames && document != NULL && document->dict == context->dict) context->dict = NULL;
    xmlFreeParserCtxt(context);
    return document;
}

// MARK: - Arena

/// One block of an arena; allocations are carved from `data` in order.
typedef struct provstat_arena_chunk {
    struct provstat_arena_chunk *next;
    size_t capacity;
    size_t used;
    /// Offset of the newest allocation's header, so that it can grow or shrink in place.
    size_t last;
    /// Whether the chunk holds one large block alone (freed for real when the block is).
    int single;
    _Alignas(16) unsigned char data[];
} provstat_arena_chunk;

struct provstat_arena {
    provstat_arena_chunk *chunks;
    /// Chunks of one large block each (the parser's copy of the input, long texts).
    provstat_arena_chunk *large;
    /// The first chunk's size: about what the tree of the page being read needs.
    size_t first;
};

/// Each allocation is preceded by its size, padded to 16 bytes so that the block stays aligned.
enum { provstat_arena_header = 16 };

/// Blocks from this size on get a chunk of their own, freed as soon as libxml2 frees them: the
/// parser's copy of the whole page must not live as long as the document.
enum { provstat_arena_large = 256 << 10 };

/// The arena that libxml2's allocations go to on this thread (only during a lean read).
static __thread provstat_arena *provstat_current_arena;

static size_t provstat_arena_round(size_t size) {
    return (size + 15) & ~(size_t)15;
}

static void *provstat_arena_take(provstat_arena *arena, size_t size) {
    if (size > SIZE_MAX / 2) return NULL;
    size_t need = provstat_arena_header + provstat_arena_round(size);
    if (need >= provstat_arena_large) {
        provstat_arena_chunk *alone = malloc(sizeof(provstat_arena_chunk) + need);
        if (alone == NULL) return NULL;
        alone->next = arena->large;
        alone->capacity = need;
        alone->used = need;
        alone->last = SIZE_MAX;
        alone->single = 1;
        arena->large = alone;
        *(size_t *)alone->data = size;
        return alone->data + provstat_arena_header;
    }
    provstat_arena_chunk *chunk = arena->chunks;
    if (chunk == NULL || chunk->capacity - chunk->used < need) {
        size_t capacity = chunk == NULL ? arena->first : chunk->capacity * 2;
        if (capacity < need) capacity = need;
        provstat_arena_chunk *fresh = malloc(sizeof(provstat_arena_chunk) + capacity);
        if (fresh == NULL) return NULL;
        fresh->next = chunk;
        fresh->capacity = capacity;
        fresh->used = 0;
        fresh->last = SIZE_MAX;
        fresh->single = 0;
        arena->chunks = fresh;
        chunk = fresh;
    }
    unsigned char *header = chunk->data + chunk->used;
    *(size_t *)header = size;
    chunk->last = chunk->used;
    chunk->used += need;
    return header + provstat_arena_header;
}

/// The chunk of `arena` that holds `pointer`, or NULL when the memory is not the arena's.
static provstat_arena_chunk *provstat_arena_chunk_of(provstat_arena *arena, const void *pointer) {
    const unsigned char *byte = pointer;
    for (provstat_arena_chunk *chunk = arena->chunks; chunk != NULL; chunk = chunk->next) {
        if (byte >= chunk->data && byte < chunk->data + chunk->capacity) return chunk;
    }
    for (provstat_arena_chunk *chunk = arena->large; chunk != NULL; chunk = chunk->next) {
        if (byte >= chunk->data && byte < chunk->data + chunk->capacity) return chunk;
    }
    return NULL;
}

/// Frees a chunk of one large block.
static void provstat_arena_drop_single(provstat_arena *arena, provstat_arena_chunk *chunk) {
    provstat_arena_chunk **link = &arena->large;
    while (*link != NULL && *link != chunk) link = &(*link)->next;
    if (*link == chunk) *link = chunk->next;
    free(chunk);
}

static void *provstat_arena_malloc(size_t size) {
    provstat_arena *arena = provstat_current_arena;
    return arena == NULL ? malloc(size) : provstat_arena_take(arena, size);
}

static void provstat_arena_release(void *pointer) {
    if (pointer == NULL) return;
    provstat_arena *arena = provstat_current_arena;
    provstat_arena_chunk *chunk = arena == NULL ? NULL : provstat_arena_chunk_of(arena, pointer);
    if (chunk == NULL) {
        free(pointer);
        return;
    }
    if (chunk->single) {
        provstat_arena_drop_single(arena, chunk);
        return;
    }
    // Arena memory goes with the document; only the newest block is taken back at once.
    if (chunk->last != SIZE_MAX && (unsigned char *)pointer == chunk->data + chunk->last + provstat_arena_header) {
        chunk->used = chunk->last;
        chunk->last = SIZE_MAX;
    }
}

static void *provstat_arena_realloc(void *pointer, size_t size) {
    if (pointer == NULL) return provstat_arena_malloc(size);
    provstat_arena *arena = provstat_current_arena;
    provstat_arena_chunk *chunk = arena == NULL ? NULL : provstat_arena_chunk_of(arena, pointer);
    if (chunk == NULL) return realloc(pointer, size);
    if (size > SIZE_MAX / 2) return NULL;
    size_t old = *(size_t *)((unsigned char *)pointer - provstat_arena_header);
    // The newest block grows in place while its chunk has room (libxml2 appends text this way).
    if (chunk->last != SIZE_MAX && (unsigned char *)pointer == chunk->data + chunk->last + provstat_arena_header
        && chunk->capacity - chunk->last >= provstat_arena_header + provstat_arena_round(size)) {
        *(size_t *)((unsigned char *)pointer - provstat_arena_header) = size;
        chunk->used = chunk->last + provstat_arena_header + provstat_arena_round(size);
        return pointer;
    }
    void *fresh = provstat_arena_take(arena, size);
    if (fresh != NULL) memcpy(fresh, pointer, old < size ? old : size);
    if (fresh != NULL && chunk->single) provstat_arena_drop_single(arena, chunk);
    return fresh;
}

static char *provstat_arena_strdup(const char *text) {
    provstat_arena *arena = provstat_current_arena;
    if (arena == NULL) return strdup(text);
    size_t length = strlen(text) + 1;
    char *copy = provstat_arena_take(arena, length);
    if (copy != NULL) memcpy(copy, text, length);
    return copy;
}

void provstat_xml_install_allocator(void) {
    xmlMemSetup(provstat_arena_release, provstat_arena_malloc, provstat_arena_realloc, provstat_arena_strdup);
}

void provstat_arena_free(provstat_arena *arena) {
    if (arena == NULL) return;
    for (int list = 0; list < 2; list++) {
        provstat_arena_chunk *chunk = list == 0 ? arena->chunks : arena->large;
        while (chunk != NULL) {
            provstat_arena_chunk *next = chunk->next;
            free(chunk);
            chunk = next;
        }
    }
    free(arena);
}

// MARK: - Lean read

htmlDocPtr provstat_html_read_memory_lean(const char *buffer, int size, const char *url, const char *encoding,
                                          int options, provstat_arena **arena) {
    // With the arena, every block libxml2 allocates for this read comes from one arena, which
    // is dropped whole instead of freeing the tree node by node. Only when the allocator is
    // installed (xmlMalloc is process-wide in libxml2 builds without thread-local allocators).
    provstat_arena *own = NULL;
    if (arena != NULL) {
        *arena = NULL;
        if (xmlMalloc == provstat_arena_malloc && xmlFree == provstat_arena_release && provstat_current_arena == NULL) {
            own = calloc(1, sizeof(provstat_arena));
            if (own != NULL) own->first = size > (16 << 10) ? 4 * (size_t)size : (size_t)64 << 10;
        }
    }
    provstat_current_arena = own;
    htmlDocPtr document = provstat_html_read_memory_lean_parse(buffer, size, url, encoding, options);
    // The thread's last error holds copies made in the arena: cleared while they are still valid.
    if (own != NULL) xmlResetLastError();
    provstat_current_arena = NULL;
    if (own != NULL) {
        if (document == NULL) {
            provstat_arena_free(own);
        } else {
            *arena = own;
        }
    }
    return document;
}

static void provstat_xml_ignore_error(void *context, xmlErrorPtr error) {
    (void)context;
    (void)error;
}

void provstat_xml_free(void *pointer) {
    xmlFree(pointer);
}

void provstat_xml_silence_errors(void) {
    xmlSetStructuredErrorFunc(NULL, provstat_xml_ignore_error);
}

const char *provstat_xml_parser_version(void) {
    return xmlParserVersion;
}
