/** The start page: who is signed in, with which roles where, and the size of their scope. */
@ApplicationModule(allowedDependencies = {"shared", "org"})
package org.dudao.home;

import org.springframework.modulith.ApplicationModule;
