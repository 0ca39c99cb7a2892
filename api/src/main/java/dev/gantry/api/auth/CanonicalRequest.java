package dev.gantry.api.auth;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Builds the SigV4 canonical request from what was received (facts §1.7): method, canonical URI, canonical query,
 * the signed headers only, the signed-header list, and the payload hash. Pure string work, no crypto keys.
 */
final class CanonicalRequest {

    private CanonicalRequest() {}

    static String build(SignableRequest request, List<String> signedHeaders, String payloadHash) {
        return String.join(
                "\n",
                request.method(),
                canonicalUri(request.rawPath()),
                canonicalQuery(request.rawQuery()),
                canonicalHeaders(request, signedHeaders),
                String.join(";", signedHeaders),
                payloadHash);
    }

    /**
     * The received path with dot segments removed, then URI-encoded again (the SDKs' "double encoding" for every
     * service but S3): {@code /a%20b} becomes {@code /a%2520b}.
     */
    static String canonicalUri(String rawPath) {
        if (rawPath.isEmpty()) {
            return "/";
        }
        String path = rawPath;
        try {
            String normalized = new URI("http://gantry" + rawPath).normalize().getRawPath();
            if (normalized != null && !normalized.isEmpty()) {
                path = normalized;
            }
        } catch (URISyntaxException e) {
            // not a valid URI path: sign it as received, the signature comparison will tell
        }
        if (path.length() > 1 && path.endsWith("/") && !rawPath.endsWith("/")) {
            path = path.substring(0, path.length() - 1); // normalising "/a/." must not add a trailing slash
        }
        return encode(path.startsWith("/") ? path : "/" + path, true);
    }

    /** Parameters percent-decoded, re-encoded strictly, sorted by key then value, joined with {@code &}. */
    static String canonicalQuery(String rawQuery) {
        if (rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String param : rawQuery.split("&")) {
            if (param.isEmpty()) {
                continue;
            }
            int eq = param.indexOf('=');
            String key = eq < 0 ? param : param.substring(0, eq);
            String value = eq < 0 ? "" : param.substring(eq + 1);
            pairs.add(new String[] {encode(decode(key), false), encode(decode(value), false)});
        }
        pairs.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        List<String> joined = pairs.stream().map(p -> p[0] + "=" + p[1]).toList();
        return String.join("&", joined);
    }

    /** One {@code name:value\n} line per signed header; several values joined by {@code ,}. */
    static String canonicalHeaders(SignableRequest request, List<String> signedHeaders) {
        Map<String, List<String>> headers = request.headers();
        StringBuilder sb = new StringBuilder();
        for (String name : signedHeaders) {
            List<String> values = headers.getOrDefault(name, List.of());
            sb.append(name).append(':');
            for (int i = 0; i < values.size(); i++) {
                sb.append(i == 0 ? "" : ",").append(collapseWhitespace(values.get(i)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static String collapseWhitespace(String value) {
        return value.strip().replaceAll("\\s+", " ");
    }

    /** RFC 3986 encoding: unreserved characters kept, everything else as upper-case {@code %XX} of UTF-8 bytes. */
    static String encode(String value, boolean keepSlash) {
        StringBuilder sb = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (isUnreserved(c) || (keepSlash && c == '/')) {
                sb.append(c);
            } else {
                sb.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return sb.toString();
    }

    /** Percent-decoding only; {@code +} stays a literal plus, as the AWS SDKs send spaces as {@code %20}. */
    static String decode(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < value.length()) {
            if (value.charAt(i) == '%'
                    && i + 2 < value.length()
                    && isHex(value.charAt(i + 1))
                    && isHex(value.charAt(i + 2))) {
                out.write(HexFormat.fromHexDigits(value, i + 1, i + 3));
                i += 3;
            } else {
                int cp = value.codePointAt(i);
                out.writeBytes(Character.toString(cp).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '_'
                || c == '.'
                || c == '~';
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
