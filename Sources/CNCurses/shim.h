// Swift sees C functions but not C macros, and ncurses is mostly macros: colour pairs,
// attributes, mouse masks and several "functions" are #defines. Each wrapper below is a
// real function Swift can call. Everything is `static inline`, so nothing is linked twice.
#ifndef EPISCOPE_CNCURSES_SHIM_H
#define EPISCOPE_CNCURSES_SHIM_H

// Both must precede the first include, or curses.h hides cchar_t, get_wch and setcchar.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <stdio.h>

#if __has_include(<ncursesw/curses.h>)
#include <ncursesw/curses.h>
#elif __has_include(<ncurses.h>)
#include <ncurses.h>
#else
#include <curses.h>
#endif

// MARK: - Globals (imported C globals are not concurrency-safe in Swift 6, functions are)

static inline WINDOW *ep_stdscr(void) { return stdscr; }
static inline int ep_colors(void) { return COLORS; }
static inline int ep_color_pairs(void) { return COLOR_PAIRS; }
static inline int ep_err(void) { return ERR; }
static inline int ep_ok(void) { return OK; }

static inline void ep_getmaxyx(WINDOW *win, int *rows, int *columns) {
    int y, x;
    getmaxyx(win, y, x);
    *rows = y;
    *columns = x;
}

// MARK: - Attributes

static inline attr_t ep_a_normal(void) { return A_NORMAL; }
static inline attr_t ep_a_bold(void) { return A_BOLD; }
static inline attr_t ep_a_dim(void) { return A_DIM; }
static inline attr_t ep_a_reverse(void) { return A_REVERSE; }
static inline attr_t ep_a_underline(void) { return A_UNDERLINE; }
static inline attr_t ep_a_italic(void) {
#ifdef A_ITALIC
    return A_ITALIC;
#else
    return A_NORMAL;
#endif
}
static inline attr_t ep_color_pair(int pair) { return COLOR_PAIR(pair); }

// MARK: - Wide characters

/// Draws one cell: up to `count` wide characters (a base character plus combining marks),
/// an attribute set and an extended colour pair (passed through `opts`, so pairs above
/// 32767 work).
static inline int ep_mvadd_cell(WINDOW *win, int y, int x, const wchar_t *chars,
                                attr_t attrs, int pair) {
    cchar_t cell;
    int extendedPair = pair;
    if (setcchar(&cell, chars, attrs, (NCURSES_PAIRS_T)(pair > 32767 ? 0 : pair),
                 &extendedPair) == ERR) {
        return ERR;
    }
    if (wmove(win, y, x) == ERR) {
        return ERR;
    }
    return wadd_wch(win, &cell);
}

static inline int ep_get_wch(WINDOW *win, wint_t *ch) { return wget_wch(win, ch); }
static inline int ep_key_code_yes(void) { return KEY_CODE_YES; }

// MARK: - Key codes

static inline int ep_key_up(void) { return KEY_UP; }
static inline int ep_key_down(void) { return KEY_DOWN; }
static inline int ep_key_left(void) { return KEY_LEFT; }
static inline int ep_key_right(void) { return KEY_RIGHT; }
static inline int ep_key_home(void) { return KEY_HOME; }
static inline int ep_key_end(void) { return KEY_END; }
static inline int ep_key_ppage(void) { return KEY_PPAGE; }
static inline int ep_key_npage(void) { return KEY_NPAGE; }
static inline int ep_key_btab(void) { return KEY_BTAB; }
static inline int ep_key_enter(void) { return KEY_ENTER; }
static inline int ep_key_backspace(void) { return KEY_BACKSPACE; }
static inline int ep_key_dc(void) { return KEY_DC; }
static inline int ep_key_ic(void) { return KEY_IC; }
static inline int ep_key_resize(void) { return KEY_RESIZE; }
static inline int ep_key_mouse(void) { return KEY_MOUSE; }
static inline int ep_key_f0(void) { return KEY_F0; }

// MARK: - Mouse

static inline mmask_t ep_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }
static inline mmask_t ep_report_mouse_position(void) { return REPORT_MOUSE_POSITION; }
static inline mmask_t ep_button_pressed(int button) { return NCURSES_MOUSE_MASK(button, NCURSES_BUTTON_PRESSED); }
static inline mmask_t ep_button_released(int button) { return NCURSES_MOUSE_MASK(button, NCURSES_BUTTON_RELEASED); }
static inline mmask_t ep_button_clicked(int button) { return NCURSES_MOUSE_MASK(button, NCURSES_BUTTON_CLICKED); }

// MARK: - Screen setup

/// `initscr` exits the process when the terminal is unusable; `newterm` reports it instead.
static inline SCREEN *ep_newterm(void) { return newterm(NULL, stdout, stdin); }

/// Whether the current terminal can move its cursor (terminfo `cup`): without it (TERM=dumb)
/// curses draws nothing anyone can see.
static inline int ep_can_address_cursor(void) {
    const char *cup = tigetstr("cup");
    return cup != NULL && cup != (const char *)-1 && cup[0] != 0;
}

/// Raw bytes to the terminal (mouse motion tracking has no terminfo capability).
static inline void ep_write_stdout(const char *text) {
    fputs(text, stdout);
    fflush(stdout);
}

// MARK: - Locale

static inline const char *ep_codeset(void) { return nl_langinfo(CODESET); }

#endif
