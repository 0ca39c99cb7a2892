package dev.gantry.api.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.api.protocol.ErrorDefinition;
import dev.gantry.api.protocol.Fault;
import dev.gantry.api.protocol.ProtocolErrors;
import dev.gantry.core.error.ErrorCode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Moving statuses out of core changed nothing on ECS's wire: every kind keeps the name and status it had. */
class EcsErrorsTest {

    static final Map<ErrorCode, Integer> BEFORE = Map.ofEntries(
            Map.entry(ErrorCode.MISSING_AUTHENTICATION_TOKEN, 403), Map.entry(ErrorCode.INCOMPLETE_SIGNATURE, 400),
            Map.entry(ErrorCode.INVALID_SIGNATURE, 403), Map.entry(ErrorCode.UNRECOGNIZED_CLIENT, 403),
            Map.entry(ErrorCode.SERIALIZATION, 400), Map.entry(ErrorCode.UNKNOWN_OPERATION, 400),
            Map.entry(ErrorCode.INTERNAL_FAILURE, 500), Map.entry(ErrorCode.CLIENT, 400),
            Map.entry(ErrorCode.INVALID_PARAMETER, 400), Map.entry(ErrorCode.CLUSTER_NOT_FOUND, 400),
            Map.entry(ErrorCode.CLUSTER_CONTAINS_TASKS, 400), Map.entry(ErrorCode.RESOURCE_NOT_FOUND, 400),
            Map.entry(ErrorCode.CONFLICT, 400), Map.entry(ErrorCode.RESOURCE_ALREADY_EXISTS, 400),
            // added since, at the HTTP edge: a throttled request, a request that stopped arriving
            Map.entry(ErrorCode.THROTTLING, 400), Map.entry(ErrorCode.REQUEST_TIMEOUT, 400),
            // issue 7: a policy refuses the call, a session key's session has ended
            Map.entry(ErrorCode.ACCESS_DENIED, 400), Map.entry(ErrorCode.EXPIRED_TOKEN, 400));

    @Test
    void everyKindKeepsItsJsonNameAndStatus() {
        assertThat(BEFORE).hasSize(ErrorCode.values().length);
        BEFORE.forEach((kind, status) -> assertThat(EcsErrors.TABLE.resolve(kind, ProtocolErrors.JSON))
                .as(kind.name())
                .isEqualTo(
                        new ErrorDefinition(kind.wireName(), status, status >= 500 ? Fault.RECEIVER : Fault.SENDER)));
    }
}
