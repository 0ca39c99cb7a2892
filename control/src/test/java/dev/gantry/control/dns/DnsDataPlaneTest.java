package dev.gantry.control.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.dns.answer.ClientView;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DnsDataPlaneTest {
    @Test
    void aNudgeRebuildsTheTableFromTheSeam() throws Exception {
        AtomicReference<List<DiscoveryZones.Namespace>> state = new AtomicReference<>(List.of());
        try (DnsDataPlane plane =
                DnsDataPlane.start(Optional.of(List.of()), state::get, ClientView.NONE, Duration.ofMinutes(10))) {
            assertThat(plane.zones()).isEmpty();
            state.set(List.of(new DiscoveryZones.Namespace("local", 15, List.of())));
            plane.changed();
            for (int i = 0; i < 500 && plane.zones().isEmpty(); i++) {
                Thread.sleep(10);
            }
            assertThat(plane.zones()).containsExactly("local");
            assertThat(plane.upstreams()).isEmpty();
            DnsDataPlane.Listening at = plane.listen("127.0.0.1", List.of("127.0.0.0/8"));
            assertThat(plane.listen("127.0.0.1", List.of("127.0.0.0/8"))).isEqualTo(at);
        }
    }
}
