#ifndef MINUTES_CMARK_CHARACTER_TABLE_H
#define MINUTES_CMARK_CHARACTER_TABLE_H

/// How many times cmark-gfm asked, through this process's override of
/// `cmark_manage_extensions_special_characters`, to take the extensions' inline characters out of its
/// process-wide table, and was not obeyed (see character_table.c). Zero while no parse has finished, or
/// when the override is not the definition cmark-gfm calls (a static link): parses must then be serialised.
unsigned long minutes_cmark_kept_removals(void);

#endif
