/**
 * The start page (工作台): the signed-in user's 待办 gathered from every feature's {@code TodoSource} (also as
 * {@code GET /api/me/todos}), who is signed in, with which roles where, and the size of their scope.
 */
@ApplicationModule(allowedDependencies = {"shared", "org"})
package org.dudao.home;

import org.springframework.modulith.ApplicationModule;
