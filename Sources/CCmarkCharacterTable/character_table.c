// cmark-gfm keeps the characters that open an extension's inlines (autolink's ':' and 'w', strikethrough's '~')
// in one process-wide table. `cmark_parser_finish` adds the attached extensions' characters before its inline
// pass and takes them out after it (newer releases do the same around each table row they parse while text is
// fed), so a parse on another thread could lose them in mid-pass and miss an autolink or a strikethrough.
//
// This file defines the function that does both, in the executable: the dynamic linker then binds the
// library's calls (through its PLT, and from the extensions library) to this definition. Adding goes to the
// library's own function (found with dlsym(RTLD_NEXT)); taking out is skipped. Every parser in this process
// attaches the same extensions (MarkdownReader.syntaxExtensions), so the table only ever holds the characters
// any inline pass here would add; only inline passes read it. The table then never changes under a parse, and
// parses can run on several threads at once. MarkdownCharacterTable (Swift) checks that this definition is the
// one called, with one parse under a lock, before it lets parses run without the lock.

#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include "cmark_character_table.h"

typedef void (*manage_characters)(cmark_parser *parser, int add);

static manage_characters library_manage;
static pthread_once_t library_manage_found = PTHREAD_ONCE_INIT;
static atomic_ulong kept_removals;

static void find_library_manage(void) {
    library_manage = (manage_characters)dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters");
}

void cmark_manage_extensions_special_characters(cmark_parser *parser, int add) {
    if (!add) {
        atomic_fetch_add_explicit(&kept_removals, 1, memory_order_relaxed);
        return;
    }
    pthread_once(&library_manage_found, find_library_manage);
    if (library_manage == NULL) {
        // Only a dynamically linked cmark-gfm calls this definition, and then the library's own one is next in
        // line; without it no inline pass could see the extensions' characters.
        fputs("minutes: cmark-gfm's cmark_manage_extensions_special_characters not found (dlsym)\n", stderr);
        abort();
    }
    library_manage(parser, add);
}

unsigned long minutes_cmark_kept_removals(void) {
    return atomic_load_explicit(&kept_removals, memory_order_relaxed);
}
