package dev.gantry.control.discovery;

/**
 * The read seam the DNS server is fed from. {@link #snapshot()} reads the store (call it off the query path, e.g.
 * from the listener); {@link #onChange} registers a listener called after each committed change of a namespace,
 * service, instance or instance health (on the writer's thread: return quickly, e.g. by scheduling a rebuild).
 */
public interface DiscoveryView {

    /** The DNS namespaces, their DNS services and instances, as stored now. */
    DiscoverySnapshot snapshot();

    /** Calls {@code listener} after every committed Cloud Map change from now on. */
    void onChange(Runnable listener);
}
