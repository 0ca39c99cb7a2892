package dev.gantry.api.servicediscovery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.api.protocol.AccessTarget;
import dev.gantry.api.protocol.AwsJsonService;
import dev.gantry.api.protocol.ErrorTable;
import dev.gantry.api.protocol.OperationTable;
import dev.gantry.api.protocol.RequestContext;
import dev.gantry.control.discovery.CloudMap;
import dev.gantry.core.error.ErrorCode;
import dev.gantry.core.servicediscovery.CloudMapError;
import dev.gantry.core.servicediscovery.NamespaceType;
import java.util.Map;
import java.util.Set;

/** AWS Cloud Map (servicediscovery, AWS JSON 1.1, {@code Route53AutoNaming_v20170314}): the operations, in one table. */
public final class CloudMapService implements AwsJsonService {
    /** Every Cloud Map error is a 400 sender fault in botocore's model. */
    static final ErrorTable ERRORS = buildErrors();

    private final OperationTable operations;
    private final CloudMapAccess access;

    public CloudMapService(CloudMap cloudMap) {
        CloudMapViews views = new CloudMapViews(() -> cloudMap.ids().account());
        NamespaceHandlers ns = new NamespaceHandlers(cloudMap, views);
        ServiceHandlers svc = new ServiceHandlers(cloudMap, views);
        InstanceHandlers inst = new InstanceHandlers(cloudMap, views);
        OperationHandlers ops = new OperationHandlers(cloudMap, views);
        access = new CloudMapAccess(() -> cloudMap.ids());
        operations = new OperationTable(
                "Cloud Map",
                "docs/compat/servicediscovery.md",
                Map.ofEntries(
                        Map.entry("CreatePrivateDnsNamespace", (in, rc) -> ns.create(NamespaceType.DNS_PRIVATE, in)),
                        Map.entry("CreatePublicDnsNamespace", (in, rc) -> ns.create(NamespaceType.DNS_PUBLIC, in)),
                        Map.entry("CreateHttpNamespace", (in, rc) -> ns.create(NamespaceType.HTTP, in)),
                        Map.entry("GetNamespace", (in, rc) -> ns.get(in)),
                        Map.entry("ListNamespaces", (in, rc) -> ns.list(in)),
                        Map.entry("DeleteNamespace", (in, rc) -> ns.delete(in)),
                        Map.entry("UpdatePrivateDnsNamespace", (in, rc) -> ns.update(NamespaceType.DNS_PRIVATE, in)),
                        Map.entry("UpdatePublicDnsNamespace", (in, rc) -> ns.update(NamespaceType.DNS_PUBLIC, in)),
                        Map.entry("UpdateHttpNamespace", (in, rc) -> ns.update(NamespaceType.HTTP, in)),
                        Map.entry("CreateService", (in, rc) -> svc.create(in)),
                        Map.entry("GetService", (in, rc) -> svc.get(in)),
                        Map.entry("ListServices", (in, rc) -> svc.list(in)),
                        Map.entry("UpdateService", (in, rc) -> svc.update(in)),
                        Map.entry("DeleteService", (in, rc) -> svc.delete(in)),
                        Map.entry("RegisterInstance", (in, rc) -> inst.register(in)),
                        Map.entry("DeregisterInstance", (in, rc) -> inst.deregister(in)),
                        Map.entry("GetInstance", (in, rc) -> inst.get(in)),
                        Map.entry("ListInstances", (in, rc) -> inst.list(in)),
                        Map.entry("GetInstancesHealthStatus", (in, rc) -> inst.healthStatus(in)),
                        Map.entry("UpdateInstanceCustomHealthStatus", (in, rc) -> inst.updateCustomHealth(in)),
                        Map.entry("DiscoverInstances", (in, rc) -> inst.discover(in)),
                        Map.entry("DiscoverInstancesRevision", (in, rc) -> inst.revision(in)),
                        Map.entry("GetOperation", (in, rc) -> ops.get(in)),
                        Map.entry("ListOperations", (in, rc) -> ops.list(in)),
                        Map.entry("TagResource", (in, rc) -> ops.tag(in)),
                        Map.entry("UntagResource", (in, rc) -> ops.untag(in)),
                        Map.entry("ListTagsForResource", (in, rc) -> ops.listTags(in))));
    }

    private static ErrorTable buildErrors() {
        ErrorTable.Builder b = ErrorTable.builder().define(ErrorCode.INVALID_PARAMETER, "InvalidInput", 400);
        for (CloudMapError kind : CloudMapError.values()) {
            b.define(kind, 400);
        }
        return b.build();
    }

    @Override
    public Set<String> operationNames() {
        return operations.names();
    }

    @Override
    public String targetPrefix() {
        return "Route53AutoNaming_v20170314";
    }

    @Override
    public String signingName() {
        return "servicediscovery";
    }

    @Override
    public ErrorTable errors() {
        return ERRORS;
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
