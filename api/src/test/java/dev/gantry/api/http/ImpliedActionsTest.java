package dev.gantry.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.api.auth.AccessCheck;
import dev.gantry.api.auth.Principal;
import dev.gantry.api.protocol.AccessTarget;
import dev.gantry.api.protocol.AwsService;
import dev.gantry.api.protocol.ErrorTable;
import dev.gantry.api.protocol.Json;
import dev.gantry.api.protocol.RequestContext;
import dev.gantry.api.protocol.ServiceBinding;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.error.ErrorCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An implied action (iam:PassRole, GetSecretValue per secret) is authorized too, and refusing it stops the call. */
class ImpliedActionsTest {

    private static final Principal USER = new Principal("AKIDUSER", "secret", "arn:aws:iam::123456789012:user/u");

    private final List<AccessCheck> checks = new ArrayList<>();
    private boolean handled;

    private final AwsService service = new AwsService() {
        @Override
        public String signingName() {
            return "demo";
        }

        @Override
        public ServiceBinding binding() {
            return new ServiceBinding.AwsJson("Demo");
        }

        @Override
        public ErrorTable errors() {
            return ErrorTable.EMPTY;
        }

        @Override
        public Set<String> operationNames() {
            return Set.of("Act");
        }

        @Override
        public AccessTarget accessTarget(String operation, JsonNode input) {
            return AccessTarget.of("arn:demo:thing")
                    .alsoRequiring("iam:PassRole", "arn:aws:iam::123456789012:role/r", Map.of("k", List.of("v")));
        }

        @Override
        public JsonNode handle(String operation, JsonNode input, RequestContext context) {
            handled = true;
            return Json.mapper().createObjectNode();
        }
    };

    private JsonNode call(ServiceCall call) {
        return call.call(
                service,
                "Act",
                Json.mapper().createObjectNode(),
                USER,
                new InboundRequest("POST", "/", "", Map.of(), new byte[0], Instant.EPOCH, "10.0.0.1"),
                "req");
    }

    @Test
    void theImpliedActionIsCheckedWithItsKeys() {
        call(new ServiceCall(checks::add));
        assertThat(checks).extracting(AccessCheck::action).containsExactly("demo:Act", "iam:PassRole");
        assertThat(checks.get(1).resources()).containsExactly("arn:aws:iam::123456789012:role/r");
        assertThat(checks.get(1).conditionKeys()).containsEntry("k", List.of("v"));
        assertThat(handled).isTrue();
    }

    @Test
    void aRefusedImpliedActionStopsTheCallBeforeTheHandler() {
        ServiceCall call = new ServiceCall(check -> {
            if (check.action().equals("iam:PassRole")) {
                throw new ApiException(ErrorCode.ACCESS_DENIED, "no PassRole");
            }
        });
        assertThatThrownBy(() -> call(call)).hasMessage("no PassRole");
        assertThat(handled).isFalse();
    }
}
