/**
 * Evaluation schemes (评估方案): versioned indicator trees with leaf rules, grade bands and veto items, owned
 * by an org node and shared with its subtree. A version becomes read-only once an evaluation uses it
 * ({@link org.dudao.scheme.Schemes#use}, {@link org.dudao.scheme.Schemes#markInUse}); saving always creates a
 * new version. Versions are compiled once by the {@code engine} and cached; {@link org.dudao.scheme.SchoolInputs}
 * reads a school's stored inputs for scoring. JSON and Excel import/export are {@link
 * org.dudao.scheme.SchemeFiles}'; editing, what-if and the stored entities are internal.
 */
@ApplicationModule(allowedDependencies = {"shared", "audit", "data", "org", "engine"})
package org.dudao.scheme;

import org.springframework.modulith.ApplicationModule;
