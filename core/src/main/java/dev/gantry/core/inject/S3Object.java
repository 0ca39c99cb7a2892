package dev.gantry.core.inject;

import java.util.regex.Pattern;

/** An S3 object named by its ARN, {@code arn:aws:s3:::bucket/key}, as an environment file's {@code value} is. */
public record S3Object(String bucket, String key) {
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.\\-]{1,61}[a-z0-9]");
    private static final String PREFIX = "arn:aws:s3:::";

    public S3Object {
        if (bucket == null || !BUCKET.matcher(bucket).matches()) {
            throw new IllegalArgumentException("invalid bucket name: " + bucket);
        }
        if (key == null || key.isEmpty() || key.startsWith("/") || key.contains("\0")) {
            throw new IllegalArgumentException("invalid object key: " + key);
        }
        for (String segment : key.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                throw new IllegalArgumentException("object key may not contain '.' or '..' segments: " + key);
            }
        }
    }

    /** The bucket and key of {@code arn}; an {@link IllegalArgumentException} says what is wrong with it. */
    public static S3Object parse(String arn) {
        if (arn == null || !arn.startsWith(PREFIX) || arn.indexOf('/', PREFIX.length()) < 0) {
            throw new IllegalArgumentException(
                    "'" + arn + "' is not an S3 object ARN: expected " + "arn:aws:s3:::<bucket>/<key>.env.");
        }
        String rest = arn.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        try {
            return new S3Object(rest.substring(0, slash), rest.substring(slash + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + arn + "' is not a usable S3 object ARN: " + e.getMessage() + ".");
        }
    }

    public String arn() {
        return PREFIX + bucket + "/" + key;
    }
}
