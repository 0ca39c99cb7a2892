package dev.gantry.api.auth;

import dev.gantry.core.error.ApiException;
import dev.gantry.core.error.ErrorCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed {@code Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...} header.
 * Parsing checks shape only; whether the signature is right is {@link SigV4Verifier}'s job.
 */
record AuthorizationHeader(
        String accessKeyId,
        String scopeDate,
        String region,
        String service,
        List<String> signedHeaders,
        String signature) {

    static final String TERMINATOR = "aws4_request";

    AuthorizationHeader {
        signedHeaders = List.copyOf(signedHeaders);
    }

    /** {@code <yyyyMMdd>/<region>/<service>/aws4_request}, as it appears in the string to sign. */
    String scope() {
        return scopeDate + "/" + region + "/" + service + "/" + TERMINATOR;
    }

    static AuthorizationHeader parse(String header) {
        String trimmed = header.strip();
        if (!trimmed.startsWith(SigV4Verifier.ALGORITHM + " ")) {
            throw incomplete(AuthMessages.unsupportedAlgorithm(header));
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String part : trimmed.substring(SigV4Verifier.ALGORITHM.length()).split("[,\\s]+")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                params.putIfAbsent(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        List<String> missing = new ArrayList<>();
        for (String name : List.of("Credential", "Signature", "SignedHeaders")) {
            if (params.getOrDefault(name, "").isEmpty()) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw incomplete(AuthMessages.missingParameters(missing, header));
        }
        String[] scope = params.get("Credential").split("/", -1);
        if (scope.length != 5 || scope[0].isEmpty()) {
            throw incomplete(AuthMessages.malformedCredential(params.get("Credential")));
        }
        if (!scope[4].equals(TERMINATOR)) {
            throw incomplete(AuthMessages.badTerminator(scope[4]));
        }
        if (!scope[1].matches("\\d{8}")) {
            throw incomplete(AuthMessages.badScopeDate(scope[1]));
        }
        if (scope[2].isEmpty()) {
            throw incomplete(AuthMessages.badRegion(scope[2]));
        }
        String signedHeaders = params.get("SignedHeaders");
        List<String> signed = Arrays.stream(signedHeaders.split(";", -1))
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .toList(); // order kept as sent: it is what the client signed
        if (signed.contains("")) { // ";;host" would otherwise pass as "host", which is not what was signed
            throw incomplete(AuthMessages.emptySignedHeader(signedHeaders));
        }
        if (!signed.contains("host")) {
            throw incomplete(AuthMessages.HOST_NOT_SIGNED);
        }
        return new AuthorizationHeader(scope[0], scope[1], scope[2], scope[3], signed, params.get("Signature"));
    }

    private static ApiException incomplete(String message) {
        return new ApiException(ErrorCode.INCOMPLETE_SIGNATURE, message);
    }
}
