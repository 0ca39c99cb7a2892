package dev.gantry.core.iam.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed IAM policy document: its {@code Version} ({@code 2012-10-17}, or {@code 2008-10-17} when written so or
 * absent, in which case policy variables are plain text), optional {@code Id}, and statements in document order.
 */
public record PolicyDocument(String version, Optional<String> id, List<Statement> statements) {
    public static final String VERSION_2012 = "2012-10-17";
    public static final String VERSION_2008 = "2008-10-17";

    public PolicyDocument {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(id, "id");
        statements = List.copyOf(statements);
        if (!version.equals(VERSION_2012) && !version.equals(VERSION_2008)) {
            throw new MalformedPolicyException(PolicyMessages.BAD_VERSION);
        }
    }

    /**
     * Parses a policy checking what every IAM policy must satisfy (see {@link #parse(String, PolicyKind)} for the
     * checks of a particular kind).
     *
     * @throws MalformedPolicyException with an IAM-worded message when IAM would refuse the document
     */
    public static PolicyDocument parse(String json) {
        return PolicyParser.parse(json, PolicyKind.ANY);
    }

    /**
     * Parses a policy of the given kind: an identity policy must name a Resource and no Principal, a resource policy
     * must name a Principal, a trust policy a Principal and no Resource.
     *
     * @throws MalformedPolicyException with an IAM-worded message when IAM would refuse the document
     */
    public static PolicyDocument parse(String json, PolicyKind kind) {
        return PolicyParser.parse(json, kind);
    }

    /** Whether {@code ${...}} in Resource and condition values are policy variables (Version 2012-10-17). */
    public boolean substitutesVariables() {
        return version.equals(VERSION_2012);
    }
}
