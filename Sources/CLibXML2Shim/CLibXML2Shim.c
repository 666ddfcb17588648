#include "CLibXML2Shim.h"

#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/// Whether an attribute is one the reading stage looks at (names are lower-case already in
/// HTML, compared without case all the same, as TableReader does). Code that reads another
/// attribute of a detected article's page must add its name here.
static int provstat_is_read_attribute(const xmlChar *name) {
    const char *text = (const char *)name;
    return strcasecmp(text, "class") == 0 || strcasecmp(text, "id") == 0 || strcasecmp(text, "rowspan") == 0
        || strcasecmp(text, "colspan") == 0;
}

/// xmlSAX2StartElement with the attributes nobody reads left out: building, indexing and
/// freeing them is a good part of libxml2's work on a page.
static void provstat_start_element_lean(void *context, const xmlChar *name, const xmlChar **attributes) {
    if (attributes == NULL) {
        xmlSAX2StartElement(context, name, NULL);
        return;
    }
    int total = 0;
    int kept = 0;
    while (attributes[2 * total] != NULL) {
        if (provstat_is_read_attribute(attributes[2 * total])) kept++;
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
        if (!provstat_is_read_attribute(attributes[2 * index])) continue;
        filtered[out++] = attributes[2 * index];
        filtered[out++] = attributes[2 * index + 1];
    }
    filtered[out] = NULL;
    filtered[out + 1] = NULL;
    xmlSAX2StartElement(context, name, filtered);
    if (filtered != stack) free(filtered);
}

htmlDocPtr provstat_html_read_memory_lean(const char *buffer, int size, const char *url, const char *encoding,
                                          int options) {
    // htmlReadMemory and its htmlDoRead (libxml2 2.9), with one SAX callback replaced.
    xmlInitParser();
    xmlParserCtxtPtr context = xmlCreateMemoryParserCtxt(buffer, size);
    if (context == NULL) return NULL;
    htmlDefaultSAXHandlerInit();
    if (context->sax != NULL) {
        memcpy(context->sax, &htmlDefaultSAXHandler, sizeof(xmlSAXHandlerV1));
        context->sax->startElement = provstat_start_element_lean;
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
    htmlParseDocument(context);
    htmlDocPtr document = context->myDoc;
    context->myDoc = NULL;
    if (context->dictNames && document != NULL && document->dict == context->dict) context->dict = NULL;
    xmlFreeParserCtxt(context);
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
