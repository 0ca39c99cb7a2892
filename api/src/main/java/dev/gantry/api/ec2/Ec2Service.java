package dev.gantry.api.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.api.protocol.AccessTarget;
import dev.gantry.api.protocol.AwsService;
import dev.gantry.api.protocol.ErrorTable;
import dev.gantry.api.protocol.OperationTable;
import dev.gantry.api.protocol.QueryDialect;
import dev.gantry.api.protocol.RequestContext;
import dev.gantry.api.protocol.ServiceBinding;
import dev.gantry.api.protocol.ServiceModel;
import dev.gantry.control.network.NetworkChanges;
import dev.gantry.control.network.SubnetNetworks;
import dev.gantry.control.network.TaskInterfaces;
import dev.gantry.core.id.IdSource;
import dev.gantry.store.ec2.Ec2Store;
import dev.gantry.store.ec2.Ec2TagStore;
import dev.gantry.store.ec2.SecurityGroupStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * EC2's networking subset in EC2's own Query dialect (signing name {@code ec2}, API version 2016-11-15): VPCs,
 * subnets, security groups and rules, tags, availability zones and the running tasks' network interfaces. The
 * request's members are typed by botocore's EC2 model, trimmed to these operations (see package-info).
 */
public final class Ec2Service implements AwsService {
    static final String API_VERSION = "2016-11-15";
    static final String XML_NAMESPACE = "http://ec2.amazonaws.com/doc/2016-11-15/";
    private static final ServiceBinding BINDING =
            new ServiceBinding.Query(QueryDialect.EC2, API_VERSION, XML_NAMESPACE);
    private static final ServiceModel MODEL = ServiceModel.load(Ec2Service.class, "service-2.json.gz");

    private final OperationTable operations;
    private final Ec2Access access;

    /** What the EC2 handlers need beside the store: the engine, the tasks' interfaces, the change nudge, ids. */
    public record Seams(
            SubnetNetworks subnetNetworks, TaskInterfaces interfaces, NetworkChanges changes, IdSource ids) {}

    public Ec2Service(
            Ec2Store store, SecurityGroupStore groups, Ec2TagStore tags, Seams seams, String region, String accountId) {
        Views views = new Views(region, accountId);
        this.access = new Ec2Access(views);
        var networks = new NetworkHandlers(store, seams, views, region);
        var sgs = new GroupHandlers(groups, tags, networks, seams, views);
        var other = new TagHandlers(store, groups, tags, seams, views, region);
        var extras = new VpcExtras(store, networks, views);
        Map<String, BiFunction<JsonNode, RequestContext, JsonNode>> ops = new LinkedHashMap<>();
        put(ops, "CreateVpc", networks::createVpc);
        put(ops, "DescribeVpcs", networks::describeVpcs);
        put(ops, "DeleteVpc", networks::deleteVpc);
        put(ops, "DescribeVpcAttribute", extras::describeAttribute);
        put(ops, "ModifyVpcAttribute", extras::modifyAttribute);
        put(ops, "DescribeRouteTables", extras::describeRouteTables);
        put(ops, "DescribeNetworkAcls", extras::describeNetworkAcls);
        put(ops, "CreateSubnet", networks::createSubnet);
        put(ops, "DescribeSubnets", networks::describeSubnets);
        put(ops, "DeleteSubnet", networks::deleteSubnet);
        put(ops, "CreateSecurityGroup", sgs::create);
        put(ops, "DescribeSecurityGroups", sgs::describe);
        put(ops, "DeleteSecurityGroup", sgs::delete);
        put(ops, "AuthorizeSecurityGroupIngress", sgs::authorizeIngress);
        put(ops, "AuthorizeSecurityGroupEgress", sgs::authorizeEgress);
        put(ops, "RevokeSecurityGroupIngress", sgs::revokeIngress);
        put(ops, "RevokeSecurityGroupEgress", sgs::revokeEgress);
        put(ops, "DescribeSecurityGroupRules", sgs::describeRules);
        put(ops, "CreateTags", other::createTags);
        put(ops, "DeleteTags", other::deleteTags);
        put(ops, "DescribeTags", other::describeTags);
        put(ops, "DescribeNetworkInterfaces", other::describeNetworkInterfaces);
        put(ops, "DescribeAvailabilityZones", other::describeAvailabilityZones);
        this.operations = new OperationTable("EC2", "docs/compat/ec2.md", ops);
    }

    private static void put(
            Map<String, BiFunction<JsonNode, RequestContext, JsonNode>> ops,
            String name,
            Function<JsonNode, JsonNode> handler) {
        ops.put(name, (in, rc) -> handler.apply(in));
    }

    @Override
    public String signingName() {
        return "ec2";
    }

    @Override
    public ServiceBinding binding() {
        return BINDING;
    }

    @Override
    public ErrorTable errors() {
        return Ec2Errors.TABLE;
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
    public AccessTarget accessTarget(String operation, JsonNode input) {
        return access.of(operation, input);
    }

    @Override
    public JsonNode handle(String operation, JsonNode input, RequestContext context) {
        return operations.dispatch(operation, input, context);
    }
}
