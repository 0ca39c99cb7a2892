package dev.gantry.core.servicediscovery;

/** A namespace's kind, as Cloud Map names it: DNS_PRIVATE is resolvable only inside its VPC. */
public enum NamespaceType {
    DNS_PUBLIC,
    DNS_PRIVATE,
    HTTP;

    public boolean isDns() {
        return this != HTTP;
    }
}
