// name: migrate/lock-constraint
// Makes the migration lock's name unique, so that two migrators that MERGE it at once get one node.
CREATE CONSTRAINT migration_lock_name IF NOT EXISTS FOR (l:MigrationLock) REQUIRE l.name IS UNIQUE
