/**
 * Shared kernel: roles, the signed-in user with its scoped role grants, the one place where scope and role are
 * checked ({@link org.dudao.shared.Access}), the errors every feature throws, and the menu each feature adds to.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.dudao.shared;
