/**
 * The org tree (组织机构) 省→市→县/区→乡镇/街道→单位: units, their kinds and per-stage enrolment, moves of
 * subtrees and bulk import from Excel. Every other feature refers to units by id or code and checks scope by
 * the unit's materialised path.
 */
@ApplicationModule(allowedDependencies = {"shared", "audit", "data"})
package org.dudao.org;

import org.springframework.modulith.ApplicationModule;
