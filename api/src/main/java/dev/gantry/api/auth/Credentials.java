package dev.gantry.api.auth;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Looks up the principal that owns an access key id. Implementations must be thread-safe. */
@FunctionalInterface
public interface Credentials {

    /** The principal for this access key id, or empty if the key is unknown. */
    Optional<Principal> find(String accessKeyId);

    /** A fixed, in-memory set of principals (duplicate access key ids are rejected). */
    static Credentials of(Collection<Principal> principals) {
        Map<String, Principal> byKey =
                principals.stream().collect(Collectors.toUnmodifiableMap(Principal::accessKeyId, Function.identity()));
        return accessKeyId -> Optional.ofNullable(byKey.get(accessKeyId));
    }

    /** A fixed, in-memory set of principals (duplicate access key ids are rejected). */
    static Credentials of(Principal... principals) {
        return of(List.of(principals));
    }
}
