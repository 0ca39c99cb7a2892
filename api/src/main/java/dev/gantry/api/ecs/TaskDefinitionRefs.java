package dev.gantry.api.ecs;

import dev.gantry.core.error.ApiException;
import dev.gantry.core.taskdef.TaskDefinition;
import dev.gantry.store.ecs.TaskDefinitionStore;
import java.util.Optional;

/** Resolves {@code family}, {@code family:revision} or a task definition ARN to a stored revision. */
final class TaskDefinitionRefs {
    private TaskDefinitionRefs() {}

    record Ref(String family, Optional<Integer> revision) {}

    static Ref parse(String ref) {
        String s = ref;
        if (s.startsWith("arn:")) {
            int i = s.indexOf(":task-definition/");
            if (i < 0) {
                throw ApiException.client("'" + ref + "' is not a task definition ARN.");
            }
            s = s.substring(i + ":task-definition/".length());
        }
        int colon = s.lastIndexOf(':');
        if (colon < 0) {
            return new Ref(s, Optional.empty());
        }
        try {
            return new Ref(s.substring(0, colon), Optional.of(Integer.parseInt(s.substring(colon + 1))));
        } catch (NumberFormatException e) {
            throw ApiException.client("Invalid revision number in '" + ref + "'. Use family, family:revision "
                    + "or a task definition ARN.");
        }
    }

    /** The revision named, or the latest ACTIVE one for a bare family; ClientException if there is none. */
    static TaskDefinition resolve(TaskDefinitionStore store, dev.gantry.core.arn.Arns arns, String ref) {
        if (!arns.isLocal(ref)) {
            throw ApiException.client("Unable to describe task definition '" + ref + "': it names another region "
                    + "or account than this Gantry's (" + arns.region() + ", " + arns.accountId() + ").");
        }
        Ref r = parse(ref);
        Optional<TaskDefinition> td =
                r.revision().isPresent() ? store.find(r.family(), r.revision().get()) : store.latestActive(r.family());
        return td.orElseThrow(() -> ApiException.client("Unable to describe task definition '" + ref
                + "'. Check the family and revision (ListTaskDefinitions shows what is registered)."));
    }
}
