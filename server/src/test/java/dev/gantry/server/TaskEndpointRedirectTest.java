package dev.gantry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which leftover rules a start deletes: this installation's, exactly as listed, and no one else's. */
class TaskEndpointRedirectTest {
    @Test
    void onlyThisInstallationsRulesAreDeletedAsListed() {
        String mine = "-A PREROUTING -s 172.20.0.0/16 -d 169.254.170.2/32 -p tcp -m tcp --dport 80 -m comment"
                + " --comment gantry-task-endpoint-abc -j DNAT --to-destination 172.20.0.1:40000";
        String listing = String.join(
                "\n",
                "-P PREROUTING ACCEPT",
                "-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER",
                mine,
                mine.replace("gantry-task-endpoint-abc", "gantry-task-endpoint-abcd"),
                mine.replace("gantry-task-endpoint-abc", "\"gantry-task-endpoint-other\""));
        List<String> expected = new ArrayList<>(List.of("-t", "nat", "-D", "PREROUTING"));
        expected.addAll(List.of(mine.substring("-A PREROUTING ".length()).split(" ")));
        assertThat(TaskEndpointRedirect.staleRules(listing, "abc")).containsExactly(expected);
    }

    @Test
    void theRuleIsWhatTheListingShowsBack() {
        List<String> rule = TaskEndpointRedirect.rule("172.20.0.0/16", "172.20.0.1", 40000, "abc");
        assertThat(String.join(" ", rule))
                .isEqualTo("-s 172.20.0.0/16 -d 169.254.170.2/32 -p tcp -m tcp --dport 80 -m comment --comment"
                        + " gantry-task-endpoint-abc -j DNAT --to-destination 172.20.0.1:40000");
    }
}
