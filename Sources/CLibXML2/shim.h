// libxml2's HTML and XML parsers and tree, for BylineWeb (the only target that imports it).
#ifndef BYLINE_CLIBXML2_SHIM_H
#define BYLINE_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, whose headers clash with the copy of ICU inside Swift's
// Foundation. Byline never touches libxml2's ICU converters (it hands the parser UTF-8 or an
// iconv charset name), and they only appear behind a pointer in the encoding handler, so the
// ICU declarations are left out.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/// Swallows libxml2's messages (variadic, which Swift cannot define).
static void byline_xml_ignore_message(void *context, const char *message, ...) {
  (void)context;
  (void)message;
}

/// Stops libxml2 printing parse and encoding errors on standard error, for the calling
/// thread (libxml2 keeps its error handlers per thread). Byline reads broken pages on
/// purpose; what it cannot read it reports itself, on one line.
static inline void byline_xml_silence(void) {
  xmlSetGenericErrorFunc(NULL, byline_xml_ignore_message);
  xmlSetStructuredErrorFunc(NULL, NULL);
}
#endif
