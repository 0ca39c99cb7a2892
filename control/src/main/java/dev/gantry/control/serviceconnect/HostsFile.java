package dev.gantry.control.serviceconnect;

import java.util.List;

/**
 * Pure: the /etc/hosts a Service Connect task gets: loopback names, then one line per client alias of its namespace
 * (its virtual address and name), as ECS writes Service Connect's aliases into the task's hosts file.
 */
public final class HostsFile {
    private HostsFile() {}

    public static String render(List<AliasRoute> aliases) {
        StringBuilder b = new StringBuilder("127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n");
        aliases.stream()
                .map(a -> a.virtualIp() + "\t" + a.dnsName())
                .distinct()
                .sorted()
                .forEach(line -> b.append(line).append('\n'));
        return b.toString();
    }
}
