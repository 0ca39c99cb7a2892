/**
 * {@code gantry doctor}: checks the host Gantry runs on and says what to fix. {@code HostFacts} is what was found
 * (gathered by {@code FactGatherer}, the only part that touches the engine and the OS); {@code HostChecks} turns facts
 * into findings, a pure function unit-tested on hand-made facts; {@code DoctorCommand} prints them.
 */
package dev.gantry.server.doctor;
