package dev.gantry.core.servicediscovery;

/** An operation's progress: SUBMITTED → PENDING → SUCCESS or FAIL, as GetOperation reports it. */
public enum OperationStatus {
    SUBMITTED,
    PENDING,
    SUCCESS,
    FAIL;

    public boolean finished() {
        return this == SUCCESS || this == FAIL;
    }
}
