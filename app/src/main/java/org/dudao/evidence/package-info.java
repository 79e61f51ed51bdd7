/**
 * Evidence files (佐证材料) of a unit and period, optionally bound to one data item or a collection task: the type
 * is recognised from the content, the size is limited, the SHA-256 is stored, reading is scoped and every
 * change is audited. Collection, evaluation and rectification attach them through
 * {@link org.dudao.evidence.EvidenceStore}.
 */
@ApplicationModule(allowedDependencies = {"shared", "audit", "org", "data"})
package org.dudao.evidence;

import org.springframework.modulith.ApplicationModule;
