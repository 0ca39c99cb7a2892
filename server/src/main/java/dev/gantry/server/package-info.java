/**
 * The {@code gantry} process: the command line ({@code Main}, {@code server}, {@code up}), configuration
 * ({@link dev.gantry.server.GantryConfig}), the admin credentials, and the wiring of database, driver, control plane
 * and API in dependency order ({@link dev.gantry.server.GantryServer}).
 */
package dev.gantry.server;
