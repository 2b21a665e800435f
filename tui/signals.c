/* signals.c - the signal policy of the full-screen programs (see signals.h).
 * The handlers do their whole job themselves with async-signal-safe calls
 * (write, tcsetattr, _exit, raise), so a signal works the same during
 * curses start-up, a slow PIN hash or a database wait as between keys. The
 * bytes they write are prepared beforehand; these are the file's only
 * mutables, since a handler can reach nothing else. */
#define _POSIX_C_SOURCE 200809L
#include "signals.h"
#include "../core/array.h"

#include <curses.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <term.h>
#include <termios.h>
#include <unistd.h>

enum sig_act {
	ACT_KEEP,   /* as it was: the default, or what curses installs */
	ACT_IGNORE, /* nothing happens */
	ACT_END,    /* wipe the screen, restore the terminal, exit 0 */
	ACT_CRASH,  /* wipe the screen, restore the terminal, die of the signal */
	ACT_RESIZE, /* note it for termsize_follow */
};

struct sig_rule {
	int sig;
	enum sig_act kiosk, coordinator;
};

/* Signals not listed: ACT_END at the kiosk (every other catchable signal
 * ends a process by default), ACT_KEEP for the coordinator. */
static const struct sig_rule rules[] = {
    {.sig = SIGHUP, .kiosk = ACT_END, .coordinator = ACT_END},
    {.sig = SIGTERM, .kiosk = ACT_END, .coordinator = ACT_END},
    {.sig = SIGWINCH, .kiosk = ACT_RESIZE, .coordinator = ACT_RESIZE},
    {.sig = SIGINT, .kiosk = ACT_IGNORE, .coordinator = ACT_KEEP},
    {.sig = SIGQUIT, .kiosk = ACT_IGNORE, .coordinator = ACT_KEEP},
    {.sig = SIGTSTP, .kiosk = ACT_IGNORE, .coordinator = ACT_KEEP},
    {.sig = SIGTTIN, .kiosk = ACT_IGNORE, .coordinator = ACT_KEEP},
    {.sig = SIGTTOU, .kiosk = ACT_IGNORE, .coordinator = ACT_KEEP},
    {.sig = SIGPIPE, .kiosk = ACT_IGNORE, .coordinator = ACT_KEEP},
    {.sig = SIGCHLD, .kiosk = ACT_KEEP, .coordinator = ACT_KEEP},
    {.sig = SIGURG, .kiosk = ACT_KEEP, .coordinator = ACT_KEEP},
    {.sig = SIGCONT, .kiosk = ACT_KEEP, .coordinator = ACT_KEEP},
    {.sig = SIGSEGV, .kiosk = ACT_CRASH, .coordinator = ACT_KEEP},
    {.sig = SIGBUS, .kiosk = ACT_CRASH, .coordinator = ACT_KEEP},
    {.sig = SIGABRT, .kiosk = ACT_CRASH, .coordinator = ACT_KEEP},
    {.sig = SIGFPE, .kiosk = ACT_CRASH, .coordinator = ACT_KEEP},
    {.sig = SIGILL, .kiosk = ACT_CRASH, .coordinator = ACT_KEEP},
};

#define WIPE_MAX 512

static char wipe_bytes[WIPE_MAX];
static size_t wipe_len;
static volatile sig_atomic_t armed;
static struct termios shell_modes;
static volatile sig_atomic_t have_modes;
static volatile sig_atomic_t resized;

/* Clear the screen and give the terminal back, never blocking: a stalled
 * connection must not keep the process alive. */
static void wipe(void)
{
	if (armed) {
		int fl = fcntl(STDOUT_FILENO, F_GETFL);
		if (fl >= 0)
			fcntl(STDOUT_FILENO, F_SETFL, fl | O_NONBLOCK);
		ssize_t w = write(STDOUT_FILENO, wipe_bytes, wipe_len);
		(void)w;
	}
	if (have_modes)
		tcsetattr(STDIN_FILENO, TCSANOW, &shell_modes);
}

static void on_end(int sig)
{
	wipe();
	_exit(0);
}

static void on_crash(int sig)
{
	struct sigaction sa;
	wipe();
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
	raise(sig); /* blocked until this handler returns, then the default action */
}

static void on_resize(int sig)
{
	resized = 1;
}

static enum sig_act act_for(int sig, enum signals_policy policy)
{
	for (size_t i = 0; i < ARRAY_LEN(rules); i++)
		if (rules[i].sig == sig)
			return policy == SIGNALS_KIOSK ? rules[i].kiosk : rules[i].coordinator;
	return policy == SIGNALS_KIOSK ? ACT_END : ACT_KEEP;
}

static void install_one(int sig, enum sig_act act)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sigfillset(&sa.sa_mask); /* one handler at a time */
	switch (act) {
	case ACT_KEEP:
		return;
	case ACT_IGNORE:
		sa.sa_handler = SIG_IGN;
		break;
	case ACT_END:
		sa.sa_handler = on_end;
		break;
	case ACT_CRASH:
		sa.sa_handler = on_crash;
		break;
	case ACT_RESIZE:
		sigemptyset(&sa.sa_mask);
		sa.sa_handler = on_resize; /* no SA_RESTART: a waiting read returns */
		break;
	}
	sigaction(sig, &sa, NULL); /* fails harmlessly for the C library's own */
}

void signals_install(enum signals_policy policy)
{
	if (isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &shell_modes) == 0)
		have_modes = 1;
	for (int sig = 1; sig <= SIGRTMAX; sig++)
		if (sig != SIGKILL && sig != SIGSTOP)
			install_one(sig, act_for(sig, policy));
}

static int wipe_putc(int ch)
{
	if (wipe_len < WIPE_MAX)
		wipe_bytes[wipe_len++] = (char)ch;
	return ch;
}

/* A terminfo string, its padding worked out by tputs; false when the
 * terminal has none. */
static bool wipe_add(const char *capname)
{
	char *s = tigetstr(capname);
	if (!s || s == (char *)-1)
		return false;
	tputs(s, 1, wipe_putc);
	return true;
}

void signals_arm(void)
{
	static const char ansi_clear[] = "\033[H\033[2J";
	armed = 0;
	wipe_len = 0;
	wipe_add("sgr0"); /* plain attributes */
	if (!wipe_add("clear"))
		for (const char *p = ansi_clear; *p; p++)
			wipe_putc(*p);
	wipe_add("cnorm"); /* the cursor shows again */
	wipe_add("rmkx");  /* keypad back to normal */
	wipe_add("rmcup"); /* out of the full-screen mode */
	armed = 1;
}

bool signals_take_resize(void)
{
	if (!resized)
		return false;
	resized = 0;
	return true;
}
