package dev.gantry.store.logs;

import dev.gantry.core.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A position between events in (timestamp, id) order. GetLogEvents tokens are {@code f/<ts>/<id>} (events after
 * it) and {@code b/<ts>/<id>} (events before it); FilterLogEvents and describe tokens are opaque base64.
 */
record EventCursor(long timestampMs, long id) {
    /**
     * The place just before the first event at {@code ms} (ids start at 1): going forward from it includes events
     * at {@code ms}, going backward does not.
     */
    static EventCursor before(long ms) {
        return new EventCursor(ms, 0);
    }

    static EventCursor of(StoredEvent e) {
        return new EventCursor(e.timestamp().toEpochMilli(), e.id());
    }

    String forwardToken() {
        return "f/" + timestampMs + "/" + id;
    }

    String backwardToken() {
        return "b/" + timestampMs + "/" + id;
    }

    /**
     * Tokens name a place by a neighbouring event: {@code f/e} is just after e, {@code b/e} just before it. Ids are
     * integers, so "after (t, i)" and "before (t, i + 1)" are the same place; these turn a token around in place.
     */
    String forwardTokenTurnedBack() {
        return "b/" + timestampMs + "/" + (id == Long.MAX_VALUE ? id : id + 1);
    }

    String backwardTokenTurnedForward() {
        return "f/" + timestampMs + "/" + (id == Long.MIN_VALUE ? id : id - 1);
    }

    /** Parses a GetLogEvents token; {@link #isForward} tells its direction. */
    static EventCursor parseGetToken(String token) {
        if (!isForward(token) && !token.startsWith("b/")) {
            throw ApiException.invalidParameter(LogMessages.INVALID_TOKEN);
        }
        return parsePair(token.substring(2));
    }

    static boolean isForward(String token) {
        return token.startsWith("f/");
    }

    String opaqueToken() {
        return encode("e:" + timestampMs + "/" + id);
    }

    static EventCursor parseOpaque(String token) {
        String raw = decode(token);
        if (!raw.startsWith("e:")) {
            throw ApiException.invalidParameter(LogMessages.INVALID_TOKEN);
        }
        return parsePair(raw.substring(2));
    }

    static String offsetToken(long offset) {
        return encode("o:" + offset);
    }

    static long parseOffset(String token) {
        String raw = decode(token);
        try {
            long offset = raw.startsWith("o:") ? Long.parseLong(raw.substring(2)) : -1;
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw ApiException.invalidParameter(LogMessages.INVALID_TOKEN);
    }

    private static EventCursor parsePair(String pair) {
        int slash = pair.indexOf('/');
        try {
            return new EventCursor(Long.parseLong(pair.substring(0, slash)), Long.parseLong(pair.substring(slash + 1)));
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw ApiException.invalidParameter(LogMessages.INVALID_TOKEN);
        }
    }

    private static String encode(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter(LogMessages.INVALID_TOKEN);
        }
    }
}
