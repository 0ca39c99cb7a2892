package dev.gantry.control.firewall;

import java.util.Optional;

/**
 * The applier's one effect: replace the filter table of a sandbox's network namespace (named by a path, {@link
 * dev.gantry.runtime.spi.TaskDriver#sandboxNetns}) with a ruleset, atomically (never the host's own tables). {@link NsenterIptables} does it with {@code nsenter} and {@code
 * iptables-restore}.
 */
public interface NamespaceFilters {

    /** Why filters cannot be applied on this machine (a tool missing, no privilege), or empty when they can. */
    Optional<String> unavailable();

    /** Replaces the filter table in the namespace {@code netns}; throws {@link FilterFailure} saying why not. */
    void apply(String netns, String ruleset);

    /** Applying failed; the message carries the tool's own words. */
    final class FilterFailure extends RuntimeException {
        public FilterFailure(String message) {
            super(message, null, false, false);
        }
    }
}
