package dev.gantry.control.dns;

import dev.gantry.dns.table.DnsTable;
import dev.gantry.dns.table.RecordSet;
import dev.gantry.dns.table.Routing;
import dev.gantry.dns.table.Srv;
import dev.gantry.dns.table.Zone;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pure: Cloud Map's DNS namespaces as the DNS server's table, with the records Route 53 holds for them. A service
 * {@code backend} of namespace {@code local} with an A record answers {@code backend.local} with its healthy
 * instances' AWS_INSTANCE_IPV4; with an SRV record, {@code backend.local} SRV answers {@code 1 1 <port>
 * <instance-id>.backend.local} per healthy instance, each such name an A record of the instance's address. A service
 * without healthy instances has no records (NXDOMAIN, as Route 53 once Cloud Map deleted them). Values a DNS name
 * cannot hold are left out rather than failing the whole table.
 */
public final class DnsTables {
    private static final Logger LOG = LoggerFactory.getLogger(DnsTables.class);
    private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private DnsTables() {}

    public static DnsTable build(List<DiscoveryZones.Namespace> namespaces, long serial) {
        List<Zone> zones = new ArrayList<>();
        for (DiscoveryZones.Namespace ns : namespaces) {
            try {
                zones.add(zone(ns));
            } catch (IllegalArgumentException e) {
                LOG.atWarn()
                        .addKeyValue("namespace", ns.name())
                        .addKeyValue("error", e.getMessage())
                        .log("a namespace cannot be served over DNS; its names are forwarded");
            }
        }
        return new DnsTable(zones, serial & 0xFFFF_FFFFL);
    }

    private static Zone zone(DiscoveryZones.Namespace ns) {
        String zone = ns.name().toLowerCase(Locale.ROOT);
        List<RecordSet> records = new ArrayList<>();
        for (DiscoveryZones.Service s : ns.services()) {
            String service = s.name().toLowerCase(Locale.ROOT);
            if (!LABEL.matcher(service).matches() || s.healthy().isEmpty()) {
                continue;
            }
            String name = service + "." + zone;
            Routing routing = s.routingPolicy().equals("WEIGHTED") ? Routing.WEIGHTED : Routing.MULTIVALUE;
            List<String> ips = s.healthy().stream()
                    .flatMap(i -> i.ipv4().stream())
                    .filter(ip -> IPV4.matcher(ip).matches())
                    .distinct()
                    .toList();
            List<Srv> srv = new ArrayList<>();
            if (s.srvTtl().isPresent()) {
                for (DiscoveryZones.Instance i : s.healthy()) {
                    String id = i.id().toLowerCase(Locale.ROOT);
                    if (i.port().isEmpty()
                            || i.ipv4().isEmpty()
                            || !LABEL.matcher(id).matches()) {
                        continue;
                    }
                    String target = id + "." + name;
                    srv.add(new Srv(1, 1, i.port().get(), target));
                    records.add(RecordSet.a(
                            target,
                            List.of(i.ipv4().get()),
                            s.aTtl().orElse(s.srvTtl().get()),
                            routing));
                }
            }
            List<String> a = s.aTtl().isPresent() ? ips : List.of();
            if (!a.isEmpty() || !srv.isEmpty()) {
                records.add(new RecordSet(
                        name,
                        a,
                        srv,
                        s.aTtl().orElse(s.srvTtl().orElse(0L)),
                        s.srvTtl().orElse(s.aTtl().orElse(0L)),
                        routing));
            }
        }
        return new Zone(zone, ns.soaTtl(), records);
    }
}
