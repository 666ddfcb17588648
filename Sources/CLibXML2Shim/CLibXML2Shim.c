#include "CLibXML2Shim.h"
#include "HTMLContext.h"

#include <libxml/globals.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlmemory.h>
#include <string.h>
#include <strings.h>

/// Whether detection reads the class and id of an element so named: the containers it scores
/// and the elements it may leave out as furniture (ElementTag's `container` and `filterable`;
/// a test holds the two lists together). HTML element names are lower-case already.
int provstat_reads_names_of(const char *element) {
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
int provstat_is_cell(const char *element) {
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
