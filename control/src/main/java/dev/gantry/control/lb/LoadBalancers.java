package dev.gantry.control.lb;

import dev.gantry.core.error.ApiException;
import dev.gantry.core.lb.LbError;
import dev.gantry.core.lb.LbTag;
import dev.gantry.core.lb.LoadBalancer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** CreateLoadBalancer, DescribeLoadBalancers and DeleteLoadBalancer below the wire. */
public final class LoadBalancers {
    private static final Logger LOG = LoggerFactory.getLogger(LoadBalancers.class);
    static final int MAX_LOAD_BALANCERS = 50;

    static final String GATEWAY =
            "Load balancers of type '%s' are not supported by Gantry; use application or" + " network.";
    static final String DUALSTACK = "IpAddressType '%s' is not supported by Gantry; use ipv4.";
    static final String DIFFERENT = "A load balancer named '%s' already exists with another type or scheme; choose"
            + " another name or delete it first.";
    static final String TOO_MANY = "Gantry allows at most " + MAX_LOAD_BALANCERS + " load balancers; delete one first.";

    private final LbContext ctx;

    public LoadBalancers(LbContext ctx) {
        this.ctx = ctx;
    }

    /** Creates the load balancer, or returns the existing one of that name and settings (the call is idempotent). */
    public LoadBalancer create(
            String name,
            Optional<String> type,
            Optional<String> scheme,
            Optional<String> ipAddressType,
            List<LbTag> tags) {
        return create(name, type, scheme, ipAddressType, List.of(), List.of(), tags);
    }

    /**
     * As above, recording the subnets and security groups the request named (shown back by
     * DescribeLoadBalancers, as clients such as Terraform compare them; Gantry has no VPC to act on them).
     */
    public LoadBalancer create(
            String name,
            Optional<String> type,
            Optional<String> scheme,
            Optional<String> ipAddressType,
            List<String> subnets,
            List<String> securityGroups,
            List<LbTag> tags) {
        LbNames.checkLoadBalancerName(name);
        String t = type.orElse(LoadBalancer.APPLICATION);
        if (!t.equals(LoadBalancer.APPLICATION) && !t.equals(LoadBalancer.NETWORK)) {
            throw LbFailures.validation(String.format(GATEWAY, t));
        }
        String s = scheme.orElse(LoadBalancer.INTERNET_FACING);
        if (!s.equals(LoadBalancer.INTERNAL) && !s.equals(LoadBalancer.INTERNET_FACING)) {
            throw new ApiException(
                    LbError.INVALID_SCHEME, "Scheme '" + s + "' is not valid; use internal or" + " internet-facing.");
        }
        String ipType = ipAddressType.orElse("ipv4");
        if (!ipType.equals("ipv4")) {
            throw LbFailures.validation(String.format(DUALSTACK, ipType));
        }
        LbNames.checkTags(tags, 0);
        if (ctx.lbs().loadBalancers().size() >= MAX_LOAD_BALANCERS
                && ctx.lbs().loadBalancerByName(name).isEmpty()) {
            throw new ApiException(LbError.TOO_MANY_LOAD_BALANCERS, TOO_MANY);
        }
        String id = ctx.newId();
        LoadBalancer lb = new LoadBalancer(
                ctx.arns().loadBalancer(t, name, id),
                name,
                t,
                s,
                ipType,
                ctx.arns().dnsName(name, s, id),
                subnets,
                t.equals(LoadBalancer.APPLICATION) ? securityGroups : List.of(),
                LoadBalancerAttributes.defaults(t.equals(LoadBalancer.APPLICATION), s.equals(LoadBalancer.INTERNAL)),
                ctx.clock().instant());
        Optional<LoadBalancer> existing = ctx.lbs().insertLoadBalancer(lb, tags);
        if (existing.isPresent()) {
            if (!existing.get().type().equals(t) || !existing.get().scheme().equals(s)) {
                throw new ApiException(LbError.DUPLICATE_LOAD_BALANCER_NAME, String.format(DIFFERENT, name));
            }
            return existing.get();
        }
        LOG.atInfo()
                .addKeyValue("loadBalancerArn", lb.arn())
                .addKeyValue("scheme", s)
                .log("load balancer created");
        ctx.routing().publish();
        return lb;
    }

    public java.util.Map<String, String> attributes(String arn) {
        return ctx.loadBalancer(arn).attributes();
    }

    public java.util.Map<String, String> modifyAttributes(String arn, java.util.Map<String, String> changes) {
        LoadBalancer current = ctx.loadBalancer(arn);
        LoadBalancer changed = current.withAttributes(
                LoadBalancerAttributes.apply(current.isApplication(), current.attributes(), changes));
        ctx.lbs().updateLoadBalancer(changed);
        ctx.routing().publish();
        return changed.attributes();
    }

    /** By ARNs or names (each must exist), or all of them. */
    public List<LoadBalancer> describe(List<String> arns, List<String> names) {
        if (!arns.isEmpty() && !names.isEmpty()) {
            throw LbFailures.validation("Give LoadBalancerArns or Names, not both.");
        }
        if (arns.isEmpty() && names.isEmpty()) {
            return ctx.lbs().loadBalancers();
        }
        List<LoadBalancer> out = new ArrayList<>();
        for (String arn : arns) {
            out.add(ctx.loadBalancer(arn));
        }
        for (String name : names) {
            out.add(ctx.lbs().loadBalancerByName(name).orElseThrow(() -> LbFailures.loadBalancerNotFound(name)));
        }
        return out;
    }

    /**
     * Deletes the load balancer with its listeners and rules, unless deletion protection is on; deleting one that
     * is gone succeeds, as in ELBv2.
     */
    public void delete(String arn) {
        if (ctx.lbs().loadBalancer(arn).filter(LoadBalancer::deletionProtected).isPresent()) {
            throw new ApiException(
                    LbError.OPERATION_NOT_PERMITTED, String.format(LoadBalancerAttributes.PROTECTED, arn));
        }
        if (ctx.lbs().deleteLoadBalancer(arn)) {
            LOG.atInfo().addKeyValue("loadBalancerArn", arn).log("load balancer deleted");
            ctx.routing().publish();
        }
    }
}
