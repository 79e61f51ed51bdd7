package org.dudao.data.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.dudao.data.Computed;

/**
 * The formula of a derived data item, parsed by a small recursive-descent parser (no scripting engine):
 * decimal numbers, item codes, {@code + - * /} (also {@code × ÷}), unary minus, parentheses and
 * {@code sum(a, b, …)}, the sum of the items that have a value (a school has no figure for a stage it does not
 * teach). Usual precedence: {@code * /} before {@code + -}, left to right. Evaluated in {@link BigDecimal}: a
 * missing input or a division by zero makes the value not computable, with the reason, never 0.
 */
public final class Formula {

    /** At most this many characters (the column holds 500). */
    public static final int MAX_LENGTH = 500;

    private static final MathContext MATH = MathContext.DECIMAL64;

    /** A formula that cannot be parsed: a message key and its arguments (1-based position, what was found). */
    public static final class Invalid extends RuntimeException {

        private final String key;
        private final transient Object[] args;

        Invalid(String key, Object... args) {
            super(key);
            this.key = key;
            this.args = args;
        }

        public String key() {
            return key;
        }

        public Object[] args() {
            return args;
        }
    }

    /** Where a formula finds its inputs and how it words why it cannot compute. */
    public interface Inputs {

        /** The value of an item: null when the item has no value, else computed or not (with its reason). */
        Computed value(String code);

        /** The item's name, for reasons. */
        String name(String code);

        /** The reason for an input without a value. */
        String missing(String name);

        /** The reason for a divisor that is 0 ({@code what} names it). */
        String zero(String what);
    }

    private sealed interface Node permits Num, Ref, Neg, Bin, Sum {}

    private record Num(BigDecimal value) implements Node {}

    private record Ref(String code) implements Node {}

    private record Neg(Node operand) implements Node {}

    private record Bin(char op, Node left, Node right) implements Node {}

    private record Sum(List<String> codes) implements Node {}

    private final String text;
    private final Node root;
    private final Set<String> codes;

    private Formula(String text, Node root, Set<String> codes) {
        this.text = text;
        this.root = root;
        this.codes = codes;
    }

    public static Formula parse(String text) {
        if (text == null || text.isBlank()) {
            throw new Invalid("data.formula.empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new Invalid("error.too-long", MAX_LENGTH);
        }
        Parser p = new Parser(text);
        Node root = p.expression();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.unexpected();
        }
        return new Formula(text.trim(), root, Set.copyOf(p.codes));
    }

    /** The formula as written (trimmed). */
    public String text() {
        return text;
    }

    /** The item codes it reads. */
    public Set<String> codes() {
        return codes;
    }

    public Computed evaluate(Inputs inputs) {
        return eval(root, inputs);
    }

    private static Computed eval(Node node, Inputs in) {
        if (node instanceof Num n) {
            return Computed.of(n.value());
        }
        if (node instanceof Ref r) {
            Computed v = in.value(r.code());
            return v == null ? Computed.notComputable(in.missing(in.name(r.code()))) : v;
        }
        if (node instanceof Neg n) {
            Computed v = eval(n.operand(), in);
            return v.computable() ? Computed.of(v.value().negate()) : v;
        }
        if (node instanceof Sum s) {
            return sum(s, in);
        }
        Bin b = (Bin) node;
        Computed l = eval(b.left(), in);
        if (!l.computable()) {
            return l;
        }
        Computed r = eval(b.right(), in);
        if (!r.computable()) {
            return r;
        }
        return switch (b.op()) {
            case '+' -> Computed.of(l.value().add(r.value(), MATH));
            case '-' -> Computed.of(l.value().subtract(r.value(), MATH));
            case '*' -> Computed.of(l.value().multiply(r.value(), MATH));
            default ->
                r.value().signum() == 0
                        ? Computed.notComputable(in.zero(describe(b.right(), in)))
                        : Computed.of(l.value().divide(r.value(), MATH));
        };
    }

