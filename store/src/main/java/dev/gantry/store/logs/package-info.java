/**
 * CloudWatch Logs persistence: log groups, log streams and their events in SQLite, with the semantics of the
 * Logs API (PutLogEvents validation, GetLogEvents forward/backward tokens, FilterLogEvents scanning) and the
 * ingestion path for Gantry's own awslogs capture ({@link dev.gantry.store.logs.LogStore#appendCaptured}).
 * {@link dev.gantry.store.logs.LogStore} is the only public entry point; the {@code *Sql} classes hold its SQL.
 */
package dev.gantry.store.logs;
