#include "CLibXML2Shim.h"
#include "HTMLContext.h"

#include <libxml/globals.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlmemory.h>
#include <pthread.h>
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

// MARK: - The thread's parser context

/// A dictionary whose strings outgrow this is not kept: libxml2 limits a dictionary to 10 MB, and
/// near that limit names left from earlier pages could change what a page reads.
enum { PROVSTAT_KEPT_DICTIONARY = 64 * 1024 };

/// A thread's parser context, kept from one flat read to the next: making and freeing a context
/// and its dictionary for every page costs more than resetting one.
typedef struct provstat_context_cache {
    xmlParserCtxtPtr context;
    /// The context as xmlNewParserCtxt made it: every field goes back to this before a read.
    xmlParserCtxt fresh;
    /// The pages read with the kept context.
    int reads;
} provstat_context_cache;

static pthread_key_t provstat_cache_key;
static pthread_once_t provstat_cache_once = PTHREAD_ONCE_INIT;
static int provstat_cache_ready;

/// Frees a thread's kept context when the thread ends.
static void provstat_cache_free(void *value) {
    provstat_context_cache *cache = value;
    if (cache->context != NULL) xmlFreeParserCtxt(cache->context);
    free(cache);
}

static void provstat_cache_make_key(void) {
    provstat_cache_ready = pthread_key_create(&provstat_cache_key, provstat_cache_free) == 0;
}

/// The calling thread's cache, made on first use; NULL when memory runs out.
static provstat_context_cache *provstat_cache(void) {
    pthread_once(&provstat_cache_once, provstat_cache_make_key);
    if (!provstat_cache_ready) return NULL;
    provstat_context_cache *cache = pthread_getspecific(provstat_cache_key);
    if (cache == NULL) {
        cache = calloc(1, sizeof(provstat_context_cache));
        if (cache == NULL) return NULL;
        if (pthread_setspecific(provstat_cache_key, cache) != 0) {
            free(cache);
            return NULL;
        }
    }
    return cache;
}

/// Whether a parse left only what provstat_context_reset undoes (an HTML parse leaves no more:
/// the rest is XML's, and a context holding any of it is freed instead).
static int provstat_context_resettable(const xmlParserCtxt *context, const xmlParserCtxt *fresh) {
    return context->sax == fresh->sax && context->dict == fresh->dict && context->myDoc == NULL
           && context->version == NULL && context->encoding == NULL && context->directory == NULL
           && context->extSubURI == NULL && context->extSubSystem == NULL && context->vctxt.nodeTab == NULL
           && context->vctxt.vstateTab == NULL && context->nsTab == NULL && context->pushTab == NULL
           && context->attallocs == NULL && context->attsDefault == NULL && context->attsSpecial == NULL
           && context->freeElems == NULL && context->freeAttrs == NULL && context->catalogs == NULL
           && context->node_seq.buffer == NULL;
}

/// Brings a used context back to how xmlNewParserCtxt made it: every field as it was then (the
/// options, the charset, the counters, the error state), only the stacks' memory and the
/// dictionary kept. htmlCtxtReset does less: it leaves options set (IGNORE_ENC would stick) and
/// the charset unknown (a new context's is UTF-8, which decides how the first non-ASCII byte reads).
static void provstat_context_reset(xmlParserCtxtPtr context, const xmlParserCtxt *fresh) {
    xmlParserInputPtr input;
    while ((input = inputPop(context)) != NULL) xmlFreeInputStream(input);
    xmlResetError(&context->lastError);
    xmlParserCtxt used = *context;
    *context = *fresh;
    // The stacks are empty now; the parser may have grown them (or made the attribute one).
    context->inputTab = used.inputTab;
    context->inputMax = used.inputMax;
    context->nodeTab = used.nodeTab;
    context->nodeMax = used.nodeMax;
    context->nameTab = used.nameTab;
    context->nameMax = used.nameMax;
    context->spaceTab = used.spaceTab;
    context->spaceMax = used.spaceMax;
    context->spaceTab[0] = -1;
    context->space = &context->spaceTab[0];
    context->nodeInfoTab = used.nodeInfoTab;
    context->nodeInfoMax = used.nodeInfoMax;
    context->atts = used.atts;
    context->maxatts = used.maxatts;
}

xmlParserCtxtPtr provstat_html_context(const char *buffer, int size, const char *url, const char *encoding,
                                        int options, void (*adjust)(xmlSAXHandler *sax)) {
    // htmlReadMemory and its htmlDoRead (libxml2 2.9) up to the parse, with the SAX handler adjusted
    // and the context the thread's own, reset, rather than a new one.
    xmlInitParser();
    if (buffer == NULL || size <= 0) return NULL;  // xmlCreateMemoryParserCtxt makes no context then
    provstat_context_cache *cache = provstat_cache();
    xmlParserCtxtPtr context = cache != NULL ? cache->context : NULL;
    if (context != NULL) {
        provstat_context_reset(context, &cache->fresh);
    } else {
        context = xmlNewParserCtxt();
        if (context == NULL) return NULL;
        if (cache != NULL) {
            cache->context = context;
            cache->fresh = *context;
            cache->reads = 0;
        }
    }
    // xmlCreateMemoryParserCtxt's input: the bytes copied into a buffer the parser owns.
    xmlParserInputBufferPtr bytes = xmlParserInputBufferCreateMem(buffer, size, XML_CHAR_ENCODING_NONE);
    xmlParserInputPtr input = bytes != NULL ? xmlNewIOInputStream(context, bytes, XML_CHAR_ENCODING_NONE) : NULL;
    if (input == NULL) {
        if (bytes != NULL) xmlFreeParserInputBuffer(bytes);
        provstat_html_context_release(context);
        return NULL;
    }
    inputPush(context, input);
    htmlDefaultSAXHandlerInit();
    if (context->sax != NULL) {
        memcpy(context->sax, &htmlDefaultSAXHandler, sizeof(xmlSAXHandlerV1));
        adjust(context->sax);
    }
    htmlCtxtUseOptions(context, options);
    context->html = 1;
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

int provstat_html_context_release(xmlParserCtxtPtr context) {
    if (context->myDoc != NULL) {
        xmlFreeDoc(context->myDoc);
        context->myDoc = NULL;
    }
    context->_private = NULL;
    provstat_context_cache *cache = provstat_cache();
    size_t usage = xmlDictGetUsage(context->dict);
    if (cache != NULL && cache->context == context) {
        int reused = cache->reads > 0;
        if (usage <= PROVSTAT_KEPT_DICTIONARY && provstat_context_resettable(context, &cache->fresh)) {
            cache->reads++;
            return 1;
        }
        cache->context = NULL;
        xmlFreeParserCtxt(context);
        // Names of earlier pages counted against this one's dictionary limit: read it again.
        return !(reused && usage > PROVSTAT_KEPT_DICTIONARY);
    }
    xmlFreeParserCtxt(context);
    return 1;
}

int provstat_html_context_reads(void) {
    provstat_context_cache *cache = provstat_cache();
    return cache != NULL && cache->context != NULL ? cache->reads : 0;
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
