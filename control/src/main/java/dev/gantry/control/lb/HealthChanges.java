package dev.gantry.control.lb;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fan-out of "a target of this group changed health": registrations, drains and removals here, checked health
 * from the {@link TargetHealthSource}. Listeners run on the caller's thread and must be quick.
 */
public final class HealthChanges {
    private static final Logger LOG = LoggerFactory.getLogger(HealthChanges.class);
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    public AutoCloseable subscribe(Consumer<String> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void fire(String targetGroupArn) {
        for (Consumer<String> l : listeners) {
            try {
                l.accept(targetGroupArn);
            } catch (RuntimeException e) {
                LOG.atWarn()
                        .addKeyValue("targetGroupArn", targetGroupArn)
                        .setCause(e)
                        .log("health listener failed");
            }
        }
    }
}
