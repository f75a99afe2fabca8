/**
 * Staff accounts, roles, sign-in (with its brute-force throttle), the one-time set-up and
 * password links (mailed when mail is set up, with "Forgot your password?"), the {@code create-admin} command, and the security configuration.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"web", "platform", "mail"})
package org.broadsheet.account;
