package dev.gantry.core.lb;

import dev.gantry.core.arn.Arns;

/**
 * ELBv2's ARN formats for one region and account: {@code loadbalancer/app/NAME/ID} ({@code net/} for network),
 * {@code targetgroup/NAME/ID}, {@code listener/app/NAME/LBID/ID}, {@code listener-rule/app/NAME/LBID/LID/ID};
 * ids are 16 lowercase hex characters.
 */
public record LbArns(Arns arns) {

    private String prefix() {
        return "arn:aws:elasticloadbalancing:" + arns.region() + ":" + arns.accountId() + ":";
    }

    private static String kind(String type) {
        return type.equals(LoadBalancer.NETWORK) ? "net" : "app";
    }

    public String loadBalancer(String type, String name, String id) {
        return prefix() + "loadbalancer/" + kind(type) + "/" + name + "/" + id;
    }

    public String targetGroup(String name, String id) {
        return prefix() + "targetgroup/" + name + "/" + id;
    }

    /** A listener of {@code loadBalancerArn}: its path after {@code loadbalancer/}, then the listener's id. */
    public String listener(String loadBalancerArn, String id) {
        return prefix() + "listener/" + pathAfter(loadBalancerArn, ":loadbalancer/") + "/" + id;
    }

    public String rule(String listenerArn, String id) {
        return prefix() + "listener-rule/" + pathAfter(listenerArn, ":listener/") + "/" + id;
    }

    private static String pathAfter(String arn, String marker) {
        int at = arn.indexOf(marker);
        if (at < 0) {
            throw new IllegalArgumentException("not an ELBv2 ARN with " + marker + ": " + arn);
        }
        return arn.substring(at + marker.length());
    }

    /** The DNS name Gantry gives a load balancer ({@code internal-} first for an internal one, as ELB does). */
    public String dnsName(String name, String scheme, String id) {
        String host = name + "-" + id.substring(0, 10) + "." + arns.region() + ".elb.localhost";
        return scheme.equals(LoadBalancer.INTERNAL) ? "internal-" + host : host;
    }
}
