/**
 * Shared kernel: roles, the signed-in user with its scoped role grants, the one place where scope and role are
 * checked ({@link org.dudao.shared.Access}), the errors every feature throws, and the menu each feature adds to.
 */
@ApplicationModule(
        type = ApplicationModule.Type.OPEN,
        allowedDependencies = {})
package org.dudao.shared;

import org.springframework.modulith.ApplicationModule;
