package dev.gantry.router.health;

/** ELBv2's target health reason codes, with the descriptions it gives. */
public enum HealthReason {
    REGISTRATION_IN_PROGRESS("Elb.RegistrationInProgress", "Target registration is in progress"),
    INITIAL_HEALTH_CHECKING("Elb.InitialHealthChecking", "Initial health checks in progress"),
    RESPONSE_CODE_MISMATCH("Target.ResponseCodeMismatch", "Health checks failed with these codes: [%s]"),
    TIMEOUT("Target.Timeout", "Request timed out"),
    FAILED_HEALTH_CHECKS("Target.FailedHealthChecks", "Health checks failed"),
    DEREGISTRATION_IN_PROGRESS("Target.DeregistrationInProgress", "Target deregistration is in progress"),
    NOT_IN_USE("Target.NotInUse", "Target group is not configured to receive traffic from the load balancer"),
    NOT_REGISTERED("Target.NotRegistered", "Target is not registered to the target group");

    private final String code;
    private final String description;

    HealthReason(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /** The wire value, e.g. {@code Target.Timeout}. */
    public String code() {
        return code;
    }

    /** ELBv2's description; {@code %s} in RESPONSE_CODE_MISMATCH's takes the codes seen. */
    public String description() {
        return description;
    }
}
