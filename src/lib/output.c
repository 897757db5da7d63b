/* output.c: atomic file output: a temporary file beside the target, fsync, then rename. */
#define _GNU_SOURCE /* mkostemp */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"

/* Report message M (with strerror(ERR) when it takes one) about PATH. */
static int
S_err(secannex_diags *d, const char *path, enum sx_msg m, int err)
{
	sx_diag(d, m, path, 0, strerror(err));
	return SECANNEX_EIO;
}

/* The process umask, read from /proc/self/status (Linux 4.7 and later) without calling umask(),
 * which is process-wide (a race for any threaded caller); 077 when it cannot be read: a new
 * file is then private rather than more open than the user asked. */
static mode_t
S_umask(void)
{
	char buf[4096], *p;
	ssize_t n = 0, r;
	int fd = open("/proc/self/status", O_RDONLY | O_CLOEXEC);
	unsigned long m;

	if (fd < 0)
		return 077;
	while (n < (ssize_t)sizeof(buf) - 1 && (r = read(fd, buf + n, sizeof(buf) - 1 - (size_t)n)) != 0) {
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			break;
		n += r;
	}
	close(fd);
	buf[n] = '\0';
	if ((p = strstr(buf, "\nUmask:")) == NULL)
		return 077;
	errno = 0;
	m = strtoul(p + 8, NULL, 8);
	return errno || m > 0777 ? 077 : (mode_t)m;
}

/* Create a new temporary file beside PATH (".NAME.XXXXXX": mkostemp(), O_EXCL and O_CLOEXEC, mode
 * 0600; S_commit() gives it its final mode).  *TMP receives its name.  Returns the descriptor, or
 * -1 with errno set. */
static int
S_create_temp(const char *path, char **tmp)
{
	const char *slash = strrchr(path, '/');
	int fd;

	if (slash)
		*tmp = sx_aprintf("%.*s/.%s.XXXXXX", (int)(slash - path), path, slash + 1);
	else
		*tmp = sx_aprintf(".%s.XXXXXX", path);
	if ((fd = mkostemp(*tmp, O_CLOEXEC)) < 0) {
		int err = errno;
		free(*tmp);
		*tmp = NULL;
		errno = err;
	}
	return fd;
}

/* Write LEN bytes of DATA to FD.  Returns 0, or an errno value. */
static int
S_write_all(int fd, const void *data, size_t len)
{
	size_t off = 0;

	while (off < len) {
		ssize_t n = write(fd, (const char *)data + off, len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return n < 0 ? errno : ENOSPC;
		off += (size_t)n;
	}
	return 0;
}

/* The bytes that sx_write_atomic() puts in the temporary file. */
typedef struct S_bytes {
	const void *data;
	size_t len;
} S_bytes;

static int
S_fill_bytes(const char *tmp, void *ctx, secannex_diags *d)
{
	const S_bytes *b = ctx;
	int fd = open(tmp, O_WRONLY | O_TRUNC | O_CLOEXEC), err;

	(void)d;
	if (fd < 0)
		return errno;
	err = S_write_all(fd, b->data, b->len);
	if (close(fd) != 0 && err == 0)
		err = errno;
	return err;
}

int
sx_write_atomic(const char *path, const void *data, size_t len, secannex_diags *d)
{
	S_bytes b = { data, len };

	return sx_write_atomic_with(path, S_fill_bytes, &b, d);
}

/* Give the filled temporary file TMP its permissions (MODE: those of the file it replaces, or 0666
 * less the umask for a new file), flush it to disk and rename it over PATH.  Returns 0, or an
 * error with a diagnostic about NAME. */
static int
S_commit(const char *tmp, const char *path, const char *name, mode_t mode, secannex_diags *d)
{
	int fd = open(tmp, O_RDONLY | O_CLOEXEC), err;

	if (fd < 0)
		return S_err(d, name, SX_MSG_OUT_WRITE, errno);
	if (fchmod(fd, mode & 07777) != 0 || fsync(fd) != 0) {
		err = errno;
		close(fd);
		return S_err(d, name, SX_MSG_OUT_WRITE, err);
	}
	if (close(fd) != 0)
		return S_err(d, name, SX_MSG_OUT_WRITE, errno);
	if (rename(tmp, path) != 0)
		return S_err(d, name, SX_MSG_OUT_REPLACE, errno);
	return 0;
}

int
sx_write_atomic_with(const char *path, sx_fill_fn fill, void *ctx, secannex_diags *d)
{
	struct stat st;
	char *tmp = NULL, *real = NULL;
	const char *name = path;
	int fd, rc = SECANNEX_EIO, exists, err;

	/* a symbolic link is followed: its target is replaced, the link stays */
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
		if ((real = realpath(path, NULL)) == NULL)
			return S_err(d, path, SX_MSG_OUT_SYMLINK, errno);
		path = real;
	}
	exists = stat(path, &st) == 0;
	if (exists && S_ISDIR(st.st_mode)) {
		rc = S_err(d, name, SX_MSG_OUT_DIR, 0);
		goto fail;
	}
	/* a device, FIFO or socket is never replaced by a regular file */
	if (exists && !S_ISREG(st.st_mode)) {
		rc = S_err(d, name, SX_MSG_OUT_NOT_REGULAR, 0);
		goto fail;
	}
	/* created private (mkostemp); then a replaced file gets its permissions back, a new one 0666
	 * less the umask (S_umask: umask() is never called), with fchmod */
	if ((fd = S_create_temp(path, &tmp)) < 0) {
		rc = S_err(d, name, SX_MSG_OUT_CREATE, errno);
		goto fail;
	}
	close(fd);
	if ((err = fill(tmp, ctx, d)) != 0) {
		rc = err > 0 ? S_err(d, name, SX_MSG_OUT_WRITE, err) : err;
		goto fail;
	}
	if ((rc = S_commit(tmp, path, name, exists ? st.st_mode : 0666 & ~S_umask(), d)) != 0)
		goto fail;
	free(tmp);
	free(real);
	return 0;
fail:
	if (tmp)
		unlink(tmp);
	free(tmp);
	free(real);
	return rc;
}
