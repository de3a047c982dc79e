#ifndef STARLOG_CSQLITE_SHIM_H
#define STARLOG_CSQLITE_SHIM_H

#include <sqlite3.h>

/// Swift cannot call variadic C functions; these wrap the few we need.
static inline int starlog_sqlite3_db_config_defensive(sqlite3 *db, int on) {
    return sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, on, (int *)0);
}

/// Whether closing the last connection checkpoints the WAL (on by default).
static inline int starlog_sqlite3_db_config_no_checkpoint_on_close(sqlite3 *db, int on) {
    return sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, on, (int *)0);
}

#endif
