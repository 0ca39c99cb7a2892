package dev.gantry.router.table;

/** What a listener speaks: HTTP/1.1 with rules (ALB-like) or plain TCP forwarding (NLB-like). */
public enum ListenerProtocol {
    HTTP,
    TCP
}
