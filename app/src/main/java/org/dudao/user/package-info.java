/**
 * Users, their role grants at org nodes, personal access tokens, sign-in (form, HTTP Basic, tokens), lockout
 * after repeated failures, password change and administrator reset, and the first-start administrator.
 *
 * <p>Credentials rules: usernames are unique regardless of case ({@code Admin} cannot be created next to
 * {@code admin}), while sign-in compares the name exactly as stored. A password change ends the user's other web
 * sessions and deletes the user's access tokens; an administrator's reset ends every session and token of that
 * user. A session keeps the grants read at sign-in, so changing a user's grants or disabling the account ends that
 * user's sessions too (tokens and HTTP Basic read the user afresh on every call). A user whose password was set by an administrator ({@code mustChangePassword}) may only read
 * {@code GET /api/me}, change the password and sign out: the API answers everything else with 403
 * ({@code "reason":"mustChangePassword"}), the UI redirects to {@code /account}. Edits carry the version read
 * (stale: 409); an administrator cannot grant himself roles or disable himself.
 *
 * <p>Edges of every answer, in the security filter chains: the Content-Security-Policy and Referrer-Policy
 * headers, and token buckets per client address and per node for the anonymous endpoints ({@code
 * dudao.rate-limit.*}).
 */
@ApplicationModule(allowedDependencies = {"shared", "audit", "org"})
package org.dudao.user;

import org.springframework.modulith.ApplicationModule;
