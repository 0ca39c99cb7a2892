package dev.gantry.api.ecs;

import dev.gantry.api.protocol.ErrorTable;
import dev.gantry.core.error.ErrorCode;

/**
 * The errors ECS's handlers raise, as botocore's ECS model declares them: AWS JSON 1.1 with no explicit status,
 * so every modeled error is a 400 sender fault (ServerException, which Gantry never raises, is the 500).
 */
final class EcsErrors {

    static final ErrorTable TABLE = ErrorTable.builder()
            .define(ErrorCode.CLIENT, 400)
            .define(ErrorCode.INVALID_PARAMETER, 400)
            .define(ErrorCode.CLUSTER_NOT_FOUND, 400)
            .define(ErrorCode.CLUSTER_CONTAINS_TASKS, 400)
            .define(ErrorCode.RESOURCE_NOT_FOUND, 400)
            .define(ErrorCode.CONFLICT, 400)
            .define(ServiceErrors.SERVICE_NOT_FOUND, 400)
            .define(ServiceErrors.SERVICE_NOT_ACTIVE, 400)
            .define(ServiceErrors.CLUSTER_CONTAINS_SERVICES, 400)
            .define(ServiceErrors.SERVICE_DEPLOYMENT_NOT_FOUND, 400)
            .define(ServiceErrors.NAMESPACE_NOT_FOUND, 400)
            .build();

    private EcsErrors() {}
}
