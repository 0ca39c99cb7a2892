package dev.gantry.api.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.api.protocol.Json;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.service.HookRun;
import dev.gantry.core.service.PauseHook;
import dev.gantry.store.ecs.ShiftStore;
import java.util.Optional;

/**
 * ContinueServiceDeployment: answers the PAUSE hook a BLUE_GREEN, LINEAR or CANARY deployment awaits, CONTINUE (the
 * default) or ROLLBACK. The answer is stored; the scheduler, woken, acts on it.
 */
final class ContinueDeploymentHandler {
    private final EcsContext ctx;
    private final ServiceDeploymentHandlers deployments;

    ContinueDeploymentHandler(EcsContext ctx, ServiceDeploymentHandlers deployments) {
        this.ctx = ctx;
        this.deployments = deployments;
    }

    JsonNode handle(JsonNode in) {
        String arn = Input.required(in, "serviceDeploymentArn");
        String hookId = Input.required(in, "hookId");
        String action = Input.string(in, "action").orElse(PauseHook.CONTINUE);
        if (!action.equals(PauseHook.CONTINUE) && !action.equals(PauseHook.ROLLBACK)) {
            throw ApiException.invalidParameter(
                    "Invalid action '" + action + "'. Valid values are CONTINUE (the default) and ROLLBACK.");
        }
        ServiceDeploymentHandlers.Located found =
                deployments.locate(arn).orElseThrow(() -> ServiceErrors.deploymentNotFound(arn));
        String id = found.deployment().id();
        Optional<ShiftStore.Stored> shift = ctx.services().shifts().of(id);
        boolean awaiting = shift.map(
                        s -> s.shift().hooks().stream().anyMatch(h -> h.hookId().equals(hookId) && h.awaiting()))
                .orElse(false);
        if (!awaiting) {
            String waiting = shift.flatMap(s -> s.shift().hooks().stream()
                            .filter(HookRun::awaiting)
                            .map(HookRun::hookId)
                            .findFirst())
                    .map(h -> " The hook awaiting action is " + h + ".")
                    .orElse(" No hook of this deployment is awaiting action.");
            throw ApiException.invalidParameter("The lifecycle hook '" + hookId + "' of " + arn
                    + " is not awaiting action." + waiting
                    + " DescribeServiceDeployments shows lifecycleHookDetails.");
        }
        ctx.services().shifts().answer(id, hookId, action);
        ctx.serviceChanged().accept(found.service().serviceArn());
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("serviceDeploymentArn", arn);
        return out;
    }
}
