/**
 * The embedded SQLite database in the data dir: connection, WAL journal, transactions
 * ({@link dev.gantry.store.sqlite.Database}) and append-only versioned migrations
 * ({@code resources/db/migration/V<n>.sql}, {@link dev.gantry.store.sqlite.Migrations}).
 */
package dev.gantry.store.sqlite;
