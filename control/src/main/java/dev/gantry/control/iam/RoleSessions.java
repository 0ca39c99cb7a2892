package dev.gantry.control.iam;

import dev.gantry.core.error.ApiException;
import dev.gantry.core.error.ErrorCode;
import dev.gantry.store.iam.IamRole;
import dev.gantry.store.iam.IamStore;
import dev.gantry.store.iam.SessionStore;
import dev.gantry.store.iam.StoredSession;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues STS sessions for roles, the only writer of the sessions table. {@link #assume} is AssumeRole: the caller
 * must be a principal the role's trust policy allows, the duration between 900 s and the role's maximum, an optional
 * session policy limits the session. {@link #issue} is the control plane's own (the task-role credentials the
 * credentials endpoint serves): no caller, no trust check.
 */
public final class RoleSessions {
    public static final int MIN_DURATION = 900;
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    private static final Logger LOG = LoggerFactory.getLogger(RoleSessions.class);

    private final IamStore store;
    private final SessionStore sessions;
    private final PolicyEngine engine;
    private final IamIds ids;
    private final InstantSource clock;

    public RoleSessions(IamStore store, SessionStore sessions, PolicyEngine engine, IamIds ids, InstantSource clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Credentials for {@code roleArn} named {@code sessionName} (for a task: its id), valid for {@code duration}.
     * NoSuchEntity if the role does not exist.
     */
    public RoleSession issue(String roleArn, String sessionName, Duration duration) {
        IamRole role = role(roleArn)
                .orElseThrow(() -> new ApiException(
                        IamError.NO_SUCH_ENTITY,
                        IamMessages.noRole(CallerArn.parse(roleArn).name())));
        return start(role, sessionName, duration, Optional.empty());
    }

    /**
     * Whether the role's trust policy lets {@code servicePrincipal} (e.g. {@code ecs-tasks.amazonaws.com}) assume
     * it: what ECS checks before it hands a task its task or execution role. False for a role that does not exist.
     */
    public boolean trustsService(String roleArn, String servicePrincipal) {
        return isServiceRole(roleArn, servicePrincipal);
    }

    /**
     * Whether {@code roleArn} names an existing role of this account EXACTLY (path included: {@code role/x} does not
     * name {@code role/admins/x}, nor another account's {@code role/x}) whose trust policy lets
     * {@code servicePrincipal} assume it. The control plane's check before it uses a task's role.
     */
    public boolean isServiceRole(String roleArn, String servicePrincipal) {
        return role(roleArn)
                .map(r -> engine.evaluateResourcePolicy(
                                r.trustPolicy(),
                                new PolicyEngine.Request(servicePrincipal, "sts:AssumeRole", r.arn(), Map.of()))
                        == PolicyEngine.Outcome.ALLOW)
                .orElse(false);
    }

    /** AssumeRole by {@code callerArn}: trust policy, duration and session name checked; AccessDenied if not trusted. */
    public RoleSession assume(
            String callerArn,
            String roleArn,
            String sessionName,
            Optional<Integer> durationSeconds,
            Optional<String> sessionPolicy,
            Map<String, List<String>> context) {
        if (!SESSION_NAME.matcher(sessionName).matches()) {
            throw ApiException.invalidParameter("1 validation error detected: Value '" + sessionName
                    + "' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression"
                    + " pattern: [\\w+=,.@-]*");
        }
        Optional<IamRole> found = role(roleArn);
        if (found.isEmpty()) {
            throw new ApiException(ErrorCode.ACCESS_DENIED, IamMessages.notTrusted(callerArn, roleArn));
        }
        IamRole role = found.get();
        int seconds = durationSeconds.orElse(3600);
        if (seconds < MIN_DURATION) {
            throw ApiException.invalidParameter(IamMessages.durationTooShort(seconds));
        }
        if (seconds > role.maxSessionSeconds()) {
            throw ApiException.invalidParameter(IamMessages.durationTooLong(seconds, role.maxSessionSeconds()));
        }
        if (sessionPolicy.isPresent()) {
            engine.validate(sessionPolicy.get());
        }
        var request = new PolicyEngine.Request(callerArn, "sts:AssumeRole", role.arn(), context);
        if (engine.evaluateResourcePolicy(role.trustPolicy(), request) != PolicyEngine.Outcome.ALLOW) {
            throw new ApiException(ErrorCode.ACCESS_DENIED, IamMessages.notTrusted(callerArn, roleArn));
        }
        return start(role, sessionName, Duration.ofSeconds(seconds), sessionPolicy);
    }

    /** Ends a session now: its key is refused with ExpiredToken from here on. */
    public void end(String accessKeyId) {
        sessions.expire(accessKeyId, clock.instant());
        LOG.atInfo().addKeyValue("accessKeyId", accessKeyId).log("role session ended");
    }

    /** Removes sessions that ended more than a day ago (a later caller of those keys hears "invalid"). */
    public int purgeExpired() {
        return sessions.purgeExpired(clock.instant().minus(Duration.ofDays(1)));
    }

    private RoleSession start(IamRole role, String sessionName, Duration duration, Optional<String> sessionPolicy) {
        Instant expiration = clock.instant().plus(duration);
        String account = CallerArn.parse(role.arn()).account();
        RoleSession session = new RoleSession(
                ids.sessionKeyId(),
                ids.secretAccessKey(),
                ids.sessionToken(),
                expiration,
                role.arn(),
                role.roleId() + ":" + sessionName,
                "arn:aws:sts::" + account + ":assumed-role/" + role.name() + "/" + sessionName);
        sessions.insert(new StoredSession(
                session.accessKeyId(),
                session.secretAccessKey(),
                session.sessionToken(),
                role.arn(),
                role.roleId(),
                session.assumedRoleArn(),
                sessionPolicy,
                expiration));
        LOG.atInfo()
                .addKeyValue("assumedRoleArn", session.assumedRoleArn())
                .addKeyValue("accessKeyId", session.accessKeyId())
                .addKeyValue("expiration", expiration)
                .log("role session issued");
        return session;
    }

    /** The role an ARN names, if its name and path match a stored role. */
    private Optional<IamRole> role(String roleArn) {
        CallerArn arn = CallerArn.parse(roleArn);
        if (arn.kind() != CallerArn.Kind.ROLE) {
            return Optional.empty();
        }
        return store.role(arn.name()).filter(r -> r.arn().equals(roleArn));
    }
}
