#include "CLibXML2Shim.h"

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
