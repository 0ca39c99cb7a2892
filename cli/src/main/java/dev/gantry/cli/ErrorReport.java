package dev.gantry.cli;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** What the user sees when a command fails: one message (no stack trace) and an exit code. Pure. */
record ErrorReport(int exitCode, String message) {

    private static final Set<String> AUTH_ERRORS = Set.of(
            "UnrecognizedClientException",
            "InvalidSignatureException",
            "IncompleteSignatureException",
            "SignatureDoesNotMatch",
            "InvalidClientTokenId",
            "AccessDeniedException",
            "MissingAuthenticationTokenException");

    /**
     * @param endpoint    where the CLI was talking to
     * @param credentials where the signing key came from, when known (named in hints for authentication errors)
     */
    static ErrorReport of(Throwable e, String endpoint, Optional<String> credentials) {
        if (e instanceof CliException c) {
            return new ErrorReport(c.exitCode(), "error: " + c.getMessage());
        }
        if (e instanceof AwsServiceException s) {
            return service(s, credentials);
        }
        if (e instanceof SdkClientException) {
            if (causedBy(e, ConnectException.class)
                    || causedBy(e, NoRouteToHostException.class)
                    || causedBy(e, UnknownHostException.class)
                    || causedBy(e, SocketTimeoutException.class)) {
                return new ErrorReport(
                        CliException.UNREACHABLE,
                        "cannot reach Gantry at " + endpoint
                                + ": is it running? Start it with ./gantry server (or ./gantry up)");
            }
            return new ErrorReport(
                    CliException.UNREACHABLE, "error: talking to Gantry at " + endpoint + ": " + e.getMessage());
        }
        return new ErrorReport(CliException.FAILED, "error: " + e);
    }

    private static ErrorReport service(AwsServiceException s, Optional<String> credentials) {
        var details = Optional.ofNullable(s.awsErrorDetails());
        String code = details.map(d -> d.errorCode()).filter(c -> !c.isBlank()).orElse("HTTP " + s.statusCode());
        String message = details.map(d -> d.errorMessage())
                .filter(m -> !m.isBlank())
                .orElse(Optional.ofNullable(s.getMessage()).orElse("(no message)"));
        String text = "error: " + code + ": " + message;
        if (AUTH_ERRORS.contains(code) && credentials.isPresent()) {
            text += "\n  (requests were signed with the key from " + credentials.get()
                    + "; Gantry's own key is in its data dir's credentials file)";
        }
        return new ErrorReport(CliException.FAILED, text);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                return false;
            }
        }
        return false;
    }
}
