package dev.gantry.router;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Router#apply} did with each listener of the table: where it listens, or why it could not (a port in
 * use, an address not on this machine). The rest of the table applies either way; a failed listener is tried again
 * on the next apply.
 */
public record ApplyReport(List<ListenerOutcome> listeners) {

    /** One listener's outcome: its bound address, or the bind error. */
    public record ListenerOutcome(String listenerId, Optional<InetSocketAddress> address, Optional<String> error) {
        public ListenerOutcome {
            Objects.requireNonNull(listenerId, "listenerId");
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(error, "error");
        }

        public boolean bound() {
            return address.isPresent();
        }
    }

    public ApplyReport {
        listeners = List.copyOf(listeners);
    }

    public List<ListenerOutcome> failures() {
        return listeners.stream().filter(l -> !l.bound()).toList();
    }

    public Optional<ListenerOutcome> listener(String id) {
        return listeners.stream().filter(l -> l.listenerId().equals(id)).findFirst();
    }
}