    private static Computed sum(Sum s, Inputs in) {
        BigDecimal total = null;
        for (String code : s.codes()) {
            Computed v = in.value(code);
            if (v == null) {
                continue;
            }
            if (!v.computable()) {
                return v;
            }
            total = total == null ? v.value() : total.add(v.value(), MATH);
        }
        return total == null ? Computed.notComputable(in.missing(describe(s, in))) : Computed.of(total);
    }

    /** A part of the formula in the users' words: item names instead of codes. */
    private static String describe(Node node, Inputs in) {
        if (node instanceof Num n) {
            return n.value().toPlainString();
        }
        if (node instanceof Ref r) {
            return in.name(r.code());
        }
        if (node instanceof Neg n) {
            return "-" + describe(n.operand(), in);
        }
        if (node instanceof Sum s) {
            return String.join("+", s.codes().stream().map(in::name).toList());
        }
        Bin b = (Bin) node;
        return "(" + describe(b.left(), in) + " " + b.op() + " " + describe(b.right(), in) + ")";
    }

    /** Recursive descent over the text; positions in messages are 1-based. */
    private static final class Parser {

        private final String s;
        private int pos;
        private final Set<String> codes = new LinkedHashSet<>();

        Parser(String s) {
            this.s = s;
        }

        Node expression() {
            Node left = term();
            while (true) {
                char c = peek();
                if (c == '+' || c == '-') {
                    pos++;
                    left = new Bin(c, left, term());
                } else {
                    return left;
                }
            }
        }

        Node term() {
            Node left = factor();
            while (true) {
                char c = peek();
                if (c == '*' || c == '×') {
                    pos++;
                    left = new Bin('*', left, factor());
                } else if (c == '/' || c == '÷') {
                    pos++;
                    left = new Bin('/', left, factor());
                } else {
                    return left;
                }
            }
        }

        Node factor() {
            char c = peek();
            if (c == '-') {
                pos++;
                return new Neg(factor());
            }
            if (c == '+') {
                pos++;
                return factor();
            }
            if (c == '(' || c == '（') {
                pos++;
                Node inner = expression();
                expect(')', '）');
                return inner;
            }
            if (Character.isDigit(c) || c == '.') {
                return number();
            }
            if (c >= 'a' && c <= 'z') {
                String name = identifier();
                if (peek() == '(' || peek() == '（') {
                    return call(name);
                }
                codes.add(name);
                return new Ref(name);
            }
            throw unexpected();
        }

        private Node call(String name) {
            if (!name.equals("sum")) {
                throw new Invalid("data.formula.function", name);
            }
            pos++;
            List<String> args = new ArrayList<>();
            do {
                char c = peek();
                if (!(c >= 'a' && c <= 'z')) {
                    throw unexpected();
                }
                String code = identifier();
                codes.add(code);
                args.add(code);
            } while (accept(',', '，'));
            expect(')', '）');
            return new Sum(List.copyOf(args));
        }

        private Node number() {
            int start = pos;
            while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                pos++;
            }
            try {
                return new Num(new BigDecimal(s.substring(start, pos)));
            } catch (NumberFormatException e) {
                pos = start;
                throw unexpected();
            }
        }

        private String identifier() {
            int start = pos;
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
                    pos++;
                } else {
                    break;
                }
            }
            return s.substring(start, pos);
        }

        private boolean accept(char a, char b) {
            char c = peek();
            if (c == a || c == b) {
                pos++;
                return true;
            }
            return false;
        }

        private void expect(char a, char b) {
            if (!accept(a, b)) {
                throw unexpected();
            }
        }

        /** The next character after blanks, or 0 at the end. */
        char peek() {
            skipSpace();
            return pos < s.length() ? s.charAt(pos) : 0;
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        Invalid unexpected() {
            skipSpace();
            return pos >= s.length()
                    ? new Invalid("data.formula.end")
                    : new Invalid("data.formula.unexpected", pos + 1, String.valueOf(s.charAt(pos)));
        }
    }
}
