/**
 * What the DNS server answers, as one immutable value: {@link dev.gantry.dns.table.DnsTable} (zones, each with its
 * SOA and its record sets). The control plane builds a whole table from Cloud Map's state and hands it to
 * {@link dev.gantry.dns.DnsServer#apply}; nothing here reads a store.
 */
package dev.gantry.dns.table;
