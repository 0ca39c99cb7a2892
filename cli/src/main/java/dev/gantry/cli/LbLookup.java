package dev.gantry.cli;

import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

/** Reads load balancers, their listeners and rules, target groups and target health through the ELBv2 API. */
record LbLookup(ElasticLoadBalancingV2Client elb) {

    /** All load balancers, or the one named (by name or ARN); an unknown name is the server's LoadBalancerNotFound. */
    List<LoadBalancer> loadBalancers(Optional<String> name) {
        DescribeLoadBalancersRequest.Builder request = DescribeLoadBalancersRequest.builder();
        if (name.isPresent()) {
            if (name.get().startsWith("arn:")) {
                request.loadBalancerArns(name.get());
            } else {
                request.names(name.get());
            }
        }
        return elb.describeLoadBalancersPaginator(request.build()).loadBalancers().stream()
                .toList();
    }

    LbView.Snapshot snapshot(LoadBalancer lb) {
        List<LbView.ListenerRules> listeners =
                elb.describeListenersPaginator(b -> b.loadBalancerArn(lb.loadBalancerArn())).listeners().stream()
                        .map(this::withRules)
                        .toList();
        List<LbView.GroupHealth> groups =
                elb.describeTargetGroupsPaginator(b -> b.loadBalancerArn(lb.loadBalancerArn())).targetGroups().stream()
                        .map(this::withHealth)
                        .toList();
        return new LbView.Snapshot(lb, listeners, groups);
    }

    /** Target groups no load balancer uses (a service's alternate group before its first blue/green shift, say). */
    List<LbView.GroupHealth> unattachedGroups() {
        return elb.describeTargetGroupsPaginator(b -> {}).targetGroups().stream()
                .filter(g -> g.loadBalancerArns().isEmpty())
                .map(this::withHealth)
                .toList();
    }

    private LbView.ListenerRules withRules(Listener l) {
        return new LbView.ListenerRules(
                l,
                elb.describeRulesPaginator(b -> b.listenerArn(l.listenerArn())).rules().stream()
                        .toList());
    }

    private LbView.GroupHealth withHealth(TargetGroup g) {
        return new LbView.GroupHealth(
                g,
                elb.describeTargetHealth(b -> b.targetGroupArn(g.targetGroupArn()))
                        .targetHealthDescriptions());
    }
}
