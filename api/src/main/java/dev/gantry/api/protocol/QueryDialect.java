package dev.gantry.api.protocol;

/** The two XML shapes of AWS's Query protocol: the same requests, different responses and errors. */
public enum QueryDialect {
    /**
     * STS, IAM, ELBv2: {@code <XResponse><XResult>…</XResult><ResponseMetadata><RequestId>}; lists as
     * {@code <member>}; errors {@code <ErrorResponse><Error><Type><Code><Message></Error><RequestId>}.
     */
    QUERY,
    /**
     * EC2: {@code <XResponse><requestId>…</requestId>…}, no result wrapper; lists as {@code <item>}; errors
     * {@code <Response><Errors><Error><Code><Message></Error></Errors><RequestID>}.
     */
    EC2
}
