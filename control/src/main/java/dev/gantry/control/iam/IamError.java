package dev.gantry.control.iam;

import dev.gantry.core.error.ErrorKind;

/** IAM's and STS's own errors, named as botocore's iam-2010-05-08 and sts-2011-06-15 models name them. */
public enum IamError implements ErrorKind {
    NO_SUCH_ENTITY("NoSuchEntity"),
    ENTITY_ALREADY_EXISTS("EntityAlreadyExists"),
    MALFORMED_POLICY_DOCUMENT("MalformedPolicyDocument"),
    DELETE_CONFLICT("DeleteConflict"),
    LIMIT_EXCEEDED("LimitExceeded");

    private final String wireName;

    IamError(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
