/* Byline's window onto ncursesw: the wide-character API, plus static inline wrappers for the
   macros and global variables Swift cannot import (or, in Swift 6, cannot touch safely). */
#ifndef BYLINE_CNCURSESW_SHIM_H
#define BYLINE_CNCURSESW_SHIM_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1 /* declares cchar_t, get_wch, setcchar, mvadd_wch */
#endif
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>

extern int wcwidth(wchar_t c); /* glibc hides it behind _XOPEN_SOURCE */
static inline WINDOW *nc_stdscr(void) { return stdscr; }
static inline SCREEN *nc_newterm_stdio(void) { return newterm(NULL, stdout, stdin); }
static inline int nc_colors(void) { return COLORS; }
static inline int nc_color_pairs(void) { return COLOR_PAIRS; }
static inline void nc_getmaxyx(WINDOW *w, int *y, int *x) { getmaxyx(w, *y, *x); }
static inline int nc_key_f(int n) { return KEY_F(n); }
static inline mmask_t nc_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t nc_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline mmask_t nc_wheel_mask(void) { return BUTTON4_PRESSED | BUTTON5_PRESSED; }
static inline attr_t nc_a_normal(void) { return A_NORMAL; }
static inline attr_t nc_a_bold(void) { return A_BOLD; }
static inline attr_t nc_a_underline(void) { return A_UNDERLINE; }
static inline attr_t nc_a_reverse(void) { return A_REVERSE; }
static inline attr_t nc_a_dim(void) { return A_DIM; }
static inline attr_t nc_a_italic(void) { return A_ITALIC; }
static inline const char *nc_codeset(void) { return nl_langinfo(CODESET); }
static inline void nc_stderr_write(const char *message) { fputs(message, stderr); fflush(stderr); }

/* Draws one grapheme (up to 8 scalars, NUL-terminated) with attributes and an extended pair. */
static inline int nc_put_cell(int y, int x, const wchar_t *text, attr_t attrs, int pair) {
  cchar_t cell;
  if (setcchar(&cell, text, attrs, (short)(pair & 0x7fff), &pair) != OK) return ERR;
  return mvadd_wch(y, x, &cell);
}

/* Sets pair `pair` to (fg, bg); -1 is the terminal's default colour. */
static inline int nc_init_pair(int pair, int fg, int bg) { return init_extended_pair(pair, fg, bg); }

#endif
