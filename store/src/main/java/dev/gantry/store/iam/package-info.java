/**
 * IAM and STS state in SQLite (migration V8): {@link dev.gantry.store.iam.IamStore} holds users and their access
 * keys, roles with their trust policies, inline policies, customer-managed policies and their attachments, and STS
 * sessions ({@code ASIA…} keys with their token and expiry). Records are plain values; the rules (names, limits,
 * errors) are {@code control/iam}'s.
 */
package dev.gantry.store.iam;
