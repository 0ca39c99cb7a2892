package dev.gantry.control.iam;

import dev.gantry.store.crypto.Envelope;
import dev.gantry.store.crypto.MasterKey;
import dev.gantry.store.iam.IamStore;
import dev.gantry.store.iam.SessionStore;
import dev.gantry.store.sqlite.Database;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

/** A real SQLite store in a temp dir, the fake engine, a hand-set clock, seeded ids. */
final class IamFixture implements AutoCloseable {
    static final String ACCOUNT = "123456789012";
    static final String ROOT = "arn:aws:iam::" + ACCOUNT + ":root";

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    final InstantSource clock = () -> now.get();
    final Database db;
    final Envelope envelope = new Envelope(MasterKey.random());
    final FakePolicyEngine engine = new FakePolicyEngine();
    final IamPlane iam;

    IamFixture(Path dir) {
        db = Database.open(dir.resolve("gantry.db"));
        iam = IamPlane.create(
                new IamStore(db, envelope),
                new SessionStore(db, envelope),
                engine,
                new IamIds(new Random(7)),
                clock,
                ACCOUNT,
                "us-east-1");
    }

    @Override
    public void close() {
        db.close();
    }
}
