package dev.gantry.core.lifecycle;

import dev.gantry.core.task.ContainerState;
import dev.gantry.core.task.ContainerStatus;
import dev.gantry.core.task.HealthStatus;
import dev.gantry.core.taskdef.ContainerDefinition;
import dev.gantry.core.taskdef.ContainerDependency;
import dev.gantry.core.taskdef.DependencyCondition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code dependsOn} predicates, pure: START = the dependency has started; COMPLETE = it has exited;
 * SUCCESS = it exited 0; HEALTHY = its health check passed. Shutdown runs in the reverse order.
 */
public final class StartOrder {
    private StartOrder() {}

    public static StartDecision decide(ContainerDefinition container, Map<String, ContainerState> states) {
        for (ContainerDependency dep : container.dependsOnOrEmpty()) {
            ContainerState s = states.get(dep.containerName());
            if (s == null) {
                return new StartDecision.Impossible("dependency " + dep.containerName() + " is not in the task");
            }
            StartDecision d = decide(dep, s);
            if (!(d instanceof StartDecision.Ready)) {
                return d;
            }
        }
        return new StartDecision.Ready();
    }

    private static StartDecision decide(ContainerDependency dep, ContainerState s) {
        boolean started = s.startedAt().isPresent() || s.lastStatus() != ContainerStatus.PENDING;
        boolean exited = s.isStopped();
        String name = dep.containerName();
        DependencyCondition condition = dep.condition();
        return switch (condition) {
            case START -> started ? ready() : new StartDecision.Wait(name, condition);
            case COMPLETE -> exited ? ready() : new StartDecision.Wait(name, condition);
            case SUCCESS ->
                !exited
                        ? new StartDecision.Wait(name, condition)
                        : s.exitCode().orElse(-1) == 0
                                ? ready()
                                : new StartDecision.Impossible("dependency " + name + " exited with code "
                                        + s.exitCode().map(String::valueOf).orElse("unknown")
                                        + ", condition SUCCESS can never be met");
            case HEALTHY ->
                s.healthStatus() == HealthStatus.HEALTHY
                        ? ready()
                        : exited
                                ? new StartDecision.Impossible(
                                        "dependency " + name + " exited before it became HEALTHY")
                                : new StartDecision.Wait(name, condition);
        };
    }

    private static StartDecision ready() {
        return new StartDecision.Ready();
    }

    /**
     * Containers grouped in start layers: each layer depends only on earlier ones. Stopping walks the layers
     * backwards, so a container stops before the containers it depends on. Assumes no cycles (validated).
     */
    public static List<List<String>> layers(List<ContainerDefinition> containers) {
        List<List<String>> layers = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        while (placed.size() < containers.size()) {
            List<String> layer = new ArrayList<>();
            for (ContainerDefinition c : containers) {
                if (!placed.contains(c.name())
                        && c.dependsOnOrEmpty().stream().allMatch(d -> placed.contains(d.containerName()))) {
                    layer.add(c.name());
                }
            }
            if (layer.isEmpty()) {
                containers.stream()
                        .map(ContainerDefinition::name)
                        .filter(n -> !placed.contains(n))
                        .forEach(layer::add);
            }
            placed.addAll(layer);
            layers.add(List.copyOf(layer));
        }
        return layers;
    }
}
