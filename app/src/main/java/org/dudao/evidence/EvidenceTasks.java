package org.dudao.evidence;

/**
 * Evidence may be attached to a collection task; the feature that owns tasks implements this, so the store
 * needs no dependency on it.
 */
public interface EvidenceTasks {

    /** The period of a task the current user may see; a task outside the user's scope does not exist (404). */
    String periodOfVisible(long taskId);
}
