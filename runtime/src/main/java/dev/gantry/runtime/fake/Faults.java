package dev.gantry.runtime.fake;

import dev.gantry.runtime.spi.RuntimeError;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Injected engine failures (the next N calls of an operation fail) and call counts. Guarded by the driver's lock. */
final class Faults {

    private record Pending(int remaining, RuntimeError error) {}

    private final Map<FakeDriver.Operation, Pending> pending = new EnumMap<>(FakeDriver.Operation.class);
    private final Map<FakeDriver.Operation, LongAdder> calls = new EnumMap<>(FakeDriver.Operation.class);

    Faults() {
        for (FakeDriver.Operation op : FakeDriver.Operation.values()) {
            calls.put(op, new LongAdder());
        }
    }

    void failNext(FakeDriver.Operation op, int times, RuntimeError error) {
        if (times < 0) {
            throw new IllegalArgumentException("times must not be negative: " + times);
        }
        pending.put(op, new Pending(times, error));
    }

    /** Counts the call; throws the injected error if one is pending for the operation. */
    void check(FakeDriver.Operation op) {
        calls.get(op).increment();
        Pending p = pending.get(op);
        if (p == null || p.remaining() == 0) {
            return;
        }
        pending.put(op, new Pending(p.remaining() - 1, p.error()));
        throw new RuntimeError(
                p.error().kind(), p.error().getMessage(), p.error().retryable(), null);
    }

    int remaining(FakeDriver.Operation op) {
        Pending p = pending.get(op);
        return p == null ? 0 : p.remaining();
    }

    long calls(FakeDriver.Operation op) {
        return calls.get(op).sum();
    }
}
