package dev.gantry.core.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gantry.core.tag.Tag;
import java.util.List;

/**
 * The RunTask request in ECS's wire shape (facts §2.4), limited to the members Gantry acts on. Members Gantry
 * does not implement ({@code placementConstraints}, {@code placementStrategy}, {@code volumeConfigurations},
 * container {@code resourceRequirements}, task {@code ephemeralStorage} /
 * {@code inferenceAcceleratorOverrides}) are not components; the API edge decides how to report them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunTaskRequest(
        String cluster,
        String taskDefinition,
        Integer count,
        String launchType,
        List<CapacityProviderStrategyItem> capacityProviderStrategy,
        NetworkConfiguration networkConfiguration,
        TaskOverride overrides,
        String startedBy,
        String group,
        List<Tag> tags,
        String propagateTags,
        Boolean enableECSManagedTags,
        Boolean enableExecuteCommand,
        String platformVersion,
        String clientToken,
        String referenceId) {

    /** ECS's default count is 1. */
    public int countOrDefault() {
        return count == null ? 1 : count;
    }

    public List<CapacityProviderStrategyItem> capacityProviderStrategyOrEmpty() {
        return capacityProviderStrategy == null ? List.of() : capacityProviderStrategy;
    }

    public List<Tag> tagsOrEmpty() {
        return tags == null ? List.of() : tags;
    }
}
