package org.dudao.security;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The REST endpoints the walks cover, read from Spring's handler mappings: an endpoint added later joins every
 * walk by itself. Shared by {@link ScopeWalkTest} and {@link FuzzWalkTest}.
 */
final class ApiEndpoints {

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(?::[^}]*)?}");

    private ApiEndpoints() {}

    /** One path pattern with one HTTP method and the controller method answering it. */
    record Endpoint(String pattern, HttpMethod method, HandlerMethod handler) {

        boolean isPublic() {
            return pattern.startsWith("/api/public/");
        }

        /** The pattern with every path variable replaced by its sample, or an exception naming the one missing. */
        String url(Function<String, String> samples) {
            Matcher m = VARIABLE.matcher(pattern);
            StringBuilder url = new StringBuilder();
            while (m.find()) {
                String sample = samples.apply(m.group(1));
                if (sample == null) {
                    throw new MissingSample(m.group(1));
                }
                m.appendReplacement(url, Matcher.quoteReplacement(sample));
            }
            m.appendTail(url);
            return url.toString();
        }

        boolean hasVariables() {
            return VARIABLE.matcher(pattern).find();
        }

        /** The names of the path variables, in order. */
        List<String> variables() {
            List<String> names = new ArrayList<>();
            Matcher m = VARIABLE.matcher(pattern);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }

        boolean multipart() {
            return filePart() != null;
        }

        /** The name of the multipart part the endpoint reads a file from, if any. */
        String filePart() {
            return parameters().stream()
                    .map(p -> p.getParameterAnnotation(RequestPart.class))
                    .filter(java.util.Objects::nonNull)
                    .map(part -> !part.name().isEmpty() ? part.name() : part.value())
                    .findFirst()
                    .orElse(null);
        }

        /** The parameter read from a JSON body, if any. */
        MethodParameter body() {
            return parameters().stream()
                    .filter(p -> p.hasParameterAnnotation(RequestBody.class))
                    .findFirst()
                    .orElse(null);
        }

        /** Query parameters by name with their type: plain ones and the components of a record bound as a filter. */
        Map<String, Class<?>> queryParameters() {
            Map<String, Class<?>> result = new LinkedHashMap<>();
            for (MethodParameter p : parameters()) {
                RequestParam rp = p.getParameterAnnotation(RequestParam.class);
                if (rp != null) {
                    String name = !rp.name().isEmpty()
                            ? rp.name()
                            : !rp.value().isEmpty() ? rp.value() : p.getParameterName();
                    boolean file = MultipartFile.class.isAssignableFrom(p.getParameterType())
                            || p.getGenericParameterType().getTypeName().contains("MultipartFile");
                    if (name != null && !file && !Map.class.isAssignableFrom(p.getParameterType())) {
                        result.put(name, p.getParameterType());
                    }
                } else if (p.getParameterType().isRecord() && !p.hasParameterAnnotations()) {
                    for (var component : p.getParameterType().getRecordComponents()) {
                        result.put(component.getName(), component.getType());
                    }
                }
            }
            return result;
        }

        /** The query parameters a request must carry: required, without a default value, not optional. */
        Set<String> requiredQueryParameters() {
            Set<String> result = new TreeSet<>();
            for (MethodParameter p : parameters()) {
                RequestParam rp = p.getParameterAnnotation(RequestParam.class);
                if (rp != null
                        && rp.required()
                        && ValueConstants.DEFAULT_NONE.equals(rp.defaultValue())
                        && !p.isOptional()) {
                    String name = !rp.name().isEmpty()
                            ? rp.name()
                            : !rp.value().isEmpty() ? rp.value() : p.getParameterName();
                    result.add(name);
                }
            }
            result.retainAll(queryParameters().keySet());
            return result;
        }

        private List<MethodParameter> parameters() {
            List<MethodParameter> result = new ArrayList<>();
            for (MethodParameter p : handler.getMethodParameters()) {
                p.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
                result.add(p);
            }
            return result;
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    /** A path variable the walk has no sample for: the walk must be told one. */
    static final class MissingSample extends RuntimeException {
        MissingSample(String variable) {
            super("no sample for path variable {" + variable + "}");
        }
    }

    /** Every {@code /api} endpoint, in a stable order. */
    static List<Endpoint> all(RequestMappingHandlerMapping mappings) {
        List<Endpoint> result = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            var declared = info.getMethodsCondition().getMethods();
            List<HttpMethod> methods = declared.isEmpty()
                    ? List.of(HttpMethod.GET)
                    : declared.stream().map(d -> HttpMethod.valueOf(d.name())).toList();
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    methods.forEach(method -> result.add(new Endpoint(pattern, method, handler)));
                }
            }
        });
        result.sort(Comparator.comparing(Endpoint::toString));
        return result;
    }

    static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
