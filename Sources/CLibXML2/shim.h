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

/// Parses `size` bytes of HTML as `htmlCtxtReadMemory` does (same context reset, options and
/// `encoding`), but sends the parse events to `handler` with `userData` instead of building a tree.
/// A callback may stop the parse with `xmlStopParser(ctxt)`.
static inline void minutes_htmlSAXParseMemory(htmlParserCtxtPtr ctxt, const char *buffer, int size,
                                              const char *encoding, int options,
                                              const htmlSAXHandler *handler, void *userData) {
    if (ctxt == NULL || ctxt->sax == NULL || handler == NULL) return;
    *ctxt->sax = *handler;
    ctxt->userData = userData;
    /* No startDocument handler builds a document, so none comes back; free one all the same. */
    htmlDocPtr doc = htmlCtxtReadMemory(ctxt, buffer, size, NULL, encoding, options);
    if (doc != NULL) xmlFreeDoc(doc);
}

/// Silences libxml2's default error printing (it writes to stderr otherwise).
static void minutes_xml_silent_error(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static void minutes_xml_silent_structured(void *ctx, xmlErrorPtr err) { (void)ctx; (void)err; }
static inline void minutes_xml_silence_errors(void) {
    xmlSetGenericErrorFunc(NULL, minutes_xml_silent_error);
    xmlSetStructuredErrorFunc(NULL, minutes_xml_silent_structured);
}

#endif
