package dev.gantry.api.elbv2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.api.protocol.AwsService;
import dev.gantry.api.protocol.ErrorTable;
import dev.gantry.api.protocol.OperationTable;
import dev.gantry.api.protocol.QueryDialect;
import dev.gantry.api.protocol.RequestContext;
import dev.gantry.api.protocol.ServiceBinding;
import dev.gantry.api.protocol.ServiceModel;
import dev.gantry.control.lb.LoadBalancing;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Elastic Load Balancing v2 over the AWS Query protocol (signing name {@code elasticloadbalancing}, API version
 * 2015-12-01), on the same port as every other service. The operations are {@code control/lb}'s.
 */
public final class Elbv2Service implements AwsService {
    static final String API_VERSION = "2015-12-01";
    static final String XML_NAMESPACE = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";
    private static final ServiceBinding BINDING =
            new ServiceBinding.Query(QueryDialect.QUERY, API_VERSION, XML_NAMESPACE);
    private static final ServiceModel MODEL = ServiceModel.load(Elbv2Service.class, "service-2.json.gz");

    private final OperationTable operations;

    /** {@code region} names the availability zone shown on load balancers ({@code <region>a}). */
    public Elbv2Service(LoadBalancing lb, String region) {
        var lbs = new LoadBalancerHandlers(lb, region);
        var groups = new TargetGroupHandlers(lb);
        var rules = new RuleHandlers(lb);
        Map<String, BiFunction<JsonNode, RequestContext, JsonNode>> ops = new LinkedHashMap<>();
        put(ops, "CreateLoadBalancer", lbs::create);
        put(ops, "DescribeLoadBalancers", lbs::describe);
        put(ops, "DeleteLoadBalancer", lbs::delete);
        put(ops, "DescribeLoadBalancerAttributes", lbs::describeAttributes);
        put(ops, "ModifyLoadBalancerAttributes", lbs::modifyAttributes);
        put(ops, "CreateListener", lbs::createListener);
        put(ops, "DescribeListeners", lbs::describeListeners);
        put(ops, "ModifyListener", lbs::modifyListener);
        put(ops, "DeleteListener", lbs::deleteListener);
        put(ops, "DescribeListenerAttributes", lbs::describeListenerAttributes);
        put(ops, "ModifyListenerAttributes", lbs::modifyListenerAttributes);
        put(ops, "CreateTargetGroup", groups::create);
        put(ops, "DescribeTargetGroups", groups::describe);
        put(ops, "ModifyTargetGroup", groups::modify);
        put(ops, "DeleteTargetGroup", groups::delete);
        put(ops, "DescribeTargetGroupAttributes", groups::describeAttributes);
        put(ops, "ModifyTargetGroupAttributes", groups::modifyAttributes);
        put(ops, "RegisterTargets", groups::register);
        put(ops, "DeregisterTargets", groups::deregister);
        put(ops, "DescribeTargetHealth", groups::health);
        put(ops, "CreateRule", rules::create);
        put(ops, "DescribeRules", rules::describe);
        put(ops, "ModifyRule", rules::modify);
        put(ops, "DeleteRule", rules::delete);
        put(ops, "SetRulePriorities", rules::setPriorities);
        put(ops, "AddTags", rules::addTags);
        put(ops, "RemoveTags", rules::removeTags);
        put(ops, "DescribeTags", rules::describeTags);
        this.operations = new OperationTable("Elastic Load Balancing v2", "docs/compat/elbv2.md", ops);
    }

    private static void put(
            Map<String, BiFunction<JsonNode, RequestContext, JsonNode>> ops,
            String name,
            Function<JsonNode, JsonNode> handler) {
        ops.put(name, (in, rc) -> handler.apply(in));
    }

    @Override
    public String signingName() {
        return "elasticloadbalancing";
    }

    @Override
    public ServiceBinding binding() {
        return BINDING;
    }

    @Override
    public ErrorTable errors() {
        return Elbv2Errors.TABLE;
    }

    @Override
    public Optional<ServiceModel> model() {
        return Optional.of(MODEL);
    }

    @Override
    public Set<String> operationNames() {
        return operations.names();
    }

    @Override
    public JsonNode handle(String operation, JsonNode input, RequestContext context) {
        return operations.dispatch(operation, input, context);
    }
}
