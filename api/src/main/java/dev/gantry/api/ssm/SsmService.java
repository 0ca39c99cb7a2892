package dev.gantry.api.ssm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.api.protocol.AccessTarget;
import dev.gantry.api.protocol.AwsJsonService;
import dev.gantry.api.protocol.ErrorTable;
import dev.gantry.api.protocol.OperationTable;
import dev.gantry.api.protocol.RequestContext;
import dev.gantry.store.ssm.ParameterStore;
import java.util.Map;
import java.util.Set;

/** AWS Systems Manager (AmazonSSM), the Parameter Store subset: the operations Gantry implements, in one table. */
public final class SsmService implements AwsJsonService {
    private final OperationTable operations;
    private final ParameterAccess access;

    public SsmService(ParameterStore store, String region, String account) {
        access = new ParameterAccess(store);
        SsmViews views = new SsmViews(store);
        ParameterHandlers parameters = new ParameterHandlers(store, views, region, account);
        SearchHandlers search = new SearchHandlers(store, views, region, account);
        LabelHandlers labels = new LabelHandlers(store);
        operations = new OperationTable(
                "Systems Manager",
                "docs/compat/ssm.md",
                Map.ofEntries(
                        Map.entry("PutParameter", parameters::put),
                        Map.entry("GetParameter", (in, rc) -> parameters.get(in)),
                        Map.entry("GetParameters", (in, rc) -> parameters.getMany(in)),
                        Map.entry("DeleteParameter", (in, rc) -> parameters.delete(in)),
                        Map.entry("DeleteParameters", (in, rc) -> parameters.deleteMany(in)),
                        Map.entry("GetParametersByPath", (in, rc) -> search.byPath(in)),
                        Map.entry("DescribeParameters", (in, rc) -> search.describe(in)),
                        Map.entry("GetParameterHistory", (in, rc) -> search.history(in)),
                        Map.entry("LabelParameterVersion", (in, rc) -> labels.label(in)),
                        Map.entry("UnlabelParameterVersion", (in, rc) -> labels.unlabel(in)),
                        Map.entry("AddTagsToResource", (in, rc) -> labels.addTags(in)),
                        Map.entry("ListTagsForResource", (in, rc) -> labels.listTags(in)),
                        Map.entry("RemoveTagsFromResource", (in, rc) -> labels.removeTags(in))));
    }

    @Override
    public Set<String> operationNames() {
        return operations.names();
    }

    @Override
    public String targetPrefix() {
        return "AmazonSSM";
    }

    @Override
    public ErrorTable errors() {
        return SsmErrors.TABLE;
    }

    @Override
    public String signingName() {
        return "ssm";
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
