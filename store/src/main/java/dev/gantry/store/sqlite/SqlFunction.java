package dev.gantry.store.sqlite;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done with a connection; may throw SQLException, which the database wraps. */
@FunctionalInterface
public interface SqlFunction<T> {
    T apply(Connection connection) throws SQLException;
}
