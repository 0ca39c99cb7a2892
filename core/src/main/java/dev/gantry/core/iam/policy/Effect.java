package dev.gantry.core.iam.policy;

/** A statement's {@code Effect}. */
public enum Effect {
    ALLOW("Allow"),
    DENY("Deny");

    private final String wireName;

    Effect(String wireName) {
        this.wireName = wireName;
    }

    /** As written in a policy: {@code Allow} or {@code Deny}. */
    public String wireName() {
        return wireName;
    }
}
