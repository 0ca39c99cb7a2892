package dev.gantry.api.protocol;

/** Whose fault an error is, as AWS models it ({@code senderFault}) and the Query protocol shows it ({@code <Type>}). */
public enum Fault {
    /** The caller must change the request: Query's {@code <Type>Sender</Type>}, a 4xx status. */
    SENDER("Sender"),
    /** The service failed: Query's {@code <Type>Receiver</Type>}, a 5xx status; clients may retry. */
    RECEIVER("Receiver");

    private final String wireName;

    Fault(String wireName) {
        this.wireName = wireName;
    }

    /** {@code Sender} or {@code Receiver}. */
    public String wireName() {
        return wireName;
    }
}
