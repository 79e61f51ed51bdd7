/** The scoring engine: compiles an evaluation scheme once and scores units fast. Plain Java, no framework. */
package org.dudao.engine;
