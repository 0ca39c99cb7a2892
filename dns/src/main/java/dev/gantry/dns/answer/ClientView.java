package dev.gantry.dns.answer;

import dev.gantry.dns.table.RecordSet;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Answers that depend on who asks (e.g. Service Connect's client aliases, which exist only for tasks of a
 * namespace): consulted before the table, on the I/O thread, so it must not block. Its record set is answered as if
 * it were in a zone; empty falls through to the table.
 */
@FunctionalInterface
public interface ClientView {
    ClientView NONE = (client, name) -> Optional.empty();

    /** The records {@code client} (the task's own address) sees for the normal {@code name}, if this view has any. */
    Optional<RecordSet> lookup(InetAddress client, String name);
}
