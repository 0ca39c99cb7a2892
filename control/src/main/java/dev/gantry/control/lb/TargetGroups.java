package dev.gantry.control.lb;

import dev.gantry.core.error.ApiException;
import dev.gantry.core.lb.LbError;
import dev.gantry.core.lb.LbTag;
import dev.gantry.core.lb.TargetGroup;
import dev.gantry.store.lb.TargetGroupStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Create/Describe/Modify/DeleteTargetGroup and the target-group attributes, below the wire. */
public final class TargetGroups {
    private static final Logger LOG = LoggerFactory.getLogger(TargetGroups.class);
    static final int MAX_GROUPS = 3000;
    public static final String DEFAULT_VPC_ID = "vpc-0gantry00000000000";

    static final String TARGET_TYPE = "Target type '%s' is not supported by Gantry: tasks run as on Fargate (awsvpc),"
            + " each with its own IP, so create the target group with TargetType ip.";
    static final String PROTOCOL_REQUIRED = "A target group of type ip needs a Protocol and a Port: give Protocol"
            + " HTTP (for an Application Load Balancer) or TCP (for a Network Load Balancer).";
    static final String PORT_REQUIRED = "A target group of type ip needs a Port (1-65535): the port targets receive"
            + " traffic on unless they are registered with their own.";
    static final String PROTOCOL = "Target group protocol '%s' is not supported by Gantry; use HTTP or TCP%s.";
    static final String VERSION = "ProtocolVersion '%s' is not valid; use HTTP1, HTTP2 or GRPC.";
    static final String VERSION_TCP = "ProtocolVersion applies to HTTP target groups only; leave it out for TCP.";
    static final String IP_TYPE = "IpAddressType '%s' is not supported by Gantry; use ipv4.";
    static final String DIFFERENT = "A target group named '%s' already exists with other settings; choose another"
            + " name or delete it first.";
    static final String IN_USE = "Target group '%s' is currently in use by a listener or a rule; remove it from"
            + " them (ModifyListener, ModifyRule or DeleteRule) first.";
    static final String TOO_MANY = "Gantry allows at most " + MAX_GROUPS + " target groups; delete one first.";

    private final LbContext ctx;

    public TargetGroups(LbContext ctx) {
        this.ctx = ctx;
    }

    /** The members of CreateTargetGroup other than health checks and tags. */
    public record Spec(
            String name,
            Optional<String> protocol,
            Optional<String> protocolVersion,
            Optional<Integer> port,
            Optional<String> vpcId,
            Optional<String> targetType,
            Optional<String> ipAddressType) {}

    public TargetGroup create(Spec spec, HealthCheckInput check, List<LbTag> tags) {
        LbNames.checkName("target group", spec.name());
        String type = spec.targetType().orElse("instance");
        if (!type.equals("ip")) {
            throw LbFailures.validation(String.format(TARGET_TYPE, type));
        }
        String protocol = spec.protocol().orElseThrow(() -> LbFailures.validation(PROTOCOL_REQUIRED));
        if (!protocol.equals("HTTP") && !protocol.equals("TCP")) {
            String why = protocol.equals("HTTPS") || protocol.equals("TLS") ? " (Gantry has no certificates)" : "";
            throw new ApiException(LbError.UNSUPPORTED_PROTOCOL, String.format(PROTOCOL, protocol, why));
        }
        int port = spec.port().orElseThrow(() -> LbFailures.validation(PORT_REQUIRED));
        Optional<String> version = version(protocol, spec.protocolVersion());
        String ipType = spec.ipAddressType().orElse("ipv4");
        if (!ipType.equals("ipv4")) {
            throw LbFailures.validation(String.format(IP_TYPE, ipType));
        }
        LbNames.checkTags(tags, 0);
        TargetGroup group = new TargetGroup(
                ctx.arns().targetGroup(spec.name(), ctx.newId()),
                spec.name(),
                protocol,
                version,
                port,
                spec.vpcId().orElse(DEFAULT_VPC_ID),
                type,
                ipType,
                HealthCheckRules.create(protocol, version, check),
                TargetGroupAttributes.defaults(protocol),
                ctx.clock().instant());
        if (ctx.groups().list().size() >= MAX_GROUPS) {
            throw new ApiException(LbError.TOO_MANY_TARGET_GROUPS, TOO_MANY);
        }
        Optional<TargetGroup> existing = ctx.groups().insert(group, tags);
        if (existing.isPresent()) {
            TargetGroup e = existing.get();
            if (e.protocol().equals(protocol)
                    && e.port() == port
                    && e.healthCheck().equals(group.healthCheck())) {
                return e; // the same group again: idempotent, as in ELBv2
            }
            throw new ApiException(LbError.DUPLICATE_TARGET_GROUP_NAME, String.format(DIFFERENT, spec.name()));
        }
        LOG.atInfo().addKeyValue("targetGroupArn", group.arn()).log("target group created");
        ctx.routing().publish();
        return group;
    }

