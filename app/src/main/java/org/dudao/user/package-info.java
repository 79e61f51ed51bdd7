/**
 * Users, their role grants at org nodes, personal access tokens, sign-in (form, HTTP Basic, tokens), lockout
 * after repeated failures, password change and administrator reset, and the first-start administrator.
 */
package org.dudao.user;
