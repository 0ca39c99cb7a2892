package dev.gantry.core.servicediscovery;

import static dev.gantry.core.servicediscovery.CloudMapError.invalid;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cloud Map's rules for what a request may ask, pure: namespace and service names (the model's patterns), a
 * service's DNS records against its namespace, health-check settings, an instance's attributes against its service's
 * records, tags. Every refusal is InvalidInput (or TooManyTagsException) with a message saying what to change.
 */
public final class CloudMapRules {
    public static final int MAX_TAGS = 50;
    public static final int MAX_ATTRIBUTES = 30;
    public static final int MAX_ATTRIBUTES_BYTES = 5_000;

    private static final Pattern NAME_PRIVATE = Pattern.compile("^(?!arn:)[!-~]{1,253}$");
    private static final Pattern NAME_HTTP = Pattern.compile("^(?!arn:)[!-~]{1,1024}$");
    private static final Pattern NAME_PUBLIC = Pattern.compile(
            "^([a-zA-Z0-9]([a-zA-Z0-9\\-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z0-9]([a-zA-Z0-9\\-]{0,61}[a-zA-Z0-9])?$");
    private static final Pattern SERVICE_NAME =
            Pattern.compile("((?=^.{1,127}$)^([a-zA-Z0-9_][a-zA-Z0-9-_]{0,61}[a-zA-Z0-9_]|[a-zA-Z0-9])"
                    + "(\\.([a-zA-Z0-9_][a-zA-Z0-9-_]{0,61}[a-zA-Z0-9_]|[a-zA-Z0-9]))*$)|(^\\.$)");
    private static final Pattern INSTANCE_ID = Pattern.compile("^[0-9a-zA-Z_/:.@-]{1,64}$");
    private static final Pattern ATTR_KEY = Pattern.compile("^[a-zA-Z0-9!-~]{1,255}$");
    private static final Pattern IPV4 =
            Pattern.compile("^((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)$");

    private CloudMapRules() {}

    /** A namespace name of {@code type}, as the model's pattern for that Create call allows. */
    public static String namespaceName(NamespaceType type, String name) {
        Pattern p = switch (type) {
            case DNS_PRIVATE -> NAME_PRIVATE;
            case DNS_PUBLIC -> NAME_PUBLIC;
            case HTTP -> NAME_HTTP;
        };
        if (!p.matcher(name).matches()) {
            throw invalid("Namespace name '" + name + "' is not valid for a " + type + " namespace: "
                    + switch (type) {
                        case DNS_PUBLIC ->
                            "use a domain name such as example.com (letters, digits, hyphens,"
                                    + " dot-separated labels of at most 63 characters).";
                        case DNS_PRIVATE -> "use 1 to 253 printable characters, not starting with arn:.";
                        case HTTP -> "use 1 to 1024 printable characters, not starting with arn:.";
                    });
        }
        return name;
    }

    public static String serviceName(String name) {
        if (!SERVICE_NAME.matcher(name).matches()) {
            throw invalid("Service name '" + name + "' is not valid: use DNS labels of letters, digits, hyphens and"
                    + " underscores (at most 63 characters each, 127 in all), e.g. backend or _http._tcp.");
        }
        return name;
    }

    public static String instanceId(String id) {
        if (!INSTANCE_ID.matcher(id).matches()) {
            throw invalid("InstanceId '" + id + "' is not valid: use 1 to 64 characters among letters, digits and"
                    + " _/:.@-.");
        }
        return id;
    }

    /**
     * The DNS records a service may have in {@code namespace}: none in an HTTP namespace; in a DNS one, one of A,
     * AAAA, A and AAAA, SRV (alone or with A/AAAA), or CNAME with the WEIGHTED policy.
     */
    public static void dnsConfig(Namespace namespace, Optional<DnsConfig> dns, HealthCheck health) {
        if (dns.isEmpty()) {
            return;
        }
        if (!namespace.type().isDns()) {
            throw invalid("Namespace " + namespace.id() + " is an HTTP namespace: a service in it cannot have a"
                    + " DnsConfig. Remove DnsConfig, or create the service in a DNS namespace.");
        }
        List<DnsRecord> records = dns.get().records();
        if (records.isEmpty()) {
            throw invalid("DnsConfig.DnsRecords must name at least one record type (A, AAAA, SRV or CNAME).");
        }
        Set<RecordType> seen = EnumSet.noneOf(RecordType.class);
        for (DnsRecord r : records) {
            if (!seen.add(r.type())) {
                throw invalid("DnsConfig.DnsRecords names type " + r.type() + " twice; name each type once.");
            }
        }
        if (seen.contains(RecordType.CNAME)) {
            if (seen.size() > 1) {
                throw invalid("A CNAME record cannot be combined with other record types; use CNAME alone.");
            }
            if (dns.get().routingPolicy() != RoutingPolicy.WEIGHTED) {
                throw invalid("A service with a CNAME record must use RoutingPolicy WEIGHTED.");
            }
            if (health instanceof HealthCheck.Route53) {
                throw invalid("A service with a CNAME record cannot have a HealthCheckConfig.");
            }
        }
    }

