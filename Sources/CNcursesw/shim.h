#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H
/* Without this, curses.h hides the wide-character API when SwiftPM drops pkg-config's -D flags. */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <wchar.h>
#include <signal.h>
#include <stdio.h>
#include <ncursesw/ncurses.h>

extern int wcwidth(wchar_t c);

/* Macros and globals that Swift cannot import (or that Swift 6 rejects as not concurrency-safe). */
static inline WINDOW *cn_stdscr(void) { return stdscr; }
static const attr_t CN_A_NORMAL = A_NORMAL;
static const attr_t CN_A_BOLD = A_BOLD;
static const attr_t CN_A_REVERSE = A_REVERSE;
static const attr_t CN_A_UNDERLINE = A_UNDERLINE;
static const attr_t CN_A_DIM = A_DIM;
static const mmask_t CN_BUTTON1_CLICKED = BUTTON1_CLICKED;
static const mmask_t CN_BUTTON1_PRESSED = BUTTON1_PRESSED;
static const mmask_t CN_BUTTON4_PRESSED = BUTTON4_PRESSED;
static const mmask_t CN_BUTTON5_PRESSED = BUTTON5_PRESSED;
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }
static inline int cn_colors(void) { return COLORS; }
#endif
