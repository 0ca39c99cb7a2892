/**
 * Pure: what the DNS server answers to one question, from a table and the asking client ({@link
 * dev.gantry.dns.answer.Answerer}), as an {@link dev.gantry.dns.answer.Answer} — records, no data, NXDOMAIN or
 * "forward it". No sockets, no clock; randomness is passed in.
 */
package dev.gantry.dns.answer;