    /** HealthCheckConfig and HealthCheckCustomConfig exclude each other; a Route 53 check needs a public namespace. */
    public static void healthCheck(Namespace namespace, HealthCheck health) {
        if (health instanceof HealthCheck.Route53 r) {
            if (namespace.type() != NamespaceType.DNS_PUBLIC) {
                throw invalid("HealthCheckConfig is only valid in a public DNS namespace; " + namespace.id() + " is "
                        + namespace.type() + ". Use HealthCheckCustomConfig instead.");
            }
            if (r.type().equals("TCP") && r.resourcePath().isPresent()) {
                throw invalid("HealthCheckConfig.ResourcePath is not valid with Type TCP; remove it.");
            }
        }
    }

    /** The service's type as Cloud Map reports it. */
    public static String serviceType(Namespace namespace, Optional<DnsConfig> dns, Optional<String> requested) {
        if (requested.isPresent()) {
            if (dns.isPresent()) {
                throw invalid("A service of Type HTTP cannot have a DnsConfig; remove one of them.");
            }
            return "HTTP";
        }
        if (!namespace.type().isDns()) {
            return "HTTP";
        }
        return dns.isPresent() ? "DNS_HTTP" : "HTTP";
    }

    /** An instance's attributes against its service's records and health checking; its initial health. */
    public static HealthStatus attributes(DiscoveryService service, Map<String, String> attributes) {
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw invalid("An instance can have at most " + MAX_ATTRIBUTES + " attributes; this one has "
                    + attributes.size() + ".");
        }
        int bytes = 0;
        for (var e : attributes.entrySet()) {
            if (!ATTR_KEY.matcher(e.getKey()).matches()) {
                throw invalid("Attribute key '" + e.getKey() + "' is not valid: use 1 to 255 printable characters.");
            }
            if (e.getValue().length() > 1024) {
                throw invalid("Attribute " + e.getKey() + " has a value longer than 1024 characters.");
            }
            bytes += e.getKey().length() + e.getValue().length();
        }
        if (bytes > MAX_ATTRIBUTES_BYTES) {
            throw invalid("An instance's attributes can total at most " + MAX_ATTRIBUTES_BYTES + " characters.");
        }
        Optional<DnsConfig> dns = service.dnsConfig();
        String ipv4 = attributes.get(Instance.IPV4);
        if (ipv4 != null && !IPV4.matcher(ipv4).matches()) {
            throw invalid(Instance.IPV4 + " '" + ipv4 + "' is not an IPv4 address such as 192.0.2.44.");
        }
        String port = attributes.get(Instance.PORT);
        if (port != null && !validPort(port)) {
            throw invalid(Instance.PORT + " '" + port + "' is not a port number (0 to 65535).");
        }
        if (dns.isPresent()) {
            DnsConfig d = dns.get();
            if (d.has(RecordType.A) && ipv4 == null) {
                requireAttr(service, Instance.IPV4, "an A record");
            }
            if (d.has(RecordType.AAAA) && !attributes.containsKey(Instance.IPV6)) {
                requireAttr(service, Instance.IPV6, "an AAAA record");
            }
            if (d.has(RecordType.CNAME) && !attributes.containsKey(Instance.CNAME)) {
                requireAttr(service, Instance.CNAME, "a CNAME record");
            }
            if (d.has(RecordType.SRV)) {
                if (port == null) {
                    requireAttr(service, Instance.PORT, "an SRV record");
                }
                if (ipv4 == null && !attributes.containsKey(Instance.IPV6)) {
                    requireAttr(service, Instance.IPV4, "an SRV record");
                }
            }
        }
        String init = attributes.get(Instance.INIT_HEALTH);
        if (init != null) {
            if (!service.customHealth()) {
                throw invalid(Instance.INIT_HEALTH + " is only valid for a service with HealthCheckCustomConfig;"
                        + " service " + service.id() + " has none. Remove the attribute.");
            }
            if (!init.equals("HEALTHY") && !init.equals("UNHEALTHY")) {
                throw invalid(Instance.INIT_HEALTH + " must be HEALTHY or UNHEALTHY, not '" + init + "'.");
            }
            return HealthStatus.valueOf(init);
        }
        return switch (service.healthCheck()) {
            case HealthCheck.None n -> HealthStatus.UNKNOWN;
            case HealthCheck.Route53 r -> HealthStatus.HEALTHY;
            case HealthCheck.Custom c -> HealthStatus.HEALTHY;
        };
    }

    private static void requireAttr(DiscoveryService service, String attr, String why) {
        throw invalid(
                "Service " + service.id() + " publishes " + why + ": the instance needs the attribute " + attr + ".");
    }

    private static boolean validPort(String port) {
        if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(Character::isDigit)) {
            return false;
        }
        return Integer.parseInt(port) <= 65535;
    }

    /** Tag keys and values as the model bounds them, and the count a resource may end with. */
    public static void tags(Map<String, String> tags, int resulting) {
        for (var e : tags.entrySet()) {
            if (e.getKey().isEmpty() || e.getKey().length() > 128) {
                throw invalid("Tag key '" + e.getKey() + "' must have 1 to 128 characters.");
            }
            if (e.getValue().length() > 256) {
                throw invalid("The value of tag " + e.getKey() + " must have at most 256 characters.");
            }
        }
        if (resulting > MAX_TAGS) {
            throw CloudMapError.TOO_MANY_TAGS.error(String.format(CloudMapMessages.TOO_MANY_TAGS, MAX_TAGS, resulting));
        }
    }
}
