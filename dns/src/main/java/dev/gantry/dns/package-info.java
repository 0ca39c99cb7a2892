/**
 * Gantry's DNS server, the resolver of every task, behind a small API: an immutable table in
 * ({@link dev.gantry.dns.table.DnsTable} through {@link dev.gantry.dns.DnsServer#apply}), listeners opened per task
 * network gateway ({@link dev.gantry.dns.DnsServer#listen}). It answers Gantry's zones itself and forwards the rest
 * to the host's resolvers. It never sees the store or the control plane (docs/adr/0018-dns-server.md).
 */
package dev.gantry.dns;
