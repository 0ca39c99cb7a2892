package dev.gantry.core.servicediscovery;

/** The DNS record types a Cloud Map service may ask for. */
public enum RecordType {
    A,
    AAAA,
    SRV,
    CNAME
}
