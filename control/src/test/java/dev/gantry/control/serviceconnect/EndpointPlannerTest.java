package dev.gantry.control.serviceconnect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.gantry.core.service.ServiceConnect;
import dev.gantry.core.task.NetworkAttachment;
import dev.gantry.core.task.Task;
import dev.gantry.core.task.TaskDesired;
import dev.gantry.core.task.TaskObserved;
import dev.gantry.core.task.TaskPhase;
import dev.gantry.core.task.TaskSpec;
import dev.gantry.core.taskdef.TaskDefinition;
import dev.gantry.router.table.ListenerProtocol;
import dev.gantry.router.table.Target;
import dev.gantry.router.table.TargetGroup;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EndpointPlannerTest {
    private static final String NS = "arn:aws:servicediscovery:us-east-1:000000000000:namespace/ns-1";
    private static final String OTHER_NS = "arn:aws:servicediscovery:us-east-1:000000000000:namespace/ns-2";
    private static final String BACKEND = "arn:aws:ecs:us-east-1:000000000000:service/default/backend";
    private static final ServiceConnect.Endpoint ENDPOINT = new ServiceConnect.Endpoint(
            "http",
            Optional.of("backend"),
            List.of(new ServiceConnect.ClientAlias(8080, Optional.empty())),
            Optional.empty(),
            Optional.empty());
    private int seq;

    @Test
    void anEndpointForwardsToTheRunningTasksOfEachRevisionOnTheirOwnPort() {
        Task v1 = task(1, 80, TaskPhase.RUNNING, true);
        Task v2 = task(2, 8000, TaskPhase.RUNNING, true);
        Task starting = task(2, 8000, TaskPhase.STARTING, true);
        Task stopping = task(1, 80, TaskPhase.RUNNING, false);

        EndpointPlan plan = EndpointPlanner.plan(
                List.of(new Member(BACKEND, NS, List.of(ENDPOINT), List.of(v1, v2, starting, stopping))), "10.0.0.1");

        TargetGroup g = plan.table().targetGroups().get(0);
        assertThat(g.targets()).containsExactly(new Target(ip(v1), 80), new Target(ip(v2), 8000));
        assertThat(g.resilience().connectRetries()).isEqualTo(EndpointPlanner.CONNECT_RETRIES);
        assertThat(g.resilience().requestTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(plan.table().listeners()).singleElement().satisfies(l -> {
            assertThat(l.bindAddress()).isEqualTo("10.0.0.1");
            assertThat(l.protocol()).isEqualTo(ListenerProtocol.HTTP);
        });
        AliasRoute alias = plan.aliases().get(0);
        assertThat(alias.dnsName()).isEqualTo("backend");
        assertThat(alias.port()).isEqualTo(8080);
        assertThat(alias.virtualIp()).startsWith("169.254.171.");
        assertThat(plan.serviceOfGroup()).containsEntry(g.id(), BACKEND);
    }

    @Test
    void anAliasKeepsItsAddressAndNamespacesKeepTheirOwn() {
        Member a = new Member(BACKEND, NS, List.of(ENDPOINT), List.of());
        Member b = new Member(BACKEND + "2", OTHER_NS, List.of(ENDPOINT), List.of());

        EndpointPlan alone = EndpointPlanner.plan(List.of(a), "10.0.0.1");
        EndpointPlan both = EndpointPlanner.plan(List.of(b, a), "10.0.0.1");

        assertThat(both.aliasesIn(NS).get(0).virtualIp())
                .isEqualTo(alone.aliases().get(0).virtualIp());
        assertThat(both.aliasesIn(OTHER_NS).get(0).virtualIp())
                .isNotEqualTo(both.aliasesIn(NS).get(0).virtualIp());
        assertThat(HostsFile.render(both.aliasesIn(NS)))
                .contains("127.0.0.1\tlocalhost")
                .contains(both.aliasesIn(NS).get(0).virtualIp() + "\tbackend\n")
                .doesNotContain(both.aliasesIn(OTHER_NS).get(0).virtualIp());
    }

    @Test
    void aClientOnlyServiceOffersNothing() {
        EndpointPlan plan = EndpointPlanner.plan(List.of(new Member(BACKEND, NS, List.of(), List.of())), "10.0.0.1");
        assertThat(plan.table().listeners()).isEmpty();
        assertThat(plan.aliases()).isEmpty();
    }

    private static String ip(Task t) {
        return t.observed().attachment().orElseThrow().privateIPv4Address();
    }

    private Task task(int revision, int port, TaskPhase phase, boolean running) {
        String id = String.format("%032x", ++seq);
        ObjectMapper json = new ObjectMapper().registerModule(new Jdk8Module());
        TaskDefinition td = json.convertValue(
                Map.of(
                        "family",
                        "backend",
                        "revision",
                        revision,
                        "taskDefinitionArn",
                        "arn:aws:ecs:us-east-1:000000000000:task-definition/backend:" + revision,
                        "containerDefinitions",
                        List.of(Map.of(
                                "name",
                                "web",
                                "image",
                                "web",
                                "portMappings",
                                List.of(Map.of("containerPort", port, "name", "http", "appProtocol", "http"))))),
                TaskDefinition.class);
        TaskSpec spec = new TaskSpec(
                "arn:aws:ecs:us-east-1:000000000000:task/default/" + id,
                id,
                "arn:aws:ecs:us-east-1:000000000000:cluster/default",
                "default",
                td,
                "256",
                "512",
                "service:backend",
                Optional.of("ecs-svc/1"),
                "FARGATE",
                "1.4.0",
                Map.of(),
                List.of(),
                Instant.parse("2026-01-01T00:00:00Z"));
        TaskObserved o = TaskObserved.initial(List.of())
                .withPhase(phase)
                .withAttachment(new NetworkAttachment("a", "ATTACHED", "10.0.0." + (10 + seq), "m", "s", "eni"));
        TaskDesired desired = running ? TaskDesired.running() : stopDecision();
        return new Task(spec, desired, o, 1);
    }

    private static TaskDesired stopDecision() {
        return TaskDesired.stopped(
                dev.gantry.core.task.StopCode.ServiceSchedulerInitiated, "stop", Instant.parse("2026-01-01T00:00:00Z"));
    }
}
