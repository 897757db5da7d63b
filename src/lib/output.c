/* output.c: atomic file output: a temporary file beside the target, fsync, then rename. */
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

int
sx_write_atomic(const char *path, const void *data, size_t len, secannex_diags *d)
{
	struct stat st;
	char *tmp = NULL, *real = NULL;
	const char *slash, *name = path;
	mode_t mode;
	int fd = -1, rc = SECANNEX_EIO, exists;
	size_t off = 0;

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
	slash = strrchr(path, '/');
	if (slash)
		tmp = sx_aprintf("%.*s/.%s.XXXXXX", (int)(slash - path), path, slash + 1);
	else
		tmp = sx_aprintf(".%s.XXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0) {
		rc = S_err(d, name, SX_MSG_OUT_CREATE, errno);
		free(tmp);
		tmp = NULL;
		goto fail;
	}
	while (off < len) {
		ssize_t n = write(fd, (const char *)data + off, len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			rc = S_err(d, name, SX_MSG_OUT_WRITE, n < 0 ? errno : ENOSPC);
			goto fail;
		}
		off += (size_t)n;
	}
	/* a replaced file keeps its permissions; a new one gets 0666 less the umask */
	if (exists) {
		mode = st.st_mode & 07777;
	} else {
		mode_t mask = umask(0);
		umask(mask);
		mode = 0666 & ~mask;
	}
	if (fchmod(fd, mode) != 0 || fsync(fd) != 0) {
		rc = S_err(d, name, SX_MSG_OUT_WRITE, errno);
		goto fail;
	}
	if (close(fd) != 0) {
		fd = -1;
		rc = S_err(d, name, SX_MSG_OUT_WRITE, errno);
		goto fail;
	}
	fd = -1;
	if (rename(tmp, path) != 0) {
		rc = S_err(d, name, SX_MSG_OUT_REPLACE, errno);
		goto fail;
	}
	free(tmp);
	free(real);
	return 0;
fail:
	if (fd >= 0)
		close(fd);
	if (tmp)
		unlink(tmp);
	free(tmp);
	free(real);
	return rc;
}
