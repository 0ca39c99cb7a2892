package dev.gantry.core.inject;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A task-definition secret's {@code valueFrom}, parsed. ECS accepts:
 * <ul>
 *   <li>a Secrets Manager secret ARN, complete ({@code arn:aws:secretsmanager:r:a:secret:name-AbCdEf}) or partial
 *       (without the 6-character suffix), optionally followed by {@code :json-key:version-stage:version-id}, each
 *       field optional and possibly empty ({@code ...:secret:db-AbCdEf:password::});</li>
 *   <li>an SSM parameter ARN ({@code arn:aws:ssm:r:a:parameter/a/b}, naming {@code /a/b}; {@code parameter/n} names
 *       {@code n});</li>
 *   <li>an SSM parameter name ({@code /a/b} or {@code n}) in the task's region; the reserved name
 *       {@code /aws/reference/secretsmanager/<secret>} refers to that Secrets Manager secret by name, as it does
 *       through SSM.</li>
 * </ul>
 */
public sealed interface ValueFrom permits ValueFrom.SecretsManagerSecret, ValueFrom.SsmParameter {

    /** The text as the task definition gives it, which failure reasons name. */
    String valueFrom();

    /**
     * A Secrets Manager secret: {@code secretId} is its ARN (complete or partial) or name; the optional JSON key
     * selects one top-level member of a JSON SecretString; version stage or id select a version (AWSCURRENT when
     * neither is given).
     */
    record SecretsManagerSecret(
            String valueFrom,
            String secretId,
            Optional<String> jsonKey,
            Optional<String> versionStage,
            Optional<String> versionId)
            implements ValueFrom {
        public SecretsManagerSecret {
            if (secretId == null || secretId.isEmpty()) {
                throw new IllegalArgumentException("secretId is required");
            }
        }
    }

