/** Benchmarks that print measured figures; see bench/README.md. */
package org.dudao.bench;
