package org.dudao.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Every insert, update or delete of this entity (its collections included) moves its feature's {@link ChangeClock}
 * in the writing transaction, so caches of figures read from it (the dashboard) are dropped on every node.
 */
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface Tracked {}
