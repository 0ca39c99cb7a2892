package dev.gantry.api.elbv2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.control.lb.LoadBalancing;
import dev.gantry.core.lb.Listener;
import dev.gantry.core.lb.LoadBalancer;

/** CreateLoadBalancer, DescribeLoadBalancers, DeleteLoadBalancer, and the listener actions. */
final class LoadBalancerHandlers {
    private final LoadBalancing lb;
    private final String region;

    LoadBalancerHandlers(LoadBalancing lb, String region) {
        this.lb = lb;
        this.region = region;
    }

    private ObjectNode view(LoadBalancer l, String state) {
        return Views.loadBalancer(l, region, dev.gantry.control.lb.TargetGroups.DEFAULT_VPC_ID, state);
    }

    /** A new load balancer reports {@code provisioning}, as ELB does; its listeners bind at once, so it is then active. */
    JsonNode create(JsonNode input) {
        In in = new In(input);
        java.util.List<String> subnets = new java.util.ArrayList<>(in.texts("Subnets"));
        in.objects("SubnetMappings").forEach(m -> m.text("SubnetId").ifPresent(subnets::add));
        LoadBalancer created = lb.loadBalancers()
                .create(
                        in.required("Name"),
                        in.text("Type"),
                        in.text("Scheme"),
                        in.text("IpAddressType"),
                        subnets,
                        in.texts("SecurityGroups"),
                        in.tags("Tags"));
        ObjectNode out = Views.object();
        out.putArray("LoadBalancers").add(view(created, "provisioning"));
        return out;
    }

    JsonNode describe(JsonNode input) {
        In in = new In(input);
        ObjectNode out = Views.object();
        Paging.page(
                in,
                out,
                "LoadBalancers",
                lb.loadBalancers().describe(in.texts("LoadBalancerArns"), in.texts("Names")),
                this::described);
        return out;
    }

    /** {@code active}, or {@code active_impaired} with the reason when a listener cannot listen (port in use). */
    private ObjectNode described(LoadBalancer l) {
        java.util.Optional<String> impaired = lb.impairment(l.arn());
        return Views.loadBalancer(
                l,
                region,
                dev.gantry.control.lb.TargetGroups.DEFAULT_VPC_ID,
                impaired.isPresent() ? "active_impaired" : "active",
                impaired);
    }

    JsonNode delete(JsonNode input) {
        lb.loadBalancers().delete(new In(input).required("LoadBalancerArn"));
        return Views.object();
    }

    JsonNode describeAttributes(JsonNode input) {
        ObjectNode out = Views.object();
        out.set(
                "Attributes",
                Views.attributes(lb.loadBalancers().attributes(new In(input).required("LoadBalancerArn"))));
        return out;
    }

    JsonNode modifyAttributes(JsonNode input) {
        In in = new In(input);
        ObjectNode out = Views.object();
        out.set(
                "Attributes",
                Views.attributes(lb.loadBalancers()
                        .modifyAttributes(in.required("LoadBalancerArn"), in.keyValues("Attributes"))));
        return out;
    }

    JsonNode createListener(JsonNode input) {
        In in = new In(input);
        Listener l = lb.listeners()
                .create(
                        in.required("LoadBalancerArn"),
                        in.integer("Port"),
                        in.text("Protocol"),
                        WireActions.actions(in.objects("DefaultActions")),
                        tls(in),
                        in.tags("Tags"));
        ObjectNode out = Views.object();
        out.putArray("Listeners").add(Views.listener(l));
        return out;
    }

    private static boolean tls(In in) {
        return in.has("SslPolicy")
                || !in.objects("Certificates").isEmpty()
                || !in.texts("AlpnPolicy").isEmpty();
    }

    JsonNode describeListeners(JsonNode input) {
        In in = new In(input);
        ObjectNode out = Views.object();
        Paging.page(
                in,
                out,
                "Listeners",
                lb.listeners().describe(in.text("LoadBalancerArn"), in.texts("ListenerArns")),
                Views::listener);
        return out;
    }

    JsonNode modifyListener(JsonNode input) {
        In in = new In(input);
        java.util.Optional<java.util.List<dev.gantry.core.lb.Action>> actions = in.has("DefaultActions")
                ? java.util.Optional.of(WireActions.actions(in.objects("DefaultActions")))
                : java.util.Optional.empty();
        Listener l = lb.listeners()
                .modify(in.required("ListenerArn"), in.integer("Port"), in.text("Protocol"), actions, tls(in));
        ObjectNode out = Views.object();
        out.putArray("Listeners").add(Views.listener(l));
        return out;
    }

    JsonNode describeListenerAttributes(JsonNode input) {
        ObjectNode out = Views.object();
        out.set("Attributes", Views.attributes(lb.listeners().attributes(new In(input).required("ListenerArn"))));
        return out;
    }

    JsonNode modifyListenerAttributes(JsonNode input) {
        In in = new In(input);
        ObjectNode out = Views.object();
        out.set(
                "Attributes",
                Views.attributes(
                        lb.listeners().modifyAttributes(in.required("ListenerArn"), in.keyValues("Attributes"))));
        return out;
    }

    JsonNode deleteListener(JsonNode input) {
        lb.listeners().delete(new In(input).required("ListenerArn"));
        return Views.object();
    }
}
