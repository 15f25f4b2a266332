#ifndef EVSCAN_CFILESYSTEM_H
#define EVSCAN_CFILESYSTEM_H

/* Swaps two paths in one atomic step (Linux renameat2 with RENAME_EXCHANGE), so that a snapshot folder is
 * replaced without a moment where neither the old nor the new one is in place. Returns 0 on success,
 * -1 with errno set (ENOSYS or EINVAL where the kernel or file system cannot do it). */
int evs_rename_exchange(const char *from, const char *to);

#endif
