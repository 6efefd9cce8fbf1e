#ifndef MINUTES_CLIBXML2_SHIM_H
#define MINUTES_CLIBXML2_SHIM_H

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>
#include <libxml/parser.h>

/// `xmlFree` is a global function pointer, which Swift 6 cannot call safely.
static inline void minutes_xmlFree(void *ptr) { xmlFree(ptr); }

/// Silences libxml2's default error printing (it writes to stderr otherwise).
static void minutes_xml_silent_error(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static void minutes_xml_silent_structured(void *ctx, xmlErrorPtr err) { (void)ctx; (void)err; }
static inline void minutes_xml_silence_errors(void) {
    xmlSetGenericErrorFunc(NULL, minutes_xml_silent_error);
    xmlSetStructuredErrorFunc(NULL, minutes_xml_silent_structured);
}

#endif
