package dev.gantry.core.validation;

import dev.gantry.core.taskdef.ContainerDefinition;
import dev.gantry.core.taskdef.ContainerDependency;
import dev.gantry.core.taskdef.DependencyCondition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code dependsOn} rules (facts §2.3): targets exist and are not the container itself, the condition is known,
 * HEALTHY needs a health check on the target, COMPLETE and SUCCESS cannot wait on an essential container
 * (it would stop the task when it exits), and the dependency graph has no cycle.
 */
final class DependencyRules {
    private static final String CONDITIONS = String.join(", ", DependencyCondition.NAMES);

    private DependencyRules() {}

    /** Assumes container names are present and unique. */
    static void validate(List<ContainerDefinition> containers) {
        Map<String, ContainerDefinition> byName = new LinkedHashMap<>();
        containers.forEach(c -> byName.put(c.name(), c));
        for (ContainerDefinition c : containers) {
            for (ContainerDependency d : c.dependsOnOrEmpty()) {
                dependency(c.name(), d, byName);
            }
        }
        findCycle(byName).ifPresent(cycle -> {
            throw Problems.task("Container dependencies form a cycle: " + String.join(" -> ", cycle)
                    + ". Remove one of these dependsOn entries so the containers can start in order.");
        });
    }

    private static void dependency(String name, ContainerDependency d, Map<String, ContainerDefinition> byName) {
        if (d == null || d.containerName() == null || d.containerName().isEmpty()) {
            throw Problems.container(name, "Every dependsOn entry needs a 'containerName'.");
        }
        String target = d.containerName();
        if (target.equals(name)) {
            throw Problems.container(
                    name, "A container cannot depend on itself; remove '" + name + "' from its dependsOn.");
        }
        ContainerDefinition dependency = byName.get(target);
        if (dependency == null) {
            throw Problems.container(
                    name,
                    "Cannot depend on container '" + target + "' because it does not exist "
                            + "in this task definition. Containers: " + String.join(", ", byName.keySet()) + ".");
        }
        DependencyCondition condition = d.condition();
        if (condition == null) {
            throw Problems.container(name, "dependsOn '" + target + "' needs a condition: one of " + CONDITIONS + ".");
        }
        if (condition == DependencyCondition.HEALTHY && dependency.healthCheck() == null) {
            throw Problems.container(
                    name,
                    "dependsOn '" + target + "' with condition HEALTHY requires container '" + target
                            + "' to have a healthCheck; add one or use condition START.");
        }
        if (condition.waitsForExit() && dependency.essentialOrDefault()) {
            throw Problems.container(
                    name,
                    "dependsOn '" + target + "' with condition " + condition + " requires "
                            + "container '" + target
                            + "' to be non-essential (an essential container exiting stops the "
                            + "task); set \"essential\": false on '" + target + "'.");
        }
    }

    /**
     * The condition's text as sent, checked before the request is bound to records (an enum cannot hold an unknown
     * name): null passes here and is reported by {@link #validate} with the container's other problems.
     */
    static void conditionName(String name, String target, String condition) {
        if (condition != null && DependencyCondition.fromWire(condition).isEmpty()) {
            throw Problems.container(
                    name,
                    "dependsOn condition '" + condition + "' for container '" + target + "' is not valid; use one of "
                            + CONDITIONS + ".");
        }
    }

    /** A cycle as a path that starts and ends with the same container, or empty. Iterates in definition order. */
    private static Optional<List<String>> findCycle(Map<String, ContainerDefinition> byName) {
        Set<String> done = new HashSet<>();
        for (String start : byName.keySet()) {
            List<String> path = new ArrayList<>();
            Optional<List<String>> cycle = visit(start, byName, path, done);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        return Optional.empty();
    }

    private static Optional<List<String>> visit(
            String name, Map<String, ContainerDefinition> byName, List<String> path, Set<String> done) {
        int seenAt = path.indexOf(name);
        if (seenAt >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(seenAt, path.size()));
            cycle.add(name);
            return Optional.of(cycle);
        }
        if (done.contains(name)) {
            return Optional.empty();
        }
        path.add(name);
        for (ContainerDependency d : byName.get(name).dependsOnOrEmpty()) {
            Optional<List<String>> cycle = visit(d.containerName(), byName, path, done);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        done.add(name);
        return Optional.empty();
    }
}
