/**
 * The DNS server's wire side, on Netty: UDP and TCP listeners decoding queries with Netty's DNS codec, the encoding
 * of Gantry's own records, and the forwarder that relays every other question to the host's resolvers.
 */
package dev.gantry.dns.net;
