package dev.gantry.control.inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.core.inject.EnvFile;
import dev.gantry.core.inject.S3Object;
import dev.gantry.core.inject.ValueFrom;
import dev.gantry.core.task.TaskSpec;
import dev.gantry.core.taskdef.ContainerDefinition;
import dev.gantry.core.taskdef.EnvironmentFile;
import dev.gantry.core.taskdef.Secret;
import dev.gantry.runtime.spi.RegistryAuth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves what a task's containers are given at start (see the package doc), once per task start, as the task's
 * execution role. The first thing that cannot be had stops the task: an {@link InjectionFailure} whose message is
 * the stoppedReason. Each secret reference is read once per task even when several containers name it.
 */
public final class Injector {
    private static final Logger LOG = LoggerFactory.getLogger(Injector.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretSource secrets;
    private final ObjectSource objects;

    public Injector(SecretSource secrets, ObjectSource objects) {
        this.secrets = secrets;
        this.objects = objects;
    }

    /** Refuses every secret and environment file, as a server without those services does. */
    public static Injector unavailable() {
        return new Injector(
                SecretSource.unavailable(),
                (role, object) -> new Lookup.Unavailable("Gantry has no place for environment files configured"));
    }

    /** Every container's inputs, by container name; throws {@link InjectionFailure} naming what is missing. */
    public Map<String, ContainerInputs> resolve(TaskSpec task) {
        String role =
                Optional.ofNullable(task.taskDefinition().executionRoleArn()).orElse("");
        Map<String, Lookup> read = new LinkedHashMap<>(); // valueFrom -> lookup, within this start only
        Map<String, ContainerInputs> out = new LinkedHashMap<>();
        for (ContainerDefinition c : task.containers()) {
            if (c.secretsOrEmpty().isEmpty()
                    && c.environmentFilesOrEmpty().isEmpty()
                    && c.repositoryCredentials() == null) {
                out.put(c.name(), ContainerInputs.NONE);
                continue;
            }
            Optional<RegistryAuth> auth = Optional.ofNullable(c.repositoryCredentials())
                    .map(r -> registryAuth(role, r.credentialsParameter(), read));
            Map<String, String> values = new LinkedHashMap<>();
            for (Secret s : c.secretsOrEmpty()) {
                values.put(s.name(), secret(role, ValueFrom.parse(s.valueFrom()), read));
            }
            out.put(c.name(), new ContainerInputs(environmentFiles(role, c.environmentFilesOrEmpty()), values, auth));
        }
        if (!read.isEmpty()) {
            LOG.atInfo()
                    .addKeyValue("taskArn", task.taskArn())
                    .addKeyValue("executionRoleArn", role)
                    .addKeyValue("references", read.keySet())
                    .log("read task secrets as the execution role");
        }
        return out;
    }

    private String secret(String role, ValueFrom ref, Map<String, Lookup> read) {
        Lookup l = read.computeIfAbsent(ref.valueFrom(), k -> secrets.read(role, ref));
        return switch (ref) {
            case ValueFrom.SsmParameter p -> {
                if (l instanceof Lookup.Found f) {
                    yield f.value();
                }
                throw new InjectionFailure(InjectionMessages.parameter(p.valueFrom(), l));
            }
            case ValueFrom.SecretsManagerSecret s -> {
                if (!(l instanceof Lookup.Found f)) {
                    throw new InjectionFailure(InjectionMessages.secret(s.valueFrom(), l.failure()));
                }
                yield s.jsonKey().isEmpty() ? f.value() : jsonKey(s, f.value());
            }
        };
    }

    /** As the ECS agent does: the SecretString must be a JSON object holding the key; a non-string is its JSON. */
    private static String jsonKey(ValueFrom.SecretsManagerSecret s, String secretString) {
        String key = s.jsonKey().orElseThrow();
        JsonNode node;
        try {
            node = JSON.readTree(secretString);
        } catch (java.io.IOException e) {
            throw new InjectionFailure(InjectionMessages.jsonKey(s.valueFrom(), key, "the secret is not JSON"));
        }
        if (node == null || !node.isObject()) {
            throw new InjectionFailure(
                    InjectionMessages.jsonKey(s.valueFrom(), key, "the secret is not a JSON object"));
        }
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            throw new InjectionFailure(InjectionMessages.jsonKey(s.valueFrom(), key, "no such key"));
        }
        return value.isTextual() ? value.asText() : value.toString();
    }

    private RegistryAuth registryAuth(String role, String parameter, Map<String, Lookup> read) {
        ValueFrom.SecretsManagerSecret ref = ValueFrom.credentialsParameter(parameter);
        Lookup l = read.computeIfAbsent(ref.valueFrom(), k -> secrets.read(role, ref));
        if (!(l instanceof Lookup.Found f)) {
            throw new InjectionFailure(InjectionMessages.registryAuth(parameter, l.failure()));
        }
        try {
            JsonNode node = JSON.readTree(f.value());
            JsonNode user = node == null ? null : node.get("username");
            JsonNode password = node == null ? null : node.get("password");
            if (user != null
                    && user.isTextual()
                    && !user.asText().isEmpty()
                    && password != null
                    && password.isTextual()) {
                return new RegistryAuth(user.asText(), password.asText());
            }
        } catch (java.io.IOException e) {
            // not JSON: the same refusal as a JSON value without the members
        }
        throw new InjectionFailure(InjectionMessages.registryAuth(parameter, InjectionMessages.NOT_USERNAME_PASSWORD));
    }

    private Map<String, String> environmentFiles(String role, List<EnvironmentFile> files) {
        List<Map<String, String>> parsed = new ArrayList<>();
        for (EnvironmentFile f : files) {
            S3Object object = S3Object.parse(f.value());
            Lookup l = objects.read(role, object);
            if (!(l instanceof Lookup.Found found)) {
                throw new InjectionFailure(InjectionMessages.envFile(object.arn(), l.failure()));
            }
            try {
                parsed.add(EnvFile.parse(found.value()));
            } catch (IllegalArgumentException e) {
                throw new InjectionFailure(InjectionMessages.envFileFormat(object.arn(), e.getMessage()));
            }
        }
        return EnvFile.merge(parsed);
    }
}
