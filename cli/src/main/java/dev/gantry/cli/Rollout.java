package dev.gantry.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DeploymentRolloutState;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;

/**
 * What {@code gantry deploy} knows about a rollout it follows, and how one more DescribeServices snapshot changes
 * it: which lines to print (the deployments' counts when they change, each new service event once, oldest first)
 * and whether the rollout is over. Immutable and pure: {@link #observe} returns the next state.
 *
 * <p>Over means: the deployment of the new task definition is PRIMARY with rolloutState COMPLETED (or, from a
 * server that reports no rolloutState, the service is steady: that one deployment alone, running its desired count,
 * as the {@code services-stable} waiter decides); or it FAILED (the circuit breaker; with rollback, ECS starts a
 * new PRIMARY deployment of the previous revision); or another deployment replaced it as PRIMARY (a rollback or
 * someone else's deployment); or the service left ACTIVE (being deleted).
 *
 * @param deploymentId the followed deployment's id, once a snapshot showed it
 * @param seenEvents   ids of the events already printed, or present before the deployment started
 * @param lastSummary  the last deployments line printed
 */
record Rollout(
        String service,
        String taskDefinitionArn,
        Instant startedAt,
        Optional<String> deploymentId,
        Set<String> seenEvents,
        String lastSummary) {

    static final String ACTIVE = "ACTIVE";

    Rollout {
        seenEvents = Set.copyOf(seenEvents);
    }

    /** The outcome of a followed rollout: the message to print and the exit code. */
    sealed interface Outcome {
        String message();

        default int exitCode() {
            return this instanceof Completed ? 0 : CliException.FAILED;
        }

        record Completed(String message) implements Outcome {}

        /** FAILED, rolled back, replaced, or the service went away. */
        record Failed(String message) implements Outcome {}

        record TimedOut(String message) implements Outcome {}
    }

    /** One snapshot's effect: the next state, the lines to print, and the outcome if the rollout is over. */
    record Step(Rollout next, List<String> lines, Optional<Outcome> outcome) {
        Step {
            lines = List.copyOf(lines);
        }
    }

    /**
     * @param before the service as read before UpdateService: its events are not news
     * @param after  the service UpdateService returned: it names the new deployment
     */
    static Rollout start(Service before, Service after, String taskDefinitionArn, Instant now) {
        Set<String> seen = new HashSet<>();
        before.events().forEach(e -> seen.add(key(e)));
        Optional<String> id = ours(after, taskDefinitionArn);
        return new Rollout(before.serviceName(), taskDefinitionArn, now, id, seen, "");
    }

    Step observe(Service s, Instant now) {
        List<String> lines = new ArrayList<>();
        String at = "+" + Durations.compact(Duration.between(startedAt, now)) + "  ";
        String summary = ServiceFacts.deployments(s).stream()
                .map(ServiceFacts::deployment)
                .collect(Collectors.joining(" | "));
        if (!summary.equals(lastSummary)) {
            lines.add(at + (summary.isEmpty() ? "no deployments" : summary));
        }
        Set<String> seen = new HashSet<>(seenEvents);
        List<ServiceEvent> fresh = new ArrayList<>(s.events());
        Collections.reverse(fresh); // ECS lists newest first; print in the order they happened
        for (ServiceEvent e : fresh) {
            if (seen.add(key(e))) {
                lines.add(at + "event: " + ServiceFacts.message(e, service));
            }
        }
        Optional<String> id = deploymentId.isPresent() ? deploymentId : ours(s, taskDefinitionArn);
        Rollout next = new Rollout(service, taskDefinitionArn, startedAt, id, seen, summary);
        return new Step(next, lines, next.verdict(s));
    }

    /** The outcome to report when the caller stops waiting. */
    Outcome timedOut(Duration waited) {
        return new Outcome.TimedOut("timed out after " + Durations.compact(waited) + " waiting for "
                + deploymentId.orElse("the deployment of " + TaskFacts.definition(taskDefinitionArn))
                + (lastSummary.isEmpty() ? "" : " (" + lastSummary + ")")
                + "; it goes on on the server: gantry services " + service);
    }

    private Optional<Outcome> verdict(Service s) {
        if (!ACTIVE.equals(s.status())) {
            return failed("service " + service + " is " + TaskFacts.orNone(s.status())
                    + ": it is being deleted, the deployment will not finish");
        }
        if (deploymentId.isEmpty()) {
            return Optional.empty(); // the server has not shown the new deployment yet
        }
        String id = deploymentId.get();
        Optional<Deployment> mine =
                s.deployments().stream().filter(d -> id.equals(d.id())).findFirst();
        Optional<Deployment> primary = ServiceFacts.primary(s);
        String revision = TaskFacts.definition(taskDefinitionArn);
        if (mine.isPresent() && mine.get().rolloutState() == DeploymentRolloutState.FAILED) {
            return failed("deployment " + id + " of " + revision + " failed: "
                    + reason(mine.get()).orElse("rolloutState FAILED")
                    + primary.filter(p -> !id.equals(p.id()))
                            .map(p -> "; the service is rolling back to " + TaskFacts.definition(p.taskDefinition())
                                    + " (" + p.id() + ")")
                            .orElse(""));
        }
        if (primary.isPresent() && !id.equals(primary.get().id())) {
            Deployment p = primary.get();
            return failed("deployment " + id + " of " + revision + " is no longer the service's primary deployment: "
                    + p.id() + " (" + TaskFacts.definition(p.taskDefinition())
                    + ") replaced it (a rollback, or another deployment)"
                    + mine.flatMap(Rollout::reason).map(r -> "; " + r).orElse(""));
        }
        if (mine.isEmpty()) {
            return Optional.empty();
        }
        Deployment d = mine.get();
        boolean done = d.rolloutState() == null
                ? s.deployments().size() == 1
                        && ServiceFacts.count(d.runningCount()) == ServiceFacts.count(s.desiredCount())
                        && ServiceFacts.count(d.pendingCount()) == 0
                : d.rolloutState() == DeploymentRolloutState.COMPLETED;
        if (!done) {
            return Optional.empty();
        }
        return Optional.of(new Outcome.Completed("deployment " + id + " completed: " + revision + " runs "
                + ServiceFacts.count(d.runningCount()) + "/" + ServiceFacts.count(d.desiredCount()) + " tasks"));
    }

    private static Optional<Outcome> failed(String message) {
        return Optional.of(new Outcome.Failed(message));
    }

    private static Optional<String> reason(Deployment d) {
        return Optional.ofNullable(d.rolloutStateReason()).filter(r -> !r.isBlank());
    }

    /** The PRIMARY deployment of the given task definition, if the snapshot has it. */
    private static Optional<String> ours(Service s, String taskDefinitionArn) {
        return s.deployments().stream()
                .filter(d -> ServiceFacts.PRIMARY.equals(d.status()) && taskDefinitionArn.equals(d.taskDefinition()))
                .map(Deployment::id)
                .findFirst();
    }

    private static String key(ServiceEvent e) {
        return e.id() != null ? e.id() : e.createdAt() + " " + e.message();
    }
}
