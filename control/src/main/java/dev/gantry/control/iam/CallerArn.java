package dev.gantry.control.iam;

import java.util.Optional;

/**
 * What a principal ARN names: the account root, an IAM user, an IAM role, or an STS assumed-role session
 * ({@code arn:aws:sts::ACCT:assumed-role/ROLE/SESSION}). Anything else is {@link Kind#OTHER}.
 */
record CallerArn(Kind kind, String account, String name, Optional<String> sessionName) {

    enum Kind {
        ROOT,
        USER,
        ROLE,
        ASSUMED_ROLE,
        OTHER
    }

    static CallerArn parse(String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length != 6 || !parts[0].equals("arn")) {
            return new CallerArn(Kind.OTHER, "", arn, Optional.empty());
        }
        String account = parts[4];
        String resource = parts[5];
        if (parts[2].equals("iam") && resource.equals("root")) {
            return new CallerArn(Kind.ROOT, account, "root", Optional.empty());
        }
        if (parts[2].equals("iam") && resource.startsWith("user/")) {
            return new CallerArn(Kind.USER, account, lastSegment(resource), Optional.empty());
        }
        if (parts[2].equals("iam") && resource.startsWith("role/")) {
            return new CallerArn(Kind.ROLE, account, lastSegment(resource), Optional.empty());
        }
        if (parts[2].equals("sts") && resource.startsWith("assumed-role/")) {
            String[] rs = resource.split("/", 3);
            if (rs.length == 3) {
                return new CallerArn(Kind.ASSUMED_ROLE, account, rs[1], Optional.of(rs[2]));
            }
        }
        return new CallerArn(Kind.OTHER, account, arn, Optional.empty());
    }

    private static String lastSegment(String resource) {
        return resource.substring(resource.lastIndexOf('/') + 1);
    }
}
