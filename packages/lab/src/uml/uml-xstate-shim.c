/*
 * Preloaded into linux.uml (LD_PRELOAD) on hosts whose CPU state is larger than User-Mode Linux expects.
 *
 * UML saves and restores a guest process's FPU/vector state with ptrace(PTRACE_GETREGSET / PTRACE_SETREGSET,
 * NT_X86_XSTATE) using a buffer of a size fixed when UML was built. The host kernel accepts a short buffer for GET
 * (it truncates) but requires SET to pass exactly the host's full XSAVE size, and fails with EFAULT otherwise. On CPUs
 * with AMX (Intel Sapphire Rapids and later) the full size is about 11 KiB, more than UML 6.1 and 6.12 pass, so the
 * guest's first process dies with "userspace - ptrace set fp regs failed, errno = 14" and the guest kernel panics.
 *
 * This wrapper makes a short SET whole: it reads the process's current full state, lays UML's bytes over the start
 * of it, and sets the full buffer. The components beyond UML's buffer (the AMX tiles, which a guest never enables)
 * keep the values they have. Every other ptrace call passes through unchanged.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <elf.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/types.h>
#include <sys/uio.h>

typedef long (*ptrace_fn)(int, pid_t, void *, void *);

/* Larger than any XSAVE area an x86 CPU defines today (AMX brings it to about 11 KiB). */
#define FULL_STATE_MAX (64 * 1024)

long ptrace(enum __ptrace_request request, ...) {
  static ptrace_fn real;
  if (!real) real = (ptrace_fn)dlsym(RTLD_NEXT, "ptrace");
  va_list ap;
  va_start(ap, request);
  pid_t pid = va_arg(ap, pid_t);
  void *addr = va_arg(ap, void *);
  void *data = va_arg(ap, void *);
  va_end(ap);
  if (request == PTRACE_SETREGSET && (long)addr == NT_X86_XSTATE && data != NULL) {
    /* Heap, not a static or thread-local buffer: a large TLS block in a preloaded library breaks thread creation. */
    unsigned char *full_state = aligned_alloc(64, FULL_STATE_MAX);
    struct iovec *given = data;
    struct iovec whole = {full_state, FULL_STATE_MAX};
    int saved = errno;
    if (full_state && real(PTRACE_GETREGSET, pid, addr, &whole) == 0 && whole.iov_len > given->iov_len) {
      memcpy(full_state, given->iov_base, given->iov_len);
      errno = saved;
      long result = real(request, pid, addr, &whole);
      int set_errno = errno;
      free(full_state);
      errno = set_errno;
      return result;
    }
    free(full_state);
    errno = saved;
  }
  return real(request, pid, addr, data);
}
