/**
 * The scoring engine: compiles an evaluation scheme once and scores units fast. Plain Java, no framework.
 *
 * <p>The app maps a scheme's JSON to {@link org.dudao.engine.SchemeDef}, reports
 * {@link org.dudao.engine.SchemeValidator#validate} problems as a 400, compiles it with
 * {@link org.dudao.engine.SchemeCompiler#compile} and keeps the {@link org.dudao.engine.CompiledScheme}
 * (immutable, thread-safe) for the scheme version. One unit is scored with
 * {@code score(type, enrolment, values, manual)}; bulk scoring uses the lean {@code scoreTotal};
 * {@link org.dudao.engine.GapAnalysis} says what a unit lost and the cheapest way to the next grade.
 */
package org.dudao.engine;
