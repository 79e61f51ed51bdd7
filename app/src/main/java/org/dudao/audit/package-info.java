/**
 * Audit log: every create, update and delete of every feature (who, when, entity, old → new), stored with the
 * org path of the node the entity belongs to so that administrators see only entries inside their scope.
 */
@ApplicationModule(allowedDependencies = {"shared"})
package org.dudao.audit;

import org.springframework.modulith.ApplicationModule;
