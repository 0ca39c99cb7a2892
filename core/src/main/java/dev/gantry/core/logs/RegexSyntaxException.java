package dev.gantry.core.logs;

/** A {@code %regex%} that is malformed or outside what CloudWatch Logs accepts; the message says which part. */
final class RegexSyntaxException extends IllegalArgumentException {
    RegexSyntaxException(String problem) {
        super(problem);
    }
}
