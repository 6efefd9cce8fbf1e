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
#include <libxml/parserInternals.h>
#include <string.h>

/// Parses `size` bytes of UTF-8 HTML (with `buffer[size] == 0`) as
/// `htmlCtxtReadMemory(ctxt, buffer, size, NULL, "UTF-8", options)` does, but sends the parse events
/// to `handler` with `userData` instead of building a tree, and reads `buffer` where it is.
/// htmlCtxtReadMemory copies the input and then "converts" it from UTF-8 to UTF-8 into a buffer
/// twice its size (2.2x the input at its peak); the parser sees the same bytes either way: the
/// UTF-8 handler's leading byte order mark is skipped here, `input->encoding` is set as
/// htmlCtxtReadMemory sets it (so `<meta charset>` is ignored alike), and the parser reads UTF-8.
/// Input read differently in place (a NUL byte, which ends a string input, or a start libxml2
/// detects as another encoding) takes htmlCtxtReadMemory itself. A callback may stop the parse with
/// `xmlStopParser(ctxt)`.
static inline void minutes_htmlSAXParseUTF8(htmlParserCtxtPtr ctxt, const char *buffer, int size, int options,
                                            const htmlSAXHandler *handler, void *userData) {
    if (ctxt == NULL || ctxt->sax == NULL || handler == NULL || buffer == NULL || size < 0) return;
    *ctxt->sax = *handler;
    ctxt->userData = userData;
    const unsigned char *bytes = (const unsigned char *)buffer;
    int bom = (size >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) ? 3 : 0;
    xmlCharEncoding detected = size - bom >= 4 ? xmlDetectCharEncoding(bytes + bom, 4) : XML_CHAR_ENCODING_NONE;
    if (memchr(buffer, 0, (size_t)size) != NULL
        || (detected != XML_CHAR_ENCODING_NONE && detected != XML_CHAR_ENCODING_UTF8)) {
        htmlDocPtr doc = htmlCtxtReadMemory(ctxt, buffer, size, NULL, "UTF-8", options);
        if (doc != NULL) xmlFreeDoc(doc);
        return;
    }
    xmlInitParser();
    htmlCtxtReset(ctxt);
    xmlParserInputPtr stream = xmlNewStringInputStream(ctxt, (const xmlChar *)buffer);
    if (stream == NULL) return;
    if (inputPush(ctxt, stream) < 0) { xmlFreeInputStream(stream); return; }
    htmlCtxtUseOptions(ctxt, options);
    ctxt->html = 1;
    ctxt->input->cur += bom;
    ctxt->charset = XML_CHAR_ENCODING_UTF8;
    if (ctxt->input->encoding != NULL) xmlFree((xmlChar *)ctxt->input->encoding);
    ctxt->input->encoding = xmlStrdup((const xmlChar *)"UTF-8");
    htmlParseDocument(ctxt);
    /* No startDocument handler builds a document; free one all the same. */
    if (ctxt->myDoc != NULL) { xmlFreeDoc(ctxt->myDoc); ctxt->myDoc = NULL; }
}

/// Silences libxml2's default error printing (it writes to stderr otherwise).
static void minutes_xml_silent_error(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static void minutes_xml_silent_structured(void *ctx, xmlErrorPtr err) { (void)ctx; (void)err; }
static inline void minutes_xml_silence_errors(void) {
    xmlSetGenericErrorFunc(NULL, minutes_xml_silent_error);
    xmlSetStructuredErrorFunc(NULL, minutes_xml_silent_structured);
}

#endif
