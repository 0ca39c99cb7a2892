package dev.gantry.store.logs;

import dev.gantry.core.arn.Arns;
import dev.gantry.store.sqlite.Database;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A LogStore on a fresh database in a temp dir, with a hand-moved clock. */
abstract class LogStoreFixture {
    static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    static final Arns ARNS = new Arns("us-east-1", "123456789012");

    @TempDir
    Path dir;

    Database db;
    MutableClock clock;
    LogStore store;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("gantry.db"));
        clock = new MutableClock(T0);
        store = new LogStore(db, ARNS, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** n events one millisecond apart starting at T0 - 1 h, with messages "<prefix>0", "<prefix>1", ... */
    static List<InputEvent> events(String prefix, int n) {
        List<InputEvent> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new InputEvent(T0.minusSeconds(3600).plusMillis(i), prefix + i));
        }
        return out;
    }

    static List<String> messages(List<StoredEvent> events) {
        return events.stream().map(StoredEvent::message).toList();
    }
}
