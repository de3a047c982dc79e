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

/// Whether double-quoted strings are read as string literals when no column
/// has that name, in data statements (DML) and schema statements (DDL).
static inline int starlog_sqlite3_db_config_double_quoted_strings(sqlite3 *db, int on) {
    int dml = sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DML, on, (int *)0);
    int ddl = sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DDL, on, (int *)0);
    return dml != SQLITE_OK ? dml : ddl;
}

#endif
