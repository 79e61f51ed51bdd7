package org.dudao.user.web;

import java.util.EnumSet;
import org.dudao.shared.Access;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.MenuEntry;
import org.dudao.shared.Role;
import org.dudao.shared.web.FormErrors;
import org.dudao.user.internal.AccessTokens;
import org.dudao.user.internal.Accounts;
import org.springframework.context.annotation.Bean;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sign-in page, the user's own account (password, tokens) and user administration. */
@Controller
class UserController {

    private final Accounts users;
    private final AccessTokens tokens;

    UserController(Accounts users, AccessTokens tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    @Bean
    static MenuEntry usersMenu() {
        return new MenuEntry("nav.section.system", "user.title", "/admin/users", 900, EnumSet.of(Role.ADMIN));
    }

    @ModelAttribute("roles")
    Role[] roles() {
        return Role.values();
    }

    @GetMapping("/login")
    String login(jakarta.servlet.http.HttpSession session, Model model) {
        model.addAttribute(
                "locked",
                session.getAttribute("SPRING_SECURITY_LAST_EXCEPTION")
                        instanceof org.springframework.security.authentication.LockedException);
        return "login";
    }

    // ---- own account --------------------------------------------------------------------------------------

    @GetMapping("/account")
    String account(Model model) {
        model.addAttribute("me", Access.currentUser());
        model.addAttribute("tokens", tokens.mine());
        model.addAttribute(
                "mustChange", users.mustChangePassword(Access.currentUser().id()));
        return "user/account";
    }

    @PostMapping("/account/password")
    String changePassword(
            @RequestParam String currentPassword, @RequestParam String newPassword, RedirectAttributes redirect) {
        try {
            users.changeOwnPassword(currentPassword, newPassword);
            redirect.addFlashAttribute("passwordChanged", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("passwordProblems", e.problems());
        }
        return "redirect:/account";
    }

    @PostMapping("/account/tokens")
    String createToken(
            @RequestParam String name, @RequestParam(required = false) Integer days, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("newToken", tokens.create(name, days));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("tokenProblems", e.problems());
        }
        return "redirect:/account";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revokeToken(@PathVariable Long id) {
        tokens.revoke(id);
        return "redirect:/account";
    }

    // ---- administration -----------------------------------------------------------------------------------

    @GetMapping("/admin/users")
    String list(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("users", users.list(q));
        model.addAttribute("q", q);
        return "user/list";
    }

    @GetMapping("/admin/users/new")
    String createForm(Model model) {
        UserEdit form = new UserEdit();
        form.getGrants().add(new UserEdit.GrantRow());
        model.addAttribute("form", form);
        model.addAttribute("creating", true);
        return "user/form";
    }

    @PostMapping(path = "/admin/users/new", params = "addGrant")
    String createWithAnotherGrant(@ModelAttribute("form") UserEdit form, Model model) {
        form.getGrants().add(new UserEdit.GrantRow());
        model.addAttribute("creating", true);
        return "user/form";
    }

    @PostMapping(path = "/admin/users/{username}", params = "addGrant")
    String editWithAnotherGrant(@PathVariable String username, @ModelAttribute("form") UserEdit form, Model model) {
        form.setUsername(username);
        form.getGrants().add(new UserEdit.GrantRow());
        model.addAttribute("user", users.get(username));
        model.addAttribute("creating", false);
        return "user/form";
    }

    @PostMapping("/admin/users/new")
    String create(
            @ModelAttribute("form") UserEdit form, BindingResult result, Model model, RedirectAttributes redirect) {
        try {
            users.create(form.toForm());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/admin/users/" + form.getUsername().trim();
        } catch (InvalidInputException e) {
            FormErrors.bind(e, result);
            model.addAttribute("creating", true);
            return "user/form";
        }
    }

    @GetMapping("/admin/users/{username}")
    String editForm(@PathVariable String username, Model model) {
        var view = users.get(username);
        model.addAttribute("form", UserEdit.of(view));
        model.addAttribute("user", view);
        model.addAttribute("creating", false);
        return "user/form";
    }

    @PostMapping("/admin/users/{username}")
    String edit(
            @PathVariable String username,
            @ModelAttribute("form") UserEdit form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        try {
            users.update(username, form.toForm());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/admin/users/" + username;
        } catch (InvalidInputException | ObjectOptimisticLockingFailureException e) {
            if (e instanceof InvalidInputException invalid) {
                FormErrors.bind(invalid, result);
            } else {
                // someone saved the user since this form was opened: keep the input, say so, save nothing
                result.reject("error.stale", "error.stale");
            }
            form.setUsername(username);
            model.addAttribute("user", users.get(username));
            model.addAttribute("creating", false);
            return "user/form";
        }
    }

    @PostMapping("/admin/users/{username}/password-reset")
    String reset(@PathVariable String username, @RequestParam String password, RedirectAttributes redirect) {
        try {
            users.resetPassword(username, password);
            redirect.addFlashAttribute("passwordReset", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("resetProblems", e.problems());
        }
        return "redirect:/admin/users/" + username;
    }

    @PostMapping("/admin/users/{username}/unlock")
    String unlock(@PathVariable String username, RedirectAttributes redirect) {
        users.unlock(username);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/users/" + username;
    }
}
