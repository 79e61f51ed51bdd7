package org.dudao.shared;

/**
 * A role held at an org node. {@code path} is the node's materialised path ("/1/4/17/"); null means the whole
 * tree (system administrators created at first start).
 */
public record Grant(Role role, Long orgUnitId, String path) implements java.io.Serializable {

    public boolean covers(String targetPath) {
        return path == null || (targetPath != null && targetPath.startsWith(path));
    }
}
