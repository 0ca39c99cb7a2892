package dev.gantry.control.firewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The applier never filters the host: a path naming the host's namespace (or nothing) is refused before any tool runs. */
class NsenterIptablesTest {
    @Test
    void theHostsNamespaceAndAVanishedOneAreRefused() {
        NsenterIptables filters = new NsenterIptables();
        for (String netns : new String[] {"/proc/self/ns/net", "/var/run/docker/netns/gone-0000"}) {
            assertThatThrownBy(() -> filters.apply(netns, "*filter\nCOMMIT\n"))
                    .isInstanceOf(NamespaceFilters.FilterFailure.class)
                    .hasMessageContaining("not a task sandbox's network namespace");
        }
        assertThat(NsenterIptables.isHostNamespace("/proc/self/ns/net")).isTrue();
    }
}
