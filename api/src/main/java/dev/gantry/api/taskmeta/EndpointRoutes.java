package dev.gantry.api.taskmeta;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.control.endpoint.RoleCredentials;
import dev.gantry.control.endpoint.StatsSample;
import dev.gantry.control.endpoint.TaskEndpoints;
import dev.gantry.control.endpoint.TaskEndpoints.Caller;
import dev.gantry.control.endpoint.TaskEndpoints.CredentialsAnswer;
import dev.gantry.core.arn.Arns;
import dev.gantry.core.task.ContainerState;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the endpoint at 169.254.170.2 answers, given who asks (the source IP) and the path: the credentials
 * endpoint ({@code /v2/credentials/<id>}, errors in the ECS agent's {@code {"code","message"}} shape) and task
 * metadata v4 and v3 ({@code /v4/<id>}, {@code /task}, {@code /stats}, {@code /task/stats}). Blocking (issuing
 * credentials, sampling stats): called off the event loop.
 */
final class EndpointRoutes {
    static final String NO_ID = "CredentialsV2Request: No Credential ID in the request";
    static final String NOT_FOUND = "CredentialsV2Request: Credentials not found";
    static final String NO_CONTAINER =
            "V4 container metadata handler: unable to find a container of the calling task with this id";
    static final String NO_SUCH_PATH = "no such path on the task metadata endpoint";
    private static final Pattern METADATA = Pattern.compile("^/v([34])/([^/]+)(/task)?(/stats)?/?$");
    private static final String CREDENTIALS = "/v2/credentials";

    /** A reply: status and JSON body. */
    record Reply(int status, String json) {}

    private final TaskEndpoints endpoints;
    private final MetadataViews views;
    private final InstantSource clock;

    EndpointRoutes(TaskEndpoints endpoints, Arns arns, InstantSource clock) {
        this.endpoints = endpoints;
        this.views = new MetadataViews(arns);
        this.clock = clock;
    }

    Reply handle(String sourceIp, String method, String uri) {
        String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
        if (!"GET".equals(method)) {
            return error(405, "MethodNotAllowed", "the task endpoint answers GET only");
        }
        if (path.equals(CREDENTIALS) || path.startsWith(CREDENTIALS + "/")) {
            String id = path.length() > CREDENTIALS.length() + 1 ? path.substring(CREDENTIALS.length() + 1) : "";
            return credentials(sourceIp, id);
        }
        Matcher m = METADATA.matcher(path);
        if (m.matches()) {
            return metadata(sourceIp, m.group(2), m.group(3) != null, m.group(4) != null);
        }
        return new Reply(404, quoted(NO_SUCH_PATH));
    }

    private Reply credentials(String sourceIp, String id) {
        if (id.isBlank()) {
            return error(400, "NoIdInRequest", NO_ID);
        }
        CredentialsAnswer answer = endpoints.credentials(sourceIp, id);
        return switch (answer) {
            case CredentialsAnswer.Issued(RoleCredentials c) -> new Reply(200, credentialsJson(c));
            case CredentialsAnswer.UnknownId() -> error(400, "InvalidIdInRequest", NOT_FOUND);
            case CredentialsAnswer.Unavailable(String message) -> error(500, "InternalServerError", message);
        };
    }

    static String credentialsJson(RoleCredentials c) {
        ObjectNode n = MetadataViews.JSON.createObjectNode();
        n.put("RoleArn", c.roleArn());
        n.put("AccessKeyId", c.accessKeyId());
        n.put("SecretAccessKey", c.secretAccessKey());
        n.put("Token", c.sessionToken());
        n.put("Expiration", c.expiration().truncatedTo(ChronoUnit.SECONDS).toString());
        return n.toString();
    }

    private Reply metadata(String sourceIp, String id, boolean task, boolean stats) {
        Optional<Caller> caller = endpoints.metadata(sourceIp, id);
        if (caller.isEmpty()) {
            return new Reply(404, quoted(NO_CONTAINER));
        }
        Caller c = caller.get();
        if (!stats) {
            ObjectNode body = task
                    ? views.task(c.task(), endpoints.bridge(c.task().spec()), clock.instant())
                    : views.container(
                            c.task(),
                            c.containerName(),
                            endpoints.bridge(c.task().spec()));
            return new Reply(200, body.toString());
        }
        if (!task) {
            return new Reply(
                    200,
                    endpoints
                            .stats(c.task(), c.containerName())
                            .map(StatsSample::engineJson)
                            .orElse("{}"));
        }
        return new Reply(200, taskStats(c));
    }

    /** {@code {DockerId: stats}} for every container of the task, sampled at once (each takes about a second). */
    private String taskStats(Caller c) {
        Map<String, String> byId = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> samples = new ArrayList<>();
        for (ContainerState s : c.task().observed().containers()) {
            if (s.runtimeId().isEmpty()) {
                continue;
            }
            samples.add(CompletableFuture.runAsync(
                    () -> endpoints.stats(c.task(), s.name()).ifPresent(x -> byId.put(x.runtimeId(), x.engineJson())),
                    EndpointServer.BLOCKING));
        }
        samples.forEach(CompletableFuture::join);
        StringBuilder json = new StringBuilder("{");
        byId.forEach((k, v) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(quoted(k)).append(':').append(v);
        });
        return json.append('}').toString();
    }

    static Reply error(int status, String code, String message) {
        ObjectNode n = MetadataViews.JSON.createObjectNode();
        n.put("code", code);
        n.put("message", message);
        return new Reply(status, n.toString());
    }

    private static String quoted(String s) {
        return MetadataViews.JSON.getNodeFactory().textNode(s).toString();
    }
}
