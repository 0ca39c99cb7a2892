package dev.gantry.control.rotation;

/** The four steps of a rotation, in order, with the names AWS passes in the event's {@code Step}. */
public enum RotationStep {
    CREATE_SECRET("createSecret"),
    SET_SECRET("setSecret"),
    TEST_SECRET("testSecret"),
    FINISH_SECRET("finishSecret");

    private final String wire;

    RotationStep(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
