package dev.gantry.runtime.fake;

import java.time.InstantSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Builds a {@link FakeDriver}: its clock, its timer for delayed script steps, its network, images already local. */
public final class FakeDriverBuilder {

    private InstantSource clock = InstantSource.system();
    private Optional<FakeTimer> timer = Optional.empty();
    private String networkName = "gantry";
    private String subnet = "10.88.0.0/16";
    private final Set<String> preloaded = new LinkedHashSet<>();

    FakeDriverBuilder() {}

    /** Timestamps (starts, exits, log lines) come from this clock. */
    public FakeDriverBuilder clock(InstantSource clock) {
        this.clock = Objects.requireNonNull(clock);
        return this;
    }

    /** Runs delayed script steps; by default a real-time timer the driver owns and closes. */
    public FakeDriverBuilder timer(FakeTimer timer) {
        this.timer = Optional.of(timer);
        return this;
    }

    /** The network sandboxes join; its size bounds how many sandboxes can exist at once, as a real subnet does. */
    public FakeDriverBuilder network(String name, String subnetCidr) {
        this.networkName = Objects.requireNonNull(name);
        this.subnet = Objects.requireNonNull(subnetCidr);
        return this;
    }

    /** Images present locally from the start (no pull needed), as if built on the host. */
    public FakeDriverBuilder images(String... references) {
        preloaded.addAll(List.of(references));
        return this;
    }

    public FakeDriver build() {
        return new FakeDriver(clock, timer.orElseGet(FakeTimer::realTime), networkName, subnet, preloaded);
    }
}
