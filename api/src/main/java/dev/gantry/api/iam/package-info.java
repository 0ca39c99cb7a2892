/**
 * AWS Identity and Access Management (iam-2010-05-08, AWS Query protocol, signing name {@code iam}): users, access
 * keys, roles, inline and customer-managed policies and their attachments. Protocol-free like every service: the
 * Query codec types the form by the shipped botocore model; the operations are {@code control/iam}'s. Policy
 * documents come back URL-encoded, as IAM sends them (the AWS CLI decodes them).
 */
package dev.gantry.api.iam;
