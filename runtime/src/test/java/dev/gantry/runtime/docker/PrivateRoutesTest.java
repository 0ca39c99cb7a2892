package dev.gantry.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A private subnet's sandbox: no default route, the task endpoint and DNS via the subnet's gateway. */
class PrivateRoutesTest {
    @Test
    void noDefaultRouteAndTheLinkLocalServicesViaTheGateway() {
        assertThat(PrivateRoutes.commands("10.1.2.1"))
                .containsExactly(
                        List.of("ip", "route", "del", "default"),
                        List.of("ip", "route", "replace", "169.254.170.2/32", "via", "10.1.2.1"),
                        List.of("ip", "route", "replace", "169.254.169.253/32", "via", "10.1.2.1"),
                        List.of("ip", "route", "replace", "169.254.171.0/24", "via", "10.1.2.1"));
    }

    @Test
    void theHostsOwnNamespaceIsRefused() {
        assertThat(PrivateRoutes.isHostNamespace("/proc/self/ns/net")).isTrue();
        assertThat(PrivateRoutes.isHostNamespace("/nonexistent/netns")).isTrue(); // unknown: refused too
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PrivateRoutes.apply("/proc/self/ns/net", "10.1.2.1"))
                .hasMessageContaining("not a sandbox's network namespace");
    }
}
