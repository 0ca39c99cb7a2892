/**
 * The bridge between the control plane and the DNS server (the {@code dns} module): {@link
 * dev.gantry.control.dns.DiscoveryZones} reads Cloud Map's DNS namespaces with their healthy instances, {@link
 * dev.gantry.control.dns.DnsTables} turns them into one {@link dev.gantry.dns.table.DnsTable} (pure), and {@link
 * dev.gantry.control.dns.DnsDataPlane} owns the server, rebuilding its table when nudged. Nothing else of Gantry sees
 * the DNS server's types.
 */
package dev.gantry.control.dns;
