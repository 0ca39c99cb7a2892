package dev.gantry.store.sqlite;

import dev.gantry.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The embedded SQLite database in the data dir: WAL journal, synchronous=NORMAL (durable across a process crash,
 * which is what kill -9 tests), versioned migrations applied at open. One connection, used under a lock
 * (a {@link ReentrantLock}, not {@code synchronized}, so virtual threads do not pin while they wait). The file and
 * its {@code -wal} and {@code -shm} are owner-only ({@code rw-------}) in an owner-only data dir ({@link PrivateFiles}).
 * Counts its transactions and the time spent in them ({@link #stats()}), for tests and benchmarks.
 */
public final class Database implements AutoCloseable {
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong readNanos = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong writeNanos = new AtomicLong();

    /** Transactions run since open, and the time spent in them while holding the connection. */
    public record Stats(long reads, long readNanos, long writes, long writeNanos) {
        public Stats minus(Stats earlier) {
            return new Stats(
                    reads - earlier.reads,
                    readNanos - earlier.readNanos,
                    writes - earlier.writes,
                    writeNanos - earlier.writeNanos);
        }
    }

    private Database(Connection connection) {
        this.connection = connection;
    }

    public static Database open(Path file) {
        try {
            Path absolute = file.toAbsolutePath();
            PrivateFiles.createDirectory(absolute.getParent());
            // SQLite gives the -wal and -shm files the database file's mode, so an owner-only database makes all
            // three owner-only; files left by an older version are tightened here
            PrivateFiles.createFile(absolute);
            for (String suffix : new String[] {"-wal", "-shm", "-journal"}) {
                PrivateFiles.restrictIfExists(absolute.resolveSibling(absolute.getFileName() + suffix));
            }
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA foreign_keys=ON");
                s.execute("PRAGMA busy_timeout=5000");
            }
            Database db = new Database(c);
            db.write(Migrations::apply);
            return db;
        } catch (java.io.IOException | SQLException e) {
            throw new StoreException("cannot open database " + file + ": " + e.getMessage(), e);
        }
    }

    /** Runs a read. */
    public <T> T read(SqlFunction<T> work) {
        lock.lock();
        long start = System.nanoTime();
        try {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new StoreException("database read failed: " + e.getMessage(), e);
        } finally {
            reads.incrementAndGet();
            readNanos.addAndGet(System.nanoTime() - start);
            lock.unlock();
        }
    }

    /** Runs a write in one transaction: all of it is committed, or none. */
    public <T> T write(SqlFunction<T> work) {
        lock.lock();
        long start = System.nanoTime();
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("database write failed: " + e.getMessage(), e);
        } finally {
            writes.incrementAndGet();
            writeNanos.addAndGet(System.nanoTime() - start);
            lock.unlock();
        }
    }

    public Stats stats() {
        return new Stats(reads.get(), readNanos.get(), writes.get(), writeNanos.get());
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close database: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }
}
