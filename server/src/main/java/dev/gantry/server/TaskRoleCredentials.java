package dev.gantry.server;

import dev.gantry.control.endpoint.RoleCredentialSource;
import dev.gantry.control.endpoint.RoleCredentials;
import dev.gantry.control.iam.RoleSession;
import dev.gantry.control.iam.RoleSessions;
import dev.gantry.core.error.ApiException;
import java.time.Duration;
import java.util.Objects;

/**
 * The credentials endpoint's role sessions come from IAM: a task's role must exist and trust
 * {@code ecs-tasks.amazonaws.com} (as ECS requires before it hands a task its role), then each issue is a fresh STS
 * session named after the task, which SigV4 accepts with its session token until it expires.
 */
final class TaskRoleCredentials implements RoleCredentialSource {

    static final String ECS_TASKS = "ecs-tasks.amazonaws.com";

    private final RoleSessions sessions;

    TaskRoleCredentials(RoleSessions sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public RoleCredentials issue(String roleArn, String sessionName, Duration duration) {
        if (!sessions.trustsService(roleArn, ECS_TASKS)) {
            throw new CredentialsUnavailableException(untrusted(roleArn));
        }
        try {
            RoleSession s = sessions.issue(roleArn, sessionName, duration);
            return new RoleCredentials(s.accessKeyId(), s.secretAccessKey(), s.sessionToken(), s.expiration(), roleArn);
        } catch (ApiException e) {
            throw new CredentialsUnavailableException(e.getMessage(), e);
        }
    }

    /** ECS's words when it cannot assume a task's role (a role that does not exist reads the same). */
    static String untrusted(String roleArn) {
        return "ECS was unable to assume the role '" + roleArn + "' that was provided for this task. Please verify"
                + " that the role being passed has the proper trust relationship and permissions and that your IAM"
                + " user has permissions to pass this role.";
    }
}
