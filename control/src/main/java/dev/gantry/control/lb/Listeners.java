package dev.gantry.control.lb;

import dev.gantry.core.error.ApiException;
import dev.gantry.core.lb.Action;
import dev.gantry.core.lb.LbError;
import dev.gantry.core.lb.LbTag;
import dev.gantry.core.lb.Listener;
import dev.gantry.core.lb.LoadBalancer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Create/Describe/Modify/DeleteListener below the wire. A listener's port is a port of this host: unique within
 * its load balancer (DuplicateListener) and across load balancers (InvalidConfigurationRequest naming the holder).
 */
public final class Listeners {
    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);
    static final int MAX_LISTENERS = 50;

    static final String PORT_REQUIRED = "A listener needs a Port: give the port (1-65535) it listens on; in Gantry"
            + " that is a port of this host.";
    static final String DUPLICATE = "A listener already exists on port %d of load balancer '%s'; choose another port"
            + " or modify that listener.";
    static final String PORT_TAKEN = "Port %d is already used by listener '%s' of another load balancer: in Gantry a"
            + " listener port is a port of this host, so each listener needs its own. Choose another port.";
    static final String TLS = "Listener protocol %s is not supported by Gantry (it has no certificates); use %s.";
    static final String FAMILY = "Listener protocol %s does not fit a load balancer of type %s; use %s.";
    static final String TOO_MANY = "A load balancer can have at most " + MAX_LISTENERS + " listeners.";
    static final String CERTIFICATES = "Certificates and SslPolicy apply to HTTPS and TLS listeners, which Gantry"
            + " does not support; leave them out.";

    private final LbContext ctx;

    public Listeners(LbContext ctx) {
        this.ctx = ctx;
    }

    public Listener create(
            String loadBalancerArn,
            Optional<Integer> port,
            Optional<String> protocol,
            List<Action> actions,
            boolean hasTls,
            List<LbTag> tags) {
        LoadBalancer lb = ctx.loadBalancer(loadBalancerArn);
        String p = protocol(lb, protocol, hasTls);
        int listenerPort = port.orElseThrow(() -> LbFailures.validation(PORT_REQUIRED));
        ActionRules.check(actions, lb, ctx.groups()::find, ctx.lbs()::loadBalancersOf);
        LbNames.checkTags(tags, 0);
        if (ctx.lbs().listeners(lb.arn()).size() >= MAX_LISTENERS) {
            throw new ApiException(LbError.TOO_MANY_LISTENERS, TOO_MANY);
        }
        String arn = ctx.arns().listener(lb.arn(), ctx.newId());
        Listener listener = new Listener(
                arn,
                lb.arn(),
                listenerPort,
                p,
                actions,
                ctx.arns().rule(arn, ctx.newId()),
                ListenerAttributes.defaults(p));
        checkFree(arn, lb, listenerPort);
        Optional<Listener> holder = ctx.lbs().insertListener(listener, tags);
        if (holder.isPresent()) {
            if (holder.get().loadBalancerArn().equals(lb.arn())
                    && holder.get().protocol().equals(p)
                    && holder.get().defaultActions().equals(actions)) {
                return holder.get(); // the same listener again: idempotent, as in ELBv2
            }
            throw conflict(holder.get(), lb.arn(), listenerPort);
        }
        LOG.atInfo()
                .addKeyValue("listenerArn", arn)
                .addKeyValue("port", listenerPort)
                .log("listener created");
        ctx.routing().publish();
        return listener;
    }

    /** A port another program holds cannot be listened on: refused now rather than a listener that never answers. */
    private void checkFree(String listenerArn, LoadBalancer lb, int port) {
        ctx.dataPlane().cannotListen(listenerArn, lb.bindAddress(), port).ifPresent(why -> {
            throw new ApiException(LbError.INVALID_CONFIGURATION_REQUEST, why);
        });
    }

    private static ApiException conflict(Listener holder, String lbArn, int port) {
        return holder.loadBalancerArn().equals(lbArn)
                ? new ApiException(LbError.DUPLICATE_LISTENER, String.format(DUPLICATE, port, lbArn))
                : new ApiException(
                        LbError.INVALID_CONFIGURATION_REQUEST, String.format(PORT_TAKEN, port, holder.arn()));
    }

    private static String protocol(LoadBalancer lb, Optional<String> protocol, boolean hasTls) {
        String expected = lb.isApplication() ? "HTTP" : "TCP";
        String p = protocol.orElse(expected);
        if (p.equals("HTTPS") || p.equals("TLS")) {
            throw new ApiException(LbError.UNSUPPORTED_PROTOCOL, String.format(TLS, p, expected));
        }
        if (!p.equals(expected)) {
            throw new ApiException(LbError.INCOMPATIBLE_PROTOCOLS, String.format(FAMILY, p, lb.type(), expected));
        }
        if (hasTls) {
            throw LbFailures.validation(CERTIFICATES);
        }
        return p;
    }

    public Listener find(String arn) {
        return ctx.lbs().listener(arn).orElseThrow(() -> LbFailures.listenerNotFound(arn));
    }

    /** A load balancer's listeners, or the listeners named. */
    public List<Listener> describe(Optional<String> loadBalancerArn, List<String> arns) {
        if (loadBalancerArn.isPresent() == !arns.isEmpty()) {
            throw LbFailures.validation("Give either LoadBalancerArn or ListenerArns.");
        }
        if (loadBalancerArn.isPresent()) {
            return ctx.lbs().listeners(ctx.loadBalancer(loadBalancerArn.get()).arn());
        }
        List<Listener> out = new ArrayList<>();
        arns.forEach(a -> out.add(find(a)));
        return out;
    }

    public Listener modify(
            String arn,
            Optional<Integer> port,
            Optional<String> protocol,
            Optional<List<Action>> actions,
            boolean hasTls) {
        Listener current = find(arn);
        LoadBalancer lb = ctx.loadBalancer(current.loadBalancerArn());
        String p = protocol(lb, protocol.or(() -> Optional.of(current.protocol())), hasTls);
        List<Action> newActions = actions.orElse(current.defaultActions());
        if (actions.isPresent()) {
            ActionRules.check(newActions, lb, ctx.groups()::find, ctx.lbs()::loadBalancersOf);
        }
        Listener moved = current.with(port.orElse(current.port()), p, newActions);
        Listener changed = p.equals(current.protocol()) ? moved : moved.withAttributes(ListenerAttributes.defaults(p));
        if (changed.port() != current.port()) {
            checkFree(arn, lb, changed.port());
        }
        ctx.lbs().updateListener(changed).ifPresent(holder -> {
            throw conflict(holder, lb.arn(), changed.port());
        });
        ctx.routing().publish();
        return changed;
    }

    public java.util.Map<String, String> attributes(String arn) {
        return find(arn).attributes();
    }

    public java.util.Map<String, String> modifyAttributes(String arn, java.util.Map<String, String> changes) {
        Listener current = find(arn);
        Listener changed =
                current.withAttributes(ListenerAttributes.apply(current.protocol(), current.attributes(), changes));
        ctx.lbs().updateListener(changed);
        ctx.routing().publish();
        return changed.attributes();
    }

    public void delete(String arn) {
        if (!ctx.lbs().deleteListener(arn)) {
            throw LbFailures.listenerNotFound(arn);
        }
        LOG.atInfo().addKeyValue("listenerArn", arn).log("listener deleted");
        ctx.routing().publish();
    }
}
