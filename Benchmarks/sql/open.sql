-- What Journal.open runs on an existing, current journal (Database.init,
-- inspect, configure, migrate's version check).
PRAGMA foreign_keys = ON;
PRAGMA application_id;
PRAGMA user_version;
SELECT count(*) FROM sqlite_schema;
PRAGMA user_version;
PRAGMA journal_mode;
PRAGMA synchronous = FULL;
PRAGMA secure_delete = ON;
PRAGMA user_version;
