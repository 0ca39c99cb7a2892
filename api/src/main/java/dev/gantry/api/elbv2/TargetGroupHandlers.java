package dev.gantry.api.elbv2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.control.lb.HealthCheckInput;
import dev.gantry.control.lb.LoadBalancing;
import dev.gantry.control.lb.TargetGroups;
import dev.gantry.control.lb.TargetInput;
import dev.gantry.core.lb.TargetGroup;
import java.util.ArrayList;
import java.util.List;

/** Target groups, their attributes, targets and target health. */
final class TargetGroupHandlers {
    private final LoadBalancing lb;

    TargetGroupHandlers(LoadBalancing lb) {
        this.lb = lb;
    }

    private ObjectNode view(TargetGroup g) {
        return Views.targetGroup(g, lb.targetGroups().loadBalancerArns(g.arn()));
    }

    private static HealthCheckInput healthCheck(In in) {
        In matcher = in.object("Matcher");
        return new HealthCheckInput(
                in.bool("HealthCheckEnabled"),
                in.text("HealthCheckProtocol"),
                in.text("HealthCheckPort"),
                in.text("HealthCheckPath"),
                in.integer("HealthCheckIntervalSeconds"),
                in.integer("HealthCheckTimeoutSeconds"),
                in.integer("HealthyThresholdCount"),
                in.integer("UnhealthyThresholdCount"),
                matcher.text("HttpCode"),
                matcher.text("GrpcCode"));
    }

    JsonNode create(JsonNode input) {
        In in = new In(input);
        TargetGroups.Spec spec = new TargetGroups.Spec(
                in.required("Name"),
                in.text("Protocol"),
                in.text("ProtocolVersion"),
                in.integer("Port"),
                in.text("VpcId"),
                in.text("TargetType"),
                in.text("IpAddressType"));
        TargetGroup g = lb.targetGroups().create(spec, healthCheck(in), in.tags("Tags"));
        ObjectNode out = Views.object();
        out.putArray("TargetGroups").add(view(g));
        return out;
    }

    JsonNode describe(JsonNode input) {
        In in = new In(input);
        ObjectNode out = Views.object();
        Paging.page(
                in,
                out,
                "TargetGroups",
                lb.targetGroups().describe(in.text("LoadBalancerArn"), in.texts("TargetGroupArns"), in.texts("Names")),
                this::view);
        return out;
    }

    JsonNode modify(JsonNode input) {
        In in = new In(input);
        TargetGroup g = lb.targetGroups().modify(in.required("TargetGroupArn"), healthCheck(in));
        ObjectNode out = Views.object();
        out.putArray("TargetGroups").add(view(g));
        return out;
    }

    JsonNode delete(JsonNode input) {
        lb.targetGroups().delete(new In(input).required("TargetGroupArn"));
        return Views.object();
    }

    JsonNode describeAttributes(JsonNode input) {
        ObjectNode out = Views.object();
        out.set("Attributes", Views.attributes(lb.targetGroups().attributes(new In(input).required("TargetGroupArn"))));
        return out;
    }

    JsonNode modifyAttributes(JsonNode input) {
        In in = new In(input);
        var changed = lb.targetGroups().modifyAttributes(in.required("TargetGroupArn"), in.keyValues("Attributes"));
        ObjectNode out = Views.object();
        out.set("Attributes", Views.attributes(changed));
        return out;
    }

    private static List<TargetInput> targets(In in) {
        List<TargetInput> out = new ArrayList<>();
        for (In t : in.objects("Targets")) {
            out.add(new TargetInput(t.required("Id"), t.integer("Port")));
        }
        return out;
    }

    JsonNode register(JsonNode input) {
        In in = new In(input);
        lb.targets().register(in.required("TargetGroupArn"), targets(in));
        return Views.object();
    }

    JsonNode deregister(JsonNode input) {
        In in = new In(input);
        lb.targets().deregister(in.required("TargetGroupArn"), targets(in));
        return Views.object();
    }

    JsonNode health(JsonNode input) {
        In in = new In(input);
        ObjectNode out = Views.object();
        ArrayNode rows = out.putArray("TargetHealthDescriptions");
        lb.targets().health(in.required("TargetGroupArn"), targets(in)).forEach(d -> rows.add(Views.targetHealth(d)));
        return out;
    }
}