    private static Optional<String> version(String protocol, Optional<String> requested) {
        if (!protocol.equals("HTTP")) {
            if (requested.isPresent()) {
                throw LbFailures.validation(VERSION_TCP);
            }
            return Optional.empty();
        }
        String v = requested.orElse("HTTP1");
        if (!List.of("HTTP1", "HTTP2", "GRPC").contains(v)) {
            throw LbFailures.validation(String.format(VERSION, v));
        }
        return Optional.of(v);
    }

    public TargetGroup find(String arn) {
        return ctx.targetGroup(arn);
    }

    /** By ARNs, names or load balancer (one of them), or all. */
    public List<TargetGroup> describe(Optional<String> loadBalancerArn, List<String> arns, List<String> names) {
        int given = (loadBalancerArn.isPresent() ? 1 : 0) + (arns.isEmpty() ? 0 : 1) + (names.isEmpty() ? 0 : 1);
        if (given > 1) {
            throw LbFailures.validation("Give at most one of LoadBalancerArn, TargetGroupArns and Names.");
        }
        if (loadBalancerArn.isPresent()) {
            String lb = ctx.loadBalancer(loadBalancerArn.get()).arn();
            return ctx.groups().list().stream()
                    .filter(g -> ctx.lbs().loadBalancersOf(g.arn()).contains(lb))
                    .toList();
        }
        List<TargetGroup> out = new ArrayList<>();
        arns.forEach(a -> out.add(ctx.targetGroup(a)));
        names.forEach(n -> out.add(ctx.groups().findByName(n).orElseThrow(() -> LbFailures.targetGroupNotFound(n))));
        return arns.isEmpty() && names.isEmpty() ? ctx.groups().list() : out;
    }

    /** The load balancers whose listeners or rules forward to the group. */
    public List<String> loadBalancerArns(String targetGroupArn) {
        return ctx.lbs().loadBalancersOf(targetGroupArn);
    }

    public TargetGroup modify(String arn, HealthCheckInput check) {
        TargetGroup current = ctx.targetGroup(arn);
        TargetGroup changed = current.withHealthCheck(
                HealthCheckRules.modify(current.healthCheck(), current.protocol(), current.protocolVersion(), check));
        ctx.groups().update(changed);
        ctx.routing().publish();
        return changed;
    }

    /** Deletes the group unless a listener or rule uses it; deleting one that is gone succeeds, as in ELBv2. */
    public void delete(String arn) {
        TargetGroupStore.DeleteResult result = ctx.groups().delete(arn);
        if (result == TargetGroupStore.DeleteResult.IN_USE) {
            throw new ApiException(LbError.RESOURCE_IN_USE, String.format(IN_USE, arn));
        }
        if (result == TargetGroupStore.DeleteResult.DELETED) {
            LOG.atInfo().addKeyValue("targetGroupArn", arn).log("target group deleted");
            ctx.routing().publish();
        }
    }

    public Map<String, String> attributes(String arn) {
        return ctx.targetGroup(arn).attributes();
    }

    public Map<String, String> modifyAttributes(String arn, Map<String, String> changes) {
        TargetGroup current = ctx.targetGroup(arn);
        TargetGroup changed =
                current.withAttributes(TargetGroupAttributes.apply(current.protocol(), current.attributes(), changes));
        ctx.groups().update(changed);
        ctx.routing().publish();
        return changed.attributes();
    }
}
