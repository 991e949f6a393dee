// The parts of libxml2 that LiveBlogHTML uses: the forgiving HTML parser and its tree.
// libxml2's headers include each other as <libxml/...>, so targets importing this module add
// -I/usr/include/libxml2 (see Package.swift); Debian's libxml2-dev puts them there.
#ifndef LIVEBLOG_CLIBXML2_SHIM_H
#define LIVEBLOG_CLIBXML2_SHIM_H
// Debian builds libxml2 with ICU, whose headers clash with the copy of ICU inside Foundation; nothing here
// uses libxml2's ICU converters (iconv does the conversions), so its ICU part is switched off before the rest.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/encoding.h>

// libxml2 prints some errors (encoding errors among them) through its generic error function, on stderr, even
// with HTML_PARSE_NOERROR; these drop them. Variadic, so written in C. Per thread in a threaded libxml2.
static void liveblog_xml_silent(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

static inline void liveblog_xml_silence_generic_errors(void) {
    xmlSetGenericErrorFunc(NULL, liveblog_xml_silent);
}

// A parse builds a tree about ten times the page and frees it; glibc keeps freed memory in the arena of the
// thread that freed it. After a large page the memory is handed back (every arena, since glibc 2.8).
#include <malloc.h>
static inline void liveblog_release_free_memory(void) {
    malloc_trim(0);
}
#endif
