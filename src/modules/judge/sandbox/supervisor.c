/*
 * The judge's supervisor: runs inside the bubblewrap sandbox, applies the rlimits to the candidate's
 * program, enforces the wall clock, and reports what the program cost on file descriptor 3.
 * One exec instead of prlimit + /usr/bin/time, with microsecond figures (the judge's overhead
 * budget per test case is a few milliseconds).
 *
 * usage: supervisor WALL_MS CPU_S AS_BYTES NPROC FSIZE_BYTES NOFILE -- /abs/program args...
 * fd 3 receives one line: exit=N signal=N cpu_us=N wall_us=N maxrss_kb=N timeout=0|1
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile pid_t child = 0;
static volatile sig_atomic_t timed_out = 0;

static void on_alarm(int sig) {
  (void)sig;
  timed_out = 1;
  if (child > 0) {
    kill(-child, SIGKILL);
    kill(child, SIGKILL);
  }
}

static long long arg(const char *text) {
  char *end = NULL;
  long long value = strtoll(text, &end, 10);
  if (!end || *end != '\0' || value < 0) {
    dprintf(2, "supervisor: bad number %s\n", text);
    _exit(120);
  }
  return value;
}

static void limit(int resource, long long value) {
  struct rlimit rl = {(rlim_t)value, (rlim_t)value};
  if (setrlimit(resource, &rl) != 0) {
    dprintf(2, "supervisor: setrlimit %d: %s\n", resource, strerror(errno));
    _exit(121);
  }
}

static long long micros(struct timeval tv) { return (long long)tv.tv_sec * 1000000LL + tv.tv_usec; }

int main(int argc, char **argv) {
  if (argc < 9 || strcmp(argv[7], "--") != 0) {
    dprintf(2, "usage: supervisor WALL_MS CPU_S AS NPROC FSIZE NOFILE -- program args...\n");
    return 120;
  }
  long long wall_ms = arg(argv[1]), cpu_s = arg(argv[2]), as = arg(argv[3]);
  long long nproc = arg(argv[4]), fsize = arg(argv[5]), nofile = arg(argv[6]);

  /* The report channel must not leak into the program, and same-uid processes must not open it via /proc. */
  fcntl(3, F_SETFD, FD_CLOEXEC);
  prctl(PR_SET_DUMPABLE, 0);

  struct timespec start, end;
  clock_gettime(CLOCK_MONOTONIC, &start);
  pid_t pid = fork();
  if (pid < 0) {
    dprintf(2, "supervisor: fork: %s\n", strerror(errno));
    return 122;
  }
  if (pid == 0) {
    setpgid(0, 0);
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (cpu_s > 0) {
      /* Soft limit first (SIGXCPU), hard one second later (SIGKILL) for programs that catch it. */
      struct rlimit rl = {(rlim_t)cpu_s, (rlim_t)cpu_s + 1};
      setrlimit(RLIMIT_CPU, &rl);
    }
    if (as > 0) limit(RLIMIT_AS, as);
    limit(RLIMIT_NPROC, nproc);
    limit(RLIMIT_FSIZE, fsize);
    limit(RLIMIT_NOFILE, nofile);
    limit(RLIMIT_CORE, 0);
    signal(SIGPIPE, SIG_DFL);
    execv(argv[8], &argv[8]);
    dprintf(2, "supervisor: exec %s: %s\n", argv[8], strerror(errno));
    _exit(127);
  }
  child = pid;
  setpgid(pid, pid);

  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_alarm;
  sigaction(SIGALRM, &sa, NULL);
  struct itimerval timer = {{0, 0}, {wall_ms / 1000, (wall_ms % 1000) * 1000}};
  setitimer(ITIMER_REAL, &timer, NULL);

  int status = 0;
  struct rusage ru;
  memset(&ru, 0, sizeof ru);
  while (wait4(pid, &status, 0, &ru) < 0) {
    if (errno != EINTR) break;
  }
  clock_gettime(CLOCK_MONOTONIC, &end);
  struct itimerval off = {{0, 0}, {0, 0}};
  setitimer(ITIMER_REAL, &off, NULL);

  /* Whatever the program left behind (daemons, fork-bomb children) dies with it. */
  kill(-pid, SIGKILL);
  kill(-1, SIGKILL);

  long long wall_us = (long long)(end.tv_sec - start.tv_sec) * 1000000LL + (end.tv_nsec - start.tv_nsec) / 1000;
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  int sig = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  dprintf(3, "exit=%d signal=%d cpu_us=%lld wall_us=%lld maxrss_kb=%ld timeout=%d\n", code, sig,
          micros(ru.ru_utime) + micros(ru.ru_stime), wall_us, ru.ru_maxrss, (int)timed_out);
  return 0;
}
