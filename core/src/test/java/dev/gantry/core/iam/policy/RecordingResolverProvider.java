package dev.gantry.core.iam.policy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Test-only resolver (registered for this module's test JVM through META-INF/services) that records every name
 * lookup, so a test can prove that {@link Cidr} never asks the resolver. Names with a colon or ending in
 * {@code .invalid} are refused here without any network traffic; everything else goes to the built-in resolver.
 */
public final class RecordingResolverProvider extends InetAddressResolverProvider {
    static final Set<String> LOOKUPS = ConcurrentHashMap.newKeySet();

    @Override
    public InetAddressResolver get(Configuration configuration) {
        InetAddressResolver builtin = configuration.builtinResolver();
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                LOOKUPS.add(host);
                if (host.indexOf(':') >= 0 || host.endsWith(".invalid")) {
                    throw new UnknownHostException(host);
                }
                return builtin.lookupByName(host, policy);
            }

            @Override
            public String lookupByAddress(byte[] address) throws UnknownHostException {
                return builtin.lookupByAddress(address);
            }
        };
    }

    @Override
    public String name() {
        return "recording";
    }
}
