package dev.gantry.api.auth;

import java.time.Instant;
import java.util.List;

/** Every SigV4 error message in one place, worded as AWS words them where clients or people depend on it. */
final class AuthMessages {

    static final String MISSING_TOKEN = "Missing Authentication Token";
    static final String UNRECOGNIZED_CLIENT = "The security token included in the request is invalid.";
    static final String EXPIRED_TOKEN = "The security token included in the request is expired";
    static final String SIGNATURE_MISMATCH = "The request signature we calculated does not match the signature you"
            + " provided. Check your AWS Secret Access Key and signing method.";
    static final String CONTENT_SHA256_MISMATCH =
            "The provided 'x-amz-content-sha256' header does not match what was computed.";
    static final String MISSING_DATE = "Authorization header requires existence of a 'X-Amz-Date' header.";
    static final String HOST_NOT_SIGNED = "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.";

    private AuthMessages() {}

    static String unsupportedAlgorithm(String header) {
        return "Unsupported Authorization scheme; expected '" + SigV4Verifier.ALGORITHM + "'. Authorization=" + header;
    }

    static String missingParameters(List<String> names, String header) {
        StringBuilder sb = new StringBuilder();
        for (String name : names) {
            sb.append("Authorization header requires '").append(name).append("' parameter. ");
        }
        return sb.append("Authorization=").append(header).toString();
    }

    static String emptySignedHeader(String signedHeaders) {
        return "SignedHeaders must be header names separated by ';', with no empty names: 'SignedHeaders="
                + signedHeaders + "'.";
    }

    static String malformedCredential(String credential) {
        return "Credential should be of the form '<AccessKeyId>/<yyyyMMdd>/<region>/<service>/aws4_request', not '"
                + credential + "'.";
    }

    static String badTerminator(String terminator) {
        return "Credential should be scoped with a valid terminator: 'aws4_request', not '" + terminator + "'.";
    }

    static String badScopeDate(String date) {
        return "Credential should be scoped to a valid date in yyyyMMdd format, not '" + date + "'.";
    }

    static String badRegion(String region) {
        return "Credential should be scoped to a valid region, not '" + region + "'.";
    }

    static String badAmzDate(String amzDate) {
        return "Date must be in ISO-8601 'basic format'. Got '" + amzDate + "'. Expected yyyyMMdd'T'HHmmss'Z'.";
    }

    static String wrongRegion(String got, String expected) {
        return "Credential should be scoped to a valid region, not '" + got + "'. This Gantry serves region '"
                + expected + "' (set GANTRY_REGION to change it).";
    }

    static String wrongService(String expected) {
        return "Credential should be scoped to correct service: '" + expected + "'.";
    }

    static String scopeDateMismatch(String scopeDate, String amzDate) {
        return "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '" + scopeDate
                + "' != '" + amzDate.substring(0, 8) + "', from '" + amzDate + "'.";
    }

    static String expired(String amzDate, Instant now) {
        return "Signature expired: " + amzDate + " is now earlier than "
                + SigV4Verifier.AMZ_DATE.format(now.minus(SigV4Verifier.MAX_SKEW)) + " ("
                + SigV4Verifier.AMZ_DATE.format(now) + " - 15 min.)";
    }

    static String notYetCurrent(String amzDate, Instant now) {
        return "Signature not yet current: " + amzDate + " is still later than "
                + SigV4Verifier.AMZ_DATE.format(now.plus(SigV4Verifier.MAX_SKEW)) + " ("
                + SigV4Verifier.AMZ_DATE.format(now) + " + 15 min.)";
    }
}
