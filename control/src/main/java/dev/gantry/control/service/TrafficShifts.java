package dev.gantry.control.service;

import dev.gantry.control.deployment.Weights;
import dev.gantry.core.lb.WeightedTargetGroup;
import dev.gantry.core.service.AdvancedConfiguration;
import dev.gantry.core.service.Deployment;
import dev.gantry.core.service.DeploymentStatus;
import dev.gantry.core.service.RolloutState;
import dev.gantry.core.service.ServiceLoadBalancer;
import dev.gantry.core.service.ServiceSpec;
import dev.gantry.core.service.ServiceStatus;
import dev.gantry.core.service.TrafficShift;
import dev.gantry.core.service.TrafficShiftSettings;
import dev.gantry.core.task.Task;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Pure glue between the service planner and the traffic planner: when a BLUE_GREEN, LINEAR or CANARY deployment
 * begins its shift (and which target groups are green and blue), and which forward weights a shift asks of the
 * production and test listener rules.
 */
final class TrafficShifts {
    private TrafficShifts() {}

    /**
     * The state with a shift begun for the PRIMARY deployment, if it needs one: the service's strategy shifts
     * traffic, the deployment is IN_PROGRESS and not a circuit-breaker rollback, has no shift yet, and an older
     * deployment (blue: the newest COMPLETED one with live tasks, else the newest with live tasks) serves. Green gets,
     * for each load balancer, the group of the pair blue is not in.
     */
    static ServiceState begin(ServiceState s) {
        ServiceSpec spec = s.service().spec();
        TrafficShiftSettings cfg = spec.deployment().shift();
        if (s.service().status() != ServiceStatus.ACTIVE || !cfg.strategy().shiftsTraffic()) {
            return s;
        }
        Optional<Deployment> primary = s.deployments().stream()
                .filter(Deployment::isPrimary)
                .findFirst()
                .filter(p -> p.rolloutState() == RolloutState.IN_PROGRESS
                        && p.rollbackOf().isEmpty()
                        && !s.shifts().containsKey(p.id()));
        if (primary.isEmpty()) {
            return s;
        }
        Optional<Deployment> blue = s.deployments().stream()
                .filter(d -> !d.id().equals(primary.get().id()) && d.status() != DeploymentStatus.INACTIVE)
                .filter(d -> s.tasks().stream().anyMatch(t -> TaskCheck.live(t) && owns(d, t)))
                .min(Comparator.comparing((Deployment d) -> d.rolloutState() != RolloutState.COMPLETED));
        if (blue.isEmpty()) {
            return s;
        }
        List<ServiceLoadBalancer> lbs = spec.loadBalancers();
        List<String> blueGroups = s.groupsOf(blue.get().id());
        if (blueGroups.size() != lbs.size()) {
            blueGroups = lbs.stream().map(ServiceLoadBalancer::targetGroupArn).toList();
        }
        List<String> greenGroups = new ArrayList<>();
        for (int i = 0; i < lbs.size(); i++) {
            ServiceLoadBalancer lb = lbs.get(i);
            String b = blueGroups.get(i);
            greenGroups.add(lb.otherGroup(b)
                    .or(() -> lb.advanced().map(AdvancedConfiguration::alternateTargetGroupArn))
                    .orElse(b));
        }
        return s.withShift(TrafficShift.begin(
                primary.get().id(), s.service().serviceArn(), blue.get().id(), cfg, greenGroups, blueGroups, s.now()));
    }

    static boolean owns(Deployment d, Task t) {
        return d.id().equals(t.spec().startedBy().orElse(""));
    }

    /**
     * The forward each listener rule should have for the shift: production split by the shift's share (all blue
     * after a rollback), test all green from TEST_TRAFFIC_SHIFT on (all blue before, and after a rollback).
     */
    static List<RuleForward> rules(ServiceSpec spec, TrafficShift shift) {
        List<RuleForward> out = new ArrayList<>();
        List<ServiceLoadBalancer> lbs = spec.loadBalancers();
        if (lbs.size() != shift.greenGroups().size()) {
            return out;
        }
        boolean back = shift.outcome() == TrafficShift.Outcome.ROLLED_BACK;
        Weights production = Weights.of(back ? 0 : shift.productionPermille());
        Weights test = Weights.of(shift.testOnGreen() ? 1000 : 0);
        for (int i = 0; i < lbs.size(); i++) {
            Optional<AdvancedConfiguration> a = lbs.get(i).advanced();
            if (a.isEmpty()) {
                continue;
            }
            String green = shift.greenGroups().get(i);
            String blue = shift.blueGroups().get(i);
            if (green.equals(blue)) {
                continue;
            }
            out.add(new RuleForward(a.get().productionListenerRule(), split(green, blue, production)));
            a.get().testListenerRule().ifPresent(t -> out.add(new RuleForward(t, split(green, blue, test))));
        }
        return out;
    }

    private static List<WeightedTargetGroup> split(String green, String blue, Weights w) {
        return List.of(new WeightedTargetGroup(blue, w.blue()), new WeightedTargetGroup(green, w.green()));
    }

    /** A listener rule and the forward it should have. */
    record RuleForward(String ruleArn, List<WeightedTargetGroup> groups) {
        RuleForward {
            groups = List.copyOf(groups);
        }
    }
}