    /** An SSM parameter by name ({@code /a/b} or {@code n}); {@code arn} when {@code valueFrom} gave one. */
    record SsmParameter(String valueFrom, String name, Optional<String> arn) implements ValueFrom {
        public SsmParameter {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("name is required");
            }
        }
    }

    /** SSM parameter names: letters, digits, {@code _.-/}; an optional {@code :version} or {@code :label}. */
    Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z0-9_.\\-/]{1,2048}(:[A-Za-z0-9_.\\-]{1,100})?");
    /** Secrets Manager secret names: letters, digits, {@code /_+=.@-}. */
    Pattern SECRET_NAME = Pattern.compile("[A-Za-z0-9/_+=.@\\-]{1,512}");

    String SECRETS_MANAGER_REFERENCE = "/aws/reference/secretsmanager/";

    /**
     * Parses {@code valueFrom}; an {@link IllegalArgumentException} says what is wrong with it, in words a
     * ClientException can carry.
     */
    static ValueFrom parse(String valueFrom) {
        if (valueFrom == null || valueFrom.isEmpty()) {
            throw new IllegalArgumentException("'valueFrom' is required: the ARN of a Secrets Manager secret, or the"
                    + " ARN or name of an SSM parameter.");
        }
        if (!valueFrom.startsWith("arn:")) {
            return parameterName(valueFrom, valueFrom, Optional.empty());
        }
        String[] parts = valueFrom.split(":", -1);
        if (parts.length < 6) {
            throw notAnArn(valueFrom);
        }
        return switch (parts[2]) {
            case "secretsmanager" -> secret(valueFrom, parts);
            case "ssm" -> parameterArn(valueFrom, parts);
            default -> throw notAnArn(valueFrom);
        };
    }

    /**
     * A container's {@code repositoryCredentials.credentialsParameter}: the ARN or name of a Secrets Manager secret
     * (no JSON key or version fields).
     */
    static SecretsManagerSecret credentialsParameter(String parameter) {
        if (parameter == null || parameter.isEmpty()) {
            throw new IllegalArgumentException("'credentialsParameter' is required: the ARN or name of a Secrets "
                    + "Manager secret holding {\"username\": ..., \"password\": ...}.");
        }
        if (parameter.startsWith("arn:")) {
            String[] parts = parameter.split(":", -1);
            if (parts.length == 7 && parts[2].equals("secretsmanager")) {
                return (SecretsManagerSecret) secret(parameter, parts);
            }
        } else if (SECRET_NAME.matcher(parameter).matches()) {
            return new SecretsManagerSecret(parameter, parameter, Optional.empty(), Optional.empty(), Optional.empty());
        }
        throw new IllegalArgumentException("'" + parameter + "' is not the ARN or name of a Secrets Manager secret "
                + "(arn:aws:secretsmanager:<region>:<account>:secret:<name>).");
    }

    private static ValueFrom secret(String valueFrom, String[] parts) {
        if (parts.length < 7
                || !parts[5].equals("secret")
                || !SECRET_NAME.matcher(parts[6]).matches()) {
            throw new IllegalArgumentException("'" + valueFrom + "' is not a Secrets Manager secret ARN: expected "
                    + "arn:aws:secretsmanager:<region>:<account>:secret:<name>[:<json-key>:<version-stage>:"
                    + "<version-id>].");
        }
        if (parts.length > 10) {
            throw new IllegalArgumentException("'" + valueFrom + "' has too many fields: after the secret's ARN "
                    + "only :<json-key>:<version-stage>:<version-id> may follow.");
        }
        String arn = String.join(":", java.util.Arrays.copyOf(parts, 7));
        Optional<String> versionStage = field(parts, 8);
        Optional<String> versionId = field(parts, 9);
        if (versionStage.isPresent() && versionId.isPresent()) {
            throw new IllegalArgumentException("'" + valueFrom + "' gives both a version stage and a version id; "
                    + "give one of them (or neither, for AWSCURRENT).");
        }
        return new SecretsManagerSecret(valueFrom, arn, field(parts, 7), versionStage, versionId);
    }

    private static ValueFrom parameterArn(String valueFrom, String[] parts) {
        String resource = String.join(":", java.util.Arrays.copyOfRange(parts, 5, parts.length));
        if (!resource.startsWith("parameter/") || resource.length() == "parameter/".length()) {
            throw new IllegalArgumentException("'" + valueFrom + "' is not an SSM parameter ARN: expected "
                    + "arn:aws:ssm:<region>:<account>:parameter/<name>.");
        }
        String rest = resource.substring("parameter/".length());
        String name = rest.contains("/") ? "/" + rest : rest;
        return parameterName(valueFrom, name, Optional.of(valueFrom));
    }

    private static ValueFrom parameterName(String valueFrom, String name, Optional<String> arn) {
        if (!PARAMETER_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + valueFrom + "' is neither an ARN nor a valid SSM parameter "
                    + "name: a name has letters, digits and _.-/ only. Give the ARN of a Secrets Manager secret, or "
                    + "the ARN or name of an SSM parameter.");
        }
        if (name.startsWith(SECRETS_MANAGER_REFERENCE) && name.length() > SECRETS_MANAGER_REFERENCE.length()) {
            String secret = name.substring(SECRETS_MANAGER_REFERENCE.length());
            return new SecretsManagerSecret(valueFrom, secret, Optional.empty(), Optional.empty(), Optional.empty());
        }
        return new SsmParameter(valueFrom, name, arn);
    }

    private static Optional<String> field(String[] parts, int index) {
        return index < parts.length && !parts[index].isEmpty() ? Optional.of(parts[index]) : Optional.empty();
    }

    private static IllegalArgumentException notAnArn(String valueFrom) {
        return new IllegalArgumentException("'" + valueFrom + "' is not a Secrets Manager secret ARN "
                + "(arn:aws:secretsmanager:...:secret:<name>) nor an SSM parameter ARN "
                + "(arn:aws:ssm:...:parameter/<name>).");
    }
}
