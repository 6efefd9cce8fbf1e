#ifndef MINUTES_CLIBXML2_SHIM_H
#define MINUTES_CLIBXML2_SHIM_H

/* libxml2 is built with ICU, and encoding.h would pull in the system <unicode/ucnv.h>, whose
   enums clash with Foundation's bundled ICU (_FoundationICU) in any file importing both.
   Nothing here touches the ICU fields of xmlCharEncodingHandler, so hide them. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>
#include <libxml/parser.h>

/// `xmlFree` is a global function pointer, which Swift 6 cannot call safely.
static inline void minutes_xmlFree(void *ptr) { xmlFree(ptr); }

/// `xmlGetProp` with a C-string name; free the result with `minutes_xmlFree`.
static inline xmlChar *minutes_xmlGetProp(xmlNodePtr node, const char *name) {
    return xmlGetProp(node, (const xmlChar *)name);
}

/// Whether `node` carries the attribute `name` (value or not).
static inline int minutes_xmlHasProp(xmlNodePtr node, const char *name) {
    return xmlHasProp(node, (const xmlChar *)name) != NULL;
}

/// Silences libxml2's default error printing (it writes to stderr otherwise).
static void minutes_xml_silent_error(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static void minutes_xml_silent_structured(void *ctx, xmlErrorPtr err) { (void)ctx; (void)err; }
static inline void minutes_xml_silence_errors(void) {
    xmlSetGenericErrorFunc(NULL, minutes_xml_silent_error);
    xmlSetStructuredErrorFunc(NULL, minutes_xml_silent_structured);
}

#endif
