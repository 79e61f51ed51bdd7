package org.dudao.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import org.dudao.shared.ConflictException;
import org.dudao.shared.ForbiddenException;
import org.dudao.shared.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Screens answer unknown, out-of-scope and forbidden things with the friendly error page, never a trace. */
@ControllerAdvice(annotations = Controller.class)
class PageExceptionHandler {

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(HttpServletResponse response) {
        return page(response, HttpServletResponse.SC_NOT_FOUND);
    }

    @ExceptionHandler({ForbiddenException.class, AccessDeniedException.class})
    ModelAndView forbidden(HttpServletResponse response) {
        return page(response, HttpServletResponse.SC_FORBIDDEN);
    }

    @ExceptionHandler(ConflictException.class)
    ModelAndView conflict(HttpServletResponse response) {
        return page(response, HttpServletResponse.SC_CONFLICT);
    }

    private static ModelAndView page(HttpServletResponse response, int status) {
        response.setStatus(status);
        ModelAndView mav = new ModelAndView("error");
        mav.addObject("status", status);
        return mav;
    }
}
