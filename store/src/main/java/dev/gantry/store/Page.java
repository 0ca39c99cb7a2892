package dev.gantry.store;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** One page of a listing and the opaque token for the next page, if there is one. */
public record Page<T>(List<T> items, Optional<String> nextToken) {
    public Page {
        items = List.copyOf(items);
    }

    /** Encodes an offset as an opaque token. */
    public static String token(long offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("o:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a token made by {@link #token}; empty if it is not one of ours. */
    public static Optional<Long> offset(String token) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            long offset = raw.startsWith("o:") ? Long.parseLong(raw.substring(2)) : -1;
            return offset >= 0 ? Optional.of(offset) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Builds a page from rows fetched with limit+1 starting at offset. */
    public static <T> Page<T> of(List<T> rowsPlusOne, long offset, int limit) {
        if (rowsPlusOne.size() > limit) {
            return new Page<>(rowsPlusOne.subList(0, limit), Optional.of(token(offset + limit)));
        }
        return new Page<>(rowsPlusOne, Optional.empty());
    }
}
