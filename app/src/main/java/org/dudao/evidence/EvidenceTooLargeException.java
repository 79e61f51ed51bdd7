package org.dudao.evidence;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** An evidence file over the configured size limit (413). */
@ResponseStatus(HttpStatus.PAYLOAD_TOO_LARGE)
public class EvidenceTooLargeException extends RuntimeException {

    private final long limitBytes;

    public EvidenceTooLargeException(long limitBytes) {
        super("evidence larger than " + limitBytes + " bytes");
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
