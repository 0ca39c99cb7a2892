package dev.gantry.control.inject;

import dev.gantry.control.iam.Authorization;
import dev.gantry.control.iam.RoleSessions;
import dev.gantry.core.inject.ValueFrom;
import dev.gantry.core.secret.Secret;
import dev.gantry.core.secret.SecretValue;
import dev.gantry.store.secret.SecretStore;
import dev.gantry.store.ssm.ParameterStore;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@link SecretSource} the server runs with: Secrets Manager's and SSM Parameter Store's own stores, read as
 * the task's execution role after IAM's decision, as Fargate's agent reads them with that role's credentials. The
 * role must be allowed {@code secretsmanager:GetSecretValue} on the secret's ARN, or {@code ssm:GetParameters} on
 * the parameter's ARN (decryption implied: Gantry has no KMS); else the read is {@link Lookup.AccessDenied} with
 * IAM's message. As in AWS, a caller who may not read a secret learns nothing about whether it exists.
 */
public final class StoredSecrets implements SecretSource {

    static final String NOT_FOUND = "ResourceNotFoundException: Secrets Manager can't find the specified secret.";
    static final String ECS_TASKS = "ecs-tasks.amazonaws.com";
    static final String BINARY = "the secret's value is binary (SecretBinary); ECS injects SecretString values only";

    private final SecretStore secrets;
    private final ParameterStore parameters;
    private final Authorization authorization;
    private final RoleSessions roles;
    private final String secretArnPrefix;
    private final Pattern roleArn;

    public StoredSecrets(
            SecretStore secrets,
            ParameterStore parameters,
            Authorization authorization,
            RoleSessions roles,
            String region,
            String account) {
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.authorization = Objects.requireNonNull(authorization, "authorization");
        this.roles = Objects.requireNonNull(roles, "roles");
        this.secretArnPrefix = "arn:aws:secretsmanager:" + region + ":" + account + ":secret:";
        this.roleArn = Pattern.compile("arn:aws:iam::" + Pattern.quote(account) + ":role/.+");
    }

    @Override
    public Lookup read(String executionRoleArn, ValueFrom reference) {
        // as ECS assumes it: an existing role of this account that trusts ECS tasks, nothing else (not the account
        // root, not a user), or every secret would be one task definition away
        if (executionRoleArn == null
                || !roleArn.matcher(executionRoleArn).matches()
                || !roles.trustsService(executionRoleArn, ECS_TASKS)) {
            return new Lookup.AccessDenied(untrusted(executionRoleArn));
        }
        return switch (reference) {
            case ValueFrom.SecretsManagerSecret s -> secret(executionRoleArn, s);
            case ValueFrom.SsmParameter p -> parameter(executionRoleArn, p);
        };
    }

    private Lookup secret(String role, ValueFrom.SecretsManagerSecret s) {
        Optional<Secret> found = secrets.find(s.secretId());
        String resource = found.map(Secret::arn)
                .orElse(s.secretId().startsWith("arn:") ? s.secretId() : secretArnPrefix + s.secretId());
        Optional<Lookup> denied = denied(role, "secretsmanager:GetSecretValue", resource);
        if (denied.isPresent()) {
            return denied.get();
        }
        Optional<SecretValue> value = found.isEmpty()
                ? Optional.empty()
                : secrets.current(found.get().arn(), s.versionStage(), s.versionId());
        return switch (value.orElse(null)) {
            case null -> new Lookup.NotFound(NOT_FOUND);
            case SecretValue.Text t -> new Lookup.Found(t.value());
            case SecretValue.Binary b -> new Lookup.NotFound(BINARY);
        };
    }

    private Lookup parameter(String role, ValueFrom.SsmParameter p) {
        String bare = p.name().contains(":") ? p.name().substring(0, p.name().indexOf(':')) : p.name();
        String resource = parameters.arn(bare); // IAM sees the parameter's ARN without a :version or :label
        Optional<Lookup> denied = denied(role, "ssm:GetParameters", resource);
        if (denied.isPresent()) {
            return denied.get();
        }
        return parameters
                .value(p.arn().orElse(p.name()))
                .<Lookup>map(Lookup.Found::new)
                .orElseGet(() -> new Lookup.NotFound("ParameterNotFound: " + p.name()));
    }

    /** ECS's words when it cannot assume the execution role. */
    static String untrusted(String roleArn) {
        return "ECS was unable to assume the role '" + roleArn + "' that was provided for this task. Please verify"
                + " that the role being passed has the proper trust relationship and permissions and that your IAM"
                + " user has permissions to pass this role.";
    }

    private Optional<Lookup> denied(String role, String action, String resource) {
        Authorization.Verdict verdict =
                authorization.decideForRole(role, action, resource, Map.<String, List<String>>of());
        return verdict.allowed()
                ? Optional.empty()
                : Optional.of(new Lookup.AccessDenied("AccessDeniedException: "
                        + verdict.message().orElse("the execution role " + role + " may not " + action)));
    }
}
