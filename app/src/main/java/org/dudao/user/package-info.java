/**
 * Users, their role grants at org nodes, personal access tokens, sign-in (form, HTTP Basic, tokens), lockout
 * after repeated failures, password change and administrator reset, and the first-start administrator.
 */
@ApplicationModule(allowedDependencies = {"shared", "audit", "org"})
package org.dudao.user;

import org.springframework.modulith.ApplicationModule;
