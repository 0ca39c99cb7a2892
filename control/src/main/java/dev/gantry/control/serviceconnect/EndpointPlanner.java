package dev.gantry.control.serviceconnect;

import dev.gantry.core.service.ServiceConnect;
import dev.gantry.core.service.ServiceConnectRules;
import dev.gantry.core.task.DesiredStatus;
import dev.gantry.core.task.NetworkAttachment;
import dev.gantry.core.task.Task;
import dev.gantry.core.task.TaskPhase;
import dev.gantry.core.taskdef.PortMapping;
import dev.gantry.router.table.Action;
import dev.gantry.router.table.HealthCheck;
import dev.gantry.router.table.Listener;
import dev.gantry.router.table.ListenerProtocol;
import dev.gantry.router.table.Matcher;
import dev.gantry.router.table.Resilience;
import dev.gantry.router.table.RoutingTable;
import dev.gantry.router.table.Target;
import dev.gantry.router.table.TargetGroup;
import dev.gantry.router.table.TargetProtocol;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Pure: from the namespaces' members, Service Connect's routing table and client aliases. Each endpoint
 * ({@code services[]} entry: namespace + discovery name) becomes a target group of the service's running tasks (the
 * task's IP and the container port its own task definition maps under {@code portName}: during a rolling update old
 * and new revisions serve side by side), TCP-checked every {@link #CHECK_INTERVAL}, with
 * {@link #resilience Service Connect's retries, outlier ejection and request timeout}. Each client alias becomes a
 * virtual address and a listener on {@code bindAddress} (a free port) forwarding to the group: HTTP when the port
 * mapping has an {@code appProtocol}, else TCP. A task leaves its group as soon as it is told to stop (the router
 * drains it for {@link #DRAIN}).
 */
public final class EndpointPlanner {
    static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);
    static final Duration DRAIN = Duration.ofSeconds(5);
    /** Envoy's (and so Service Connect's) default route timeout for HTTP. */
    static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(15);

    static final int CONNECT_RETRIES = 3;
    static final int EJECT_AFTER = 5;
    static final Duration EJECTION = Duration.ofSeconds(30);
    static final int MAX_EJECTED_PERCENT = 50;

    private EndpointPlanner() {}

    public static EndpointPlan plan(List<Member> members, String bindAddress) {
        Map<String, TargetGroup> groups = new LinkedHashMap<>();
        Map<String, String> serviceOfGroup = new LinkedHashMap<>();
        Map<String, Alias> aliases = new LinkedHashMap<>(); // by listener id; the first service to claim one wins
        for (Member m : members) {
            for (ServiceConnect.Endpoint e : m.endpoints()) {
                String group = "sc " + m.namespaceArn() + " " + e.effectiveDiscoveryName();
                if (groups.containsKey(group)) {
                    continue; // two services with one discovery name: ECS refuses the second; keep the first
                }
                Optional<PortMapping> mapping = m.tasks().stream()
                        .map(t -> ServiceConnectRules.portMapping(t.spec().taskDefinition(), e.portName()))
                        .flatMap(Optional::stream)
                        .findFirst();
                boolean http = mapping.map(p -> p.appProtocol() != null).orElse(false);
                groups.put(group, group(group, http, e, m.tasks()));
                serviceOfGroup.put(group, m.serviceArn());
                for (ServiceConnect.ClientAlias a : e.clientAliases()) {
                    String dns = a.dnsName().orElse(e.effectiveDiscoveryName());
                    String listener = "sc " + m.namespaceArn() + " " + dns + ":" + a.port();
                    aliases.putIfAbsent(listener, new Alias(m.namespaceArn(), dns, a.port(), listener, group, http));
                }
            }
        }
        Map<String, String> vips = VirtualAddresses.assign(aliases.values().stream()
                .map(a -> a.namespaceArn + " " + a.dns)
                .distinct()
                .toList());
        List<Listener> listeners = new ArrayList<>();
        List<AliasRoute> routes = new ArrayList<>();
        for (Alias a : aliases.values()) {
            String vip = vips.get(a.namespaceArn + " " + a.dns);
            if (vip == null) {
                continue; // more than 254 alias names: the rest get none (docs/compat says so)
            }
            listeners.add(new Listener(
                    a.listenerId,
                    bindAddress,
                    0,
                    a.http ? ListenerProtocol.HTTP : ListenerProtocol.TCP,
                    List.of(),
                    Action.Forward.to(a.groupId)));
            routes.add(new AliasRoute(a.namespaceArn, a.dns, a.port, vip, a.listenerId, a.groupId));
        }
        return new EndpointPlan(new RoutingTable(listeners, List.copyOf(groups.values())), routes, serviceOfGroup);
    }

    private record Alias(String namespaceArn, String dns, int port, String listenerId, String groupId, boolean http) {}

    private static TargetGroup group(String id, boolean http, ServiceConnect.Endpoint e, List<Task> tasks) {
        List<Target> targets = new ArrayList<>();
        for (Task t : tasks) {
            if (t.desired().status() != DesiredStatus.RUNNING || t.observed().phase() != TaskPhase.RUNNING) {
                continue;
            }
            Optional<String> ip = t.observed().attachment().map(NetworkAttachment::privateIPv4Address);
            Optional<PortMapping> port =
                    ServiceConnectRules.portMapping(t.spec().taskDefinition(), e.portName());
            if (ip.isPresent() && !ip.get().isEmpty() && port.isPresent()) {
                Target target = new Target(ip.get(), port.get().containerPort());
                if (!targets.contains(target)) {
                    targets.add(target);
                }
            }
        }
        HealthCheck check = new HealthCheck(
                TargetProtocol.TCP, "/", OptionalInt.empty(), CHECK_INTERVAL, CHECK_INTERVAL, 2, 2, Matcher.OK);
        return new TargetGroup(
                id,
                http ? TargetProtocol.HTTP : TargetProtocol.TCP,
                check,
                DRAIN,
                Duration.ZERO,
                targets,
                resilience(e, http));
    }

    /** Retries, ejection and the request timeout ({@code perRequestTimeoutSeconds}, 0 = none; HTTP only). */
    static Resilience resilience(ServiceConnect.Endpoint e, boolean http) {
        Duration timeout = !http
                ? Duration.ZERO
                : e.timeout()
                        .flatMap(ServiceConnect.Timeout::perRequestTimeoutSeconds)
                        .map(s -> Duration.ofSeconds(s))
                        .orElse(DEFAULT_REQUEST_TIMEOUT);
        return new Resilience(CONNECT_RETRIES, EJECT_AFTER, EJECTION, MAX_EJECTED_PERCENT, timeout);
    }
}
