package org.dudao.data;

import java.util.Collection;
import java.util.Set;

/**
 * Lets another feature lock values (a submitted collection task locks its unit's items for the period). The
 * store asks every guard before it writes; any locked key refuses the whole write.
 */
public interface DataWriteGuard {

    /** The keys among {@code keys} that must not change now. */
    Set<ValueKey> locked(Collection<ValueKey> keys);
}
