package dev.gantry.control.endpoint;

import dev.gantry.control.task.ContainerEnvironment;
import dev.gantry.core.task.ContainerState;
import dev.gantry.core.task.Task;
import dev.gantry.core.task.TaskSpec;
import dev.gantry.core.taskdef.ContainerDefinition;
import dev.gantry.runtime.spi.ContainerStats;
import dev.gantry.runtime.spi.TaskDriver;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns what a task may ask of the endpoint at {@value #ADDRESS}: which container a metadata id names, whose
 * credentials a credentials id names, both only when asked from that task's IP; the role credentials themselves
 * (issued by the {@link RoleCredentialSource}, cached per task and renewed {@link #RENEW_BEFORE} before they
 * expire); a container's stats (the driver, one sample). As a {@link ContainerEnvironment} it gives every container
 * Fargate's endpoint variables and, as a default the task may override, {@code AWS_ENDPOINT_URL}.
 */
public final class TaskEndpoints implements ContainerEnvironment {
    private static final Logger LOG = LoggerFactory.getLogger(TaskEndpoints.class);

    /** The link-local address the AWS SDKs and Fargate's variables use. */
    public static final String ADDRESS = "169.254.170.2";
    /** How long a task role session lasts (Fargate's are hours long; one hour is IAM's default session). */
    public static final Duration SESSION = Duration.ofHours(1);
    /** Credentials this close to expiry are renewed before they are served (SDKs refresh in the last 15 min). */
    public static final Duration RENEW_BEFORE = Duration.ofMinutes(20);

    private final EndpointIds ids;
    private final LiveTasks live;
    private final TaskDriver driver;
    private volatile RoleCredentialSource roles;
    private final InstantSource clock;
    private final Map<String, RoleCredentials> issued = new ConcurrentHashMap<>(); // by credentials id
    private final ReentrantLock issuing = new ReentrantLock();
    /** Per engine network: where its tasks reach the API, and the network's range and gateway. */
    private final Map<String, Serving> serving = new ConcurrentHashMap<>();

    private record Serving(String apiUrl, Bridge bridge) {}

    public TaskEndpoints(
            EndpointIds ids, LiveTasks live, TaskDriver driver, RoleCredentialSource roles, InstantSource clock) {
        this.ids = ids;
        this.live = live;
        this.driver = driver;
        this.roles = roles;
        this.clock = clock;
    }

    /** From now on task role credentials come from {@code source} (the wiring connects IAM's role sessions). */
    public void roleCredentials(RoleCredentialSource source) {
        this.roles = source;
        issued.clear();
    }

    /** The task network: its IPv4 subnet (CIDR) and gateway, as the metadata's Networks report them. */
    public record Bridge(String subnetCidr, String gateway) {}

    /**
     * Serving starts on the default network: its tasks reach Gantry's AWS API at {@code apiUrl}
     * (new containers get it as AWS_ENDPOINT_URL) and run on {@code network}.
     */
    public void serving(String apiUrl, Bridge network) {
        serving(DEFAULT, apiUrl, network);
    }

    /** Serving starts on the engine network {@code networkName} (a subnet's): as {@link #serving(String, Bridge)}. */
    public void serving(String networkName, String apiUrl, Bridge network) {
        serving.put(networkName, new Serving(apiUrl, network));
    }

    /** Serving stops on a network (its subnet was deleted). */
    public void stopServing(String networkName) {
        serving.remove(networkName);
    }

    /** The key of the default network's serving (a task without a placement, or on the default subnet, runs there). */
    public static final String DEFAULT = "";

    /** The serving of the task's network; the default network's for a task not placed elsewhere. */
    private Optional<Serving> of(TaskSpec task) {
        return task.network()
                .map(n -> serving.get(n.networkName()))
                .or(() -> Optional.ofNullable(serving.get(DEFAULT)));
    }

    /** The default network's range and gateway, once serving. */
    public Optional<Bridge> bridge() {
        return Optional.ofNullable(serving.get(DEFAULT)).map(Serving::bridge);
    }

    /** The range and gateway of the network {@code task} runs on, as its metadata's Networks report them. */
    public Optional<Bridge> bridge(TaskSpec task) {
        return of(task).map(Serving::bridge);
    }

    /** Where tasks of the default network reach the API, once serving. */
    public Optional<String> apiEndpoint() {
        return Optional.ofNullable(serving.get(DEFAULT)).map(Serving::apiUrl);
    }

    public EndpointIds ids() {
        return ids;
    }

    @Override
    public Map<String, String> defaults(TaskSpec task, ContainerDefinition container) {
        return of(task).map(u -> Map.of("AWS_ENDPOINT_URL", u.apiUrl())).orElse(Map.of());
    }

    @Override
    public Map<String, String> platform(TaskSpec task, ContainerDefinition container) {
        Map<String, String> env = new LinkedHashMap<>();
        String id = ids.metadataId(task.taskId(), container.name());
        env.put("ECS_CONTAINER_METADATA_URI_V4", "http://" + ADDRESS + "/v4/" + id);
        env.put("ECS_CONTAINER_METADATA_URI", "http://" + ADDRESS + "/v3/" + id);
        String role = task.taskDefinition().taskRoleArn();
        if (role != null && !role.isBlank()) {
            env.put("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", credentialsPath(task.taskArn()));
        }
        return env;
    }

    /** The path a task with a role gets its credentials from. */
    public String credentialsPath(String taskArn) {
        return "/v2/credentials/" + ids.credentialsId(taskArn);
    }

    /**
     * Who asks: the task at {@code sourceIp} and the container whose metadata id {@code id} is; else empty. The
     * runner commits the containers' runtime ids before it starts any, but the index learns them from the feed,
     * asynchronously: a container asking at once may be ahead of its transition, so a caller without its runtime
     * id in the index is read from the store (once, in that window) and its DockerId is there.
     */
    public Optional<Caller> metadata(String sourceIp, String id) {
        return live.atIp(sourceIp).flatMap(task -> callerIn(task, id)).map(this::withRuntimeId);
    }

    private Optional<Caller> callerIn(Task task, String id) {
        return task.spec().containers().stream()
                .map(ContainerDefinition::name)
                .filter(name -> same(ids.metadataId(task.taskId(), name), id))
                .findFirst()
                .map(name -> new Caller(task, name));
    }

    private Caller withRuntimeId(Caller c) {
        if (runtimeId(c.task(), c.containerName()).isPresent()) {
            return c;
        }
        return live.reread(c.task().taskId())
                .filter(t -> runtimeId(t, c.containerName()).isPresent())
                .map(t -> new Caller(t, c.containerName()))
                .orElse(c);
    }

    private static Optional<String> runtimeId(Task task, String containerName) {
        return task.observed().container(containerName).flatMap(ContainerState::runtimeId);
    }

    /** A task and the container in it that asked. */
    public record Caller(Task task, String containerName) {}

    /** What the credentials endpoint answers. */
    public sealed interface CredentialsAnswer {
        /** The task's role credentials. */
        record Issued(RoleCredentials credentials) implements CredentialsAnswer {}

        /** No task at the caller's IP has this id (unknown, another task's, or a task without a role). */
        record UnknownId() implements CredentialsAnswer {}

        /** The id is the caller's, but its credentials cannot be issued; the message says why. */
        record Unavailable(String message) implements CredentialsAnswer {}
    }

    /** The credentials of the task at {@code sourceIp} if {@code id} is its credentials id. May block (issuing). */
    public CredentialsAnswer credentials(String sourceIp, String id) {
        Optional<Task> task = live.atIp(sourceIp)
                .filter(t -> t.spec().taskDefinition().taskRoleArn() != null
                        && !t.spec().taskDefinition().taskRoleArn().isBlank())
                .filter(t -> same(ids.credentialsId(t.taskArn()), id));
        if (task.isEmpty()) {
            return new CredentialsAnswer.UnknownId();
        }
        RoleCredentials current = issued.get(id);
        if (fresh(current)) {
            return new CredentialsAnswer.Issued(current);
        }
        issuing.lock();
        try {
            current = issued.get(id);
            if (fresh(current)) {
                return new CredentialsAnswer.Issued(current);
            }
            String role = task.get().spec().taskDefinition().taskRoleArn();
            RoleCredentials next = roles.issue(role, task.get().taskId(), SESSION);
            issued.put(id, next);
            issued.entrySet().removeIf(e -> e.getValue().expiration().isBefore(clock.instant()));
            LOG.atInfo()
                    .addKeyValue("taskArn", task.get().taskArn())
                    .addKeyValue("roleArn", role)
                    .addKeyValue("expiration", next.expiration())
                    .log("issued task role credentials");
            return new CredentialsAnswer.Issued(next);
        } catch (RoleCredentialSource.CredentialsUnavailableException e) {
            return new CredentialsAnswer.Unavailable(e.getMessage());
        } finally {
            issuing.unlock();
        }
    }

    /** One stats sample of a container of the caller's task (empty if not running). May block about a second. */
    public Optional<StatsSample> stats(Task task, String containerName) {
        return task.observed()
                .container(containerName)
                .flatMap(c -> c.runtimeId())
                .flatMap(driver::stats)
                .map(TaskEndpoints::sample);
    }

    private static StatsSample sample(ContainerStats s) {
        return new StatsSample(s.runtimeId(), s.memoryUsageBytes(), s.engineJson());
    }

    private boolean fresh(RoleCredentials c) {
        return c != null && c.expiration().isAfter(clock.instant().plus(RENEW_BEFORE));
    }

    private static boolean same(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
