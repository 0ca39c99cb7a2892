package dev.gantry.api.auth;

import dev.gantry.core.error.ApiException;
import dev.gantry.core.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies AWS Signature Version 4 ({@code Authorization} header form) on a received request and says who sent
 * it. Pure: no I/O beyond the {@link Credentials} lookup, time from the injected {@link InstantSource}.
 *
 * <p>Checks, in order: the header is present and well formed, {@code host} is signed, {@code X-Amz-Date} is
 * present and parseable, the credential scope names the expected service and the request's date, the date is
 * within 15 minutes of now, the access key is known, a sent {@code X-Amz-Content-SHA256} hash matches the body,
 * and finally the signature (compared in constant time).
 * Each failure is an {@link ApiException} with the AWS error name and wording.
 */
public final class SigV4Verifier {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final Duration MAX_SKEW = Duration.ofMinutes(15);
    static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String CONTENT_SHA256 = "x-amz-content-sha256";
    private static final String SECURITY_TOKEN = "x-amz-security-token";
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private final Credentials credentials;
    private final InstantSource clock;
    private final java.util.Optional<String> region;

    public SigV4Verifier(Credentials credentials, InstantSource clock) {
        this(credentials, clock, java.util.Optional.empty());
    }

    /** With a region: a credential scope naming any other region is refused, as AWS does. */
    public SigV4Verifier(Credentials credentials, InstantSource clock, java.util.Optional<String> region) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.region = Objects.requireNonNull(region, "region");
    }

    /**
     * Returns the principal that signed {@code request} for {@code expectedService} (the signing name, e.g.
     * {@code ecs}), or throws {@link ApiException} saying why the request is not authentic.
     */
    public Principal verify(SignableRequest request, String expectedService) {
        String authorization =
                request.header("authorization").map(String::strip).orElse("");
        if (authorization.isEmpty()) {
            throw new ApiException(ErrorCode.MISSING_AUTHENTICATION_TOKEN, AuthMessages.MISSING_TOKEN);
        }
        AuthorizationHeader auth = AuthorizationHeader.parse(authorization);
        String amzDate = request.header("x-amz-date")
                .map(String::strip)
                .orElseThrow(() -> new ApiException(ErrorCode.INCOMPLETE_SIGNATURE, AuthMessages.MISSING_DATE));
        Instant signedAt = parseAmzDate(amzDate);
        if (!auth.service().equals(expectedService)) {
            throw invalid(AuthMessages.wrongService(expectedService));
        }
        if (region.isPresent() && !region.get().equals(auth.region())) {
            throw invalid(AuthMessages.wrongRegion(auth.region(), region.get()));
        }
        if (!amzDate.startsWith(auth.scopeDate())) {
            throw invalid(AuthMessages.scopeDateMismatch(auth.scopeDate(), amzDate));
        }
        checkSkew(amzDate, signedAt);
        Principal principal = credentials
                .find(auth.accessKeyId())
                .orElseThrow(() -> new ApiException(ErrorCode.UNRECOGNIZED_CLIENT, AuthMessages.UNRECOGNIZED_CLIENT));
        String expected = signature(request, auth, amzDate, principal.secretAccessKey());
        byte[] provided = auth.signature().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), provided)) {
            throw invalid(AuthMessages.SIGNATURE_MISMATCH);
        }
        checkSession(request, principal);
        return principal;
    }

    /**
     * A session key is good only with its own session's token ({@code X-Amz-Security-Token}, compared in constant
     * time) and only until the session ends; a long-term key sent with a token is refused, as AWS refuses it (the
     * token names no session of that key).
     */
    private void checkSession(SignableRequest request, Principal principal) {
        if (principal.sessionToken().isEmpty()) {
            if (request.header(SECURITY_TOKEN).isPresent()) {
                throw new ApiException(ErrorCode.UNRECOGNIZED_CLIENT, AuthMessages.UNRECOGNIZED_CLIENT);
            }
            return;
        }
        byte[] sent =
                request.header(SECURITY_TOKEN).map(String::strip).orElse("").getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(principal.sessionToken().get().getBytes(StandardCharsets.UTF_8), sent)) {
            throw new ApiException(ErrorCode.UNRECOGNIZED_CLIENT, AuthMessages.UNRECOGNIZED_CLIENT);
        }
        if (principal.expiration().isPresent()
                && !clock.instant().isBefore(principal.expiration().get())) {
            throw new ApiException(ErrorCode.EXPIRED_TOKEN, AuthMessages.EXPIRED_TOKEN);
        }
    }

    /**
     * The payload hash to sign: {@code X-Amz-Content-SHA256} verbatim when sent (it may be {@code UNSIGNED-PAYLOAD}),
     * else the body's hash. A sent hex hash must match the body, or the body could be swapped under a valid signature.
     */
    private static String payloadHash(SignableRequest request) {
        String bodyHash = hex(sha256(request.body()));
        String sent = request.header(CONTENT_SHA256).map(String::strip).orElse(bodyHash);
        if (HEX_SHA256.matcher(sent).matches()
                && !MessageDigest.isEqual(
                        sent.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
                        bodyHash.getBytes(StandardCharsets.US_ASCII))) {
            throw invalid(AuthMessages.CONTENT_SHA256_MISMATCH);
        }
        return sent;
    }

    private static String signature(SignableRequest request, AuthorizationHeader auth, String amzDate, String secret) {
        String payloadHash = payloadHash(request);
        String canonical = CanonicalRequest.build(request, auth.signedHeaders(), payloadHash);
        String stringToSign = String.join(
                "\n", ALGORITHM, amzDate, auth.scope(), hex(sha256(canonical.getBytes(StandardCharsets.UTF_8))));
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), auth.scopeDate());
        key = hmac(key, auth.region());
        key = hmac(key, auth.service());
        key = hmac(key, AuthorizationHeader.TERMINATOR);
        return hex(hmac(key, stringToSign));
    }

    private void checkSkew(String amzDate, Instant signedAt) {
        Instant now = clock.instant();
        if (signedAt.isBefore(now.minus(MAX_SKEW))) {
            throw invalid(AuthMessages.expired(amzDate, now));
        }
        if (signedAt.isAfter(now.plus(MAX_SKEW))) {
            throw invalid(AuthMessages.notYetCurrent(amzDate, now));
        }
    }

    private static Instant parseAmzDate(String amzDate) {
        try {
            return AMZ_DATE.parse(amzDate, Instant::from);
        } catch (DateTimeParseException e) {
            throw new ApiException(ErrorCode.INCOMPLETE_SIGNATURE, AuthMessages.badAmzDate(amzDate));
        }
    }

    private static ApiException invalid(String message) {
        return new ApiException(ErrorCode.INVALID_SIGNATURE, message);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
