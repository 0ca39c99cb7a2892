package dev.gantry.core.iam.policy;

import java.util.Optional;

/** The six parts of an ARN ({@code arn:partition:service:region:account:resource}), for principal matching. */
final class Arns {
    record Parsed(String partition, String service, String region, String account, String resource) {}

    private Arns() {}

    static Optional<Parsed> parse(String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length != 6 || !parts[0].equals("arn")) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(parts[1], parts[2], parts[3], parts[4], parts[5]));
    }
}
