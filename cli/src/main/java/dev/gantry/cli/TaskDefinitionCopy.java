package dev.gantry.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * The next revision of a task definition with one container's image replaced: what {@code gantry deploy} registers.
 * Every field that DescribeTaskDefinition returns and RegisterTaskDefinition accepts is carried over unchanged (the
 * {@link #COPIED} list; {@code TaskDefinitionCopyTest} fails if the SDK's shapes gain a shared field this class does
 * not copy), and the tags DescribeTaskDefinition returns with {@code include=TAGS}. Read-only fields
 * ({@code taskDefinitionArn}, {@code revision}, {@code status}, {@code requiresAttributes}, {@code compatibilities},
 * {@code registeredAt}, {@code registeredBy}, ...) are left out, as RegisterTaskDefinition does not take them. Enum
 * values travel as strings, so a value newer than this SDK survives the copy. Pure.
 */
final class TaskDefinitionCopy {
    /** The members (wire names) of TaskDefinition that RegisterTaskDefinition also takes, all copied. */
    static final List<String> COPIED = List.of(
            "family",
            "taskRoleArn",
            "executionRoleArn",
            "networkMode",
            "containerDefinitions",
            "volumes",
            "placementConstraints",
            "requiresCompatibilities",
            "cpu",
            "memory",
            "pidMode",
            "ipcMode",
            "proxyConfiguration",
            "inferenceAccelerators",
            "ephemeralStorage",
            "runtimePlatform",
            "enableFaultInjection");

    static final String NO_CONTAINERS = "task definition %s has no container definitions";
    static final String CHOOSE_CONTAINER =
            "task definition %s has %d containers (%s): say which one gets the new image with --container NAME";
    static final String NO_SUCH_CONTAINER = "task definition %s has no container named '%s' (it has: %s)";

    private TaskDefinitionCopy() {}

    /** The container whose image changes, and the register request for the new revision. */
    record Plan(String container, String oldImage, String newImage, RegisterTaskDefinitionRequest request) {}

    /**
     * @param def       the current revision, as DescribeTaskDefinition returns it
     * @param tags      the revision's tags (DescribeTaskDefinition with {@code include=TAGS}); may be empty
     * @param container which container gets the image; may be empty when the definition has exactly one
     * @throws CliException when the container is not named and there are several, or names none of them
     */
    static Plan withImage(TaskDefinition def, List<Tag> tags, Optional<String> container, String image) {
        String which = TaskFacts.definition(def.taskDefinitionArn());
        List<ContainerDefinition> containers = def.containerDefinitions();
        if (containers.isEmpty()) {
            throw CliException.failed(NO_CONTAINERS.formatted(which));
        }
        List<String> names = containers.stream().map(ContainerDefinition::name).toList();
        String target;
        if (container.isPresent()) {
            target = container.get();
            if (!names.contains(target)) {
                throw CliException.failed(NO_SUCH_CONTAINER.formatted(which, target, String.join(", ", names)));
            }
        } else if (containers.size() == 1) {
            target = names.get(0);
        } else {
            throw CliException.failed(CHOOSE_CONTAINER.formatted(which, containers.size(), String.join(", ", names)));
        }
        String oldImage = "";
        List<ContainerDefinition> replaced = new ArrayList<>(containers.size());
        for (ContainerDefinition c : containers) {
            if (c.name().equals(target)) {
                oldImage = c.image() == null ? "" : c.image();
                replaced.add(c.toBuilder().image(image).build());
            } else {
                replaced.add(c);
            }
        }
        return new Plan(target, oldImage, image, request(def, tags, replaced));
    }

    private static RegisterTaskDefinitionRequest request(
            TaskDefinition def, List<Tag> tags, List<ContainerDefinition> containers) {
        RegisterTaskDefinitionRequest.Builder b = RegisterTaskDefinitionRequest.builder()
                .family(def.family())
                .taskRoleArn(def.taskRoleArn())
                .executionRoleArn(def.executionRoleArn())
                .networkMode(def.networkModeAsString())
                .containerDefinitions(containers)
                .volumes(def.volumes())
                .placementConstraints(def.placementConstraints())
                .requiresCompatibilitiesWithStrings(def.requiresCompatibilitiesAsStrings())
                .cpu(def.cpu())
                .memory(def.memory())
                .pidMode(def.pidModeAsString())
                .ipcMode(def.ipcModeAsString())
                .proxyConfiguration(def.proxyConfiguration())
                .inferenceAccelerators(def.inferenceAccelerators())
                .ephemeralStorage(def.ephemeralStorage())
                .runtimePlatform(def.runtimePlatform())
                .enableFaultInjection(def.enableFaultInjection());
        if (!tags.isEmpty()) {
            b.tags(tags);
        }
        return b.build();
    }
}
